"""The weekly digest's numbers (pure core) and its schedule: once a week, moved off
bank holidays to the next working morning, caught up once after downtime, never
twice for the same week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.council import (
    ALICE,
    BOB,
    ENGLAND_2026,
    JANE,
    TOM,
    at,
    context,
    engine,
    mail,
    reply,
    run,
)

from bot.core.engine import Engine
from bot.core.rules import digest
from bot.model import Action, ActionType, Classification, Concern, Folder, Kind, Rule


def digests(actions: list[Action]) -> list[tuple[str, str]]:
    return [(a.at.isoformat(), a.details["week"]) for a in actions if a.type is ActionType.DIGEST]


def only_digest(actions: list[Action], week: str) -> dict:
    (action,) = [a for a in actions if a.key == f"digest:{week}"]
    return action.details["digest"]


# ---- the numbers ----------------------------------------------------------------------


def busy_week() -> tuple[Engine, list[Action]]:
    """Week 47 (16-22 Nov 2026) at Jane's desk, the digest on Monday 23 Nov 08:00."""
    eng = engine()
    eng.start(at(2026, 11, 16))
    fast = mail(at(2026, 11, 16, 10), subject="Bins on Mill Lane")
    late = mail(at(2026, 11, 16, 11), subject="Hedge at Northfield Park")
    never = mail(at(2026, 11, 17, 9), BOB, subject="Flooding, Wharf Street")
    evening = mail(at(2026, 11, 18, 21, 30), BOB, subject="Parking permits")
    evening2 = mail(at(2026, 11, 19, 22), BOB, subject="Parking permits again")
    friday = mail(at(2026, 11, 20, 15), subject="Friday question")
    bcc = mail(at(2026, 11, 19, 10), JANE, (ALICE,), folder=Folder.SENT, bcc=(BOB,),
               subject="Play area")
    messages = [
        fast, reply(fast, at(2026, 11, 16, 12, 30)),
        late, reply(late, at(2026, 11, 19, 11)),
        never, evening, reply(evening, at(2026, 11, 19, 9, 30)), evening2, friday, bcc,
    ]
    return eng, run(eng, messages, at(2026, 11, 23, 8))


def test_counts_requests_and_every_contract_rule_by_id():
    _, actions = busy_week()
    data = only_digest(actions, "2026-W47")
    assert (data["week"], data["start"], data["end"]) == (
        "2026-W47", "2026-11-16T00:00:00+00:00", "2026-11-23T00:00:00+00:00")
    counts = data["counts"]
    assert set(counts) == {"requests"} | {str(r) for r in Rule}
    week = [a for a in actions if at(2026, 11, 16) <= a.at < at(2026, 11, 23)]
    for rule in Rule:
        assert counts[str(rule)] == sum(1 for a in week if a.rule is rule), rule
    assert counts["requests"] == 6
    assert counts["out_of_hours"] == 2 and counts["blind_copy_sent"] == 1
    assert counts["response_overdue"] >= 1 and counts["weekly_digest"] == 0


def test_requests_answered_within_the_service_level_and_the_median():
    _, actions = busy_week()
    req = only_digest(actions, "2026-W47")["requests"]
    # fast: 2.5 h, in time. late: Monday 11:00 -> Thursday 11:00 = 27 h, past the 18 h due.
    # evening: clock starts Thursday 08:30, answered 09:30 = 1 h. never: overdue (due Thu 09:00).
    # evening2 (Thu 22:00, due Mon 17:30) and friday (due Tue 15:00): not yet due on Monday 08:00.
    assert req["received"] == 6
    assert (req["answered"], req["answered_within_sla"], req["answered_late"]) == (3, 2, 1)
    assert (req["overdue"], req["open_not_due"]) == (1, 2)
    assert req["share_within_sla"] == round(2 / 4, 3)
    assert req["median_working_hours_to_reply"] == 2.5  # of 2.5, 27 and 1
    assert req["by_kind"] == {"information": 6}
    assert req["by_officer"] == [{
        "officer": JANE, "name": "Jane Smith", "service": "Planning",
        "requests": 6, "answered_within_sla": 2, "overdue": 1,
    }]
    assert req["by_service"] == {"Planning": 6}
    # Acknowledged by Monday 08:00: late, never and evening2 (fast and evening were
    # answered within four working hours; Friday's falls due at 10:00 on Monday).
    assert req["acknowledged"] == 3


def test_overdue_now_oldest_first_with_names_subjects_and_working_days():
    _, actions = busy_week()
    data = only_digest(actions, "2026-W47")
    (o,) = data["overdue"]
    assert (o["officer_name"], o["member_name"], o["subject"]) == (
        "Jane Smith", "Cllr Bob Harris", "Flooding, Wharf Street")
    # due Thursday 19 Nov 09:00; Monday 08:00: Thu 8.5 h + Fri 9 h = 17.5 h = 1.9 days
    assert o["working_days_overdue"] == round(17.5 / 9, 1)


def test_flags_listed_by_section_with_names_and_out_of_hours_by_member():
    _, actions = busy_week()
    data = only_digest(actions, "2026-W47")
    (bcc,) = data["flags"]["blind_copies"]
    assert (bcc["rule"], bcc["officer_name"], bcc["member_name"], bcc["subject"]) == (
        "blind_copy_sent", "Jane Smith", "Cllr Bob Harris", "Play area")
    assert data["out_of_hours_by_member"] == [
        {"member": BOB, "name": "Cllr Bob Harris", "count": 2}]
    assert [i["subject"] for i in data["flags"]["out_of_hours"]] == [
        "Parking permits", "Parking permits again"]
    assert data["emails"]["total"] == sum(
        1 for a in actions if a.to and at(2026, 11, 16) <= a.at < at(2026, 11, 23))


def test_concerns_and_instructions_from_the_classifier():
    eng = engine()
    eng.start(at(2026, 11, 16))
    msg = mail(at(2026, 11, 17, 10), subject="Sort this out by tonight")
    eng.observe(msg, Classification(Kind.INSTRUCTION, (Concern.PRESSURE,)), msg.date)
    msg2 = mail(at(2026, 11, 18, 10), BOB, subject="Leaflet figures")
    eng.observe(msg2, Classification(Kind.INFORMATION, (Concern.PARTY_POLITICAL,)), msg2.date)
    actions = run(eng, [], at(2026, 11, 23, 8))
    data = only_digest(actions, "2026-W47")
    assert [(i["rule"], i["member_name"], i["subject"]) for i in data["flags"]["concerns"]] == [
        ("pressure", "Cllr Alice Green", "Sort this out by tonight"),
        ("party_political", "Cllr Bob Harris", "Leaflet figures"),
    ]
    (instruction,) = data["flags"]["instructions"]
    assert instruction["officer_name"] == "Jane Smith" and instruction["at"].startswith("2026-11-17")
    assert data["requests"]["by_kind"] == {"information": 1, "instruction": 1}


def test_calendar_and_future_rules_are_counted_generically():
    ctx = context()
    slot = digest.week_slot(ctx, "2026-W47")
    when = at(2026, 11, 18, 10)
    def act(rule: Rule, **details) -> Action:
        return ctx.action(at=when, type=ActionType.FLAG, rule=rule, key=f"{rule}", mailbox=TOM,
                          event_uid=f"{rule}@cal", details=details)
    actions = [
        act(Rule.WARD_MEMBERS_NOT_INVITED, summary="Mill Lane consultation", ward="Northfield"),
        act(Rule.PRE_ELECTION_PERIOD, subject="Launch event"),
        act(Rule.PARTY_GROUP_BRIEFING, subject="Budget briefing", group="Labour"),
        act(Rule.SCRUTINY_NOTICE, subject="Scrutiny: highways"),
    ]
    notices = [{"at": when, "rule": "ward_members_not_invited", "in_time": False},
               {"at": when, "rule": "press_release_ward_notice", "in_time": True},
               {"at": when - timedelta(days=30), "rule": "x", "in_time": True}]
    data = digest.digest_counts(ctx, slot, [], actions, at(2026, 11, 23, 8), notices=notices)
    for rule in ("ward_members_not_invited", "pre_election_period", "party_group_briefing",
                 "scrutiny_notice"):
        assert data["counts"][rule] == 1
    (ward,) = data["flags"]["ward_notice"]
    assert (ward["subject"], ward["ward"], ward["officer_name"]) == (
        "Mill Lane consultation", "Northfield", "Tom Baker")
    assert data["flags"]["pre_election"][0]["subject"] == "Launch event"
    assert data["party_groups"] == {"Labour": 1}
    assert [i["rule"] for i in data["flags"]["other"]] == ["scrutiny_notice"]
    assert data["ward_notice"] == {"checked": 2, "in_time": 1, "not_in_time": 1}
    assert data["trend"][-1]["flags"] == 4


def test_trend_compares_with_the_four_weeks_before_from_history():
    eng = engine()
    eng.start(at(2026, 10, 19))
    messages = []
    for week, n in enumerate([1, 3, 0, 2, 4, 5]):  # weeks 43..48
        monday = at(2026, 10, 19) + timedelta(weeks=week)
        for i in range(n):
            m = mail(monday + timedelta(days=i % 5, hours=10), subject=f"w{week} q{i}")
            messages += [m, reply(m, m.date + timedelta(hours=1))]
    actions = run(eng, messages, at(2026, 11, 30, 8))
    data = only_digest(actions, "2026-W48")
    assert [t["week"] for t in data["trend"]] == [f"2026-W{n}" for n in range(44, 49)]
    assert [t["requests"] for t in data["trend"]] == [3, 0, 2, 4, 5]
    assert [t["share_within_sla"] for t in data["trend"]] == [1.0, None, 1.0, 1.0, 1.0]
    assert all(t["running"] for t in data["trend"])


def test_weeks_before_the_bot_started_are_not_counted():
    eng = engine()
    early = mail(at(2026, 11, 16, 10), subject="before the start")
    eng.start(at(2026, 11, 18, 9))  # replay --start: Wednesday of week 47
    actions = run(eng, [early, mail(at(2026, 11, 19, 10), subject="after")], at(2026, 11, 23, 8))
    data = only_digest(actions, "2026-W47")
    assert data["counted_from"] == "2026-11-18T09:00:00+00:00"
    assert data["counts"]["requests"] == 1 and data["counts"]["acknowledgement"] == 1
    assert [t["running"] for t in data["trend"]] == [False] * 4 + [True]
    assert data["trend"][0]["requests"] is None
    # Week 46's digest (due Monday 16 Nov) was before the bot ran at all: none.
    assert digests(actions) == [("2026-11-23T08:00:00+00:00", "2026-W47")]


# ---- the schedule ---------------------------------------------------------------------


def test_once_a_week_at_the_configured_time():
    eng = engine()
    eng.start(at(2026, 11, 2, 9))
    actions = run(eng, [mail(at(2026, 11, 3, 10))], at(2026, 11, 30, 9))
    assert digests(actions) == [
        ("2026-11-09T08:00:00+00:00", "2026-W45"), ("2026-11-16T08:00:00+00:00", "2026-W46"),
        ("2026-11-23T08:00:00+00:00", "2026-W47"), ("2026-11-30T08:00:00+00:00", "2026-W48"),
    ]


def test_a_bank_holiday_moves_it_to_the_next_working_morning():
    assert date(2026, 8, 31) in ENGLAND_2026  # the summer bank holiday, a Monday
    eng = engine()
    eng.start(at(2026, 8, 24, 9))
    actions = run(eng, [], at(2026, 9, 8, 9))
    assert digests(actions) == [("2026-09-01T08:00:00+01:00", "2026-W35"),
                                ("2026-09-07T08:00:00+01:00", "2026-W36")]


def test_a_restart_on_the_bank_holiday_still_sends_it_next_morning():
    first = engine()
    first.start(at(2026, 8, 24, 9))
    history = run(first, [mail(at(2026, 8, 25, 10))], at(2026, 8, 31, 9))
    assert digests(history) == []
    again = engine()
    again.restore(first.requests.values(), history)
    again.start(at(2026, 8, 31, 10), catch_up=True)  # after the nominal time, on the holiday
    actions = run(again, [], at(2026, 9, 2))
    assert digests(actions) == [("2026-09-01T08:00:00+01:00", "2026-W35")]


def test_down_at_the_time_it_goes_out_once_at_start_and_never_twice():
    first = engine()
    first.start(at(2026, 11, 16, 9))
    history = run(first, [mail(at(2026, 11, 17, 10))], at(2026, 11, 20, 17))
    # Down from Friday evening until Tuesday 10:00: Monday's digest was missed.
    second = engine()
    second.restore(first.requests.values(), history)
    now = at(2026, 11, 24, 10)
    second.start(now, catch_up=True)
    caught = second.tick(now)
    assert digests(caught) == [(now.isoformat(), "2026-W47")]
    assert only_digest(caught, "2026-W47")["counts"]["requests"] == 1
    assert digests(run(second, [], at(2026, 11, 29))) == []
    # Another restart the same week: the digest is in the store, so not again.
    third = engine()
    third.restore(second.requests.values(), history + caught)
    third.start(at(2026, 11, 25, 9), catch_up=True)
    assert digests(run(third, [], at(2026, 12, 1))) == [("2026-11-30T08:00:00+00:00", "2026-W48")]
    second.start(at(2026, 11, 25, 9), catch_up=True)  # a second start is ignored
    assert digests(run(second, [], at(2026, 11, 29))) == []


def test_a_first_start_after_the_time_does_not_send_last_weeks():
    eng = engine()
    eng.start(at(2026, 11, 24, 10))  # a new install on Tuesday
    assert digests(run(eng, [], at(2026, 11, 30, 9))) == [
        ("2026-11-30T08:00:00+00:00", "2026-W48")]


def test_two_digests_moved_onto_one_morning_both_go_out():
    closed = ENGLAND_2026 | {date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31),
                             date(2027, 1, 4)}
    eng = Engine(context(holidays=closed))
    eng.start(at(2026, 12, 21, 9))
    actions = run(eng, [], at(2027, 1, 12))
    assert digests(actions) == [
        ("2027-01-05T08:00:00+00:00", "2026-W52"), ("2027-01-05T08:00:00+00:00", "2026-W53"),
        ("2027-01-11T08:00:00+00:00", "2027-W01"),
    ]


def test_week_slots():
    ctx = context()
    slot = digest.week_slot(ctx, "2026-W49")
    assert (slot.start.isoformat(), slot.end.isoformat(), slot.send_at.isoformat()) == (
        "2026-11-30T00:00:00+00:00", "2026-12-07T00:00:00+00:00", "2026-12-07T08:00:00+00:00")
    assert digest.week_slot(ctx, "2026-W53").end.date() == date(2027, 1, 4)
    assert digest.next_digest(ctx, at(2026, 12, 7, 7)) == slot
    assert digest.following(ctx, slot).week == "2026-W50"
    for bad in ("2026-49", "W49", "2025-W53", "2026-W00"):
        with pytest.raises(ValueError):
            digest.week_slot(ctx, bad)


def test_service_is_named_after_the_head_of_service():
    regs = context().registers
    assert digest.service_of(regs, JANE) == "Planning"  # Jane -> Tom Baker, Head of Planning
    assert digest.service_of(regs, TOM) == "Planning"
    assert digest.service_of(regs, JANE, chief_executive=TOM) == "Planning Officer"
    assert digest.service_of(regs, "nobody@council.test") == "Other"
