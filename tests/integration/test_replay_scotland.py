"""Replay over a second council's export: Scotland's holidays (St Andrew's Day,
2 January and its substitute), Christmas, closure days, weekends, automatic mail.
Every expected time is worked out by hand in the comments."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/London")
D = "glenmuir.gov.scot"
OFFICER, MANAGER, COLLEAGUE = f"fiona.reid@{D}", f"iain.ross@{D}", f"kirsty.bell@{D}"
MEMBER, MEMBER2 = f"cllr.angus.mackay@{D}", f"cllr.morag.hill@{D}"

CONFIG = f"""
[council]
name = "Glenmuir Council"
timezone = "Europe/London"
bank_holidays = "scotland"
closure_days = ["2026-12-29", "2026-12-30", "2026-12-31"]

[office_hours]
days = ["mon", "tue", "wed", "thu", "fri"]
start = "09:00"
end = "17:00"

[sla]
acknowledge_within_working_hours = 2
respond_within_working_days = 3
remind_before_due_working_hours = 2

[registers]
members = "members.csv"
officers = "officers.csv"
wards = "wards.csv"

[roles]
chief_executive = "chief.executive@{D}"
monitoring_officer = "monitoring@{D}"
press_office = ["press@{D}"]

[digest]
weekday = "mon"
time = "08:00"
to = ["chief.executive@{D}"]
"""


def eml(n, when, sender, to, subject, *, bcc=(), reply_to=None, headers=None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<g{n}@{D}>"
    if reply_to:
        msg["In-Reply-To"] = reply_to
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content("Text.")
    return bytes(msg)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def build(root: Path) -> Path:
    council = root / "glenmuir"
    council.mkdir()
    (council / "config.toml").write_text(CONFIG)
    (council / "members.csv").write_text(
        "name,email,ward,party,role\n"
        f"Cllr Angus Mackay,{MEMBER},Strathmore,SNP,\nCllr Morag Hill,{MEMBER2},Kilbride,Independent,\n"
    )
    (council / "officers.csv").write_text(
        "name,email,role,manager\n"
        f"Fiona Reid,{OFFICER},Roads Officer,{MANAGER}\nIain Ross,{MANAGER},Head of Roads,\n"
        f"Kirsty Bell,{COLLEAGUE},Roads Officer,{MANAGER}\n"
    )
    (council / "wards.csv").write_text("ward,aliases\nStrathmore,\nKilbride,\n")
    mail = root / "mail"
    inbox, sent = mail / OFFICER / "inbox", mail / OFFICER / "sent"
    inbox.mkdir(parents=True)
    sent.mkdir(parents=True)
    (mail / COLLEAGUE / "inbox").mkdir(parents=True)
    files = {
        # A: Friday 27 Nov 15:00, never answered.
        inbox / "a.eml": eml(1, at(2026, 11, 27, 15), MEMBER, [OFFICER], "Gritting on the B917"),
        # B: Christmas Eve 16:30, answered Wednesday 6 January.
        inbox / "b.eml": eml(2, at(2026, 12, 24, 16, 30), MEMBER2, [OFFICER], "Burst main, Kilbride"),
        sent / "b.eml": eml(12, at(2027, 1, 6, 10), OFFICER, [MEMBER2], "RE: Burst main, Kilbride",
                            reply_to=f"<g2@{D}>"),
        # C: Saturday 28 Nov 11:00, answered Tuesday 1 Dec 10:00 before the 11:00 ack.
        inbox / "c.eml": eml(3, at(2026, 11, 28, 11), MEMBER, [OFFICER], "Fallen tree"),
        sent / "c.eml": eml(13, at(2026, 12, 1, 10), OFFICER, [MEMBER], "RE: Fallen tree",
                            reply_to=f"<g3@{D}>"),
        # D, E: automatic mail from members: nothing at all.
        inbox / "d.eml": eml(4, at(2026, 11, 30, 10), MEMBER, [OFFICER], "Automatic reply: roads",
                             headers={"Auto-Submitted": "auto-replied"}),
        inbox / "e.eml": eml(5, at(2026, 12, 2, 10), MEMBER2, [OFFICER], "Community newsletter",
                             headers={"Precedence": "list"}),
        # F: Fiona blind-copies a member on Thursday 3 Dec 11:00.
        sent / "f.eml": eml(6, at(2026, 12, 3, 11), OFFICER, [MEMBER], "Road closure notice",
                            bcc=[MEMBER2]),
        # G: Kirsty gets Angus's email to Fiona as a blind copy (Tuesday 8 Dec 10:00);
        #    Fiona answers at 11:00.
        inbox / "g.eml": eml(7, at(2026, 12, 8, 10), MEMBER, [OFFICER], "Potholes at Dunmore"),
        mail / COLLEAGUE / "inbox" / "g.eml": eml(7, at(2026, 12, 8, 10), MEMBER, [OFFICER],
                                                  "Potholes at Dunmore"),
        sent / "g.eml": eml(17, at(2026, 12, 8, 11), OFFICER, [MEMBER], "RE: Potholes at Dunmore",
                            reply_to=f"<g7@{D}>"),
    }
    for path, data in files.items():
        path.write_bytes(data)
    return council / "config.toml"


def test_scottish_council_replay(tmp_path):
    config = build(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "replay", "--config", str(config), "--mail",
         str(tmp_path / "mail"), "--start", "2026-11-27T00:00", "--end", "2027-01-08T00:00",
         "--out", str(out), "--no-classifier"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    got = [
        (a["at"], a["rule"], a["message_id"], a["to"])
        for a in map(json.loads, (out / "actions.jsonl").read_text().splitlines())
    ]
    ceo = [f"chief.executive@{D}"]
    assert got == [
        # A: 2 working hours from Fri 15:00 end exactly at Friday's close.
        ("2026-11-27T17:00:00+00:00", "acknowledgement", f"<g1@{D}>", [MEMBER]),
        # C arrives on a Saturday.
        ("2026-11-28T11:00:00+00:00", "out_of_hours", f"<g3@{D}>", []),
        # Monday 30 Nov is St Andrew's Day: the digest moves to Tuesday morning.
        ("2026-12-01T08:00:00+00:00", "weekly_digest", None, ceo),
        # A is due after 3 working days of 8 hours: Fri 2h, (Mon holiday), Tue 8h,
        # Wed 8h, Thu 6h -> Thu 3 Dec 15:00; the nudge 2 working hours before.
        ("2026-12-03T11:00:00+00:00", "blind_copy_sent", f"<g6@{D}>", [OFFICER]),
        ("2026-12-03T13:00:00+00:00", "response_due", f"<g1@{D}>", [OFFICER]),
        ("2026-12-03T15:00:00+00:00", "response_overdue", f"<g1@{D}>", [OFFICER, MANAGER]),
        ("2026-12-07T08:00:00+00:00", "weekly_digest", None, ceo),
        ("2026-12-08T10:00:00+00:00", "blind_copy_received", f"<g7@{D}>", [COLLEAGUE]),
        ("2026-12-14T08:00:00+00:00", "weekly_digest", None, ceo),
        ("2026-12-21T08:00:00+00:00", "weekly_digest", None, ceo),
        # B: half an hour on 24 Dec; 25 Dec and 28 Dec (Boxing Day substitute) are bank
        # holidays, 29-31 Dec closures, 1 Jan and 4 Jan (2 January's substitute) bank
        # holidays: 1.5 hours more on Tuesday 5 January -> 10:30.
        # The digests for weeks 52 and 53 were due on Mondays 28 Dec and 4 Jan, both
        # holidays: they go out on the next working morning, Tuesday 5 January.
        ("2027-01-05T08:00:00+00:00", "weekly_digest", None, ceo),
        ("2027-01-05T08:00:00+00:00", "weekly_digest", None, ceo),
        ("2027-01-05T10:30:00+00:00", "acknowledgement", f"<g2@{D}>", [MEMBER2]),
    ]
    weeks = sorted(p.stem for p in (out / "digests").glob("*.json"))
    assert weeks == ["2026-W48", "2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    w49 = json.loads((out / "digests" / "2026-W49.json").read_text())
    assert w49["counts"]["requests"] == 0 and w49["counts"]["blind_copy_sent"] == 1
    assert w49["counts"]["response_overdue"] == 1
    assert [o["message_id"] for o in w49["overdue"]] == [f"<g1@{D}>"]
