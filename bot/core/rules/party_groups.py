"""Even-handed support for party groups. Clause: Officer advice to party groups.

An officer who attends or briefs one party group's meeting is reminded that the
same briefing must be offered to the other groups (the parties of the members
register). Recorded by group for the digest (``details["party"]``).
"""

from __future__ import annotations

from datetime import datetime

from bot.core.context import Context
from bot.core.events import EventKind, EventState
from bot.core.rules.ward_notice import attending_officers, event_details
from bot.model import Action, ActionType, Rule


def parties(ctx: Context) -> tuple[str, ...]:
    """The party groups of the council: each party of the members register, once."""
    seen: dict[str, str] = {}
    for m in ctx.registers.members:
        p = m.party.strip()
        if p and p.casefold() not in seen and p.casefold() != "independent":
            seen[p.casefold()] = p
    return tuple(sorted(seen.values(), key=str.casefold))


def briefing_reminders(ctx: Context, state: EventState, now: datetime) -> list[Action]:
    if state.kind is not EventKind.PARTY_GROUP:
        return []
    ev = state.event
    party = state.party
    others = [p for p in parties(ctx) if party is None or p.casefold() != party.casefold()]
    if not others:
        return []
    rule = Rule.PARTY_GROUP_BRIEFING
    details = {**event_details(ctx, state), "party": party, "group": party, "other_parties": others}
    return [
        ctx.action(
            at=now,
            type=ActionType.REMINDER,
            rule=rule,
            key=f"remind:{rule}:{ev.key}:{officer}",
            mailbox=officer,
            event_uid=ev.uid,
            to=(officer,),
            details=details,
        )
        for officer in attending_officers(ctx, state)
    ]
