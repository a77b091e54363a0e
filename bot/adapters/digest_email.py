"""The weekly digest as an email: a plain-text part, an HTML part that Outlook
desktop renders as well as browsers, and small PNG trend charts inline.

The numbers come from the digest data (``bot.core.rules.digest.digest_counts``, plus
the ``health`` section the app layer adds); this module only words and lays them
out, headline first, then what needs the reader's attention, then the detail. The
HTML is written with a stylesheet for readability and sent with every style inlined
by css-inline (Outlook and webmail drop ``<style>``); it uses tables for layout and
references nothing outside the email: the charts are ``cid:`` parts of a
multipart/related, each with alt text that carries its numbers.
"""

from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import css_inline

from bot.adapters.charts import bar_chart
from bot.model import Action, Rule
from bot.model.outgoing import Attachment, OutgoingEmail

if TYPE_CHECKING:
    from bot.adapters.render import Renderer

__all__ = ["digest_email", "digest_view", "inline_images", "RULE_TITLES"]

# How each rule reads in the digest; a rule not listed reads as its id, in words.
RULE_TITLES: dict[str, str] = {
    "acknowledgement": "Acknowledgements sent to members",
    "response_due": "Reminders sent to officers",
    "response_overdue": "Overdue replies escalated",
    "blind_copy_received": "Blind copy received",
    "blind_copy_sent": "Blind copy sent",
    "out_of_hours": "Out-of-hours contact",
    "party_political": "Party political",
    "private": "Private matter",
    "pressure": "Undue pressure",
    "confidential": "Confidential information",
    "staff_matter": "Staff matter",
    "member_instruction": "Instruction from a member",
    "ward_members_not_invited": "Ward members not invited",
    "press_release_ward_notice": "Press release: ward members not told first",
    "pre_election_period": "Pre-election period",
    "party_group_briefing": "Party group briefing",
    "scrutiny_notice": "Scrutiny notice",
    "weekly_digest": "Weekly digest",
}
SECTION_TITLES: dict[str, str] = {
    "blind_copies": "Blind copies",
    "out_of_hours": "Out-of-hours contact",
    "concerns": "Concerns the classifier found",
    "instructions": "Instructions from members",
    "ward_notice": "Ward notice: events that did not reach their ward members in time",
    "pre_election": "Pre-election period",
    "party_groups": "Party group briefings",
    "other": "Other protocol flags",
}
ATTENTION_ROWS = 8  # rows per group under "needs your attention"; the data has them all
DETAIL_ROWS = 12  # rows per section of the detail
STATUS_WORDS = {
    "ok": "working",
    "retrying": "failing for now, retrying",
    "failing": "failing",
    "needs-attention": "needs a person to act",
}


# Styles go inline (Outlook and webmail drop <style>); nothing is fetched from outside.
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)
_CLASS = re.compile(r' class="[^"<>]*"')


def rule_title(rule: str) -> str:
    return RULE_TITLES.get(rule) or rule.replace("_", " ").capitalize()


def digest_email(renderer: Renderer, action: Action) -> OutgoingEmail:
    """The email for a digest action."""
    from bot.adapters.render import message_id_for  # render imports this module lazily

    settings = renderer.settings
    data = action.details["digest"]
    domain = _domain(settings.roles.democratic_services or (settings.digest.to or ("",))[0])
    view = digest_view(data, council=settings.council.name, tz=renderer.tz, domain=domain)
    view["clause"] = action.details.get("clause", "")
    text = renderer.env.get_template("digest.txt.j2").render(v=view)
    html = renderer.env.get_template("digest.html.j2").render(v=view)
    html = _CLASS.sub("", _INLINER.inline(html))  # the classes did their job
    from_addr = (
        settings.roles.democratic_services
        or action.mailbox
        or (settings.digest.to[0] if settings.digest.to else "protocol-bot")
    )
    return OutgoingEmail(
        message_id=message_id_for(action.key, from_addr),
        mailbox=action.mailbox or from_addr,
        from_addr=from_addr,
        from_name=f"{settings.council.name} protocol-bot",
        to=action.to,
        cc=action.cc,
        subject=view["subject"],
        text=text,
        html=html,
        attachments=tuple(
            Attachment(c["filename"], "image/png", c["png"], content_id=c["cid"])
            for c in view["charts"]
        ),
        rule=str(action.rule),
        date=action.at,
    )


def inline_images(email: OutgoingEmail) -> str:
    """The HTML with each ``cid:`` image as a data: URI, for a browser preview."""
    html = email.html
    for att in email.attachments:
        if att.content_id:
            uri = f"data:{att.content_type};base64,{base64.b64encode(att.data).decode('ascii')}"
            html = html.replace(f"cid:{att.content_id}", uri)
    return html


# ---- wording -----------------------------------------------------------------------


def digest_view(
    data: dict[str, Any], *, council: str, tz: ZoneInfo, domain: str = "protocol-bot.invalid"
) -> dict[str, Any]:
    """Everything the templates print, worded once for both parts."""
    req = data["requests"]
    counts = data["counts"]
    trend = data["trend"]
    start = _dt(data["start"], tz)
    end = _dt(data["end"], tz)
    last_day = end.date() - timedelta(days=1)
    week_no = data["week"].split("-W")[1].lstrip("0")
    earlier = [t for t in trend[:-1] if t["running"]]
    n_flags = trend[-1]["flags"] or 0
    overdue = data["overdue"]

    def average(key: str) -> float | None:
        values = [t[key] for t in earlier if t[key] is not None]
        return sum(values) / len(values) if values else None

    avg_requests, avg_share, avg_flags = average("requests"), average("share_within_sla"), average("flags")
    known = req["received"] - req["open_not_due"]
    share = req["share_within_sla"]

    # The headline: one sentence, the same numbers as the tiles.
    parts = [
        f"{_plural(req['received'], 'member request')} received"
        + (f" (4-week average {_num(avg_requests)})" if avg_requests is not None else "")
    ]
    if share is not None:
        parts.append(
            f"{req['answered_within_sla']} of {known} due so far answered within the service "
            f"level ({_pct(share)})"
        )
    else:
        parts.append("none due yet")
    parts.append(f"{len(overdue)} overdue now")
    parts.append(_plural(n_flags, "protocol flag"))
    headline = "; ".join(parts) + "."

    tiles = [
        {
            "value": str(req["received"]),
            "label": "member requests",
            "note": _compare(req["received"], avg_requests),
            "alert": False,
        },
        {
            "value": _pct(share) if share is not None else "–",
            "label": "answered within the service level",
            "note": f"{req['answered_within_sla']} of {known} due" if known else "none due yet",
            "alert": share is not None and share < 0.8,
        },
        {
            "value": str(len(overdue)),
            "label": "replies overdue now",
            "note": (
                f"oldest {_num(overdue[0]['working_days_overdue'])} working days"
                if overdue
                else "none"
            ),
            "alert": bool(overdue),
        },
        {
            "value": str(n_flags),
            "label": "protocol flags",
            "note": _compare(n_flags, avg_flags),
            "alert": False,
        },
    ]

    # Needs your attention: things a person can act on, most urgent first.
    attention: list[dict[str, Any]] = []
    if overdue:
        attention.append(
            {
                "title": "Replies overdue now, oldest first",
                "rows": _capped(
                    [
                        {
                            "who": f"{o['officer_name']} to {o['member_name']}",
                            "what": _subject(o["subject"]),
                            "when": (
                                f"received {_short(o['received'], tz)}, "
                                f"{_num(o['working_days_overdue'])} working "
                                f"{'day' if o['working_days_overdue'] == 1 else 'days'} overdue"
                            ),
                            "rule": "",
                        }
                        for o in overdue
                    ],
                    ATTENTION_ROWS,
                    "overdue",
                ),
            }
        )
    for section in ("ward_notice", "pre_election"):
        items = data["flags"][section]
        if items:
            rows = _capped([_row(i, tz) for i in items], ATTENTION_ROWS, "events")
            attention.append({"title": SECTION_TITLES[section], "rows": rows})
    health = data.get("health")
    if health:
        rows = [
            {
                "who": _source_name(h),
                "what": STATUS_WORDS.get(h["status"], h["status"]),
                "when": h.get("message", ""),
                "rule": "",
            }
            for h in health.get("attention", [])
        ]
        failed = health.get("emails", {}).get("failed", 0)
        if failed:
            rows.append(
                {
                    "who": "Outgoing email",
                    "what": f"{_plural(failed, 'email')} could not be sent",
                    "when": "see the bot's log",
                    "rule": "",
                }
            )
        if rows:
            attention.append({"title": "The bot itself", "rows": rows})

    # Detail: the requests, every flag by section, the bot's health.
    by_kind = [{"label": k.capitalize(), "value": n} for k, n in req["by_kind"].items()]
    by_kind.sort(key=lambda row: (-row["value"], row["label"]))
    flag_sections = []
    for section, items in data["flags"].items():
        if not items or section in ("out_of_hours", "ward_notice", "pre_election"):
            continue
        flag_sections.append(
            {
                "title": SECTION_TITLES.get(section, section),
                "rows": _capped([_row(i, tz) for i in items], DETAIL_ROWS, "this week"),
                "groups": (
                    [{"label": g or "Not named", "value": n} for g, n in data["party_groups"].items()]
                    if section == "party_groups"
                    else []
                ),
            }
        )
    ooh = data["out_of_hours_by_member"]
    ooh_items = data["flags"]["out_of_hours"]
    out_of_hours = []
    for row in ooh[:DETAIL_ROWS]:
        times = [_short(i["at"], tz, clock=True) for i in ooh_items if i["member"] == row["member"]]
        if len(times) > 4:
            times = [*times[:3], f"{len(times) - 3} more"]
        out_of_hours.append({"label": row["name"], "value": row["count"], "when": "; ".join(times)})
    if len(ooh) > DETAIL_ROWS:
        others = ooh[DETAIL_ROWS:]
        out_of_hours.append(
            {
                "label": f"{len(others)} other members",
                "value": sum(r["count"] for r in others),
                "when": "",
            }
        )
    officers = req["by_officer"][:DETAIL_ROWS]
    if len(req["by_officer"]) > DETAIL_ROWS:
        others = req["by_officer"][DETAIL_ROWS:]
        officers = [
            *officers,
            {
                "name": f"{len(others)} other officers",
                "service": "",
                **{k: sum(r[k] for r in others) for k in ("requests", "answered_within_sla", "overdue")},
            },
        ]
    wn = data["ward_notice"]
    ward_line = None
    if wn.get("checked"):
        ward_line = (
            f"{wn['in_time']} of {_plural(wn['checked'], 'event')} checked reached their ward "
            f"members in time; {wn['not_in_time']} did not."
        )
    quiet = not (flag_sections or out_of_hours or data["flags"]["ward_notice"] or data["flags"]["pre_election"])

    charts = _charts(data, domain)
    subject = (
        f"Member/officer protocol, week {week_no}: {_plural(req['received'], 'request')}, "
        f"{len(overdue)} overdue, {_plural(n_flags, 'flag')}"
    )
    counted_from = _dt(data.get("counted_from", data["start"]), tz)
    return {
        "council": council,
        "subject": subject,
        "week": data["week"],
        "week_no": week_no,
        "period": _period(start, last_day),
        "counted_from": _long_time(counted_from) if counted_from > start else "",
        "headline": headline,
        "tiles": tiles,
        "attention": attention,
        "charts": charts,
        "trend_table": _trend_table(trend),
        "trend_weeks": len(trend),
        "trend_first": trend[0]["week"].split("-W")[1].lstrip("0"),
        "trend_gaps": any(not t["running"] for t in trend),
        "requests": {
            "received": req["received"],
            "acknowledged": req["acknowledged"],
            "answered": req["answered"],
            "within": req["answered_within_sla"],
            "late": req["answered_late"],
            "overdue": req["overdue"],
            "open": req["open_not_due"],
            "share": _pct(share) if share is not None else "none due yet",
            "median": (
                f"{_num(req['median_working_hours_to_reply'])} working hours"
                if req["median_working_hours_to_reply"] is not None
                else "no replies yet"
            ),
            "avg_share": _pct(avg_share) if avg_share is not None else "",
            "by_kind": by_kind,
            "by_service": [{"label": s, "value": n} for s, n in req["by_service"].items()],
            "by_officer": officers,
        },
        "flag_sections": flag_sections,
        "out_of_hours": out_of_hours,
        "ward_line": ward_line,
        "quiet": quiet,
        "health": _health(data, health),
        "counts": [
            {"label": rule_title(rule), "rule": rule, "value": counts[rule]}
            for rule in sorted(counts, key=_rule_order)
            if rule != "requests" and counts[rule]
        ],
    }


def _charts(data: dict[str, Any], domain: str) -> list[dict[str, Any]]:
    """Three small bar charts of the last weeks; the alt text says every number."""
    trend = data["trend"]
    weeks = [t["week"].split("-W")[1] for t in trend]
    tag = data["week"].lower().replace("-", "")
    shares = [t["share_within_sla"] for t in trend]
    specs: list[tuple[str, str, list[float | None], list[str]]] = [
        (
            "requests",
            "Member requests",
            [t["requests"] for t in trend],
            [_dash(t["requests"]) for t in trend],
        ),
        (
            "within-sla",
            "Within the service level (%)",
            [None if x is None else round(x * 100) for x in shares],
            ["-" if x is None else _pct(x) for x in shares],
        ),
        ("flags", "Protocol flags", [t["flags"] for t in trend], [_dash(t["flags"]) for t in trend]),
    ]
    charts = []
    for name, title, values, spoken in specs:
        chart = bar_chart(values, weeks, top=100.0 if name == "within-sla" else None)
        points = ", ".join(
            f"week {w} {'no data' if s == '-' else s}" for w, s in zip(weeks, spoken, strict=True)
        )
        charts.append(
            {
                "title": title,
                "cid": f"{name}.{tag}@{domain}",
                "filename": f"{name}-{data['week']}.png",
                "png": chart.png,
                "width": chart.width,
                "height": chart.height,
                "alt": f"{title.removesuffix(' (%)')}, last {len(trend)} weeks: {points}.",
            }
        )
    return charts


def _trend_table(trend: list[dict[str, Any]]) -> list[list[str]]:
    """The charts' numbers as rows of text, for the plain-text part."""
    rows = [["Week"] + [t["week"].split("-")[1] for t in trend]]
    rows.append(["Member requests"] + [_dash(t["requests"]) for t in trend])
    rows.append(
        ["Within service level"]
        + [_pct(t["share_within_sla"]) if t["share_within_sla"] is not None else "-" for t in trend]
    )
    rows.append(["Protocol flags"] + [_dash(t["flags"]) for t in trend])
    width = max(len(r[0]) for r in rows)
    return [[r[0].ljust(width)] + [c.rjust(6) for c in r[1:]] for r in rows]


def _health(data: dict[str, Any], health: dict[str, Any] | None) -> dict[str, Any]:
    emails = data["emails"]
    decided = (
        f"{_plural(emails['total'], 'email')} this week: {emails['to_members']} to members, "
        f"{emails['to_officers']} to officers"
    )
    if not health:
        return {"lines": [decided + "."], "recorded": False}
    lines = []
    watched = health.get("watched", len(health.get("mailboxes", [])))
    problems = health.get("attention", [])
    lines.append(
        f"{_plural(watched, 'mailbox', 'mailboxes')} watched; "
        + (
            f"{len(problems)} {'needs' if len(problems) == 1 else 'need'} attention (above)."
            if problems
            else "all working."
        )
    )
    sent = health.get("emails", {})
    verb = "written (replay)" if health.get("mode") == "replay" else "sent"
    lines.append(
        f"{_plural(sent.get('sent', emails['total']), 'email')} {verb}: "
        f"{emails['to_members']} to members, {emails['to_officers']} to officers"
        + (f"; {sent['failed']} failed" if sent.get("failed") else "")
        + (f"; {sent['waiting']} waiting to go" if sent.get("waiting") else "")
        + "."
    )
    malformed = health.get("malformed", 0)
    lines.append(
        f"{_plural(malformed, 'unreadable email')} skipped and recorded."
        if malformed
        else "No unreadable email."
    )
    return {"lines": lines, "recorded": True}


# ---- small formatters ------------------------------------------------------------


def _row(item: dict[str, Any], tz: ZoneInfo) -> dict[str, str]:
    officer = item.get("officer_name") or ""
    member = item.get("member_name") or ""
    who = " and ".join(x for x in (officer, member) if x) or "—"
    extra = [item[k] for k in ("ward", "group") if item.get(k)]
    what = _subject(item.get("subject", ""))
    if extra:
        what += f" ({', '.join(extra)})"
    when = _short(item["at"], tz, clock=True)
    if item.get("event_start"):
        when = f"event {_short(item['event_start'], tz, clock=True)}; flagged {when}"
    return {"when": when, "who": who, "what": what, "rule": rule_title(item["rule"])}


def _capped(rows: list[dict[str, str]], limit: int, what: str) -> list[dict[str, str]]:
    """At most ``limit`` rows, then one saying how many more (all are in the data)."""
    if len(rows) <= limit:
        return rows
    more = len(rows) - limit
    return [*rows[:limit], {"when": "", "who": f"and {more} more {what}", "what": "", "rule": ""}]


def _source_name(h: dict[str, Any]) -> str:
    """'Owen Hughes's mailbox' for a source in the store's health table."""
    name = h.get("name") or h.get("address") or h.get("source", "")
    kind = str(h.get("source", "mail:")).partition(":")[0]
    what = {"mail": "mailbox", "cal": "calendar", "calendar": "calendar"}.get(kind)
    return f"{name}’s {what}" if what else name


def _subject(subject: str) -> str:
    return f"“{subject}”" if subject else "(subject not kept)"


def _dt(value: str | datetime, tz: ZoneInfo) -> datetime:
    d = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return d.astimezone(tz)


def _clock(d: datetime) -> str:
    hour = d.hour % 12 or 12
    suffix = "am" if d.hour < 12 else "pm"
    return f"{hour}{suffix}" if d.minute == 0 else f"{hour}.{d.minute:02d}{suffix}"


def _short(value: str | datetime, tz: ZoneInfo, *, clock: bool = False) -> str:
    d = _dt(value, tz)
    text = f"{d:%a} {d.day} {d:%b}"
    return f"{text}, {_clock(d)}" if clock else text


def _period(first: Any, last: Any) -> str:
    """'Monday 23 to Sunday 29 November 2026', naming a month or year only once."""
    if (first.year, first.month) == (last.year, last.month):
        head = f"{first:%A} {first.day}"
    elif first.year == last.year:
        head = f"{first:%A} {first.day} {first:%B}"
    else:
        head = _long(first)
    return f"{head} to {_long(last)}"


def _rule_order(rule: str) -> tuple[int, str]:
    order = [str(r) for r in Rule]
    return (order.index(rule) if rule in order else len(order), rule)


def _long(d: Any) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def _long_time(d: datetime) -> str:
    return f"{_clock(d)} on {_long(d)}"


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _dash(value: float | None) -> str:
    return "-" if value is None else _num(value)


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _compare(value: float, average: float | None) -> str:
    if average is None:
        return "no earlier weeks to compare"
    diff = value - average
    if abs(diff) < 0.05:
        return "same as the 4-week average"
    return f"{'up' if diff > 0 else 'down'} {_num(round(abs(diff), 1))} on the 4-week average"


def _domain(address: str) -> str:
    domain = address.rpartition("@")[2].strip().lower()
    return domain if re.fullmatch(r"[a-z0-9.-]+", domain or "-") else "protocol-bot.invalid"
