"""Replay of a calendar and mailbox export of Kestrelford District Council (a fictional
council, tests/fixtures/kestrelford): exactly the ward-notice, press-release,
pre-election, party group and scrutiny actions, at the right times, and none for
internal meetings, fully invited ones, cancelled ones or those whose members declined.

What the export holds (calendar/<owner>/*.ics, mail/<owner>/{inbox,sent}/*.eml):

e01  public meeting, Quayside (alias), times in UTC, both ward members invited: nothing
e02  public meeting whose ward is in the description (Lantern Estate), one member
     missing: reminder 10 working days before, repeated 2 working days before
e03  consultation (Priory Green / "Saint Aldhelm's"), one member missing, the other
     invited by her home address; updated (SEQUENCE 1) to invite him: first
     reminder only
e04  internal: a project board naming Gorse Lane and a public meeting; a weekly team
     meeting at a Millbrook postcode: nothing
e05  weekly "Residents' forum" (Windows TZID, category Public meeting, ward by
     postcode only), one member missing: 4 Mar (created 26 Feb, less notice than
     required: reminder at once, repeat), 11 Mar excluded (EXDATE), 18 Mar moved
     to 17 Mar with both invited (RECURRENCE-ID override: nothing), 25 Mar
     (reminder, repeat, and a pre-election flag when the series was made)
e06  public meeting made 2 working days before, one member missing: reminder at once
e07  public meeting cancelled before its reminder was due: nothing
e08  consultation where a member declined: he was invited, nothing
e09  press office calendar: press release about Harbourside; one member was emailed
     about it, the other not: reminder one working day before
e10  press office calendar: press release about Kestrel Common; both members were
     emailed: nothing
e13  Labour Group meeting attended by the Head of Housing: party group reminder
e14  Conservative group briefing inside the pre-election period: reminder and flag
e15  scrutiny committee called 8.8 working days ahead: a flag to each officer required
e16  scrutiny panel with six weeks' notice: nothing
e20  public meeting about no ward (the budget): nothing
mail: a press release emailed on a Saturday (reminder Monday 08:30); a draft press
      release in the pre-election period, seen in the sender's sent folder, the
      press office's inbox and in its reply (one reminder, one flag).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.outbox.recording import RecordingSender
from bot.adapters.sources.ics import FolderCalendarSource
from bot.app.daemon import Daemon
from bot.config import load_config

REPO = Path(__file__).resolve().parents[2]
COUNCIL = REPO / "tests" / "fixtures" / "kestrelford"
D = "@kestrelford.gov.uk"
MARIA, PRIYA, KOFI, DAN = f"maria.lopez{D}", f"priya.nair{D}", f"kofi.mensah{D}", f"dan.reid{D}"
TOM, RAJIV, GREG, OWEN, SIAN = (
    f"tom.pryce{D}",
    f"rajiv.menon{D}",
    f"greg.hollis{D}",
    f"owen.carter{D}",
    f"sian.patel{D}",
)

EXPECTED = [
    # at, type, rule, to, event uid or message id, ward, missing, reminder / party
    (
        "2027-02-15T08:30:00+00:00",
        "reminder",
        "press_release_ward_notice",
        [MARIA],
        "<kf-002@kestrelford.gov.uk>",
        "St Aldhelm's",
        [RAJIV],
        None,
    ),
    (
        "2027-02-16T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [MARIA],
        f"e03-priory{D}",
        "St Aldhelm's",
        [RAJIV],
        "first",
    ),
    (
        "2027-02-22T13:00:00+00:00",
        "reminder",
        "party_group_briefing",
        [KOFI],
        f"e13-labgroup{D}",
        None,
        None,
        "Labour",
    ),
    (
        "2027-02-24T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [MARIA],
        f"e02-lantern{D}",
        "Harbourside",
        [TOM],
        "first",
    ),
    (
        "2027-02-26T10:00:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [PRIYA],
        f"e05-forum{D}",
        "Millbrook",
        [GREG],
        "first",
    ),
    (
        "2027-02-26T10:00:00+00:00",
        "flag",
        "pre_election_period",
        [PRIYA],
        f"e05-forum{D}",
        None,
        None,
        None,
    ),
    (
        "2027-03-01T15:00:00+00:00",
        "flag",
        "pre_election_period",
        [MARIA],
        f"e14-congroup{D}",
        None,
        None,
        "Conservative",
    ),
    (
        "2027-03-01T15:00:00+00:00",
        "reminder",
        "party_group_briefing",
        [MARIA],
        f"e14-congroup{D}",
        None,
        None,
        "Conservative",
    ),
    (
        "2027-03-02T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [PRIYA],
        f"e05-forum{D}",
        "Millbrook",
        [GREG],
        "repeat",
    ),
    (
        "2027-03-04T16:00:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [KOFI],
        f"e06-allotments{D}",
        "Kestrel Heath",
        [OWEN],
        "first",
    ),
    (
        "2027-03-08T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [MARIA],
        f"e02-lantern{D}",
        "Harbourside",
        [TOM],
        "repeat",
    ),
    (
        "2027-03-08T10:00:00+00:00",
        "flag",
        "scrutiny_notice",
        [DAN],
        f"e15-scrutiny{D}",
        None,
        None,
        None,
    ),
    (
        "2027-03-08T10:00:00+00:00",
        "flag",
        "scrutiny_notice",
        [PRIYA],
        f"e15-scrutiny{D}",
        None,
        None,
        None,
    ),
    (
        "2027-03-11T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [PRIYA],
        f"e05-forum{D}",
        "Millbrook",
        [GREG],
        "first",
    ),
    (
        "2027-03-12T08:30:00+00:00",
        "reminder",
        "press_release_ward_notice",
        [MARIA],
        f"e09-press-harbourside{D}",
        "Harbourside",
        [TOM],
        None,
    ),
    (
        "2027-03-23T08:30:00+00:00",
        "reminder",
        "ward_members_not_invited",
        [PRIYA],
        f"e05-forum{D}",
        "Millbrook",
        [GREG],
        "repeat",
    ),
    (
        "2027-03-23T11:00:00+00:00",
        "reminder",
        "press_release_ward_notice",
        [PRIYA],
        "<kf-005@kestrelford.gov.uk>",
        "Millbrook",
        [SIAN, GREG],
        None,
    ),
    (
        "2027-03-23T11:00:00+00:00",
        "flag",
        "pre_election_period",
        [PRIYA],
        "<kf-005@kestrelford.gov.uk>",
        None,
        None,
        None,
    ),
]


def replay(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "replay",
            "--config",
            str(COUNCIL / "config.toml"),
            "--mail",
            str(COUNCIL / "mail"),
            "--calendar",
            str(COUNCIL / "calendar"),
            "--start",
            "2027-02-01",
            "--end",
            "2027-03-26T18:00",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def row(a: dict) -> tuple:
    d = a["details"]
    last = (
        d.get("party")
        if a["rule"] in ("party_group_briefing", "pre_election_period")
        else d.get("reminder")
    )
    return (
        a["at"],
        a["type"],
        a["rule"],
        a["to"],
        a["event_uid"] or a["message_id"],
        d.get("ward"),
        d.get("missing"),
        last,
    )


def test_replay_of_a_calendar_and_mailbox_export(tmp_path):
    done = replay(tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "calendar events" in done.stdout
    lines = (tmp_path / "out/actions.jsonl").read_text().splitlines()
    actions = [json.loads(line) for line in lines]
    got = [row(a) for a in actions if a["rule"] != "weekly_digest"]
    assert got == EXPECTED
    assert (tmp_path / "out/malformed.jsonl").read_text() == ""
    for a in actions:
        if a["rule"] != "weekly_digest":
            assert a["details"]["clause"].startswith("Member/Officer Protocol")
    by_rule = {a["rule"]: a for a in actions}
    assert by_rule["party_group_briefing"]["details"]["other_parties"] == [
        "Green Party",
        "Labour",
        "Liberal Democrats",
    ]
    scrutiny = by_rule["scrutiny_notice"]["details"]
    assert scrutiny["notice_working_days"] == 8.8 and scrutiny["required_working_days"] == 15
    assert by_rule["pre_election_period"]["details"]["period"] == "District elections 2027"
    # Every reminder and flag was written as an email, with the mailto link for the wards.
    outbox = sorted((tmp_path / "out/outbox").glob("ward_members_not_invited-*.eml"))
    assert len(outbox) == 8
    assert any("mailto:tom.pryce@kestrelford.gov.uk?subject=" in p.read_text() for p in outbox)
    # The digest shows ward-notice compliance week by week.
    week = json.loads((tmp_path / "out/digests/2027-W09.json").read_text())
    assert week["counts"]["ward_members_not_invited"] == 2
    assert week["ward_notice"]["checked"] >= 1


def test_calendar_replay_is_byte_identical(tmp_path):
    assert replay(tmp_path / "a").returncode == 0
    assert replay(tmp_path / "b").returncode == 0
    for name in ["actions.jsonl", "malformed.jsonl"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


class FixedClock:
    def __init__(self, now: datetime):
        self.t = now

    def now(self) -> datetime:
        return self.t


def test_daemon_watches_a_folder_calendar(tmp_path):
    council = tmp_path / "council"
    shutil.copytree(COUNCIL, council)
    clock = FixedClock(datetime(2027, 3, 4, 16, 30, tzinfo=UTC))
    calendar = FolderCalendarSource(council / "calendar", KOFI, clock=clock.now)
    sender = RecordingSender()
    daemon = Daemon(
        load_config(council / "config.toml"),
        clock=clock,
        sources=[],
        sender=sender,
        calendars=[calendar],
    )
    daemon.cycle()
    sent = {(e.rule, e.to) for e in sender.sent}
    # e06 was made at 16:00 with Owen Carter missing: reminded on the first cycle.
    assert ("ward_members_not_invited", (KOFI,)) in sent
    assert ("party_group_briefing", (KOFI,)) in sent
    # e16 gave six weeks' notice: counted from when the entry was made, not first seen.
    assert not any(e.rule == "scrutiny_notice" for e in sender.sent)
    count = len(sender.sent)
    daemon.cycle()  # nothing changed: nothing new
    assert len(sender.sent) == count
    (council / "calendar" / KOFI / "e06-gorse-lane-allotments.ics").unlink()
    daemon.cycle()  # the entry went: cancelled, and nothing more is sent about it
    assert len(sender.sent) == count
    daemon.store.close()
