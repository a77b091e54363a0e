"""`protocol-bot digest`: preview a weekly digest from the bot's store, sending nothing.

Also the app layer's half of the digest, its ``health`` section. The engine is pure:
it computes the protocol numbers from its requests and action history. The bot's
own health (sources failing or needing a person, unreadable items, emails that
went or failed) lives in the store, so the app adds it:

    Runner(..., health=probe)      probe(data, now) -> dict, called by Runner.commit
                                   for each digest action before it is saved, so the
                                   email, the store's copy and replay's JSON agree
    store_health(store, ...)       the daemon's probe: the store's health table,
                                   malformed items and outbox statuses for the week
    replay_health(mailboxes, ...)  replay's probe: the export's mailboxes, the
                                   malformed count, the emails written

The section's shape (every key optional to the renderer)::

    {"mode": "live" | "replay", "watched": int,
     "mailboxes": [{"source", "address", "name", "status", "message", "updated"}],
     "attention": [the same, for sources failing or needing a person to act],
     "malformed": int, "emails": {"sent": int, "failed": int, "waiting": int}}
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.digest_email import inline_images
from bot.adapters.render import Renderer
from bot.adapters.store import FAILED, PENDING, RECORDED, SENDING, SENT, UNCERTAIN, Store
from bot.app.wiring import work_calendar
from bot.config import load_config
from bot.core.context import Context
from bot.core.rules import digest
from bot.errors import UserError
from bot.model import Registers, Settings

HealthProbe = Callable[[dict[str, Any], datetime], dict[str, Any]]

# Health-table statuses that put a source under "needs your attention".
ATTENTION = ("failing", "needs-attention", "retrying")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, type=Path, help="configuration file (TOML)")
    p.add_argument(
        "--week", metavar="YYYY-Www", help="ISO week to show (default: the week just ended)"
    )
    p.add_argument("--html", type=Path, metavar="FILE", help="also write the HTML part here")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the digest's data here")


def run(args: argparse.Namespace) -> int:
    loaded = load_config(args.config)
    settings = loaded.settings
    state = Path(settings.bot.state or args.config.parent / "protocol-bot.db")
    if not state.exists():
        raise UserError(f"no state at {state}: the bot has not run with this configuration yet")
    tz = ZoneInfo(settings.council.timezone)
    now = datetime.now(tz)
    store = Store(state)
    try:
        email, data = preview(settings, loaded.registers, store, now, week=args.week)
    finally:
        store.close()
    sys.stdout.write(email.text)
    if args.html:
        args.html.write_text(inline_images(email), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def preview(
    settings: Settings,
    registers: Registers,
    store: Store,
    now: datetime,
    *,
    week: str | None = None,
) -> tuple[Any, dict[str, Any]]:
    """The digest for ``week`` (default: the week just ended) as it would go now."""
    calendar = work_calendar(settings, now.year - 1, now.year + 1)
    watched = frozenset(mb.address for mb in settings.mailboxes)
    ctx = Context(settings, registers, calendar, watched)
    if week:
        try:
            slot = digest.week_slot(ctx, week)
        except ValueError as exc:
            raise UserError(f"--week: {exc}") from None
    else:
        this_monday = now.astimezone(calendar.tz).date()
        this_monday -= timedelta(days=this_monday.weekday())
        slot = digest.week_slot(ctx, _iso_week(this_monday - timedelta(days=7)))
    data = digest.digest_counts(ctx, slot, store.load_requests(), store.load_actions(), now)
    data["health"] = store_health(store, settings, registers)(data, now)
    action = digest.digest_action(ctx, slot, data, now)
    if not action.to:  # nobody configured: still show it
        action = replace(action, to=("digest@preview.invalid",))
    email = Renderer(settings, registers).render(action)
    assert email is not None
    return email, data


def _iso_week(day: Any) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def store_health(store: Store, settings: Settings, registers: Registers) -> HealthProbe:
    """The daemon's probe: what the store knows about the bot's own health."""

    def probe(data: dict[str, Any], now: datetime) -> dict[str, Any]:
        start = datetime.fromisoformat(data["start"])
        end = datetime.fromisoformat(data["end"])
        rows = {row["source"]: row for row in store.health()}
        sources = [f"mail:{mb.address}" for mb in settings.mailboxes]
        sources += [s for s in sorted(rows) if s not in sources]
        mailboxes = [_source(s, rows.get(s), registers) for s in sources]
        malformed = sum(
            1 for m in store.malformed() if start <= datetime.fromisoformat(m["seen_at"]) < end
        )
        return {
            "mode": "live",
            "watched": len(settings.mailboxes),
            "mailboxes": mailboxes,
            "attention": [m for m in mailboxes if m["status"] in ATTENTION],
            "malformed": malformed,
            "emails": _outbox(store, start, end),
        }

    return probe


def replay_health(
    mailboxes: Iterable[str], malformed: int, registers: Registers
) -> HealthProbe:
    """Replay's probe: the export's mailboxes (all read), its malformed count and
    the emails written for the week (every decided email with a recipient)."""
    addresses = sorted(mailboxes)

    def probe(data: dict[str, Any], now: datetime) -> dict[str, Any]:
        row = {"status": "ok", "message": "", "updated": None}
        return {
            "mode": "replay",
            "watched": len(addresses),
            "mailboxes": [_source(f"mail:{a}", row, registers) for a in addresses],
            "attention": [],
            "malformed": malformed,
            "emails": {"sent": data["emails"]["total"], "failed": 0, "waiting": 0},
        }

    return probe


def _source(source: str, row: dict[str, Any] | None, registers: Registers) -> dict[str, Any]:
    address = source.partition(":")[2] or source
    officer = registers.officer(address)
    return {
        "source": source,
        "address": address,
        "name": officer.name if officer else address,
        "status": row["status"] if row else "unknown",
        "message": row["message"] if row else "not read yet",
        "updated": row["updated"] if row else None,
    }


def _outbox(store: Store, start: datetime, end: datetime) -> dict[str, int]:
    """Emails decided in [start, end), by what became of them (a read of the
    action log; nothing else in the store is touched)."""
    statuses: Counter[str] = Counter()
    cursor = store.db.execute("select at, status from actions where status != ?", [RECORDED])
    for at, status in cursor.fetchall():
        if start <= datetime.fromisoformat(at) < end:
            statuses[status] += 1
    return {
        "sent": statuses[SENT],
        "failed": statuses[FAILED] + statuses[UNCERTAIN],
        "waiting": statuses[PENDING] + statuses[SENDING],
    }
