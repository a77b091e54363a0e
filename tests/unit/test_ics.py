"""iCalendar files to CalendarEvents: recurrence, overrides, cancellations, time
zones, attendees, replay's versions and the folder calendar source."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.sources.ics import (
    FolderCalendarSource,
    events_from_ics,
    read_calendar_export,
)
from bot.errors import MalformedInput
from bot.ports import CalendarSource

LONDON = ZoneInfo("Europe/London")
OWNER = "jane@council.test"
H0 = datetime(2027, 1, 1, tzinfo=LONDON)
H1 = datetime(2027, 12, 31, tzinfo=LONDON)


def ics(*events: str, extra: str = "", method: str = "") -> bytes:
    head = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
    if method:
        head += f"METHOD:{method}\n"
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    return (head + extra + body + "END:VCALENDAR\n").replace("\n", "\r\n").encode()


def parse(data: bytes, start: datetime = H0, end: datetime = H1):
    return events_from_ics(data, OWNER, start, end)


BASIC = """
UID:basic-1
DTSTAMP:20270110T120000Z
CREATED:20270105T090000Z
DTSTART;TZID=Europe/London:20270301T190000
DTEND;TZID=Europe/London:20270301T203000
SUMMARY:Public meeting: Mill Lane
DESCRIPTION:Residents are invited.
LOCATION:Mill Lane Community Centre
CATEGORIES:Public meeting,Highways
ORGANIZER;CN=Jane:MAILTO:Jane@Council.Test
ATTENDEE;CN=A;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:alice@council.test
ATTENDEE;CN=B;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED:mailto:bob@council.test
ATTENDEE;CN=C;ROLE=CHAIR:mailto:carol@council.test
ATTENDEE;CN=Room;CUTYPE=ROOM:mailto:room@council.test
"""


def test_a_single_event_and_its_fields():
    (ev,) = parse(ics(BASIC))
    assert ev.mailbox == OWNER and ev.uid == "basic-1" and ev.recurrence_id is None
    assert ev.start == datetime(2027, 3, 1, 19, 0, tzinfo=LONDON)
    assert ev.end - ev.start == timedelta(minutes=90)
    assert ev.created == datetime(2027, 1, 5, 9, 0, tzinfo=UTC)  # CREATED, not DTSTAMP
    assert ev.summary == "Public meeting: Mill Lane" and ev.location == "Mill Lane Community Centre"
    assert ev.description == "Residents are invited."
    assert ev.categories == ("Public meeting", "Highways")
    assert ev.organizer == "jane@council.test"
    assert ev.required == ("alice@council.test", "carol@council.test")  # rooms are not invitees
    assert ev.optional == ("bob@council.test",)
    assert ev.declined == ("bob@council.test",)
    assert ev.attendees == ("alice@council.test", "carol@council.test")
    assert not ev.cancelled


def test_created_falls_back_to_dtstamp():
    (ev,) = parse(ics(BASIC.replace("CREATED:20270105T090000Z\n", "")))
    assert ev.created == datetime(2027, 1, 10, 12, 0, tzinfo=UTC)


SERIES = """
UID:series-1
DTSTAMP:20270201T100000Z
DTSTART;TZID=Europe/London:20270318T190000
DTEND;TZID=Europe/London:20270318T200000
RRULE:FREQ=WEEKLY;UNTIL=20270408T180000Z
EXDATE;TZID=Europe/London:20270325T190000
SUMMARY:Residents' forum
"""


def test_weekly_series_expanded_in_local_time_across_the_clock_change():
    events = parse(ics(SERIES))
    # 18, 25 (excluded), 1 and 8 April; clocks go forward on 28 March: still 7pm local.
    assert [e.start for e in events] == [
        datetime(2027, 3, 18, 19, tzinfo=LONDON),
        datetime(2027, 4, 1, 19, tzinfo=LONDON),
        datetime(2027, 4, 8, 19, tzinfo=LONDON),
    ]
    assert [e.start.utcoffset() for e in events] == [
        timedelta(0),
        timedelta(hours=1),
        timedelta(hours=1),
    ]
    assert [e.recurrence_id for e in events] == [
        "20270318T190000Z",
        "20270401T180000Z",
        "20270408T180000Z",
    ]
    assert len({e.key for e in events}) == 3
    assert all(e.end - e.start == timedelta(hours=1) for e in events)


def test_expansion_stays_within_the_horizon():
    endless = SERIES.replace(";UNTIL=20270408T180000Z", "")
    events = parse(
        ics(endless), datetime(2027, 5, 1, tzinfo=LONDON), datetime(2027, 6, 1, tzinfo=LONDON)
    )
    assert [e.start.day for e in events] == [6, 13, 20, 27]


def test_override_replaces_its_occurrence_and_a_cancelled_one_is_marked():
    moved = """
UID:series-1
RECURRENCE-ID;TZID=Europe/London:20270401T190000
DTSTAMP:20270301T100000Z
DTSTART;TZID=Europe/London:20270402T180000
DTEND;TZID=Europe/London:20270402T190000
SUMMARY:Residents' forum (moved)
"""
    cancelled = """
UID:series-1
RECURRENCE-ID:20270408T180000Z
DTSTAMP:20270301T100000Z
DTSTART;TZID=Europe/London:20270408T190000
STATUS:CANCELLED
SUMMARY:Residents' forum
"""
    events = parse(ics(SERIES, moved, cancelled))
    by_rid = {e.recurrence_id: e for e in events}
    assert len(events) == 3
    assert by_rid["20270401T180000Z"].start == datetime(2027, 4, 2, 18, tzinfo=LONDON)
    assert by_rid["20270401T180000Z"].summary == "Residents' forum (moved)"
    assert by_rid["20270408T180000Z"].cancelled
    assert not by_rid["20270318T190000Z"].cancelled


def test_override_moved_into_the_horizon_is_kept():
    moved = """
UID:series-1
RECURRENCE-ID;TZID=Europe/London:20270401T190000
DTSTAMP:20270301T100000Z
DTSTART;TZID=Europe/London:20270315T180000
DTEND;TZID=Europe/London:20270315T190000
SUMMARY:Brought forward
"""
    events = parse(ics(SERIES, moved), H0, datetime(2027, 3, 17, tzinfo=LONDON))
    assert [(e.summary, e.recurrence_id) for e in events] == [
        ("Brought forward", "20270401T180000Z")
    ]


def test_whole_entry_cancelled_by_status_or_method():
    (ev,) = parse(ics(BASIC + "STATUS:CANCELLED"))
    assert ev.cancelled
    (ev,) = parse(ics(BASIC, method="CANCEL"))
    assert ev.cancelled
    assert parse(ics(BASIC, method="REPLY")) == []  # an attendee's answer is not an entry


WINDOWS_ZONE = """BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T010000
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


@pytest.mark.parametrize(
    ("dtstart", "extra", "expected"),
    [
        ("DTSTART:20270610T170000Z", "", datetime(2027, 6, 10, 18, tzinfo=LONDON)),
        ("DTSTART;TZID=Europe/Paris:20270610T190000", "", datetime(2027, 6, 10, 18, tzinfo=LONDON)),
        (
            "DTSTART;TZID=America/New_York:20270610T130000",
            "",
            datetime(2027, 6, 10, 18, tzinfo=LONDON),
        ),
        (
            "DTSTART;TZID=GMT Standard Time:20270610T180000",
            WINDOWS_ZONE,
            datetime(2027, 6, 10, 18, tzinfo=LONDON),
        ),
        (
            "DTSTART;TZID=W. Europe Standard Time:20270610T190000",
            "",
            datetime(2027, 6, 10, 18, tzinfo=LONDON),
        ),
        ("DTSTART:20270610T180000", "", datetime(2027, 6, 10, 18, tzinfo=LONDON)),  # floating
        (
            "DTSTART;TZID=Nowhere/Special:20270610T180000",
            "",
            datetime(2027, 6, 10, 18, tzinfo=LONDON),
        ),
    ],
)
def test_time_zones(dtstart, extra, expected):
    entry = f"UID:tz\nDTSTAMP:20270101T000000Z\n{dtstart}\nSUMMARY:x"
    (ev,) = parse(ics(entry, extra=extra))
    assert ev.start == expected
    assert ev.start.tzinfo == LONDON  # always in the council's zone


def test_all_day_event_runs_midnight_to_midnight():
    (ev,) = parse(ics("UID:day\nDTSTAMP:20270101T000000Z\nDTSTART;VALUE=DATE:20270610\nSUMMARY:x"))
    assert ev.start == datetime(2027, 6, 10, tzinfo=LONDON)
    assert ev.end == datetime(2027, 6, 11, tzinfo=LONDON)


def test_all_day_series_with_date_exdate():
    entry = (
        "UID:days\nDTSTAMP:20270101T000000Z\nDTSTART;VALUE=DATE:20270610\n"
        "RRULE:FREQ=DAILY;COUNT=4\nEXDATE;VALUE=DATE:20270611\nSUMMARY:x"
    )
    assert [e.start.day for e in parse(ics(entry))] == [10, 12, 13]
    assert [e.recurrence_id for e in parse(ics(entry))][0] == "20270610"


def test_unreadable_data_and_broken_entries():
    with pytest.raises(MalformedInput):
        events_from_ics(b"this is not a calendar", OWNER, H0, H1)
    broken = "UID:no-start\nDTSTAMP:20270101T000000Z\nSUMMARY:x"
    assert [e.uid for e in parse(ics(broken, BASIC))] == ["basic-1"]


# ---- replay's export: versions ------------------------------------------------------


def write(root, owner, name, data: bytes):
    folder = root / owner
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def test_export_gives_each_version_at_the_time_it_appeared(tmp_path):
    v1 = BASIC.replace("DTSTAMP:20270110T120000Z", "DTSTAMP:20270105T090000Z")
    v2 = BASIC + "SEQUENCE:1\nLAST-MODIFIED:20270120T150000Z\nATTENDEE:mailto:dan@council.test"
    write(tmp_path, OWNER, "a.ics", ics(v1))
    write(tmp_path, OWNER, "b.ics", ics(v2))
    write(tmp_path, "Tom@Council.Test", "c.ics", ics(BASIC))  # another calendar's copy
    write(tmp_path, OWNER, "notes.txt", b"ignored")
    write(tmp_path, OWNER, "bad.ics", b"garbage")
    events, malformed = read_calendar_export(tmp_path, (H0, H1))
    got = [(e.mailbox, e.created, "dan@council.test" in e.required) for e in events]
    assert got == [
        ("jane@council.test", datetime(2027, 1, 5, 9, tzinfo=UTC), False),
        ("tom@council.test", datetime(2027, 1, 5, 9, tzinfo=UTC), False),
        ("jane@council.test", datetime(2027, 1, 20, 15, tzinfo=UTC), True),
    ]
    assert [m.where for m in malformed] == [f"{OWNER}/bad.ics"]


def test_export_cancelled_entry_existed_until_it_was_cancelled(tmp_path):
    entry = BASIC + "STATUS:CANCELLED\nLAST-MODIFIED:20270201T100000Z"
    write(tmp_path, OWNER, "a.ics", ics(entry))
    events, _ = read_calendar_export(tmp_path, (H0, H1))
    assert [(e.created, e.cancelled) for e in events] == [
        (datetime(2027, 1, 5, 9, tzinfo=UTC), False),
        (datetime(2027, 2, 1, 10, tzinfo=UTC), True),
    ]


def test_export_override_made_later_follows_the_series_occurrence(tmp_path):
    moved = """
UID:series-1
RECURRENCE-ID;TZID=Europe/London:20270401T190000
DTSTAMP:20270310T100000Z
DTSTART;TZID=Europe/London:20270402T180000
DTEND;TZID=Europe/London:20270402T190000
SUMMARY:Residents' forum (moved)
"""
    write(tmp_path, OWNER, "series.ics", ics(SERIES, moved))
    events, _ = read_calendar_export(tmp_path, (H0, H1))
    april_1 = [e for e in events if e.recurrence_id == "20270401T180000Z"]
    assert [(e.created, e.start.day) for e in april_1] == [
        (datetime(2027, 2, 1, 10, tzinfo=UTC), 1),
        (datetime(2027, 3, 10, 10, tzinfo=UTC), 2),
    ]
    assert [e.created for e in events] == sorted(e.created for e in events)


# ---- the folder calendar source -------------------------------------------------------


def test_folder_calendar_source_polls_changes_and_deletions(tmp_path):
    now = datetime(2027, 2, 1, 9, tzinfo=LONDON)
    source = FolderCalendarSource(tmp_path, "JANE@council.test", clock=lambda: now)
    assert isinstance(source, CalendarSource) and source.address == OWNER
    write(tmp_path, OWNER, "a.ics", ics(BASIC))
    first = source.poll(None)
    assert [e.uid for e in first.events] == ["basic-1"] and not first.malformed
    assert json.loads(first.checkpoint or "")["v"] == 1
    again = source.poll(first.checkpoint)
    assert again.events == [] and again.checkpoint == first.checkpoint
    write(tmp_path, OWNER, "b.ics", ics(BASIC.replace("basic-1", "basic-2")))
    os.utime(tmp_path / OWNER / "b.ics", ns=(1, 2))  # a copy keeping an old time still counts
    changed = source.poll(again.checkpoint)
    assert sorted(e.uid for e in changed.events) == ["basic-1", "basic-2"]
    (tmp_path / OWNER / "a.ics").unlink()
    gone = source.poll(changed.checkpoint)
    assert [(e.uid, e.cancelled) for e in gone.events] == [("basic-2", False), ("basic-1", True)]
    source.close()
