"""The daemon end to end against real servers on 127.0.0.1: Dovecot (IMAP + LMTP),
an SMTP relay into it, Radicale. The daemon runs as `python -m bot run` on a
simulated clock 3,600 times faster than real time (a working hour a second).

Members' emails travel over SMTP into the officer's IMAP inbox; the bot's
acknowledgements travel over SMTP into the member's own IMAP inbox, where they are
counted by Message-ID.
"""

from __future__ import annotations

import os
import re
import signal
import smtplib
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.sample import ALICE, JANE, member_email, sample_council
from servers.dovecot import Dovecot, ServerMissing
from servers.net import HOST, wait_for
from servers.radicale_server import Radicale
from servers.smtp_relay import SmtpRelay

from bot.adapters.store import SENT, UNCERTAIN, Store

pytestmark = pytest.mark.servers

LONDON = ZoneInfo("Europe/London")
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
SIMULATE = ["--simulate-from", "2026-11-23T09:00", "--speed", "3600"]


@dataclass
class Servers:
    dovecot: Dovecot
    relay: SmtpRelay


@pytest.fixture
def servers() -> Iterator[Servers]:
    """A Dovecot of its own for each test: acknowledgement Message-IDs come from
    the member's Message-ID, so tests must not share mailboxes."""
    try:
        dovecot = Dovecot()
    except ServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    for address in (JANE, ALICE):
        dovecot.add_user(address, "pw-" + address.split("@")[0])
    relay: SmtpRelay | None = None
    try:
        dovecot.start()
        dovecot._create_folders(JANE, ("Sent",))
        relay = SmtpRelay(dovecot.lmtp_port, dovecot.users).start()
        yield Servers(dovecot, relay)
    finally:
        if relay is not None:
            relay.stop()
        dovecot.close()


def council(tmp_path: Path, s: Servers, *, ack_hours: float, extra: str = "") -> Path:
    """Exampleton with one watched IMAP mailbox (Jane's) and an SMTP outbox."""
    config = sample_council(tmp_path, ack_hours=ack_hours)
    text = re.sub(r"(?m)^\[\[mailbox\]\]\n(?:(?!\[).*\n?)*", "", config.read_text())
    (config.parent / "jane.pw").write_text(s.dovecot.users[JANE].password + "\n")
    text += f"""
[bot]
poll_seconds = 5
member_daily_cap = 1000

[[mailbox]]
address = "{JANE}"
type = "imap"
host = "{HOST}"
port = {s.dovecot.imap_port}
security = "plain"
password_file = "jane.pw"

[outbox]
type = "smtp"
host = "{HOST}"
port = {s.relay.port}
security = "plain"
append_sent = true
{extra}"""
    config.write_text(text)
    return config


def smtp_send(s: Servers, data: bytes, sender: str, to: list[str]) -> None:
    with smtplib.SMTP(HOST, s.relay.port, timeout=10) as smtp:
        smtp.sendmail(sender, to, data)


def officer_reply(n: int, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Jane Smith <{JANE}>"
    msg["To"] = ALICE
    msg["Subject"] = f"Re: Question {n} about the Mill Lane scheme"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<reply{n}@council.test>"
    msg["In-Reply-To"] = f"<q{n}@member.test>"
    msg["References"] = f"<q{n}@member.test>"
    msg.set_content("The works start in January.")
    return bytes(msg)


def acks(s: Servers) -> list[tuple[str, str]]:
    """(Message-ID, In-Reply-To) of each acknowledgement in Alice's inbox."""
    with s.dovecot.client(ALICE) as c:
        c.select_folder("INBOX", readonly=True)
        uids = c.search("ALL")
        if not uids:
            return []
        key = b"BODY[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO X-PROTOCOL-BOT)]"
        fetched = c.fetch(uids, [b"BODY.PEEK" + key[4:]])
    out = []
    for uid in sorted(fetched):
        headers = BytesHeaderParser().parsebytes(fetched[uid][key])
        if headers.get("X-Protocol-Bot") == "acknowledgement":
            out.append((str(headers["Message-ID"]), str(headers["In-Reply-To"])))
    return out


class Bot:
    """The daemon as a subprocess, with its log."""

    def __init__(self, config: Path, log: Path) -> None:
        self.log = log
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with log.open("a") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(config), *SIMULATE],
                stderr=err, stdout=err, env=env,
            )  # fmt: skip

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> int:
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(5)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def text(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def bots() -> Iterator[list[Bot]]:
    started: list[Bot] = []
    yield started
    for bot in started:
        if bot.alive():
            bot.kill()


def test_acknowledgement_arrives_and_a_reply_stops_the_clock(
    tmp_path: Path, servers: Servers, bots: list[Bot]
) -> None:
    config = council(tmp_path, servers, ack_hours=1)
    # Two requests at 09:00; Jane answers the first at 09:10 (sent over SMTP and
    # filed in her Sent folder, as her mail client would).
    for n in (1, 2):
        smtp_send(servers, member_email(n, MONDAY_9), ALICE, [JANE])
    reply = officer_reply(1, MONDAY_9 + timedelta(minutes=10))
    smtp_send(servers, reply, JANE, [ALICE])
    servers.dovecot.append(JANE, "Sent", reply, flags=(b"\\Seen",))
    assert wait_for(lambda: len(servers.dovecot.message_ids(JANE)) == 2, 10)

    bot = Bot(config, tmp_path / "bot.log")
    bots.append(bot)
    assert wait_for(lambda: bool(acks(servers)) or not bot.alive(), 30), bot.text()
    time.sleep(2)  # two more working hours: the answered request must stay quiet
    assert bot.stop() == 0, bot.text()
    (ack,) = acks(servers)
    assert ack[1] == "<q2@member.test>"
    # The acknowledgement went after the window: at 10:00 or later (simulated).
    store = Store(config.parent / "protocol-bot.db")
    (row,) = store.db["actions"].rows_where("type = 'acknowledgement'")
    assert datetime.fromisoformat(row["at"]) >= MONDAY_9 + timedelta(hours=1)
    assert row["status"] == SENT
    store.close()
    # Its copy is in Jane's Sent folder, which is how a restart knows it went.
    assert ack[0] in servers.dovecot.message_ids(JANE, "Sent")
    log = bot.text()
    assert "Could you tell me" not in log and "Mill Lane" not in log  # no bodies or subjects
    assert servers.dovecot.users[JANE].password not in log


def test_sigkill_mid_sending_then_restart_sends_each_once(
    tmp_path: Path, servers: Servers, bots: list[Bot]
) -> None:
    n = 40
    config = council(tmp_path, servers, ack_hours=0)
    with smtplib.SMTP(HOST, servers.relay.port, timeout=10) as smtp:
        for i in range(n):
            smtp.sendmail(ALICE, [JANE], member_email(i, MONDAY_9))
    assert wait_for(lambda: len(servers.dovecot.message_ids(JANE)) == n, 20)

    first = Bot(config, tmp_path / "first.log")
    bots.append(first)
    assert wait_for(lambda: len(acks(servers)) >= 5 or not first.alive(), 60, 0.02), first.text()
    first.kill()
    partial = len(acks(servers))
    assert 0 < partial < n, f"the kill should land mid-sending ({partial} of {n})"

    second = Bot(config, tmp_path / "second.log")
    bots.append(second)
    assert wait_for(lambda: len(acks(servers)) >= n or not second.alive(), 60), second.text()
    time.sleep(1)
    assert second.stop() == 0, second.text()

    delivered = Counter(mid for mid, _ in acks(servers))
    assert max(delivered.values()) == 1, "an acknowledgement was delivered twice"
    answered = {irt for _, irt in acks(servers)}
    assert answered == {f"<q{i}@member.test>" for i in range(n)}, "an acknowledgement was lost"
    store = Store(config.parent / "protocol-bot.db")
    statuses = Counter(
        r["status"] for r in store.db["actions"].rows_where("type = 'acknowledgement'")
    )
    store.close()
    # An uncertain one (the kill fell between the Sent record and the server's
    # answer) is not resent; it was delivered all the same (asserted above).
    assert statuses[SENT] + statuses[UNCERTAIN] == n and statuses[UNCERTAIN] <= 1


def test_imap_server_restart_is_survived(tmp_path: Path, servers: Servers, bots: list[Bot]) -> None:
    config = council(tmp_path, servers, ack_hours=0)
    bot = Bot(config, tmp_path / "bot.log")
    bots.append(bot)
    smtp_send(servers, member_email(1, MONDAY_9), ALICE, [JANE])
    assert wait_for(lambda: len(acks(servers)) == 1 or not bot.alive(), 30), bot.text()

    servers.dovecot.stop()
    time.sleep(6)  # at least one poll finds the server gone
    servers.dovecot.start()
    smtp_send(servers, member_email(2, MONDAY_9 + timedelta(hours=1)), ALICE, [JANE])
    assert wait_for(lambda: len(acks(servers)) == 2 or not bot.alive(), 40), bot.text()
    assert bot.stop() == 0, bot.text()
    assert "temporary failure" in bot.text()  # it did see the outage
    assert sorted(irt for _, irt in acks(servers)) == ["<q1@member.test>", "<q2@member.test>"]


def test_public_meeting_without_ward_members_gets_a_reminder(
    tmp_path: Path, servers: Servers, bots: list[Bot]
) -> None:
    radicale = Radicale({"jane": "calpass"}).start()
    try:
        url = radicale.make_calendar("jane", "calendar")
        (tmp_path / "cal.pw").write_text("calpass\n")
        created = (MONDAY_9 - timedelta(minutes=5)).astimezone(ZoneInfo("UTC"))
        start = MONDAY_9 + timedelta(days=4, hours=10)  # Friday 19:00: too little notice
        stamp = created.strftime("%Y%m%dT%H%M%SZ")
        radicale.put_event("jane", "calendar", "meeting-1", "\r\n".join([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//protocol-bot tests//EN", "BEGIN:VEVENT",
            "UID:meeting-1", f"DTSTAMP:{stamp}", f"CREATED:{stamp}",
            f"DTSTART;TZID=Europe/London:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/London:{start + timedelta(hours=2):%Y%m%dT%H%M%S}",
            "SUMMARY:Public meeting: Northfield traffic scheme",
            "LOCATION:Northfield Community Centre",
            "CATEGORIES:Public meeting",
            f"ORGANIZER:mailto:{JANE}",
            "ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:tom.baker@exampleton.gov.uk",
            "END:VEVENT", "END:VCALENDAR", "",
        ]))  # fmt: skip
        extra = f"""
[[calendar]]
address = "{JANE}"
type = "caldav"
url = "{url}"
username = "jane"
password_file = "{tmp_path / "cal.pw"}"
"""
        config = council(tmp_path, servers, ack_hours=4, extra=extra)
        bot = Bot(config, tmp_path / "bot.log")
        bots.append(bot)

        def reminded() -> bool:
            return any(
                b"X-Protocol-Bot: ward_members_not_invited" in m.data
                for m in servers.relay.messages
            )

        assert wait_for(lambda: reminded() or not bot.alive(), 30), bot.text()
        assert reminded(), bot.text()
        bot.stop()
    finally:
        radicale.close()
