"""What the classifier found in a member's request, told to the officer privately.

Clauses: Political neutrality (party_political), Use of council resources (private),
Respect for officers' impartiality (pressure), Access to information (confidential),
Concerns about officers (staff_matter), Role of members (member_instruction).
"""

from __future__ import annotations

from bot.core.context import Context
from bot.model import Action, ActionType, Classification, Kind, Message, Rule


def concern_flags(
    ctx: Context, msg: Message, cls: Classification, officer_mailbox: str
) -> list[Action]:
    rules = [Rule(str(c)) for c in cls.concerns]
    if cls.kind is Kind.INSTRUCTION:
        rules.append(Rule.MEMBER_INSTRUCTION)
    notify = ctx.settings.bot.notify_officer_of_concerns
    return [
        ctx.action(
            at=msg.date,
            type=ActionType.FLAG,
            rule=rule,
            key=f"flag:{rule}:{msg.message_id}",
            mailbox=officer_mailbox,
            message_id=msg.message_id,
            member=msg.sender,
            to=(officer_mailbox,) if notify else (),
            details={"kind": str(cls.kind), "score": _score(cls, rule), **ctx.subject(msg)},
        )
        for rule in rules
    ]


def _score(cls: Classification, rule: Rule) -> float | None:
    label = "instruction" if rule is Rule.MEMBER_INSTRUCTION else str(rule)
    value = cls.scores.get(label)
    return round(value, 4) if value is not None else None
