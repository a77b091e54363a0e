"""`protocol-bot run`: the daemon.

One loop does all the work on one thread; APScheduler only wakes it (on the poll
interval and at the engine's next timer), so it holds no protocol state. Signals set
a flag; cleanup runs in ``finally``. The stop event is a parameter so tests can run
the daemon on a thread.

Each cycle: poll every source, decide, then save the decisions, the requests and
the sources' checkpoints in ONE transaction, then send. A crash before the save
loses nothing (the sources give the batch again); a crash while sending is resolved
by asking the transport whether the email went (see Runner.flush).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from apscheduler.schedulers.background import BackgroundScheduler

from bot.adapters.nlp.wards import LazyWardFinder
from bot.adapters.store import Store
from bot.app.digest import store_health
from bot.app.runner import Runner
from bot.app.wiring import load_classifier, parse_time, work_calendar
from bot.clock import SimulatedClock, SystemClock
from bot.config import LoadedConfig, load_config
from bot.errors import AuthError, MisconfiguredError, SourceError, TransientError
from bot.model import CalendarEvent, DistributionList, Message, Settings
from bot.ports import CalendarSource, Clock, MailSource, Sender

log = logging.getLogger(__name__)
B = TypeVar("B")  # a source's batch type

# mailbox/outbox ``type`` -> module with a ``from_settings`` factory, imported only when
# configured so exchangelib or msal load only for councils that use them.
SOURCE_TYPES = {
    "folder": "bot.adapters.sources.folder",
    "imap": "bot.adapters.sources.imap",
    "ews": "bot.adapters.sources.ews",
    "graph": "bot.adapters.sources.graph",
}
# [[calendar]] ``type`` -> module with a ``from_settings(options, settings)`` factory.
CALENDAR_TYPES = {
    "folder": "bot.adapters.sources.ics",
    "caldav": "bot.adapters.sources.caldav",
    "ews": "bot.adapters.sources.ews",
    "graph": "bot.adapters.sources.graph",
}
SENDER_TYPES = {
    "folder": "bot.adapters.outbox.folder",
    "smtp": "bot.adapters.outbox.smtp",
    "ews": "bot.adapters.outbox.ews",
    "graph": "bot.adapters.outbox.graph",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, type=Path, help="configuration file (TOML)")
    p.add_argument("--once", action="store_true", help="run one cycle and exit (for cron or checks)")
    p.add_argument("--simulate-from", metavar="ISO", help="use a simulated clock starting here")
    p.add_argument("--speed", type=float, default=1.0, help="simulated clock speed (with --simulate-from)")


def make_source(settings: Settings, index: int) -> MailSource:
    mb = settings.mailboxes[index]
    module_name = SOURCE_TYPES.get(mb.type)
    if module_name is None:
        raise MisconfiguredError(f"unknown mailbox type {mb.type!r}", source=mb.address)
    if mb.type == "folder":
        from bot.adapters.sources.folder import FolderMailSource

        return FolderMailSource(Path(mb.options["path"]), mb.address, with_text=True)
    module = _import(module_name, mb.type, mb.address)
    return module.from_settings(mb, settings)


def make_calendar(settings: Settings, index: int, clock: Clock | None = None) -> CalendarSource:
    """The source for ``[[calendar]]`` number ``index``: "folder" reads
    PATH/<address>/*.ics (replay's layout), "caldav" a CalDAV collection."""
    cal = settings.calendars[index]
    module_name = CALENDAR_TYPES.get(cal.type)
    if module_name is None:
        raise MisconfiguredError(f"unknown calendar type {cal.type!r}", source=cal.address)
    if cal.type == "folder":
        from bot.adapters.sources.ics import FolderCalendarSource

        if "path" not in cal.options:
            raise MisconfiguredError("a folder calendar needs a path", source=cal.address)
        return FolderCalendarSource(
            Path(cal.options["path"]),
            cal.address,
            clock=clock.now if clock is not None else None,
            default_tz=settings.council.timezone,
        )
    module = _import(module_name, cal.type, cal.address)
    factory = getattr(module, "calendar_from_settings", None) or module.from_settings
    return factory(cal, settings)


def make_sender(settings: Settings) -> Sender:
    options: dict[str, Any] = dict(settings.outbox)
    kind = options.get("type")
    if kind is None:  # default: deliver the way the first mailbox is read
        first = settings.mailboxes[0] if settings.mailboxes else None
        if first is None or first.type != "folder":
            raise MisconfiguredError("no [outbox] configured", source="outbox")
        kind, options = "folder", {"path": first.options["path"]}
    if kind == "folder":
        from bot.adapters.outbox.folder import FolderSender

        return FolderSender(Path(options["path"]))
    module = _import(SENDER_TYPES.get(kind, ""), kind, "outbox")
    return module.from_settings(options, settings)


def _import(module_name: str, kind: str, where: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise MisconfiguredError(f"type {kind!r} is not available in this build", source=where) from exc


class Daemon:
    def __init__(
        self,
        loaded: LoadedConfig,
        *,
        clock: Clock | None = None,
        stop: threading.Event | None = None,
        sources: list[MailSource] | None = None,
        sender: Sender | None = None,
        calendars: list[CalendarSource] | None = None,
    ):
        self.settings = settings = loaded.settings
        self.clock = clock or SystemClock()
        self.stop = stop or threading.Event()
        self.wake = threading.Event()
        now = self.clock.now()
        self.sources = sources if sources is not None else [
            make_source(settings, i) for i in range(len(settings.mailboxes))
        ]
        self.calendars = calendars if calendars is not None else [
            make_calendar(settings, i, self.clock) for i in range(len(settings.calendars))
        ]
        # Calendar checkpoints live in memory: the engine keeps its calendar state in
        # memory too, so after a restart every calendar is read again in full.
        self._calendar_checkpoints: dict[str, str | None] = {}
        state = settings.bot.state or (
            (settings.source_file.parent if settings.source_file else Path.cwd()) / "protocol-bot.db"
        )
        self.store = Store(Path(state))
        restored = bool(self.store.load_actions())
        self.runner = Runner(
            settings=settings,
            registers=loaded.registers,
            calendar=work_calendar(settings, now.year - 1, now.year + 2),
            watched=[s.address for s in self.sources] + [c.address for c in self.calendars],
            store=self.store,
            sender=sender or make_sender(settings),
            classifier=load_classifier(settings, loaded.registers),
            find_wards=LazyWardFinder(
                loaded.registers, loaded.files.postcodes if loaded.files else None
            ).find,
            health=store_health(self.store, settings, loaded.registers),
        )
        self.runner.engine.start(now, catch_up=restored)
        self._backoff: dict[str, datetime] = {}
        self._last_purge: datetime | None = None

    def cycle(self) -> int:
        """Poll, decide, save, send. Returns the number of emails sent."""
        now = self.clock.now()
        messages: list[Message] = []
        history: list[Message] = []  # from mailboxes read for the first time
        malformed: list[tuple[str, str]] = []
        checkpoints: dict[str, str | None] = {}
        for source in self.sources:
            key = f"mail:{source.address}"
            checkpoint = self.store.checkpoint(key)
            batch = self._poll(key, source.poll, checkpoint, now)
            if batch is None:
                continue
            self._expand_lists(source, batch.messages)
            (messages if checkpoint else history).extend(batch.messages)
            malformed += [(f"{source.address}/{m.where}", m.reason) for m in batch.malformed]
            checkpoints[key] = batch.checkpoint
        for where, _ in malformed:
            log.warning("skipped a malformed item: %s", where)
        events = self._poll_calendars(now, malformed)
        actions = self.runner.observe_history(history, now) if history else []
        actions += self.runner.observe(messages, now)
        actions += self.runner.observe_events(events, now)
        actions += self.runner.engine.tick(now)
        self.runner.commit(actions, now, checkpoints=checkpoints, malformed=malformed)
        sent = self.runner.flush(now)
        if self._last_purge is None or now - self._last_purge > timedelta(days=1):
            self.store.purge(now, self.settings.bot.retention_days)
            self._last_purge = now
        return sent

    def _expand_lists(self, source: MailSource, messages: list[Message]) -> None:
        """Ask a source that can expand lists (EWS, Graph) about unknown addresses
        that may be lists reaching the mailbox's owner; a failure only means a
        possible blind-copy flag too many, so it is logged, not raised."""
        expand = getattr(source, "expand_lists", None)
        if expand is None:
            return
        candidates = self.runner.unknown_lists(messages)
        if not candidates:
            return
        try:
            found = expand(candidates)
        except SourceError as exc:
            log.warning("%s: cannot expand distribution lists: %s", source.address, exc)
            return
        self.runner.add_lists(DistributionList(a, tuple(m)) for a, m in sorted(found.items()) if m)

    def _poll_calendars(
        self, now: datetime, malformed: list[tuple[str, str]]
    ) -> list[CalendarEvent]:
        """Poll every watched calendar (with the mail sources' back-off and health)."""
        events: list[CalendarEvent] = []
        for source in self.calendars:
            key = f"calendar:{source.address}"
            batch = self._poll(key, source.poll, self._calendar_checkpoints.get(key), now)
            if batch is None:
                continue
            events += batch.events
            for m in batch.malformed:
                log.warning("skipped a malformed calendar item: %s/%s", source.address, m.where)
                malformed.append((f"calendar:{source.address}/{m.where}", m.reason))
            self._calendar_checkpoints[key] = batch.checkpoint
        return events

    def _poll(
        self, key: str, poll: Callable[[str | None], B], checkpoint: str | None, now: datetime
    ) -> B | None:
        """One source's poll with back-off and health: a failing source is recorded
        (and the digest shows it) but never stops the others."""
        if self._backoff.get(key, now) > now:
            return None
        try:
            batch = poll(checkpoint)
        except TransientError as exc:
            wait = exc.retry_after or 60
            self._backoff[key] = now + timedelta(seconds=wait)
            self.store.set_health(key, "retrying", str(exc), now)
            log.warning("%s: temporary failure, retrying in %ss", key, wait)
            return None
        except AuthError as exc:
            self.store.set_health(key, "needs-attention", str(exc), now)
            log.error("%s: sign-in failed, a person must act: %s", key, exc)
            return None
        except SourceError as exc:
            self.store.set_health(key, "failing", str(exc), now)
            log.error("%s: %s", key, exc)
            return None
        self.store.set_health(key, "ok", "", now)
        return batch

    def run(self) -> None:
        scheduler = BackgroundScheduler(timezone="UTC")
        scheduler.add_job(self.wake.set, "interval", seconds=self.settings.bot.poll_seconds, id="poll")
        scheduler.start()
        for source in self.sources:
            watch = getattr(source, "watch", None)
            if callable(watch):
                watch(self.wake.set)  # IMAP IDLE: new mail wakes the loop at once
        log.info("watching %d mailbox(es)", len(self.sources))
        try:
            while not self.stop.is_set():
                self.cycle()
                self._schedule_timer(scheduler)
                self.wake.wait()
                self.wake.clear()
        finally:
            scheduler.shutdown(wait=False)
            for closable in [*self.sources, *self.calendars, self.runner.sender]:
                close = getattr(closable, "close", None)
                if callable(close):
                    close()
            self.store.close()
            log.info("stopped")

    def request_stop(self, *_: object) -> None:
        self.stop.set()
        self.wake.set()

    def _schedule_timer(self, scheduler: BackgroundScheduler) -> None:
        """Wake when the engine next has work (translated to real time for a fast clock)."""
        wake = self.runner.engine.next_wakeup()
        if wake is None:
            return
        delay = (wake - self.clock.now()).total_seconds()
        if isinstance(self.clock, SimulatedClock):
            delay /= self.clock.speed
        run_at = datetime.now().astimezone() + timedelta(seconds=max(delay, 0.05))
        scheduler.add_job(self.wake.set, "date", run_date=run_at, id="timer", replace_existing=True)


def run(args: argparse.Namespace) -> int:
    loaded = load_config(args.config)
    clock: Clock | None = None
    if args.simulate_from:
        start = parse_time(args.simulate_from, loaded.settings.council.timezone, option="--simulate-from")
        clock = SimulatedClock(start, args.speed)
    daemon = Daemon(loaded, clock=clock)
    if args.once:
        sent = daemon.cycle()
        daemon.store.close()
        print(f"one cycle done: {sent} email(s) sent")
        return 0
    signal.signal(signal.SIGTERM, daemon.request_stop)
    signal.signal(signal.SIGINT, daemon.request_stop)
    daemon.run()
    return 0
