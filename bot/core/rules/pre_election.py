"""Nothing that could look like electioneering in the run-up to an election.
Clause: Pre-election period.

A council public meeting, consultation or press release, or an officer's attendance
at a party group meeting, that falls inside a configured ``[[pre_election]]`` period
is flagged to the organiser (the sender of a press release email; each officer
attending a party group) and recorded for the digest.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.context import Context
from bot.core.events import PUBLIC_KINDS, EventKind, EventState
from bot.core.rules.ward_notice import attending_officers, event_details, owner
from bot.model import Action, ActionType, Message, Rule
from bot.model.settings import PreElectionPeriod

FLAGGED_KINDS = PUBLIC_KINDS | {EventKind.PRESS_RELEASE, EventKind.PARTY_GROUP}


def period_for(ctx: Context, when: datetime) -> PreElectionPeriod | None:
    day = when.astimezone(ctx.calendar.tz).date()
    for period in ctx.settings.pre_election:
        if period.start <= day <= period.end:
            return period
    return None


def _period(period: PreElectionPeriod) -> dict[str, str]:
    return {
        "period": period.name,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
    }


def event_flags(ctx: Context, state: EventState, now: datetime) -> list[Action]:
    if state.kind not in FLAGGED_KINDS:
        return []
    period = period_for(ctx, state.event.start)
    if period is None:
        return []
    ev = state.event
    rule = Rule.PRE_ELECTION_PERIOD
    details = {**event_details(ctx, state), **_period(period)}
    if state.kind is EventKind.PARTY_GROUP:
        details["party"] = state.party
        return [
            ctx.action(
                at=now,
                type=ActionType.FLAG,
                rule=rule,
                key=f"flag:{rule}:{ev.key}:{officer}",
                mailbox=officer,
                event_uid=ev.uid,
                to=(officer,),
                details=details,
            )
            for officer in attending_officers(ctx, state)
        ]
    to = owner(ctx, ev)
    if to is None:
        return []
    return [
        ctx.action(
            at=now,
            type=ActionType.FLAG,
            rule=rule,
            key=f"flag:{rule}:{ev.key}",
            mailbox=to,
            event_uid=ev.uid,
            to=(to,),
            details=details,
        )
    ]


def mail_flag(
    ctx: Context, msg: Message, thread: str, wards: tuple[str, ...], at: datetime
) -> Action | None:
    """An officer's press release email sent inside a pre-election period (once per
    thread: its normalised subject)."""
    period = period_for(ctx, msg.date)
    if period is None:
        return None
    rule = Rule.PRE_ELECTION_PERIOD
    details = {
        "kind": str(EventKind.PRESS_RELEASE),
        "sent": msg.date.isoformat(),
        "wards": list(wards),
        **_period(period),
    }
    if ctx.settings.bot.store_subjects and msg.subject:
        details["subject"] = msg.subject
    return ctx.action(
        at=at,
        type=ActionType.FLAG,
        rule=rule,
        key=f"flag:{rule}:mail:{thread}",
        mailbox=msg.sender,
        message_id=msg.message_id,
        to=(msg.sender,),
        details=details,
    )
