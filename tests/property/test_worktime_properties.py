"""WorkCalendar against a brute-force model that counts working minutes.

The model enumerates, for each local date, every wall-clock minute of office
hours and maps it to the UTC instants that show it (none in a spring-forward gap,
two in a fall-back repeat), checking each by converting back. With minute-aligned
office hours and zone offsets, working status is constant over each such minute,
so counting minutes gives exact answers for minute-aligned inputs.

Results are compared and shifted in UTC: PEP 495 makes a fold=1 time unequal to
any other zone's time, even at the same instant, and arithmetic on a zoned
datetime is wall-clock arithmetic, wrong across a DST change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.worktime import WorkCalendar

MINUTE = timedelta(minutes=1)
TICK = timedelta(microseconds=1)
FIRST, LAST = date(2026, 1, 1), date(2027, 12, 31)
# London is the real case; the others vary the transition hour and size
# (Lord Howe moves its clocks by 30 minutes).
ZONES = ("Europe/London", "Europe/London", "UTC", "America/New_York", "Australia/Lord_Howe")

PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _transition_dates(zone: ZoneInfo) -> list[date]:
    """Dates in 2026-2027 whose UTC offset at 12:00 differs from the day before."""
    out, d = [], FIRST
    while d <= LAST:
        noon = datetime.combine(d, time(12), zone)
        if noon.utcoffset() != (noon - timedelta(days=1)).utcoffset():
            out.append(d)
        d += timedelta(days=1)
    return out


TRANSITIONS = {name: _transition_dates(ZoneInfo(name)) for name in set(ZONES)}


@dataclass
class Model:
    """The brute-force reference: sorted working minutes, per local date."""

    tz: ZoneInfo
    days: frozenset[int]
    start: time
    end: time
    off: frozenset[date]
    _cache: dict[date, list[datetime]] = field(default_factory=dict)

    def minutes_on(self, d: date) -> list[datetime]:
        if d not in self._cache:
            found: set[datetime] = set()
            if d.weekday() in self.days and d not in self.off:
                wall, stop = datetime.combine(d, self.start), datetime.combine(d, self.end)
                while wall < stop:
                    for fold in (0, 1):
                        instant = wall.replace(tzinfo=self.tz, fold=fold).astimezone(UTC)
                        if instant.astimezone(self.tz).replace(tzinfo=None) == wall:
                            found.add(instant)
                    wall += MINUTE
            self._cache[d] = sorted(found)
        return self._cache[d]

    def forward(self, t: datetime) -> Iterator[datetime]:
        """Working minutes starting at or after t, in order."""
        d = t.astimezone(self.tz).date() - timedelta(days=1)
        while True:
            yield from (m for m in self.minutes_on(d) if m >= t)
            d += timedelta(days=1)

    def backward(self, t: datetime) -> Iterator[datetime]:
        """Working minutes starting before t, latest first."""
        d = t.astimezone(self.tz).date() + timedelta(days=1)
        while True:
            yield from (m for m in reversed(self.minutes_on(d)) if m < t)
            d -= timedelta(days=1)

    def is_working(self, t: datetime) -> bool:
        return t in self.minutes_on(t.astimezone(self.tz).date())

    def add(self, t: datetime, minutes: int) -> datetime:
        if minutes == 0:
            return t
        for n, m in enumerate(self.forward(t), start=1):
            if n == minutes:
                return m + MINUTE
        raise AssertionError("unreachable")

    def subtract(self, t: datetime, minutes: int) -> datetime:
        if minutes == 0:
            return t
        for n, m in enumerate(self.backward(t), start=1):
            if n == minutes:
                return m
        raise AssertionError("unreachable")

    def seconds_between(self, a: datetime, b: datetime) -> int:
        count = 0
        for m in self.forward(a):
            if m >= b:
                break
            count += 1
        return count * 60

    def next_working(self, t: datetime) -> datetime:
        return next(self.forward(t))


Scenario = tuple[WorkCalendar, Model, datetime]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    zone_name = draw(st.sampled_from(ZONES))
    tz = ZoneInfo(zone_name)
    days = draw(st.frozensets(st.integers(0, 6), min_size=1))
    # At least an hour a day keeps the model's walk short.
    start_min = draw(st.integers(0, 23 * 60 - 1))
    end_min = draw(st.integers(start_min + 60, 24 * 60 - 1))
    start, end = time(*divmod(start_min, 60)), time(*divmod(end_min, 60))
    dates = st.dates(FIRST, LAST)
    holidays = draw(st.frozensets(dates, max_size=30))
    block_start, block_len = draw(dates), draw(st.integers(0, 21))  # a long closure
    closures = frozenset(block_start + timedelta(days=i) for i in range(block_len))

    if draw(st.booleans()):
        near = draw(st.sampled_from(TRANSITIONS[zone_name] or [FIRST]))
        day_start = datetime.combine(near, time(0), UTC)
        t = day_start + draw(st.integers(-3 * 1440, 3 * 1440)) * MINUTE
    else:
        epoch = datetime.combine(FIRST, time(0), UTC)
        t = epoch + draw(st.integers(0, (LAST - FIRST).days * 1440)) * MINUTE

    cal = WorkCalendar(tz, tuple(days), start, end, holidays, closures)
    model = Model(tz, days, start, end, holidays | closures)
    return cal, model, t


durations = st.integers(0, 30 * 60)  # whole minutes, up to 30 working hours


@PROPERTY_SETTINGS
@given(scenarios(), durations)
def test_add_working_hours_matches_model(scenario: Scenario, minutes: int) -> None:
    cal, model, t = scenario
    hours = minutes / 60
    result = cal.add_working_hours(t, hours)
    assert result.tzinfo is cal.tz
    assert result.astimezone(UTC) == model.add(t, minutes)
    if minutes:
        # Exactly the asked duration: minutes * 60 is the exact value that the
        # float hours * 3600 only approximates (31/60 * 3600 == 1860.0000000000002).
        elapsed = cal.working_seconds_between(t, result)
        assert elapsed == minutes * 60
        assert abs(elapsed - hours * 3600) < 1e-6
        # Inside working time, or exactly at a closing time.
        just_before = result.astimezone(UTC) - TICK
        assert cal.is_working(result) or cal.is_working(just_before)


@PROPERTY_SETTINGS
@given(scenarios(), durations)
def test_subtract_working_hours_matches_model(scenario: Scenario, minutes: int) -> None:
    cal, model, t = scenario
    result = cal.subtract_working_hours(t, minutes / 60)
    assert result.tzinfo is cal.tz
    assert result.astimezone(UTC) == model.subtract(t, minutes)
    if minutes:
        assert cal.working_seconds_between(result, t) == minutes * 60
        assert cal.is_working(result)  # the boundary choice: never a closing time


@PROPERTY_SETTINGS
@given(scenarios(), st.integers(0, 20 * 1440))
def test_working_seconds_between_matches_model(scenario: Scenario, span: int) -> None:
    cal, model, a = scenario
    b = a + span * MINUTE
    assert cal.working_seconds_between(a, b) == model.seconds_between(a, b)
    if span:
        assert cal.working_seconds_between(b, a) == 0


@PROPERTY_SETTINGS
@given(scenarios())
def test_next_working_instant_and_is_working_match_model(scenario: Scenario) -> None:
    cal, model, t = scenario
    assert cal.is_working(t) == model.is_working(t)
    result = cal.next_working_instant(t)
    assert result.astimezone(UTC) == model.next_working(t)
    assert cal.is_working(result)
    assert cal.working_seconds_between(t, result) == 0


@PROPERTY_SETTINGS
@given(scenarios(), durations.filter(bool))
def test_add_then_subtract_round_trips(scenario: Scenario, minutes: int) -> None:
    cal, _, t = scenario
    hours = minutes / 60
    # Back from the due time lands where the clock started: t itself when
    # working, else the next opening.
    due = cal.add_working_hours(t, hours)
    assert cal.subtract_working_hours(due, hours).astimezone(UTC) == (
        cal.next_working_instant(t).astimezone(UTC)
    )
    # Forward from the earlier time lands on t when the clock was running just
    # before t; otherwise (t at an opening or outside working time) on the last
    # closing before t. Either way no working time is left between them.
    back = cal.subtract_working_hours(t, hours)
    again = cal.add_working_hours(back, hours)
    assert again.astimezone(UTC) <= t
    assert cal.working_seconds_between(again, t) == 0
    if cal.is_working(t - TICK):
        assert again.astimezone(UTC) == t
    else:
        assert cal.is_working(again.astimezone(UTC) - TICK) and not cal.is_working(again)
