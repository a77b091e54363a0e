"""A loopback EWS server (Exchange 2016 on premises), built from the request and
response payloads Microsoft documents for each operation it serves:

    ConvertId (exchangelib's version probe), GetFolder, SyncFolderItems, GetItem,
    FindItem (IsEqualTo restriction; CalendarView), CreateItem (MimeContent,
    MessageDisposition), ExpandDL, and streaming notifications: Subscribe
    (StreamingSubscriptionRequest), GetStreamingEvents, Unsubscribe

It is strict where Exchange is:

- POST to /EWS/Exchange.asmx only, ``text/xml`` SOAP 1.1; a SOAPAction header,
  when sent, must name the operation in the body;
- a RequestServerVersion it does not implement is refused (ErrorInvalidServerVersion),
  and every answer carries ServerVersionInfo (15.1, Exchange2016);
- Basic credentials, or a bearer token from its own OAuth token endpoint; else 401;
- a mailbox other than the caller's own needs either an ExchangeImpersonation
  header and the ApplicationImpersonation role over that mailbox
  (ErrorImpersonateUserDenied otherwise), or delegate access (ErrorAccessDenied);
  with an app-only OAuth token the header is required;
- SyncFolderItems and FindItem refuse properties they cannot return (bodies,
  recipients, Internet headers, MIME: ErrorInvalidPropertyRequest), as the
  documentation says; MaxChangesReturned must be 1..512;
- a sync state it no longer knows is ErrorInvalidSyncStateData;
- :meth:`EwsDouble.throttle` answers the next requests with the documented
  ErrorServerBusy SOAP fault (HTTP 500) carrying BackOffMilliseconds;
- a subscription names folders of one mailbox (ErrorInvalidSubscriptionRequest),
  needs Exchange2010_SP1 or later, and is refused through delegate access
  (ErrorSubscriptionDelegateAccessNotSupported: impersonate instead); only its
  creator may stream or remove it (ErrorSubscriptionAccessDenied); an unknown one
  is ErrorSubscriptionNotFound, with ErrorSubscriptionIds.

Streaming: GetStreamingEvents answers with a chunked HTTP response of one SOAP
envelope after another: ConnectionStatus OK at once, then a Notifications message
whenever the subscription has events (each delivery: CreatedEvent, NewMailEvent
for the inbox, ModifiedEvent for the folder, as the subscription asked), then
ConnectionStatus Closed when ConnectionTimeout runs out (``stream_minute``
seconds per minute) or a newer GetStreamingEvents takes the subscription over.
:meth:`EwsDouble.expire_subscriptions` forgets subscriptions as a restarted
server does; :meth:`EwsDouble.drop_streams` breaks open streams mid-response.

Sync states are opaque tokens pointing into the store's change sequence, as real
ones are opaque; :meth:`EwsDouble.forget_sync_states` makes all issued ones invalid.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import secrets
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs

from doubles.http import LoopbackServer, Request, Response
from doubles.mailstore import Item, MailStore
from doubles.tls import TlsFiles

S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
E = "http://schemas.microsoft.com/exchange/services/2006/errors"
for _prefix, _uri in (("s", S), ("m", M), ("t", T), ("e", E)):
    ET.register_namespace(_prefix, _uri)

ENDPOINT = "/EWS/Exchange.asmx"
KNOWN_VERSIONS = {
    "Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2",
    "Exchange2013", "Exchange2013_SP1", "Exchange2016",
}  # fmt: skip
# Properties FindItem and SyncFolderItems cannot return (documented for both).
NOT_IN_FIND = {
    "item:Body", "item:UniqueBody", "item:TextBody", "item:MimeContent", "item:Attachments",
    "item:InternetMessageHeaders", "message:ToRecipients", "message:CcRecipients",
    "message:BccRecipients", "calendar:RequiredAttendees", "calendar:OptionalAttendees",
    "calendar:Resources",
}  # fmt: skip
DISTINGUISHED = {
    "root": ("Folder", "", "Top of Information Store"),
    "msgfolderroot": ("Folder", "", "Top of Information Store"),
    "inbox": ("Folder", "IPF.Note", "Inbox"),
    "sentitems": ("Folder", "IPF.Note", "Sent Items"),
    "outbox": ("Folder", "IPF.Note", "Outbox"),
    "drafts": ("Folder", "IPF.Note", "Drafts"),
    "calendar": ("CalendarFolder", "IPF.Appointment", "Calendar"),
}
# Event types a streaming subscription may ask for (StatusEvent is for pull and push).
STREAMING_EVENTS = {
    "CopiedEvent", "CreatedEvent", "DeletedEvent", "ModifiedEvent", "MovedEvent", "NewMailEvent",
    "FreeBusyChangedEvent",
}  # fmt: skip
# Streaming notifications came with Exchange 2010 SP1.
NO_STREAMING = {"Exchange2007", "Exchange2007_SP1", "Exchange2010"}


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


class EwsFault(Exception):
    def __init__(self, code: str, text: str, *, back_off_ms: int | None = None, status: int = 500):
        super().__init__(text)
        self.code, self.text, self.back_off_ms, self.status = code, text, back_off_ms, status


class ResponseError(Exception):
    """An error in one response message (ResponseClass="Error")."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code, self.text = code, text


@dataclass
class Call:
    operation: str
    principal: str
    impersonated: str | None
    mailboxes: tuple[str, ...] = ()


@dataclass
class Caller:
    principal: str  # the signed-in account (or "app:<client id>")
    impersonated: str | None
    app_only: bool = False
    version: str | None = None  # RequestServerVersion

    @property
    def who(self) -> tuple[str, str | None]:
        return self.principal, self.impersonated


@dataclass(eq=False)
class Subscription:
    """A streaming subscription: its folders (None: all) of one mailbox, and the
    events not yet streamed to its client: (event type, item, watermark)."""

    id: str
    mailbox: str
    folders: frozenset[str] | None
    event_types: frozenset[str]
    owner: tuple[str, str | None]  # (principal, impersonated) of its creator
    pending: list[tuple[str, Item, str]] = field(default_factory=list)


@dataclass(eq=False)
class Stream:
    """One open GetStreamingEvents response."""

    ids: tuple[str, ...]
    mailboxes: frozenset[str]
    deadline: float  # time.monotonic() at which the server closes it
    ending: bool = False  # close it (ConnectionStatus Closed)
    drop: bool = False  # break it off mid-response


@dataclass
class EwsDouble:
    """``impersonation``: mailboxes the service account may impersonate (its
    ApplicationImpersonation role's scope); ``delegate``: mailboxes it has Full
    Access to. ``username``/``password`` for Basic; ``client_id``/``client_secret``
    for OAuth client credentials at :attr:`token_url`."""

    username: str = "COUNCIL\\svc-protocol-bot"
    password: str = "ews-test-password"
    impersonation: set[str] = field(default_factory=set)
    delegate: set[str] = field(default_factory=set)
    client_id: str = "ews-app-id"
    client_secret: str = "ews-app-secret"
    tls: TlsFiles | None = None
    clock: Callable[[], datetime] | None = None
    stream_minute: float = 60.0  # seconds counted as one minute of ConnectionTimeout

    def __post_init__(self) -> None:
        self.store = MailStore(self.clock)
        self.impersonation = {a.lower() for a in self.impersonation}
        self.delegate = {a.lower() for a in self.delegate}
        self.calls: list[Call] = []
        self.sent: list[tuple[str, bytes]] = []  # (mailbox, MIME) of each CreateItem send
        self.rejected: list[tuple[str, str]] = []  # (operation, response code)
        self.get_item_fields: list[list[str]] = []  # the properties each GetItem asked for
        self.dispositions: list[str] = []  # MessageDisposition of each CreateItem
        self._generation = 1
        self._throttle = 0
        self._back_off_ms = 0
        self._tokens: dict[str, float] = {}
        self._lock = threading.Lock()
        self._events = threading.Condition()  # guards subscriptions and streams
        self._subscriptions: dict[str, Subscription] = {}
        self._streams: set[Stream] = set()
        self._watermark = 0
        self._closing = False
        self._server = LoopbackServer(self._handle, tls=self.tls)

    # -- control --

    def start(self) -> EwsDouble:
        self._server.start()
        return self

    def stop(self) -> None:
        with self._events:
            self._closing = True  # open streams end now, so their threads can be joined
            self._events.notify_all()
        self._server.stop()

    def __enter__(self) -> EwsDouble:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return self._server.url + ENDPOINT

    @property
    def token_url(self) -> str:
        return self._server.url + "/tenant-1/oauth2/v2.0/token"

    def add_mailbox(self, address: str, name: str = "") -> None:
        self.store.add_mailbox(address, name)

    def deliver(self, mailbox: str, folder: str, raw: bytes, **times: datetime) -> Item:
        """Store a message and notify the subscriptions watching its folder."""
        item = self.store.deliver(mailbox, {"sent": "sentitems"}.get(folder, folder), raw, **times)
        self._notify(item)
        return item

    # -- streaming control --

    def subscriptions(self, mailbox: str | None = None) -> list[Subscription]:
        with self._events:
            return [s for s in self._subscriptions.values() if mailbox in (None, s.mailbox)]

    def open_streams(self, mailbox: str | None = None) -> int:
        """GetStreamingEvents responses open now (for ``mailbox``'s subscriptions)."""
        with self._events:
            return sum(1 for st in self._streams if mailbox is None or mailbox.lower() in st.mailboxes)

    def expire_subscriptions(self, mailbox: str | None = None) -> int:
        """Forget subscriptions (a server restart, a mailbox move): their streams
        close, and later calls get ErrorSubscriptionNotFound. How many."""
        with self._events:
            gone = [k for k, sub in self._subscriptions.items() if mailbox in (None, sub.mailbox)]
            for key in gone:
                del self._subscriptions[key]
            self._events.notify_all()
        return len(gone)

    def drop_streams(self) -> int:
        """Break every open stream off mid-response (the network failed). How many."""
        with self._events:
            for stream in self._streams:
                stream.drop = True
            self._events.notify_all()
            return len(self._streams)

    def _notify(self, item: Item) -> None:
        kinds = ["CreatedEvent", "NewMailEvent", "ModifiedEvent"]
        if item.folder != "inbox":
            kinds.remove("NewMailEvent")
        with self._events:
            for sub in self._subscriptions.values():
                if sub.mailbox == item.mailbox and (sub.folders is None or item.folder in sub.folders):
                    for kind in kinds:
                        if kind in sub.event_types:
                            self._watermark += 1
                            mark = base64.b64encode(f"{sub.id}:{self._watermark}".encode()).decode()
                            sub.pending.append((kind, item, mark))
            self._events.notify_all()

    def throttle(self, times: int = 1, back_off_ms: int = 30_000) -> None:
        with self._lock:
            self._throttle, self._back_off_ms = times, back_off_ms

    def forget_sync_states(self) -> None:
        with self._lock:
            self._generation += 1

    def operations(self) -> list[str]:
        return [c.operation for c in self.calls]

    # -- HTTP --

    def _handle(self, request: Request) -> Response:
        if request.path.endswith("/oauth2/v2.0/token"):
            return self._token(request)
        if request.path.lower() != ENDPOINT.lower():
            return Response(404, b"Not Found", {"Content-Type": "text/plain"})
        if request.method != "POST":
            return Response(405, b"Method Not Allowed", {"Allow": "POST"})
        caller_or_401 = self._authenticate(request)
        if isinstance(caller_or_401, Response):
            return caller_or_401
        principal, app_only = caller_or_401
        if not (request.header("content-type") or "").lower().startswith("text/xml"):
            return Response(415, b"Unsupported Media Type", {})
        try:
            root = ET.fromstring(request.body)
        except ET.ParseError:
            return self._fault(EwsFault("ErrorSchemaValidation", "The request failed schema validation."))
        try:
            return self._soap(request, root, principal, app_only)
        except EwsFault as fault:
            self.rejected.append(("fault", fault.code))
            return self._fault(fault)

    def _authenticate(self, request: Request) -> tuple[str, bool] | Response:
        auth = request.header("authorization") or ""
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "basic":
            try:
                user, _, password = base64.b64decode(value).decode().partition(":")
            except (ValueError, UnicodeDecodeError):
                user, password = "", ""
            if user.lower() == self.username.lower() and password == self.password:
                return self.username.lower(), False
        elif scheme.lower() == "bearer":
            expiry = self._tokens.get(value.strip())
            if expiry is not None and expiry > time.time():
                return f"app:{self.client_id}", True
        return Response(
            401,
            b"",
            {"WWW-Authenticate": 'Basic realm="127.0.0.1"', "X-Protocol-Bot-Double": "ews"},
        )

    def _token(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if (
            request.method != "POST"
            or form.get("grant_type") != "client_credentials"
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
        ):
            body = {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."}
            return Response(401, json.dumps(body).encode(), {"Content-Type": "application/json"})
        token = secrets.token_urlsafe(24)
        self._tokens[token] = time.time() + 3600
        body = {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}
        return Response(200, json.dumps(body).encode(), {"Content-Type": "application/json"})

    def _soap(self, request: Request, root: ET.Element, principal: str, app_only: bool) -> Response:
        if root.tag != q(S, "Envelope"):
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: not a SOAP 1.1 envelope.")
        header = root.find(q(S, "Header"))
        body = root.find(q(S, "Body"))
        if body is None or len(body) != 1:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: no operation.")
        operation_el = body[0]
        if not operation_el.tag.startswith(f"{{{M}}}"):
            raise EwsFault("ErrorInvalidRequest", "The request is invalid.")
        operation = operation_el.tag.split("}", 1)[1]
        action = (request.header("soapaction") or "").strip('"')
        if action and action != f"{M}/{operation}":
            raise EwsFault("ErrorInvalidRequest", f"The SOAP action {action!r} does not match {operation}.")
        handler = getattr(self, f"_op_{operation}", None)
        if handler is None:
            raise EwsFault("ErrorInvalidRequest", f"The operation {operation} is not served by this double.")
        version = None
        impersonated = None
        if header is not None:
            rsv = header.find(q(T, "RequestServerVersion"))
            if rsv is not None:
                version = rsv.get("Version")
            imp = header.find(q(T, "ExchangeImpersonation"))
            if imp is not None:
                sid = imp.find(q(T, "ConnectingSID"))
                for tag in ("PrimarySmtpAddress", "SmtpAddress", "PrincipalName"):
                    found = sid.find(q(T, tag)) if sid is not None else None
                    if found is not None and found.text:
                        impersonated = found.text.strip().lower()
                        break
                if impersonated is None:
                    raise EwsFault("ErrorInvalidExchangeImpersonationHeaderData",
                                   "The impersonation header names no account.")  # fmt: skip
        if version is not None and version not in KNOWN_VERSIONS:
            raise EwsFault("ErrorInvalidServerVersion", "The specified server version is invalid.")
        with self._lock:
            throttled = self._throttle > 0
            if throttled:
                self._throttle -= 1
        if throttled:
            raise EwsFault(
                "ErrorServerBusy",
                "The server cannot service this request right now. Try again later.",
                back_off_ms=self._back_off_ms,
            )
        if impersonated is not None:
            self.calls.append(Call(operation, principal, impersonated))
            if not self.store.has_mailbox(impersonated):
                raise EwsFault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.")
            if impersonated not in self.impersonation:
                raise EwsFault("ErrorImpersonateUserDenied",
                               "The account does not have permission to impersonate the requested user.")  # fmt: skip
            self.calls.pop()
        elif app_only and operation != "ConvertId":
            raise EwsFault("ErrorAccessDenied",
                           "ExchangeImpersonation SOAP header must be present for this type of OAuth token.")  # fmt: skip
        caller = Caller(principal, impersonated, app_only, version)
        self.calls.append(Call(operation, principal, impersonated))
        messages = handler(operation_el, caller)
        if isinstance(messages, Response):  # streamed (GetStreamingEvents)
            return messages
        return self._envelope(operation, messages)

    # -- access --

    def _may_open(self, caller: Caller, mailbox: str) -> None:
        mailbox = mailbox.lower()
        if not self.store.has_mailbox(mailbox):
            raise ResponseError("ErrorNonExistentMailbox", "No mailbox with such guid.")
        if caller.impersonated is not None:
            if caller.impersonated != mailbox:
                raise ResponseError("ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            return
        if mailbox not in self.delegate:
            raise ResponseError("ErrorAccessDenied", "Access is denied. Check credentials and try again.")

    def _default_mailbox(self, caller: Caller) -> str:
        if caller.impersonated:
            return caller.impersonated
        raise ResponseError("ErrorNonExistentMailbox", "The service account has no mailbox; name one.")

    # -- operations --

    def _op_ConvertId(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        out = []
        for _ in el.iter(q(T, "AlternateId")):
            out.append(self._error_message("ConvertId", "ErrorInvalidIdMalformed", "Id is malformed."))
        return out

    def _folder_ref(self, el: ET.Element, caller: Caller) -> tuple[str, str]:
        """(mailbox, folder name) of a FolderId or DistinguishedFolderId element."""
        if el.tag == q(T, "DistinguishedFolderId"):
            name = el.get("Id", "")
            if name not in DISTINGUISHED:
                raise ResponseError("ErrorFolderNotFound", "The specified folder could not be found in the store.")
            box = el.find(f"{q(T, 'Mailbox')}/{q(T, 'EmailAddress')}")
            mailbox = box.text.strip().lower() if box is not None and box.text else self._default_mailbox(caller)
            return mailbox, name
        if el.tag == q(T, "FolderId"):
            try:
                mailbox, name = base64.b64decode(el.get("Id", "")).decode().split("\x00")
            except (ValueError, UnicodeDecodeError):
                raise ResponseError("ErrorInvalidIdMalformed", "Id is malformed.") from None
            return mailbox, name
        raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: bad folder id.")

    @staticmethod
    def _folder_id(mailbox: str, name: str) -> str:
        return base64.b64encode(f"{mailbox}\x00{name}".encode()).decode()

    def _op_GetFolder(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        ids = el.find(q(M, "FolderIds"))
        if ids is None:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: FolderIds.")
        out = []
        for ref in ids:
            try:
                mailbox, name = self._folder_ref(ref, caller)
                self._may_open(caller, mailbox)
                kind, folder_class, display = DISTINGUISHED[name]
                folder = ET.Element(q(T, kind))
                ET.SubElement(folder, q(T, "FolderId"), Id=self._folder_id(mailbox, name), ChangeKey="AQAAAA==")
                if folder_class:
                    _text(folder, "FolderClass", folder_class)
                _text(folder, "DisplayName", display)
                count = len(self.store.folder(mailbox, name)) if name in ("inbox", "sentitems", "calendar") else 0
                _text(folder, "TotalCount", str(count))
                _text(folder, "ChildFolderCount", "0")
                msg = self._success("GetFolder")
                ET.SubElement(msg, q(M, "Folders")).append(folder)
                out.append(msg)
            except ResponseError as err:
                out.append(self._error_message("GetFolder", err.code, err.text))
        return out

    def _shape(self, el: ET.Element, tag: str) -> tuple[str, list[str]]:
        shape = el.find(q(M, tag))
        if shape is None:
            raise EwsFault("ErrorSchemaValidation", f"The request failed schema validation: {tag} is required.")
        base = shape.findtext(q(T, "BaseShape")) or ""
        if base not in ("IdOnly", "Default", "AllProperties"):
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: BaseShape.")
        fields = [f.get("FieldURI", "") for f in shape.iter(q(T, "FieldURI"))]
        for uri in fields:
            if ":" not in uri:
                raise EwsFault("ErrorSchemaValidation", f"The request failed schema validation: FieldURI {uri!r}.")
        for ext in shape.iter(q(T, "ExtendedFieldURI")):
            if ext.get("DistinguishedPropertySetId") == "InternetHeaders" and ext.get("PropertyName"):
                fields.append(f"header:{ext.get('PropertyName')}")
            else:
                fields.append("extended:other")
        return base, fields

    def _op_SyncFolderItems(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        _, fields = self._shape(el, "ItemShape")
        bad = [f for f in fields if f in NOT_IN_FIND]
        if bad:
            return [self._error_message("SyncFolderItems", "ErrorInvalidPropertyRequest",
                                        f"The property {bad[0]} can't be used in SyncFolderItems requests.")]  # fmt: skip
        max_changes = el.findtext(q(M, "MaxChangesReturned"))
        if max_changes is None or not max_changes.isdigit() or not 1 <= int(max_changes) <= 512:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: MaxChangesReturned.")
        folder_el = el.find(q(M, "SyncFolderId"))
        if folder_el is None or len(folder_el) != 1:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: SyncFolderId.")
        try:
            mailbox, name = self._folder_ref(folder_el[0], caller)
            self._may_open(caller, mailbox)
            state = el.findtext(q(M, "SyncState"))
            after = self._read_state(state, mailbox, name) if state else 0
        except ResponseError as err:
            msg = self._error_message("SyncFolderItems", err.code, err.text)
            _text(msg, "SyncState", "", ns=M)
            _text(msg, "IncludesLastItemInRange", "true", ns=M)
            return [msg]
        changes = self.store.changed_since(mailbox, name, after)
        page = changes[: int(max_changes)]
        last = page[-1].seq if page else max(after, 0)
        msg = self._success("SyncFolderItems")
        _text(msg, "SyncState", self._state(mailbox, name, last), ns=M)
        _text(msg, "IncludesLastItemInRange", "true" if len(page) == len(changes) else "false", ns=M)
        container = ET.SubElement(msg, q(M, "Changes"))
        for item in page:
            change = ET.SubElement(container, q(T, "Create" if item.created_seq > after else "Update"))
            element = ET.SubElement(change, q(T, "CalendarItem" if item.kind == "event" else "Message"))
            ET.SubElement(element, q(T, "ItemId"), Id=self._item_id(item), ChangeKey=str(item.change_key))
        return [msg]

    def _state(self, mailbox: str, folder: str, seq: int) -> str:
        raw = json.dumps([mailbox, folder, seq, self._generation]).encode()
        return base64.b64encode(b"H4sI" + raw).decode()

    def _read_state(self, token: str, mailbox: str, folder: str) -> int:
        try:
            raw = base64.b64decode(token)
            box, name, seq, generation = json.loads(raw[4:])
        except (ValueError, TypeError):
            raise ResponseError("ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid.") from None
        if (box, name) != (mailbox, folder) or generation != self._generation:
            raise ResponseError("ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid.")
        return int(seq)

    @staticmethod
    def _item_id(item: Item) -> str:
        return base64.b64encode(b"AAMk" + item.key.encode()).decode()

    def _item(self, item_id: str, caller: Caller) -> Item:
        try:
            key = base64.b64decode(item_id)[4:].decode()
        except (ValueError, UnicodeDecodeError):
            raise ResponseError("ErrorInvalidIdMalformed", "Id is malformed.") from None
        item = self.store.items.get(key)
        if item is None or item.deleted:
            raise ResponseError("ErrorItemNotFound", "The specified object was not found in the store.")
        self._may_open(caller, item.mailbox)
        return item

    def _op_GetItem(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        _, fields = self._shape(el, "ItemShape")
        self.get_item_fields.append(fields)
        ids = el.find(q(M, "ItemIds"))
        if ids is None:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: ItemIds.")
        out = []
        for ref in ids.findall(q(T, "ItemId")) + ids.findall(q(T, "OccurrenceItemId")):
            try:
                item = self._item(ref.get("Id", ""), caller)
                msg = self._success("GetItem")
                ET.SubElement(msg, q(M, "Items")).append(self._render(item, fields))
                out.append(msg)
            except ResponseError as err:
                out.append(self._error_message("GetItem", err.code, err.text))
        return out

    def _op_FindItem(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        _, fields = self._shape(el, "ItemShape")
        bad = [f for f in fields if f in NOT_IN_FIND]
        if bad:
            return [self._error_message("FindItem", "ErrorInvalidPropertyRequest",
                                        f"The property {bad[0]} can't be used in FindItem requests.")]  # fmt: skip
        parents = el.find(q(M, "ParentFolderIds"))
        if parents is None or not len(parents):
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: ParentFolderIds.")
        restriction = el.find(q(M, "Restriction"))
        view = el.find(q(M, "CalendarView"))
        out = []
        for ref in parents:
            try:
                mailbox, name = self._folder_ref(ref, caller)
                self._may_open(caller, mailbox)
            except ResponseError as err:
                out.append(self._error_message("FindItem", err.code, err.text))
                continue
            items = [i for i in self.store.folder(mailbox, name) if not i.deleted]
            if view is not None:
                start = _parse_dt(view.get("StartDate", ""))
                end = _parse_dt(view.get("EndDate", ""))
                expanded: list[Item] = []
                for i in items:
                    expanded += i.occurrences if i.event_type == "RecurringMaster" else [i]
                items = [i for i in expanded if i.start and i.end and i.start < end and i.end > start]
            if restriction is not None:
                items = [i for i in items if self._matches(restriction[0], i)]
            msg = self._success("FindItem")
            root = ET.SubElement(msg, q(M, "RootFolder"), TotalItemsInView=str(len(items)),
                                 IncludesLastItemInRange="true", IndexedPagingOffset=str(len(items)))  # fmt: skip
            container = ET.SubElement(root, q(T, "Items"))
            for item in items:
                container.append(self._render(item, fields))
            out.append(msg)
        return out

    def _matches(self, cond: ET.Element, item: Item) -> bool:
        if cond.tag != q(T, "IsEqualTo"):
            raise ResponseError("ErrorUnsupportedQueryFilter", "The restriction is not supported by this double.")
        uri = cond.find(q(T, "FieldURI"))
        const = cond.find(f"{q(T, 'FieldURIOrConstant')}/{q(T, 'Constant')}")
        if uri is None or const is None:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: IsEqualTo.")
        value = const.get("Value", "")
        field_uri = uri.get("FieldURI")
        if field_uri == "message:InternetMessageId":
            return (item.message_id or "").strip() == value.strip()
        if field_uri == "item:Subject":
            return item.subject == value
        raise ResponseError("ErrorUnsupportedQueryFilter", f"Restriction on {field_uri} is not supported here.")

    def _op_CreateItem(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        disposition = el.get("MessageDisposition")
        self.dispositions.append(str(disposition))
        items = el.find(q(M, "Items"))
        if items is None:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: Items.")
        out = []
        for message in items:
            if message.tag != q(T, "Message"):
                out.append(self._error_message("CreateItem", "ErrorInvalidRequest", "Only messages are served here."))
                continue
            if disposition not in ("SaveOnly", "SendOnly", "SendAndSaveCopy"):
                out.append(self._error_message("CreateItem", "ErrorMessageDispositionRequired",
                                               "MessageDisposition is required for messages."))  # fmt: skip
                continue
            try:
                mailbox = self._default_mailbox(caller) if caller.impersonated else self._saved_mailbox(el, caller)
                self._may_open(caller, mailbox)
                mime = message.findtext(q(T, "MimeContent"))
                if not mime:
                    raise ResponseError("ErrorInvalidRequest", "This double expects MimeContent.")
                raw = base64.b64decode(mime)
                parsed = email.message_from_bytes(raw, policy=email.policy.compat32)
                from_addr = email.utils.parseaddr(parsed["From"] or "")[1].lower()
                if from_addr and from_addr != mailbox:
                    raise ResponseError("ErrorSendAsDenied",
                                        "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.")  # fmt: skip
                self._send(mailbox, raw, parsed, disposition, el, caller)
                msg = self._success("CreateItem")
                ET.SubElement(msg, q(M, "Items"))
                out.append(msg)
            except ResponseError as err:
                out.append(self._error_message("CreateItem", err.code, err.text))
        return out

    def _saved_mailbox(self, el: ET.Element, caller: Caller) -> str:
        saved = el.find(q(M, "SavedItemFolderId"))
        if saved is not None and len(saved):
            return self._folder_ref(saved[0], caller)[0]
        raise ResponseError("ErrorNonExistentMailbox", "Name a mailbox (SavedItemFolderId) or impersonate one.")

    def _send(self, mailbox: str, raw: bytes, parsed: email.message.Message, disposition: str,
              el: ET.Element, caller: Caller) -> None:  # fmt: skip
        now = self.store.clock()
        if disposition == "SaveOnly":
            self.deliver(mailbox, "drafts", raw, sent=now, received=now)
            return
        self.sent.append((mailbox, raw))
        if disposition == "SendAndSaveCopy":
            folder = "sentitems"
            saved = el.find(q(M, "SavedItemFolderId"))
            if saved is not None and len(saved):
                folder = self._folder_ref(saved[0], caller)[1]
            self.deliver(mailbox, folder, raw, sent=now, received=now)
        recipients = {
            addr.lower()
            for header in ("To", "Cc", "Bcc")
            for _, addr in email.utils.getaddresses(parsed.get_all(header, []))
            if addr
        }
        for rcpt in recipients:
            for target in self._expand(rcpt):
                if self.store.has_mailbox(target):
                    self.deliver(target, "inbox", _without_bcc(raw), sent=now, received=now)

    def _expand(self, address: str, seen: set[str] | None = None) -> set[str]:
        seen = seen if seen is not None else set()
        if address in seen:
            return set()
        seen.add(address)
        if address not in self.store.lists:
            return {address}
        out: set[str] = set()
        for member in self.store.lists[address]:
            out |= self._expand(member, seen)
        return out

    def _op_ExpandDL(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        address = (el.findtext(f"{q(M, 'Mailbox')}/{q(T, 'EmailAddress')}") or "").strip().lower()
        members = self.store.lists.get(address)
        if members is None:
            return [self._error_message("ExpandDL", "ErrorNameResolutionNoResults", "No results were found.")]
        msg = self._success("ExpandDL")
        expansion = ET.SubElement(msg, q(M, "DLExpansion"), TotalItemsInView=str(len(members)),
                                  IncludesLastItemInRange="true")  # fmt: skip
        for member in members:
            box = ET.SubElement(expansion, q(T, "Mailbox"))
            _text(box, "Name", self.store.display_names.get(member, member))
            _text(box, "EmailAddress", member)
            _text(box, "RoutingType", "SMTP")
            _text(box, "MailboxType", "PublicDL" if member in self.store.lists else "Mailbox")
        return [msg]

    # -- streaming notifications --

    def _op_Subscribe(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        request = el.find(q(M, "StreamingSubscriptionRequest"))
        if request is None:
            if el.find(q(M, "PullSubscriptionRequest")) is not None or el.find(q(M, "PushSubscriptionRequest")) is not None:
                raise EwsFault("ErrorInvalidRequest", "Only streaming subscriptions are served by this double.")
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: no subscription request.")
        if caller.version in NO_STREAMING:
            raise EwsFault("ErrorInvalidServerVersion", "Streaming subscriptions need Exchange2010_SP1 or later.")
        types = [(e.text or "").strip() for e in request.iterfind(f"{q(T, 'EventTypes')}/{q(T, 'EventType')}")]
        if not types or not set(types) <= STREAMING_EVENTS:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: EventTypes.")
        refs = request.find(q(T, "FolderIds"))
        all_folders = request.get("SubscribeToAllFolders") == "true"
        if all_folders == (refs is not None and len(refs) > 0):
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: give FolderIds or SubscribeToAllFolders.")
        try:
            if all_folders or refs is None:
                mailbox, folders = self._default_mailbox(caller), None
            else:
                pairs = [self._folder_ref(ref, caller) for ref in refs]
                if len({box for box, _ in pairs}) != 1:
                    raise ResponseError("ErrorInvalidSubscriptionRequest",
                                        "A subscription can only watch folders of one mailbox.")  # fmt: skip
                mailbox, folders = pairs[0][0], frozenset(name for _, name in pairs)
            if caller.impersonated is None:
                raise ResponseError("ErrorSubscriptionDelegateAccessNotSupported",
                                    "Subscriptions are not supported for delegate user access.")  # fmt: skip
            self._may_open(caller, mailbox)
        except ResponseError as err:
            return [self._error_message("Subscribe", err.code, err.text)]
        sub = Subscription(str(uuid.uuid4()), mailbox, folders, frozenset(types), caller.who)
        with self._events:
            self._subscriptions[sub.id] = sub
        msg = self._success("Subscribe")
        _text(msg, "SubscriptionId", sub.id, ns=M)
        return [msg]

    def _subscription(self, key: str, caller: Caller) -> Subscription:
        sub = self._subscriptions.get(key)
        if sub is None:
            raise ResponseError("ErrorSubscriptionNotFound", "The specified subscription was not found.")
        if sub.owner != caller.who:
            raise ResponseError("ErrorSubscriptionAccessDenied",
                                "The subscription can only be accessed by the account that created it.")  # fmt: skip
        return sub

    def _op_Unsubscribe(self, el: ET.Element, caller: Caller) -> list[ET.Element]:
        key = (el.findtext(q(M, "SubscriptionId")) or "").strip()
        if not key:
            raise EwsFault("ErrorSchemaValidation", "The request failed schema validation: SubscriptionId.")
        with self._events:
            try:
                del self._subscriptions[self._subscription(key, caller).id]
            except ResponseError as err:
                return [self._error_message("Unsubscribe", err.code, err.text)]
            self._events.notify_all()
        return [self._success("Unsubscribe")]

    def _op_GetStreamingEvents(self, el: ET.Element, caller: Caller) -> list[ET.Element] | Response:
        ids_el = el.find(q(M, "SubscriptionIds"))
        keys = [(i.text or "").strip() for i in ids_el.findall(q(T, "SubscriptionId"))] if ids_el is not None else []
        minutes = el.findtext(q(M, "ConnectionTimeout")) or ""
        if not keys or len(keys) > 200 or not minutes.isdigit() or not 1 <= int(minutes) <= 30:
            raise EwsFault("ErrorSchemaValidation",
                           "The request failed schema validation: SubscriptionIds (1..200), ConnectionTimeout (1..30).")  # fmt: skip
        with self._events:
            bad: list[str] = []
            error: ResponseError | None = None
            subs: list[Subscription] = []
            for key in keys:
                try:
                    subs.append(self._subscription(key, caller))
                except ResponseError as err:
                    bad.append(key)
                    error = error or err
            if error is not None:
                msg = self._error_message("GetStreamingEvents", error.code, error.text)
                listed = ET.SubElement(msg, q(M, "ErrorSubscriptionIds"))
                for key in bad:
                    _text(listed, "SubscriptionId", key)
                return [msg]
            for other in self._streams:  # a newer connection takes the subscriptions over
                if set(other.ids) & set(keys):
                    other.ending = True
            stream = Stream(tuple(keys), frozenset(sub.mailbox for sub in subs),
                            time.monotonic() + int(minutes) * self.stream_minute)  # fmt: skip
            self._streams.add(stream)
            self._events.notify_all()
        return Response(200, b"", {"Content-Type": "text/xml; charset=utf-8"}, stream=self._stream(stream))

    def _stream(self, stream: Stream) -> Iterator[bytes]:
        try:
            yield self._streaming_message(status="OK")
            while True:
                with self._events:
                    if not stream.drop and not self._over(stream) and not self._pending(stream, take=False):
                        self._events.wait(0.2)
                    notes = self._pending(stream, take=True)
                    over, drop = self._over(stream), stream.drop
                if drop:
                    raise ConnectionAbortedError("the double dropped the stream")
                if notes:
                    yield self._streaming_message(notes=notes)
                if over:
                    break
                yield b""  # lets the server notice a client that went away
            yield self._streaming_message(status="Closed")
        finally:
            with self._events:
                self._streams.discard(stream)

    def _over(self, stream: Stream) -> bool:
        return (stream.ending or self._closing or time.monotonic() >= stream.deadline
                or not any(key in self._subscriptions for key in stream.ids))  # fmt: skip

    def _pending(self, stream: Stream, *, take: bool) -> list[tuple[str, list[tuple[str, Item, str]]]]:
        out = []
        for key in stream.ids:
            sub = self._subscriptions.get(key)
            if sub is not None and sub.pending:
                out.append((key, list(sub.pending)))
                if take:
                    sub.pending.clear()
        return out

    def _streaming_message(self, *, notes: list[tuple[str, list[tuple[str, Item, str]]]] | None = None,
                           status: str = "") -> bytes:  # fmt: skip
        msg = self._success("GetStreamingEvents")
        if notes:
            container = ET.SubElement(msg, q(M, "Notifications"))
            for key, events in notes:
                note = ET.SubElement(container, q(M, "Notification"))
                _text(note, "SubscriptionId", key)
                for kind, item, mark in events:
                    note.append(self._event(kind, item, mark))
        if status:
            _text(msg, "ConnectionStatus", status, ns=M)
        return self._envelope_bytes("GetStreamingEvents", [msg])

    def _event(self, kind: str, item: Item, mark: str) -> ET.Element:
        event = ET.Element(q(T, kind))
        _text(event, "Watermark", mark)
        _text(event, "TimeStamp", _iso(self.store.clock()))
        folder_id = self._folder_id(item.mailbox, item.folder)
        if kind == "ModifiedEvent":  # the folder changed: its unread count
            ET.SubElement(event, q(T, "FolderId"), Id=folder_id, ChangeKey="AQAAAA==")
            ET.SubElement(event, q(T, "ParentFolderId"), Id=self._folder_id(item.mailbox, "msgfolderroot"),
                          ChangeKey="AQAAAA==")  # fmt: skip
            _text(event, "UnreadCount", str(len(self.store.folder(item.mailbox, item.folder))))
        else:
            ET.SubElement(event, q(T, "ItemId"), Id=self._item_id(item), ChangeKey=str(item.change_key))
            ET.SubElement(event, q(T, "ParentFolderId"), Id=folder_id, ChangeKey="AQAAAA==")
        return event

    # -- rendering items --

    def _render(self, item: Item, fields: Iterable[str]) -> ET.Element:
        wanted = set(fields)
        if item.kind == "event":
            return self._render_event(item, wanted)
        el = ET.Element(q(T, "Message"))
        if "item:MimeContent" in wanted and item.raw is not None:
            ET.SubElement(el, q(T, "MimeContent"), CharacterSet="UTF-8").text = base64.b64encode(item.raw).decode()
        ET.SubElement(el, q(T, "ItemId"), Id=self._item_id(item), ChangeKey=str(item.change_key))
        if "item:ItemClass" in wanted:
            _text(el, "ItemClass", "IPM.Note")
        if "item:Subject" in wanted:
            _text(el, "Subject", item.subject)
        if "item:Body" in wanted:
            kind, body = ("HTML", item.html) if item.html is not None else ("Text", item.text)
            ET.SubElement(el, q(T, "Body"), BodyType=kind).text = body
        if "item:DateTimeReceived" in wanted and item.received:
            _text(el, "DateTimeReceived", _iso(item.received))
        if "item:InReplyTo" in wanted and item.in_reply_to:
            _text(el, "InReplyTo", item.in_reply_to)
        if "item:IsDraft" in wanted:
            _text(el, "IsDraft", "true" if item.is_draft else "false")
        if "item:InternetMessageHeaders" in wanted and item.folder == "inbox":
            # Sent Items copies carry no transport headers, as in Exchange.
            headers = ET.SubElement(el, q(T, "InternetMessageHeaders"))
            for name, value in item.headers:
                ET.SubElement(headers, q(T, "InternetMessageHeader"), HeaderName=name).text = value
        if "item:DateTimeSent" in wanted and item.sent:
            _text(el, "DateTimeSent", _iso(item.sent))
        for uri in sorted(wanted):
            # X- headers promoted to named properties (PS_INTERNET_HEADERS): on
            # every copy, Sent Items included, as Exchange does for MIME content.
            if uri.startswith("header:") and uri[7:].lower().startswith("x-"):
                value = next((v for k, v in item.headers if k.lower() == uri[7:].lower()), None)
                if value is not None:
                    prop = ET.SubElement(el, q(T, "ExtendedProperty"))
                    ET.SubElement(prop, q(T, "ExtendedFieldURI"), DistinguishedPropertySetId="InternetHeaders",
                                  PropertyName=uri[7:], PropertyType="String")  # fmt: skip
                    _text(prop, "Value", value)
        if "item:DateTimeCreated" in wanted and item.created:
            _text(el, "DateTimeCreated", _iso(item.created))
        if "item:ConversationId" in wanted:
            ET.SubElement(el, q(T, "ConversationId"), Id=item.conversation_id)
        if "item:TextBody" in wanted:
            ET.SubElement(el, q(T, "TextBody"), BodyType="Text").text = item.text
        if "message:Sender" in wanted and item.sender:
            _mailbox(ET.SubElement(el, q(T, "Sender")), *item.sender)
        for uri, tag, people in (
            ("message:ToRecipients", "ToRecipients", item.to),
            ("message:CcRecipients", "CcRecipients", item.cc),
            ("message:BccRecipients", "BccRecipients", item.bcc if item.folder != "inbox" else []),
        ):
            if uri in wanted and people:
                container = ET.SubElement(el, q(T, tag))
                for name, addr in people:
                    _mailbox(container, name, addr)
        if "message:From" in wanted and item.sender:
            _mailbox(ET.SubElement(el, q(T, "From")), *item.sender)
        if "message:InternetMessageId" in wanted and item.message_id:
            _text(el, "InternetMessageId", item.message_id)
        if "message:References" in wanted and item.references:
            _text(el, "References", item.references)
        return el

    def _render_event(self, item: Item, wanted: set[str]) -> ET.Element:
        el = ET.Element(q(T, "CalendarItem"))
        ET.SubElement(el, q(T, "ItemId"), Id=self._item_id(item), ChangeKey=str(item.change_key))
        if "item:Subject" in wanted:
            _text(el, "Subject", item.subject)
        if "item:Body" in wanted:
            ET.SubElement(el, q(T, "Body"), BodyType="Text").text = item.text
        if "item:Categories" in wanted and item.categories:
            cats = ET.SubElement(el, q(T, "Categories"))
            for c in item.categories:
                _text(cats, "String", c)
        if "item:DateTimeCreated" in wanted and item.created:
            _text(el, "DateTimeCreated", _iso(item.created))
        if "item:TextBody" in wanted:
            ET.SubElement(el, q(T, "TextBody"), BodyType="Text").text = item.text
        if "calendar:UID" in wanted:
            _text(el, "UID", item.uid)
        if "calendar:RecurrenceId" in wanted and item.recurrence_id:
            _text(el, "RecurrenceId", _iso(item.recurrence_id))
        if "calendar:Start" in wanted and item.start:
            _text(el, "Start", _iso(item.start))
        if "calendar:End" in wanted and item.end:
            _text(el, "End", _iso(item.end))
        if "calendar:IsCancelled" in wanted:
            _text(el, "IsCancelled", "true" if item.cancelled else "false")
        if "calendar:Location" in wanted and item.location:
            _text(el, "Location", item.location)
        if "calendar:CalendarItemType" in wanted:
            _text(el, "CalendarItemType", item.event_type)
        if "calendar:Organizer" in wanted and item.organizer:
            _mailbox(ET.SubElement(el, q(T, "Organizer")), *item.organizer)
        for uri, tag, people in (
            ("calendar:RequiredAttendees", "RequiredAttendees", item.required),
            ("calendar:OptionalAttendees", "OptionalAttendees", item.optional),
        ):
            if uri in wanted and people:
                container = ET.SubElement(el, q(T, tag))
                for person in people:
                    attendee = ET.SubElement(container, q(T, "Attendee"))
                    _mailbox(attendee, person.name, person.address)
                    _text(attendee, "ResponseType", person.response)
        return el

    # -- envelopes --

    def _success(self, operation: str) -> ET.Element:
        msg = ET.Element(q(M, f"{operation}ResponseMessage"), ResponseClass="Success")
        _text(msg, "ResponseCode", "NoError", ns=M)
        return msg

    def _error_message(self, operation: str, code: str, text: str) -> ET.Element:
        self.rejected.append((operation, code))
        msg = ET.Element(q(M, f"{operation}ResponseMessage"), ResponseClass="Error")
        _text(msg, "MessageText", text, ns=M)
        _text(msg, "ResponseCode", code, ns=M)
        _text(msg, "DescriptiveLinkKey", "0", ns=M)
        return msg

    def _envelope(self, operation: str, messages: list[ET.Element]) -> Response:
        return Response(200, self._envelope_bytes(operation, messages), {"Content-Type": "text/xml; charset=utf-8"})

    def _envelope_bytes(self, operation: str, messages: list[ET.Element]) -> bytes:
        env = ET.Element(q(S, "Envelope"))
        header = ET.SubElement(env, q(S, "Header"))
        ET.SubElement(header, q(T, "ServerVersionInfo"), MajorVersion="15", MinorVersion="1",
                      MajorBuildNumber="2507", MinorBuildNumber="6", Version="V2017_07_11")  # fmt: skip
        body = ET.SubElement(env, q(S, "Body"))
        response = ET.SubElement(body, q(M, f"{operation}Response"))
        container = ET.SubElement(response, q(M, "ResponseMessages"))
        for msg in messages:
            container.append(msg)
        return ET.tostring(env, encoding="utf-8", xml_declaration=True)

    def _fault(self, fault: EwsFault) -> Response:
        env = ET.Element(q(S, "Envelope"))
        body = ET.SubElement(env, q(S, "Body"))
        f = ET.SubElement(body, q(S, "Fault"))
        ET.SubElement(f, "faultcode").text = f"a:{fault.code}"
        ET.SubElement(f, "faultstring").text = fault.text
        detail = ET.SubElement(f, "detail")
        ET.SubElement(detail, q(E, "ResponseCode")).text = fault.code
        ET.SubElement(detail, q(E, "Message")).text = fault.text
        if fault.back_off_ms is not None:
            xml = ET.SubElement(detail, q(T, "MessageXml"))
            ET.SubElement(xml, q(T, "Value"), Name="BackOffMilliseconds").text = str(fault.back_off_ms)
        data = ET.tostring(env, encoding="utf-8", xml_declaration=True)
        return Response(fault.status, data, {"Content-Type": "text/xml; charset=utf-8"})


def _text(parent: ET.Element, tag: str, text: str, *, ns: str = T) -> ET.Element:
    el = ET.SubElement(parent, q(ns, tag))
    el.text = text
    return el


def _mailbox(parent: ET.Element, name: str, address: str) -> None:
    box = ET.SubElement(parent, q(T, "Mailbox"))
    _text(box, "Name", name or address)
    _text(box, "EmailAddress", address)
    _text(box, "RoutingType", "SMTP")
    _text(box, "MailboxType", "Mailbox")


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_dt(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _without_bcc(raw: bytes) -> bytes:
    """What recipients get: the message without its Bcc header."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return raw
    lines = head.split(b"\r\n")
    kept: list[bytes] = []
    skipping = False
    for line in lines:
        if line[:1] in (b" ", b"\t") and skipping:
            continue
        skipping = line.lower().startswith(b"bcc:")
        if not skipping:
            kept.append(line)
    return b"\r\n".join(kept) + sep + body
