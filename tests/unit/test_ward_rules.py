"""The calendar rules in the engine, case by case, on a simulated clock: ward members
invited to public meetings and consultations, told before press releases, nothing
in a pre-election period, even-handed party group briefings, scrutiny notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from helpers.council import ENGLAND_2026, LONDON, at

from bot.adapters.render import Renderer
from bot.core.context import Context
from bot.core.engine import Engine
from bot.core.worktime import WorkCalendar
from bot.model import (
    ActionType,
    CalendarEvent,
    DistributionList,
    Folder,
    Member,
    Message,
    Officer,
    Registers,
    Rule,
)
from bot.model.settings import CouncilSettings, PreElectionPeriod, Roles, Settings

JANE, TOM, AMIR = "jane@council.test", "tom@council.test", "amir@council.test"
PRESS = "press@council.test"
ALICE, ALICE_HOME, CAROL = "alice@council.test", "alice@home.test", "carol@council.test"
BOB, DEV = "bob@council.test", "dev@council.test"
NORTHFIELD_LIST = "northfield-members@council.test"

REGISTERS = Registers(
    members=(
        Member("Cllr Alice Green", (ALICE, ALICE_HOME), "Northfield", "Green Party"),
        Member("Cllr Carol Ng", (CAROL,), "Northfield", "Labour"),
        Member("Cllr Bob Harris", (BOB,), "Riverside", "Labour"),
        Member("Cllr Dev Shah", (DEV,), "Riverside", "Conservative"),
    ),
    officers=(
        Officer("Jane Smith", (JANE,), "Planning Officer", TOM),
        Officer("Tom Baker", (TOM,), "Head of Planning", ""),
        Officer("Amir Khan", (AMIR,), "Engineer", TOM),
        Officer("Press Office", (PRESS,), "Communications", ""),
    ),
    lists=(DistributionList(NORTHFIELD_LIST, (ALICE, CAROL)),),
)
PERIOD = PreElectionPeriod("Borough elections 2027", date(2027, 3, 29), date(2027, 5, 6))


def make_engine(**changes) -> Engine:
    s = Settings(
        council=CouncilSettings(name="Testham Council"),
        roles=Roles(press_office=(PRESS,)),
        pre_election=(PERIOD,),
    )
    s = replace(s, **changes)
    holidays = ENGLAND_2026 | {date(2027, 3, 26), date(2027, 3, 29)}
    cal = WorkCalendar(LONDON, (0, 1, 2, 3, 4), time(8, 30), time(17, 30), holidays, frozenset())
    return Engine(Context(s, REGISTERS, cal, frozenset({JANE, TOM, AMIR, PRESS})))


def event(
    start: datetime,
    summary: str = "Public meeting: Mill Lane parking",
    *,
    uid: str = "ev-1",
    mailbox: str = JANE,
    organizer: str = JANE,
    required: tuple[str, ...] = (ALICE,),
    optional: tuple[str, ...] = (),
    declined: tuple[str, ...] = (),
    created: datetime | None = None,
    **kw,
) -> CalendarEvent:
    return CalendarEvent(
        mailbox=mailbox,
        uid=uid,
        start=start,
        end=start,
        created=created or start,
        summary=summary,
        organizer=organizer,
        required=required,
        optional=optional,
        declined=declined,
        **kw,
    )


_ids = iter(range(1, 10**6))


def email(
    when, sender=JANE, to=(ALICE,), subject="Mill Lane", folder=Folder.SENT, mailbox=None, cc=()
):
    return Message(
        mailbox=mailbox or (sender if folder is Folder.SENT else to[0]),
        folder=folder,
        message_id=f"<w{next(_ids)}@test>",
        date=when,
        sender=sender,
        to=to,
        cc=cc,
        subject=subject,
    )


def run(eng: Engine, items: list, until: datetime) -> list:
    """Replay-style: (time, thing, wards) in order, timers firing between them."""
    out = []
    for when, thing, wards in sorted(items, key=lambda i: i[0]):
        while (w := eng.next_wakeup()) is not None and w < when:
            out += eng.tick(w)
        if isinstance(thing, Message):
            out += eng.observe(thing, None, when, wards=wards)
        else:
            out += eng.observe_event(thing, wards, when)
    while (w := eng.next_wakeup()) is not None and w <= until:
        out += eng.tick(w)
    return [a for a in out if a.type is not ActionType.DIGEST]


def summary(actions):
    return [(str(a.rule), a.at, a.to, a.details.get("reminder")) for a in actions]


NORTH = ("Northfield",)
MEETING = at(2027, 3, 11, 19, 0)  # Thursday evening
CREATED = at(2027, 2, 1, 10, 0)  # Monday, six weeks before


# ---- ward_members_not_invited -----------------------------------------------------


def test_missing_member_reminded_ten_working_days_before_then_once_more():
    eng = make_engine()
    actions = run(eng, [(CREATED, event(MEETING), NORTH)], at(2027, 3, 12))
    assert summary(actions) == [
        ("ward_members_not_invited", at(2027, 2, 25, 8, 30), (JANE,), "first"),  # Thu, 10 days
        ("ward_members_not_invited", at(2027, 3, 9, 8, 30), (JANE,), "repeat"),  # Tue, 2 days
    ]
    first, repeat = actions
    assert first.type is ActionType.REMINDER and first.mailbox == JANE
    assert first.event_uid == "ev-1" and first.member == CAROL
    assert first.details["ward"] == "Northfield"
    assert first.details["missing"] == [CAROL] and first.details["missing_names"] == [
        "Cllr Carol Ng"
    ]
    assert first.details["event_start"] == MEETING.isoformat()
    assert first.details["clause"] and first.details["kind"] == "public_meeting"
    assert first.key != repeat.key


@pytest.mark.parametrize(
    "invitees",
    [
        (ALICE, CAROL),
        (ALICE_HOME, CAROL),  # a member's other address
        (NORTHFIELD_LIST,),  # through a distribution list
    ],
)
def test_fully_invited_meeting_needs_nothing(invitees):
    eng = make_engine()
    assert run(eng, [(CREATED, event(MEETING, required=invitees), NORTH)], at(2027, 3, 12)) == []


def test_optional_invitees_and_members_who_declined_were_invited():
    eng = make_engine()
    ev = event(MEETING, required=(ALICE,), optional=(CAROL,), declined=(CAROL,))
    assert run(eng, [(CREATED, ev, NORTH)], at(2027, 3, 12)) == []


def test_consultation_too_and_one_reminder_per_ward():
    eng = make_engine()
    ev = event(MEETING, "Consultation drop-in: Mill Lane and the Quay", required=(ALICE, BOB))
    actions = run(eng, [(CREATED, ev, ("Northfield", "Riverside"))], at(2027, 2, 26))
    assert [(a.details["ward"], a.details["missing"], a.details["kind"]) for a in actions] == [
        ("Northfield", [CAROL], "consultation"),
        ("Riverside", [DEV], "consultation"),
    ]


def test_update_that_invites_them_stops_the_repeat():
    eng = make_engine()
    v1 = event(MEETING)
    v2 = replace(v1, required=(ALICE, CAROL))
    actions = run(eng, [(CREATED, v1, NORTH), (at(2027, 3, 1, 12), v2, NORTH)], at(2027, 3, 12))
    assert summary(actions) == [
        ("ward_members_not_invited", at(2027, 2, 25, 8, 30), (JANE,), "first")
    ]


def test_created_with_less_notice_reminds_at_once_in_working_time():
    eng = make_engine()
    late = at(2027, 3, 4, 14, 0)  # Thursday, five working days before
    assert summary(run(eng, [(late, event(MEETING), NORTH)], at(2027, 3, 12))) == [
        ("ward_members_not_invited", late, (JANE,), "first"),
        ("ward_members_not_invited", at(2027, 3, 9, 8, 30), (JANE,), "repeat"),
    ]
    eng = make_engine()
    saturday = at(2027, 3, 6, 11, 0)
    assert summary(run(eng, [(saturday, event(MEETING), NORTH)], at(2027, 3, 12))) == [
        ("ward_members_not_invited", at(2027, 3, 8, 8, 30), (JANE,), "first"),  # Monday 08:30
        ("ward_members_not_invited", at(2027, 3, 9, 8, 30), (JANE,), "repeat"),
    ]
    eng = make_engine()
    too_late = at(2027, 3, 10, 9, 0)  # after the repeat's time: one reminder
    assert summary(run(eng, [(too_late, event(MEETING), NORTH)], at(2027, 3, 12))) == [
        ("ward_members_not_invited", too_late, (JANE,), "first"),
    ]


def test_cancelled_event_reminds_nobody():
    eng = make_engine()
    ev = event(MEETING)
    items = [(CREATED, ev, NORTH), (at(2027, 2, 10, 9), replace(ev, cancelled=True), ())]
    assert run(eng, items, at(2027, 3, 12)) == []


def test_moved_event_is_reminded_on_its_new_dates_only():
    eng = make_engine()
    ev = event(MEETING)
    moved = replace(ev, start=at(2027, 3, 18, 19), end=at(2027, 3, 18, 20))
    actions = run(eng, [(CREATED, ev, NORTH), (at(2027, 2, 10, 9), moved, NORTH)], at(2027, 3, 19))
    assert summary(actions) == [
        ("ward_members_not_invited", at(2027, 3, 4, 8, 30), (JANE,), "first"),
        ("ward_members_not_invited", at(2027, 3, 16, 8, 30), (JANE,), "repeat"),
    ]


def test_recurring_occurrences_are_reminded_separately():
    eng = make_engine()
    a = event(MEETING, uid="series", recurrence_id="20270311T190000Z")
    b = event(at(2027, 3, 18, 19), uid="series", recurrence_id="20270318T190000Z")
    actions = run(eng, [(CREATED, a, NORTH), (CREATED, b, NORTH)], at(2027, 2, 26))
    assert [(a.at, a.details["occurrence"]) for a in actions] == [
        (at(2027, 2, 25, 8, 30), "20270311T190000Z")
    ]
    actions = run(eng, [], at(2027, 3, 5))
    assert [(a.at, a.details["occurrence"]) for a in actions] == [
        (at(2027, 3, 4, 8, 30), "20270318T190000Z")
    ]


@pytest.mark.parametrize(
    ("ev", "wards"),
    [
        (event(MEETING, "Mill Lane site visit"), NORTH),  # internal: merely names a place
        (event(MEETING, "Prep for the Mill Lane public meeting"), NORTH),
        (event(MEETING), ()),  # about no ward
        (event(MEETING, organizer=ALICE), NORTH),  # a member's meeting, not the council's
        (event(at(2027, 1, 20, 19)), NORTH),  # already over
    ],
)
def test_nothing_for_internal_meetings_and_others(ev, wards):
    eng = make_engine()
    assert run(eng, [(CREATED, ev, wards)], at(2027, 3, 30)) == []


def test_copies_in_several_calendars_remind_once():
    eng = make_engine()
    mine = event(MEETING)
    theirs = replace(mine, mailbox=AMIR, required=(ALICE, AMIR))
    actions = run(eng, [(CREATED, mine, NORTH), (CREATED, theirs, NORTH)], at(2027, 2, 26))
    assert summary(actions) == [
        ("ward_members_not_invited", at(2027, 2, 25, 8, 30), (JANE,), "first")
    ]


def test_digest_notice_checks_are_kept():
    eng = make_engine()
    fine = event(MEETING, uid="ok", required=(ALICE, CAROL))
    run(eng, [(CREATED, event(MEETING), NORTH), (CREATED, fine, NORTH)], at(2027, 2, 26))
    assert sorted((c["rule"], c["in_time"], c["event_uid"]) for c in eng.notice_checks) == [
        ("ward_members_not_invited", False, "ev-1"),
        ("ward_members_not_invited", True, "ok"),
    ]
    assert all(
        c["ward"] == "Northfield" and c["at"] == at(2027, 2, 25, 8, 30) for c in eng.notice_checks
    )


# ---- press_release_ward_notice -----------------------------------------------------

RELEASE = at(2027, 3, 10, 10, 0)  # Wednesday morning


def press_entry(**kw) -> CalendarEvent:
    kw.setdefault("summary", "New crossing for Mill Lane")
    kw.setdefault("organizer", JANE)
    kw.setdefault("required", ())
    return event(RELEASE, uid="pr-1", mailbox=PRESS, **kw)


def test_press_release_in_the_press_calendar_without_notice():
    eng = make_engine()
    actions = run(eng, [(CREATED, press_entry(), NORTH)], at(2027, 3, 11))
    assert summary(actions) == [("press_release_ward_notice", at(2027, 3, 9, 8, 30), (JANE,), None)]
    assert actions[0].details["missing"] == [ALICE, CAROL]
    assert actions[0].details["source"] == "calendar"


def test_press_release_after_the_ward_members_were_told():
    eng = make_engine()
    told = email(at(2027, 3, 2, 11), to=(ALICE,), cc=(CAROL,), subject="Mill Lane crossing")
    items = [(CREATED, press_entry(), NORTH), (told.date, told, NORTH)]
    assert run(eng, items, at(2027, 3, 11)) == []
    # Only the members told count; a month is as far back as an email counts.
    eng = make_engine()
    part = email(at(2027, 3, 2, 11), to=(ALICE,))
    old = email(at(2027, 2, 1, 11), to=(CAROL,))
    items = [(CREATED, press_entry(), NORTH), (part.date, part, NORTH), (old.date, old, NORTH)]
    (action,) = run(eng, items, at(2027, 3, 11))
    assert action.details["missing"] == [CAROL]


def test_press_release_by_email_to_the_press_office():
    eng = make_engine()
    sent = at(2027, 3, 3, 15, 0)
    draft = email(sent, to=(PRESS,), subject="Mill Lane crossing - draft for Friday")
    arrived = replace(draft, folder=Folder.INBOX, mailbox=PRESS)  # the press office's copy
    reply = email(
        at(2027, 3, 3, 16),
        sender=PRESS,
        to=(JANE,),
        subject="RE: Mill Lane crossing - draft for Friday",
    )
    items = [(sent, draft, NORTH), (sent, arrived, NORTH), (reply.date, reply, NORTH)]
    actions = run(eng, items, at(2027, 3, 11))
    assert summary(actions) == [("press_release_ward_notice", sent, (JANE,), None)]
    assert actions[0].message_id == draft.message_id and actions[0].details["source"] == "email"


def test_press_release_email_headed_so_at_the_weekend_waits_for_monday():
    eng = make_engine()
    saturday = at(2027, 3, 6, 10)
    release = email(saturday, to=("news@paper.test",), subject="Press release: Mill Lane crossing")
    actions = run(eng, [(saturday, release, NORTH)], at(2027, 3, 11))
    assert summary(actions) == [("press_release_ward_notice", at(2027, 3, 8, 8, 30), (JANE,), None)]


def test_wards_are_looked_for_only_where_the_rules_need_them():
    eng = make_engine()
    assert eng.wants_wards(email(CREATED, to=(ALICE,)))  # officer to a member
    assert eng.wants_wards(email(CREATED, to=(PRESS,)))  # to the press office
    assert eng.wants_wards(email(CREATED, to=("x@paper.test",), subject="Media release"))
    assert not eng.wants_wards(email(CREATED, to=(TOM,)))  # officer to officer
    assert not eng.wants_wards(email(CREATED, sender=ALICE, to=(JANE,), folder=Folder.INBOX))
    assert eng.wants_wards(email(CREATED, to=(PRESS,), folder=Folder.INBOX, mailbox=PRESS))


# ---- pre_election_period -------------------------------------------------------------

IN_PERIOD = at(2027, 4, 14, 19)


def test_public_meeting_in_the_pre_election_period_is_flagged():
    eng = make_engine()
    ev = event(IN_PERIOD, required=(ALICE, CAROL))
    actions = run(eng, [(CREATED, ev, NORTH)], at(2027, 4, 15))
    assert summary(actions) == [("pre_election_period", CREATED, (JANE,), None)]
    assert actions[0].type is ActionType.FLAG
    assert actions[0].details["period"] == "Borough elections 2027"


def test_press_release_email_in_the_period_is_flagged():
    eng = make_engine()
    sent = at(2027, 4, 1, 10)
    release = email(sent, to=(PRESS,), subject="Press release: new park benches")
    actions = run(eng, [(sent, release, ())], at(2027, 4, 15))
    assert summary(actions) == [("pre_election_period", sent, (JANE,), None)]


def test_officer_at_a_party_group_meeting_in_the_period():
    eng = make_engine()
    ev = event(
        IN_PERIOD, "Labour Group meeting", mailbox=AMIR, organizer=BOB, required=(AMIR, BOB, CAROL)
    )
    actions = run(eng, [(at(2027, 3, 30, 10), ev, ())], at(2027, 4, 15))
    assert sorted(summary(actions)) == [
        ("party_group_briefing", at(2027, 3, 30, 10), (AMIR,), None),
        ("pre_election_period", at(2027, 3, 30, 10), (AMIR,), None),
    ]


def test_nothing_outside_the_period():
    eng = make_engine(pre_election=())
    assert (
        run(eng, [(CREATED, event(IN_PERIOD, required=(ALICE, CAROL)), NORTH)], at(2027, 4, 15))
        == []
    )


# ---- party_group_briefing -----------------------------------------------------------


def test_briefing_one_group_reminds_to_offer_the_others():
    eng = make_engine()
    ev = event(
        MEETING,
        "Group briefing",
        mailbox=AMIR,
        organizer=BOB,
        required=(AMIR, BOB),
        categories=("Party group",),
    )
    (action,) = run(eng, [(CREATED, ev, ())], at(2027, 3, 12))
    assert action.rule is Rule.PARTY_GROUP_BRIEFING and action.type is ActionType.REMINDER
    assert action.to == (AMIR,) and action.at == CREATED
    assert action.details["party"] == "Labour"  # the one party of the members invited
    assert action.details["other_parties"] == ["Conservative", "Green Party"]


def test_officer_who_declined_the_group_meeting_is_not_reminded():
    eng = make_engine()
    ev = event(
        MEETING,
        "Labour Group meeting",
        mailbox=AMIR,
        organizer=BOB,
        required=(AMIR, BOB),
        declined=(AMIR,),
    )
    assert run(eng, [(CREATED, ev, ())], at(2027, 3, 12)) == []


# ---- scrutiny_notice ------------------------------------------------------------------

COMMITTEE = at(2027, 3, 18, 18)


def test_officer_called_to_scrutiny_at_short_notice_is_flagged():
    eng = make_engine()
    ev = event(
        COMMITTEE,
        "Overview and Scrutiny Committee",
        organizer=TOM,
        required=(JANE, AMIR, ALICE),
        optional=(PRESS,),
        declined=(AMIR,),
    )
    invited = at(2027, 3, 1, 10)  # 13.8 working days before
    (action,) = run(eng, [(invited, ev, ())], at(2027, 3, 19))
    assert action.rule is Rule.SCRUTINY_NOTICE and action.type is ActionType.FLAG
    assert action.to == (JANE,) and action.at == invited
    assert action.details["notice_working_days"] == 13.8
    assert action.details["required_working_days"] == 15


def test_scrutiny_with_enough_notice_and_notice_counted_from_the_invitation():
    eng = make_engine()
    ev = event(COMMITTEE, "Scrutiny panel", organizer=TOM, required=(JANE,))
    assert run(eng, [(CREATED, ev, ())], at(2027, 3, 19)) == []
    added = replace(ev, required=(JANE, AMIR))  # Amir added ten days before
    later = at(2027, 3, 4, 9)
    assert summary(run(eng, [(later, added, ())], at(2027, 3, 19))) == [
        ("scrutiny_notice", later, (AMIR,), None)
    ]
    eng = make_engine(
        scrutiny=replace(Settings(council=CouncilSettings("x")).scrutiny, notice_working_days=5)
    )
    assert run(eng, [(later, added, ())], at(2027, 3, 19)) == []


# ---- the emails ----------------------------------------------------------------------


def test_reminders_and_flags_render_with_a_mailto_link():
    eng = make_engine()
    actions = run(
        eng, [(CREATED, event(MEETING, location="Mill Lane Hall"), NORTH)], at(2027, 3, 12)
    )
    renderer = Renderer(eng.ctx.settings, REGISTERS)
    mail = renderer.render(actions[0])
    assert mail is not None and mail.to == (JANE,)
    assert mail.subject.startswith("Invite the Northfield ward councillors")
    assert "Cllr Carol Ng" in mail.text and "mailto:carol@council.test?subject=" in mail.text
    assert 'href="mailto:carol@council.test?subject=' in mail.html
    assert "Involvement of ward members" in mail.text
    repeat = renderer.render(actions[1])
    assert repeat is not None and repeat.subject.startswith("Still to invite")
    ev = event(COMMITTEE, "Scrutiny panel", organizer=TOM, required=(JANE,))
    (flag,) = run(make_engine(), [(at(2027, 3, 10, 9), ev, ())], at(2027, 3, 19))
    text = renderer.render(flag)
    assert text is not None and "working days' notice" in text.text and "at least 15" in text.text
