"""The daemon end to end on local folder mailboxes: a thread that stops cleanly, and
a process killed with SIGKILL mid-work that, restarted, sends every email once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from helpers.sample import ALICE, JANE, member_email, sample_council

from bot.adapters.store import SENT, Store
from bot.app.daemon import Daemon
from bot.clock import SimulatedClock
from bot.config import load_config

LONDON = ZoneInfo("Europe/London")
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def acknowledgements(folder):
    return [p for p in folder.glob("*.eml") if "X-Protocol-Bot: acknowledgement" in p.read_text()]


def test_daemon_acknowledges_then_stops_cleanly(tmp_path):
    config = sample_council(tmp_path, extra="\n[bot]\npoll_seconds = 5\n")
    inbox = config.parent / "mail" / JANE / "inbox"
    outgoing = config.parent / "mail" / "_outgoing"
    (inbox / "q1.eml").write_bytes(member_email(1, MONDAY_9))
    stop = threading.Event()
    # A clock 3,600 times faster than real time: four working hours pass in four seconds.
    daemon = Daemon(load_config(config), clock=SimulatedClock(MONDAY_9, 3600), stop=stop)
    thread = threading.Thread(target=daemon.run)
    thread.start()
    try:
        assert wait_for(lambda: outgoing.exists() and any(outgoing.glob("*.eml")), 20)
        (ack,) = outgoing.glob("*.eml")
        text = ack.read_text()
        assert f"To: {ALICE}" in text and "In-Reply-To: <q1@member.test>" in text
        assert "Auto-Submitted: auto-generated" in text
    finally:
        daemon.request_stop()
        thread.join(10)
    assert not thread.is_alive()


def test_sigkill_mid_work_then_restart_sends_every_email_exactly_once(tmp_path):
    n = 300
    # Acknowledge at once; lift the per-member daily cap, which would hold back all
    # but ten acknowledgements to one member.
    config = sample_council(tmp_path, ack_hours=0, extra="\n[bot]\nmember_daily_cap = 1000\n")
    inbox = config.parent / "mail" / JANE / "inbox"
    for i in range(n):
        (inbox / f"q{i:04d}.eml").write_bytes(member_email(i, MONDAY_9))
    outgoing = config.parent / "mail" / "_outgoing"
    cmd = [sys.executable, "-m", "bot", "run", "--config", str(config),
           "--simulate-from", "2026-11-23T09:05"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log1, log2 = tmp_path / "first.log", tmp_path / "second.log"
    with log1.open("w") as err:
        first = subprocess.Popen(cmd, stderr=err, env=env)
    assert wait_for(lambda: outgoing.exists() and len(list(outgoing.glob("*.eml"))) >= 20, 60)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    partial = len(acknowledgements(outgoing))
    assert 0 < partial < n, "the kill should land in the middle of sending"

    with log2.open("w") as err:
        second = subprocess.Popen(cmd, stderr=err, env=env)
    assert wait_for(lambda: len(acknowledgements(outgoing)) == n, 60)
    time.sleep(0.5)
    second.send_signal(signal.SIGTERM)  # and a clean stop
    assert second.wait(20) == 0
    first_log, second_log = log1.read_text(), log2.read_text()

    delivered = "folder sender: delivered acknowledgement"
    # The restart wrote exactly the emails missing at the kill, none of those already out.
    assert second_log.count(delivered) == n - partial
    # The kill may land between a file's rename and its log line, never before the file.
    assert first_log.count(delivered) in (partial - 1, partial)
    store = Store(config.parent / "protocol-bot.db")
    rows = list(store.db["actions"].rows_where("type = 'acknowledgement'"))
    assert len(rows) == n and all(r["status"] == SENT for r in rows)
    assert "stopped" in second_log
    # The restart also caught up the weekly digest that fell due while it was down.
    assert "delivered weekly_digest" in second_log


def test_a_mailbox_read_for_the_first_time_is_history_not_a_flood(tmp_path):
    """A new install finds weeks of mail already in the inbox. Old unanswered member
    emails must not all be acknowledged, nudged and escalated at once; a recent one
    whose deadlines lie ahead still gets them when they fall due."""
    config = sample_council(tmp_path)
    inbox = config.parent / "mail" / JANE / "inbox"
    (inbox / "old.eml").write_bytes(member_email(1, datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)))
    (inbox / "new.eml").write_bytes(member_email(2, datetime(2026, 11, 23, 8, 45, tzinfo=LONDON)))
    clock = SimulatedClock(MONDAY_9, 0)  # stands still until the test moves it
    daemon = Daemon(load_config(config), clock=clock)
    try:
        assert daemon.cycle() == 0  # nothing owed before the bot began
        clock.start = datetime(2026, 11, 25, 12, 0, tzinfo=LONDON)  # two days on
        daemon.cycle()
        rows = list(daemon.store.db["actions"].rows_where(order_by="at"))
    finally:
        daemon.store.close()
    done = {(r["type"], r["message_id"]) for r in rows}
    assert not any(m == "<q1@member.test>" for _, m in done), done
    assert {("acknowledgement", "<q2@member.test>"), ("nudge", "<q2@member.test>")} <= done
    assert all(r["status"] == SENT for r in rows if r["type"] != "flag")
