"""Out-of-hours contact. Clause: Working relationships — members should not press
officers to work outside normal working hours. Recorded for the digest (patterns by
member), not sent to the officer: an evening email is not the officer's fault."""

from __future__ import annotations

from bot.core.context import Context
from bot.model import Action, ActionType, Message, Rule


def out_of_hours(ctx: Context, msg: Message, mailbox: str) -> Action | None:
    if ctx.calendar.is_working(msg.date):
        return None
    return ctx.action(
        at=msg.date,
        type=ActionType.FLAG,
        rule=Rule.OUT_OF_HOURS,
        key=f"flag:{Rule.OUT_OF_HOURS}:{msg.message_id}",
        mailbox=mailbox,
        message_id=msg.message_id,
        member=msg.sender,
        details={"received": msg.date.isoformat(), **ctx.subject(msg)},
    )
