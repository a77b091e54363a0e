"""Where each rule comes from in the member/officer protocol.

The defaults paraphrase the clauses that the model protocols share (the ACSeS
model on which most councils' protocols are based: see docs/protocol-sources.md).
A council points each rule at its own paragraph with ``[clauses.<rule>]`` in the
configuration, so the emails quote the protocol that officers actually signed up to.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.model.action import Rule
from bot.model.settings import Clause

_CORRESPONDENCE = Clause(
    ref="Member/Officer Protocol, Correspondence",
    text=(
        "Correspondence between an individual member and an officer should not be copied "
        "to anyone else without saying so: there should be no 'blind' copies."
    ),
)
_REPLIES = Clause(
    ref="Member/Officer Protocol, Communication with members",
    text=(
        "Officers should reply promptly and helpfully to correspondence from members. If an "
        "immediate reply is not possible, the correspondence should be acknowledged and the "
        "member kept informed about progress."
    ),
)

DEFAULT_CLAUSES: dict[Rule, Clause] = {
    Rule.ACKNOWLEDGEMENT: _REPLIES,
    Rule.RESPONSE_DUE: _REPLIES,
    Rule.RESPONSE_OVERDUE: _REPLIES,
    Rule.BLIND_COPY_RECEIVED: _CORRESPONDENCE,
    Rule.BLIND_COPY_SENT: _CORRESPONDENCE,
    Rule.OUT_OF_HOURS: Clause(
        ref="Member/Officer Protocol, Working relationships",
        text=(
            "Members should not press officers to work outside normal working hours. A matter "
            "that cannot wait until working hours should go to the council's out-of-hours service."
        ),
    ),
    Rule.WARD_MEMBERS_NOT_INVITED: Clause(
        ref="Member/Officer Protocol, Involvement of ward members",
        text=(
            "Whenever the council organises a public meeting on a local issue, all the members "
            "for the wards affected should be invited; they should be told at the outset of any "
            "consultation on a local issue."
        ),
    ),
    Rule.PRESS_RELEASE_WARD_NOTICE: Clause(
        ref="Member/Officer Protocol, Involvement of ward members",
        text="Ward members should be told in advance of press releases about their ward.",
    ),
    Rule.PRE_ELECTION_PERIOD: Clause(
        ref="Member/Officer Protocol, Pre-election period",
        text=(
            "In the run-up to an election the council holds no public meetings or publicity on "
            "matters that could be seen as electioneering, and officers avoid party events."
        ),
    ),
    Rule.PARTY_GROUP_BRIEFING: Clause(
        ref="Member/Officer Protocol, Officer advice to party groups",
        text=(
            "Officers treat every party group in a fair and even-handed manner: support given "
            "to one group, such as a briefing, is available to all party groups."
        ),
    ),
    Rule.SCRUTINY_NOTICE: Clause(
        ref="Member/Officer Protocol, Members and officers giving account",
        text=(
            "An officer required to attend a scrutiny committee is told in writing, with at "
            "least fifteen working days' notice of the meeting, of the item on which they are "
            "to give account."
        ),
    ),
    Rule.PARTY_POLITICAL: Clause(
        ref="Member/Officer Protocol, Political neutrality",
        text=(
            "Officers serve the whole council and are politically neutral: they must not be "
            "asked to do party political or campaign work."
        ),
    ),
    Rule.PRIVATE: Clause(
        ref="Member/Officer Protocol, Use of council resources",
        text=(
            "Officer time and council resources are for council business only, not for a "
            "member's private affairs, business interests or other bodies."
        ),
    ),
    Rule.PRESSURE: Clause(
        ref="Member/Officer Protocol, Respect for officers' impartiality",
        text=(
            "Members must respect officers' impartiality and must not put undue pressure on "
            "them, for example to change their professional advice or to act beyond their "
            "authority."
        ),
    ),
    Rule.CONFIDENTIAL: Clause(
        ref="Member/Officer Protocol, Access to information",
        text=(
            "Confidential or exempt information, and anyone's personal data, is shared with a "
            "member only where they need to know it for council business, and must not be "
            "passed on."
        ),
    ),
    Rule.STAFF_MATTER: Clause(
        ref="Member/Officer Protocol, Concerns about officers",
        text=(
            "A concern about an officer's conduct or performance is raised privately with the "
            "officer's manager, not with the officer or in public."
        ),
    ),
    Rule.MEMBER_INSTRUCTION: Clause(
        ref="Member/Officer Protocol, Role of members",
        text=(
            "Individual members are not authorised to instruct officers, other than through the "
            "council's formal decision-making process."
        ),
    ),
    Rule.WEEKLY_DIGEST: Clause(
        ref="Member/Officer Protocol, Monitoring",
        text="The Chief Executive and Monitoring Officer monitor how the protocol is kept.",
    ),
}


def clause_for(rule: Rule, overrides: Mapping[str, Clause]) -> Clause:
    """The council's own clause when configured, else the model protocol's."""
    return overrides.get(str(rule)) or DEFAULT_CLAUSES[rule]
