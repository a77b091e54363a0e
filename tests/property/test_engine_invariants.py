"""Invariants over random mail streams: never acknowledge twice, never acknowledge
automatic mail, every deadline and officer email falls in working time."""

from __future__ import annotations

from datetime import timedelta

from helpers.council import ALICE, AMIR, BOB, JANE, at, context, mail, reply, run
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.engine import Engine

START = at(2026, 12, 14, 0, 0)

event = st.tuples(
    st.integers(0, 60 * 24 * 30),  # minute offset within a month spanning Christmas
    st.sampled_from([ALICE, BOB]),
    st.sampled_from([(JANE,), (AMIR,), (JANE, AMIR)]),
    st.booleans(),  # automatic?
    st.one_of(st.none(), st.integers(0, 60 * 24 * 10)),  # reply after N minutes
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(event, max_size=25))
def test_engine_invariants(events):
    ctx = context()
    eng = Engine(ctx)
    messages, automatic = [], set()
    for i, (offset, sender, to, auto, reply_after) in enumerate(events):
        m = mail(START + timedelta(minutes=offset), sender, to, mid=f"<p{i}@t>",
                 headers=(("auto-submitted", "auto-replied"),) if auto else ())
        messages.append(m)
        if auto:
            automatic.add(m.message_id)
        elif reply_after is not None:
            messages.append(reply(m, m.date + timedelta(minutes=reply_after), sender=to[0]))
    actions = run(eng, messages, START + timedelta(days=60))

    keys = [a.key for a in actions]
    assert len(keys) == len(set(keys))  # nothing decided twice
    acks = [a for a in actions if a.rule == "acknowledgement"]
    assert len({a.message_id for a in acks}) == len(acks)
    assert not any(a.message_id in automatic for a in actions)
    cal = ctx.calendar
    for req in eng.requests.values():
        assert cal.is_working(req.due) or cal.is_working(req.due - timedelta(minutes=1))
    for a in actions:
        if a.rule in ("response_due", "response_overdue"):
            assert cal.is_working(a.at)
        req = eng.requests.get(a.message_id or "")
        if req and req.answered_at is not None and a.rule != "out_of_hours":
            assert a.at <= req.answered_at  # nothing chases an answered request
