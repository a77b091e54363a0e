"""A normalized calendar event, as every calendar source delivers it to the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One occurrence of a calendar entry in one watched calendar.

    Recurring entries arrive expanded: ``uid`` plus ``recurrence_id`` identify one
    occurrence. ``declined`` lists attendees who declined; they count as not invited.
    """

    mailbox: str
    uid: str
    start: datetime
    end: datetime
    created: datetime
    summary: str = ""
    description: str = ""
    location: str = ""
    organizer: str = ""
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    cancelled: bool = False
    recurrence_id: str | None = None
    source_ref: str = ""

    @property
    def key(self) -> str:
        return f"{self.uid}#{self.recurrence_id}" if self.recurrence_id else self.uid

    @property
    def attendees(self) -> tuple[str, ...]:
        declined = set(self.declined)
        return tuple(a for a in self.required + self.optional if a not in declined)
