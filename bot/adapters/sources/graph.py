"""Exchange Online through Microsoft Graph (msal for the token, httpx for REST):
a mailbox's inbox and sent items as a :class:`bot.ports.MailSource`, its
calendar as a :class:`bot.ports.CalendarSource`, and group expansion.

Options (``[[mailbox]] type = "graph"``; the same keys in ``[outbox] type = "graph"``)::

    tenant_id = "contoso.onmicrosoft.com"        # or the tenant's GUID
    client_id = "00000000-0000-0000-0000-000000000000"
    client_secret_env = "PROTOCOL_BOT_GRAPH_SECRET"   # or client_secret_file = "..."
    # or a certificate (preferred): both key and certificate in one PEM file
    # certificate_file = "/etc/protocol-bot/graph-app.pem"
    # certificate_thumbprint = "5A2B..."        # SHA-1, as the portal shows it
    graph_url = "https://graph.microsoft.com/v1.0"
    authority_url = "https://login.microsoftonline.com"
    ca_file = "..."                             # only behind a TLS-inspecting proxy
    batch_size = 1000                           # most messages one poll returns
    list_cache_seconds = 21600

Application permissions (admin consent): Mail.ReadWrite (read both folders;
Mail.Read is enough without the Graph sender), Mail.Send, Calendars.Read, and
GroupMember.Read.All only to expand distribution lists. Scope them to the
watched mailboxes with RBAC for Applications (docs/exchange-online-graph.md).

How it reads. One delta round per folder (``/mailFolders/inbox/messages/delta``
and ``/mailFolders/sentitems/messages/delta``) selecting only what the rules
read; the ``@odata.deltaLink`` of each is the batch's checkpoint, stored by the
daemon with the decisions (a ``@odata.nextLink`` when a round is cut at
``batch_size``). A delta link Graph no longer knows (HTTP 410, SyncStateNotFound)
starts that folder again; the core never acts twice on one message. Each new
message is then read once more for what delta cannot give: the Internet headers
(automatic-mail detection, In-Reply-To, References), In-Reply-To and References
of sent items (MAPI properties 0x1042 and 0x1039, as Sent Items copies carry no
transport headers) and, when asked and only for the inbox, ``uniqueBody`` as
text. At most 4 requests run at once per mailbox (Exchange Online's limit);
HTTP 429 and 503 become a TransientError with ``retry_after`` from Retry-After.

Headers. Received messages keep their transport headers, so ``Auto-Submitted``
and the rest are seen. What Graph restricts is writing: a JSON message may only
carry ``X-`` headers, which is why the Graph sender sends MIME (see
:mod:`bot.adapters.outbox.graph`). Loop safety does not rest on Auto-Submitted
alone: X-Auto-Response-Suppress, our own X-Protocol-Bot marker, the automatic-
mail detection of inbound mail and the per-member daily cap all apply.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from bot.adapters.exchange_errors import (
    addresses,
    bare_address,
    from_graph,
    header_value,
    id_list,
    kept_headers,
    message_id_of,
)
from bot.adapters.sources import checkpoint as checkpoints
from bot.adapters.sources.parse import html_to_text
from bot.errors import AuthError, MisconfiguredError, SourceError, TransientError
from bot.model import CalendarEvent, Folder, Message, Settings
from bot.model.settings import MailboxSettings
from bot.ports import CalendarBatch, MailBatch, Malformed
from bot.secrets import SecretRef, secret_ref

__all__ = [
    "GraphOptions",
    "GraphClient",
    "GraphMailSource",
    "GraphCalendarSource",
    "from_settings",
    "calendar_from_settings",
    "client",
    "token_roles",
]

log = logging.getLogger(__name__)

MAX_CONCURRENT = 4  # Exchange Online: 4 concurrent requests per app per mailbox
_PAGE = 100
_TEXT_LIMIT = 200_000
_FOLDER_NAMES = {Folder.INBOX: "inbox", Folder.SENT: "sentitems"}
DELTA_SELECT = (
    "id,internetMessageId,subject,from,sender,toRecipients,ccRecipients,bccRecipients,"
    "receivedDateTime,sentDateTime,conversationId,isDraft"
)
# In-Reply-To (PR_IN_REPLY_TO_ID) and References (PR_INTERNET_REFERENCES)
IN_REPLY_TO_PROP = "String 0x1042"
REFERENCES_PROP = "String 0x1039"
# Our X-Protocol-Bot header as the named property Exchange promotes X- headers to
# (PS_INTERNET_HEADERS): Sent Items copies have no transport headers, and this is
# how the bot knows its own emails there.
MARKER = "X-Protocol-Bot"
MARKER_PROP = "String {00020386-0000-0000-C000-000000000046} Name X-Protocol-Bot"
_OWN_ID = re.compile(r"<pb-[0-9a-f]{24}@")  # bot.adapters.render.message_id_for
_KNOWN_OPTIONS = frozenset(
    {
        "tenant_id", "client_id", "client_secret_env", "client_secret_file", "certificate_file",
        "certificate_thumbprint", "graph_url", "authority_url", "graph_scope", "ca_file",
        "verify_ssl", "batch_size", "list_cache_seconds", "timeout_seconds", "calendar",
        "calendar_days", "type", "path",
    }
)  # fmt: skip


# -- options -----------------------------------------------------------------------


@dataclass(frozen=True)
class GraphOptions:
    tenant_id: str
    client_id: str
    client_secret: SecretRef | None = field(default=None, compare=False)
    certificate_file: str = ""
    certificate_thumbprint: str = ""
    graph_url: str = "https://graph.microsoft.com/v1.0"
    authority_url: str = "https://login.microsoftonline.com"
    graph_scope: str = "https://graph.microsoft.com/.default"
    verify: bool | str = True
    batch_size: int = 1000
    list_cache_seconds: float = 6 * 3600.0
    timeout_seconds: float = 60.0
    calendar_days: int = 365

    @classmethod
    def parse(cls, options: Mapping[str, Any], *, source: str) -> GraphOptions:
        unknown = sorted(set(options) - _KNOWN_OPTIONS)
        if unknown:
            raise MisconfiguredError(f"unknown Graph option(s): {', '.join(unknown)}", source=source)
        values: dict[str, Any] = {
            "tenant_id": _text(options.get("tenant_id"), "tenant_id", source),
            "client_id": _text(options.get("client_id"), "client_id", source),
        }
        has_secret = any(k in options for k in ("client_secret_env", "client_secret_file"))
        has_cert = bool(options.get("certificate_file"))
        if has_secret == has_cert:
            raise MisconfiguredError(
                "give a client secret (client_secret_env or client_secret_file) or a certificate "
                "(certificate_file, with certificate_thumbprint), not both",
                source=source,
            )
        if has_secret:
            values["client_secret"] = secret_ref(options, "client_secret", source=source)
        else:
            values["certificate_file"] = _text(options["certificate_file"], "certificate_file", source)
            values["certificate_thumbprint"] = str(options.get("certificate_thumbprint") or "").replace(":", "").strip()
        graph_url = str(options.get("graph_url") or cls.graph_url).rstrip("/")
        authority = str(options.get("authority_url") or cls.authority_url).rstrip("/")
        for key, url in (("graph_url", graph_url), ("authority_url", authority)):
            if urlsplit(url).scheme != "https":
                raise MisconfiguredError(f"{key} must be an https:// URL, got {url!r}", source=source)
        parts = urlsplit(graph_url)
        values["graph_url"] = graph_url
        values["authority_url"] = authority
        values["graph_scope"] = str(
            options.get("graph_scope") or f"{parts.scheme}://{parts.netloc}/.default"
        )
        verify: bool | str = True
        if options.get("verify_ssl") is False:
            verify = False
        if options.get("ca_file"):
            verify = str(options["ca_file"])
        values["verify"] = verify
        for key, minimum in (("batch_size", 1), ("list_cache_seconds", 0), ("timeout_seconds", 1),
                             ("calendar_days", 1)):  # fmt: skip
            if key in options:
                value = options[key]
                if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
                    raise MisconfiguredError(f"{key} must be a number of {minimum} or more", source=source)
                values[key] = value
        return cls(**values)

    @property
    def key(self) -> tuple[Any, ...]:
        secret = self.client_secret.origin if self.client_secret else ""
        return (self.tenant_id, self.client_id, secret, self.certificate_file,
                self.certificate_thumbprint, self.graph_url, self.authority_url,
                self.graph_scope, self.verify)  # fmt: skip


def _text(value: Any, key: str, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MisconfiguredError(f"{key} is required (text)", source=source)
    return value.strip()


# -- the client -----------------------------------------------------------------------

_AADSTS_ADVICE = {
    "AADSTS7000215": "the client secret is wrong: copy the secret's Value (not its ID)",
    "AADSTS7000222": "the client secret has expired: create a new one in the app registration",
    "AADSTS700016": "no app with this client_id in the tenant: check client_id and tenant_id",
    "AADSTS90002": "the tenant was not found: check tenant_id",
    "AADSTS700027": "the certificate was not accepted: upload its public part to the app registration and check certificate_thumbprint",
    "AADSTS700024": "the client assertion is not within its valid time range: check the server clock",
    "AADSTS50049": "unknown or invalid authority: check authority_url and tenant_id",
}


def token_roles(access_token: str) -> list[str]:
    """The application permissions (``roles``) an access token carries; [] when
    it is not a readable JWT. Not verified: only to explain what is missing."""
    try:
        payload = access_token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        roles = json.loads(base64.urlsafe_b64decode(payload)).get("roles", [])
        return [str(r) for r in roles] if isinstance(roles, list) else []
    except (IndexError, ValueError, AttributeError):
        return []


class GraphClient:
    """One app registration in one tenant: its token (msal, cached and renewed)
    and one httpx client, shared by the sources and the sender of a
    configuration. Requests for one mailbox run at most 4 at a time."""

    def __init__(self, opts: GraphOptions, *, source: str = "graph") -> None:
        self.opts = opts
        self.source = source
        self._lock = threading.RLock()
        self._app: Any = None
        self._session: Any = None
        self._http = httpx.Client(verify=_ssl_verify(opts.verify), timeout=opts.timeout_seconds,
                                  follow_redirects=False, headers={"User-Agent": "protocol-bot"})  # fmt: skip
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._users = 0
        self.last_token: str = ""
        for name in ("httpx", "httpcore"):  # they log every URL (delta tokens) at INFO
            logger = logging.getLogger(name)
            logger.setLevel(max(logger.level, logging.WARNING))
        if opts.verify is False:
            log.warning("graph: TLS certificate checks are OFF")

    # -- sign-in --

    def _msal(self) -> Any:
        import msal
        import requests

        with self._lock:
            if self._app is not None:
                return self._app
            opts = self.opts
            credential: Any
            if opts.client_secret is not None:
                credential = opts.client_secret.get().reveal()
            else:
                credential = _certificate_credential(opts, self.source)
            session = self._session = _VerifyingSession(opts.verify)
            authority = f"{opts.authority_url}/{opts.tenant_id}"
            known = urlsplit(opts.authority_url).hostname in ("login.microsoftonline.com",)
            try:
                self._app = msal.ConfidentialClientApplication(
                    opts.client_id,
                    client_credential=credential,
                    authority=authority,
                    http_client=session,
                    instance_discovery=None if known else False,
                )
            except ValueError as exc:  # the authority's discovery document: tenant or URL wrong
                raise MisconfiguredError(
                    f"cannot use the authority {authority}: check tenant_id and authority_url "
                    f"({str(exc).split('.')[0]})",
                    source=self.source,
                ) from None
            except requests.exceptions.RequestException as exc:
                raise TransientError(
                    f"cannot reach the sign-in service ({type(exc).__name__})", source=self.source
                ) from None
            return self._app

    def token(self, *, fresh: bool = False) -> str:
        import requests

        app = self._msal()
        try:
            if fresh:
                app.remove_tokens_for_client()
            result = app.acquire_token_for_client(scopes=[self.opts.graph_scope])
        except requests.exceptions.RequestException as exc:
            raise TransientError(
                f"cannot reach the sign-in service ({type(exc).__name__})", source=self.source
            ) from None
        if not isinstance(result, dict) or "access_token" not in result:
            error = str((result or {}).get("error") or "unknown_error")
            description = str((result or {}).get("error_description") or "")
            code = description.split(":", 1)[0].strip() if description.startswith("AADSTS") else ""
            advice = _AADSTS_ADVICE.get(code, "check tenant_id, client_id and the secret or certificate")
            if error in ("temporarily_unavailable", "server_error"):
                raise TransientError(f"sign-in failed ({error})", source=self.source)
            raise AuthError(f"sign-in refused ({error}{' ' + code if code else ''}): {advice}",
                            source=self.source)  # fmt: skip
        self.last_token = str(result["access_token"])
        return self.last_token

    # -- requests --

    @contextmanager
    def slot(self, mailbox: str) -> Iterator[None]:
        with self._lock:
            sem = self._slots.setdefault(mailbox.lower(), threading.BoundedSemaphore(MAX_CONCURRENT))
        with sem:
            yield

    def url(self, path: str) -> str:
        return f"{self.opts.graph_url}/{path.lstrip('/')}"

    def request(
        self,
        method: str,
        url: str,
        *,
        mailbox: str,
        doing: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        json_body: Any = None,
        ok: Iterable[int] = (200,),
        passthrough: Iterable[int] = (),
    ) -> httpx.Response:
        """One request, with a token; a 401 fetches a fresh token once. Any status
        not in ``ok`` or ``passthrough`` is raised as the mapped SourceError."""
        accepted = set(ok) | set(passthrough)
        fresh = False
        for _ in range(2):
            token = self.token(fresh=fresh)
            all_headers = {"Authorization": f"Bearer {token}", **(headers or {})}
            try:
                with self.slot(mailbox):
                    response = self._http.request(method, url, params=params, headers=all_headers,
                                                  content=content, json=json_body)  # fmt: skip
            except httpx.TransportError as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                    raise MisconfiguredError(
                        f"{doing}: Graph's TLS certificate is not trusted (set ca_file)", source=mailbox
                    ) from None
                raise TransientError(f"{doing}: cannot reach Graph ({type(exc).__name__})",
                                     source=mailbox) from None  # fmt: skip
            if response.status_code == 401 and not fresh:
                fresh = True
                continue
            if response.status_code in accepted:
                return response
            raise from_graph(response.status_code, _json(response), response.headers,
                             source=mailbox, doing=doing)  # fmt: skip
        raise AuthError(f"{doing}: Graph refused a fresh token", source=mailbox)  # pragma: no cover

    def acquire(self) -> GraphClient:
        with self._lock:
            self._users += 1
        return self

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users > 0:
                return
            self._http.close()
            if self._session is not None:
                self._session.close()
        with _SHARED_LOCK:
            if _SHARED.get(self.opts.key) is self:
                del _SHARED[self.opts.key]


def _requests_session_class() -> type:
    import requests

    class VerifyingSession(requests.Session):
        """requests lets REQUESTS_CA_BUNDLE override a session's ``verify``; pass
        the configured one with every request so ca_file always applies."""

        def __init__(self, verify: bool | str) -> None:
            super().__init__()
            self.verify = verify

        def request(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("verify", self.verify)
            return super().request(*args, **kwargs)

    return VerifyingSession


def _VerifyingSession(verify: bool | str) -> Any:  # noqa: N802 - a class made on first use
    return _requests_session_class()(verify)


def _ssl_verify(verify: bool | str) -> Any:
    if isinstance(verify, str):
        import ssl

        return ssl.create_default_context(cafile=verify)
    return verify


def _certificate_credential(opts: GraphOptions, source: str) -> dict[str, str]:
    try:
        with open(opts.certificate_file, encoding="ascii") as fh:
            pem = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise MisconfiguredError(
            f"certificate_file: cannot read {opts.certificate_file} ({type(exc).__name__})", source=source
        ) from None
    if "PRIVATE KEY-----" not in pem:
        raise MisconfiguredError(
            "certificate_file must hold the private key (PEM) and the certificate", source=source
        )
    credential = {"private_key": pem}
    if opts.certificate_thumbprint:
        credential["thumbprint"] = opts.certificate_thumbprint
    elif "BEGIN CERTIFICATE" in pem:
        start = pem.index("-----BEGIN CERTIFICATE-----")
        credential["public_certificate"] = pem[start:]
    else:
        raise MisconfiguredError(
            "certificate_file has no certificate: add it, or set certificate_thumbprint", source=source
        )
    return credential


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


_SHARED: dict[tuple[Any, ...], GraphClient] = {}
_SHARED_LOCK = threading.Lock()


def client(options: Mapping[str, Any], *, source: str) -> GraphClient:
    """The shared client for these options (sources and sender of one app share
    one token and one connection pool)."""
    opts = GraphOptions.parse(options, source=source)
    with _SHARED_LOCK:
        found = _SHARED.get(opts.key)
        if found is None:
            found = _SHARED[opts.key] = GraphClient(opts, source=source)
    return found.acquire()


def _user(address: str) -> str:
    return quote(address, safe="@.")


# -- mail --------------------------------------------------------------------------


class GraphMailSource:
    """One mailbox's inbox and Sent Items through messages/delta."""

    def __init__(
        self,
        address: str,
        graph: GraphClient,
        *,
        with_text: bool = False,
        batch_size: int | None = None,
        owns_client: bool = True,
    ) -> None:
        self.address = address.strip().lower()
        self.graph = graph
        self.with_text = with_text
        self.batch_size = batch_size or int(graph.opts.batch_size)
        self._owns = owns_client
        self._closed = False
        self._lists: dict[str, tuple[float, tuple[str, ...] | None]] = {}
        self._group_warning = False

    def poll(self, checkpoint: str | None) -> MailBatch:
        states = checkpoints.load_states(checkpoint, f"graph mail {self.address}")
        messages: list[Message] = []
        malformed: list[Malformed] = []
        new_states: dict[str, str | None] = {}
        budget = self.batch_size
        for folder, name in _FOLDER_NAMES.items():
            state = states.get(folder.value)
            if budget <= 0:
                new_states[folder.value] = state
                continue
            rows, state = self._delta(name, state, budget)
            budget -= len(rows)
            details = self._details(folder, rows)
            for row, detail in zip(rows, details, strict=True):
                converted = to_message(row, detail, self.address, folder, with_text=self.with_text)
                (messages if isinstance(converted, Message) else malformed).append(converted)  # type: ignore[arg-type]
            new_states[folder.value] = state
        messages.sort(key=lambda m: (m.date, m.message_id))
        log.debug("graph: %d new message(s), %d malformed", len(messages), len(malformed))
        return MailBatch(messages, malformed, checkpoints.dump_states(new_states))

    def _initial(self, folder: str) -> str:
        return self.graph.url(f"users/{_user(self.address)}/mailFolders/{folder}/messages/delta?$select={DELTA_SELECT}")

    def _delta(self, folder: str, state: str | None, budget: int) -> tuple[list[dict[str, Any]], str | None]:
        """New messages of one folder since ``state`` (a delta or next link)."""
        url = state or self._initial(folder)
        rows: list[dict[str, Any]] = []
        headers = {"Prefer": f'odata.maxpagesize={_PAGE}, IdType="ImmutableId"'}
        doing = f"reading {'the inbox' if folder == 'inbox' else 'Sent Items'}"
        restarted = False
        for _ in range(1_000_000):  # bounded: each page moves the round on
            response = self.graph.request("GET", url, mailbox=self.address, doing=doing,
                                          headers=headers, passthrough=(410,))  # fmt: skip
            if response.status_code == 410:
                if restarted:
                    raise TransientError(f"{doing}: Graph keeps refusing a new sync", source=self.address)
                log.warning("graph: %s %s: the delta link has expired (SyncStateNotFound); reading the folder again",
                            self.address, folder)  # fmt: skip
                restarted, url = True, self._initial(folder)
                rows.clear()
                continue
            data = _json(response) or {}
            for row in data.get("value", []):
                if isinstance(row, dict) and "@removed" not in row and not row.get("isDraft"):
                    rows.append(row)
            next_link = data.get("@odata.nextLink")
            if next_link:
                url = str(next_link)
                if len(rows) >= budget:
                    return rows, url
                continue
            delta = data.get("@odata.deltaLink")
            if not delta:
                raise SourceError(f"{doing}: Graph gave neither a next nor a delta link", source=self.address)
            return rows, str(delta)
        raise SourceError(f"{doing}: too many pages", source=self.address)  # pragma: no cover

    def _details(self, folder: Folder, rows: list[dict[str, Any]]) -> list[dict[str, Any] | SourceError]:
        """Per message, what delta cannot return, 4 requests at a time."""
        if not rows:
            return []
        select = "internetMessageHeaders"
        headers = {"Prefer": 'IdType="ImmutableId"'}
        if self.with_text and folder is Folder.INBOX:
            select += ",uniqueBody"
            headers["Prefer"] += ', outlook.body-content-type="text"'
        expand = (f"singleValueExtendedProperties($filter=id eq '{IN_REPLY_TO_PROP}' "
                  f"or id eq '{REFERENCES_PROP}' or id eq '{MARKER_PROP}')")  # fmt: skip

        def one(row: dict[str, Any]) -> dict[str, Any] | SourceError:
            url = self.graph.url(f"users/{_user(self.address)}/messages/{quote(str(row.get('id', '')), safe='')}")
            try:
                response = self.graph.request("GET", url, mailbox=self.address, doing="reading a message",
                                              params={"$select": select, "$expand": expand},
                                              headers=headers, passthrough=(404,))  # fmt: skip
            except SourceError as exc:
                if isinstance(exc, TransientError | AuthError):
                    raise
                return exc
            if response.status_code == 404:  # deleted since the delta round
                return {}
            return _json(response) or {}

        with ThreadPoolExecutor(max_workers=MAX_CONCURRENT, thread_name_prefix="graph") as pool:
            return list(pool.map(one, rows))

    def close(self) -> None:
        if not self._closed and self._owns:
            self._closed = True
            self.graph.release()

    # -- distribution lists --

    def expand_lists(self, addresses_: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Which of these addresses are groups or distribution lists, and the
        users and nested groups each reaches (transitive members). Needs
        GroupMember.Read.All; without it nothing is expanded (logged once).
        Answers are cached for ``list_cache_seconds``."""
        out: dict[str, tuple[str, ...]] = {}
        now = time.monotonic()
        ttl = float(self.graph.opts.list_cache_seconds)
        for raw in dict.fromkeys(a.strip().lower() for a in addresses_ if a and "@" in a):
            cached = self._lists.get(raw)
            if cached is None or now - cached[0] > ttl:
                try:
                    cached = (now, self._expand(raw))
                except AuthError as exc:
                    if not self._group_warning:
                        self._group_warning = True
                        log.warning("graph: cannot expand distribution lists: %s", exc)
                    cached = (now, None)
                except SourceError as exc:
                    log.warning("graph: cannot expand a distribution list now: %s", exc)
                    continue
                self._lists[raw] = cached
            if cached[1] is not None:
                out[raw] = cached[1]
        return out

    def _expand(self, address: str) -> tuple[str, ...] | None:
        literal = address.replace("'", "''")
        found = self.graph.request(
            "GET", self.graph.url("groups"), mailbox="groups", doing="looking up a list",
            params={"$filter": f"mail eq '{literal}'", "$select": "id,mail"},
        )  # fmt: skip
        groups = (_json(found) or {}).get("value", [])
        if not groups:
            return None
        group_id = quote(str(groups[0].get("id", "")), safe="")
        members: list[str] = []
        for kind in ("microsoft.graph.user", "microsoft.graph.group"):
            url: str | None = self.graph.url(f"groups/{group_id}/transitiveMembers/{kind}?$select=mail&$top=999")
            for _ in range(10_000):
                if url is None:
                    break
                page = _json(self.graph.request("GET", url, mailbox="groups", doing="expanding a list")) or {}
                members += [bare_address(m.get("mail")) for m in page.get("value", []) if isinstance(m, dict)]
                url = page.get("@odata.nextLink")
        return tuple(dict.fromkeys(m for m in members if m))


def to_message(
    row: Mapping[str, Any],
    detail: Mapping[str, Any] | SourceError,
    mailbox: str,
    folder: Folder,
    *,
    with_text: bool,
) -> Message | Malformed:
    """A Graph message (delta row plus its details) as a :class:`Message`."""
    where = f"{folder.value}/{str(row.get('id', '?'))[-16:]}"
    if isinstance(detail, SourceError):
        return Malformed(where, f"cannot be read ({detail})")
    pairs = [
        (str(h.get("name", "")), str(h.get("value", "")))
        for h in detail.get("internetMessageHeaders") or []
        if isinstance(h, dict)
    ]
    props = {
        str(p.get("id", "")).lower(): str(p.get("value", ""))
        for p in detail.get("singleValueExtendedProperties") or []
        if isinstance(p, dict)
    }
    message_id = message_id_of(row.get("internetMessageId")) or message_id_of(header_value(pairs, "message-id"))
    if message_id is None:
        return Malformed(where, "Message-ID: missing")
    marker = props.get(MARKER_PROP.lower())
    if not marker and folder is Folder.SENT and _OWN_ID.match(message_id):
        marker = "sent-copy"
    if marker and header_value(pairs, MARKER) is None:
        pairs.append((MARKER, marker))
    raw_date = row.get("receivedDateTime" if folder is Folder.INBOX else "sentDateTime")
    raw_date = raw_date or row.get("sentDateTime") or row.get("receivedDateTime")
    date = _parse_time(raw_date)
    if date is None:
        return Malformed(where, "Date: missing or unreadable")
    author = row.get("from") or row.get("sender") or {}
    email_address = author.get("emailAddress") or {} if isinstance(author, dict) else {}
    sender = bare_address(email_address.get("address")) or bare_address(header_value(pairs, "from"))
    if not sender:
        return Malformed(where, "From: missing or not an SMTP address")
    in_reply_to = id_list(header_value(pairs, "in-reply-to") or props.get(IN_REPLY_TO_PROP.lower()))
    references = id_list(header_value(pairs, "references") or props.get(REFERENCES_PROP.lower()))
    text: str | None = None
    if with_text and folder is Folder.INBOX:
        body = detail.get("uniqueBody") or detail.get("body") or {}
        content = str(body.get("content") or "") if isinstance(body, dict) else ""
        if isinstance(body, dict) and str(body.get("contentType", "")).lower() == "html":
            content = html_to_text(content)
        text = content[:_TEXT_LIMIT]
    return Message(
        mailbox=mailbox,
        folder=folder,
        message_id=message_id,
        date=date,
        sender=sender,
        to=_recipients(row.get("toRecipients")),
        cc=_recipients(row.get("ccRecipients")),
        bcc=_recipients(row.get("bccRecipients")),
        subject=" ".join(str(row.get("subject") or "").split()),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=references,
        conversation_id=str(row.get("conversationId") or "") or None,
        headers=kept_headers(pairs),
        sender_name=" ".join(str(email_address.get("name") or "").split()),
        text=text,
        source_ref=where,
    )


def _recipients(values: Any) -> tuple[str, ...]:
    return addresses(
        (v.get("emailAddress") or {}).get("address") for v in (values or []) if isinstance(v, dict)
    )


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if "." in text:  # Graph gives up to 7 fractional digits; Python reads 6
        head, _, tail = text.partition(".")
        digits = "".join(c for c in tail if c.isdigit())
        rest = tail[len(digits):]
        text = f"{head}.{digits[:6].ljust(6, '0')}{rest}"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


# -- calendar ------------------------------------------------------------------------


class GraphCalendarSource:
    """One mailbox's calendar through ``calendarView/delta`` over a window from
    yesterday to ``calendar_days`` ahead (Graph expands recurring series into
    occurrences). The delta link is the checkpoint. Deleted events come back
    as ``@removed`` with their id only and are not reported; cancelled meetings
    are (``cancelled``)."""

    def __init__(self, address: str, graph: GraphClient, *, owns_client: bool = True) -> None:
        self.address = address.strip().lower()
        self.graph = graph
        self._owns = owns_client
        self._closed = False
        self.now = lambda: datetime.now(UTC)

    def poll(self, checkpoint: str | None) -> CalendarBatch:
        states = checkpoints.load_states(checkpoint, f"graph calendar {self.address}")
        url = states.get("calendar") or self._initial()
        headers = {"Prefer": f'odata.maxpagesize={_PAGE}, outlook.timezone="UTC", outlook.body-content-type="text"'}
        events: list[CalendarEvent] = []
        malformed: list[Malformed] = []
        restarted = False
        for _ in range(1_000_000):
            response = self.graph.request("GET", url, mailbox=self.address, doing="reading the calendar",
                                          headers=headers, passthrough=(410,))  # fmt: skip
            if response.status_code == 410:
                if restarted:
                    raise TransientError("reading the calendar: Graph keeps refusing a new sync", source=self.address)
                log.warning("graph: %s calendar: the delta link has expired; reading it again", self.address)
                restarted, url = True, self._initial()
                events.clear()
                malformed.clear()
                continue
            data = _json(response) or {}
            for row in data.get("value", []):
                if not isinstance(row, dict) or "@removed" in row:
                    continue
                converted = to_event(row, self.address)
                (events if isinstance(converted, CalendarEvent) else malformed).append(converted)  # type: ignore[arg-type]
            if data.get("@odata.nextLink"):
                url = str(data["@odata.nextLink"])
                continue
            if not data.get("@odata.deltaLink"):
                raise SourceError("reading the calendar: Graph gave no delta link", source=self.address)
            events.sort(key=lambda e: (e.start, e.key))
            return CalendarBatch(events, malformed, checkpoints.dump_states({"calendar": str(data["@odata.deltaLink"])}))
        raise SourceError("reading the calendar: too many pages", source=self.address)  # pragma: no cover

    def _initial(self) -> str:
        start = (self.now() - timedelta(days=1)).strftime("%Y-%m-%dT00:00:00Z")
        end = (self.now() + timedelta(days=int(self.graph.opts.calendar_days))).strftime("%Y-%m-%dT00:00:00Z")
        return self.graph.url(
            f"users/{_user(self.address)}/calendarView/delta?startDateTime={start}&endDateTime={end}"
        )

    def close(self) -> None:
        if not self._closed and self._owns:
            self._closed = True
            self.graph.release()


def to_event(row: Mapping[str, Any], mailbox: str) -> CalendarEvent | Malformed:
    where = f"calendar/{str(row.get('id', '?'))[-16:]}"
    uid = row.get("iCalUId") or row.get("id")
    start = _graph_time(row.get("start"))
    end = _graph_time(row.get("end"))
    if not uid:
        return Malformed(where, "iCalUId: missing")
    if start is None or end is None:
        return Malformed(where, "start or end: missing or unreadable")
    required: list[str] = []
    optional: list[str] = []
    declined: list[str] = []
    for attendee in row.get("attendees") or []:
        if not isinstance(attendee, dict):
            continue
        addr = bare_address((attendee.get("emailAddress") or {}).get("address"))
        if not addr:
            continue
        (optional if attendee.get("type") == "optional" else required).append(addr)
        if ((attendee.get("status") or {}).get("response") or "") == "declined":
            declined.append(addr)
    body = row.get("body") or {}
    description = str(body.get("content") or "") if isinstance(body, dict) else ""
    if isinstance(body, dict) and str(body.get("contentType", "")).lower() == "html":
        description = html_to_text(description)
    kind = row.get("type")
    original = _graph_time(row.get("originalStart")) if row.get("originalStart") else None
    recurrence = (original or start) if kind in ("occurrence", "exception") else None
    organizer = (row.get("organizer") or {}).get("emailAddress") or {}
    location = row.get("location") or {}
    return CalendarEvent(
        mailbox=mailbox,
        uid=str(uid),
        start=start,
        end=end,
        created=_parse_time(row.get("createdDateTime")) or start,
        summary=" ".join(str(row.get("subject") or "").split()),
        description=description[:_TEXT_LIMIT],
        location=str(location.get("displayName") or "") if isinstance(location, dict) else "",
        organizer=bare_address(organizer.get("address")),
        required=tuple(dict.fromkeys(required)),
        optional=tuple(dict.fromkeys(optional)),
        declined=tuple(dict.fromkeys(declined)),
        categories=tuple(str(c) for c in row.get("categories") or ()),
        cancelled=bool(row.get("isCancelled")),
        recurrence_id=recurrence.isoformat() if recurrence else None,
        source_ref=where,
    )


def _graph_time(value: Any) -> datetime | None:
    """A dateTimeTimeZone (``{"dateTime": ..., "timeZone": "UTC"}``) in UTC."""
    if isinstance(value, str):
        return _parse_time(value)
    if not isinstance(value, dict) or not value.get("dateTime"):
        return None
    parsed = _parse_time(str(value["dateTime"]))
    zone = str(value.get("timeZone") or "UTC")
    if parsed is None or zone.upper() in ("UTC", "ETC/UTC"):
        return parsed
    try:
        from zoneinfo import ZoneInfo

        local = parsed.replace(tzinfo=None).replace(tzinfo=ZoneInfo(zone))
        return local.astimezone(UTC)
    except (KeyError, ValueError):  # a Windows zone name: we asked for UTC, so rare
        return parsed


# -- factories ------------------------------------------------------------------------


def from_settings(mb: MailboxSettings, settings: Settings) -> GraphMailSource:
    """The daemon's factory for ``[[mailbox]] type = "graph"``."""
    graph = client(mb.options, source=mb.address)
    return GraphMailSource(mb.address, graph, with_text=bool(settings.classifier.get("enabled", True)))


def calendar_from_settings(mb: Any, settings: Settings) -> GraphCalendarSource:
    """The factory for a calendar of this type: ``mb`` is a [[calendar]] (or
    [[mailbox]]) entry with ``address`` and ``options``."""
    return GraphCalendarSource(mb.address, client(mb.options, source=mb.address))
