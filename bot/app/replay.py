"""`protocol-bot replay`: shadow mode over a mailbox export with a simulated clock.

Sends nothing. Writes OUT/actions.jsonl (the contract), OUT/outbox/*.eml (every
email it would have sent), OUT/digests/<week>.json, and OUT/malformed.jsonl.
Deterministic: the same input gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.adapters.nlp.wards import LazyWardFinder
from bot.adapters.outbox.recording import RecordingSender
from bot.adapters.sources.folder import mailbox_addresses, message_text, read_export
from bot.adapters.sources.ics import calendar_addresses, read_calendar_export
from bot.adapters.store import Store
from bot.app.digest import replay_health
from bot.app.runner import Runner
from bot.app.wiring import load_classifier, parse_time, work_calendar
from bot.config import load_config
from bot.errors import UserError
from bot.model import Action, ActionType, CalendarEvent
from bot.ports import Sender

log = logging.getLogger(__name__)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, type=Path, help="configuration file (TOML)")
    p.add_argument("--mail", required=True, type=Path, help="MAIL_DIR/<address>/{inbox,sent}/*.eml")
    p.add_argument("--calendar", type=Path, help="CAL_DIR/<address>/*.ics")
    p.add_argument("--start", required=True, help="simulated start (ISO date or date-time)")
    p.add_argument("--end", required=True, help="simulated end (ISO date or date-time)")
    p.add_argument("--out", required=True, type=Path, help="output directory")
    p.add_argument(
        "--no-classifier", action="store_true", help="treat every member email as a request"
    )


@dataclass
class ReplayResult:
    actions: list[Action]
    messages: int
    malformed: int
    out: Path
    events: int = 0  # calendar event versions read (--calendar)


# Recurring calendar entries are expanded this far past --end: a pre-election period
# or a party group meeting months ahead is flagged when the entry is made.
CALENDAR_LOOKAHEAD = timedelta(days=400)


def replay(
    config: Path,
    mail: Path,
    start: str,
    end: str,
    out: Path,
    *,
    calendar_dir: Path | None = None,
    use_classifier: bool = True,
    sender: Sender | None = None,
) -> ReplayResult:
    """Shadow mode; ``sender`` replaces the recording outbox (the demo delivers)."""
    loaded = load_config(config)
    settings, registers = loaded.settings, loaded.registers
    tz = settings.council.timezone
    t0, t1 = parse_time(start, tz, option="--start"), parse_time(end, tz, option="--end")
    if t1 < t0:
        raise UserError("--end is before --start")
    if not mail.is_dir():
        raise UserError(f"--mail: {mail} is not a directory")
    classifier = load_classifier(settings, registers) if use_classifier else None
    messages, malformed = read_export(mail)  # headers only; text on demand below
    messages = [m for m in messages if m.date <= t1]
    events: list[CalendarEvent] = []
    calendar_owners: list[str] = []
    if calendar_dir is not None:
        if not calendar_dir.is_dir():
            raise UserError(f"--calendar: {calendar_dir} is not a directory")
        horizon_start = min([t0, *(m.date for m in messages)]) - timedelta(days=31)
        events, bad_events = read_calendar_export(
            calendar_dir, (horizon_start, t1 + CALENDAR_LOOKAHEAD), default_tz=tz
        )
        events = [e for e in events if e.created <= t1]
        malformed = malformed + bad_events
        calendar_owners = calendar_addresses(calendar_dir)
    first = min([t0, *(m.date for m in messages), *(e.created for e in events)])
    calendar = work_calendar(settings, first.year, t1.year)

    out.mkdir(parents=True, exist_ok=True)
    store = Store(None)
    runner = Runner(
        settings=settings,
        registers=registers,
        calendar=calendar,
        watched=sorted({*mailbox_addresses(mail), *calendar_owners}),
        store=store,
        sender=sender or RecordingSender(out, clock_date=lambda: t1),
        classifier=classifier,
        text_for=lambda m: message_text(mail, m),
        find_wards=LazyWardFinder(registers, loaded.files.postcodes if loaded.files else None).find,
        health=replay_health(mailbox_addresses(mail), len(malformed), registers),
    )
    runner.engine.start(t0)
    decided = runner.observe_all(messages, events)  # each at its own time
    decided += runner.tick_before(t1)
    decided += runner.engine.tick(t1)
    # Messages before --start are history: they shape threads and clocks, but the
    # bot was not running then, so nothing it would have done before start counts.
    actions = [a for a in decided if a.at >= t0]
    runner.commit(actions, t1, malformed=[(m.where, m.reason) for m in malformed])
    runner.flush(t1)
    _write(out, actions, malformed)
    store.close()
    return ReplayResult(actions, len(messages), len(malformed), out, len(events))


def _write(out: Path, actions: list[Action], malformed: list) -> None:
    ordered = sorted(enumerate(actions), key=lambda ia: (ia[1].at, ia[0]))
    with (out / "actions.jsonl").open("w", encoding="utf-8") as f:
        for _, action in ordered:
            record = action.contract_dict()
            if action.type is ActionType.DIGEST:
                record["details"] = {k: v for k, v in action.details.items() if k != "digest"}
                record["details"]["counts"] = action.details["digest"]["counts"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    digests = out / "digests"
    for action in actions:
        if action.type is ActionType.DIGEST:
            digests.mkdir(exist_ok=True)
            data = action.details["digest"]
            (digests / f"{data['week']}.json").write_text(
                json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    with (out / "malformed.jsonl").open("w", encoding="utf-8") as f:
        for m in sorted(malformed, key=lambda m: m.where):
            f.write(json.dumps({"where": m.where, "reason": m.reason}) + "\n")


def run(args: argparse.Namespace) -> int:
    started = datetime.now()
    result = replay(
        args.config,
        args.mail,
        args.start,
        args.end,
        args.out,
        calendar_dir=args.calendar,
        use_classifier=not args.no_classifier,
    )
    seconds = (datetime.now() - started).total_seconds()
    events = f" and {result.events} calendar events" if args.calendar else ""
    print(
        f"replayed {result.messages} messages{events} in {seconds:.1f}s: "
        f"{len(result.actions)} actions, "
        f"{result.malformed} malformed (skipped); wrote {result.out / 'actions.jsonl'}"
    )
    return 0
