"""The wording of the calendar rules' emails: ward notice, press releases, the
pre-election period, party group briefings and scrutiny notice.

:meth:`bot.adapters.render.Renderer._context` asks here for every reminder and for
the flags these rules raise; the templates are ``reminder.*.j2`` and ``flag.*.j2``.
A ward reminder carries a ready ``mailto:`` link addressed to the members missing,
with a short subject and text the organiser can send as it is.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from bot.model import Action, Rule

if TYPE_CHECKING:
    from bot.adapters.render import Renderer

CALENDAR_RULES = frozenset(
    {
        Rule.WARD_MEMBERS_NOT_INVITED,
        Rule.PRESS_RELEASE_WARD_NOTICE,
        Rule.PRE_ELECTION_PERIOD,
        Rule.PARTY_GROUP_BRIEFING,
        Rule.SCRUTINY_NOTICE,
    }
)
KIND_LABELS = {
    "public_meeting": "public meeting",
    "consultation": "consultation event",
    "press_release": "press release",
    "party_group": "party group meeting",
    "scrutiny": "scrutiny committee meeting",
    "internal": "meeting",
}


def mailto(addresses: list[str], subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068) to ``addresses`` with a subject and body."""
    to = ",".join(quote(a, safe="@.+-_") for a in addresses)
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def _day(value: object) -> str:
    """'2027-03-22' -> '22 March 2027'."""
    try:
        d = date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    return f"{d.day} {d:%B %Y}"


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def calendar_context(renderer: Renderer, action: Action) -> dict[str, Any]:
    """subject_line, explanation, suggestion (and mailto, mailto_label) for one
    calendar rule's email."""
    from bot.adapters.render import DIGEST_RULES, longdatetime

    d = action.details
    tz = renderer.tz

    def when(value: str | datetime | None) -> str:
        return longdatetime(value, tz) if value else "a date not given"

    summary = d.get("subject", "")
    titled = f'"{summary}"' if summary else "the entry"
    kind = KIND_LABELS.get(str(d.get("kind", "")), "meeting")
    place = f", at {d['location']}" if d.get("location") else ""
    ward = str(d.get("ward", ""))
    missing = list(d.get("missing_names") or d.get("missing") or [])
    out: dict[str, Any] = {
        "digest_rules": DIGEST_RULES | {str(r) for r in CALENDAR_RULES},
        "mailto": "",
        "mailto_label": "",
    }
    rule = action.rule
    if rule is Rule.WARD_MEMBERS_NOT_INVITED:
        repeat = d.get("reminder") == "repeat"
        start = when(d.get("event_start"))
        consulting = d.get("kind") == "consultation"
        duty = (
            "told at the outset of a consultation on a local issue"
            if consulting
            else "invited to a council public meeting on a local issue"
        )
        out["subject_line"] = (
            f"{'Still to invite' if repeat else 'Invite'} the {ward} ward councillors: "
            f"{summary or kind} ({start})"
        )
        out["explanation"] = (
            f"Your {kind} {titled} ({start}{place}) is about {ward} ward. Ward councillors "
            f"should be {duty}, and {_names(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not among the invitees"
            f"{' yet' if not repeat else ', two working days before it'}."
        )
        out["suggestion"] = (
            "Please add them to the invitation, or send them the ready email below. If they "
            "have been invited some other way, there is nothing more to do."
            + (" This is the last reminder about it." if repeat else "")
        )
        out["mailto_label"] = f"Email {_names(missing)} now"
        out["mailto"] = mailto(
            list(d.get("missing") or []),
            f"Invitation: {summary or kind} ({start})",
            f"As a councillor for {ward} ward, you are invited to "
            f"{titled if summary else 'a ' + kind} at {start}{place}.",
        )
    elif rule is Rule.PRESS_RELEASE_WARD_NOTICE:
        by_email = d.get("source") == "email"
        what = (
            f"Your email {titled}, sent at {when(d.get('sent'))}, is a press release"
            if by_email
            else f"The press release {titled} planned for {when(d.get('event_start'))} is"
        )
        out["subject_line"] = (
            f"Tell the {ward} ward councillors first: {summary or 'press release'}"
        )
        out["explanation"] = (
            f"{what} about {ward} ward, and we have not seen an email telling {_names(missing)} "
            "about it beforehand."
        )
        out["suggestion"] = (
            "Ward councillors should hear of a press release about their ward before the media "
            "do. A short note to them before it goes out puts this right; if they already know, "
            "there is nothing more to do."
        )
        out["mailto_label"] = f"Email {_names(missing)} now"
        out["mailto"] = mailto(
            list(d.get("missing") or []),
            f"For your information: {summary or 'a press release about ' + ward}",
            f"As a councillor for {ward} ward, you may like to know before it is published "
            f"that the council is issuing a press release: {summary or 'about ' + ward}.",
        )
    elif rule is Rule.PRE_ELECTION_PERIOD:
        period = (
            f"{d.get('period', 'an election')} ({_day(d.get('period_start'))} to "
            f"{_day(d.get('period_end'))})"
        )
        if d.get("kind") == "party_group":
            party = d.get("party")
            what = (
                f"Your attendance at {titled}, a meeting of the {party} group "
                f"at {when(d.get('event_start'))},"
                if party
                else f"Your attendance at the party group meeting {titled} at "
                f"{when(d.get('event_start'))}"
            )
        elif "sent" in d:
            what = f"Your press release email {titled}, sent at {when(d.get('sent'))},"
        else:
            what = f"The {kind} {titled} at {when(d.get('event_start'))}"
        out["subject_line"] = f"Pre-election period: {summary or kind}"
        out["explanation"] = f"{what} falls in the pre-election period for {period}."
        out["suggestion"] = (
            "In the run-up to an election the council holds no public meetings or consultations "
            "and issues no publicity that could be seen as electioneering, and officers avoid "
            "party group meetings. Please check with your manager or the monitoring officer "
            "whether it should wait until after polling day."
        )
    elif rule is Rule.PARTY_GROUP_BRIEFING:
        party = d.get("party")
        others = list(d.get("other_parties") or [])
        group = f"the {party} group" if party else "a party group"
        out["subject_line"] = f"Briefing {group}: offer the same to the other groups"
        out["explanation"] = (
            f"You are attending {titled} at {when(d.get('event_start'))}, a meeting of {group}."
        )
        out["suggestion"] = (
            "Officers treat every party group even-handedly: please offer substantially the same "
            f"briefing to the {_names(others)} group{'s' if len(others) != 1 else ''}, through "
            "their group leaders, and do not pass on what was said in this group's discussion."
        )
    elif rule is Rule.SCRUTINY_NOTICE:
        given = float(d.get("notice_working_days") or 0)
        need = float(d.get("required_working_days") or 0)
        out["subject_line"] = f"Short notice to attend scrutiny: {summary or 'committee meeting'}"
        out["explanation"] = (
            f"You are asked to attend {titled}, a scrutiny committee meeting at "
            f"{when(d.get('event_start'))}, with {given:g} working days' notice; the protocol "
            f"gives officers at least {need:g}."
        )
        out["suggestion"] = (
            "You should be told in writing which item you are to give account on and which "
            "papers are needed. If you cannot prepare in time, you may ask the committee, "
            "through the Chief Executive, to arrange another date."
        )
    return out
