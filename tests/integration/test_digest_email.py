"""The weekly digest end to end: a five-week replay whose every digest number is
recomputed here, independently, from actions.jsonl and from the export this test
wrote (what each member asked, and when each officer replied); the digest email's
MIME shape and size; the health section; the preview command."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.sample import sample_council

from bot.adapters.outbox.mime import to_bytes
from bot.adapters.outbox.recording import RecordingSender
from bot.adapters.render import Renderer
from bot.adapters.sources.folder import read_export
from bot.adapters.store import FAILED, SENT, Store
from bot.app import digest as digest_cmd
from bot.app.runner import Runner
from bot.app.wiring import work_calendar
from bot.config import load_config
from bot.core.worktime import WorkCalendar
from bot.errors import UserError
from bot.model import Action, ActionType, Rule

LONDON = ZoneInfo("Europe/London")
D = "exampleton.gov.uk"
JANE, AMIR, LUCY = f"jane.smith@{D}", f"amir.khan@{D}", f"lucy.evans@{D}"
MEMBERS = [f"alice.green@{D}", f"bob.harris@{D}", f"carol.ng@{D}", f"david.jones@{D}",
           f"george.lewis@{D}"]
NAMES = {JANE: "Jane Smith", AMIR: "Amir Khan", LUCY: "Lucy Evans",
         f"alice.green@{D}": "Cllr Alice Green", f"bob.harris@{D}": "Cllr Bob Harris",
         f"carol.ng@{D}": "Cllr Carol Ng", f"david.jones@{D}": "Cllr David Jones",
         f"george.lewis@{D}": "Cllr George Lewis"}
START, END = "2026-10-26T00:00", "2026-12-01T12:00"
FIRST_MONDAY = datetime(2026, 10, 26, tzinfo=LONDON)
REQUEST_RULES = {"acknowledgement", "response_due", "response_overdue"}


@dataclass
class Planned:
    """One member request as this test wrote it: the oracle for the digest."""

    message_id: str
    member: str
    officer: str
    received: datetime
    reply_at: datetime | None
    reply_hours: float | None  # working hours from receipt to reply


def calendar() -> WorkCalendar:
    # England and Wales; no bank holiday falls in these five weeks.
    return WorkCalendar(LONDON, (0, 1, 2, 3, 4), time(8, 30), time(17, 30))


def eml(mid: str, when: datetime, sender: str, to: list[str], subject: str, *,
        bcc: tuple[str, ...] = (), reply_to: str | None = None,
        headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = mid
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content("Text of the email.")
    return bytes(msg)


def build_export(mail: Path) -> list[Planned]:
    """Five weeks of member email to three officers, with a known fate for each."""
    cal = calendar()
    plan: list[Planned] = []
    files: dict[Path, bytes] = {}
    officers = [JANE, AMIR, LUCY]
    n = 0
    for w in range(5):
        monday = FIRST_MONDAY + timedelta(weeks=w)
        for d in range(5):
            day = monday + timedelta(days=d)
            for k in range(1 + (w + d) % 3):
                n += 1
                officer, member = officers[n % 3], MEMBERS[(2 * n + w) % 5]
                if n % 7 == 0:  # an evening email: out of hours
                    when = day.replace(hour=20, minute=15)
                else:
                    when = day.replace(hour=(9, 11, 14)[k], minute=(15, 0, 30)[k])
                mid = f"<r{n}@{D}>"
                subject = f"Question {n} about ward casework"
                files[mail / officer / "inbox" / f"r{n}.eml"] = eml(mid, when, member, [officer], subject)
                fate = n % 6
                hours = None if fate == 0 else 27.0 if fate == 1 else float(1 + n % 4)
                reply_at = cal.add_working_hours(when, hours) if hours is not None else None
                if reply_at is not None:
                    files[mail / officer / "sent" / f"r{n}.eml"] = eml(
                        f"<a{n}@{D}>", reply_at, officer, [member], f"RE: {subject}", reply_to=mid)
                plan.append(Planned(mid, member, officer, when, reply_at, hours))
        # Each week: an officer blind-copies a member; Amir gets a member's email to
        # Jane as a blind copy (a request for Jane); a member's auto-reply (nothing).
        wed = monday + timedelta(days=2)
        files[mail / LUCY / "sent" / f"bcc{w}.eml"] = eml(
            f"<bcc{w}@{D}>", wed.replace(hour=10), LUCY, [MEMBERS[0]], "Road closure",
            bcc=(MEMBERS[1],))
        mid = f"<b{w}@{D}>"
        when = wed.replace(hour=12)
        for box in (JANE, AMIR):
            files[mail / box / "inbox" / f"b{w}.eml"] = eml(
                mid, when, MEMBERS[3], [JANE], "Flood scheme budget")
        plan.append(Planned(mid, MEMBERS[3], JANE, when, None, None))
        files[mail / JANE / "inbox" / f"auto{w}.eml"] = eml(
            f"<auto{w}@{D}>", wed.replace(hour=15), MEMBERS[2], [JANE], "Automatic reply: away",
            headers={"Auto-Submitted": "auto-replied"})
    files[mail / JANE / "inbox" / "broken.eml"] = b"From: someone@example.org\r\nSubject: no id\r\n\r\nx"
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return plan


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("digest")
    config = sample_council(tmp)
    mail = tmp / "mail"
    plan = build_export(mail)
    out = tmp / "out"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "replay", "--config", str(config), "--mail", str(mail),
         "--start", START, "--end", END, "--out", str(out), "--no-classifier"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    actions = [json.loads(line) for line in (out / "actions.jsonl").read_text().splitlines()]
    digests = {p.stem: json.loads(p.read_text()) for p in sorted((out / "digests").glob("*.json"))}
    return out, plan, actions, digests


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_one_digest_a_week_from_the_first_week_the_bot_ran(replayed):
    _, _, actions, digests = replayed
    assert list(digests) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    sent = [(a["at"], a["details"]["week"]) for a in actions if a["rule"] == "weekly_digest"]
    assert sent == [
        ("2026-11-02T08:00:00+00:00", "2026-W44"), ("2026-11-09T08:00:00+00:00", "2026-W45"),
        ("2026-11-16T08:00:00+00:00", "2026-W46"), ("2026-11-23T08:00:00+00:00", "2026-W47"),
        ("2026-11-30T08:00:00+00:00", "2026-W48"),
    ]
    for action in actions:
        if action["rule"] == "weekly_digest":  # the line carries the JSON's counts
            assert action["details"]["counts"] == digests[action["details"]["week"]]["counts"]


def week_stats(plan: list[Planned], start: datetime, end: datetime, now: datetime) -> dict:
    """The request numbers of one week, as of ``now``, from the plan alone."""
    cal = calendar()
    mine = [p for p in plan if start <= p.received < end]
    in_time = late = overdue = still_open = 0
    hours, per_officer = [], Counter()
    officer_in_time, officer_overdue = Counter(), Counter()
    for p in mine:
        due = cal.add_working_days(p.received, 2)
        per_officer[p.officer] += 1
        if p.reply_at is not None and p.reply_at <= now:
            hours.append(p.reply_hours)
            if p.reply_at <= due:
                in_time += 1
                officer_in_time[p.officer] += 1
            else:
                late += 1
        elif due < now:
            overdue += 1
            officer_overdue[p.officer] += 1
        else:
            still_open += 1
    known = in_time + late + overdue
    return {
        "received": len(mine), "answered": in_time + late, "answered_within_sla": in_time,
        "answered_late": late, "overdue": overdue, "open_not_due": still_open,
        "share_within_sla": round(in_time / known, 3) if known else None,
        "median_working_hours_to_reply": round(statistics.median(hours), 1) if hours else None,
        "per_officer": per_officer, "officer_in_time": officer_in_time,
        "officer_overdue": officer_overdue,
    }


def test_every_number_in_each_digest_agrees_with_the_actions_and_requests(replayed):
    _, plan, actions, digests = replayed
    cal = calendar()
    members = set(MEMBERS)
    for week, data in digests.items():
        start, end, now = at(data["start"]), at(data["end"]), at(data["generated"])
        assert data["week"] == week and start.weekday() == 0 and end - start == timedelta(days=7)
        assert now == end + timedelta(hours=8)  # Monday 08:00 after the week
        in_week = [a for a in actions if start <= at(a["at"]) < end]

        # counts: requests, and every rule of the contract, by rule id
        expected = Counter(a["rule"] for a in in_week)
        assert data["counts"]["requests"] == sum(1 for p in plan if start <= p.received < end)
        assert set(data["counts"]) == {"requests"} | {str(r) for r in Rule}
        for rule in Rule:
            assert data["counts"][str(rule)] == expected[str(rule)], (week, rule)

        # the requests section
        stats = week_stats(plan, start, end, now)
        req = data["requests"]
        for key in ("received", "answered", "answered_within_sla", "answered_late", "overdue",
                    "open_not_due", "share_within_sla", "median_working_hours_to_reply"):
            assert req[key] == stats[key], (week, key, req[key], stats[key])
        week_ids = {p.message_id for p in plan if start <= p.received < end}
        acked = {a["message_id"] for a in actions
                 if a["rule"] == "acknowledgement" and at(a["at"]) <= now}
        assert req["acknowledged"] == len(week_ids & acked)
        assert req["by_kind"] == ({"information": stats["received"]} if stats["received"] else {})
        got = {row["officer"]: row for row in req["by_officer"]}
        assert {o: r["requests"] for o, r in got.items()} == dict(stats["per_officer"])
        for officer, row in got.items():
            assert row["name"] == NAMES[officer]
            assert row["answered_within_sla"] == stats["officer_in_time"][officer]
            assert row["overdue"] == stats["officer_overdue"][officer]
        services = Counter()
        for officer, n in stats["per_officer"].items():
            services["Planning" if officer == JANE else "Highways"] += n
        assert req["by_service"] == dict(services)

        # overdue now: every unanswered request past its due time, oldest first
        overdue = []
        for p in sorted(plan, key=lambda p: (p.received, p.message_id)):
            due = cal.add_working_days(p.received, 2)
            if p.received < now and (p.reply_at is None or p.reply_at > now) and due < now:
                days = round(cal.working_seconds_between(due, now) / 3600 / 9, 1)
                overdue.append((p.message_id, p.officer, p.member, days))
        assert [(o["message_id"], o["officer"], o["member"], o["working_days_overdue"])
                for o in data["overdue"]] == overdue
        assert all(o["officer_name"] == NAMES[o["officer"]] and o["member_name"] == NAMES[o["member"]]
                   for o in data["overdue"])

        # every protocol flag of the week, each once, with names
        flags = [a for a in in_week if a["rule"] not in REQUEST_RULES | {"weekly_digest"}]
        listed = [item for items in data["flags"].values() for item in items]
        assert sorted((i["rule"], i["at"], i["message_id"]) for i in listed) == sorted(
            (a["rule"], at(a["at"]).isoformat(), a["message_id"]) for a in flags)
        assert all(i["member_name"] == NAMES[i["member"]] for i in listed)
        assert {i["rule"] for i in data["flags"]["blind_copies"]} <= {"blind_copy_received",
                                                                     "blind_copy_sent"}
        ooh = Counter(a["member"] for a in in_week if a["rule"] == "out_of_hours")
        assert {r["member"]: r["count"] for r in data["out_of_hours_by_member"]} == dict(ooh)

        # the emails the bot sent in the week
        emails = [a for a in in_week if a["to"]]
        to_members = [a for a in emails if members & set(a["to"])]
        assert data["emails"] == {"total": len(emails), "to_members": len(to_members),
                                  "to_officers": len(emails) - len(to_members)}

        # the trend: this week and the four before, from the same sources
        assert [t["week"] for t in data["trend"]][-1] == week and len(data["trend"]) == 5
        for t in data["trend"]:
            t_start = at(t["start"])
            t_end = t_start + timedelta(days=7)
            if t_end <= FIRST_MONDAY:  # before the bot ran
                assert not t["running"] and t["requests"] is None and t["flags"] is None
                continue
            t_stats = week_stats(plan, t_start, t_end, now)
            t_acts = [a for a in actions if t_start <= at(a["at"]) < t_end]
            assert t["requests"] == t_stats["received"]
            assert t["share_within_sla"] == t_stats["share_within_sla"]
            assert t["flags"] == sum(
                1 for a in t_acts if a["rule"] not in REQUEST_RULES | {"weekly_digest"})
            assert t["out_of_hours"] == sum(1 for a in t_acts if a["rule"] == "out_of_hours")
    # The export exercises every kind of line the digest has.
    w48 = digests["2026-W48"]
    assert w48["requests"]["answered_late"] and w48["overdue"] and w48["out_of_hours_by_member"]
    assert w48["flags"]["blind_copies"] and w48["requests"]["open_not_due"]


def test_replay_digests_carry_the_bots_health(replayed):
    out, _, _, digests = replayed
    for data in digests.values():
        health = data["health"]
        assert health["mode"] == "replay" and health["attention"] == []
        assert health["watched"] == 3 and health["malformed"] == 1  # broken.eml
        assert [m["name"] for m in health["mailboxes"]] == ["Amir Khan", "Jane Smith", "Lucy Evans"]
        assert health["emails"] == {"sent": data["emails"]["total"], "failed": 0, "waiting": 0}
    text = message_from_bytes(digest_email_bytes(out, "2026-W48"), policy=default).get_body(
        ("plain",)).get_content()
    assert "3 mailboxes watched; all working." in text
    assert "1 unreadable email skipped and recorded." in text


def digest_email_bytes(out: Path, week: str) -> bytes:
    for path in sorted((out / "outbox").glob("weekly_digest-*.eml")):
        data = path.read_bytes()
        if f"week {int(week[-2:])}:".encode() in data:
            return data
    raise AssertionError(f"no digest email for {week}")


def test_the_digest_email_has_text_html_and_inline_charts(replayed):
    out, _, _, digests = replayed
    data = digests["2026-W48"]
    raw = digest_email_bytes(out, "2026-W48")
    assert len(raw) < 200_000
    msg = message_from_bytes(raw, policy=default)
    assert msg["Subject"].startswith("Member/officer protocol, week 48:")
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html_part, *images = related.iter_parts()
    html = html_part.get_content()
    assert [i.get_content_type() for i in images] == ["image/png"] * 3
    for image in images:
        cid = image["Content-ID"].strip("<>")
        assert image.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f'src="cid:{cid}"' in html
    assert re.findall(r"<img [^>]*>", html) and all(
        re.search(r'alt="[^"]{20,}"', tag) for tag in re.findall(r"<img [^>]*>", html))
    assert "<style" not in html and "http://" not in html and "https://" not in html
    text = plain.get_content().replace("\r\n", "\n")
    req = data["requests"]
    headline = text.split("\n\n")[1]
    assert f"{req['received']} member requests" in headline
    assert f"{len(data['overdue'])} overdue now" in headline
    assert f"{round(req['share_within_sla'] * 100)}%" in headline
    for o in data["overdue"]:  # names from the registers, not addresses
        assert o["officer_name"] in text and o["member_name"] in text
    assert "@" not in text.split("--\n")[0]


def test_every_flag_title_is_in_both_parts_and_a_new_rule_appears_unchanged(tmp_path):
    """A rule the templates do not know (a calendar rule, say) is still listed."""
    config = sample_council(tmp_path)
    loaded = load_config(config)
    renderer = Renderer(loaded.settings, loaded.registers)
    data = empty_digest()
    item = {"rule": "party_group_briefing", "at": "2026-11-25T18:00:00+00:00", "officer": JANE,
            "officer_name": "Jane Smith", "member": "", "member_name": "", "group": "Labour",
            "subject": "Budget briefing", "message_id": None, "event_uid": "x"}
    data["flags"]["party_groups"] = [item]
    data["party_groups"] = {"Labour": 1}
    data["flags"]["other"] = [{**item, "rule": "some_future_rule", "subject": "Something <new>"}]
    data["counts"]["party_group_briefing"] = 1
    email = renderer.render(digest_action(data))
    assert email is not None
    for part in (email.text, email.html):
        assert "Party group briefing" in part and "Labour" in part
        assert "Some future rule" in part
    assert "Something <new>" in email.text and "Something &lt;new&gt;" in email.html


def empty_digest() -> dict:
    trend = [{"week": f"2026-W{n}", "start": "2026-11-23T00:00:00+00:00", "running": True,
              "requests": 0, "share_within_sla": None, "flags": 0, "out_of_hours": 0}
             for n in range(44, 49)]
    return {
        "week": "2026-W48", "start": "2026-11-23T00:00:00+00:00",
        "end": "2026-11-30T00:00:00+00:00", "counted_from": "2026-11-23T00:00:00+00:00",
        "generated": "2026-11-30T08:00:00+00:00",
        "counts": {"requests": 0, **{str(r): 0 for r in Rule}},
        "requests": {"received": 0, "acknowledged": 0, "answered": 0, "answered_within_sla": 0,
                     "answered_late": 0, "overdue": 0, "open_not_due": 0,
                     "share_within_sla": None, "median_working_hours_to_reply": None,
                     "by_kind": {}, "by_service": {}, "by_officer": []},
        "overdue": [],
        "flags": {s: [] for s in ("blind_copies", "out_of_hours", "concerns", "instructions",
                                  "ward_notice", "pre_election", "party_groups", "other")},
        "out_of_hours_by_member": [],
        "ward_notice": {"checked": None, "in_time": None, "not_in_time": 0},
        "party_groups": {},
        "emails": {"total": 0, "to_members": 0, "to_officers": 0},
        "trend": trend,
    }


def digest_action(data: dict) -> Action:
    return Action(at=datetime(2026, 11, 30, 8, tzinfo=LONDON), type=ActionType.DIGEST,
                  rule=Rule.WEEKLY_DIGEST, to=(f"chief.executive@{D}",),
                  details={"week": data["week"], "digest": data, "clause": "Monitoring"},
                  key=f"digest:{data['week']}")


def test_a_very_busy_week_stays_well_under_200_kb(tmp_path):
    """Long lists are cut in the email (the data keeps them all)."""
    loaded = load_config(sample_council(tmp_path))
    data = empty_digest()
    subject = "A long subject line about a planning application on the Mill Lane estate"
    def item(rule: str, n: int) -> dict:
        return {"rule": rule, "at": f"2026-11-{23 + n % 5}T10:{n % 60:02d}:00+00:00",
                "officer": JANE, "officer_name": f"Officer {n}", "member": f"m{n}@{D}",
                "member_name": f"Cllr Member {n}", "subject": subject, "message_id": f"<{n}>",
                "event_uid": None}
    for section, rule in (("blind_copies", "blind_copy_received"), ("concerns", "pressure"),
                          ("instructions", "member_instruction"), ("out_of_hours", "out_of_hours"),
                          ("ward_notice", "ward_members_not_invited"), ("other", "x_rule")):
        data["flags"][section] = [item(rule, n) for n in range(120)]
    data["out_of_hours_by_member"] = [
        {"member": f"m{n}@{D}", "name": f"Cllr Member {n}", "count": 1} for n in range(120)]
    data["overdue"] = [{"message_id": f"<o{n}>", "officer": JANE, "officer_name": "Jane Smith",
                        "member": f"m{n}@{D}", "member_name": f"Cllr Member {n}",
                        "received": "2026-11-02T10:00:00+00:00", "due": "2026-11-04T10:00:00+00:00",
                        "subject": subject, "working_days_overdue": 19.5} for n in range(80)]
    data["requests"]["by_officer"] = [
        {"officer": f"o{n}@{D}", "name": f"Officer {n}", "service": "Planning", "requests": 3,
         "answered_within_sla": 2, "overdue": 1} for n in range(90)]
    data["requests"]["received"] = data["counts"]["requests"] = 270
    data["requests"]["by_kind"] = {"casework": 270}
    data["requests"]["by_service"] = {"Planning": 270}
    email = Renderer(loaded.settings, loaded.registers).render(digest_action(data))
    assert email is not None
    raw = to_bytes(email, datetime(2026, 11, 30, 8, tzinfo=LONDON))
    assert len(raw) < 150_000, len(raw)
    assert "and 72 more overdue" in email.text and "and 108 more this week" in email.text
    assert "78 other officers" in email.text and "108 other members" in email.text


def test_a_quiet_week_says_so(tmp_path):
    loaded = load_config(sample_council(tmp_path))
    email = Renderer(loaded.settings, loaded.registers).render(digest_action(empty_digest()))
    assert email is not None
    assert "Nothing this week." in email.text and "Nothing needs your attention" in email.html
    assert ("0 member requests received (4-week average 0); none due yet; 0 overdue now; "
            "0 protocol flags.") in email.text


def run_sample_with_store(tmp_path: Path) -> tuple:
    """The sample week through a Runner with a real store file (as the daemon keeps)."""
    config = sample_council(tmp_path, mail=True)
    loaded = load_config(config)
    settings = loaded.settings
    store = Store(Path(settings.bot.state))
    t0 = datetime(2026, 11, 23, 9, tzinfo=LONDON)
    t1 = datetime(2026, 12, 1, 12, tzinfo=LONDON)
    runner = Runner(settings=settings, registers=loaded.registers,
                    calendar=work_calendar(settings, 2026, 2026),
                    watched=[mb.address for mb in settings.mailboxes], store=store,
                    sender=RecordingSender(), classifier=None)
    messages, malformed = read_export(config.parent / "mail")
    runner.engine.start(t0)
    decided = runner.observe(messages)
    decided += runner.tick_before(t1)
    runner.commit(decided, t1, malformed=[(m.where, m.reason) for m in malformed])
    runner.flush(t1)
    return config, loaded, store, decided


def test_store_health_reports_sources_malformed_and_outbox(tmp_path):
    _, loaded, store, decided = run_sample_with_store(tmp_path)
    now = datetime(2026, 11, 27, 12, tzinfo=LONDON)
    store.set_health(f"mail:{JANE}", "ok", "", now)
    store.set_health(f"mail:{AMIR}", "needs-attention", "sign-in failed: password expired", now)
    (digest,) = [a for a in decided if a.type is ActionType.DIGEST]
    failed = next(a for a in decided if a.rule is Rule.BLIND_COPY_SENT)
    store.mark(failed.key, FAILED, at=now, error="relay refused")
    data = digest.details["digest"]
    health = digest_cmd.store_health(store, loaded.settings, loaded.registers)(data, now)
    assert health["watched"] == len(loaded.settings.mailboxes)
    assert [h["name"] for h in health["attention"]] == ["Amir Khan"]
    statuses = {h["address"]: h["status"] for h in health["mailboxes"]}
    assert statuses[JANE] == "ok" and statuses[LUCY] == "unknown"
    # The sample's one unreadable file was seen at the replay's end (the next week).
    assert health["malformed"] == 0
    sent_in_week = sum(1 for a in decided if a.to and at(data["start"]) <= a.at < at(data["end"]))
    assert health["emails"] == {"sent": sent_in_week - 1, "failed": 1, "waiting": 0}
    assert store.status(failed.key) == FAILED and store.sent_count() >= sent_in_week - 1
    data["health"] = health
    email = Renderer(loaded.settings, loaded.registers).render(digest)
    assert email is not None
    attention = email.text.split("NEEDS YOUR ATTENTION")[1].split("THE LAST")[0]
    assert "Amir Khan’s mailbox: needs a person to act, sign-in failed: password expired" in attention
    assert "1 email could not be sent" in attention
    assert f"{len(loaded.settings.mailboxes)} mailboxes watched; 1 needs attention" in email.text
    store.close()
    assert SENT  # (the outbox statuses the probe reads)


def test_replay_health_probe():
    loaded_regs = load_config(Path(__file__).resolve().parents[2] / "config/exampleton/config.toml")
    probe = digest_cmd.replay_health([JANE, AMIR], 2, loaded_regs.registers)
    data = empty_digest()
    data["emails"] = {"total": 5, "to_members": 2, "to_officers": 3}
    health = probe(data, datetime(2026, 11, 30, 8, tzinfo=LONDON))
    assert health["mode"] == "replay" and health["watched"] == 2 and health["malformed"] == 2
    assert [m["name"] for m in health["mailboxes"]] == ["Amir Khan", "Jane Smith"]
    assert health["emails"] == {"sent": 5, "failed": 0, "waiting": 0} and health["attention"] == []


def preview_args(config: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    digest_cmd.add_arguments(parser)
    return parser.parse_args(["--config", str(config), *extra])


def test_preview_command_renders_a_week_from_the_store_without_sending(tmp_path, capsys):
    config, loaded, store, _ = run_sample_with_store(tmp_path)
    rows_before = store.db.execute("select count(*) from actions").fetchone()[0]
    store.close()
    html, data = tmp_path / "digest.html", tmp_path / "digest.json"
    assert digest_cmd.run(preview_args(config, "--week", "2026-W48", "--html", str(html),
                                       "--json", str(data))) == 0
    text = capsys.readouterr().out
    assert "member/officer protocol, week 48" in text and "7 member requests received" in text
    page = html.read_text()
    assert page.count('src="data:image/png;base64,') == 3 and "cid:" not in page
    saved = json.loads(data.read_text())
    assert saved["week"] == "2026-W48" and saved["counts"]["requests"] == 7
    assert saved["health"]["mode"] == "live"
    store = Store(Path(loaded.settings.bot.state))
    assert store.db.execute("select count(*) from actions").fetchone()[0] == rows_before
    store.close()


def test_preview_command_errors_are_clear(tmp_path):
    config = sample_council(tmp_path)
    with pytest.raises(UserError, match="has not run with this configuration"):
        digest_cmd.run(preview_args(config))
    run_sample_with_store(tmp_path / "again")
    config = tmp_path / "again" / "council" / "config.toml"
    with pytest.raises(UserError, match="not an ISO week"):
        digest_cmd.run(preview_args(config, "--week", "48"))


def test_preview_defaults_to_the_week_just_ended(tmp_path):
    _, loaded, store, _ = run_sample_with_store(tmp_path)
    now = datetime(2026, 12, 2, 10, tzinfo=LONDON)  # a Wednesday
    email, data = digest_cmd.preview(loaded.settings, loaded.registers, store, now)
    assert data["week"] == "2026-W48" and email.to == (f"chief.executive@{D}",)
    assert data["overdue"] and data["generated"] == now.isoformat()
    store.close()
