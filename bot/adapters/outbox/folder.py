"""Delivers outgoing email into the local folder mailboxes (demo, embedded default).

A recipient with a mailbox folder under ROOT gets the message in its inbox; any
other recipient's copy is parked in ROOT/_outgoing/ (one file however many such
recipients). File names come from the Message-ID, so a resend after a crash finds
the file already there and writes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.outbox.mime import to_bytes
from bot.model.outgoing import OutgoingEmail

__all__ = ["FolderSender", "eml_name", "write_atomically"]

log = logging.getLogger(__name__)

OUTGOING_DIR = "_outgoing"


def eml_name(message_id: str) -> str:
    """A safe, stable file name for a Message-ID."""
    return hashlib.sha1(message_id.encode("utf-8")).hexdigest()[:16] + ".eml"


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Readers (our folder source) never see a half-written .eml: write a dot-file
    they ignore, then rename it into place. ``durable`` flushes it to disk first
    (a real delivery); replay output can skip that cost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class FolderSender:
    """A :class:`bot.ports.Sender` writing into ROOT/<recipient>/inbox/."""

    def __init__(self, root: Path, clock_date: Callable[[], datetime] | None = None) -> None:
        self.root = Path(root)
        self._clock_date = clock_date or (lambda: datetime.now(UTC))

    def _targets(self, email: OutgoingEmail) -> list[Path]:
        name = eml_name(email.message_id)
        targets: list[Path] = []
        for recipient in dict.fromkeys(a.strip().lower() for a in email.to + email.cc):
            mailbox = self.root / recipient
            directory = mailbox / "inbox" if mailbox.is_dir() else self.root / OUTGOING_DIR
            target = directory / name
            if target not in targets:
                targets.append(target)
        return targets

    def send(self, email: OutgoingEmail) -> None:
        missing = [t for t in self._targets(email) if not t.exists()]
        if not missing:
            return
        data = to_bytes(email, email.date or self._clock_date())
        for target in missing:
            write_atomically(target, data)
        log.info(
            "folder sender: delivered %s email to %d file(s)", email.rule or "an", len(missing)
        )
        log.debug("folder sender: %s -> %s", email.message_id, [str(t) for t in missing])

    def was_sent(self, email: OutgoingEmail) -> bool:
        targets = self._targets(email)
        return bool(targets) and all(t.exists() for t in targets)

    def close(self) -> None:
        """Nothing held open."""
