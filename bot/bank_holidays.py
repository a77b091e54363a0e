"""Bank holidays for a UK nation: the ``holidays`` package, optionally overridden
by a GOV.UK ``bank-holidays.json`` (https://www.gov.uk/bank-holidays.json).

The GOV.UK file is authoritative for the years it covers: a council can drop in
a fresh copy when a one-off holiday is proclaimed before the package catches up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import holidays as holidays_pkg

from bot.errors import ConfigError, Problem

__all__ = ["NATIONS", "load_bank_holidays", "read_govuk_file"]

# GOV.UK division -> ``holidays`` GB subdivision. Wales shares England's
# bank holidays; GOV.UK publishes them as one division.
NATIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_bank_holidays(
    nation: str, years: range | Iterable[int], file: Path | None = None
) -> frozenset[date]:
    """Bank holiday dates of ``nation`` in ``years``, substitute days included.

    Years the GOV.UK ``file`` covers take its dates instead of the package's.
    """
    if nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}: expected one of {', '.join(NATIONS)}")
    wanted = sorted(set(years))
    from_file = read_govuk_file(Path(file), nation) if file is not None else {}
    package_years = [y for y in wanted if y not in from_file]
    result: set[date] = set()
    if package_years:
        # observed=True adds substitute days (e.g. Boxing Day on a Saturday -> Monday).
        found = holidays_pkg.country_holidays(
            "GB", subdiv=NATIONS[nation], years=package_years, observed=True
        )
        result.update(d for d in found if d.year in package_years)
    for y in wanted:
        result.update(from_file.get(y, ()))
    return frozenset(result)


def read_govuk_file(path: Path, nation: str) -> dict[int, frozenset[date]]:
    """Read one division of a GOV.UK ``bank-holidays.json``: year -> dates.

    Every problem in the division is reported at once, as a ConfigError.
    """
    where = str(path)

    def problem(message: str, key: str = "", line: int | None = None) -> Problem:
        return Problem(where, line, "", key, message)

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([problem(f"cannot read bank holidays file: {exc}")]) from exc
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise ConfigError([problem(message, line=exc.lineno)]) from exc
    if not isinstance(data, dict):
        raise ConfigError([problem("expected a JSON object keyed by division, as GOV.UK has")])
    if nation not in data:
        present = ", ".join(f'"{k}"' for k in data) or "none"
        raise ConfigError([problem(f'missing division "{nation}" (present: {present})')])
    division = data[nation]
    events = division.get("events") if isinstance(division, dict) else None
    if not isinstance(events, list) or not events:
        raise ConfigError([problem('expected an object with a non-empty "events" list', nation)])
    if division.get("division", nation) != nation:
        named = division["division"]
        raise ConfigError([problem(f'the division names itself "{named}"', nation)])

    problems: list[Problem] = []
    by_year: dict[int, set[date]] = {}
    for n, event in enumerate(events, start=1):  # numbered from 1, as people count
        if not isinstance(event, dict) or "date" not in event:
            problems.append(problem(f'event {n} has no "date"', nation))
            continue
        raw = event["date"]
        # fromisoformat alone would also take "20261225"; GOV.UK always writes dashes.
        if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw):
            problems.append(problem(f'bad date "{raw}" in event {n}: use YYYY-MM-DD', nation))
            continue
        try:
            d = date.fromisoformat(raw)
        except ValueError:
            problems.append(problem(f'bad date "{raw}" in event {n}: no such day', nation))
            continue
        by_year.setdefault(d.year, set()).add(d)
    if problems:
        raise ConfigError(problems)
    return {y: frozenset(ds) for y, ds in sorted(by_year.items())}
