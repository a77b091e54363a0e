"""One cycle of the bot, shared by the daemon and replay: observe, decide, record, send.

The daemon feeds it the system clock and real sources; replay feeds it a simulated
clock and an export. Everything else is the same code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from bot.adapters.render import Renderer
from bot.adapters.store import FAILED, PENDING, SENDING, SENT, UNCERTAIN, Store
from bot.core.context import Context
from bot.core.engine import Engine
from bot.core.worktime import WorkCalendar
from bot.errors import SourceError, TransientError
from bot.model import Action, ActionType, Classification, Message, Registers, Settings
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
    ):
        """``text_for`` reads a message's body when a source delivered headers only
        (replay reads text just for the emails the classifier must see)."""
        self.ctx = Context(settings, registers, calendar, frozenset(a.lower() for a in watched))
        self.engine = Engine(self.ctx)
        self.store = store
        self.sender = sender
        self.classifier = classifier
        self.text_for = text_for
        self.renderer = Renderer(settings, registers)
        self.engine.restore(store.load_requests(), store.load_actions())

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
            actions += self.engine.observe(msg, labels.get(msg.message_id), at)
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
                self.store.save_digest(action.details["week"], action.details["digest"], now)
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
                known = self.sender.was_sent(email)
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


def message_order(msg: Message) -> tuple:
    # Same instant: a member's email before the reply to it; then stable by mailbox/id.
    return (msg.date, 0 if msg.folder == "inbox" else 1, msg.mailbox, msg.message_id)
