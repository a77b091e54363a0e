"""Local folder mailboxes: the embedded default, the demo's mail and replay's reader.

Layout (docs/contract.md)::

    ROOT/<mailbox-owner-address>/inbox/*.eml
    ROOT/<mailbox-owner-address>/sent/*.eml

Names starting with "_" or "." under ROOT are not mailboxes (``_outgoing`` is where
the folder sender parks mail for addresses without a mailbox); files starting with
"." or not ending in ".eml" are ignored, so writers can use ``.name.tmp`` files and
an atomic rename.

Checkpoint (why it looks the way it does): a set of every seen file name would be
megabytes for 50,000 files and is stored after every poll, so per folder we keep a
time mark plus the few names at or after it:

    {"v": 1, "inbox": [mark_ns, [names...]], "sent": [mark_ns, [names...]]}

A file's time is max(mtime, ctime). ctime is set by the kernel when a file is
created or renamed into place, so files copied with preserved mtimes (``cp -p``,
rsync) or moved in still count as new. A file counts as seen when its time is
below the mark or its name is listed. After a scan the mark becomes "scan start
minus ``settle_seconds``" (never earlier than before) and the names listed are
those with a time at or after the new mark. The margin covers coarse filesystem
timestamps and files whose rename raced the directory listing; it keeps the name
list down to the files of the last few seconds. When a folder's own time is below
the mark nothing was added since, and the folder is not even listed.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.adapters.sources import checkpoint as checkpoints
from bot.adapters.sources.parse import body_text, parse_email
from bot.errors import MalformedInput, MisconfiguredError
from bot.model.message import Folder, Message
from bot.ports import MailBatch, Malformed

__all__ = ["FolderMailSource", "read_export", "mailbox_addresses", "message_text"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _FolderState:
    mark_ns: int
    names: frozenset[str]


def _read_state(data: dict[str, Any]) -> dict[str, _FolderState]:
    """A checkpoint's fields: per folder, [newest mtime read (ns), names read at it]."""
    state: dict[str, _FolderState] = {}
    for folder in Folder:
        if folder.value in data:
            mark, names = data[folder.value]
            state[folder.value] = _FolderState(int(mark), frozenset(map(str, names)))
    return state


def _is_mailbox_name(name: str) -> bool:
    return not name.startswith(("_", ".")) and "@" in name


def _is_eml(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(".eml")


def mailbox_addresses(root: Path) -> list[str]:
    """The mailbox owners under ROOT (lower-case, sorted)."""
    root = Path(root)
    if not root.is_dir():
        raise MisconfiguredError("mail folder not found", source=str(root))
    with os.scandir(root) as entries:
        return sorted({e.name.lower() for e in entries if _is_mailbox_name(e.name) and e.is_dir()})


def _read_one(
    path: str, where: str, mailbox: str, folder: Folder, with_text: bool, default_tz: str
) -> Message | Malformed | None:
    """Parse one file; None when it vanished between listing and reading."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Malformed(where, f"cannot read file ({type(exc).__name__})")
    try:
        return parse_email(
            data,
            mailbox=mailbox,
            folder=folder,
            source_ref=where,
            with_text=with_text,
            default_tz=default_tz,
        )
    except MalformedInput as exc:
        return Malformed(where, _bare_reason(exc))


def _bare_reason(exc: MalformedInput) -> str:
    text = str(exc)
    prefix = f"{exc.where}: "
    return text[len(prefix) :] if exc.where and text.startswith(prefix) else text


def _sort_key(msg: Message) -> tuple[object, ...]:
    return (msg.date, msg.message_id, msg.mailbox, msg.folder.value)


def read_export(
    root: Path, with_text: bool = False, *, default_tz: str = "Europe/London"
) -> tuple[list[Message], list[Malformed]]:
    """Every message of every mailbox under ROOT, for replay.

    Lists directories with os.scandir and reads each file once: no per-file stat.
    Messages come sorted by (date, message_id); malformed files by path.
    """
    root = Path(root)
    messages: list[Message] = []
    malformed: list[Malformed] = []
    for address in mailbox_addresses(root):
        mailbox_dir = _find_mailbox_dir(root, address)
        if mailbox_dir is None:
            continue
        for folder in Folder:
            for name, path in _list_eml(mailbox_dir / folder.value):
                where = f"{mailbox_dir.name}/{folder.value}/{name}"
                item = _read_one(path, where, address, folder, with_text, default_tz)
                if isinstance(item, Message):
                    messages.append(item)
                elif item is not None:
                    malformed.append(item)
    messages.sort(key=_sort_key)
    malformed.sort(key=lambda m: m.where)
    return messages, malformed


def message_text(root: Path, msg: Message) -> str:
    """The body text of a message that :func:`read_export` returned without it, so
    replay can read text only for the messages the classifier must see. "" when
    the file has gone."""
    try:
        data = (Path(root) / msg.source_ref).read_bytes()
    except OSError:
        return ""
    return body_text(data)


def _list_eml(directory: Path) -> list[tuple[str, str]]:
    try:
        with os.scandir(directory) as entries:
            found = [(e.name, e.path) for e in entries if _is_eml(e.name) and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    found.sort()
    return found


def _find_mailbox_dir(root: Path, address: str) -> Path | None:
    exact = root / address
    if exact.is_dir():
        return exact
    try:
        with os.scandir(root) as entries:  # directory names may differ in case
            for entry in entries:
                if entry.name.lower() == address and entry.is_dir():
                    return Path(entry.path)
    except FileNotFoundError:
        pass
    return None


def _file_time_ns(st: os.stat_result) -> int:
    return max(st.st_mtime_ns, st.st_ctime_ns)


class FolderMailSource:
    """One mailbox of the folder layout, as a :class:`bot.ports.MailSource`."""

    def __init__(
        self,
        root: Path,
        address: str,
        with_text: bool = False,
        *,
        settle_seconds: float = 10.0,
        default_tz: str = "Europe/London",
    ) -> None:
        self.root = Path(root)
        self.address = address.strip().lower()
        self.with_text = with_text
        self.default_tz = default_tz
        self._settle_ns = int(settle_seconds * 1_000_000_000)

    def poll(self, checkpoint: str | None) -> MailBatch:
        if not self.root.is_dir():
            raise MisconfiguredError("mail folder not found", source=str(self.root))
        previous = checkpoints.decode(checkpoint, _read_state, "folder source") or {}
        horizon = time.time_ns() - self._settle_ns
        mailbox_dir = _find_mailbox_dir(self.root, self.address)
        messages: list[Message] = []
        malformed: list[Malformed] = []
        state: dict[str, _FolderState] = {}
        for folder in Folder:
            if mailbox_dir is None:
                continue  # no state: when it appears, all of it is new
            folder_state = self._scan(
                mailbox_dir, folder, previous.get(folder.value), horizon, messages, malformed
            )
            if folder_state is not None:
                state[folder.value] = folder_state
        messages.sort(key=_sort_key)
        log.debug("folder source: %d new message(s), %d malformed", len(messages), len(malformed))
        mark = checkpoints.encode({k: [v.mark_ns, sorted(v.names)] for k, v in state.items()})
        return MailBatch(messages=messages, malformed=malformed, checkpoint=mark)

    def _scan(
        self,
        mailbox_dir: Path,
        folder: Folder,
        old: _FolderState | None,
        horizon: int,
        messages: list[Message],
        malformed: list[Malformed],
    ) -> _FolderState | None:
        directory = mailbox_dir / folder.value
        try:
            dir_time = _file_time_ns(directory.stat())
        except (FileNotFoundError, NotADirectoryError):
            return None
        if old is not None and dir_time < old.mark_ns:
            return old  # nothing added or renamed since the last scan
        mark = old.mark_ns if old else 0
        seen = old.names if old else frozenset()
        new_mark = max(mark, horizon)
        recent: set[str] = set()
        new: list[tuple[str, str]] = []
        with os.scandir(directory) as entries:
            for entry in entries:
                name = entry.name
                if not _is_eml(name):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    file_time = _file_time_ns(entry.stat())
                except FileNotFoundError:
                    continue
                if file_time >= new_mark:
                    recent.add(name)
                if file_time >= mark and name not in seen:
                    new.append((name, entry.path))
        new.sort()
        for name, path in new:
            where = f"{mailbox_dir.name}/{folder.value}/{name}"
            item = _read_one(path, where, self.address, folder, self.with_text, self.default_tz)
            if isinstance(item, Message):
                messages.append(item)
            elif item is not None:
                malformed.append(item)
        return _FolderState(new_mark, frozenset(recent))

    def close(self) -> None:
        """Nothing to release: every poll opens and closes what it reads."""
