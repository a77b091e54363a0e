"""What the core decides. The executor carries actions out; replay writes them down."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class ActionType(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    NUDGE = "nudge"
    ESCALATION = "escalation"
    FLAG = "flag"
    REMINDER = "reminder"
    DIGEST = "digest"


class Rule(StrEnum):
    """The contract's rule ids. Each rule module cites its protocol clause."""

    ACKNOWLEDGEMENT = "acknowledgement"
    RESPONSE_DUE = "response_due"
    RESPONSE_OVERDUE = "response_overdue"
    BLIND_COPY_RECEIVED = "blind_copy_received"
    BLIND_COPY_SENT = "blind_copy_sent"
    OUT_OF_HOURS = "out_of_hours"
    WARD_MEMBERS_NOT_INVITED = "ward_members_not_invited"
    PRESS_RELEASE_WARD_NOTICE = "press_release_ward_notice"
    PRE_ELECTION_PERIOD = "pre_election_period"
    PARTY_GROUP_BRIEFING = "party_group_briefing"
    SCRUTINY_NOTICE = "scrutiny_notice"
    PARTY_POLITICAL = "party_political"
    PRIVATE = "private"
    PRESSURE = "pressure"
    CONFIDENTIAL = "confidential"
    STAFF_MATTER = "staff_matter"
    MEMBER_INSTRUCTION = "member_instruction"
    WEEKLY_DIGEST = "weekly_digest"


@dataclass(frozen=True, slots=True)
class Action:
    """One decision. ``key`` is unique per real-world effect: the outbox refuses a
    second action with the same key, which is what makes sending idempotent."""

    at: datetime
    type: ActionType
    rule: Rule
    mailbox: str = ""
    message_id: str | None = None
    event_uid: str | None = None
    member: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict, compare=False)
    key: str = ""

    def contract_dict(self) -> dict[str, Any]:
        """The contract's actions.jsonl shape (cc, when any, goes into ``to`` too)."""
        return {
            "at": self.at.astimezone(UTC).isoformat(),
            "type": str(self.type),
            "rule": str(self.rule),
            "mailbox": self.mailbox,
            "message_id": self.message_id,
            "event_uid": self.event_uid,
            "member": self.member,
            "to": list(self.to + self.cc),
            "details": self.details,
        }

    def to_json(self) -> str:
        return json.dumps(self.contract_dict(), sort_keys=False, ensure_ascii=False)
