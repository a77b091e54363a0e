"""Validated settings: what the configuration file means, with defaults.

bot/config.py turns TOML + registers into these; the core reads only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NATIONS = ("england-and-wales", "scotland", "northern-ireland")


@dataclass(frozen=True)
class CouncilSettings:
    name: str
    timezone: str = "Europe/London"
    bank_holidays: str = "england-and-wales"
    closure_days: tuple[date, ...] = ()
    bank_holidays_file: Path | None = None  # GOV.UK bank-holidays.json, overrides the package


@dataclass(frozen=True)
class OfficeHours:
    days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    start: time = time(8, 30)
    end: time = time(17, 30)


@dataclass(frozen=True)
class ServiceLevel:
    """One service level. ``track`` False: this kind goes through another procedure
    (complaints, for instance) and the bot starts no clock for it."""

    acknowledge_within_working_hours: float = 4
    respond_within_working_days: float = 2
    remind_before_due_working_hours: float = 4
    track: bool = True


@dataclass(frozen=True)
class SlaSettings:
    default: ServiceLevel = field(default_factory=ServiceLevel)
    kinds: dict[str, ServiceLevel] = field(default_factory=dict)

    def for_kind(self, kind: str) -> ServiceLevel:
        return self.kinds.get(kind, self.default)


@dataclass(frozen=True)
class Roles:
    chief_executive: str = ""
    monitoring_officer: str = ""
    press_office: tuple[str, ...] = ()
    democratic_services: str = ""


@dataclass(frozen=True)
class WardNotice:
    public_meeting_working_days_before: float = 10
    press_release_working_days_before: float = 1


@dataclass(frozen=True)
class ScrutinySettings:
    """An officer required to attend a scrutiny committee gets this much notice."""

    notice_working_days: float = 15


@dataclass(frozen=True)
class PreElectionPeriod:
    name: str
    start: date
    end: date  # inclusive


@dataclass(frozen=True)
class DigestSettings:
    weekday: int = 0  # Monday
    time: time = time(8, 0)
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class BotSettings:
    """How the bot itself behaves (extensions to the contract's minimal keys)."""

    state: Path | None = None  # SQLite file; None = beside the config, "protocol-bot.db"
    retention_days: int = 400
    store_subjects: bool = True  # the digest lists subject lines; False keeps none
    member_daily_cap: int = 10  # most emails the bot sends one member in a day
    notify_officer_of_blind_copy: bool = True
    notify_officer_of_concerns: bool = True
    poll_seconds: int = 60


@dataclass(frozen=True)
class MailboxSettings:
    """One watched mailbox: ``type`` picks the adapter; ``options`` are its settings."""

    address: str
    type: str = "folder"
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Clause:
    """Where a rule comes from in the council's own protocol."""

    ref: str
    text: str


@dataclass(frozen=True)
class Settings:
    council: CouncilSettings
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    sla: SlaSettings = field(default_factory=SlaSettings)
    roles: Roles = field(default_factory=Roles)
    ward_notice: WardNotice = field(default_factory=WardNotice)
    pre_election: tuple[PreElectionPeriod, ...] = ()
    digest: DigestSettings = field(default_factory=DigestSettings)
    bot: BotSettings = field(default_factory=BotSettings)
    mailboxes: tuple[MailboxSettings, ...] = ()
    calendars: tuple[MailboxSettings, ...] = ()  # [[calendar]]: watched calendars
    scrutiny: ScrutinySettings = field(default_factory=ScrutinySettings)
    outbox: dict[str, Any] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)  # rule id -> clause override
    classifier: dict[str, Any] = field(default_factory=dict)
    source_file: Path | None = None
