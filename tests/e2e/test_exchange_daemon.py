"""The daemon end to end against each Exchange double (EWS and Graph), over real
HTTP with the real adapters: it acknowledges a member's request from the
officer's own mailbox, nudges, escalates, tells a distribution list from a blind
copy, and resumes after a restart without repeating or losing anything.

The daemon runs its real ``cycle()`` on a clock the test moves through a working
week; a second test runs the daemon's own loop, built from a configuration file
that points at the double (the way a council would run it).
"""

from __future__ import annotations

import email
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from doubles.ews_double import EwsDouble
from doubles.graph_double import GraphDouble
from doubles.tls import make_tls
from helpers.sample import ALICE, JANE, sample_council

from bot.adapters.outbox.ews import EwsSender
from bot.adapters.outbox.graph import GraphSender
from bot.adapters.sources.ews import EwsMailSource, connection
from bot.adapters.sources.graph import GraphMailSource, client
from bot.adapters.store import SENT, Store
from bot.app.daemon import Daemon
from bot.clock import SimulatedClock
from bot.config import load_config
from bot.ports import Sender

LONDON = ZoneInfo("Europe/London")
TOM = "tom.baker@exampleton.gov.uk"  # Jane's manager
DEMSERV = "democratic.services@exampleton.gov.uk"  # sends nudges, escalations, flags
CHIEF = "chief.executive@exampleton.gov.uk"
DL = "planning.everyone@exampleton.gov.uk"  # known to Exchange only, not to lists.csv
MAILBOXES = (JANE, TOM, DEMSERV, CHIEF)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)  # 23 Nov 2026 is a Monday


def member_mail(n: int, when: datetime, *, to: str = JANE, subject: str = "") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Cllr Alice Green <{ALICE}>"
    msg["To"] = to
    msg["Subject"] = subject or f"Question {n} about the Mill Lane scheme"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<q{n}@member.test>"
    msg.set_content("Could you tell me when the works will start?")
    return bytes(msg)


def officer_reply(n: int, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Jane Smith <{JANE}>"
    msg["To"] = ALICE
    msg["Subject"] = f"RE: Question {n} about the Mill Lane scheme"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<r{n}@exampleton.gov.uk>"
    msg["In-Reply-To"] = f"<q{n}@member.test>"
    msg["References"] = f"<q{n}@member.test>"
    msg.set_content("The works start in March.")
    return bytes(msg)


class SteppedClock:
    """The test moves time; the daemon only reads it."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def now(self) -> datetime:
        return self.t


# -- the doubles, behind one interface ----------------------------------------------------


@dataclass
class Exchange:
    name: str
    double: Any
    make_source: Callable[[str], Any]
    make_sender: Callable[[], Sender]
    mailbox_options: dict[str, Any]
    clock: Any = None

    def sent(self) -> list[email.message.Message]:
        return [email.message_from_bytes(raw) for _, raw in self.double.sent]

    def inbox(self, address: str) -> list[str]:
        return [i.message_id for i in self.double.store.folder(address, "inbox")]


@pytest.fixture(params=["ews", "graph"])
def exchange(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Exchange]:
    clock = SteppedClock(at(23, 9))
    if request.param == "ews":
        double: Any = EwsDouble(impersonation=set(MAILBOXES), clock=lambda: clock.now())
        monkeypatch.setenv("EWS_DOUBLE_PASSWORD", double.password)
        double.start()
        opts: dict[str, Any] = {"service_endpoint": double.url, "auth": "basic", "username": double.username,
                                "password_env": "EWS_DOUBLE_PASSWORD", "access": "impersonation"}  # fmt: skip
        ex = Exchange(
            "ews", double,
            lambda address: EwsMailSource(address, connection(opts, source=address)),
            lambda: EwsSender(connection(opts, source="outbox")),
            opts,
        )  # fmt: skip
    else:
        double = GraphDouble(tls=make_tls(tmp_path / "tls"), clock=lambda: clock.now())
        monkeypatch.setenv("GRAPH_DOUBLE_SECRET", "graph-app-secret")
        double.start()
        opts = double.options()
        ex = Exchange(
            "graph", double,
            lambda address: GraphMailSource(address, client(opts, source=address)),
            lambda: GraphSender(client(opts, source="outbox")),
            opts,
        )  # fmt: skip
    for address in MAILBOXES:
        double.add_mailbox(address)
    double.store.add_list(DL, [JANE, TOM])
    ex.clock = clock
    try:
        yield ex
    finally:
        double.stop()


def start_daemon(ex: Exchange, config: Path) -> tuple[Daemon, list[Any], Sender]:
    sources = [ex.make_source(JANE)]
    sender = ex.make_sender()
    daemon = Daemon(load_config(config), clock=ex.clock, sources=sources, sender=sender)
    return daemon, sources, sender


def stop_daemon(daemon: Daemon, sources: list[Any], sender: Sender) -> None:
    for s in sources:
        s.close()
    sender.close()
    daemon.store.close()


def actions(config: Path) -> list[dict[str, Any]]:
    store = Store(config.parent / "protocol-bot.db")
    try:
        return list(store.db["actions"].rows_where(order_by="at, key"))
    finally:
        store.close()


def test_a_working_week_against_exchange(exchange: Exchange, tmp_path: Path) -> None:
    ex, clock = exchange, exchange.clock
    config = sample_council(tmp_path)
    d = ex.double
    daemon, sources, sender = start_daemon(ex, config)
    clock.t = at(23, 8, 55)
    daemon.cycle()  # the first read of Jane's (empty) mailbox: from now on mail is new
    d.deliver(JANE, "inbox", member_mail(1, at(23, 9)))  # to Jane
    d.deliver(JANE, "inbox", member_mail(2, at(23, 9, 10), to=DL))  # to a list Jane is on
    d.deliver(JANE, "inbox", member_mail(3, at(23, 9, 20), to=TOM))  # Jane blind-copied
    clock.t = at(23, 9, 30)
    daemon.cycle()
    flags = [a for a in actions(config) if a["type"] == "flag"]
    assert [(f["rule"], f["message_id"]) for f in flags] == [("blind_copy_received", "<q3@member.test>")]

    clock.t = at(23, 13, 30)  # past the 4 working hours
    daemon.cycle()
    acks = [m for m in ex.sent() if m["X-Protocol-Bot"] == "acknowledgement"]
    assert sorted(m["In-Reply-To"] for m in acks) == ["<q1@member.test>", "<q2@member.test>"]
    for m in acks:  # from the officer's own mailbox, threaded under the member's email
        assert m["From"].endswith(f"<{JANE}>") and m["To"] == ALICE
        assert m["References"] == m["In-Reply-To"] and m["Auto-Submitted"] == "auto-generated"
    assert {mailbox for mailbox, raw in d.sent if b"acknowledgement" in raw} == {JANE}
    acks_in_sent_items = [i for i in d.store.folder(JANE, "sentitems") if (i.message_id or "").startswith("<pb-")]
    assert len(acks_in_sent_items) == 2  # saved to Sent Items ...
    clock.t = at(23, 13, 45)
    daemon.cycle()  # ... and read back from there without being taken for Jane's reply
    stop_daemon(daemon, sources, sender)

    # Down for an hour: a new request and Jane's reply to it arrive meanwhile.
    d.deliver(JANE, "inbox", member_mail(4, at(23, 14, 30)))
    d.deliver(JANE, "sentitems", officer_reply(4, at(23, 14, 45)))
    sent_before_restart = len(d.sent)

    daemon, sources, sender = start_daemon(ex, config)
    clock.t = at(23, 15)
    daemon.cycle()
    again = [m for m in ex.sent()[sent_before_restart:] if m["X-Protocol-Bot"] == "acknowledgement"]
    assert again == []  # nothing repeated
    clock.t = at(24, 10)  # q4 would have been acknowledged by now: it was answered
    daemon.cycle()
    clock.t = at(24, 14, 30)  # 4 working hours before Wednesday 09:00
    daemon.cycle()
    clock.t = at(25, 9, 30)  # overdue
    daemon.cycle()
    stop_daemon(daemon, sources, sender)

    rows = actions(config)
    by = {(r["type"], r["message_id"]) for r in rows}
    assert ("acknowledgement", "<q4@member.test>") not in by  # answered in time: nothing to do
    for q in ("<q1@member.test>", "<q2@member.test>"):
        assert {("acknowledgement", q), ("nudge", q), ("escalation", q)} <= by
    assert ("flag", "<q2@member.test>") not in by  # reached through a list: no blind copy
    assert all(r["status"] == SENT for r in rows), [(r["type"], r["status"]) for r in rows]
    sent = ex.sent()
    ids = [m["Message-ID"] for m in sent]
    assert len(ids) == len(set(ids))  # every email once, across the restart
    escalations = [m for m in sent if m["X-Protocol-Bot"] == "response_overdue"]
    assert len(escalations) == 2
    for m in escalations:
        assert JANE in m["To"] and TOM in (m["Cc"] or "")
        assert m["From"].endswith(f"<{DEMSERV}>")
    nudges = [m for m in sent if m["X-Protocol-Bot"] == "response_due"]
    assert len(nudges) == 2 and all(m["To"] == JANE for m in nudges)
    assert sum(1 for i in ex.inbox(TOM) if i and i.startswith("<pb-")) == 2  # the manager got them


def test_the_daemon_loop_from_a_config_file_pointing_at_the_double(exchange: Exchange, tmp_path: Path) -> None:
    """``protocol-bot run`` as a council configures it: [[mailbox]] and [outbox]
    of type ews or graph, secrets from the environment, a simulated clock."""
    ex = exchange
    options = "\n".join(f"{k} = {_toml(v)}" for k, v in ex.mailbox_options.items())
    extra = (f'\n[bot]\npoll_seconds = 5\n\n[outbox]\ntype = "{ex.name}"\n{options}\n'
             f'\n[[mailbox]]\naddress = "{JANE}"\ntype = "{ex.name}"\n{options}\n')  # fmt: skip
    config = sample_council(tmp_path, extra=extra)
    text = config.read_text()
    config.write_text(_only_exchange_mailboxes(text))
    ex.double.deliver(JANE, "inbox", member_mail(1, at(23, 9)))
    loaded = load_config(config)
    assert [m.type for m in loaded.settings.mailboxes] == [ex.name]
    stop = threading.Event()
    daemon = Daemon(loaded, clock=SimulatedClock(at(23, 9, 5), 3600), stop=stop)
    thread = threading.Thread(target=daemon.run)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
            m["X-Protocol-Bot"] == "acknowledgement" for m in ex.sent()
        ):
            time.sleep(0.1)
        (ack,) = [m for m in ex.sent() if m["X-Protocol-Bot"] == "acknowledgement"]
        assert ack["In-Reply-To"] == "<q1@member.test>" and ack["From"].endswith(f"<{JANE}>")
    finally:
        daemon.request_stop()
        thread.join(15)
    assert not thread.is_alive()


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _only_exchange_mailboxes(text: str) -> str:
    """Drop the sample council's folder mailboxes, keep the one appended."""
    return re.sub(r'\[\[mailbox\]\]\naddress = "[^"]+"\ntype = "folder"\npath = "mail"\n', "", text)
