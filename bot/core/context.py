"""What every rule may read: settings, registers, the working-time clock. No state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.clauses import clause_for
from bot.core.worktime import WorkCalendar
from bot.model import Action, ActionType, Message, Registers, Rule, Settings


@dataclass(frozen=True)
class Context:
    settings: Settings
    registers: Registers
    calendar: WorkCalendar
    watched: frozenset[str]  # addresses of the mailboxes the bot watches

    def action(
        self,
        *,
        at: datetime,
        type: ActionType,
        rule: Rule,
        key: str,
        mailbox: str = "",
        message_id: str | None = None,
        event_uid: str | None = None,
        member: str | None = None,
        to: tuple[str, ...] = (),
        cc: tuple[str, ...] = (),
        details: dict[str, Any] | None = None,
    ) -> Action:
        """Build an action that cites its clause (every rule goes through here)."""
        clause = clause_for(rule, self.settings.clauses)
        return Action(
            at=at,
            type=type,
            rule=rule,
            mailbox=mailbox,
            message_id=message_id,
            event_uid=event_uid,
            member=member,
            to=to,
            cc=cc,
            details={**(details or {}), "clause": clause.ref},
            key=key,
        )

    def subject(self, msg: Message) -> dict[str, str]:
        """The subject line for an action's details, unless the council keeps none."""
        return {"subject": msg.subject} if msg.subject and self.settings.bot.store_subjects else {}

    def officer_name(self, address: str) -> str:
        officer = self.registers.officer(address)
        return officer.name if officer else address
