"""IMAP mailboxes (imapclient): the inbox and the Sent folder of one account.

Incremental reading: per folder the checkpoint keeps the folder's name, its
UIDVALIDITY and the highest UID read::

    {"v": 1, "inbox": ["INBOX", 1795436704, 42], "sent": ["Sent", 1795436705, 17]}

A changed UIDVALIDITY (the server renumbered the folder) or a renamed Sent folder
reads that folder again from the start. That is safe: the core never acts twice
on one Message-ID, so a rescan only gives it messages it has seen.

Nothing here changes the mailbox: folders are opened read-only (EXAMINE) and
fetched with BODY.PEEK, so \\Seen is never set. Only the header block is fetched,
plus the first part of the body when the classifier needs text (``with_text``).

The Sent folder is the one the server flags \\Sent (RFC 6154 SPECIAL-USE), else the
configured ``sent_folder``, else a folder with a well-known name ("Sent", "Sent
Items", ...). None found is a MisconfiguredError: without it replies go unseen.

Connections: one connection is kept between polls and checked by use; when it
fails (the server restarted, an idle timeout) poll reconnects once at once, then
gives up with a TransientError whose ``retry_after`` grows with each failure in a
row (5 s doubling up to 5 minutes), so the daemon backs off.

IDLE (``idle = true``): :meth:`IMAPMailSource.watch` starts a thread with a second
connection idling on INBOX; when the server reports a change it calls the
callback (the daemon's wake-up), and the daemon then polls as usual. poll itself
never waits on IDLE, so it always returns promptly; polling on the daemon's
interval remains the fallback (and the only path for a server without IDLE, and
for the Sent folder: a reply only has to be seen before the acknowledgement is
due, and the daemon polls before acting on any timer).
"""

from __future__ import annotations

import imaplib
import ipaddress
import logging
import re
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient
from imapclient import exceptions as imap_exc

from bot.adapters.sources import checkpoint as checkpoints
from bot.adapters.sources.parse import parse_email
from bot.errors import AuthError, MalformedInput, MisconfiguredError, SourceError, TransientError
from bot.model.message import Folder, Message
from bot.model.settings import MailboxSettings, Settings
from bot.ports import MailBatch, Malformed
from bot.secrets import SecretRef, resolve_secret, secret_ref

__all__ = ["IMAPAccount", "IMAPMailSource", "from_settings", "imap_errors", "find_sent_folder"]

log = logging.getLogger(__name__)
# imapclient logs the whole protocol exchange (message bodies included) at DEBUG.
logging.getLogger("imapclient.imaplib").setLevel(logging.INFO)

SECURITY = ("tls", "starttls", "plain")
DEFAULT_PORTS = {"tls": 993, "starttls": 143, "plain": 143}
_FETCH_CHUNK = 100  # UIDs per FETCH: bounded responses, steady progress
_TEXT_LIMIT = 256 * 1024  # body bytes read for the classifier; attachments are not needed
_WELL_KNOWN_SENT = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "INBOX.Sent", "INBOX/Sent")
_BACKOFF_FIRST, _BACKOFF_MAX = 5.0, 300.0

_ACCOUNT_KEYS = frozenset(
    {"host", "port", "security", "username", "username_env", "username_file",
     "password_env", "password_file", "ca_file", "timeout"}
)  # fmt: skip
_SOURCE_KEYS = _ACCOUNT_KEYS | {"sent_folder", "idle"}


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def backoff_seconds(failures: int) -> float:
    """5 s after the first failure in a row, doubling, at most 5 minutes."""
    return min(_BACKOFF_FIRST * 2 ** max(failures - 1, 0), _BACKOFF_MAX)


# -- the account: where and how to sign in -----------------------------------------


@dataclass(frozen=True)
class IMAPAccount:
    """How to reach one IMAP account. The password is read at each connection."""

    host: str
    port: int
    security: str
    username: str
    password: SecretRef
    ca_file: str | None = None
    timeout: float = 30.0
    source: str = ""  # names the account in errors (the mailbox address)

    @classmethod
    def from_options(
        cls, options: Mapping[str, Any], *, source: str, prefix: str = "", default_user: str = ""
    ) -> IMAPAccount:
        """Read ``host``, ``port``, ``security``, ``username`` (or ``username_env`` /
        ``username_file``), ``password_env`` / ``password_file``, ``ca_file`` and
        ``timeout``, each name after ``prefix`` (the SMTP outbox uses ``imap_``)."""
        opts = {k[len(prefix) :]: v for k, v in options.items() if k.startswith(prefix)}

        def bad(key: str, what: str) -> MisconfiguredError:
            return MisconfiguredError(f"{prefix}{key}: {what}", source=source)

        host = opts.get("host")
        if not isinstance(host, str) or not host.strip():
            raise bad("host", "the IMAP server's name is required")
        host = host.strip()
        security = opts.get("security", "tls")
        if security not in SECURITY:
            raise bad("security", f"must be one of {', '.join(SECURITY)}, got {security!r}")
        if security == "plain" and not is_loopback(host):
            raise bad(
                "security",
                '"plain" (no encryption) is allowed only for a server on this machine '
                "(127.0.0.1, ::1, localhost); use tls or starttls",
            )
        port = opts.get("port", DEFAULT_PORTS[security])
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise bad("port", f"must be a port number, got {port!r}")
        timeout = opts.get("timeout", 30)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise bad("timeout", f"must be a number of seconds, got {timeout!r}")
        username = _username(opts, source=source, prefix=prefix) or default_user
        if not username:
            raise bad("username", "required")
        ca_file = opts.get("ca_file")
        if ca_file is not None and (not isinstance(ca_file, str) or not ca_file):
            raise bad("ca_file", "must be a path")
        password = secret_ref(opts, "password", source=source)
        assert password is not None
        if prefix:  # name the keys as the user wrote them
            password = SecretRef(
                f"{prefix}password", env=password.env, file=password.file, source=source
            )
        return cls(host, port, security, username, password, ca_file, float(timeout), source)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file)

    def connect(self) -> IMAPClient:
        """A signed-in client. Errors are mapped onto bot.errors."""
        client: IMAPClient | None = None
        with imap_errors(self.source, "connect"):
            try:
                if self.security == "tls":
                    client = IMAPClient(
                        self.host, port=self.port, ssl=True, ssl_context=self.ssl_context(),
                        timeout=self.timeout,
                    )  # fmt: skip
                else:
                    client = IMAPClient(self.host, port=self.port, ssl=False, timeout=self.timeout)
                    if self.security == "starttls":
                        if b"STARTTLS" not in client.capabilities():
                            raise MisconfiguredError(
                                'the server does not offer STARTTLS; use security = "tls"',
                                source=self.source,
                            )
                        client.starttls(self.ssl_context())
                client.login(self.username, self.password.get().reveal())
            except BaseException:
                if client is not None:
                    _quietly_close(client)
                raise
        assert client is not None
        return client


def _username(opts: Mapping[str, Any], *, source: str, prefix: str) -> str:
    value = opts.get("username")
    if value is not None:
        if not isinstance(value, str) or not value.strip():
            raise MisconfiguredError(f"{prefix}username: must be text", source=source)
        return value.strip()
    found = resolve_secret(opts, "username", source=source, required=False)
    return found.reveal().strip() if found is not None else ""


def _quietly_close(client: IMAPClient) -> None:
    with suppress(Exception):
        client.logout()
    with suppress(Exception):
        client.shutdown()


def _server_text(exc: BaseException) -> str:
    """A server's short reason ("Mailbox doesn't exist: X"), for an error message."""
    text = str(exc)
    if text.startswith(("b'", 'b"')):
        text = text[2:-1]
    text = re.sub(r"\s*\(\d+\.\d+ \+ .*?secs\)\.?", "", text)  # Dovecot's timings
    return text[:200]


@contextmanager
def imap_errors(source: str, what: str) -> Iterator[None]:
    """Map imaplib/imapclient/socket errors onto bot.errors (ours pass through)."""
    try:
        yield
    except SourceError:
        raise
    except imap_exc.LoginError as exc:
        raise AuthError(f"IMAP sign-in refused: {_server_text(exc)}", source=source) from None
    except ssl.SSLCertVerificationError as exc:
        raise MisconfiguredError(
            f"IMAP {what}: the server's TLS certificate is not trusted ({exc.verify_message});"
            " check host and ca_file",
            source=source,
        ) from None
    except (imaplib.IMAP4.abort, OSError, EOFError) as exc:
        # abort: the server hung up or broke the protocol; OSError: refused, reset,
        # timed out, TLS failures. All worth another try later.
        raise TransientError(
            f"IMAP {what}: connection failed ({type(exc).__name__})", source=source
        ) from None
    except imaplib.IMAP4.error as exc:
        raise SourceError(f"IMAP {what}: {_server_text(exc)}", source=source) from None


def find_sent_folder(client: IMAPClient, configured: str | None, *, source: str) -> str:
    """The Sent folder: flagged \\Sent, else ``configured``, else a well-known name."""
    with imap_errors(source, "LIST"):
        folders = client.list_folders()
    names = []
    for flags, _, name in folders:
        if any(f.lower() == b"\\sent" for f in flags):
            return str(name)
        names.append(str(name))
    if configured:
        if configured in names:
            return configured
        raise MisconfiguredError(
            f"sent_folder: the server flags no folder \\Sent and {configured!r} does not exist",
            source=source,
        )
    for candidate in _WELL_KNOWN_SENT:
        if candidate in names:
            return candidate
    raise MisconfiguredError(
        "no Sent folder: the server flags none \\Sent; set sent_folder", source=source
    )


# -- the source -------------------------------------------------------------------


@dataclass(frozen=True)
class _FolderMark:
    name: str
    uidvalidity: int
    uid: int


class IMAPMailSource:
    """One IMAP mailbox as a :class:`bot.ports.MailSource` (see the module doc)."""

    def __init__(
        self,
        address: str,
        account: IMAPAccount,
        *,
        sent_folder: str | None = None,
        idle: bool = False,
        with_text: bool = True,
        default_tz: str = "Europe/London",
    ) -> None:
        self.address = address.strip().lower()
        self.account = account
        self.sent_folder = sent_folder
        self.idle = idle
        self.with_text = with_text
        self.default_tz = default_tz
        self._client: IMAPClient | None = None
        self._sent_name: str | None = None
        self._failures = 0
        self._watcher: _IdleWatcher | None = None

    # -- MailSource -----------------------------------------------------------

    def poll(self, checkpoint: str | None) -> MailBatch:
        marks = checkpoints.decode(checkpoint, _read_marks, f"imap {self.address}") or {}
        try:
            try:
                batch = self._poll(marks)
            except TransientError:
                if self._client is None:
                    raise
                # A kept connection may have died quietly: one fresh try at once.
                self._drop()
                batch = self._poll(marks)
        except TransientError as exc:
            self._drop()
            self._failures += 1
            wait = backoff_seconds(self._failures)
            log.warning("imap %s: unavailable (%s), next try in %.0fs", self.address, exc, wait)
            raise TransientError(str(exc), source=exc.source, retry_after=wait) from None
        except SourceError:
            self._drop()
            raise
        self._failures = 0
        return batch

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        self._drop()

    # -- IDLE -----------------------------------------------------------------

    def watch(self, callback: Callable[[], None]) -> bool:
        """With ``idle`` on, call ``callback`` (from another thread) whenever the
        server reports a change in INBOX. Returns whether a watcher was started."""
        if not self.idle or self._watcher is not None:
            return False
        self._watcher = _IdleWatcher(self.account, "INBOX", callback, self.address)
        self._watcher.start()
        return True

    # -- internals ------------------------------------------------------------

    def _connection(self) -> IMAPClient:
        if self._client is None:
            self._client = self.account.connect()
            self._sent_name = None
        return self._client

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            _quietly_close(client)

    def _poll(self, marks: dict[str, _FolderMark]) -> MailBatch:
        client = self._connection()
        if self._sent_name is None:
            self._sent_name = find_sent_folder(client, self.sent_folder, source=self.address)
        messages: list[Message] = []
        malformed: list[Malformed] = []
        new_marks = {
            "inbox": self._scan(
                client, "INBOX", Folder.INBOX, marks.get("inbox"), messages, malformed
            ),
            "sent": self._scan(
                client, self._sent_name, Folder.SENT, marks.get("sent"), messages, malformed
            ),
        }
        messages.sort(key=lambda m: (m.date, m.message_id, m.folder.value))
        log.debug(
            "imap %s: %d new message(s), %d malformed", self.address, len(messages), len(malformed)
        )
        mark = {k: [m.name, m.uidvalidity, m.uid] for k, m in new_marks.items()}
        return MailBatch(messages, malformed, checkpoints.encode(mark))

    def _scan(
        self,
        client: IMAPClient,
        name: str,
        folder: Folder,
        old: _FolderMark | None,
        messages: list[Message],
        malformed: list[Malformed],
    ) -> _FolderMark:
        with imap_errors(self.address, f"open {name}"):
            try:
                info = client.select_folder(name, readonly=True)  # EXAMINE
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error as exc:
                raise MisconfiguredError(
                    f"folder {name!r} cannot be opened: {_server_text(exc)}", source=self.address
                ) from None
        validity = int(info[b"UIDVALIDITY"])
        last = 0
        if old is not None and old.name == name and old.uidvalidity == validity:
            last = old.uid
        elif old is not None:
            log.info(
                "imap %s: %s was renumbered or renamed; reading it again", self.address, folder
            )
        uidnext = info.get(b"UIDNEXT")
        if int(info.get(b"EXISTS", 1)) == 0 or (uidnext is not None and int(uidnext) <= last + 1):
            return _FolderMark(name, validity, last)
        with imap_errors(self.address, f"search {name}"):
            found = client.search(["UID", f"{last + 1}:*"] if last else ["ALL"])
        # "n:*" always matches the highest UID, even one below n.
        uids = sorted(u for u in found if u > last)
        items = [b"BODY.PEEK[HEADER]"]
        if self.with_text:
            items.append(b"BODY.PEEK[TEXT]<0.%d>" % _TEXT_LIMIT)
        for start in range(0, len(uids), _FETCH_CHUNK):
            chunk = uids[start : start + _FETCH_CHUNK]
            with imap_errors(self.address, f"fetch from {name}"):
                fetched = client.fetch(chunk, items)
            for uid in chunk:
                data = fetched.get(uid)
                if data is None:
                    continue  # expunged between SEARCH and FETCH
                raw = data.get(b"BODY[HEADER]", b"") or b""
                if self.with_text:
                    raw += data.get(b"BODY[TEXT]<0>", b"") or b""
                self._parse(raw, name, validity, uid, folder, messages, malformed)
        return _FolderMark(name, validity, max([last, *uids]))

    def _parse(
        self,
        raw: bytes,
        name: str,
        validity: int,
        uid: int,
        folder: Folder,
        messages: list[Message],
        malformed: list[Malformed],
    ) -> None:
        where = f"{name}/{validity}/{uid}"
        try:
            messages.append(
                parse_email(
                    raw,
                    mailbox=self.address,
                    folder=folder,
                    source_ref=where,
                    with_text=self.with_text,
                    default_tz=self.default_tz,
                )
            )
        except MalformedInput as exc:
            reason = str(exc).removeprefix(f"{where}: ")
            malformed.append(Malformed(where, reason))


def _read_marks(data: dict[str, Any]) -> dict[str, _FolderMark]:
    """A checkpoint's fields: per folder ("inbox", "sent"), [name, UIDVALIDITY, UID]."""
    marks: dict[str, _FolderMark] = {}
    for key in ("inbox", "sent"):
        if key in data:
            name, validity, uid = data[key]
            marks[key] = _FolderMark(str(name), int(validity), int(uid))
    return marks


class _IdleWatcher:
    """A thread idling on one folder; calls ``callback`` when the server reports
    anything. Reconnects with back-off; stops within ``_CHECK`` seconds of stop()."""

    _CHECK = 1.0  # how often the thread looks at its stop flag while idling
    _RENEW = 600.0  # re-issue IDLE well inside the 29 minutes RFC 2177 allows

    def __init__(
        self, account: IMAPAccount, folder: str, callback: Callable[[], None], address: str
    ) -> None:
        self.account = account
        self.folder = folder
        self.callback = callback
        self.address = address
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"imap-idle {address}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(self._CHECK + self.account.timeout + 1)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            client: IMAPClient | None = None
            try:
                client = self.account.connect()
                with imap_errors(self.address, "IDLE"):
                    if b"IDLE" not in client.capabilities():
                        log.info("imap %s: server has no IDLE; polling only", self.address)
                        return
                    client.select_folder(self.folder, readonly=True)
                    failures = 0
                    self.callback()  # (re)connected: whatever changed meanwhile, look now
                    while not self._stop.is_set():
                        self._idle_once(client)
            except (OSError, SourceError) as exc:
                if isinstance(exc, AuthError | MisconfiguredError):
                    log.error("imap %s: IDLE stopped: %s", self.address, exc)
                    return
                failures += 1
                wait = backoff_seconds(failures)
                log.info("imap %s: IDLE connection lost, again in %.0fs", self.address, wait)
                self._stop.wait(wait)
            finally:
                if client is not None:
                    _quietly_close(client)

    def _idle_once(self, client: IMAPClient) -> None:
        client.idle()
        changed = False
        try:
            deadline = time.monotonic() + self._RENEW
            while not self._stop.is_set() and time.monotonic() < deadline:
                if client.idle_check(timeout=self._CHECK):
                    changed = True
                    break
        finally:
            client.idle_done()
        if changed:
            self.callback()


def from_settings(mb: MailboxSettings, settings: Settings) -> IMAPMailSource:
    """The daemon's factory for ``[[mailbox]] type = "imap"``."""
    options = mb.options
    unknown = sorted(set(options) - _SOURCE_KEYS)
    if unknown:
        raise MisconfiguredError(
            f"unknown IMAP option(s) {', '.join(unknown)}; known: {', '.join(sorted(_SOURCE_KEYS))}",
            source=mb.address,
        )
    account = IMAPAccount.from_options(options, source=mb.address, default_user=mb.address)
    sent_folder = options.get("sent_folder")
    if sent_folder is not None and (not isinstance(sent_folder, str) or not sent_folder.strip()):
        raise MisconfiguredError("sent_folder: must be a folder name", source=mb.address)
    idle = options.get("idle", False)
    if not isinstance(idle, bool):
        raise MisconfiguredError("idle: must be true or false", source=mb.address)
    return IMAPMailSource(
        mb.address,
        account,
        sent_folder=sent_folder,
        idle=idle,
        with_text=bool(settings.classifier.get("enabled", True)),
        default_tz=settings.council.timezone,
    )
