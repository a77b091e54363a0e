"""Sending over SMTP (smtplib), with the sent copy kept in the mailbox's Sent folder.

Never twice: the runner asks :meth:`SMTPSender.was_sent` about an email a crash
interrupted. SMTP cannot answer that, so with ``append_sent = true`` the Sent
folder keeps the record, in two steps around the one moment that commits an SMTP
transaction (the final "." of DATA):

1. the message and its recipients are given to the server, all but the final ".";
2. the copy is APPENDed to the Sent folder, flagged \\Seen and ``$PBPending``;
3. the final "." is sent; on the server's 250 the ``$PBPending`` keyword is removed.

So after a crash: no copy -> the "." was never sent -> was_sent False (safe to
send); a confirmed copy -> True; a copy still pending -> None (the crash fell
between steps 2 and 3: it may have gone), which the runner records as uncertain
rather than risk a duplicate. The window in which a pending copy belongs to an
email that did not go is the single write of the final ".".

A server that refuses keywords on the Sent folder gets a plain \\Seen copy after
the send (was_sent is then True/False, and a crash between send and append could
send twice). Without ``append_sent`` was_sent answers None: the transport cannot
tell. An answer lost after the final "." is never retried (SourceError): it may
have gone.

Errors: 4xx replies and connection failures are TransientError, 5xx SourceError,
refused sign-in AuthError, a missing STARTTLS or an untrusted certificate
MisconfiguredError.
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from imapclient import IMAPClient

from bot.adapters.outbox.mime import to_bytes
from bot.adapters.sources.imap import (
    SECURITY,
    IMAPAccount,
    find_sent_folder,
    imap_errors,
    is_loopback,
)
from bot.errors import AuthError, MisconfiguredError, SourceError, TransientError
from bot.model.outgoing import OutgoingEmail
from bot.model.settings import Settings
from bot.secrets import SecretRef, resolve_secret, secret_ref

__all__ = ["SMTPSender", "SentFolder", "from_settings", "PENDING_KEYWORD"]

log = logging.getLogger(__name__)

PENDING_KEYWORD = b"$PBPending"
DEFAULT_PORTS = {"tls": 465, "starttls": 587, "plain": 25}
_SOURCE = "outbox"
_SMTP_KEYS = frozenset(
    {"type", "host", "port", "security", "username", "username_env", "username_file",
     "password_env", "password_file", "ca_file", "timeout", "append_sent"}
)  # fmt: skip
_IMAP_KEYS = frozenset(
    f"imap_{k}"
    for k in ("host", "port", "security", "username", "username_env", "username_file",
              "password_env", "password_file", "ca_file", "timeout", "sent_folder")
)  # fmt: skip
_LEADING_DOT = re.compile(rb"(?m)^\.")

ABSENT, PENDING, DONE = "absent", "pending", "done"


# -- the Sent folder of one mailbox ------------------------------------------------


class SentFolder:
    """One mailbox's Sent folder, for the copies and for was_sent's question."""

    def __init__(self, account: IMAPAccount, configured: str | None = None) -> None:
        self.account = account
        self.configured = configured
        self._client: IMAPClient | None = None
        self._name = ""
        self.keywords = True  # the server lets us set $PBPending

    def _open(self) -> IMAPClient:
        if self._client is not None:
            try:
                self._client.noop()
                return self._client
            except Exception:  # a dead connection: open a new one below
                self.close()
        client = self.account.connect()
        try:
            with imap_errors(self.account.source, "open Sent"):
                self._name = find_sent_folder(client, self.configured, source=self.account.source)
                info = client.select_folder(self._name)  # read-write: we store flags
                permanent = [f.lower() for f in info.get(b"PERMANENTFLAGS", ())]
                self.keywords = b"\\*" in permanent or PENDING_KEYWORD.lower() in permanent
        except BaseException:
            with suppress(Exception):
                client.logout()
            raise
        self._client = client
        return client

    @contextmanager
    def _session(self, what: str) -> Iterator[IMAPClient]:
        try:
            with imap_errors(self.account.source, what):
                yield self._open()
        except SourceError:
            self.close()
            raise

    def _uids(self, client: IMAPClient, message_id: str) -> list[int]:
        found = client.search(["NOT", "DELETED", "HEADER", "MESSAGE-ID", message_id])
        return sorted(found)

    def lookup(self, message_id: str) -> str:
        """ABSENT, PENDING (only unconfirmed copies) or DONE."""
        with self._session("search Sent") as client:
            uids = self._uids(client, message_id)
            if not uids:
                return ABSENT
            flags = client.get_flags(uids)
        if any(PENDING_KEYWORD.lower() not in {f.lower() for f in fl} for fl in flags.values()):
            return DONE
        return PENDING

    def append(self, data: bytes, *, pending: bool) -> None:
        flags = (b"\\Seen", PENDING_KEYWORD) if pending else (b"\\Seen",)
        with self._session("append to Sent") as client:
            client.append(self._name, data, flags=flags)

    def confirm(self, message_id: str) -> None:
        with self._session("confirm in Sent") as client:
            uids = self._uids(client, message_id)
            if uids:
                client.remove_flags(uids, [PENDING_KEYWORD])

    def discard(self, message_id: str) -> None:
        """Remove unconfirmed copies (the email did not go)."""
        with self._session("clean Sent") as client:
            uids = self._uids(client, message_id)
            if not uids:
                return
            flags = client.get_flags(uids)
            pending = [u for u in uids if PENDING_KEYWORD.lower() in {f.lower() for f in flags[u]}]
            if not pending:
                return
            client.add_flags(pending, [b"\\Deleted"])
            if b"UIDPLUS" in client.capabilities():
                client.uid_expunge(pending)
            # Without UIDPLUS the copy stays flagged \Deleted (searches skip it): a
            # plain EXPUNGE would also remove what the officer deleted.

    def prepare(self) -> bool:
        """Open the folder (so a broken one fails before anything is sent);
        returns whether the two-step record is possible."""
        with self._session("open Sent"):
            return self.keywords

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with suppress(Exception):
                client.logout()
            with suppress(Exception):
                client.shutdown()


# -- the sender ----------------------------------------------------------------------


@dataclass(frozen=True)
class SMTPServer:
    host: str
    port: int
    security: str
    username: str = ""
    password: SecretRef | None = None
    ca_file: str | None = None
    timeout: float = 30.0


def _dot_stuff(data: bytes) -> bytes:
    """DATA's transparency (RFC 5321 4.5.2); ``data`` already has CRLF line ends."""
    body = _LEADING_DOT.sub(b"..", data)
    return body if body.endswith(b"\r\n") else body + b"\r\n"


def _reply_error(code: int, what: str) -> SourceError:
    message = f"SMTP {what}: refused with {code}"
    if code in (530, 534, 535, 538):
        return AuthError(message, source=_SOURCE)
    if 400 <= code < 500:
        return TransientError(message, source=_SOURCE)
    return SourceError(message, source=_SOURCE)


@contextmanager
def smtp_errors(what: str) -> Iterator[None]:
    try:
        yield
    except SourceError:
        raise
    except smtplib.SMTPAuthenticationError:
        raise AuthError(f"SMTP {what}: sign-in refused", source=_SOURCE) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MisconfiguredError(f"SMTP {what}: {exc}", source=_SOURCE) from None
    except ssl.SSLCertVerificationError as exc:
        raise MisconfiguredError(
            f"SMTP {what}: the server's TLS certificate is not trusted ({exc.verify_message});"
            " check host and ca_file",
            source=_SOURCE,
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise _reply_error(exc.smtp_code, what) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise TransientError(
            f"SMTP {what}: connection failed ({type(exc).__name__})", source=_SOURCE
        ) from None


class SMTPSender:
    """A :class:`bot.ports.Sender` over SMTP (see the module doc)."""

    def __init__(
        self,
        server: SMTPServer,
        *,
        sent_folders: Mapping[str, SentFolder] | None = None,
        clock_date: Callable[[], datetime] | None = None,
    ) -> None:
        self.server = server
        self.sent_folders = {k.lower(): v for k, v in (sent_folders or {}).items()}
        self._clock_date = clock_date or (lambda: datetime.now(UTC))
        self._smtp: smtplib.SMTP | None = None

    # -- Sender -------------------------------------------------------------------

    def send(self, email: OutgoingEmail) -> None:
        sent = self.sent_folders.get(email.mailbox.lower())
        two_step = False
        if sent is not None:
            state = sent.lookup(email.message_id)
            if state == DONE:
                log.info("smtp: %s email already in Sent, not sending again", email.rule or "an")
                return
            if state == PENDING:
                # Only a try that stopped before the final "." leaves one (a lost
                # reply after it is never retried): it did not go.
                sent.discard(email.message_id)
            two_step = sent.prepare()
        data = to_bytes(email, self._clock_date())
        recipients = list(dict.fromkeys(a.strip() for a in email.to + email.cc if a.strip()))
        if not recipients:
            raise SourceError("no recipients", source=_SOURCE)
        smtp = self._connection()
        committed = False
        try:
            with smtp_errors("send"):
                self._envelope(smtp, email.from_addr, recipients)
                code, _ = smtp.docmd("DATA")
                if code != 354:
                    raise _reply_error(code, "DATA")
                smtp.send(_dot_stuff(data))
                if sent is not None and two_step:
                    try:
                        sent.append(data, pending=True)
                    except SourceError:
                        # Hang up before the final ".": the server drops the message.
                        self._drop()
                        with suppress(SourceError):
                            sent.discard(email.message_id)
                        raise
                smtp.send(b".\r\n")
                committed = True
                code, _ = smtp.getreply()
        except SourceError as exc:
            self._drop()
            if committed:
                # The "." went and no answer came: it may have been delivered.
                raise SourceError(
                    f"the server did not confirm the email ({exc}); it may have gone,"
                    " so it is not sent again",
                    source=_SOURCE,
                ) from None
            raise
        if code != 250:
            if sent is not None and two_step:
                with suppress(SourceError):
                    sent.discard(email.message_id)
            with suppress(Exception):
                smtp.rset()
            raise _reply_error(code, "message")
        if sent is not None:
            self._record(sent, email, data, two_step)

    def was_sent(self, email: OutgoingEmail) -> bool | None:
        sent = self.sent_folders.get(email.mailbox.lower())
        if sent is None:
            return None
        state = sent.lookup(email.message_id)
        if state == PENDING:
            return None
        return state == DONE

    def close(self) -> None:
        self._drop(polite=True)
        for sent in self.sent_folders.values():
            sent.close()

    # -- internals --------------------------------------------------------------

    def _record(self, sent: SentFolder, email: OutgoingEmail, data: bytes, two_step: bool) -> None:
        # The email went: a failure to record it is worth a warning, not a resend.
        try:
            if two_step:
                sent.confirm(email.message_id)
            else:
                sent.append(data, pending=False)
        except SourceError as exc:
            log.warning("smtp: sent, but the Sent copy was not recorded: %s", exc)

    def _envelope(self, smtp: smtplib.SMTP, sender: str, recipients: list[str]) -> None:
        code, _ = smtp.mail(sender)
        if code != 250:
            raise _reply_error(code, "MAIL FROM")
        refused: list[int] = []
        for rcpt in recipients:
            code, _ = smtp.rcpt(rcpt)
            if code not in (250, 251):
                refused.append(code)
        if len(refused) == len(recipients):
            with suppress(Exception):
                smtp.rset()
            # Any temporary refusal: worth another try; all permanent: give up.
            raise _reply_error(min(refused), "RCPT TO")
        if refused:
            # Sending to the others: retrying would send them a second copy.
            log.warning("smtp: %d of %d recipient(s) refused", len(refused), len(recipients))

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None:
            try:
                if self._smtp.noop()[0] == 250:
                    return self._smtp
            except (smtplib.SMTPException, OSError):
                pass
            self._drop()
        s = self.server
        smtp: smtplib.SMTP | None = None
        with smtp_errors("connect"):
            try:
                context = ssl.create_default_context(cafile=s.ca_file)
                if s.security == "tls":
                    smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
                else:
                    smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                smtp.ehlo()
                if s.security == "starttls":
                    if not smtp.has_extn("starttls"):
                        raise MisconfiguredError(
                            'the server does not offer STARTTLS; use security = "tls"',
                            source=_SOURCE,
                        )
                    smtp.starttls(context=context)
                    smtp.ehlo()
                if s.username:
                    assert s.password is not None
                    smtp.login(s.username, s.password.get().reveal())
            except BaseException:
                if smtp is not None:
                    with suppress(Exception):
                        smtp.close()
                raise
        self._smtp = smtp
        return smtp

    def _drop(self, *, polite: bool = False) -> None:
        """Forget the connection. Only ``polite`` says QUIT: in the middle of DATA a
        QUIT would be message text, and hanging up is what abandons the message."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        if polite:
            with suppress(Exception):
                smtp.quit()
        with suppress(Exception):
            smtp.close()


# -- the factory ---------------------------------------------------------------------


def _smtp_server(options: Mapping[str, Any]) -> SMTPServer:
    def bad(key: str, what: str) -> MisconfiguredError:
        return MisconfiguredError(f"{key}: {what}", source=_SOURCE)

    host = options.get("host")
    if not isinstance(host, str) or not host.strip():
        raise bad("host", "the SMTP server's name is required")
    host = host.strip()
    security = options.get("security", "tls")
    if security not in SECURITY:
        raise bad("security", f"must be one of {', '.join(SECURITY)}, got {security!r}")
    if security == "plain" and not is_loopback(host):
        raise bad(
            "security",
            '"plain" (no encryption) is allowed only for a server on this machine; '
            "use tls or starttls",
        )
    port = options.get("port", DEFAULT_PORTS[security])
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise bad("port", f"must be a port number, got {port!r}")
    timeout = options.get("timeout", 30)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise bad("timeout", f"must be a number of seconds, got {timeout!r}")
    username = options.get("username")
    if username is None:
        found = resolve_secret(options, "username", source=_SOURCE, required=False)
        username = found.reveal() if found else ""
    if not isinstance(username, str):
        raise bad("username", "must be text")
    password = secret_ref(options, "password", source=_SOURCE, required=bool(username))
    if password is not None and not username:
        raise bad("username", "required with a password")
    ca_file = options.get("ca_file")
    if ca_file is not None and (not isinstance(ca_file, str) or not ca_file):
        raise bad("ca_file", "must be a path")
    return SMTPServer(host, port, security, username.strip(), password, ca_file, float(timeout))


def _sent_folders(options: Mapping[str, Any], settings: Settings) -> dict[str, SentFolder]:
    """Where each mailbox's sent copies go: the outbox's own ``imap_*`` account for
    every mailbox, else each IMAP mailbox's own [[mailbox]] settings."""
    if "imap_host" in options:
        account = IMAPAccount.from_options(options, source=_SOURCE, prefix="imap_")
        configured = options.get("imap_sent_folder")
        return {mb.address: SentFolder(account, configured) for mb in settings.mailboxes}
    folders = {}
    for mb in settings.mailboxes:
        if mb.type != "imap":
            log.warning("smtp: no Sent folder for %s (not an IMAP mailbox)", mb.address)
            continue
        account = IMAPAccount.from_options(mb.options, source=mb.address, default_user=mb.address)
        folders[mb.address] = SentFolder(account, mb.options.get("sent_folder"))
    if not folders:
        raise MisconfiguredError(
            "append_sent needs imap_host (and imap_username, imap_password_env) or IMAP mailboxes",
            source=_SOURCE,
        )
    return folders


def from_settings(options: dict[str, Any], settings: Settings) -> SMTPSender:
    """The daemon's factory for ``[outbox] type = "smtp"``."""
    unknown = sorted(set(options) - _SMTP_KEYS - _IMAP_KEYS)
    if unknown:
        raise MisconfiguredError(f"unknown SMTP option(s) {', '.join(unknown)}", source=_SOURCE)
    server = _smtp_server(options)
    append_sent = options.get("append_sent", False)
    if not isinstance(append_sent, bool):
        raise MisconfiguredError("append_sent: must be true or false", source=_SOURCE)
    folders = _sent_folders(options, settings) if append_sent else {}
    return SMTPSender(server, sent_folders=folders)
