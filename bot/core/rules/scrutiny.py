"""Notice for officers called before scrutiny. Clause: Members and officers giving
account — at least fifteen working days' notice (``[scrutiny] notice_working_days``).

Each officer required to attend a scrutiny committee meeting (a required, not
optional, invitee who has not declined; not its organiser) is flagged when the
time from their invitation (the first time the bot saw them invited) to the
meeting is shorter than that. The flag goes to the officer, who may ask for
another date, and is recorded for the digest.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.context import Context
from bot.core.events import EventKind, EventState
from bot.core.rules.ward_notice import event_details, is_council
from bot.model import Action, ActionType, Rule


def short_notice_flags(ctx: Context, state: EventState, now: datetime) -> list[Action]:
    if state.kind is not EventKind.SCRUTINY:
        return []
    ev = state.event
    cal = ctx.calendar
    need = ctx.settings.scrutiny.notice_working_days
    declined = state.declined
    rule = Rule.SCRUTINY_NOTICE
    out: list[Action] = []
    for address in dict.fromkeys(a.lower() for a in ev.required):
        if address in declined or address == ev.organizer or not is_council(ctx, address):
            continue
        if ctx.registers.is_member(address):
            continue
        invited = state.invited_at.get(address, now)
        if cal.add_working_days(invited, need) <= ev.start:
            continue
        given = cal.working_seconds_between(invited, ev.start) / 3600 / cal.day_length_hours
        out.append(
            ctx.action(
                at=now,
                type=ActionType.FLAG,
                rule=rule,
                key=f"flag:{rule}:{ev.key}:{address}",
                mailbox=address,
                event_uid=ev.uid,
                to=(address,),
                details={
                    **event_details(ctx, state),
                    "officer": address,
                    "invited": invited.isoformat(),
                    "notice_working_days": round(given, 1),
                    "required_working_days": need,
                },
            )
        )
    return out
