"""The working-time clock: contract examples, holidays, closures and DST.

Holiday sets are written out here (checked against the ``holidays`` package in
test_bank_holidays.py) so these tests exercise only the pure core.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.worktime import WorkCalendar
from bot.model.settings import CouncilSettings, OfficeHours, Settings

LONDON = ZoneInfo("Europe/London")
MON_FRI = (0, 1, 2, 3, 4)
HOUR = 3600.0

# England and Wales, weekday bank holidays around the dates used below.
ENGLAND = frozenset(
    {
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 8, 31),  # Summer bank holiday
        date(2026, 12, 25),  # Christmas Day (Fri)
        date(2026, 12, 28),  # Boxing Day substitute (26th is a Saturday)
        date(2027, 1, 1),  # New Year's Day (Fri)
    }
)
SCOTLAND = frozenset(
    {
        date(2026, 11, 30),  # St Andrew's Day (Mon)
        date(2026, 12, 25),
        date(2026, 12, 28),
        date(2027, 1, 1),
        date(2027, 1, 2),  # 2nd January, a Saturday ...
        date(2027, 1, 4),  # ... so its substitute is Monday 4 January
    }
)
CLOSURES = frozenset({date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)})


def london(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, us: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, us, tzinfo=LONDON)


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def calendar(
    holidays: frozenset[date] = ENGLAND, closures: frozenset[date] = frozenset()
) -> WorkCalendar:
    return WorkCalendar("Europe/London", MON_FRI, time(8, 30), time(17, 30), holidays, closures)


@pytest.fixture
def cal() -> WorkCalendar:
    return calendar()


# --- the contract's examples ---------------------------------------------------


def test_friday_afternoon_plus_two_working_days_is_tuesday_same_time(cal: WorkCalendar) -> None:
    due = cal.add_working_days(london(2026, 11, 27, 16, 0), 2)  # Friday
    assert due == london(2026, 12, 1, 16, 0)  # Tuesday
    assert due.tzinfo is LONDON


def test_saturday_plus_two_working_days_ends_tuesday_closing(cal: WorkCalendar) -> None:
    # The clock starts Monday 08:30; two 9-hour days end at Tuesday's close.
    assert cal.add_working_days(london(2026, 11, 28, 10, 0), 2) == london(2026, 12, 1, 17, 30)


def test_saturday_plus_four_working_hours_is_monday_half_past_twelve(cal: WorkCalendar) -> None:
    assert cal.add_working_hours(london(2026, 11, 28, 10, 0), 4) == london(2026, 11, 30, 12, 30)


def test_landing_exactly_on_closing_time_returns_closing_time(cal: WorkCalendar) -> None:
    assert cal.add_working_hours(london(2026, 11, 30, 13, 30), 4) == london(2026, 11, 30, 17, 30)
    assert cal.add_working_days(london(2026, 11, 30, 8, 30), 1) == london(2026, 11, 30, 17, 30)


def test_add_working_days_takes_fractions(cal: WorkCalendar) -> None:
    # Half a 9-hour day is 4h30.
    assert cal.add_working_days(london(2026, 11, 30, 8, 30), 0.5) == london(2026, 11, 30, 13, 0)


# --- holidays and closures ----------------------------------------------------


def test_christmas_with_closure_days_lands_in_january() -> None:
    cal = calendar(ENGLAND, CLOSURES)
    # Thu 24 Dec 15:00 + 18 working hours:
    #   Thu 24 Dec 15:00-17:30           2.5 h  (2.5)
    #   Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute
    #   Tue 29 - Thu 31 closure days, Fri 1 Jan New Year's Day, Sat, Sun
    #   Mon 4 Jan 08:30-17:30            9.0 h  (11.5)
    #   Tue 5 Jan 08:30 + 6.5 h = 15:00          (18.0)
    start = london(2026, 12, 24, 15, 0)
    due = cal.add_working_days(start, 2)
    assert due == london(2027, 1, 5, 15, 0)
    assert cal.working_seconds_between(start, due) == 18 * HOUR
    assert cal.next_working_instant(london(2026, 12, 24, 17, 30)) == london(2027, 1, 4, 8, 30)


def test_christmas_without_closures_is_shorter() -> None:
    # Same start without closure days: 2.5 h on the 24th, 9 h on Tue 29,
    # then 6.5 h into Wed 30 Dec -> 15:00.
    due = calendar(ENGLAND).add_working_days(london(2026, 12, 24, 15, 0), 2)
    assert due == london(2026, 12, 30, 15, 0)


def test_scotland_st_andrews_day_is_skipped() -> None:
    # Fri 27 Nov 16:00: 1.5 h Friday, Mon 30 Nov is St Andrew's Day,
    # Tue 1 Dec 9 h (10.5), Wed 2 Dec 08:30 + 7.5 h = 16:00.
    scot = calendar(SCOTLAND)
    assert scot.add_working_days(london(2026, 11, 27, 16, 0), 2) == london(2026, 12, 2, 16, 0)
    # England works on 30 Nov.
    assert calendar(ENGLAND).add_working_days(london(2026, 11, 27, 16, 0), 2) == london(
        2026, 12, 1, 16, 0
    )


def test_scotland_second_of_january_substitute_monday() -> None:
    start = london(2026, 12, 31, 16, 0)  # Thursday, no closures here
    # Scotland: 1.5 h Thu, Fri 1 Jan holiday, weekend, Mon 4 Jan substitute
    # for 2 January, Tue 5 Jan 9 h (10.5), Wed 6 Jan 08:30 + 7.5 h = 16:00.
    assert calendar(SCOTLAND).add_working_days(start, 2) == london(2027, 1, 6, 16, 0)
    # England works Mon 4 Jan: 1.5 + 9 + 7.5 -> Tue 5 Jan 16:00.
    assert calendar(ENGLAND).add_working_days(start, 2) == london(2027, 1, 5, 16, 0)
    assert not calendar(SCOTLAND).is_working_day(date(2027, 1, 4))
    assert calendar(ENGLAND).is_working_day(date(2027, 1, 4))


def test_working_day_rules(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2026, 12, 24))  # Thursday
    assert not cal.is_working_day(date(2026, 12, 25))  # bank holiday
    assert not cal.is_working_day(date(2026, 12, 26))  # Saturday
    assert not calendar(ENGLAND, CLOSURES).is_working_day(date(2026, 12, 30))  # closure
    assert cal.is_working_day(date(2026, 12, 30))


def test_a_month_long_closure_is_crossed() -> None:
    closures = frozenset(date(2026, 7, 1) + timedelta(days=i) for i in range(45))
    cal = calendar(ENGLAND, closures)
    # Closed Wed 1 Jul - Fri 14 Aug; Mon 17 Aug is the next working day.
    assert cal.add_working_hours(london(2026, 6, 30, 17, 0), 1) == london(2026, 8, 17, 9, 0)
    assert cal.subtract_working_hours(london(2026, 8, 17, 9, 0), 1) == london(2026, 6, 30, 17, 0)


# --- is_working and next_working_instant -----------------------------------------


def test_is_working_boundaries(cal: WorkCalendar) -> None:
    assert cal.is_working(london(2026, 12, 1, 8, 30))  # start: inside
    assert not cal.is_working(london(2026, 12, 1, 8, 29, 59, 999999))
    assert cal.is_working(london(2026, 12, 1, 17, 29, 59, 999999))
    assert not cal.is_working(london(2026, 12, 1, 17, 30))  # end: outside
    assert not cal.is_working(london(2026, 12, 25, 12, 0))  # Christmas
    assert not cal.is_working(london(2026, 11, 28, 12, 0))  # Saturday


def test_next_working_instant(cal: WorkCalendar) -> None:
    inside = london(2026, 12, 1, 12, 0)
    assert cal.next_working_instant(inside) == inside
    assert cal.next_working_instant(london(2026, 12, 1, 6, 0)) == london(2026, 12, 1, 8, 30)
    assert cal.next_working_instant(london(2026, 12, 1, 17, 30)) == london(2026, 12, 2, 8, 30)
    assert cal.next_working_instant(london(2026, 11, 27, 20, 0)) == london(2026, 11, 30, 8, 30)


# --- working_seconds_between ---------------------------------------------------


def test_working_seconds_between(cal: WorkCalendar) -> None:
    fri, tue = london(2026, 11, 27, 16, 0), london(2026, 12, 1, 16, 0)
    assert cal.working_seconds_between(fri, tue) == 18 * HOUR
    assert cal.working_seconds_between(tue, fri) == 0
    assert cal.working_seconds_between(fri, fri) == 0
    # A weekend alone holds no working time.
    assert (
        cal.working_seconds_between(london(2026, 11, 27, 17, 30), london(2026, 11, 30, 8, 30)) == 0
    )
    # Over Easter 2026 (Fri 3 and Mon 6 April): Thu 2 Apr 17:00 -> Tue 7 Apr 09:00.
    easter = cal.working_seconds_between(london(2026, 4, 2, 17, 0), london(2026, 4, 7, 9, 0))
    assert easter == 1 * HOUR


# --- subtract_working_hours ------------------------------------------------------


def test_subtract_lands_inside_working_time_on_a_boundary(cal: WorkCalendar) -> None:
    # Both Tue 08:30 and Mon 17:30 are 4 working hours before Tue 12:30;
    # the latest, which is inside working time, wins.
    result = cal.subtract_working_hours(london(2026, 12, 1, 12, 30), 4)
    assert result == london(2026, 12, 1, 8, 30)
    assert cal.is_working(result)


def test_subtract_crosses_days_and_weekends(cal: WorkCalendar) -> None:
    assert cal.subtract_working_hours(london(2026, 12, 1, 12, 30), 5) == london(
        2026, 11, 30, 16, 30
    )
    # Monday 08:30 minus 1 h: back over the weekend to Friday 16:30.
    assert cal.subtract_working_hours(london(2026, 11, 30, 8, 30), 1) == london(
        2026, 11, 27, 16, 30
    )
    # From a Saturday, the clock stopped at Friday's close.
    assert cal.subtract_working_hours(london(2026, 11, 28, 10, 0), 1) == london(
        2026, 11, 27, 16, 30
    )
    # A whole day back from closing time is that day's opening.
    assert cal.subtract_working_hours(london(2026, 11, 27, 17, 30), 9) == london(
        2026, 11, 27, 8, 30
    )


def test_reminder_before_due_round_trip(cal: WorkCalendar) -> None:
    received = london(2026, 11, 27, 16, 0)
    due = cal.add_working_days(received, 2)
    remind = cal.subtract_working_hours(due, 4)
    assert remind == london(2026, 12, 1, 12, 0)
    assert cal.working_seconds_between(remind, due) == 4 * HOUR


# --- zero durations ----------------------------------------------------------------


def test_zero_durations_return_the_input_even_outside_working_time(cal: WorkCalendar) -> None:
    saturday = london(2026, 11, 28, 10, 0)
    assert cal.add_working_hours(saturday, 0) == saturday
    assert cal.add_working_days(saturday, 0) == saturday
    assert cal.subtract_working_hours(saturday, 0) == saturday
    as_utc = utc(2026, 11, 28, 10, 0)
    assert cal.add_working_hours(as_utc, 0) == as_utc
    assert cal.add_working_hours(as_utc, 0).tzinfo is LONDON


# --- DST: last Sundays of March (29 Mar 2026) and October (25 Oct 2026) -------------


def test_monday_after_spring_change_opens_at_0730_utc(cal: WorkCalendar) -> None:
    opening = utc(2026, 3, 30, 7, 30)  # 08:30 BST
    assert cal.is_working(opening)
    assert not cal.is_working(opening - timedelta(microseconds=1))
    assert cal.next_working_instant(utc(2026, 3, 29, 12, 0)) == opening
    assert cal.next_working_instant(utc(2026, 3, 29, 12, 0)).utcoffset() == timedelta(hours=1)


def test_spring_change_weekend_in_utc(cal: WorkCalendar) -> None:
    # Fri 27 Mar 16:00 GMT (= UTC): 1.5 h Friday, then Monday from 08:30 BST
    # (07:30 UTC) + 2.5 h = 11:00 BST = 10:00 UTC.
    due = cal.add_working_hours(utc(2026, 3, 27, 16, 0), 4)
    assert due == utc(2026, 3, 30, 10, 0)
    assert (due.hour, due.minute) == (11, 0)
    # Friday's close (17:30 UTC) to Monday 08:30 UTC (09:30 BST): one hour, not
    # zero as a fixed GMT offset would give.
    assert cal.working_seconds_between(utc(2026, 3, 27, 17, 30), utc(2026, 3, 30, 8, 30)) == HOUR


def test_friday_before_autumn_change_plus_four_hours(cal: WorkCalendar) -> None:
    # Fri 23 Oct 16:00 BST = 15:00 UTC: 1.5 h Friday, then Monday 26 Oct from
    # 08:30 GMT + 2.5 h = 11:00 GMT = 11:00 UTC.
    start = utc(2026, 10, 23, 15, 0)
    due = cal.add_working_hours(start, 4)
    assert due == utc(2026, 10, 26, 11, 0)
    assert due.utcoffset() == timedelta(0)
    assert cal.subtract_working_hours(due, 4) == start
    assert cal.working_seconds_between(start, due) == 4 * HOUR


def test_inputs_in_any_timezone_are_converted(cal: WorkCalendar) -> None:
    new_york = ZoneInfo("America/New_York")
    # 11:00 in New York on Fri 27 Nov 2026 (EST, UTC-5) is 16:00 in London.
    start = datetime(2026, 11, 27, 11, 0, tzinfo=new_york)
    assert cal.add_working_days(start, 2) == london(2026, 12, 1, 16, 0)
    assert cal.is_working(start)


def test_dst_change_inside_office_hours_on_a_sunday() -> None:
    # A Sunday-only calendar, open 00:30-03:00 wall clock.
    cal = WorkCalendar(LONDON, (6,), time(0, 30), time(3, 0))
    # Spring: 01:00-02:00 does not exist, so 29 Mar holds 1.5 h, not 2.5 h.
    assert cal.working_seconds_between(utc(2026, 3, 28, 0, 0), utc(2026, 3, 30, 0, 0)) == 1.5 * HOUR
    # Autumn: 01:00-02:00 happens twice, so 25 Oct holds 3.5 h.
    assert (
        cal.working_seconds_between(utc(2026, 10, 24, 0, 0), utc(2026, 10, 26, 0, 0)) == 3.5 * HOUR
    )


def test_autumn_change_can_split_office_hours() -> None:
    # Open 01:30-03:00 on 25 Oct 2026: 01:30-02:00 BST (00:30-01:00 UTC), then
    # the clocks go back to 01:00 GMT, which is before opening, until 01:30 GMT
    # (01:30 UTC); open again until 03:00 GMT.
    # Results in the repeated hour carry fold=1, and PEP 495 makes such times
    # unequal to every other zone's, so compare in UTC.
    cal = WorkCalendar(LONDON, (6,), time(1, 30), time(3, 0))
    assert cal.is_working(utc(2026, 10, 25, 0, 45))
    assert not cal.is_working(utc(2026, 10, 25, 1, 15))
    opening = cal.next_working_instant(utc(2026, 10, 25, 1, 15))
    assert opening.astimezone(UTC) == utc(2026, 10, 25, 1, 30)
    assert (opening.hour, opening.minute, opening.fold) == (1, 30, 1)
    assert cal.add_working_hours(utc(2026, 10, 25, 0, 30), 1).astimezone(UTC) == utc(
        2026, 10, 25, 2, 0
    )
    assert cal.subtract_working_hours(utc(2026, 10, 25, 2, 0), 1).astimezone(UTC) == utc(
        2026, 10, 25, 0, 30
    )


# --- construction --------------------------------------------------------------------


def test_day_length_hours() -> None:
    assert calendar().day_length_hours == 9.0
    assert WorkCalendar(LONDON, MON_FRI, time(9), time(16, 30)).day_length_hours == 7.5


def test_from_settings_uses_office_hours_timezone_and_closures() -> None:
    settings = Settings(
        council=CouncilSettings(
            name="Exampleton", timezone="Europe/London", closure_days=(date(2026, 12, 29),)
        ),
        office_hours=OfficeHours(days=(0, 1, 2, 3), start=time(9, 0), end=time(17, 0)),
    )
    cal = WorkCalendar.from_settings(settings, frozenset({date(2026, 12, 28)}))
    assert cal.tz == LONDON
    assert cal.day_length_hours == 8.0
    assert not cal.is_working_day(date(2026, 12, 28))  # holiday passed in
    assert not cal.is_working_day(date(2026, 12, 29))  # closure from settings
    assert cal.is_working_day(date(2026, 12, 30))  # Wednesday
    assert not cal.is_working_day(date(2027, 1, 1))  # Friday: not an office day here
    assert cal.is_working(london(2026, 12, 30, 9, 0))
    assert not cal.is_working(london(2026, 12, 30, 8, 59))


@pytest.mark.parametrize(
    ("days", "start", "end", "tz"),
    [
        ((), time(8, 30), time(17, 30), "Europe/London"),
        ((0, 7), time(8, 30), time(17, 30), "Europe/London"),
        (MON_FRI, time(17, 30), time(8, 30), "Europe/London"),
        (MON_FRI, time(9), time(9), "Europe/London"),
        (MON_FRI, time(8, 30), time(17, 30), "Europe/Nowhere"),
    ],
)
def test_bad_calendars_are_refused(days: tuple[int, ...], start: time, end: time, tz: str) -> None:
    with pytest.raises(ValueError):
        WorkCalendar(tz, days, start, end)


def test_naive_datetimes_and_negative_durations_are_refused(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="naive"):
        cal.is_working(datetime(2026, 12, 1, 12, 0))
    with pytest.raises(ValueError, match="naive"):
        cal.add_working_hours(datetime(2026, 12, 1, 12, 0), 1)
    with pytest.raises(ValueError):
        cal.add_working_hours(london(2026, 12, 1, 12, 0), -1)
    with pytest.raises(ValueError):
        cal.subtract_working_hours(london(2026, 12, 1, 12, 0), float("nan"))
