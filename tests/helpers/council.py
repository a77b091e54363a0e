"""A tiny council for engine tests: two officers, a manager, three members, a list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.context import Context
from bot.core.engine import Engine
from bot.core.worktime import WorkCalendar
from bot.model import DistributionList, Folder, Member, Message, Officer, Registers
from bot.model.settings import CouncilSettings, ServiceLevel, Settings, SlaSettings

LONDON = ZoneInfo("Europe/London")
JANE, TOM, AMIR = "jane@council.test", "tom@council.test", "amir@council.test"
ALICE, BOB = "alice@council.test", "bob@council.test"
ALICE_HOME = "alice@home.test"

REGISTERS = Registers(
    members=(
        Member("Cllr Alice Green", (ALICE, ALICE_HOME), "Northfield", "Green"),
        Member("Cllr Bob Harris", (BOB,), "Riverside", "Labour"),
    ),
    officers=(
        Officer("Jane Smith", (JANE,), "Planning Officer", TOM),
        Officer("Tom Baker", (TOM,), "Head of Planning", ""),
        Officer("Amir Khan", (AMIR,), "Engineer", TOM),
    ),
    lists=(DistributionList("planning@council.test", (JANE, TOM)),),
)

ENGLAND_2026 = frozenset(
    {date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2026, 8, 31)}
)


def settings(**sla_kinds: ServiceLevel) -> Settings:
    return Settings(
        council=CouncilSettings(name="Testham Council"),
        sla=SlaSettings(
            default=ServiceLevel(4, 2, 4),
            kinds={"other": ServiceLevel(track=False), **sla_kinds},
        ),
    )


def context(s: Settings | None = None, holidays: frozenset[date] = ENGLAND_2026) -> Context:
    s = s or settings()
    cal = WorkCalendar(LONDON, (0, 1, 2, 3, 4), time(8, 30), time(17, 30), holidays, frozenset())
    return Context(s, REGISTERS, cal, frozenset({JANE, TOM, AMIR}))


def engine(s: Settings | None = None) -> Engine:
    return Engine(context(s))


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


_counter = iter(range(1, 10**9))


def mail(
    when: datetime,
    sender: str = ALICE,
    to: tuple[str, ...] = (JANE,),
    *,
    mailbox: str | None = None,
    folder: Folder = Folder.INBOX,
    cc: tuple[str, ...] = (),
    bcc: tuple[str, ...] = (),
    subject: str = "Potholes on Mill Lane",
    mid: str | None = None,
    in_reply_to: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
    conversation_id: str | None = None,
) -> Message:
    return Message(
        mailbox=mailbox or (sender if folder is Folder.SENT else to[0]),
        folder=folder,
        message_id=mid or f"<m{next(_counter)}@test>",
        date=when,
        sender=sender,
        to=to,
        cc=cc,
        bcc=bcc,
        subject=subject,
        in_reply_to=in_reply_to,
        references=(in_reply_to,) if in_reply_to else (),
        headers=headers,
        conversation_id=conversation_id,
    )


def reply(to_msg: Message, when: datetime, sender: str = JANE, **kw) -> Message:
    kw.setdefault("in_reply_to", to_msg.message_id)
    return mail(when, sender, (to_msg.sender,), folder=Folder.SENT,
                subject="RE: " + to_msg.subject, **kw)


def run(eng: Engine, messages: list[Message], until: datetime) -> list:
    """Replay-style: timers fire at their own times between messages."""
    out = []
    for msg in sorted(messages, key=lambda m: (m.date, m.folder != Folder.INBOX)):
        while (w := eng.next_wakeup()) is not None and w < msg.date:
            out += eng.tick(w)
        out += eng.observe(msg, None, msg.date)
    while (w := eng.next_wakeup()) is not None and w <= until:
        out += eng.tick(w)
    return out


__all__ = ["replace"]
