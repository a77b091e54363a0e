"""The CalDAV source against a real Radicale: sync tokens, the full-scan fallback,
VEVENT -> CalendarEvent, and errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from caldav.lib import error as dav_error
from servers import fixtures
from servers.net import HOST, free_port
from servers.radicale_server import Radicale

from bot.adapters.sources.caldav import CalDAVCalendarSource, from_settings
from bot.errors import AuthError, MisconfiguredError, TransientError
from bot.model.settings import CouncilSettings, MailboxSettings, Settings
from bot.secrets import SecretRef

pytestmark = pytest.mark.servers
# the shared server fixtures, used by name below
radicale = fixtures.radicale
radicale_open = fixtures.radicale_open

LONDON = ZoneInfo("Europe/London")
OWNER = "jane.smith@council.example"
_names = iter(range(1, 1_000_000))


def vevent(uid: str, *, summary: str = "Mill Lane public meeting", extra: str = "",
           start: str = "DTSTART;TZID=Europe/London:20261210T190000",
           end: str = "DTEND;TZID=Europe/London:20261210T203000",
           created: str = "CREATED:20261102T093000Z") -> str:  # fmt: skip
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//protocol-bot tests//EN",
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261103T120000Z", created, start, end,
        f"SUMMARY:{summary}", "LOCATION:Mill Lane Community Centre",
        "DESCRIPTION:A public meeting about the Mill Lane scheme.",
        "ORGANIZER;CN=Jane Smith:mailto:Jane.Smith@council.example",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:tom@council.example",
        "ATTENDEE;ROLE=OPT-PARTICIPANT:mailto:Cllr.Alice@council.example",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED:mailto:cllr.bob@council.example",
        "ATTENDEE;ROLE=NON-PARTICIPANT:mailto:room.bookings@council.example",
        "CATEGORIES:Public meeting,Ward",
        *([extra] if extra else []),
        "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def secret(tmp_path: Path, value: str) -> SecretRef:
    path = tmp_path / f"cal-{next(_names)}.pw"
    path.write_text(value + "\n")
    return SecretRef("password", file=str(path))


@pytest.fixture
def calendar(radicale: Radicale, tmp_path: Path) -> Iterator[tuple[str, CalDAVCalendarSource]]:
    name = f"cal{next(_names)}"
    url = radicale.make_calendar("officer", name)
    source = CalDAVCalendarSource(
        OWNER, url, username="officer", password=secret(tmp_path, "calpass"), timeout=5
    )
    yield name, source
    source.close()


def uids(batch) -> list[str]:
    return sorted(e.uid for e in batch.events)


def test_first_poll_reads_every_event_then_only_changes(radicale: Radicale, calendar) -> None:
    name, source = calendar
    radicale.put_event("officer", name, "m1", vevent("m1"))
    radicale.put_event("officer", name, "m2", vevent("m2", summary="Ward surgery"))
    first = source.poll(None)
    assert uids(first) == ["m1", "m2"] and first.malformed == []
    assert json.loads(first.checkpoint or "{}")["mode"] == "sync"
    assert source.poll(first.checkpoint).events == []
    radicale.put_event("officer", name, "m3", vevent("m3"))
    radicale.put_event(
        "officer", name, "m1", vevent("m1", summary="Moved", extra="STATUS:CANCELLED")
    )
    radicale.delete_event("officer", name, "m2")
    second = source.poll(first.checkpoint)
    assert uids(second) == ["m1", "m3"]
    moved = next(e for e in second.events if e.uid == "m1")
    assert moved.cancelled and moved.summary == "Moved"
    assert source.poll(second.checkpoint).events == []


def test_event_fields(radicale: Radicale, calendar) -> None:
    name, source = calendar
    radicale.put_event("officer", name, "m1", vevent("m1"))
    (event,) = source.poll(None).events
    assert event.mailbox == OWNER
    assert event.start == datetime(2026, 12, 10, 19, 0, tzinfo=LONDON)
    assert event.end == datetime(2026, 12, 10, 20, 30, tzinfo=LONDON)
    assert event.created == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    assert event.summary == "Mill Lane public meeting"
    assert event.location == "Mill Lane Community Centre"
    assert event.description.startswith("A public meeting")
    assert event.organizer == "jane.smith@council.example"
    assert event.required == ("tom@council.example", "cllr.bob@council.example")
    assert event.optional[0] == "cllr.alice@council.example"
    assert event.declined == ("cllr.bob@council.example",)
    assert event.attendees[:2] == ("tom@council.example", "cllr.alice@council.example")
    assert event.categories == ("Public meeting", "Ward")
    assert not event.cancelled and event.recurrence_id is None
    assert event.source_ref == "m1.ics"


def test_rejected_token_reads_everything_again(radicale: Radicale, calendar) -> None:
    name, source = calendar
    radicale.put_event("officer", name, "m1", vevent("m1"))
    first = source.poll(None)
    stale = (first.checkpoint or "").replace("/sync/", "/sync/0000")
    again = source.poll(stale)
    assert uids(again) == ["m1"]
    assert source.poll(again.checkpoint).events == []


def test_full_scan_when_the_server_cannot_sync(
    radicale: Radicale, calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, source = calendar
    radicale.put_event("officer", name, "m1", vevent("m1"))
    cal = source._open()

    def no_sync(*args, **kwargs):
        raise dav_error.ReportError("sync-collection not supported")

    monkeypatch.setattr(cal, "get_objects_by_sync_token", no_sync)
    first = source.poll(None)
    assert uids(first) == ["m1"] and json.loads(first.checkpoint or "{}")["mode"] == "scan"
    assert source.poll(first.checkpoint).events == []
    radicale.put_event("officer", name, "m2", vevent("m2"))
    radicale.put_event("officer", name, "m1", vevent("m1", summary="Changed"))
    second = source.poll(first.checkpoint)
    assert uids(second) == ["m1", "m2"]
    assert source.poll(second.checkpoint).events == []


def test_scan_only_source(radicale: Radicale, calendar) -> None:
    name, source = calendar
    source.use_sync = False
    radicale.put_event("officer", name, "m1", vevent("m1"))
    first = source.poll(None)
    assert uids(first) == ["m1"]
    assert source.poll(first.checkpoint).events == []


def test_open_server_without_sign_in(radicale_open: Radicale) -> None:
    url = radicale_open.make_calendar("anyone", "public")
    radicale_open.put_event("anyone", "public", "m1", vevent("m1"))
    source = CalDAVCalendarSource(OWNER, url, timeout=5)
    assert uids(source.poll(None)) == ["m1"]
    source.close()


def test_wrong_password_is_an_auth_error(radicale: Radicale, tmp_path: Path) -> None:
    url = radicale.make_calendar("officer", f"cal{next(_names)}")
    source = CalDAVCalendarSource(
        OWNER, url, username="officer", password=secret(tmp_path, "nope"), timeout=5
    )
    with pytest.raises(AuthError):
        source.poll(None)
    source.close()


def test_missing_calendar_is_misconfigured(radicale: Radicale, tmp_path: Path) -> None:
    url = radicale.calendar_url("officer", "does-not-exist")
    source = CalDAVCalendarSource(
        OWNER, url, username="officer", password=secret(tmp_path, "calpass"), timeout=5
    )
    with pytest.raises(MisconfiguredError):
        source.poll(None)
    source.close()


def test_server_down_is_transient() -> None:
    source = CalDAVCalendarSource(OWNER, f"http://{HOST}:{free_port()}/x/cal/", timeout=2)
    with pytest.raises(TransientError):
        source.poll(None)
    source.close()


# -- the factory ----------------------------------------------------------------


def settings() -> Settings:
    return Settings(council=CouncilSettings(name="Test"))


def test_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PB_CAL_PW", "cal-secret-value")
    options = {"address": "Jane@Council.example", "type": "caldav", "username": "jane",
               "url": "https://dav.council.example/jane/calendar/", "password_env": "PB_CAL_PW"}  # fmt: skip
    source = from_settings(options, settings())
    assert source.address == "jane@council.example" and source.username == "jane"
    same = from_settings(MailboxSettings("jane@council.example", "caldav", options), settings())
    assert same.url == source.url
    assert "cal-secret-value" not in repr(vars(source))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"url": "http://dav.council.example/x/"}, "http://"),
        ({"url": "dav.council.example"}, "url"),
        ({"url": "https://dav.council.example/x/", "username": "jane"}, "password_env"),
        ({"url": "https://dav.council.example/x/", "calendar": "x"}, "calendar"),
    ],
)
def test_from_settings_refuses_bad_options(options, message) -> None:
    with pytest.raises(MisconfiguredError, match=message):
        from_settings({"address": OWNER, "type": "caldav", **options}, settings())
