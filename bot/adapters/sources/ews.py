"""Exchange on premises through EWS (exchangelib): a mailbox's inbox and sent
items as a :class:`bot.ports.MailSource`, its calendar as a
:class:`bot.ports.CalendarSource`, and distribution-list expansion.

Exchange Online blocks EWS from 1 October 2026 and turns it off on 1 April 2027:
use ``type = "graph"`` there. On-premises Exchange keeps EWS.

Options (``[[mailbox]] type = "ews"``; the same keys in ``[outbox] type = "ews"``)::

    server = "mail.council.gov.uk"              # or service_endpoint = "https://.../EWS/Exchange.asmx"
    auth = "ntlm"                               # "ntlm" (default), "basic" or "oauth"
    username = "COUNCIL\\svc-protocol-bot"      # ntlm/basic
    password_env = "PROTOCOL_BOT_EWS_PASSWORD"  # or password_file = "/etc/protocol-bot/ews-password"
    access = "impersonation"                    # or "delegate" (Full Access on each mailbox)
    verify_ssl = true
    ca_file = "/etc/protocol-bot/council-ca.pem"   # the CA that signed the server certificate
    # auth = "oauth" (Hybrid Modern Auth): tenant_id, client_id,
    #   client_secret_env | client_secret_file, authority_url, oauth_scope
    batch_size = 1000                           # most items one poll returns
    list_cache_seconds = 21600                  # how long an expanded list is trusted
    streaming = true                            # streaming notifications wake the daemon (impersonation only)

How it works. One exchangelib ``Account`` per mailbox, reused, all sharing one
connection pool per endpoint and credentials (the sender shares it too). Each
poll runs SyncFolderItems (ids only: like FindItem it cannot return bodies,
recipients or headers) on the inbox and on Sent Items from the sync states in
the checkpoint, then GetItem for the properties the rules read: Internet
Message-ID, In-Reply-To, References, From, To, Cc, Bcc (sent items keep it),
ConversationId, the Internet headers (only the kept ones survive) and, when
asked (``with_text``) and only for inbox items, the text body. The new sync
states are the batch's checkpoint: the daemon stores them with the decisions,
so a crash replays the batch. A sync state the server no longer accepts
(ErrorInvalidSyncStateData) starts that folder again from the beginning; the
core never acts twice on one message. ErrorServerBusy becomes a TransientError
whose ``retry_after`` is the server's BackOffMilliseconds.

Streaming notifications (``streaming = true``, the default; impersonation only,
as Exchange refuses subscriptions through delegate access):
:meth:`EwsMailSource.watch` starts a thread that holds one streaming
subscription on the inbox and Sent Items (Subscribe) and its GetStreamingEvents
connection, re-issued every 10 minutes. A NewMail, Created, Moved or
Copied event calls the callback (the daemon's wake-up) and the daemon polls as
usual: the watcher reads no mail and touches no store, and SyncFolderItems
still finds everything, so a missed notification only delays. The stream holds
an HTTP session for minutes, so the shared pool is grown to one session per
stream plus one: a poll never waits for a stream. A subscription the server
lost (ErrorSubscriptionNotFound) is replaced at once; after a dropped
connection or throttling (ErrorServerBusy, its BackOffMilliseconds respected)
the watcher backs off (1 s doubling to 5 minutes), subscribes again and removes
the old subscription. Each new subscription calls the callback once, so a sync
fills any gap. ModifiedEvent is not asked for: a poll reads only new items, and
an officer reading mail would wake the daemon for nothing. close() cuts
the open connection and the thread ends within seconds; the subscription is
left to expire on the server. The daemon still polls every ``[bot]
poll_seconds``.

NTLM is exchangelib's own (requests_ntlm) and is not exercised by the test double.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests

from bot.adapters.exchange_errors import (
    addresses,
    bare_address,
    from_exchangelib,
    header_value,
    id_list,
    kept_headers,
    message_id_of,
    utc,
)
from bot.adapters.sources import checkpoint as checkpoints
from bot.adapters.sources.parse import html_to_text
from bot.errors import AuthError, MisconfiguredError, SourceError
from bot.model import CalendarEvent, Folder, Message, Settings
from bot.model.settings import MailboxSettings
from bot.ports import CalendarBatch, MailBatch, Malformed
from bot.secrets import SecretRef, secret_ref

__all__ = [
    "EwsOptions",
    "EwsConnection",
    "EwsMailSource",
    "EwsCalendarSource",
    "from_settings",
    "calendar_from_settings",
    "connection",
    "ews_errors",
]

log = logging.getLogger(__name__)

_PAGE = 512  # SyncFolderItems returns at most 512 changes a call
_TEXT_LIMIT = 200_000  # characters of body text kept for the classifier
_KNOWN_OPTIONS = frozenset(
    {
        "server", "service_endpoint", "auth", "username", "password_env", "password_file",
        "access", "verify_ssl", "ca_file", "tenant_id", "client_id", "client_secret_env",
        "client_secret_file", "authority_url", "oauth_scope", "token_url", "batch_size",
        "list_cache_seconds", "calendar", "calendar_days", "streaming", "type", "path",
    }
)  # fmt: skip
_POLL_SESSIONS = 1  # HTTP sessions kept for requests other than the streams
_AUTHS = ("ntlm", "basic", "oauth")
_ACCESS = ("impersonation", "delegate")


# -- options ---------------------------------------------------------------------


@dataclass(frozen=True)
class EwsOptions:
    """The checked options of one EWS connection. Secrets are kept as references
    (where they live), read when the connection is built."""

    endpoint: str
    auth: str = "ntlm"
    username: str = ""
    password: SecretRef | None = field(default=None, compare=False)
    access: str = "impersonation"
    verify: bool | str = True  # False, True or a CA file
    tenant_id: str = ""
    client_id: str = ""
    client_secret: SecretRef | None = field(default=None, compare=False)
    token_url: str = ""
    oauth_scope: str = ""
    batch_size: int = 1000
    list_cache_seconds: float = 6 * 3600.0
    calendar_days: int = 365
    streaming: bool = True

    @classmethod
    def parse(cls, options: Mapping[str, Any], *, source: str) -> EwsOptions:
        unknown = sorted(set(options) - _KNOWN_OPTIONS)
        if unknown:
            raise MisconfiguredError(
                f"unknown EWS option(s): {', '.join(unknown)}", source=source
            )
        server, endpoint = options.get("server"), options.get("service_endpoint")
        if bool(server) == bool(endpoint):
            raise MisconfiguredError(
                'give either server = "host" or service_endpoint = "https://host/EWS/Exchange.asmx"',
                source=source,
            )
        if server:
            endpoint = f"https://{_text(server, 'server', source)}/EWS/Exchange.asmx"
        endpoint = _text(endpoint, "service_endpoint", source)
        parts = urlsplit(endpoint)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise MisconfiguredError(
                f"service_endpoint must be an https:// URL, got {endpoint!r}", source=source
            )
        auth = _choice(options.get("auth", "ntlm"), _AUTHS, "auth", source)
        access = _choice(options.get("access", "impersonation"), _ACCESS, "access", source)
        verify: bool | str = True
        if "verify_ssl" in options:
            if not isinstance(options["verify_ssl"], bool):
                raise MisconfiguredError("verify_ssl must be true or false", source=source)
            verify = options["verify_ssl"]
        if options.get("ca_file"):
            if verify is False:
                raise MisconfiguredError("give ca_file or verify_ssl = false, not both", source=source)
            verify = _text(options["ca_file"], "ca_file", source)
        streaming = options.get("streaming", True)
        if not isinstance(streaming, bool):
            raise MisconfiguredError("streaming must be true or false", source=source)
        values: dict[str, Any] = {
            "endpoint": endpoint, "auth": auth, "access": access, "verify": verify,
            "batch_size": _whole(options.get("batch_size", 1000), "batch_size", source, 1),
            "list_cache_seconds": float(
                _whole(options.get("list_cache_seconds", 21600), "list_cache_seconds", source, 0)
            ),
            "calendar_days": _whole(options.get("calendar_days", 365), "calendar_days", source, 1),
            "streaming": streaming,
        }  # fmt: skip
        if auth in ("ntlm", "basic"):
            values["username"] = _text(options.get("username"), "username", source)
            values["password"] = secret_ref(options, "password", source=source)
        else:
            values["tenant_id"] = _text(options.get("tenant_id"), "tenant_id", source)
            values["client_id"] = _text(options.get("client_id"), "client_id", source)
            values["client_secret"] = secret_ref(options, "client_secret", source=source)
            authority = str(options.get("authority_url") or "https://login.microsoftonline.com")
            values["token_url"] = str(
                options.get("token_url")
                or f"{authority.rstrip('/')}/{values['tenant_id']}/oauth2/v2.0/token"
            )
            values["oauth_scope"] = str(
                options.get("oauth_scope") or "https://outlook.office365.com/.default"
            )
        return cls(**values)

    @property
    def key(self) -> tuple[Any, ...]:
        """What makes two configurations the same connection (secrets by origin)."""
        origin = lambda ref: ref.origin if ref else ""  # noqa: E731
        return (self.endpoint, self.auth, self.username, origin(self.password), self.access,
                self.verify, self.tenant_id, self.client_id, origin(self.client_secret),
                self.token_url, self.oauth_scope)  # fmt: skip


def _text(value: Any, key: str, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MisconfiguredError(f"{key} is required (text)", source=source)
    return value.strip()


def _choice(value: Any, options: tuple[str, ...], key: str, source: str) -> str:
    if isinstance(value, str) and value.strip().lower() in options:
        return value.strip().lower()
    raise MisconfiguredError(
        f"{key} must be one of {', '.join(repr(o) for o in options)}, got {value!r}", source=source
    )


def _whole(value: Any, key: str, source: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise MisconfiguredError(f"{key} must be a whole number of {minimum} or more", source=source)
    return value


# -- TLS per endpoint ----------------------------------------------------------------

# exchangelib mounts one adapter class for every endpoint; this one applies the
# verify setting configured for the endpoint's origin and leaves others alone.
_TLS_RULES: dict[str, bool | str] = {}
_TLS_LOCK = threading.Lock()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _install_tls(endpoint: str, verify: bool | str, extra: Iterable[str] = ()) -> None:
    from exchangelib.protocol import BaseProtocol

    if verify is False:
        log.warning("EWS: TLS certificate checks are OFF for %s", _origin(endpoint))
    with _TLS_LOCK:
        for url in (endpoint, *extra):
            _TLS_RULES[_origin(url)] = verify
        base = BaseProtocol.HTTP_ADAPTER_CLS
        if getattr(base, "_protocol_bot_tls", False):
            return

        class PerEndpointTls(base):  # type: ignore[misc, valid-type]
            _protocol_bot_tls = True

            def send(self, request: Any, **kwargs: Any) -> Any:
                rule = _TLS_RULES.get(_origin(request.url))
                if rule is not None:
                    kwargs["verify"] = rule
                return super().send(request, **kwargs)

        BaseProtocol.HTTP_ADAPTER_CLS = PerEndpointTls


def _quiet_exchangelib() -> None:
    """exchangelib logs whole SOAP requests and responses (bodies, subjects) at
    DEBUG, and on some failures at ERROR: keep its loggers at WARNING and cut
    those dumps down to their first line."""
    for name in ("exchangelib", "exchangelib.util", "exchangelib.protocol", "exchangelib.services"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.level, logging.WARNING))
        if not any(isinstance(f, _NoDumps) for f in logger.filters):
            logger.addFilter(_NoDumps())


class _NoDumps(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # a broken format string: drop the arguments
            text = str(record.msg)
        if "XML" in text or "<" in text or "\n" in text:
            record.msg, record.args = text.split("\n", 1)[0][:200] + " [details withheld]", ()
        return True


# -- the connection -------------------------------------------------------------------


class EwsConnection:
    """One exchangelib Configuration per endpoint and credentials, and one Account
    per mailbox, reused. Shared by the mail source, the calendar source and the
    sender of one configuration (see :func:`connection`)."""

    def __init__(self, opts: EwsOptions, *, source: str = "ews") -> None:
        self.opts = opts
        self.source = source
        self._lock = threading.RLock()
        self._config: Any = None
        self._accounts: dict[str, Any] = {}
        self._users = 0
        self._streams = 0  # streaming watchers running on this connection
        self._protocol: Any = None
        _quiet_exchangelib()
        _register_marker()
        extra = [opts.token_url] if opts.token_url else []
        if opts.verify is not True or extra:
            _install_tls(opts.endpoint, opts.verify, extra)

    def _configuration(self, first_mailbox: str) -> Any:
        from exchangelib import BASIC, NTLM, OAUTH2, Configuration, Credentials, Identity

        if self._config is not None:
            return self._config
        opts = self.opts
        if opts.auth == "oauth":
            assert opts.client_secret is not None
            creds: Any = _app_credentials(
                client_id=opts.client_id,
                client_secret=opts.client_secret.get().reveal(),
                tenant_id=opts.tenant_id,
                identity=Identity(primary_smtp_address=first_mailbox),
                token_url=opts.token_url,
                scope=opts.oauth_scope,
            )
            auth_type = OAUTH2
        else:
            assert opts.password is not None
            creds = Credentials(opts.username, opts.password.get().reveal())
            auth_type = NTLM if opts.auth == "ntlm" else BASIC
        self._config = Configuration(
            credentials=creds, service_endpoint=opts.endpoint, auth_type=auth_type
        )
        return self._config

    def account(self, address: str) -> Any:
        """The Account of ``address`` (created once, no network until used)."""
        address = address.lower()
        with self._lock:
            acc = self._accounts.get(address)
            if acc is None:
                acc = self._accounts[address] = self._new_account(address)
            return acc

    def _new_account(self, address: str) -> Any:
        from exchangelib import DELEGATE, IMPERSONATION, Account
        from exchangelib import UTC as EWS_UTC

        acc = Account(
            primary_smtp_address=address,
            config=self._configuration(address),
            autodiscover=False,
            access_type=IMPERSONATION if self.opts.access == "impersonation" else DELEGATE,
            default_timezone=EWS_UTC,
            locale="en_GB",
        )
        self._protocol = acc.protocol  # the pool every account of this configuration shares
        return acc

    def stream_account(self, address: str) -> Any:
        """A new Account of ``address`` for a streaming watcher: its own, so the
        long request shares no state with polls, but on the same connection
        pool, which is grown to one session per open stream plus
        ``_POLL_SESSIONS``, so that a poll never waits for a stream."""
        with self._lock:
            acc = self._new_account(address.lower())
            protocol = acc.protocol
            wanted = _POLL_SESSIONS + max(self._streams, 1)
            if (protocol.max_connections or 1) < wanted:
                protocol.max_connections = wanted
            return acc

    def count_stream(self, delta: int) -> None:
        """A streaming watcher started (+1) or stopped (-1)."""
        with self._lock:
            self._streams = max(self._streams + delta, 0)

    def reset(self) -> None:
        """Forget the credentials and accounts (after a refused sign-in, so a
        rotated password is read again at the next attempt)."""
        with self._lock:
            self._close_protocol()
            self._config = None
            self._accounts.clear()

    def protocol(self, any_mailbox: str) -> Any:
        return self.account(any_mailbox).protocol

    def acquire(self) -> EwsConnection:
        with self._lock:
            self._users += 1
        return self

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users <= 0:
                self._close_protocol()
                with _SHARED_LOCK:
                    if _SHARED.get(self.opts.key) is self:
                        del _SHARED[self.opts.key]

    def _close_protocol(self) -> None:
        protocol, self._protocol = self._protocol, None
        if protocol is not None:
            try:
                protocol.close()
            except Exception:  # closing idle sessions must never fail a stop
                log.debug("EWS: closing sessions failed", exc_info=True)

    def error(self, exc: BaseException, *, doing: str, mailbox: str) -> SourceError:
        mapped = from_exchangelib(exc, source=mailbox, doing=doing)
        if isinstance(mapped, AuthError) and type(exc).__name__ == "UnauthorizedError":
            self.reset()
        return mapped


_SHARED: dict[tuple[Any, ...], EwsConnection] = {}
_SHARED_LOCK = threading.Lock()


def connection(options: Mapping[str, Any], *, source: str) -> EwsConnection:
    """The shared connection for these options (the mail source, calendar source
    and sender of one configuration use one connection pool)."""
    opts = EwsOptions.parse(options, source=source)
    with _SHARED_LOCK:
        conn = _SHARED.get(opts.key)
        if conn is None:
            conn = _SHARED[opts.key] = EwsConnection(opts, source=source)
    return conn.acquire()


def _app_credentials(*, token_url: str, scope: str, **kwargs: Any) -> Any:
    """OAuth client credentials whose token URL and scope are configurable
    (exchangelib's are fixed to Exchange Online)."""
    from exchangelib import OAuth2Credentials

    class AppCredentials(OAuth2Credentials):
        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            self._token_url_value = token_url
            self._scope_value = scope

        @property
        def token_url(self) -> str:
            return self._token_url_value

        @property
        def scope(self) -> list[str]:
            return [self._scope_value]

    return AppCredentials(**kwargs)


def ews_errors() -> tuple[type[BaseException], ...]:
    from exchangelib.errors import EWSError

    return (EWSError, requests.exceptions.RequestException, OSError)


# -- mail ------------------------------------------------------------------------------

_MAIL_FIELDS = (
    "message_id", "in_reply_to", "references", "author", "to_recipients", "cc_recipients",
    "bcc_recipients", "subject", "datetime_received", "datetime_sent", "conversation_id",
    "headers", "protocol_bot_marker",
)  # fmt: skip
MARKER = "X-Protocol-Bot"
_MARKER_LOCK = threading.Lock()


def _register_marker() -> None:
    """Our own marker header, read as the named property Exchange promotes X-
    headers to (PS_INTERNET_HEADERS). Sent Items copies carry no transport
    headers, so this is how the bot knows its own emails in the officer's Sent
    Items (and never takes its acknowledgement for the officer's reply)."""
    from exchangelib import ExtendedProperty, Message

    with _MARKER_LOCK:
        try:
            Message.get_field_by_fieldname("protocol_bot_marker")
            return
        except Exception:  # exchangelib raises InvalidField: not registered yet
            pass

        class ProtocolBotMarker(ExtendedProperty):
            distinguished_property_set_id = "InternetHeaders"
            property_name = MARKER
            property_type = "String"

        Message.register("protocol_bot_marker", ProtocolBotMarker)


def own_message_id(message_id: str) -> bool:
    """The Message-ID shape of the bot's own emails (bot.adapters.render.message_id_for:
    ``<pb-`` and 24 hex digits): the fallback for a Sent Items copy whose marker
    property is missing."""
    return bool(_OWN_ID.match(message_id))


_OWN_ID = re.compile(r"<pb-[0-9a-f]{24}@")


class EwsMailSource:
    """One mailbox's inbox and Sent Items, incrementally, through SyncFolderItems."""

    def __init__(
        self,
        address: str,
        conn: EwsConnection,
        *,
        with_text: bool = False,
        batch_size: int | None = None,
        owns_connection: bool = True,
        streaming: bool | None = None,
    ) -> None:
        self.address = address.strip().lower()
        self.conn = conn
        self.with_text = with_text
        self.batch_size = batch_size or conn.opts.batch_size
        self.streaming = conn.opts.streaming if streaming is None else streaming
        self._owns = owns_connection
        self._lists: dict[str, tuple[float, tuple[str, ...] | None]] = {}
        self._watcher: _StreamWatcher | None = None
        self._closed = False

    # -- MailSource --

    def poll(self, checkpoint: str | None) -> MailBatch:
        states = checkpoints.load_states(checkpoint, f"ews mail {self.address}")
        messages: list[Message] = []
        malformed: list[Malformed] = []
        new_states: dict[str, str | None] = {}
        budget = self.batch_size
        for folder in (Folder.INBOX, Folder.SENT):
            doing = f"reading {'the inbox' if folder is Folder.INBOX else 'Sent Items'}"
            state = states.get(folder.value)
            if budget <= 0:  # the inbox filled this batch: Sent Items next time
                new_states[folder.value] = state
                continue
            try:
                account = self.conn.account(self.address)
                ews_folder = account.inbox if folder is Folder.INBOX else account.sent
                ids, state = _sync_ids(account, ews_folder, state, budget,
                                       where=f"{self.address} {folder.value}")  # fmt: skip
                budget -= len(ids)
                if ids:
                    items = _fetch(account, ews_folder, ids, self._fields(account, folder))
                    for item_id, item in zip(ids, items, strict=True):
                        converted = self._message(item, folder, item_id[0])
                        (messages if isinstance(converted, Message) else malformed).append(converted)  # type: ignore[arg-type]
            except ews_errors() as exc:
                raise self.conn.error(exc, doing=doing, mailbox=self.address) from None
            new_states[folder.value] = state
        messages.sort(key=lambda m: (m.date, m.message_id))
        log.debug("ews: %d new message(s), %d malformed", len(messages), len(malformed))
        return MailBatch(messages, malformed, checkpoints.dump_states(new_states))

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if not self._closed and self._owns:
            self._closed = True
            self.conn.release()

    # -- streaming notifications --

    def watch(self, callback: Callable[[], None]) -> bool:
        """With ``streaming`` on, call ``callback`` (from another thread) soon after
        Exchange reports new or moved items in the inbox or Sent Items, and once
        after each (re)subscription. The caller then polls as usual: the watcher
        reads no mail. Returns whether a watcher was started."""
        if not self.streaming or self._watcher is not None or self._closed:
            return False
        if self.conn.opts.access != "impersonation":
            # Exchange refuses subscriptions through delegate access
            # (ErrorSubscriptionDelegateAccessNotSupported).
            log.info('ews %s: streaming notifications need access = "impersonation"; polling only', self.address)
            return False
        self._watcher = _StreamWatcher(self.conn, self.address, callback)
        self._watcher.start()
        return True

    # -- distribution lists --

    def expand_lists(self, addresses_: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Which of these addresses are distribution lists, and the addresses each
        reaches (nested lists flattened). Answers are cached for
        ``list_cache_seconds``; an address that is not a list maps to nothing."""
        out: dict[str, tuple[str, ...]] = {}
        now = time.monotonic()
        ttl = self.conn.opts.list_cache_seconds
        for raw in dict.fromkeys(a.strip().lower() for a in addresses_ if a and "@" in a):
            cached = self._lists.get(raw)
            if cached is None or now - cached[0] > ttl:
                try:
                    members = self._expand(raw, depth=0, seen=set())
                except SourceError as exc:
                    log.warning("ews: cannot expand a distribution list now: %s", exc)
                    continue
                cached = (now, members)
                self._lists[raw] = cached
            if cached[1] is not None:
                out[raw] = cached[1]
        return out

    def _expand(self, address: str, *, depth: int, seen: set[str]) -> tuple[str, ...] | None:
        from exchangelib.errors import (
            ErrorNameResolutionMultipleResults,
            ErrorNameResolutionNoMailbox,
            ErrorNameResolutionNoResults,
        )
        seen.add(address)
        try:
            found = list(self.conn.protocol(self.address).expand_dl(address))
        except (ErrorNameResolutionNoResults, ErrorNameResolutionNoMailbox,
                ErrorNameResolutionMultipleResults):  # fmt: skip
            return None  # not a list
        except ews_errors() as exc:
            raise self.conn.error(exc, doing="expanding a list", mailbox=self.address) from None
        members: list[str] = []
        for entry in found:
            if isinstance(entry, Exception):
                continue
            addr = bare_address(getattr(entry, "email_address", None))
            if not addr:
                continue
            if getattr(entry, "mailbox_type", "") in ("PublicDL", "PrivateDL") and depth < 5:
                if addr not in seen:
                    nested = self._expand(addr, depth=depth + 1, seen=seen)
                    members.extend(nested or ())
                members.append(addr)  # the nested list itself is reached too
            else:
                members.append(addr)
        return tuple(dict.fromkeys(members))

    # -- conversion --

    def _fields(self, account: Any, folder: Folder) -> list[str]:
        fields = list(_MAIL_FIELDS)
        if self.with_text and folder is Folder.INBOX:
            from exchangelib.version import EXCHANGE_2013

            fields.append("text_body" if account.version.build >= EXCHANGE_2013 else "body")
        return fields

    def _message(self, item: Any, folder: Folder, item_id: str) -> Message | Malformed:
        where = f"{folder.value}/{_short(item_id)}"
        if isinstance(item, BaseException):
            return Malformed(where, f"cannot be read ({type(item).__name__})")
        return to_message(item, self.address, folder, where, with_text=self.with_text)


def to_message(item: Any, mailbox: str, folder: Folder, where: str, *, with_text: bool) -> Message | Malformed:
    """An exchangelib message item as a :class:`Message` (or why it is malformed)."""
    pairs = [(h.name or "", h.value or "") for h in (getattr(item, "headers", None) or [])]
    message_id = message_id_of(getattr(item, "message_id", None)) or message_id_of(
        header_value(pairs, "message-id")
    )
    if message_id is None:
        return Malformed(where, "Message-ID: missing")
    marker = getattr(item, "protocol_bot_marker", None)
    if not marker and folder is Folder.SENT and own_message_id(message_id):
        marker = "sent-copy"
    if marker and header_value(pairs, MARKER) is None:
        pairs.append((MARKER, str(marker)))
    raw_date = getattr(item, "datetime_received" if folder is Folder.INBOX else "datetime_sent", None)
    date = utc(raw_date or getattr(item, "datetime_sent", None) or getattr(item, "datetime_received", None))
    if date is None:
        return Malformed(where, "Date: missing")
    author = getattr(item, "author", None) or getattr(item, "sender", None)
    sender = bare_address(getattr(author, "email_address", None))
    if not sender:
        sender = bare_address(header_value(pairs, "from"))
    if not sender:
        return Malformed(where, "From: missing or not an SMTP address")
    in_reply_to = id_list(getattr(item, "in_reply_to", None) or header_value(pairs, "in-reply-to"))
    conversation = getattr(item, "conversation_id", None)
    text: str | None = None
    if with_text and folder is Folder.INBOX:
        text = _body_text(item)
    return Message(
        mailbox=mailbox,
        folder=folder,
        message_id=message_id,
        date=date,
        sender=sender,
        to=_recipients(getattr(item, "to_recipients", None)),
        cc=_recipients(getattr(item, "cc_recipients", None)),
        bcc=_recipients(getattr(item, "bcc_recipients", None)),
        subject=" ".join(str(getattr(item, "subject", "") or "").split()),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=id_list(getattr(item, "references", None) or header_value(pairs, "references")),
        conversation_id=getattr(conversation, "id", None) or None,
        headers=kept_headers(pairs),
        sender_name=" ".join(str(getattr(author, "name", "") or "").split()),
        text=text,
        source_ref=where,
    )


def _body_text(item: Any) -> str:
    body = getattr(item, "text_body", None)
    if body is None:
        raw = getattr(item, "body", None)
        if raw is None:
            return ""
        body = html_to_text(str(raw)) if type(raw).__name__ == "HTMLBody" else str(raw)
    return str(body)[:_TEXT_LIMIT]


def _recipients(values: Any) -> tuple[str, ...]:
    return addresses(getattr(v, "email_address", None) for v in (values or []))


def _short(item_id: str) -> str:
    return item_id[-16:] if item_id else "?"


def _sync_ids(
    account: Any, folder: Any, state: str | None, budget: int, *, where: str, updates: bool = False
) -> tuple[list[tuple[str, str]], str | None]:
    """Ids of the items created (and, with ``updates``, changed) in ``folder``
    since ``state``, at most about ``budget`` of them, and the sync state after
    them. A state the server no longer accepts starts the folder again."""
    from exchangelib.errors import ErrorInvalidSyncStateData
    from exchangelib.items import ID_ONLY
    from exchangelib.services import SyncFolderItems

    ids: list[tuple[str, str]] = []
    for _ in range(100_000):  # bounded; each round returns up to _PAGE changes
        svc = SyncFolderItems(account=account)
        try:
            changes = list(
                svc.call(folder=folder, shape=ID_ONLY, additional_fields=None, sync_state=state,
                         ignore=None, max_changes_returned=min(_PAGE, max(budget, 1)),
                         sync_scope=None)  # fmt: skip
            )
        except ErrorInvalidSyncStateData:
            if state is None:
                raise
            log.warning("ews: %s: the server no longer knows our sync state; reading the folder again", where)
            state = None
            ids.clear()
            continue
        for change in changes:
            if isinstance(change, BaseException):
                raise change
            change_type, item = change
            wanted = change_type == SyncFolderItems.CREATE or (updates and change_type == SyncFolderItems.UPDATE)
            if wanted and getattr(item, "id", None) and (item.id, item.changekey) not in ids:
                ids.append((item.id, item.changekey))
        new_state = svc.sync_state or state
        done = svc.includes_last_item_in_range or new_state == state
        state = new_state
        if done or len(ids) >= budget:
            break
    return ids, state


def _fetch(account: Any, folder: Any, ids: list[tuple[str, str]], fields: list[str]) -> list[Any]:
    return list(account.fetch(ids=ids, folder=folder, only_fields=fields))


# -- streaming notifications ---------------------------------------------------------

_STREAM_EVENTS = ("NewMailEvent", "CreatedEvent", "MovedEvent", "CopiedEvent")
_STREAM_MINUTES = 10  # GetStreamingEvents ConnectionTimeout (1..30 minutes), then re-issued
_STREAM_GONE = frozenset(
    {"ErrorSubscriptionNotFound", "ErrorExpiredSubscription", "ErrorSubscriptionUnsubsribed",
     "ErrorInvalidSubscription"}
)  # fmt: skip
_STREAM_REFUSED = frozenset({"ErrorSubscriptionDelegateAccessNotSupported"})
_STREAM_BACKOFF_FIRST = 1.0
_STREAM_BACKOFF_MAX = 300.0


def _stream_backoff(failures: int, exc: BaseException | None = None) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: 1 s doubling
    to 5 minutes, and never less than the server's BackOffMilliseconds."""
    wait = min(_STREAM_BACKOFF_FIRST * 2 ** max(failures - 1, 0), _STREAM_BACKOFF_MAX)
    server = getattr(exc, "back_off", None)
    return max(wait, float(server)) if isinstance(server, int | float) else wait


class _StreamWatcher:
    """A thread holding one streaming subscription (inbox and Sent Items) and its
    GetStreamingEvents connection; calls ``callback`` on new or moved items and
    once after each subscription. Errors are retried with back-off; a lost
    subscription is replaced. It never reads mail nor touches the store, and
    stops within ``_JOIN`` seconds of stop() (the open connection is cut)."""

    _JOIN = 3.0

    def __init__(self, conn: EwsConnection, address: str, callback: Callable[[], None]) -> None:
        self.conn = conn
        self.address = address
        self.callback = callback
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._svc: Any = None  # the GetStreamingEvents call in progress
        self._thread = threading.Thread(target=self._run, name=f"ews-stream {address}", daemon=True)

    def start(self) -> None:
        self.conn.count_stream(+1)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        deadline = time.monotonic() + self._JOIN
        while self._thread.is_alive() and time.monotonic() < deadline:
            self._cut()
            self._thread.join(0.1)
        if self._thread.is_alive():
            log.warning("ews %s: the streaming thread did not stop in time; leaving it", self.address)
        self.conn.count_stream(-1)

    def _run(self) -> None:
        failures = 0
        subscription: str | None = None
        stale: str | None = None  # a subscription to drop once a new one is made
        account: Any = None
        while not self._stop.is_set():
            try:
                if subscription is None:
                    account, subscription = self._subscribe(stale)
                    stale = None
                    self._wake()  # anything that arrived before the subscription: sync now
                began = time.monotonic()
                if self._stream(account, subscription):
                    failures = 0
                    if time.monotonic() - began < 1.0:  # a server closing at once: do not spin
                        self._stop.wait(1.0)
            except Exception as exc:  # never let the thread die on the daemon
                if self._stop.is_set():
                    break
                code = type(exc).__name__
                if code in _STREAM_REFUSED:
                    log.warning("ews %s: Exchange refuses streaming notifications (%s); polling only",
                                self.address, code)  # fmt: skip
                    return
                failures += 1
                gone = code in _STREAM_GONE
                if not gone:
                    stale = subscription or stale
                subscription = None
                wait = 0.0 if gone and failures == 1 else _stream_backoff(failures, exc)
                log.info("ews %s: streaming notifications interrupted (%s); subscribing again in %.0fs",
                         self.address, self._describe(exc), wait)  # fmt: skip
                self._stop.wait(wait)

    def _subscribe(self, stale: str | None) -> tuple[Any, str]:
        from exchangelib.folders import FolderCollection

        account = self.conn.stream_account(self.address)
        folders = FolderCollection(account=account, folders=[account.inbox, account.sent])
        subscription = folders.subscribe_to_streaming(event_types=_STREAM_EVENTS)
        if isinstance(subscription, BaseException):
            raise subscription
        if stale:
            try:
                folders.unsubscribe(stale)
            except Exception:  # it may have expired already
                log.debug("ews %s: an old subscription could not be removed", self.address)
        return account, str(subscription)

    def _stream(self, account: Any, subscription: str) -> bool:
        """One GetStreamingEvents connection, until the server closes it (or stop).
        Whether it ended normally."""
        from exchangelib.services import GetStreamingEvents

        svc = GetStreamingEvents(account=account)
        with self._lock:
            if self._stop.is_set():
                return False
            self._svc = svc
        notifications = svc.call(subscription_ids=[subscription], connection_timeout=_STREAM_MINUTES)
        try:
            for notification in notifications:
                if isinstance(notification, BaseException):
                    raise notification
                if self._stop.is_set():
                    return False
                if any(type(e).__name__ in _STREAM_EVENTS for e in notification.events or ()):
                    self._wake()
        finally:
            with self._lock:
                self._svc = None
            notifications.close()
            with contextlib.suppress(Exception):
                svc.stop_streaming()  # releases the HTTP session to the pool
        return True

    def _cut(self) -> None:
        """Shut the socket of the open GetStreamingEvents response, so that the
        thread's blocking read ends now."""
        with self._lock:
            svc = self._svc
        raw = getattr(getattr(svc, "_streaming_response", None), "raw", None)
        sock = getattr(getattr(raw, "connection", None) or getattr(raw, "_connection", None), "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _wake(self) -> None:
        try:
            self.callback()
        except Exception:  # the daemon's wake-up must not kill the watcher
            log.warning("ews %s: the wake-up callback failed", self.address)

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, ews_errors()):
            return str(from_exchangelib(exc, source=""))
        return type(exc).__name__


# -- calendar ----------------------------------------------------------------------------

_CAL_FIELDS = (
    "uid", "subject", "location", "organizer", "required_attendees", "optional_attendees",
    "start", "end", "datetime_created", "categories", "is_cancelled", "type", "recurrence_id",
)  # fmt: skip


class EwsCalendarSource:
    """One mailbox's calendar: SyncFolderItems finds created and changed items;
    single items and exceptions are read with GetItem, recurring series are
    expanded with a CalendarView over ``calendar_days`` ahead. Deleted items are
    not reported (SyncFolderItems gives only their id); a cancelled meeting is,
    as ``cancelled``."""

    def __init__(self, address: str, conn: EwsConnection, *, owns_connection: bool = True) -> None:
        self.address = address.strip().lower()
        self.conn = conn
        self._owns = owns_connection
        self._closed = False
        self.now = lambda: datetime.now(UTC)

    def poll(self, checkpoint: str | None) -> CalendarBatch:
        states = checkpoints.load_states(checkpoint, f"ews calendar {self.address}")
        events: list[CalendarEvent] = []
        malformed: list[Malformed] = []
        try:
            account = self.conn.account(self.address)
            folder = account.calendar
            ids, state = _sync_ids(account, folder, states.get("calendar"), self.conn.opts.batch_size,
                                   where=f"{self.address} calendar", updates=True)  # fmt: skip
            items = _fetch(account, folder, ids, self._fields(account)) if ids else []
            for item_id, item in zip(ids, items, strict=True):
                where = f"calendar/{_short(item_id[0])}"
                if isinstance(item, BaseException):
                    malformed.append(Malformed(where, f"cannot be read ({type(item).__name__})"))
                    continue
                if getattr(item, "type", "") == "RecurringMaster":
                    events += self._occurrences(account, folder, item, where, malformed)
                    continue
                converted = to_event(item, self.address, where)
                (events if isinstance(converted, CalendarEvent) else malformed).append(converted)  # type: ignore[arg-type]
        except ews_errors() as exc:
            raise self.conn.error(exc, doing="reading the calendar", mailbox=self.address) from None
        events.sort(key=lambda e: (e.start, e.key))
        return CalendarBatch(events, malformed, checkpoints.dump_states({"calendar": state}))

    def _fields(self, account: Any) -> list[str]:
        from exchangelib.version import EXCHANGE_2013

        text = "text_body" if account.version.build >= EXCHANGE_2013 else "body"
        return [*_CAL_FIELDS, text]

    def _occurrences(
        self, account: Any, folder: Any, master: Any, where: str, malformed: list[Malformed]
    ) -> list[CalendarEvent]:
        """The series' occurrences in the window: ids from a CalendarView (a
        FindItem, which cannot return attendees), then GetItem."""
        from exchangelib import EWSDateTime

        start = self.now() - timedelta(days=1)
        end = start + timedelta(days=self.conn.opts.calendar_days)
        view = folder.view(start=EWSDateTime.from_datetime(start), end=EWSDateTime.from_datetime(end))
        uid = getattr(master, "uid", None)
        ids = [
            (item.id, item.changekey)
            for item in view.only("uid", "start", "type")
            if not isinstance(item, BaseException) and getattr(item, "uid", None) == uid
        ]
        out: list[CalendarEvent] = []
        fields = [f for f in self._fields(account) if f not in ("text_body", "body")]
        for item in _fetch(account, folder, ids, fields) if ids else []:
            if isinstance(item, BaseException):
                malformed.append(Malformed(where, f"an occurrence cannot be read ({type(item).__name__})"))
                continue
            converted = to_event(item, self.address, where, description=_body_text(master))
            (out if isinstance(converted, CalendarEvent) else malformed).append(converted)  # type: ignore[arg-type]
        return out

    def close(self) -> None:
        if not self._closed and self._owns:
            self._closed = True
            self.conn.release()


def to_event(item: Any, mailbox: str, where: str, *, description: str | None = None) -> CalendarEvent | Malformed:
    uid = getattr(item, "uid", None)
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if not uid:
        return Malformed(where, "UID: missing")
    if start is None or end is None:
        return Malformed(where, "start or end: missing")
    start_dt, end_dt = _when(start), _when(end)
    created = utc(getattr(item, "datetime_created", None)) or start_dt
    declined: list[str] = []

    def people(values: Any) -> tuple[str, ...]:
        out = []
        for attendee in values or []:
            addr = bare_address(getattr(getattr(attendee, "mailbox", None), "email_address", None))
            if addr:
                out.append(addr)
                if getattr(attendee, "response_type", "") == "Decline":
                    declined.append(addr)
        return tuple(dict.fromkeys(out))

    required = people(getattr(item, "required_attendees", None))
    optional = people(getattr(item, "optional_attendees", None))
    recurrence = getattr(item, "recurrence_id", None)
    if recurrence is None and getattr(item, "type", "") in ("Occurrence", "Exception"):
        recurrence = start
    organizer = getattr(item, "organizer", None)
    return CalendarEvent(
        mailbox=mailbox,
        uid=str(uid),
        start=start_dt,
        end=end_dt,
        created=created,
        summary=" ".join(str(getattr(item, "subject", "") or "").split()),
        description=description if description is not None else _body_text(item),
        location=str(getattr(item, "location", "") or ""),
        organizer=bare_address(getattr(organizer, "email_address", None)),
        required=required,
        optional=optional,
        declined=tuple(dict.fromkeys(declined)),
        categories=tuple(getattr(item, "categories", None) or ()),
        cancelled=bool(getattr(item, "is_cancelled", False)),
        recurrence_id=_when(recurrence).isoformat() if recurrence is not None else None,
        source_ref=where,
    )


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return utc(value) or value
    # an all-day event's date: midnight UTC
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


# -- factories ----------------------------------------------------------------------------


def _with_text(settings: Settings) -> bool:
    return bool(settings.classifier.get("enabled", True))


def from_settings(mb: MailboxSettings, settings: Settings) -> EwsMailSource:
    """The daemon's factory for ``[[mailbox]] type = "ews"``."""
    conn = connection(mb.options, source=mb.address)
    # this mailbox's own choice (checked by EwsOptions.parse); the connection may be shared
    streaming = mb.options.get("streaming", True)
    return EwsMailSource(mb.address, conn, with_text=_with_text(settings), streaming=streaming)


def calendar_from_settings(mb: Any, settings: Settings) -> EwsCalendarSource:
    """The factory for a calendar of this type: ``mb`` is a [[calendar]] (or
    [[mailbox]]) entry with ``address`` and ``options``."""
    return EwsCalendarSource(mb.address, connection(mb.options, source=mb.address))
