"""The working-time clock: it runs only inside office hours on working days.

Office hours are local wall-clock times in the council's timezone; a working day
is a weekday in ``days`` that is neither a bank holiday nor a closure day.

Internally every instant is an integer count of microseconds since the Unix
epoch, so arithmetic is exact and never touches the "naive" same-zone datetime
subtraction that ignores DST. Each date's working time is cached as a tuple of
half-open ``[start, end)`` intervals on that timeline; the clock jumps a day at a
time. A date normally has one interval; only a DST change inside office hours can
shorten, lengthen or (on a fall-back day) split it. Walking by date assumes the
local date never steps back across midnight, true of every zone with a DST
change away from midnight (the UK changes at 01:00 UTC).

Results are in the council's zone. Shift them in UTC, not with ``+ timedelta``
on the zoned value, which is wall-clock arithmetic and wrong across a DST change.

Pure: stdlib and zoneinfo only; no I/O and no wall clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from bot.model.settings import Settings

__all__ = ["WorkCalendar"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_US_PER_HOUR = 3_600_000_000
_ONE_DAY = timedelta(days=1)
# A DST transition search needs a step shorter than the gap between two
# transitions (tzdata never has two within hours) and a margin wider than any
# UTC offset (real zones stay within -12h..+14h).
_SAMPLE_STEP_US = 3 * _US_PER_HOUR
_MARGIN_US = 15 * _US_PER_HOUR

Interval = tuple[int, int]


def _require_aware(t: datetime) -> None:
    if t.tzinfo is None or t.utcoffset() is None:
        raise ValueError(f"naive datetime {t.isoformat()}: working time needs an aware datetime")


def _to_us(t: datetime) -> int:
    _require_aware(t)
    return (t - _EPOCH) // _US


class WorkCalendar:
    """Office hours, working days and the arithmetic of the working-time clock."""

    def __init__(
        self,
        tz: str | ZoneInfo,
        days: tuple[int, ...],
        start: time,
        end: time,
        holidays: frozenset[date] = frozenset(),
        closures: frozenset[date] = frozenset(),
    ) -> None:
        if isinstance(tz, str):
            try:
                tz = ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"unknown timezone {tz!r}") from exc
        days_set = frozenset(days)
        if not days_set:
            raise ValueError("no working days configured: the clock would never run")
        if not days_set <= frozenset(range(7)):
            raise ValueError(f"working days must be 0 (Monday) to 6 (Sunday), got {sorted(days)}")
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError("office hours are local wall-clock times: give naive times")
        if not start < end:
            raise ValueError(f"office hours must start before they end ({start} - {end})")
        self.tz: ZoneInfo = tz
        self.days: tuple[int, ...] = tuple(sorted(days_set))
        self.start = start
        self.end = end
        self.holidays = frozenset(holidays)
        self.closures = frozenset(closures)
        self._days_set = days_set
        self._off = self.holidays | self.closures
        self._intervals: dict[date, tuple[Interval, ...]] = {}
        # Longest run of dates with no working time: every non-working date could
        # be consecutive, plus a week of weekdays, plus slack for DST-emptied days.
        self._max_idle_days = len(self._off) + 16

    @classmethod
    def from_settings(cls, settings: Settings, holidays: frozenset[date]) -> WorkCalendar:
        hours = settings.office_hours
        return cls(
            settings.council.timezone,
            hours.days,
            hours.start,
            hours.end,
            holidays=holidays,
            closures=frozenset(settings.council.closure_days),
        )

    @property
    def day_length_hours(self) -> float:
        """Nominal length of a working day (wall clock, ignoring DST)."""
        span = datetime.combine(date.min, self.end) - datetime.combine(date.min, self.start)
        return span / timedelta(hours=1)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() in self._days_set and d not in self._off

    def is_working(self, t: datetime) -> bool:
        local = self._local(t)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end

    def next_working_instant(self, t: datetime) -> datetime:
        u = _to_us(t)
        local = self._local(t)
        s, _ = next(self._intervals_from(local.date(), u))
        return local if s <= u else self._from_us(s)

    def working_seconds_between(self, a: datetime, b: datetime) -> float:
        ua, ub = _to_us(a), _to_us(b)
        if ub <= ua:
            return 0.0
        total = 0
        for s, e in self._intervals_from(self._local(a).date(), ua):
            if s >= ub:
                break
            total += min(e, ub) - max(s, ua)
        return total / 1_000_000

    def add_working_hours(self, t: datetime, hours: float) -> datetime:
        """Earliest instant u >= t with ``hours`` of working time in [t, u).

        Landing exactly on a closing time returns the closing time, not the next
        morning, so a due time is never pushed past the day it falls in.
        """
        need = self._duration_us(hours)
        if need == 0:
            return self._local(t)
        u = _to_us(t)
        for s, e in self._intervals_from(self._local(t).date(), u):
            s = max(s, u)
            if e - s >= need:
                return self._from_us(s + need)
            need -= e - s
        raise AssertionError("unreachable: _intervals_from is endless")  # pragma: no cover

    def add_working_days(self, t: datetime, days: float) -> datetime:
        return self.add_working_hours(t, days * self.day_length_hours)

    def subtract_working_hours(self, t: datetime, hours: float) -> datetime:
        """Latest instant s <= t with ``hours`` of working time in [s, t).

        Between a closing time and the next opening the working time to t is
        constant; the latest such instant is the opening, so the result is
        always inside working time.
        """
        need = self._duration_us(hours)
        if need == 0:
            return self._local(t)
        u = _to_us(t)
        for s, e in self._intervals_back(self._local(t).date(), u):
            e = min(e, u)
            if e - s >= need:
                return self._from_us(e - need)
            need -= e - s
        raise AssertionError("unreachable: _intervals_back is endless")  # pragma: no cover

    # --- internals -------------------------------------------------------------

    def _local(self, t: datetime) -> datetime:
        _require_aware(t)
        return t.astimezone(self.tz)

    def _from_us(self, u: int) -> datetime:
        return (_EPOCH + timedelta(microseconds=u)).astimezone(self.tz)

    @staticmethod
    def _duration_us(hours: float) -> int:
        if not math.isfinite(hours) or hours < 0:
            raise ValueError(f"working hours must be a finite number >= 0, got {hours!r}")
        # Round to the datetime resolution so 31/60 h is exactly 31 minutes.
        return round(hours * _US_PER_HOUR)

    def _intervals_from(self, d: date, u: int) -> Iterator[Interval]:
        """Working intervals ending after ``u``, in time order, from date ``d`` on."""
        idle = 0
        while True:
            found = False
            for iv in self._day(d):
                found = True
                if iv[1] > u:
                    yield iv
            idle = 0 if found else idle + 1
            if idle > self._max_idle_days:
                raise ValueError(f"no working time for {idle} days after {d}: check the calendar")
            d += _ONE_DAY

    def _intervals_back(self, d: date, u: int) -> Iterator[Interval]:
        """Working intervals starting before ``u``, latest first, from date ``d`` back."""
        idle = 0
        while True:
            found = False
            for iv in reversed(self._day(d)):
                found = True
                if iv[0] < u:
                    yield iv
            idle = 0 if found else idle + 1
            if idle > self._max_idle_days:
                raise ValueError(f"no working time for {idle} days before {d}: check the calendar")
            d -= _ONE_DAY

    def _day(self, d: date) -> tuple[Interval, ...]:
        cached = self._intervals.get(d)
        if cached is None:
            cached = self._compute_day(d) if self.is_working_day(d) else ()
            self._intervals[d] = cached
        return cached

    def _compute_day(self, d: date) -> tuple[Interval, ...]:
        # Wall times as if they were UTC; an instant u shows local wall time
        # u + offset(u), so under a constant offset o the working instants are
        # [wall_start - o, wall_end - o). Split the day at offset changes.
        wall_start = _to_us(datetime.combine(d, self.start, UTC))
        wall_end = _to_us(datetime.combine(d, self.end, UTC))
        lo, hi = wall_start - _MARGIN_US, wall_end + _MARGIN_US
        out: list[Interval] = []
        for seg_lo, seg_hi, off in self._segments(lo, hi):
            s, e = max(seg_lo, wall_start - off), min(seg_hi, wall_end - off)
            if s < e:
                if out and out[-1][1] == s:
                    s = out.pop()[0]
                out.append((s, e))
        return tuple(out)

    def _offset_us(self, u: int) -> int:
        off = self._from_us(u).utcoffset()
        assert off is not None
        return off // _US

    def _segments(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """[lo, hi) split into runs of constant UTC offset: (start, end, offset)."""
        segs: list[tuple[int, int, int]] = []
        seg_start, off = lo, self._offset_us(lo)
        prev = lo
        while prev < hi:
            nxt = min(prev + _SAMPLE_STEP_US, hi)
            nxt_off = self._offset_us(nxt)
            if nxt_off != off:
                # Binary search for the first microsecond with the new offset.
                a, b = prev, nxt
                while b - a > 1:
                    m = (a + b) // 2
                    if self._offset_us(m) == off:
                        a = m
                    else:
                        b = m
                segs.append((seg_start, b, off))
                seg_start, off = b, nxt_off
            prev = nxt
        segs.append((seg_start, hi, off))
        return segs
