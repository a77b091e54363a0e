"""The engine's decisions, case by case, on a simulated clock."""

from __future__ import annotations

from helpers.council import (
    ALICE,
    ALICE_HOME,
    AMIR,
    BOB,
    JANE,
    TOM,
    at,
    engine,
    mail,
    reply,
    run,
    settings,
)

from bot.model import Classification, Concern, Folder, Kind
from bot.model.settings import ServiceLevel


def kinds(actions):
    return [(str(a.rule), a.at) for a in actions]


def test_unanswered_request_is_acknowledged_nudged_and_escalated():
    eng = engine()
    m = mail(at(2026, 11, 27, 16, 0))  # Friday 16:00
    actions = run(eng, [m], at(2026, 12, 4))
    assert kinds(actions) == [
        ("acknowledgement", at(2026, 11, 30, 11, 0)),  # 1.5h Fri + 2.5h Mon
        ("response_due", at(2026, 12, 1, 12, 0)),  # due Tue 16:00 less 4 working hours
        ("response_overdue", at(2026, 12, 1, 16, 0)),  # contract: Fri 16:00 + 2 days = Tue 16:00
    ]
    ack, nudge, esc = actions
    assert ack.to == (ALICE,) and ack.mailbox == JANE and ack.member == ALICE
    assert nudge.to == (JANE,)
    assert esc.to == (JANE,) and esc.cc == (TOM,)  # the officer's manager
    assert all(a.details["clause"] for a in actions)


def test_saturday_request_starts_the_clock_on_monday():
    eng = engine()
    m = mail(at(2026, 11, 28, 10, 0))  # Saturday
    actions = run(eng, [m], at(2026, 12, 4))
    assert ("acknowledgement", at(2026, 11, 30, 12, 30)) in kinds(actions)
    req = eng.requests[m.message_id]
    assert req.due == at(2026, 12, 1, 17, 30)  # end of the second working day
    # Overdue at the close of Tuesday; escalations go out in working time: Wednesday 08:30.
    assert ("response_overdue", at(2026, 12, 2, 8, 30)) in kinds(actions)
    assert ("out_of_hours", m.date) in kinds(actions)


def test_reply_within_window_stops_everything():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    actions = run(eng, [m, reply(m, at(2026, 11, 23, 13, 0))], at(2026, 12, 4))
    assert actions == []
    assert eng.requests[m.message_id].answered_at == at(2026, 11, 23, 13, 0)


def test_reply_at_the_deadline_instant_counts_as_in_time():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    actions = run(eng, [m, reply(m, at(2026, 11, 23, 14, 0))], at(2026, 12, 4))
    assert actions == []


def test_reply_after_ack_stops_nudge_and_escalation():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    actions = run(eng, [m, reply(m, at(2026, 11, 24, 9, 0))], at(2026, 12, 4))
    assert [str(a.rule) for a in actions] == ["acknowledgement"]


def test_reply_matched_by_subject_and_participants_without_headers():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), subject="Bins in Hazel Close")
    r = mail(at(2026, 11, 23, 11, 0), JANE, (ALICE,), folder=Folder.SENT,
             subject="RE: FW: bins in  Hazel Close")
    assert run(eng, [m, r], at(2026, 12, 4)) == []


def test_reply_to_another_address_of_the_same_member_counts():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), sender=ALICE_HOME)
    r = mail(at(2026, 11, 23, 11, 0), JANE, (ALICE,), folder=Folder.SENT, in_reply_to=m.message_id)
    assert run(eng, [m, r], at(2026, 12, 4)) == []


def test_reply_matched_by_conversation_id():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), conversation_id="AAQk1")
    r = mail(at(2026, 11, 23, 11, 0), JANE, (ALICE,), folder=Folder.SENT,
             subject="something else", conversation_id="AAQk1")
    assert run(eng, [m, r], at(2026, 12, 4)) == []


def test_email_to_someone_else_is_not_a_reply():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    fwd = mail(at(2026, 11, 23, 11, 0), JANE, (AMIR,), folder=Folder.SENT, in_reply_to=m.message_id)
    assert [str(a.rule) for a in run(eng, [m, fwd], at(2026, 11, 24))] == ["acknowledgement"]


def test_automatic_mail_is_never_acknowledged_or_flagged():
    eng = engine()
    ooo = mail(at(2026, 11, 28, 10, 0), headers=(("auto-submitted", "auto-replied"),))
    bulk = mail(at(2026, 11, 28, 10, 0), headers=(("precedence", "bulk"),))
    assert run(eng, [ooo, bulk], at(2026, 12, 10)) == []
    assert eng.requests == {}


def test_own_email_is_ignored():
    eng = engine()
    own = mail(at(2026, 11, 23, 10, 0), headers=(("x-protocol-bot", "acknowledgement"),))
    assert run(eng, [own], at(2026, 12, 10)) == []


def test_one_request_per_message_id_across_mailboxes():
    eng = engine()
    when = at(2026, 11, 23, 10, 0)
    a = mail(when, to=(JANE, AMIR), mid="<same@x>")
    b = mail(when, to=(JANE, AMIR), mid="<same@x>", mailbox=AMIR)
    actions = run(eng, [a, b], at(2026, 12, 10))
    assert [str(x.rule) for x in actions].count("acknowledgement") == 1
    assert eng.requests["<same@x>"].mailbox == JANE  # the first watched mailbox in To


def test_blind_copy_received_is_flagged_once_for_that_mailbox():
    eng = engine()
    when = at(2026, 11, 23, 10, 0)
    to_jane = mail(when, to=(JANE,), mid="<b@x>")
    amir_copy = mail(when, to=(JANE,), mid="<b@x>", mailbox=AMIR)  # Amir was a Bcc
    flags = [a for a in run(eng, [to_jane, amir_copy], when) if a.type == "flag"]
    assert [(str(f.rule), f.mailbox, f.to) for f in flags] == [
        ("blind_copy_received", AMIR, (AMIR,))
    ]


def test_officer_reached_through_a_list_is_not_a_blind_copy():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), to=("planning@council.test",), mailbox=TOM)
    actions = run(eng, [m], at(2026, 11, 23, 15, 0))
    assert [str(a.rule) for a in actions] == ["acknowledgement"]
    assert actions[0].mailbox == TOM  # the list reached Tom: he handles it


def test_officer_copying_a_member_blind_is_flagged():
    eng = engine()
    sent = mail(at(2026, 11, 23, 10, 0), JANE, (ALICE,), folder=Folder.SENT, bcc=(BOB,))
    (flag,) = run(eng, [sent], at(2026, 11, 23, 10, 0))
    assert str(flag.rule) == "blind_copy_sent" and flag.member == BOB and flag.mailbox == JANE


def test_officer_to_member_email_seen_as_blind_copy_is_flagged():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), JANE, (ALICE,), mailbox=AMIR)
    (flag,) = run(eng, [m], at(2026, 11, 23, 10, 0))
    assert str(flag.rule) == "blind_copy_received" and flag.member == ALICE


def test_copied_officer_does_not_own_the_request():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0), to=(BOB,), cc=(JANE,), mailbox=JANE)
    assert run(eng, [m], at(2026, 12, 10)) == []


def test_kind_other_starts_no_clock_unless_unsure():
    eng = engine()
    thanks = mail(at(2026, 11, 23, 10, 0))
    unsure = mail(at(2026, 11, 23, 10, 0))
    eng.observe(thanks, Classification(Kind.OTHER), thanks.date)
    eng.observe(unsure, Classification(Kind.OTHER, unsure=True), unsure.date)
    assert set(eng.requests) == {unsure.message_id}


def test_per_kind_service_level_and_untracked_kinds():
    eng = engine(settings(complaint=ServiceLevel(track=False), media=ServiceLevel(0, 1, 0)))
    c = mail(at(2026, 11, 23, 10, 0))
    m = mail(at(2026, 11, 23, 10, 0))
    eng.observe(c, Classification(Kind.COMPLAINT), c.date)
    actions = eng.observe(m, Classification(Kind.MEDIA), m.date)
    assert c.message_id not in eng.requests
    req = eng.requests[m.message_id]
    assert req.ack_at == m.date and req.due == at(2026, 11, 24, 10, 0) and req.nudge_at is None
    actions += eng.tick(m.date)
    assert [str(a.rule) for a in actions] == ["acknowledgement"]


def test_an_untracked_kind_read_without_confidence_runs_on_the_default_level():
    # An angry instruction may be read as a complaint; if the model is unsure, the
    # member still gets an acknowledgement, on the default service level.
    eng = engine(settings(complaint=ServiceLevel(track=False), documents=ServiceLevel(4, 5, 4)))
    sure, unsure = mail(at(2026, 11, 23, 10, 0)), mail(at(2026, 11, 23, 10, 0))
    eng.observe(sure, Classification(Kind.COMPLAINT), sure.date)
    eng.observe(unsure, Classification(Kind.COMPLAINT, unsure=True), unsure.date)
    assert set(eng.requests) == {unsure.message_id}
    assert eng.requests[unsure.message_id].due == at(2026, 11, 25, 10, 0)  # default: 2 days
    # a tracked kind keeps its own level, unsure or not
    doc = mail(at(2026, 11, 23, 10, 0))
    eng.observe(doc, Classification(Kind.DOCUMENTS, unsure=True), doc.date)
    assert eng.requests[doc.message_id].due == at(2026, 11, 30, 10, 0)


def test_concerns_and_instructions_are_flagged_to_the_handling_officer():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    cls = Classification(Kind.INSTRUCTION, (Concern.PRESSURE,), {"pressure": 0.91})
    flags = eng.observe(m, cls, m.date)
    assert sorted(str(f.rule) for f in flags) == ["member_instruction", "pressure"]
    assert all(f.to == (JANE,) for f in flags)


def test_nudge_and_escalation_wait_for_working_time_after_downtime():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    eng.observe(m, None, m.date)
    late = eng.tick(at(2026, 11, 28, 22, 0))  # daemon back on Saturday night
    assert [str(a.rule) for a in late] == ["acknowledgement"]  # members may get it at once
    monday = eng.tick(at(2026, 11, 30, 8, 30))
    assert [str(a.rule) for a in monday] == ["response_due", "response_overdue"]
    assert eng.tick(at(2026, 12, 30)) == []  # never twice


def test_daily_cap_per_member_holds_back_a_loop():
    s = settings()
    s = s.__class__(**{**s.__dict__, "bot": s.bot.__class__(member_daily_cap=2)})
    eng = engine(s)
    msgs = [mail(at(2026, 11, 23, 10, i)) for i in range(5)]
    actions = run(eng, msgs, at(2026, 11, 23, 15, 0))
    assert [str(a.rule) for a in actions] == ["acknowledgement"] * 2
    assert len(eng.suppressed) == 3


def test_christmas_and_new_year_deadlines():
    eng = engine()
    m = mail(at(2026, 12, 24, 15, 0))  # Thursday before Christmas
    run(eng, [m], at(2026, 12, 24, 15, 0))
    req = eng.requests[m.message_id]
    # 2.5h on 24 Dec; 25 Dec and 28 Dec are bank holidays; 29-31 Dec working here:
    # ack: 1.5h more on 29 Dec -> 10:00. Due: 18h = 2.5 + 9 (29th) + 6.5 (30th) -> 15:00.
    assert req.ack_at == at(2026, 12, 29, 10, 0)
    assert req.due == at(2026, 12, 30, 15, 0)


def test_out_of_hours_contact_by_blind_copy_is_still_contact():
    eng = engine()
    m = mail(at(2026, 11, 28, 10, 0), to=(BOB,), mailbox=AMIR)  # Amir blind-copied, Saturday
    rules = sorted(str(a.rule) for a in run(eng, [m], at(2026, 11, 28, 10, 0)))
    assert rules == ["blind_copy_received", "out_of_hours"]


def test_out_of_hours_is_flagged_once_for_the_handling_mailbox():
    eng = engine()
    when = at(2026, 11, 24, 21, 0)
    copies = [mail(when, to=(JANE,), mid="<o@x>", mailbox=box) for box in (AMIR, JANE)]
    ooh = [a for a in run(eng, copies, when) if str(a.rule) == "out_of_hours"]
    assert [(a.mailbox, a.to) for a in ooh] == [(JANE, ())]


def test_reply_linked_by_headers_counts_despite_clock_skew():
    eng = engine()
    m = mail(at(2026, 11, 23, 10, 0))
    r = reply(m, at(2026, 11, 23, 9, 59))  # the officer's PC clock is a minute slow
    assert run(eng, [m, r], at(2026, 12, 4)) == []
