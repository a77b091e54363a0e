"""Bank holidays: package dates per nation, the GOV.UK file override, bad files.

The expected dates are written out, and test_expected_dates_follow_the_rules
derives each of them from the statutory rules (Easter, first/last Mondays,
substitute days), so the tables here are not copied from the code under test.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from bot.bank_holidays import NATIONS, load_bank_holidays, read_govuk_file
from bot.errors import ConfigError

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bank-holidays.json"

# Weekday bank holidays (the ones that stop the clock), by nation and year.
EXPECTED = {
    "england-and-wales": {
        2026: {
            date(2026, 1, 1),  # New Year's Day, Thu
            date(2026, 4, 3),  # Good Friday
            date(2026, 4, 6),  # Easter Monday
            date(2026, 5, 4),  # Early May: first Monday in May
            date(2026, 5, 25),  # Spring: last Monday in May
            date(2026, 8, 31),  # Summer: last Monday in August
            date(2026, 12, 25),  # Christmas Day, Fri
            date(2026, 12, 28),  # Boxing Day (Sat 26) -> Mon 28
        },
        2027: {
            date(2027, 1, 1),  # Fri
            date(2027, 3, 26),  # Good Friday (Easter Sunday 28 Mar)
            date(2027, 3, 29),  # Easter Monday
            date(2027, 5, 3),
            date(2027, 5, 31),
            date(2027, 8, 30),
            date(2027, 12, 27),  # Christmas (Sat 25) -> Mon 27
            date(2027, 12, 28),  # Boxing Day (Sun 26) -> Tue 28
        },
    },
    "scotland": {
        2026: {
            date(2026, 1, 1),
            date(2026, 1, 2),  # 2nd January, Fri
            date(2026, 4, 3),  # Good Friday; no Easter Monday in Scotland
            date(2026, 5, 4),
            date(2026, 5, 25),
            # One-off: Scotland at the FIFA World Cup (Privy Council proclamation, Feb 2026).
            date(2026, 6, 15),
            date(2026, 8, 3),  # Summer: first Monday in August
            date(2026, 11, 30),  # St Andrew's Day, Mon
            date(2026, 12, 25),
            date(2026, 12, 28),
        },
        2027: {
            date(2027, 1, 1),  # Fri
            date(2027, 1, 4),  # 2nd January is a Saturday -> Mon 4
            date(2027, 3, 26),
            date(2027, 5, 3),
            date(2027, 5, 31),
            date(2027, 8, 2),
            date(2027, 11, 30),  # St Andrew's Day, Tue
            date(2027, 12, 27),
            date(2027, 12, 28),
        },
    },
    "northern-ireland": {
        2026: {
            date(2026, 1, 1),
            date(2026, 3, 17),  # St Patrick's Day, Tue
            date(2026, 4, 3),
            date(2026, 4, 6),
            date(2026, 5, 4),
            date(2026, 5, 25),
            date(2026, 7, 13),  # Battle of the Boyne (Sun 12 July) -> Mon 13
            date(2026, 8, 31),
            date(2026, 12, 25),
            date(2026, 12, 28),
        },
        2027: {
            date(2027, 1, 1),
            date(2027, 3, 17),  # Wed
            date(2027, 3, 26),
            date(2027, 3, 29),
            date(2027, 5, 3),
            date(2027, 5, 31),
            date(2027, 7, 12),  # Mon
            date(2027, 8, 30),
            date(2027, 12, 27),
            date(2027, 12, 28),
        },
    },
}


def weekdays(dates: set[date] | frozenset[date]) -> set[date]:
    return {d for d in dates if d.weekday() < 5}


# --- first principles ------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def first_monday(year: int, month: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def last_monday(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=d.weekday())


def substitutes(fixed: list[date]) -> set[date]:
    """Fixed-date holidays falling at a weekend move to the next free weekday."""
    taken = {d for d in fixed if d.weekday() < 5}
    out = set(taken)
    for d in fixed:
        if d.weekday() >= 5:
            s = d
            while s.weekday() >= 5 or s in out:
                s += timedelta(days=1)
            out.add(s)
    return out


def by_the_rules(nation: str, year: int) -> set[date]:
    easter = easter_sunday(year)
    fixed = [date(year, 1, 1)]
    if nation == "scotland":
        fixed.append(date(year, 1, 2))
    if nation == "northern-ireland":
        fixed.append(date(year, 3, 17))
        fixed.append(date(year, 7, 12))
    # Christmas and Boxing Day resolve together (25 Dec on Sat -> 27, 26 -> 28).
    out = substitutes(fixed) | substitutes([date(year, 12, 25), date(year, 12, 26)])
    if nation == "scotland":
        out |= substitutes([date(year, 11, 30)])
    out |= {easter - timedelta(days=2), first_monday(year, 5), last_monday(year, 5)}
    if nation == "scotland":
        out.add(first_monday(year, 8))
    else:
        out |= {easter + timedelta(days=1), last_monday(year, 8)}
    return out


def test_easter_algorithm_known_values() -> None:
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2027) == date(2027, 3, 28)
    assert easter_sunday(2024) == date(2024, 3, 31)


@pytest.mark.parametrize("nation", list(EXPECTED))
@pytest.mark.parametrize("year", [2026, 2027])
def test_expected_dates_follow_the_rules(nation: str, year: int) -> None:
    expected = EXPECTED[nation][year]
    if nation == "scotland" and year == 2026:
        expected = expected - {date(2026, 6, 15)}  # proclaimed one-off, no rule
    assert by_the_rules(nation, year) == expected


# --- the package ------------------------------------------------------------------


@pytest.mark.parametrize("nation", list(NATIONS))
def test_package_dates_match_official_ones(nation: str) -> None:
    found = load_bank_holidays(nation, range(2026, 2028))
    assert weekdays(found) == EXPECTED[nation][2026] | EXPECTED[nation][2027]


def test_substitute_days_are_included_alongside_the_weekend_day() -> None:
    found = load_bank_holidays("england-and-wales", [2026])
    assert date(2026, 12, 26) in found  # the Saturday itself
    assert date(2026, 12, 28) in found  # and its Monday substitute


def test_only_the_requested_years_are_returned() -> None:
    found = load_bank_holidays("england-and-wales", [2027])
    assert {d.year for d in found} == {2027}
    assert load_bank_holidays("scotland", []) == frozenset()


def test_wales_shares_englands_bank_holidays() -> None:
    years = range(2020, 2031)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(england) == set(wales)
    assert len(set(england)) > 80


def test_unknown_nation_is_refused() -> None:
    with pytest.raises(ValueError, match="wales"):
        load_bank_holidays("wales", [2026])


# --- the GOV.UK file ----------------------------------------------------------------


@pytest.mark.parametrize("nation", list(NATIONS))
def test_fixture_matches_the_package_for_2026(nation: str) -> None:
    # GOV.UK lists only the days off (the Monday substitute, not the Saturday).
    assert read_govuk_file(FIXTURE, nation) == {2026: frozenset(EXPECTED[nation][2026])}


def test_file_replaces_the_package_for_the_years_it_covers() -> None:
    found = load_bank_holidays("england-and-wales", range(2026, 2028), FIXTURE)
    # 2026 from the file: the Saturday 26 Dec the package adds is gone.
    assert {d for d in found if d.year == 2026} == EXPECTED["england-and-wales"][2026]
    assert date(2026, 12, 26) not in found
    # 2027 is not in the file, so it comes from the package, Saturday included.
    assert EXPECTED["england-and-wales"][2027] <= found
    assert date(2027, 12, 25) in found


def govuk(events: list[Any], division: str = "england-and-wales") -> dict[str, Any]:
    return {division: {"division": division, "events": events}}


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "bank-holidays.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_a_changed_file_wins_over_the_package(tmp_path: Path) -> None:
    events = [
        {"title": "New Year's Day", "date": "2026-01-01", "notes": "", "bunting": True},
        {"title": "Extra day", "date": "2026-11-02", "notes": "", "bunting": True},
    ]
    path = write(tmp_path, govuk(events))
    found = load_bank_holidays("england-and-wales", [2026, 2027], path)
    assert {d for d in found if d.year == 2026} == {date(2026, 1, 1), date(2026, 11, 2)}
    assert date(2026, 12, 25) not in found  # the file says so, for 2026
    assert date(2027, 12, 27) in found  # package, 2027


def test_years_outside_the_request_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, govuk([{"title": "x", "date": "2025-12-25"}]))
    assert load_bank_holidays("england-and-wales", [2026], path) == frozenset(
        EXPECTED["england-and-wales"][2026] | {date(2026, 12, 26)}
    )


def problems_of(path: Path, nation: str = "england-and-wales") -> str:
    with pytest.raises(ConfigError) as caught:
        read_govuk_file(path, nation)
    message = str(caught.value)
    for problem in caught.value.problems:
        assert problem.file == str(path)
    assert str(path) in message
    return message


def test_bad_dates_are_all_reported_by_event_number(tmp_path: Path) -> None:
    events = [
        {"title": "ok", "date": "2026-01-01"},
        {"title": "month 13", "date": "2026-13-01"},
        {"title": "no date"},
        {"title": "30 February", "date": "2026-02-30"},
        {"title": "compact", "date": "20261225"},
    ]
    path = write(tmp_path, govuk(events))
    with pytest.raises(ConfigError) as caught:
        read_govuk_file(path, "england-and-wales")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 4
    assert 'bad date "2026-13-01" in event 2' in messages[0]
    assert 'event 3 has no "date"' in messages[1]
    assert 'bad date "2026-02-30" in event 4: no such day' in messages[2]
    assert 'bad date "20261225" in event 5' in messages[3]
    assert all(m.startswith(f"{path}: england-and-wales: ") for m in messages)


def test_missing_division_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, govuk([{"date": "2026-01-01"}]))
    message = problems_of(path, "scotland")
    assert 'missing division "scotland"' in message
    assert '"england-and-wales"' in message  # what was there instead


def test_invalid_json_gives_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "england-and-wales": {\n    "events": [,]\n  }\n}\n')
    message = problems_of(path)
    assert f"{path}:3:" in message
    assert "not valid JSON" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], "expected a JSON object keyed by division"),
        ({"england-and-wales": {"division": "england-and-wales"}}, '"events" list'),
        ({"england-and-wales": {"events": []}}, '"events" list'),
        ({"england-and-wales": []}, '"events" list'),
        (
            govuk([{"date": "2026-01-01"}], "scotland")
            | {"england-and-wales": {"division": "scotland", "events": [{"date": "2026-01-01"}]}},
            'names itself "scotland"',
        ),
    ],
)
def test_malformed_structure_is_explained(tmp_path: Path, data: Any, expected: str) -> None:
    assert expected in problems_of(write(tmp_path, data))


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    assert "cannot read" in problems_of(path)
    with pytest.raises(ConfigError, match="absent.json"):
        load_bank_holidays("scotland", [2026], path)
