"""The weekly digest to the Chief Executive: when it goes out and what it counts.

Clause: Monitoring — the Chief Executive and Monitoring Officer monitor how the
protocol is kept. The numbers here are the single source for the email, its JSON
(``digests/<week>.json`` in replay, the ``digests`` table in the store) and the
``protocol-bot digest`` preview.

Schedule: one digest per ISO week, covering the Monday-to-Sunday week that ended
before its nominal time (``[digest] weekday`` and ``time``). A nominal time on a
bank holiday or closure day moves to the same time on the next working day. The
engine decides each week's digest at most once (its key is ``digest:<week>``).

Pure: the data comes from the engine's requests and recent action history; the
app layer adds a ``health`` section (the bot's own state lives in the store).
Everything is counted by rule id, so a rule added to the contract appears in
``counts`` and in the digest's sections without a change here.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.context import Context
from bot.core.rules.responses import Request
from bot.model import Action, ActionType, Registers, Rule

TREND_WEEKS = 4  # the week just ended is compared with this many before it

# The request clock's own actions; every other rule (except the digest itself) is a
# protocol flag.
REQUEST_RULES = frozenset({"acknowledgement", "response_due", "response_overdue"})
NOT_FLAGS = REQUEST_RULES | {"weekly_digest"}

# Which section of the digest shows a rule's actions. A rule that is not listed
# here (a new one) is shown under "other" with its rule id, and counted like the rest.
SECTIONS: dict[str, str] = {
    "blind_copy_received": "blind_copies",
    "blind_copy_sent": "blind_copies",
    "out_of_hours": "out_of_hours",
    "party_political": "concerns",
    "private": "concerns",
    "pressure": "concerns",
    "confidential": "concerns",
    "staff_matter": "concerns",
    "member_instruction": "instructions",
    "ward_members_not_invited": "ward_notice",
    "press_release_ward_notice": "ward_notice",
    "pre_election_period": "pre_election",
    "party_group_briefing": "party_groups",
}
FLAG_SECTIONS = (
    "blind_copies", "out_of_hours", "concerns", "instructions", "ward_notice",
    "pre_election", "party_groups", "other",
)  # fmt: skip

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class DigestSlot:
    week: str  # ISO week covered, e.g. "2026-W49"
    start: datetime  # period covered, local midnights
    end: datetime
    send_at: datetime  # when it goes out (moved off bank holidays and closures)
    nominal: datetime  # the configured day and time, before any move


def next_digest(ctx: Context, after: datetime) -> DigestSlot:
    """The first digest whose nominal time is at or after ``after``."""
    tz = ZoneInfo(ctx.settings.council.timezone)
    cfg = ctx.settings.digest
    local = after.astimezone(tz)
    day = local.date() + timedelta(days=(cfg.weekday - local.weekday()) % 7)
    if datetime.combine(day, cfg.time, tz) < local:
        day += timedelta(days=7)
    return _slot(ctx, day - timedelta(days=day.weekday() + 7))


def week_slot(ctx: Context, week: str) -> DigestSlot:
    """The digest covering ISO week ``week`` ("2026-W49")."""
    match = _WEEK.match(week.strip())
    if not match:
        raise ValueError(f"{week!r} is not an ISO week like 2026-W49")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValueError(f"{week!r} is not a week of that year") from None
    return _slot(ctx, monday)


def _slot(ctx: Context, monday: date) -> DigestSlot:
    """The digest for the week starting ``monday``: it goes out in the week after."""
    tz = ZoneInfo(ctx.settings.council.timezone)
    cfg = ctx.settings.digest
    week_end = monday + timedelta(days=7)
    day = week_end + timedelta(days=cfg.weekday)
    send_day = day
    while not ctx.calendar.is_working_day(send_day):
        send_day += timedelta(days=1)
    iso = monday.isocalendar()
    return DigestSlot(
        week=f"{iso.year}-W{iso.week:02d}",
        start=datetime.combine(monday, time(0), tz),
        end=datetime.combine(week_end, time(0), tz),
        send_at=datetime.combine(send_day, cfg.time, tz),
        nominal=datetime.combine(day, cfg.time, tz),
    )


def following(ctx: Context, slot: DigestSlot) -> DigestSlot:
    """The next week's digest (even when this one was moved past its nominal time)."""
    return next_digest(ctx, slot.nominal.astimezone(UTC) + timedelta(minutes=1))


def digest_counts(
    ctx: Context,
    slot: DigestSlot,
    requests: Iterable[Request],
    actions: Iterable[Action],
    now: datetime,
    *,
    since: datetime | None = None,
    notices: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Everything the digest shows, as plain JSON-ready data.

    ``since``: when the bot started (replay's --start, a first run): earlier actions
    and requests are history it did not act on, so they are not counted, and weeks
    wholly before it show as not running. ``notices``: ward-notice checks, one per
    event checked, ``{"at", "rule", "in_time": bool, ...}``, when the calendar rules
    keep them (otherwise the digest shows only the events that missed).
    """
    cal = ctx.calendar
    regs = ctx.registers
    tz = ZoneInfo(ctx.settings.council.timezone)
    weeks = [
        (
            datetime.combine(slot.start.date() - timedelta(weeks=n), time(0), tz),
            datetime.combine(slot.end.date() - timedelta(weeks=n), time(0), tz),
        )
        for n in range(TREND_WEEKS, -1, -1)
    ]
    first = weeks[0][0] if since is None else max(weeks[0][0], since)
    counted_from = slot.start if since is None else max(slot.start, since)

    overdue: list[Request] = []
    by_week: list[list[Request]] = [[] for _ in weeks]
    for r in requests:
        if r.answered_at is None and r.due < now:
            overdue.append(r)
        if first <= r.received < slot.end:
            for i, (a, b) in enumerate(weeks):
                if a <= r.received < b:
                    by_week[i].append(r)
                    break
    acts_by_week: list[list[Action]] = [[] for _ in weeks]
    for act in actions:
        if first <= act.at < slot.end:
            for i, (a, b) in enumerate(weeks):
                if a <= act.at < b:
                    acts_by_week[i].append(act)
                    break
    for bucket in acts_by_week:
        bucket.sort(key=lambda x: (x.at, x.key))
    in_week, week_actions = by_week[-1], acts_by_week[-1]

    by_rule = Counter(str(a.rule) for a in week_actions)
    counts: dict[str, int] = {"requests": len(in_week)}
    counts.update({str(rule): by_rule.get(str(rule), 0) for rule in Rule})

    outcome = [_outcome(r, now) for r in in_week]
    answered = [r for r in in_week if r.answered_at is not None]
    reply_hours = [
        cal.working_seconds_between(r.received, r.answered_at) / 3600
        for r in answered
        if r.answered_at is not None
    ]
    officers = Counter(r.mailbox for r in in_week)
    officer_rows: list[dict[str, Any]] = []
    for address, n in officers.items():
        mine = [o for r, o in zip(in_week, outcome, strict=True) if r.mailbox == address]
        officer_rows.append(
            {
                "officer": address,
                "name": _officer_name(regs, address),
                "service": service_of(regs, address, ctx.settings.roles.chief_executive),
                "requests": n,
                "answered_within_sla": mine.count("in_time"),
                "overdue": mine.count("overdue"),
            }
        )
    officer_rows.sort(key=lambda row: (-row["requests"], row["name"]))
    services: Counter[str] = Counter()
    for row in officer_rows:
        services[row["service"]] += row["requests"]

    flags: dict[str, list[dict[str, Any]]] = {s: [] for s in FLAG_SECTIONS}
    subjects = {r.message_id: r.subject for r in by_week[-1]}
    subjects.update({r.message_id: r.subject for r in overdue})
    for act in week_actions:
        rule = str(act.rule)
        if rule in NOT_FLAGS:
            continue
        flags[SECTIONS.get(rule, "other")].append(_item(regs, act, subjects))
    out_of_hours = Counter(item["member"] for item in flags["out_of_hours"])

    emails = [a for a in week_actions if a.to or a.cc]
    to_members = sum(
        1 for a in emails if any(regs.is_member(x) for x in a.to + a.cc)
    )
    notice_list = [n for n in notices if counted_from <= n["at"] < slot.end]

    return {
        "week": slot.week,
        "start": slot.start.isoformat(),
        "end": slot.end.isoformat(),
        "counted_from": counted_from.isoformat(),
        "generated": now.astimezone(tz).isoformat(),
        "counts": counts,
        "requests": {
            "received": len(in_week),
            "acknowledged": sum(1 for r in in_week if r.acknowledged_at is not None),
            "answered": len(answered),
            "answered_within_sla": outcome.count("in_time"),
            "answered_late": outcome.count("late"),
            "overdue": outcome.count("overdue"),
            "open_not_due": outcome.count("open"),
            "share_within_sla": _share(outcome),
            "median_working_hours_to_reply": (
                round(statistics.median(reply_hours), 1) if reply_hours else None
            ),
            "by_kind": dict(sorted(Counter(r.kind for r in in_week).items())),
            "by_service": dict(sorted(services.items(), key=lambda kv: (-kv[1], kv[0]))),
            "by_officer": officer_rows,
        },
        "overdue": [
            {
                "message_id": r.message_id,
                "officer": r.mailbox,
                "officer_name": _officer_name(regs, r.mailbox),
                "member": r.member,
                "member_name": _member_name(regs, r.member),
                "received": r.received.astimezone(tz).isoformat(),
                "due": r.due.astimezone(tz).isoformat(),
                "subject": r.subject,
                "working_days_overdue": round(
                    cal.working_seconds_between(r.due, now)
                    / 3600
                    / max(cal.day_length_hours, 1e-9),
                    1,
                ),
            }
            for r in sorted(overdue, key=lambda r: (r.received, r.message_id))
        ],
        "flags": flags,
        "out_of_hours_by_member": [
            {"member": m, "name": _member_name(regs, m), "count": n}
            for m, n in sorted(out_of_hours.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "ward_notice": {
            "checked": len(notice_list) if notice_list else None,
            "in_time": sum(1 for n in notice_list if n.get("in_time")) if notice_list else None,
            "not_in_time": len(flags["ward_notice"]),
        },
        "party_groups": dict(
            sorted(Counter(i.get("group") or "" for i in flags["party_groups"]).items())
        ),
        "emails": {
            "total": len(emails),
            "to_members": to_members,
            "to_officers": len(emails) - to_members,
        },
        "trend": [
            _trend_week(ctx, a, b, reqs, acts, now, since)
            for (a, b), reqs, acts in zip(weeks, by_week, acts_by_week, strict=True)
        ],
    }


def _outcome(r: Request, now: datetime) -> str:
    if r.answered_at is not None:
        return "in_time" if r.answered_at <= r.due else "late"
    return "overdue" if r.due < now else "open"


def _share(outcome: list[str]) -> float | None:
    """Answered within the service level, of the requests whose outcome is known
    (answered, or past due); requests still inside their time do not count yet."""
    known = [o for o in outcome if o != "open"]
    return round(known.count("in_time") / len(known), 3) if known else None


def _trend_week(
    ctx: Context,
    start: datetime,
    end: datetime,
    reqs: list[Request],
    acts: list[Action],
    now: datetime,
    since: datetime | None,
) -> dict[str, Any]:
    iso = start.date().isocalendar()
    running = since is None or end > since
    flags = [a for a in acts if str(a.rule) not in NOT_FLAGS]
    return {
        "week": f"{iso.year}-W{iso.week:02d}",
        "start": start.isoformat(),
        "running": running,
        "requests": len(reqs) if running else None,
        "share_within_sla": _share([_outcome(r, now) for r in reqs]) if running else None,
        "flags": len(flags) if running else None,
        "out_of_hours": sum(1 for a in acts if a.rule is Rule.OUT_OF_HOURS) if running else None,
    }


def _item(regs: Registers, act: Action, subjects: Mapping[str, str]) -> dict[str, Any]:
    """One flag as the digest lists it: who, when, the subject line, nothing more."""
    d = act.details
    subject = d.get("subject") or d.get("summary") or subjects.get(act.message_id or "", "")
    item: dict[str, Any] = {
        "rule": str(act.rule),
        "at": act.at.isoformat(),
        "officer": act.mailbox,
        "officer_name": _officer_name(regs, act.mailbox) if act.mailbox else "",
        "member": act.member or "",
        "member_name": _member_name(regs, act.member) if act.member else "",
        "subject": subject,
        "message_id": act.message_id,
        "event_uid": act.event_uid,
    }
    for key in ("ward", "group", "event_start"):  # what the calendar rules may add
        if d.get(key):
            item[key] = d[key]
    return item


def _officer_name(regs: Registers, address: str) -> str:
    officer = regs.officer(address)
    return officer.name if officer else address


def _member_name(regs: Registers, address: str) -> str:
    member = regs.member(address)
    return member.name if member else address


def service_of(regs: Registers, address: str, chief_executive: str = "") -> str:
    """An officer's service: named after the head of service, the first officer up
    the management line who reports to the Chief Executive (or to no one)."""
    officer = regs.officer(address)
    seen: set[str] = set()
    while officer is not None and officer.manager and officer.email not in seen:
        seen.add(officer.email)
        boss = regs.officer(officer.manager)
        if boss is None or (chief_executive and chief_executive in boss.emails):
            break
        officer = boss
    if officer is None:
        return "Other"
    role = officer.role or officer.name
    return role.removeprefix("Head of ").removeprefix("head of ") or officer.name


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
