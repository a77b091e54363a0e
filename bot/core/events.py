"""What kind of calendar entry an event is, for the ward, media, party-group and
scrutiny rules. Pure: the categories, subject and text of the event decide.

Order of evidence: the entry's categories first (a council that tags its entries
is taken at its word), then the subject, then the description. An entry whose
subject says it is internal ("prep", "debrief", "team meeting" ...) is internal
even when it names a public meeting or a place: officers preparing a public
meeting are not holding one, and an internal meeting that merely mentions a
street is not about it in public.

In a press office's own calendar an entry is a planned press release unless it
says it is something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.model import CalendarEvent


class EventKind(StrEnum):
    PUBLIC_MEETING = "public_meeting"
    CONSULTATION = "consultation"
    PRESS_RELEASE = "press_release"
    PARTY_GROUP = "party_group"
    SCRUTINY = "scrutiny"
    INTERNAL = "internal"


# Kinds the ward-notice rule applies to: the council meets or consults the public.
PUBLIC_KINDS = frozenset({EventKind.PUBLIC_MEETING, EventKind.CONSULTATION})

_PRESS = re.compile(
    r"\b(?:press|media|news) (?:release|notice|statement|announcement)s?\b"
    r"|\bfor immediate release\b|\bembargoed\b|\bpress conference\b"
)
_SCRUTINY = re.compile(r"\bscrutiny\b|\bcall[ -]in\b")
_PARTY = re.compile(r"\b(?:party|political) groups?\b")
# Meetings of all the groups together are even-handed already: not one group's meeting.
_CROSS_PARTY = re.compile(r"\bgroup leaders\b|\ball[ -]party\b|\bcross[ -]party\b")
_CONSULTATION = re.compile(
    r"\bconsultations?\b|\bpublic drop[ -]?in\b|\bdrop[ -]?in (?:event|exhibition)s?\b"
    r"|\bengagement (?:event|session)s?\b|\bpublic engagement\b|\bpublic exhibition\b"
    r"|\bhave your say\b"
)
_PUBLIC = re.compile(
    r"\bpublic meetings?\b|\bopen meetings?\b|\bpublic (?:forum|event|session)s?\b"
    r"|\bresidents'? (?:meeting|forum|evening|association meeting)s?\b"
    r"|\bcommunity (?:meeting|forum|event)s?\b|\btown hall meeting\b|\bpublic inquiry\b"
)
_INTERNAL = re.compile(
    r"\binternal\b|\bprep\b|\bpreparation\b|\bpre[ -]?meet(?:ing)?\b|\bdebrief\b"
    r"|\bwash[ -]?up\b|\bteam (?:meeting|briefing|catch[ -]?up)\b|\bofficers?'? (?:only|meeting)\b"
    r"|\bproject (?:board|team)\b|\b1:1\b|\bone[ -]to[ -]one\b|\bcatch[ -]?up\b|\bstand[ -]?up\b"
    r"|\bplanning session\b"
)
# Category names that settle the kind outright (compared after _norm).
_CATEGORY_KINDS: dict[str, EventKind] = {
    "public meeting": EventKind.PUBLIC_MEETING,
    "public": EventKind.PUBLIC_MEETING,
    "consultation": EventKind.CONSULTATION,
    "consultation event": EventKind.CONSULTATION,
    "public consultation": EventKind.CONSULTATION,
    "press": EventKind.PRESS_RELEASE,
    "press release": EventKind.PRESS_RELEASE,
    "media": EventKind.PRESS_RELEASE,
    "media release": EventKind.PRESS_RELEASE,
    "party group": EventKind.PARTY_GROUP,
    "political group": EventKind.PARTY_GROUP,
    "scrutiny": EventKind.SCRUTINY,
    "scrutiny committee": EventKind.SCRUTINY,
    "internal": EventKind.INTERNAL,
    "internal meeting": EventKind.INTERNAL,
    "private": EventKind.INTERNAL,
    "personal": EventKind.INTERNAL,
}


def _norm(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def _party_names(parties: Iterable[str]) -> list[tuple[str, str]]:
    """(pattern text, register name) for each party: "Green Party" also as "Green"."""
    names: list[tuple[str, str]] = []
    for party in parties:
        p = _norm(party)
        if not p:
            continue
        names.append((p, party))
        short = re.sub(r"\s+party$", "", p)
        if short != p:
            names.append((short, party))
        if short.endswith("s"):
            names.append((short[:-1], party))  # "Liberal Democrats" -> "Liberal Democrat group"
    names.sort(key=lambda n: -len(n[0]))
    return names


def _group_party(text: str, parties: Iterable[str]) -> str | None:
    """The party whose group this text names ("Labour Group", "Green Party group")."""
    for pattern, party in _party_names(parties):
        if re.search(rf"\b{re.escape(pattern)}(?: party)? (?:group|councillors)\b", text):
            return party
    return None


def _kind_of_text(text: str, parties: Iterable[str]) -> EventKind | None:
    if not text:
        return None
    if _INTERNAL.search(text):
        return EventKind.INTERNAL
    if _PRESS.search(text):
        return EventKind.PRESS_RELEASE
    if _SCRUTINY.search(text):
        return EventKind.SCRUTINY
    if _CROSS_PARTY.search(text):
        return EventKind.INTERNAL
    if _PARTY.search(text) or _group_party(text, parties):
        return EventKind.PARTY_GROUP
    if _CONSULTATION.search(text):
        return EventKind.CONSULTATION
    if _PUBLIC.search(text):
        return EventKind.PUBLIC_MEETING
    return None


def event_kind(
    event: CalendarEvent, *, parties: Iterable[str] = (), press_calendar: bool = False
) -> EventKind:
    """The kind of ``event``. ``parties``: the party names of the members register;
    ``press_calendar``: the event is in a press office's calendar."""
    parties = tuple(parties)
    for category in event.categories:
        c = _norm(category)
        if c in _CATEGORY_KINDS:
            return _CATEGORY_KINDS[c]
        found = _kind_of_text(c, parties)
        if found is not None:
            return found
    for text in (_norm(event.summary), _norm(event.description)):
        found = _kind_of_text(text, parties)
        if found is not None:
            return found
    return EventKind.PRESS_RELEASE if press_calendar else EventKind.INTERNAL


def event_party(
    event: CalendarEvent, parties: Iterable[str], attendee_parties: Iterable[str]
) -> str | None:
    """Which party group's meeting this is: named in the categories, subject or text,
    else the one party of all the members invited (None when it cannot be told)."""
    for text in (*event.categories, event.summary, event.description):
        party = _group_party(_norm(text), parties)
        if party is not None:
            return party
    found = {p for p in attendee_parties if p}
    return found.pop() if len(found) == 1 else None


def is_press_release_subject(subject: str) -> bool:
    """An email headed "press release", "media release", "for immediate release"..."""
    return bool(_PRESS.search(_norm(subject)))


@dataclass(slots=True)
class EventState:
    """What the engine knows of one event occurrence (internal state).

    The same meeting sits in several watched calendars (the organiser's and each
    officer invited); ``copies`` keeps the latest of each and ``event`` is the one
    the rules read: the organiser's own copy when it is watched, else the latest.
    """

    key: str
    event: CalendarEvent
    copies: dict[str, CalendarEvent]
    wards: tuple[str, ...]
    kind: EventKind
    party: str | None
    first_seen: datetime
    invited_at: dict[str, datetime] = field(default_factory=dict)  # attendee -> first seen

    @property
    def declined(self) -> frozenset[str]:
        return frozenset(a for c in self.copies.values() for a in c.declined)

    @property
    def active(self) -> bool:
        return not self.event.cancelled

    def update(self, event: CalendarEvent, now: datetime) -> None:
        """A copy seen (again). Invitees first seen with the entry count as invited
        when it was created; those who appear later, from when they appeared."""
        since = min(now, event.created) if not self.copies else now
        self.copies[event.mailbox] = event
        self.event = self.copies.get(event.organizer, event) if event.organizer else event
        for address in event.required + event.optional:
            self.invited_at.setdefault(address, since)
