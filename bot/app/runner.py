"""One cycle of the bot, shared by the daemon and replay: observe, decide, record, send.

The daemon feeds it the system clock and real sources; replay feeds it a simulated
clock and an export. Everything else is the same code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.adapters.render import Renderer
from bot.adapters.store import FAILED, PENDING, SENDING, SENT, UNCERTAIN, Store
from bot.core.context import Context
from bot.core.engine import Engine
from bot.core.worktime import WorkCalendar
from bot.errors import SourceError, TransientError
from bot.model import (
    Action,
    ActionType,
    CalendarEvent,
    Classification,
    DistributionList,
    Folder,
    Message,
    Registers,
    Settings,
)
from bot.ports import Classifier, Sender

log = logging.getLogger(__name__)


class Runner:
    def __init__(
        self,
        *,
        settings: Settings,
        registers: Registers,
        calendar: WorkCalendar,
        watched: Iterable[str],
        store: Store,
        sender: Sender,
        classifier: Classifier | None,
        text_for: Callable[[Message], str] | None = None,
        find_wards: Callable[[str], tuple[str, ...]] | None = None,
        health: Callable[[dict[str, Any], datetime], dict[str, Any]] | None = None,
    ):
        """``text_for`` reads a message's body when a source delivered headers only
        (replay reads text just for the emails the classifier must see).
        ``find_wards`` names the wards a text is about (bot.adapters.nlp.wards), for
        the calendar and press-release rules; None: no ward is ever found.
        ``health(data, now)`` gives a digest's "health" section (the bot's own state,
        which the pure engine cannot know; see bot.app.digest)."""
        self.ctx = Context(settings, registers, calendar, frozenset(a.lower() for a in watched))
        self.engine = Engine(self.ctx)
        self.store = store
        self.sender = sender
        self.classifier = classifier
        self.text_for = text_for
        self.find_wards = find_wards
        self.health = health
        self.renderer = Renderer(settings, registers)
        self.engine.restore(store.load_requests(), store.load_actions())

    def unknown_lists(self, messages: Sequence[Message]) -> list[str]:
        """Addresses in To/Cc of inbox mail that might be lists reaching the mailbox's
        owner: the mailbox is not visibly addressed, and the register does not know
        the address. A source that can expand lists is asked about these."""
        regs = self.ctx.registers
        known = {dl.address for dl in regs.lists}
        return sorted({
            a for m in messages
            if m.folder is Folder.INBOX and not regs.reaches(m.visible_recipients, m.mailbox)
            for a in m.visible_recipients
            if a not in known and not regs.is_member(a) and regs.officer(a) is None
        })  # fmt: skip

    def add_lists(self, lists: Iterable[DistributionList]) -> None:
        """Lists a source expanded join the registers, so an officer reached through
        one is not taken for a blind copy."""
        new = tuple(lists)
        if not new:
            return
        regs = self.ctx.registers
        merged = Registers(  # built afresh: the lookup tables are filled at init
            members=regs.members, officers=regs.officers, wards=regs.wards, lists=regs.lists + new
        )
        self.ctx = replace(self.ctx, registers=merged)
        self.engine.ctx = self.ctx
        self.renderer.registers = merged

    def classify(self, messages: Sequence[Message]) -> dict[str, Classification]:
        wanted = {m.message_id: m for m in messages if self.engine.needs_classification(m)}
        if not wanted or self.classifier is None:
            return {}
        batch = [
            replace(m, text=self.text_for(m)) if m.text is None and self.text_for else m
            for m in wanted.values()
        ]
        return dict(zip(wanted, self.classifier.classify(batch), strict=True))

    def observe(self, messages: Sequence[Message], now: datetime | None = None) -> list[Action]:
        """Observe messages in time order. ``now`` None: each at its own time (replay)."""
        labels = self.classify(messages)
        actions: list[Action] = []
        for msg in sorted(messages, key=message_order):
            at = now or msg.date
            if now is None:
                actions += self.tick_before(at)
            actions += self.engine.observe(
                msg, labels.get(msg.message_id), at, wards=self.wards_of_message(msg)
            )
        return actions

    def observe_history(self, messages: Sequence[Message], now: datetime) -> list[Action]:
        """A mailbox read for the first time: the mail already in it is history, as in
        replay. Each message is observed at its own date, so threads and clocks are
        right, but what the bot would have done before ``now`` is dropped: a new
        install must not flood members with acknowledgements for last year's mail.
        Timers of other requests that fall due meanwhile are kept."""
        past = [m for m in messages if m.date <= now]
        ids = {m.message_id for m in past}
        decided = self.observe(past, None)
        decided = [a for a in decided if a.at >= now or a.message_id not in ids]
        return decided + self.observe([m for m in messages if m.date > now], now)

    # ---- calendars and wards ---------------------------------------------------------

    def wards_of_message(self, msg: Message) -> tuple[str, ...]:
        """The wards an officer's email is about, read from its subject and text, only
        for the emails the ward rules look at (officer emails to members, press
        releases): reading a body costs."""
        if self.find_wards is None or not self.engine.wants_wards(msg):
            return ()
        text = msg.text
        if text is None and self.text_for is not None:
            text = self.text_for(msg)
        return self.find_wards(f"{msg.subject}\n{text or ''}")

    def wards_of_event(self, event: CalendarEvent) -> tuple[str, ...]:
        if self.find_wards is None or event.cancelled:
            return ()
        return self.find_wards(f"{event.summary}\n{event.location}\n{event.description}")

    def observe_events(
        self, events: Sequence[CalendarEvent], now: datetime | None = None
    ) -> list[Action]:
        """Observe calendar events in order. ``now`` None: each at its ``created``
        time (replay's versions, see bot.adapters.sources.ics)."""
        actions: list[Action] = []
        for event in sorted(events, key=event_order):
            at = now or event.created
            if now is None:
                actions += self.tick_before(at)
            actions += self.engine.observe_event(event, self.wards_of_event(event), at)
        return actions

    def observe_all(
        self, messages: Sequence[Message], events: Sequence[CalendarEvent]
    ) -> list[Action]:
        """Replay: messages (at their dates) and calendar events (at their created
        times) together in time order, timers firing between them; at one instant,
        messages first."""
        if not events:
            return self.observe(messages)
        labels = self.classify(messages)
        stream: list[tuple[tuple, Message | CalendarEvent]] = [
            ((m.date, 0, *message_order(m)[1:]), m) for m in messages
        ]
        stream += [((e.created, 1, *event_order(e)[1:]), e) for e in events]
        stream.sort(key=lambda item: item[0])
        actions: list[Action] = []
        for _, item in stream:
            if isinstance(item, Message):
                actions += self.tick_before(item.date)
                actions += self.engine.observe(
                    item, labels.get(item.message_id), item.date, wards=self.wards_of_message(item)
                )
            else:
                actions += self.tick_before(item.created)
                actions += self.engine.observe_event(item, self.wards_of_event(item), item.created)
        return actions

    def tick_before(self, when: datetime) -> list[Action]:
        """Fire every timer strictly before ``when``, each at its own time."""
        actions: list[Action] = []
        while (wake := self.engine.next_wakeup()) is not None and wake < when:
            actions += self.engine.tick(wake)
        return actions

    def commit(
        self,
        actions: Sequence[Action],
        now: datetime,
        *,
        checkpoints: dict[str, str | None] | None = None,
        malformed: Iterable[tuple[str, str]] = (),
    ) -> None:
        for action in actions:
            if action.type is ActionType.DIGEST:
                data = action.details["digest"]
                if self.health is not None and "health" not in data:
                    data["health"] = self.health(data, now)  # before it is saved or sent
                self.store.save_digest(action.details["week"], data, now)
        dirty = [self.engine.requests[k] for k in sorted(self.engine.dirty)]
        self.store.save(
            requests=dirty, actions=actions, checkpoints=checkpoints, malformed=malformed, now=now
        )
        self.engine.dirty.clear()

    def flush(self, now: datetime) -> int:
        """Send what was decided and not yet sent. A row left 'sending' by a crash is
        checked with the transport first, so nothing goes out twice."""
        sent = 0
        for action, status in self.store.to_send():
            email = self.renderer.render(action)
            if email is None:
                continue
            if status == SENDING:
                try:
                    known = self.sender.was_sent(email)
                except SourceError as exc:
                    log.warning("cannot check %s with the transport yet: %s", action.key, exc)
                    continue  # left 'sending': asked again next cycle
                if known is True:
                    self.store.mark(action.key, SENT, at=now)
                    continue
                if known is None:
                    log.warning(
                        "not resending %s: the transport cannot tell if it went", action.key
                    )
                    self.store.mark(action.key, UNCERTAIN, at=now)
                    continue
            self.store.mark(action.key, SENDING, at=now)
            try:
                self.sender.send(email)
            except TransientError as exc:
                log.warning("sending %s failed, will retry: %s", action.key, exc)
                self.store.mark(action.key, PENDING, at=now, error=str(exc))
                continue
            except SourceError as exc:
                log.error("sending %s failed: %s", action.key, exc)
                self.store.mark(action.key, FAILED, at=now, error=str(exc))
                continue
            self.store.mark(action.key, SENT, at=now)
            log.info(
                "sent %s (%s) to %d recipient(s)",
                action.rule,
                action.type,
                len(email.to + email.cc),
            )
            sent += 1
        return sent


def event_order(event: CalendarEvent) -> tuple:
    return (event.created, event.mailbox, event.key, event.cancelled)


def message_order(msg: Message) -> tuple:
    # Same instant: a member's email before the reply to it; then stable by mailbox/id.
    return (msg.date, 0 if msg.folder == "inbox" else 1, msg.mailbox, msg.message_id)
