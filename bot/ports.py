"""The small interfaces between the core and the edge.

Glossary:
  source     reads one watched mailbox or calendar; knows nothing of the rules
  checkpoint an opaque string a source gives back with each batch (a UID, a sync
             state, a delta link); stored only after the batch is fully processed,
             so a crash replays the batch instead of losing it
  sender     carries an OutgoingEmail to its recipients (SMTP, EWS, Graph, a folder)
  malformed  an item a source could not read: recorded, skipped, never fatal
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.model import CalendarEvent, Classification, Message
from bot.model.outgoing import OutgoingEmail


@dataclass(frozen=True)
class Malformed:
    """An item a source could not read: where it is and what was wrong."""

    where: str
    reason: str


@dataclass(frozen=True)
class MailBatch:
    messages: list[Message] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    checkpoint: str | None = None


@dataclass(frozen=True)
class CalendarBatch:
    events: list[CalendarEvent] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    checkpoint: str | None = None


@runtime_checkable
class MailSource(Protocol):
    """One watched mailbox (inbox and sent items)."""

    address: str

    def poll(self, checkpoint: str | None) -> MailBatch:
        """Everything new since ``checkpoint`` (all of it when None)."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class CalendarSource(Protocol):
    """One watched calendar."""

    address: str

    def poll(self, checkpoint: str | None) -> CalendarBatch: ...

    def close(self) -> None: ...


@runtime_checkable
class Sender(Protocol):
    """Sends email. ``was_sent`` answers True/False when the transport can tell
    (a Sent folder to search), None when it cannot."""

    def send(self, email: OutgoingEmail) -> None: ...

    def was_sent(self, email: OutgoingEmail) -> bool | None: ...

    def close(self) -> None: ...


class Classifier(Protocol):
    """Labels member emails with a kind and concerns (docs/taxonomy.md)."""

    def classify(self, messages: Sequence[Message]) -> list[Classification]: ...


class Clock(Protocol):
    def now(self) -> datetime: ...
