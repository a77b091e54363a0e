"""Builds the concrete pieces a command needs from the settings (the only code,
with the command modules, that knows concrete adapters)."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.bank_holidays import load_bank_holidays
from bot.core.worktime import WorkCalendar
from bot.errors import UserError
from bot.model import Registers, Settings
from bot.ports import Classifier

log = logging.getLogger(__name__)


def work_calendar(settings: Settings, first_year: int, last_year: int) -> WorkCalendar:
    holidays = load_bank_holidays(
        settings.council.bank_holidays,
        range(first_year - 1, last_year + 2),
        settings.council.bank_holidays_file,
    )
    return WorkCalendar.from_settings(settings, holidays)


def load_classifier(settings: Settings, registers: Registers) -> Classifier | None:
    """The bundled spaCy model, unless disabled. Without it every member email is
    treated as a request (the safe side), and the bot says so once. The officers'
    mail domains let it drop their quoted replies, whatever the domain looks like."""
    if not settings.classifier.get("enabled", True):
        return None
    try:
        from bot.adapters.nlp.classifier import SpacyClassifier
        from bot.adapters.nlp.textprep import officer_domains

        domains = officer_domains(a for officer in registers.officers for a in officer.emails)
        return SpacyClassifier.load(
            settings.classifier.get("model"),
            council_domains=domains,
            unsure_threshold=settings.classifier.get("unsure_threshold"),
        )
    except (ImportError, OSError) as exc:
        log.warning("classifier unavailable (%s): treating every member email as a request", exc)
        return None


def parse_time(value: str, tz: str, *, option: str) -> datetime:
    """An ISO date or date-time; naive values are in the council's timezone."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"{option}: cannot read {value!r} as an ISO date or date-time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(tz))
    return parsed
