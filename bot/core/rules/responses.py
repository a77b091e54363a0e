"""The response clock of a member's request: acknowledge, nudge, escalate.

Clause: Communication with members — officers reply promptly; if an immediate reply
is not possible the correspondence is acknowledged and the member kept informed.

received ──ack window──▶ acknowledgement (if no reply yet; to the member)
         ──due - remind─▶ response_due nudge (to the officer, working time only)
         ──due─────────▶ response_overdue escalation (officer + manager, working time only)
A reply from any watched officer to the member closes the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.context import Context
from bot.core.threads import normalise_subject
from bot.model import Action, ActionType, Classification, Message, Rule


@dataclass(slots=True)
class Request:
    """A member's request and its clock (internal state; the store persists it)."""

    message_id: str
    member: str
    mailbox: str  # the watched mailbox that handles it; the bot writes from here
    received: datetime
    subject_key: str
    subject: str  # "" when the council keeps no subject lines
    conversation_id: str | None
    kind: str
    concerns: tuple[str, ...]
    ack_at: datetime | None
    due: datetime
    nudge_at: datetime | None
    escalate_at: datetime
    acknowledged_at: datetime | None = None
    nudged_at: datetime | None = None
    escalated_at: datetime | None = None
    answered_at: datetime | None = None
    answered_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


def handling_mailbox(ctx: Context, msg: Message) -> str | None:
    """Who deals with a member's email: the first watched mailbox named in To, else this
    mailbox when To reaches it through a list. Copied (Cc) officers do not own it."""
    for address in msg.to:
        if address in ctx.watched:
            return address
    if ctx.registers.reaches(msg.to, msg.mailbox):
        return msg.mailbox
    return None


def open_request(
    ctx: Context, msg: Message, cls: Classification, mailbox: str
) -> Request | None:
    kind = str(cls.kind)
    level = ctx.settings.sla.for_kind(kind)
    if not cls.starts_clock or not level.track:
        if not cls.unsure:
            return None
        level = ctx.settings.sla.default  # unsure: treat as a request (see Classification)
    cal = ctx.calendar
    received = msg.date
    ack_hours = level.acknowledge_within_working_hours
    ack_at = received if ack_hours == 0 else cal.add_working_hours(received, ack_hours)
    due = cal.add_working_days(received, level.respond_within_working_days)
    escalate_at = cal.next_working_instant(due)
    nudge_at = None
    if level.remind_before_due_working_hours > 0:
        nudge_at = cal.next_working_instant(
            max(cal.subtract_working_hours(due, level.remind_before_due_working_hours), received)
        )
        if nudge_at >= escalate_at:
            nudge_at = None
    return Request(
        message_id=msg.message_id,
        member=msg.sender,
        mailbox=mailbox,
        received=received,
        subject_key=normalise_subject(msg.subject),
        subject=msg.subject if ctx.settings.bot.store_subjects else "",
        conversation_id=msg.conversation_id,
        kind=kind,
        concerns=tuple(str(c) for c in cls.concerns),
        ack_at=ack_at,
        due=due,
        nudge_at=nudge_at,
        escalate_at=escalate_at,
    )


def _details(req: Request) -> dict[str, str]:
    details = {"received": req.received.isoformat(), "due": req.due.isoformat(), "kind": req.kind}
    if req.subject:
        details["subject"] = req.subject
    return details


def _clock_action(
    ctx: Context, req: Request, now: datetime, type: ActionType, rule: Rule, key: str, **kw: Any
) -> Action:
    return ctx.action(
        at=now, type=type, rule=rule, key=f"{key}:{req.message_id}", mailbox=req.mailbox,
        message_id=req.message_id, member=req.member, **kw,
    )


def acknowledgement(ctx: Context, req: Request, now: datetime) -> Action:
    """To the member, from the handling mailbox, with the date a reply is due."""
    req.acknowledged_at = now
    return _clock_action(
        ctx, req, now, ActionType.ACKNOWLEDGEMENT, Rule.ACKNOWLEDGEMENT, "ack",
        to=(req.member,), details=_details(req),
    )


def nudge(ctx: Context, req: Request, now: datetime) -> Action:
    """To the officer, before the reply falls due."""
    req.nudged_at = now
    return _clock_action(
        ctx, req, now, ActionType.NUDGE, Rule.RESPONSE_DUE, "nudge",
        to=(req.mailbox,), details=_details(req),
    )


def escalation(ctx: Context, req: Request, now: datetime) -> Action:
    """To the officer, copied to their manager, once the reply is overdue."""
    req.escalated_at = now
    officer = ctx.registers.officer(req.mailbox)
    manager = officer.manager if officer and officer.manager != req.mailbox else ""
    details = _details(req)
    details["working_hours_overdue"] = str(
        round(ctx.calendar.working_seconds_between(req.due, now) / 3600, 2)
    )
    return _clock_action(
        ctx, req, now, ActionType.ESCALATION, Rule.RESPONSE_OVERDUE, "escalate",
        to=(req.mailbox,), cc=(manager,) if manager else (), details=details,
    )
