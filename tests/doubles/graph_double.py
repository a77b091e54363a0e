"""A loopback Microsoft Graph (v1.0) for mail, calendar and groups, plus the
Entra ID endpoints msal uses for the client-credentials grant, over HTTPS (msal
accepts only https authorities). Payloads follow Microsoft's documentation:

    GET  /{tenant}/v2.0/.well-known/openid-configuration
    POST /{tenant}/oauth2/v2.0/token          client_secret, or a client_assertion
                                               JWT signed with the registered certificate
    GET  /v1.0/users/{id}/mailFolders/{folder}/messages/delta     ($select; delta and skip tokens)
    GET  /v1.0/users/{id}/messages/{id}       ($select, $expand=singleValueExtendedProperties($filter=...))
    GET  /v1.0/users/{id}/messages            ($filter=internetMessageId eq '...')
    GET  /v1.0/users/{id}/mailFolders/{folder}, /v1.0/users/{id}/calendar
    POST /v1.0/users/{id}/sendMail            JSON, or MIME (text/plain, base64)
    GET  /v1.0/users/{id}/calendarView/delta  (startDateTime, endDateTime; no $select)
    GET  /v1.0/groups?$filter=mail eq '...'
    GET  /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user|group

Strict like Graph: no or unknown bearer token (401 InvalidAuthenticationToken);
an application permission missing from the token's roles, or a mailbox outside
the app's RBAC scope (403 ErrorAccessDenied); an unknown user (404
ErrorInvalidUser); a $select naming no message property (400); JSON sendMail
headers that are not X- headers (400 InvalidInternetMessageHeader); bad base64
MIME (400); a From the app may not send as (403 ErrorSendAsDenied); a delta token
from before :meth:`GraphDouble.expire_delta_tokens` (410 SyncStateNotFound); more
than 4 requests at once for one mailbox (429, MailboxConcurrency). Throttling on
demand: :meth:`GraphDouble.throttle` (429 or 503 with Retry-After).
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import hashlib
import json
import re
import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote, unquote

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from doubles.http import LoopbackServer, Request, Response
from doubles.mailstore import Item, MailStore
from doubles.tls import ClientCert, TlsFiles

MESSAGE_PROPERTIES = frozenset(
    ["id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime", "hasAttachments", "internetMessageId", "internetMessageHeaders", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId", "conversationIndex", "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body", "uniqueBody", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag"]
)
WELL_KNOWN = {"inbox": "inbox", "sentitems": "sentitems", "outbox": "outbox", "drafts": "drafts"}
READ_MAIL = {"Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic.All"}
READ_CAL = {"Calendars.Read", "Calendars.ReadWrite", "Calendars.ReadBasic"}
READ_GROUPS = {"GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"}
MAX_CONCURRENT = 4
_EXPAND = re.compile(r"singleValueExtendedProperties\(\$filter=(id eq '[^']+'(?: or id eq '[^']+')*)\)$")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _thumb(text: str) -> bytes:
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4))
    except ValueError:
        return b""


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class GraphError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


@dataclass
class GraphDouble:
    """``roles``: the application permissions consented for the app (they go
    into every token); ``scope``: the mailboxes the app's RBAC for Applications
    scope holds (None: all)."""

    tls: TlsFiles
    tenant_id: str = "tenant-1"
    client_id: str = "graph-app-id"
    client_secret: str | None = "graph-app-secret"
    certificate: ClientCert | None = None
    roles: set[str] = field(default_factory=lambda: {"Mail.ReadWrite", "Mail.Send", "Calendars.Read",
                                                     "GroupMember.Read.All"})  # fmt: skip
    scope: set[str] | None = None
    clock: Callable[[], datetime] | None = None
    latency: float = 0.0  # seconds every Graph request takes (makes concurrency visible)

    def __post_init__(self) -> None:
        self.store = MailStore(self.clock)
        self.requests: list[tuple[str, str, dict[str, list[str]]]] = []
        self.tokens_issued = 0
        self.sent: list[tuple[str, bytes | dict[str, Any]]] = []
        self.max_in_flight: Counter[str] = Counter()
        self._in_flight: Counter[str] = Counter()
        self._tokens: dict[str, tuple[set[str], float]] = {}
        self._generation = 1
        self._throttle: list[tuple[int, float]] = []  # (status, retry_after) per coming request
        self._lock = threading.Lock()
        self._server = LoopbackServer(self._handle, tls=self.tls)

    # -- control --

    def start(self) -> GraphDouble:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> GraphDouble:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        return self._server.url

    @property
    def graph_url(self) -> str:
        return self.base + "/v1.0"

    @property
    def authority_url(self) -> str:
        return self.base

    def options(self, **extra: Any) -> dict[str, Any]:
        """Mailbox options pointing at this double (the secret from an env var
        the caller sets: GRAPH_DOUBLE_SECRET)."""
        opts: dict[str, Any] = {
            "tenant_id": self.tenant_id,
            "client_id": self.client_id,
            "graph_url": self.graph_url,
            "authority_url": self.authority_url,
            "ca_file": str(self.tls.ca),
        }
        if self.client_secret is not None:
            opts["client_secret_env"] = "GRAPH_DOUBLE_SECRET"
        opts.update(extra)
        return opts

    def add_mailbox(self, address: str, name: str = "") -> None:
        self.store.add_mailbox(address, name)

    def deliver(self, mailbox: str, folder: str, raw: bytes, **times: datetime) -> Item:
        return self.store.deliver(mailbox, {"sent": "sentitems"}.get(folder, folder), raw, **times)

    def throttle(self, times: int = 1, retry_after: float = 7, status: int = 429) -> None:
        with self._lock:
            self._throttle += [(status, retry_after)] * times

    def expire_delta_tokens(self) -> None:
        with self._lock:
            self._generation += 1

    def graph_calls(self) -> list[str]:
        return [f"{m} {p}" for m, p, _ in self.requests]

    # -- HTTP --

    def _handle(self, request: Request) -> Response:
        tenant = f"/{self.tenant_id}"
        if request.path == f"{tenant}/v2.0/.well-known/openid-configuration":
            return self._json(200, self._openid())
        if request.path == f"{tenant}/oauth2/v2.0/token":
            return self._token(request)
        if request.path.startswith(f"{tenant}/"):
            return self._json(400, {"error": "invalid_request", "error_description": "AADSTS90002: unknown endpoint"})
        if not request.path.startswith("/v1.0/"):
            return self._json(404, {"error": {"code": "BadRequest", "message": "Resource not found for the segment."}})
        with self._lock:
            self.requests.append((request.method, request.path, request.query))
        try:
            roles = self._authorise(request)
            return self._graph(request, roles)
        except GraphError as err:
            body = {"error": {"code": err.code, "message": err.message,
                              "innerError": {"request-id": str(uuid.uuid4()), "date": _iso(datetime.now(UTC))}}}  # fmt: skip
            return self._json(err.status, body, err.headers)

    @staticmethod
    def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
        return Response(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})

    def _openid(self) -> dict[str, Any]:
        root = f"{self.base}/{self.tenant_id}"
        return {
            "token_endpoint": f"{root}/oauth2/v2.0/token",
            "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
            "issuer": f"{root}/v2.0",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "tenant_region_scope": "EU",
        }

    def _token(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}

        def refuse(code: str, text: str, status: int = 401) -> Response:
            return self._json(status, {"error": code, "error_description": f"{text} Trace ID: {uuid.uuid4()}",
                                       "error_codes": [int(text[6:13]) if text[6:13].isdigit() else 0]})  # fmt: skip

        if request.method != "POST" or form.get("grant_type") != "client_credentials":
            return refuse("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.", 400)
        if form.get("client_id") != self.client_id:
            return refuse("unauthorized_client", "AADSTS700016: Application not found in the directory.", 400)
        expected_scope = self.base + "/.default"
        if form.get("scope", "").split() != [expected_scope]:
            return refuse("invalid_scope", f"AADSTS70011: The scope must be {expected_scope}.", 400)
        if "client_secret" in form:
            if self.client_secret is None or form["client_secret"] != self.client_secret:
                return refuse("invalid_client", "AADSTS7000215: Invalid client secret provided.")
        elif form.get("client_assertion_type") == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer":
            problem = self._check_assertion(form.get("client_assertion", ""))
            if problem:
                return refuse("invalid_client", f"AADSTS700027: {problem}")
        else:
            return refuse("invalid_client", "AADSTS7000218: The request body must contain client_assertion or client_secret.", 400)
        now = time.time()
        claims = {"aud": self.base, "iss": f"{self.base}/{self.tenant_id}/", "appid": self.client_id,
                  "tid": self.tenant_id, "roles": sorted(self.roles), "iat": int(now), "exp": int(now) + 3600}  # fmt: skip
        token = ".".join([_b64url(b'{"typ":"JWT","alg":"RS256"}'), _b64url(json.dumps(claims).encode()),
                          _b64url(secrets.token_bytes(32))])  # fmt: skip
        with self._lock:
            self._tokens[token] = (set(self.roles), now + 3600)
            self.tokens_issued += 1
        return self._json(200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token})

    def _check_assertion(self, assertion: str) -> str:
        if self.certificate is None:
            return "No certificate is registered for this application."
        cert = x509.load_pem_x509_certificate(self.certificate.public_pem)
        try:
            header = jwt.get_unverified_header(assertion)
        except jwt.PyJWTError:
            return "The client assertion is not a JWT."
        der = cert.public_bytes(serialization.Encoding.DER)
        # x5t / x5t#S256: the certificate's hash (msal writes it base64 with padding,
        # RFC 7515 says base64url; Entra accepts both, so does this double)
        if "x5t#S256" in header:
            ok = _thumb(header["x5t#S256"]) == hashlib.sha256(der).digest()
        else:
            ok = _thumb(str(header.get("x5t", ""))) == hashlib.sha1(der).digest()
        if not ok:
            return "The certificate with identifier used to sign the client assertion is not registered on application."
        try:
            claims = jwt.decode(assertion, cert.public_key(), algorithms=["RS256", "PS256"],  # type: ignore[arg-type]
                                audience=f"{self.base}/{self.tenant_id}/oauth2/v2.0/token")  # fmt: skip
        except jwt.PyJWTError as exc:
            return f"Client assertion failed signature validation ({type(exc).__name__})."
        if claims.get("iss") != self.client_id or claims.get("sub") != self.client_id:
            return "The client assertion's issuer and subject must be the client id."
        return ""

    def _authorise(self, request: Request) -> set[str]:
        auth = request.header("authorization") or ""
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise GraphError(401, "InvalidAuthenticationToken", "Access token is empty.")
        with self._lock:
            found = self._tokens.get(token.strip())
        if found is None:
            raise GraphError(401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed.")
        roles, expiry = found
        if expiry < time.time():
            raise GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")
        return roles

    # -- Graph --

    def _graph(self, request: Request, roles: set[str]) -> Response:
        parts = [unquote(p) for p in request.path.split("/")[2:]]
        if parts[:1] == ["users"] and len(parts) >= 3:
            mailbox = parts[1].lower()
            with self._lock:
                if self._throttle:
                    status, wait = self._throttle.pop(0)
                    code = "ApplicationThrottled" if status == 429 else "ServiceUnavailable"
                    raise GraphError(status, code, "Application is over its MailboxConcurrency limit."
                                     if status == 429 else "Service unavailable.", {"Retry-After": f"{wait:g}"})  # fmt: skip
                self._in_flight[mailbox] += 1
                over = self._in_flight[mailbox] > MAX_CONCURRENT
                self.max_in_flight[mailbox] = max(self.max_in_flight[mailbox], self._in_flight[mailbox])
            try:
                if over:
                    raise GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                                     {"Retry-After": "1"})  # fmt: skip
                if self.latency:
                    time.sleep(self.latency)
                return self._user(request, mailbox, parts[2:], roles)
            finally:
                with self._lock:
                    self._in_flight[mailbox] -= 1
        if parts[:1] == ["groups"]:
            if not roles & READ_GROUPS:
                raise GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            return self._groups(request, parts[1:])
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{parts[0] if parts else ''}'.")

    def _user(self, request: Request, mailbox: str, rest: list[str], roles: set[str]) -> Response:
        if not self.store.has_mailbox(mailbox):
            raise GraphError(404, "ErrorInvalidUser", f"The requested user '{mailbox}' is invalid.")
        if self.scope is not None and mailbox not in self.scope:
            raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        route = "/".join(rest)
        if request.method == "POST" and route == "sendMail":
            if "Mail.Send" not in roles:
                raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            return self._send_mail(request, mailbox)
        if request.method != "GET":
            raise GraphError(405, "ErrorInvalidRequest", "The OData request is not supported.")
        if route.startswith("calendar"):
            if not roles & READ_CAL:
                raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            if route == "calendar":
                return self._json(200, {"id": _b64url(f"{mailbox}/calendar".encode()), "name": "Calendar"})
            if route == "calendarView/delta":
                return self._calendar_delta(request, mailbox)
        if not roles & READ_MAIL:
            raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        m = re.fullmatch(r"mailFolders/([^/]+)/messages/delta", route)
        if m:
            return self._message_delta(request, mailbox, self._folder(m.group(1)))
        m = re.fullmatch(r"mailFolders/([^/]+)", route)
        if m:
            folder = self._folder(m.group(1))
            count = len(self.store.folder(mailbox, folder))
            return self._json(200, {"id": _b64url(f"{mailbox}/{folder}".encode()), "displayName": folder,
                                    "totalItemCount": count})  # fmt: skip
        if route == "messages":
            return self._find_messages(request, mailbox)
        m = re.fullmatch(r"messages/([^/]+)", route)
        if m:
            return self._message(request, mailbox, m.group(1))
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{rest[0] if rest else ''}'.")

    @staticmethod
    def _folder(name: str) -> str:
        folder = WELL_KNOWN.get(name.lower())
        if folder is None:
            raise GraphError(404, "ErrorInvalidIdMalformed", "Id is malformed.")
        return folder

    @staticmethod
    def _select(query: dict[str, list[str]], allowed: frozenset[str] = MESSAGE_PROPERTIES) -> list[str] | None:
        if "$select" not in query:
            return None
        names = [s.strip() for s in query["$select"][0].split(",") if s.strip()]
        for name in names:
            if name not in allowed:
                raise GraphError(400, "RequestBroker--ParseUri",
                                 f"Could not find a property named '{name}' on type 'microsoft.graph.message'.")  # fmt: skip
        return names

    def _item_id(self, item: Item) -> str:
        return "AAMk" + _b64url(item.key.encode())

    def _item_by_id(self, mailbox: str, item_id: str) -> Item:
        try:
            key = _unb64url(item_id[4:]).decode() if item_id.startswith("AAMk") else ""
        except (ValueError, UnicodeDecodeError):
            key = ""
        item = self.store.items.get(key)
        if item is None or item.mailbox != mailbox or item.deleted:
            raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        return item

    # messages/delta

    def _token_for(self, payload: dict[str, Any]) -> str:
        return _b64url(json.dumps(payload).encode())

    def _read_token(self, value: str, mailbox: str, folder: str) -> dict[str, Any]:
        try:
            payload = json.loads(_unb64url(value))
        except (ValueError, TypeError):
            raise GraphError(400, "ErrorInvalidUrlQuery", "The delta token is malformed.") from None
        if payload.get("g") != self._generation:
            raise GraphError(410, "SyncStateNotFound",
                             f"The sync state generation is not found; generation={payload.get('g')};[highest={self._generation}].")  # fmt: skip
        if payload.get("m") != mailbox or payload.get("f") != folder:
            raise GraphError(400, "ErrorInvalidUrlQuery", "The delta token belongs to another folder.")
        return payload

    def _message_delta(self, request: Request, mailbox: str, folder: str) -> Response:
        query = request.query
        for banned in ("$orderby", "$search", "$expand", "$skip", "$count"):
            if banned in query:
                raise GraphError(400, "ErrorInvalidUrlQuery",
                                 f"The following parameters are not supported with change tracking over the 'Messages' resource: '{banned}'.")  # fmt: skip
        token = (query.get("$deltatoken") or query.get("$skiptoken") or [None])[0]
        if token:
            state = self._read_token(token, mailbox, folder)
            select = state["sel"]
            low, high = state["s"], state.get("h")
        else:
            select = self._select(query)
            if "$filter" in query and not re.fullmatch(r"receivedDateTime (ge|gt) \S+", query["$filter"][0]):
                raise GraphError(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.")
            low, high = 0, None
        if high is None or "$deltatoken" in query:
            high = self.store.seq
        size = _page_size(request.header("prefer"), default=10)
        changes = [i for i in self.store.changed_since(mailbox, folder, low) if i.seq <= high]
        page, more = changes[:size], len(changes) > size
        link = f"{self.graph_url}/users/{quote(mailbox)}/mailFolders/{folder}/messages/delta"
        body: dict[str, Any] = {
            "@odata.context": f"{self.graph_url}/$metadata#Collection(message)",
            "value": [self._render_message(i, select, delta=True) for i in page],
        }
        if more:
            payload = {"m": mailbox, "f": folder, "s": page[-1].seq, "h": high, "g": self._generation, "sel": select}
            body["@odata.nextLink"] = f"{link}?$skiptoken={self._token_for(payload)}"
        else:
            payload = {"m": mailbox, "f": folder, "s": high, "g": self._generation, "sel": select}
            body["@odata.deltaLink"] = f"{link}?$deltatoken={self._token_for(payload)}"
        return self._json(200, body)

    def _render_message(self, item: Item, select: list[str] | None, *, delta: bool = False,
                        text: bool = False, expand: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
        full = {
            "@odata.type": "#microsoft.graph.message",
            "@odata.etag": f'W/"CQAAABYAAAA{item.change_key}"',
            "id": self._item_id(item),
            "createdDateTime": _iso(item.created or item.received),
            "receivedDateTime": _iso(item.received),
            "sentDateTime": _iso(item.sent),
            "subject": item.subject,
            "internetMessageId": item.message_id,
            "conversationId": item.conversation_id,
            "isDraft": item.is_draft,
            "isRead": False,
            "parentFolderId": _b64url(f"{item.mailbox}/{item.folder}".encode()),
            "from": _recipient(item.sender) if item.sender else None,
            "sender": _recipient(item.sender) if item.sender else None,
            "toRecipients": [_recipient(p) for p in item.to],
            "ccRecipients": [_recipient(p) for p in item.cc],
            "bccRecipients": [_recipient(p) for p in item.bcc] if item.folder != "inbox" else [],
            "bodyPreview": item.text[:255],
        }
        if item.message_id is None:
            del full["internetMessageId"]
        # Sent Items copies carry no transport headers
        if (select is None or "internetMessageHeaders" in select) and item.folder == "inbox":
            full["internetMessageHeaders"] = [{"name": k, "value": v} for k, v in item.headers]
        for name in ("body", "uniqueBody"):
            if select is None or name in select:
                if text or item.html is None:
                    full[name] = {"contentType": "text", "content": item.text}
                else:
                    full[name] = {"contentType": "html", "content": item.html}
        if select is not None:
            full = {k: v for k, v in full.items() if k in select or k in ("id", "@odata.type", "@odata.etag")}
        if expand:
            props: dict[str, str | None] = {"String 0x1042": item.in_reply_to, "String 0x1039": item.references}
            for prop in expand:  # X- headers as named properties (PS_INTERNET_HEADERS), any folder
                m = re.fullmatch(r"String \{00020386-0000-0000-C000-000000000046\} Name (X-\S+)", prop, re.IGNORECASE)
                if m:
                    props[prop] = next((v for k, v in item.headers if k.lower() == m.group(1).lower()), None)
            found = [{"id": p, "value": props[p]} for p in expand if props.get(p)]
            if found:
                full["singleValueExtendedProperties"] = found
        return full

    def _message(self, request: Request, mailbox: str, item_id: str) -> Response:
        select = self._select(request.query)
        expand: list[str] | None = None
        if "$expand" in request.query:
            m = _EXPAND.fullmatch(request.query["$expand"][0])
            if not m:
                raise GraphError(400, "BadRequest", "Parsing OData Select and Expand failed: the $expand is not supported.")
            expand = re.findall(r"id eq '([^']+)'", m.group(1))
            for prop in expand:
                if not re.fullmatch(r"(String|Integer|Boolean|SystemTime|Binary) 0x[0-9A-Fa-f]{4}|String \{[0-9a-fA-F-]+\} Name \S+", prop):
                    raise GraphError(400, "ErrorInvalidProperty", f"The property '{prop}' is not valid.")
        text = 'outlook.body-content-type="text"' in (request.header("prefer") or "")
        item = self._item_by_id(mailbox, item_id)
        body = {"@odata.context": f"{self.graph_url}/$metadata#users('{mailbox}')/messages/$entity",
                **self._render_message(item, select, text=text, expand=expand)}  # fmt: skip
        return self._json(200, body)

    def _find_messages(self, request: Request, mailbox: str) -> Response:
        select = self._select(request.query)
        flt = (request.query.get("$filter") or [""])[0]
        m = re.fullmatch(r"internetMessageId eq '((?:[^']|'')*)'", flt)
        if not m:
            raise GraphError(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.")
        wanted = m.group(1).replace("''", "'")
        found = self.store.find_message_id(mailbox, ("inbox", "sentitems", "outbox", "drafts"), wanted)
        top = int((request.query.get("$top") or ["10"])[0])
        return self._json(200, {"@odata.context": f"{self.graph_url}/$metadata#users('{mailbox}')/messages",
                                "value": [self._render_message(i, select) for i in found[:top]]})  # fmt: skip

    # sendMail

    def _send_mail(self, request: Request, mailbox: str) -> Response:
        kind = (request.header("content-type") or "").split(";")[0].strip().lower()
        now = self.store.clock()
        if kind == "text/plain":
            try:
                raw = base64.b64decode(request.body, validate=True)
            except ValueError:
                raise GraphError(400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.") from None
            parsed = email.message_from_bytes(raw, policy=email.policy.compat32)
            sender = email.utils.parseaddr(parsed["From"] or "")[1].lower()
            if sender and sender != mailbox:
                raise GraphError(403, "ErrorSendAsDenied",
                                 "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.")  # fmt: skip
            with self._lock:
                self.sent.append((mailbox, raw))
            self.store.deliver(mailbox, "sentitems", raw, sent=now, received=now)
            recipients = [a for h in ("To", "Cc", "Bcc") for _, a in email.utils.getaddresses(parsed.get_all(h, [])) if a]
            self._deliver(recipients, _without_bcc(raw), now)
            return Response(202, b"", {})
        if kind == "application/json":
            try:
                data = json.loads(request.body)
                message = data["message"]
            except (ValueError, KeyError, TypeError):
                raise GraphError(400, "ErrorInvalidRequest", "Cannot read the request body.") from None
            for header in message.get("internetMessageHeaders") or []:
                name = str(header.get("name", ""))
                if not name.lower().startswith("x-"):
                    raise GraphError(400, "InvalidInternetMessageHeader",
                                     f"The internet message header name '{name}' should start with 'x-' or 'X-'.")  # fmt: skip
            if "internetMessageId" in message:
                raise GraphError(400, "ErrorInvalidPropertySet", "The internetMessageId can't be set on a message that is sent.")
            with self._lock:
                self.sent.append((mailbox, data))
            return Response(202, b"", {})
        raise GraphError(415, "ErrorInvalidRequest", "Content-Type must be application/json or text/plain (MIME).")

    def _deliver(self, recipients: Iterable[str], raw: bytes, now: datetime) -> None:
        done: set[str] = set()
        for rcpt in recipients:
            for target in self._members(rcpt.lower(), set()):
                if target not in done and self.store.has_mailbox(target):
                    done.add(target)
                    self.store.deliver(target, "inbox", raw, sent=now, received=now)

    def _members(self, address: str, seen: set[str]) -> set[str]:
        if address in seen:
            return set()
        seen.add(address)
        if address not in self.store.lists:
            return {address}
        out: set[str] = set()
        for member in self.store.lists[address]:
            out |= self._members(member, seen)
        return out

    # calendarView/delta

    def _calendar_delta(self, request: Request, mailbox: str) -> Response:
        query = request.query
        if "$select" in query or "$filter" in query or "$orderby" in query:
            raise GraphError(400, "ErrorInvalidUrlQuery",
                             "The following parameters are not supported with change tracking over the 'CalendarView' resource: '$select, $filter, $orderby'.")  # fmt: skip
        token = (query.get("$deltatoken") or query.get("$skiptoken") or [None])[0]
        if token:
            state = self._read_token(token, mailbox, "calendar")
            start, end = _parse(state["from"]), _parse(state["to"])
            low, high = state["s"], state.get("h")
        else:
            if "startDateTime" not in query or "endDateTime" not in query:
                raise GraphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.")
            start, end = _parse(query["startDateTime"][0]), _parse(query["endDateTime"][0])
            low, high = 0, None
        if high is None or "$deltatoken" in query:
            high = self.store.seq
        size = _page_size(request.header("prefer"), default=10)
        changed = [i for i in self.store.changed_since(mailbox, "calendar", low) if i.seq <= high]
        page, more = changed[:size], len(changed) > size
        rows: list[dict[str, Any]] = []
        for item in page:
            for occ in item.occurrences if item.event_type == "RecurringMaster" else [item]:
                if occ.start and occ.end and occ.start < end and occ.end > start:
                    rows.append(self._render_event(occ, master=item if occ is not item else None))
        link = f"{self.graph_url}/users/{quote(mailbox)}/calendarView/delta"
        payload = {"m": mailbox, "f": "calendar", "g": self._generation, "from": _iso(start), "to": _iso(end)}
        body: dict[str, Any] = {"@odata.context": f"{self.graph_url}/$metadata#Collection(event)", "value": rows}
        if more:
            body["@odata.nextLink"] = f"{link}?$skiptoken={self._token_for({**payload, 's': page[-1].seq, 'h': high})}"
        else:
            body["@odata.deltaLink"] = f"{link}?$deltatoken={self._token_for({**payload, 's': high})}"
        return self._json(200, body)

    def _render_event(self, item: Item, master: Item | None) -> dict[str, Any]:
        def when(value: datetime | None) -> dict[str, str]:
            return {"dateTime": (value or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                    "timeZone": "UTC"}  # fmt: skip

        attendees = [
            {"type": kind, "status": {"response": {"Decline": "declined", "Accept": "accepted",
                                                   "Tentative": "tentativelyAccepted"}.get(a.response, "none"),
                                      "time": "0001-01-01T00:00:00Z"},
             "emailAddress": {"name": a.name or a.address, "address": a.address}}
            for kind, people in (("required", item.required), ("optional", item.optional))
            for a in people
        ]  # fmt: skip
        row: dict[str, Any] = {
            "@odata.type": "#microsoft.graph.event",
            "id": "AAMk" + _b64url(item.key.encode()),
            "createdDateTime": _iso(item.created),
            "iCalUId": f"040000008200E00074C5B7101A82E008{hashlib.sha1(item.uid.encode()).hexdigest().upper()}",
            "subject": item.subject,
            "body": {"contentType": "text", "content": item.text},
            "start": when(item.start),
            "end": when(item.end),
            "location": {"displayName": item.location},
            "organizer": {"emailAddress": {"name": item.organizer[1] if item.organizer else "",
                                           "address": item.organizer[1] if item.organizer else ""}},  # fmt: skip
            "attendees": attendees,
            "categories": list(item.categories),
            "isCancelled": item.cancelled,
            "type": "occurrence" if master is not None else "singleInstance",
        }
        if master is not None:
            row["seriesMasterId"] = "AAMk" + _b64url(master.key.encode())
            row["originalStart"] = _iso(item.recurrence_id)
        return row

    def uid_of(self, item: Item) -> str:
        """The iCalUId Graph reports for a store event."""
        return f"040000008200E00074C5B7101A82E008{hashlib.sha1(item.uid.encode()).hexdigest().upper()}"

    # groups

    def _group_id(self, address: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"group:{address}"))

    def _groups(self, request: Request, rest: list[str]) -> Response:
        if not rest:
            flt = (request.query.get("$filter") or [""])[0]
            m = re.fullmatch(r"mail eq '((?:[^']|'')*)'", flt)
            if not m:
                raise GraphError(400, "Request_UnsupportedQuery", "Unsupported query.")
            address = m.group(1).replace("''", "'").lower()
            value = [{"id": self._group_id(address), "mail": address}] if address in self.store.lists else []
            return self._json(200, {"@odata.context": f"{self.graph_url}/$metadata#groups(id,mail)", "value": value})
        by_id = {self._group_id(a): a for a in self.store.lists}
        address = by_id.get(rest[0])
        if address is None:
            raise GraphError(404, "Request_ResourceNotFound", f"Resource '{rest[0]}' does not exist.")
        if rest[1:] == ["transitiveMembers", "microsoft.graph.user"]:
            users = sorted(self._members(address, set()))
            return self._json(200, {"value": [{"@odata.type": "#microsoft.graph.user", "mail": u} for u in users]})
        if rest[1:] == ["transitiveMembers", "microsoft.graph.group"]:
            nested = sorted(self._nested(address, set()) - {address})
            return self._json(200, {"value": [{"@odata.type": "#microsoft.graph.group", "mail": g} for g in nested]})
        raise GraphError(400, "Request_BadRequest", "Unsupported segment.")

    def _nested(self, address: str, seen: set[str]) -> set[str]:
        if address in seen or address not in self.store.lists:
            return set()
        seen.add(address)
        out = {address}
        for member in self.store.lists[address]:
            out |= self._nested(member, seen)
        return out


def _recipient(person: tuple[str, str]) -> dict[str, Any]:
    name, address = person
    return {"emailAddress": {"name": name or address, "address": address}}


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _page_size(prefer: str | None, *, default: int) -> int:
    m = re.search(r"odata\.maxpagesize=(\d+)", prefer or "")
    return max(1, min(int(m.group(1)), 1000)) if m else default


def _without_bcc(raw: bytes) -> bytes:
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return raw
    kept: list[bytes] = []
    skipping = False
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and skipping:
            continue
        skipping = line.lower().startswith(b"bcc:")
        if not skipping:
            kept.append(line)
    return b"\r\n".join(kept) + sep + body
