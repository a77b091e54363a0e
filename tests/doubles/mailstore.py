"""The mailboxes the doubles serve: messages built from .eml bytes, calendar
events, distribution lists, and a change sequence that sync states and delta
tokens point into."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime

Person = tuple[str, str]  # (display name, address)

FOLDERS = ("inbox", "sentitems", "outbox", "drafts", "calendar")
_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv)\s*:\s*)+", re.IGNORECASE)


def _decode(value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except Exception:
        return str(value)


def _people(values: Iterable[str]) -> list[Person]:
    out = []
    for name, addr in getaddresses([_decode(v) for v in values]):
        if addr:
            out.append((name, addr))
    return out


def conversation_key(subject: str) -> str:
    return _PREFIX.sub("", subject or "").strip().lower()


@dataclass
class Attendee:
    address: str
    name: str = ""
    response: str = "Unknown"  # Accept, Decline, Tentative, NoResponseReceived, Unknown


@dataclass
class Item:
    """One message or calendar item in one folder of one mailbox."""

    key: str  # opaque, unique in the store
    mailbox: str
    folder: str
    created_seq: int
    seq: int
    kind: str = "message"  # or "event"
    raw: bytes | None = None
    message_id: str | None = None
    subject: str = ""
    sender: Person | None = None
    to: list[Person] = field(default_factory=list)
    cc: list[Person] = field(default_factory=list)
    bcc: list[Person] = field(default_factory=list)
    sent: datetime | None = None
    received: datetime | None = None
    created: datetime | None = None
    in_reply_to: str | None = None
    references: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    html: str | None = None
    conversation_id: str = ""
    change_key: int = 1
    is_draft: bool = False
    # events
    uid: str = ""
    start: datetime | None = None
    end: datetime | None = None
    location: str = ""
    organizer: Person | None = None
    required: list[Attendee] = field(default_factory=list)
    optional: list[Attendee] = field(default_factory=list)
    cancelled: bool = False
    categories: list[str] = field(default_factory=list)
    event_type: str = "Single"  # Single, Occurrence, Exception, RecurringMaster
    occurrences: list[Item] = field(default_factory=list)  # of a RecurringMaster
    master_uid: str = ""
    recurrence_id: datetime | None = None
    deleted: bool = False


class MailStore:
    """Thread-safe: the doubles serve requests on several threads."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self.clock = clock or (lambda: datetime.now(UTC))
        self.lock = threading.RLock()
        self.mailboxes: dict[str, dict[str, list[Item]]] = {}
        self.items: dict[str, Item] = {}
        self.lists: dict[str, list[str]] = {}  # distribution list -> member addresses
        self.display_names: dict[str, str] = {}
        self._seq = 0
        self._conversations: dict[str, str] = {}  # message-id -> conversation id

    # -- set-up --

    def add_mailbox(self, address: str, name: str = "") -> None:
        with self.lock:
            self.mailboxes.setdefault(address.lower(), {f: [] for f in FOLDERS})
            if name:
                self.display_names[address.lower()] = name

    def add_list(self, address: str, members: Iterable[str]) -> None:
        with self.lock:
            self.lists[address.lower()] = [m.lower() for m in members]

    def has_mailbox(self, address: str) -> bool:
        return address.lower() in self.mailboxes

    def next_seq(self) -> int:
        with self.lock:
            self._seq += 1
            return self._seq

    @property
    def seq(self) -> int:
        return self._seq

    def _new_key(self, mailbox: str, folder: str, seq: int) -> str:
        return f"{mailbox}/{folder}/{seq}"

    # -- messages --

    def deliver(
        self,
        mailbox: str,
        folder: str,
        raw: bytes,
        *,
        received: datetime | None = None,
        sent: datetime | None = None,
    ) -> Item:
        """Store ``raw`` (RFC 5322 bytes) in ``folder``. The time defaults to the
        Date header (a message arrives at its Date, as in replay)."""
        mailbox = mailbox.lower()
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        date = None
        try:
            date = parsedate_to_datetime(msg["Date"]) if msg["Date"] else None
        except (TypeError, ValueError):
            date = None
        if date is not None and date.tzinfo is None:
            date = date.replace(tzinfo=UTC)
        now = self.clock()
        with self.lock:
            if mailbox not in self.mailboxes:
                self.add_mailbox(mailbox)
            seq = self.next_seq()
            raw_id = msg["Message-ID"]
            message_id = " ".join(str(raw_id).split()) if raw_id else None
            froms = _people(msg.get_all("From", []))
            subject = " ".join(_decode(msg["Subject"]).split())
            in_reply_to = msg["In-Reply-To"]
            references = msg["References"]
            item = Item(
                key=self._new_key(mailbox, folder, seq),
                mailbox=mailbox,
                folder=folder,
                created_seq=seq,
                seq=seq,
                raw=raw,
                message_id=message_id,
                subject=subject,
                sender=froms[0] if froms else None,
                to=_people(msg.get_all("To", [])),
                cc=_people(msg.get_all("Cc", [])),
                bcc=_people(msg.get_all("Bcc", [])),
                sent=sent or date or now,
                received=received or date or now,
                created=now,
                in_reply_to=" ".join(str(in_reply_to).split()) if in_reply_to else None,
                references=" ".join(str(references).split()) if references else None,
                headers=[(k, " ".join(_decode(v).split())) for k, v in msg.items()],
                text=_text_of(msg),
                html=_html_of(msg),
            )
            item.conversation_id = self._conversation(item)
            if message_id:
                self._conversations[message_id] = item.conversation_id
            self.mailboxes[mailbox][folder].append(item)
            self.items[item.key] = item
            return item

    def _conversation(self, item: Item) -> str:
        for ref in re.findall(r"<[^<>]+>", f"{item.in_reply_to or ''} {item.references or ''}"):
            if ref in self._conversations:
                return self._conversations[ref]
        digest = hashlib.sha1(conversation_key(item.subject).encode()).digest()
        return base64.b64encode(b"CONV" + digest).decode()

    def folder(self, mailbox: str, folder: str) -> list[Item]:
        with self.lock:
            return list(self.mailboxes.get(mailbox.lower(), {}).get(folder, []))

    def changed_since(self, mailbox: str, folder: str, seq: int) -> list[Item]:
        """Items created or changed after ``seq``, in change order."""
        with self.lock:
            items = [i for i in self.folder(mailbox, folder) if i.seq > seq]
        return sorted(items, key=lambda i: i.seq)

    def touch(self, item: Item) -> None:
        with self.lock:
            item.seq = self.next_seq()
            item.change_key += 1

    def find_message_id(self, mailbox: str, folders: Iterable[str], message_id: str) -> list[Item]:
        with self.lock:
            return [
                i
                for f in folders
                for i in self.folder(mailbox, f)
                if i.message_id and i.message_id.strip() == message_id.strip()
            ]

    # -- calendar --

    def add_event(
        self,
        mailbox: str,
        *,
        uid: str,
        subject: str,
        start: datetime,
        end: datetime,
        organizer: str,
        required: Iterable[str | Attendee] = (),
        optional: Iterable[str | Attendee] = (),
        location: str = "",
        body: str = "",
        categories: Iterable[str] = (),
        created: datetime | None = None,
        occurrences: Iterable[datetime] = (),
    ) -> Item:
        """A single event, or (with ``occurrences``: their start times) a recurring
        series whose occurrences last as long as the first."""
        mailbox = mailbox.lower()
        with self.lock:
            if mailbox not in self.mailboxes:
                self.add_mailbox(mailbox)
            seq = self.next_seq()
            item = Item(
                key=self._new_key(mailbox, "calendar", seq),
                mailbox=mailbox,
                folder="calendar",
                created_seq=seq,
                seq=seq,
                kind="event",
                uid=uid,
                subject=subject,
                start=start,
                end=end,
                created=created or self.clock(),
                organizer=("", organizer.lower()),
                required=[a if isinstance(a, Attendee) else Attendee(a.lower()) for a in required],
                optional=[a if isinstance(a, Attendee) else Attendee(a.lower()) for a in optional],
                location=location,
                text=body,
                categories=list(categories),
            )
            starts = list(occurrences)
            if starts:
                item.event_type = "RecurringMaster"
                for n, when in enumerate(starts):
                    occ = Item(
                        key=f"{item.key}/occ/{n}",
                        mailbox=mailbox,
                        folder="calendar-occurrence",
                        created_seq=seq,
                        seq=seq,
                        kind="event",
                        uid=uid,
                        subject=subject,
                        start=when,
                        end=when + (end - start),
                        created=item.created,
                        organizer=item.organizer,
                        required=item.required,
                        optional=item.optional,
                        location=location,
                        text=body,
                        event_type="Occurrence",
                        master_uid=uid,
                        recurrence_id=when,
                    )
                    item.occurrences.append(occ)
                    self.items[occ.key] = occ
            self.mailboxes[mailbox]["calendar"].append(item)
            self.items[item.key] = item
            return item

    def update_event(self, item: Item, **changes: object) -> None:
        with self.lock:
            for name, value in changes.items():
                if name in ("required", "optional"):
                    value = [a if isinstance(a, Attendee) else Attendee(str(a).lower()) for a in value]  # type: ignore[attr-defined]
                setattr(item, name, value)
            for occ in item.occurrences:
                for name in ("subject", "location", "required", "optional", "cancelled", "text"):
                    setattr(occ, name, getattr(item, name))
            self.touch(item)


def _text_of(msg: email.message.Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return ""


def _html_of(msg: email.message.Message) -> str | None:
    for part in msg.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return None
