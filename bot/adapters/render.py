"""Turns actions into emails with the jinja2 templates shipped in ``templates/``."""

from __future__ import annotations

import hashlib
from datetime import datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from bot.core.clauses import clause_for
from bot.model import Action, ActionType, Registers, Rule, Settings
from bot.model.outgoing import OutgoingEmail

# Plain words for each flag: what happened, then a courteous way to handle it.
FLAGS: dict[Rule, tuple[str, str, str]] = {
    Rule.BLIND_COPY_RECEIVED: (
        "Blind copy received",
        "You received an email from or to {member_name} as a blind copy: you were not "
        "named in To or Cc, so the other people on it may not know you saw it.",
        "Please do not reply to all from this copy. If you need to act on it, ask the sender "
        "to copy you openly, or tell {member_short} that you have been made aware.",
    ),
    Rule.BLIND_COPY_SENT: (
        "Blind copy sent",
        "Your email of {date} blind-copied {member_name}.",
        "Correspondence with members should be copied openly. If the copy was needed, a short "
        "note to the people on the email saying who else has seen it puts things right.",
    ),
    Rule.OUT_OF_HOURS: (
        "Out-of-hours contact",
        "{member_name} wrote to you outside working hours ({date}).",
        "There is no need to reply before your next working day.",
    ),
    Rule.PARTY_POLITICAL: (
        "Possible party political request",
        "{member_name}'s email of {date} may ask for party political or campaign work.",
        "A courteous reply: \"I'm sorry, but as a council officer I have to stay politically "
        "neutral, so I can't help with this. I'm happy to provide the published, factual "
        "information the council gives to all members.\"",
    ),
    Rule.PRIVATE: (
        "Possible private matter",
        "{member_name}'s email of {date} may concern a private matter, a business interest "
        "or another body rather than council business.",
        "A courteous reply: \"I can only use council time for council business. If this is a "
        "matter for you personally, the service's public contact routes are open to you as to "
        "any resident.\"",
    ),
    Rule.PRESSURE: (
        "Possible undue pressure",
        "{member_name}'s email of {date} may put undue pressure on you (for example a "
        "deadline, a demand to change professional advice, or a request beyond your authority).",
        "You need not agree to anything you are unsure of. A courteous reply: \"I will give this "
        "my full attention and reply within our usual timescale; my advice has to remain my "
        "professional view.\" Talk to your manager if it happens again.",
    ),
    Rule.CONFIDENTIAL: (
        "Possible confidential information",
        "{member_name}'s email of {date} may seek or share confidential or exempt "
        "information, or someone's personal data.",
        "Check the need-to-know test before sharing anything. A courteous reply: \"I'll check "
        "what I am able to share and come back to you.\" Your information governance lead can "
        "advise.",
    ),
    Rule.STAFF_MATTER: (
        "Possible staff matter",
        "{member_name}'s email of {date} may raise a colleague's conduct, capability or "
        "personal circumstances.",
        "Do not discuss a colleague's personal matters. A courteous reply: \"Thank you; I've "
        "passed your concern to the right manager, who will handle it.\"",
    ),
    Rule.MEMBER_INSTRUCTION: (
        "Possible instruction from a member",
        "{member_name}'s email of {date} may instruct you to carry out work or change a "
        "decision or recommendation.",
        "Members can ask, but decisions go through the council's formal process. A courteous "
        "reply: \"Thank you; I'll consider this with my manager and let you know how it can be "
        "taken forward.\"",
    ),
}
DIGEST_RULES = {str(r) for r in FLAGS}

SUBJECTS: dict[ActionType, str] = {
    ActionType.NUDGE: "Reply due {due_short}: email from {member_name}",
    ActionType.ESCALATION: "Overdue reply: email from {member_name} of {received_short}",
}


def longdate(value: datetime | str, tz: ZoneInfo) -> str:
    d = _dt(value).astimezone(tz)
    return f"{d:%A} {d.day} {d:%B %Y}"


def longdatetime(value: datetime | str, tz: ZoneInfo) -> str:
    d = _dt(value).astimezone(tz)
    hour = d.hour % 12 or 12
    clock = f"{hour}{d:%p}".lower() if d.minute == 0 else f"{hour}.{d:%M}{d:%p}".lower()
    return f"{clock} on {longdate(d, tz)}"


def _dt(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def salutation(member_name: str) -> tuple[str, str]:
    """'Cllr Alice Green' -> ('Councillor Green', 'Councillor Green')."""
    words = member_name.split()
    while words and words[0].rstrip(".").lower() in {"cllr", "councillor", "cyng", "cynghorydd"}:
        words = words[1:]
    surname = words[-1] if words else member_name
    return f"Councillor {surname}", f"Councillor {' '.join(words)}"


class Renderer:
    def __init__(self, settings: Settings, registers: Registers):
        self.settings = settings
        self.registers = registers
        self.tz = ZoneInfo(settings.council.timezone)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(resources.files("templates") / "email")),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        self.env.filters["longdate"] = lambda v: longdate(v, self.tz)
        self.env.filters["longdatetime"] = lambda v: longdatetime(v, self.tz)
        self.env.filters["shortdate"] = lambda v: f"{_dt(v).astimezone(self.tz):%d %b %Y}"

    def render(self, action: Action) -> OutgoingEmail | None:
        if not (action.to or action.cc):
            return None
        if action.type is ActionType.DIGEST:  # its own email: charts, standalone HTML
            from bot.adapters.digest_email import digest_email

            return digest_email(self, action)
        ctx = self._context(action)
        template = str(action.type)
        text = self.env.get_template(f"{template}.txt.j2").render(**ctx)
        subject = ctx["subject_line"]
        html = self.env.get_template(f"{template}.html.j2").render(text_body=text, **ctx)
        sender = action.mailbox if action.type is ActionType.ACKNOWLEDGEMENT else ""
        from_addr = sender or self.settings.roles.democratic_services or action.mailbox
        if not from_addr:
            from_addr = self.settings.digest.to[0] if self.settings.digest.to else "protocol-bot"
        from_name = ctx["officer_name"] if sender else f"{self.settings.council.name} protocol-bot"
        threaded = action.type is ActionType.ACKNOWLEDGEMENT and action.message_id
        return OutgoingEmail(
            message_id=message_id_for(action.key, from_addr),
            mailbox=action.mailbox or from_addr,
            from_addr=from_addr,
            from_name=from_name,
            to=action.to,
            cc=action.cc,
            subject=subject,
            text=text,
            html=html,
            in_reply_to=action.message_id if threaded else None,
            references=(action.message_id,) if threaded and action.message_id else (),
            rule=str(action.rule),
            date=action.at,
        )

    def _context(self, action: Action) -> dict[str, Any]:
        d = action.details
        member = self.registers.member(action.member or "") if action.member else None
        member_name = member.name if member else (action.member or "a member")
        member_salutation, member_full = salutation(member_name) if member else ("Councillor", member_name)
        officer = self.registers.officer(action.mailbox)
        officer_name = officer.name if officer else action.mailbox
        manager = self.registers.officer(officer.manager) if officer and officer.manager else None
        clause = clause_for(action.rule, self.settings.clauses)
        subject = d.get("subject", "")
        ctx: dict[str, Any] = {
            "council": self.settings.council.name,
            "clause": clause,
            "rule": str(action.rule),
            "digest_rules": DIGEST_RULES,
            "member_name": member_full,
            "member_short": member_salutation,
            "member_salutation": member_salutation,
            "officer_name": officer_name,
            "officer_first_name": officer_name.split()[0] if officer else "colleague",
            "officer_role": officer.role if officer else "",
            "manager_name": manager.name if manager else "",
            "subject": subject,
            "received": d.get("received", action.at),
            "due": d.get("due", action.at),
            "acknowledged": d.get("acknowledged"),
        }
        if action.type is ActionType.ACKNOWLEDGEMENT:
            ctx["subject_line"] = f"RE: {subject}" if subject else "Your email has been received"
        elif action.type is ActionType.REMINDER or (
            action.type is ActionType.FLAG and action.rule not in FLAGS
        ):  # the calendar rules: ward notice, press releases, elections, groups, scrutiny
            from bot.adapters.calendar_email import calendar_context

            ctx.update(calendar_context(self, action))
        elif action.type is ActionType.FLAG:
            title, explanation, suggestion = FLAGS[action.rule]
            fmt = {
                "member_name": member_full,
                "member_short": member_salutation,
                "date": longdatetime(action.at, self.tz),
            }
            ctx["explanation"] = explanation.format(**fmt)
            ctx["suggestion"] = suggestion.format(**fmt)
            ctx["subject_line"] = f"{title}: {member_full}" + (f" ({subject})" if subject else "")
        else:
            ctx["subject_line"] = SUBJECTS[action.type].format(
                member_name=member_full,
                due_short=longdatetime(ctx["due"], self.tz),
                received_short=longdate(ctx["received"], self.tz),
            )
        return ctx


def message_id_for(key: str, from_addr: str) -> str:
    """Stable per action: the same decision always makes the same Message-ID."""
    domain = from_addr.rpartition("@")[2] or "protocol-bot.invalid"
    return f"<pb-{hashlib.sha256(key.encode()).hexdigest()[:24]}@{domain}>"
