"""The classifier's answer for one member email (labels of docs/taxonomy.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    CASEWORK = "casework"
    INFORMATION = "information"
    DOCUMENTS = "documents"
    MEETING = "meeting"
    MEDIA = "media"
    COMPLAINT = "complaint"
    INSTRUCTION = "instruction"
    OTHER = "other"


class Concern(StrEnum):
    PARTY_POLITICAL = "party_political"
    PRIVATE = "private"
    PRESSURE = "pressure"
    CONFIDENTIAL = "confidential"
    STAFF_MATTER = "staff_matter"


@dataclass(frozen=True, slots=True)
class Classification:
    kind: Kind
    concerns: tuple[Concern, ...] = ()
    scores: dict[str, float] = field(default_factory=dict, compare=False)
    # True when the model is not sure of the kind: the clock then runs even if that
    # kind starts none ("other", or a kind with track = false, such as complaints),
    # because a missed acknowledgement costs more than a needless one.
    unsure: bool = False

    @property
    def starts_clock(self) -> bool:
        return self.kind is not Kind.OTHER or self.unsure


# Used when no classifier is configured: every member email is treated as a request.
UNCLASSIFIED = Classification(kind=Kind.INFORMATION, unsure=True)
