"""Ward members hear first. Clause: Involvement of ward members.

- ``ward_members_not_invited``: a council public meeting or consultation about a
  ward lacks some of the ward's members among its invitees. The organiser is
  reminded ``ward_notice.public_meeting_working_days_before`` working days before
  it (at once when the entry appears later than that), and once more two working
  days before if they are still missing. A member invited who declined was
  invited: the protocol asks for the invitation, not the attendance.
- ``press_release_ward_notice``: a press release about a ward (an entry in the
  press office's calendar, or an officer's email to the press office or headed
  "press release") whose members were not sent an email about the ward
  beforehand. For a planned release the reminder goes
  ``ward_notice.press_release_working_days_before`` working days before it.

"Beforehand" means an officer's email to the member, from a watched sent folder,
mentioning the ward, within NOTICE_LOOKBACK of the check. The engine keeps those
notices; this module only decides.

Every reminder goes to the organiser or the sender, in working time. Each names
the missing members; the email gives a ready ``mailto:`` link addressed to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Any

from bot.core.context import Context
from bot.core.events import EventState
from bot.core.worktime import WorkCalendar
from bot.model import Action, ActionType, CalendarEvent, Member, Message, Rule

NOTICE_LOOKBACK = timedelta(days=30)  # an email to the ward's members this recent counts
REPEAT_WORKING_DAYS = 2.0  # the second reminder, if members are still missing
FIRST, REPEAT = "first", "repeat"


# ---- who is who ------------------------------------------------------------------


def is_council(ctx: Context, address: str) -> bool:
    """An officer of the council: in the officers register, a watched mailbox or the
    press office."""
    a = address.lower()
    if not a:
        return False
    press = {p.lower() for p in ctx.settings.roles.press_office}
    return ctx.registers.officer(a) is not None or a in ctx.watched or a in press


def owner(ctx: Context, event: CalendarEvent) -> str | None:
    """Who the bot writes to about an event: its organiser when that is an officer,
    the calendar's owner when it has no organiser; None when a member or an outsider
    organised it (then it is not a council meeting)."""
    if event.organizer:
        return event.organizer if is_council(ctx, event.organizer) else None
    return event.mailbox if is_council(ctx, event.mailbox) else None


def attending_officers(ctx: Context, state: EventState) -> list[str]:
    """Officers who will be there: officer invitees and the officers in whose own
    calendar the entry sits, less anyone who declined."""
    declined = state.declined
    found: list[str] = []
    candidates = [*state.event.required, *state.event.optional]
    candidates += [c.mailbox for c in state.copies.values() if not c.cancelled]
    if state.event.organizer:
        candidates.append(state.event.organizer)
    for address in candidates:
        a = address.lower()
        if a not in found and a not in declined and is_council(ctx, a):
            found.append(a)
    return found


def ward_members(ctx: Context, ward: str) -> tuple[Member, ...]:
    return ctx.registers.ward_members(ward)


def _invited(ctx: Context, invitees: tuple[str, ...], member: Member) -> bool:
    return any(ctx.registers.reaches(invitees, email) for email in member.emails)


def missing_invitees(ctx: Context, event: CalendarEvent, ward: str) -> list[Member]:
    """The ward's members not among the invitees (directly, by another of their
    addresses, or through a distribution list)."""
    invitees = event.required + event.optional
    return [m for m in ward_members(ctx, ward) if not _invited(ctx, invitees, m)]


def members_not_told(
    ctx: Context, ward: str, notices: Mapping[str, datetime] | None, until: datetime
) -> list[Member]:
    """The ward's members who were not emailed about the ward in the
    NOTICE_LOOKBACK before ``until``. ``notices``: member address -> last email."""
    since = until - NOTICE_LOOKBACK
    told = notices or {}
    missing = []
    for m in ward_members(ctx, ward):
        last = told.get(m.email)
        if last is None or not since <= last <= until:
            missing.append(m)
    return missing


# ---- when --------------------------------------------------------------------------


def notice_deadline(cal: WorkCalendar, start: datetime, working_days: float) -> datetime:
    """The opening of the working day ``working_days`` working days before the
    event's day (a Thursday meeting, 10 days: the Thursday two weeks before, 08:30)."""
    local = start.astimezone(cal.tz)
    midnight = datetime.combine(local.date(), time(0), cal.tz)
    return cal.subtract_working_hours(midnight, working_days * cal.day_length_hours)


def remind_at(cal: WorkCalendar, deadline: datetime, now: datetime) -> datetime:
    """The deadline, or now when that has passed, moved into working time."""
    return cal.next_working_instant(max(deadline, now))


# ---- the actions -------------------------------------------------------------------


def event_details(ctx: Context, state: EventState) -> dict[str, Any]:
    ev = state.event
    details: dict[str, Any] = {
        "kind": str(state.kind),
        "event_start": ev.start.isoformat(),
        "event_end": ev.end.isoformat(),
        "location": ev.location,
        "wards": list(state.wards),
        "calendar": ev.mailbox,
    }
    if ev.recurrence_id:
        details["occurrence"] = ev.recurrence_id
    if ctx.settings.bot.store_subjects and ev.summary:
        details["subject"] = ev.summary
    return details


def _missing(missing: list[Member]) -> dict[str, Any]:
    return {"missing": [m.email for m in missing], "missing_names": [m.name for m in missing]}


def invite_key(event: CalendarEvent, ward: str, stage: str) -> str:
    return f"remind:{Rule.WARD_MEMBERS_NOT_INVITED}:{event.key}:{ward.casefold()}:{stage}"


def invite_reminder(
    ctx: Context,
    state: EventState,
    ward: str,
    missing: list[Member],
    stage: str,
    deadline: datetime,
    now: datetime,
) -> Action | None:
    ev = state.event
    to = owner(ctx, ev)
    if to is None or not missing:
        return None
    rule = Rule.WARD_MEMBERS_NOT_INVITED
    return ctx.action(
        at=now,
        type=ActionType.REMINDER,
        rule=rule,
        key=invite_key(ev, ward, stage),
        mailbox=to,
        event_uid=ev.uid,
        member=missing[0].email,
        to=(to,),
        details={
            **event_details(ctx, state),
            "ward": ward,
            **_missing(missing),
            "reminder": stage,
            "due": deadline.isoformat(),
        },
    )


def press_event_reminder(
    ctx: Context,
    state: EventState,
    ward: str,
    missing: list[Member],
    deadline: datetime,
    now: datetime,
) -> Action | None:
    ev = state.event
    to = owner(ctx, ev)
    if to is None or not missing:
        return None
    rule = Rule.PRESS_RELEASE_WARD_NOTICE
    return ctx.action(
        at=now,
        type=ActionType.REMINDER,
        rule=rule,
        key=f"remind:{rule}:{ev.key}:{ward.casefold()}",
        mailbox=to,
        event_uid=ev.uid,
        member=missing[0].email,
        to=(to,),
        details={
            **event_details(ctx, state),
            "ward": ward,
            **_missing(missing),
            "source": "calendar",
            "due": deadline.isoformat(),
        },
    )


def press_mail_reminder(
    ctx: Context, msg: Message, thread: str, ward: str, missing: list[Member], at: datetime
) -> Action | None:
    """One reminder per press release thread (its normalised subject) and ward, so
    the emails that go back and forth about a draft do not each remind again."""
    if not missing:
        return None
    rule = Rule.PRESS_RELEASE_WARD_NOTICE
    details: dict[str, Any] = {
        "ward": ward,
        **_missing(missing),
        "source": "email",
        "sent": msg.date.isoformat(),
        "kind": "press_release",
    }
    if ctx.settings.bot.store_subjects and msg.subject:
        details["subject"] = msg.subject
    return ctx.action(
        at=at,
        type=ActionType.REMINDER,
        rule=rule,
        key=f"remind:{rule}:mail:{thread}:{ward.casefold()}",
        mailbox=msg.sender,
        message_id=msg.message_id,
        member=missing[0].email,
        to=(msg.sender,),
        details=details,
    )
