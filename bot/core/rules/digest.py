"""The weekly digest to the Chief Executive: when it goes out and what it counts.

Clause: Monitoring — the Chief Executive and Monitoring Officer monitor how the
protocol is kept. The numbers here are the single source for the email and its JSON.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.context import Context
from bot.core.rules.responses import Request
from bot.model import Action, ActionType, Rule


@dataclass(frozen=True)
class DigestSlot:
    week: str  # ISO week covered, e.g. "2026-W49"
    start: datetime  # period covered, local midnights
    end: datetime
    nominal: datetime  # the configured weekday and time
    send_at: datetime  # when it goes out (moved off bank holidays and closures)


def next_digest(ctx: Context, after: datetime) -> DigestSlot:
    """The first digest whose nominal time is at or after ``after``."""
    tz = ZoneInfo(ctx.settings.council.timezone)
    cfg = ctx.settings.digest
    local = after.astimezone(tz)
    day = local.date() + timedelta(days=(cfg.weekday - local.weekday()) % 7)
    if datetime.combine(day, cfg.time, tz) < local:
        day += timedelta(days=7)
    week_end = day - timedelta(days=day.weekday())  # Monday of the nominal day's week
    week_start = week_end - timedelta(days=7)
    send_day = day
    while not ctx.calendar.is_working_day(send_day):
        send_day += timedelta(days=1)
    iso = week_start.isocalendar()
    return DigestSlot(
        week=f"{iso.year}-W{iso.week:02d}",
        start=datetime.combine(week_start, time(0), tz),
        end=datetime.combine(week_end, time(0), tz),
        nominal=datetime.combine(day, cfg.time, tz),
        send_at=datetime.combine(send_day, cfg.time, tz),
    )


def digest_counts(
    ctx: Context,
    slot: DigestSlot,
    requests: Iterable[Request],
    actions: Iterable[Action],
    now: datetime,
) -> dict:
    """Everything the digest shows, as plain JSON-ready data."""
    in_week = [r for r in requests if slot.start <= r.received < slot.end]
    week_actions = [a for a in actions if slot.start <= a.at < slot.end]
    by_rule = Counter(str(a.rule) for a in week_actions)
    counts: dict[str, int] = {"requests": len(in_week)}
    counts.update({str(rule): by_rule.get(str(rule), 0) for rule in Rule})

    cal = ctx.calendar
    answered = [r for r in in_week if r.answered_at is not None]
    on_time = [r for r in answered if r.answered_at is not None and r.answered_at <= r.due]
    reply_hours = [
        cal.working_seconds_between(r.received, r.answered_at) / 3600
        for r in answered
        if r.answered_at is not None
    ]
    overdue = sorted(
        (r for r in requests if r.answered_at is None and r.due < now),
        key=lambda r: r.received,
    )
    return {
        "week": slot.week,
        "start": slot.start.isoformat(),
        "end": slot.end.isoformat(),
        "counts": counts,
        "requests": {
            "by_kind": dict(sorted(Counter(r.kind for r in in_week).items())),
            "by_officer": dict(sorted(Counter(r.mailbox for r in in_week).items())),
            "acknowledged": sum(1 for r in in_week if r.acknowledged_at is not None),
            "answered": len(answered),
            "answered_within_sla": len(on_time),
            "share_within_sla": round(len(on_time) / len(in_week), 3) if in_week else None,
            "median_working_hours_to_reply": (
                round(statistics.median(reply_hours), 2) if reply_hours else None
            ),
        },
        "overdue": [
            {
                "message_id": r.message_id,
                "officer": r.mailbox,
                "member": r.member,
                "received": r.received.isoformat(),
                "due": r.due.isoformat(),
                "subject": r.subject,
                "working_days_overdue": round(
                    cal.working_seconds_between(r.due, now)
                    / 3600
                    / max(cal.day_length_hours, 1e-9),
                    1,
                ),
            }
            for r in overdue
        ],
        "flags": [
            {
                "rule": str(a.rule),
                "at": a.at.isoformat(),
                "mailbox": a.mailbox,
                "member": a.member,
                "message_id": a.message_id,
                "subject": a.details.get("subject", ""),
            }
            for a in week_actions
            if a.type is ActionType.FLAG
        ],
        "out_of_hours_by_member": dict(
            sorted(
                Counter(
                    a.member or "" for a in week_actions if a.rule is Rule.OUT_OF_HOURS
                ).items()
            )
        ),
    }


def digest_action(ctx: Context, slot: DigestSlot, data: dict, now: datetime) -> Action:
    to = ctx.settings.digest.to or (
        (ctx.settings.roles.chief_executive,) if ctx.settings.roles.chief_executive else ()
    )
    return ctx.action(
        at=now,
        type=ActionType.DIGEST,
        rule=Rule.WEEKLY_DIGEST,
        key=f"digest:{slot.week}",
        to=tuple(to),
        details={"week": slot.week, "digest": data},
    )
