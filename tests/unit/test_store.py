"""The store: requests and actions survive a restart, and the engine resumes
without deciding anything twice."""

from __future__ import annotations

from helpers.council import at, context, mail

from bot.adapters.store import PENDING, RECORDED, SENT, Store
from bot.core.engine import Engine


def test_engine_state_round_trips_through_the_store(tmp_path):
    db = tmp_path / "state.db"
    ctx = context()
    eng = Engine(ctx)
    m = mail(at(2026, 11, 28, 10, 0))  # Saturday: out-of-hours flag + request
    first = eng.observe(m, None, m.date) + eng.tick(at(2026, 11, 30, 12, 30))
    store = Store(db)
    store.save(requests=eng.requests.values(), actions=first, now=m.date)
    store.close()

    again = Store(db)
    eng2 = Engine(ctx)
    eng2.restore(again.load_requests(), again.load_actions())
    assert eng2.requests[m.message_id] == eng.requests[m.message_id]
    # The same message seen again after a crash decides nothing new...
    assert eng2.observe(m, None, m.date) == []
    # ...the acknowledgement already went, and the later timers still run.
    later = eng2.tick(at(2026, 12, 2, 9, 0))
    assert [str(a.rule) for a in later] == ["response_due", "response_overdue"]


def test_outbox_rows_are_unique_by_key_and_track_status(tmp_path):
    store = Store(tmp_path / "s.db")
    eng = Engine(context())
    m = mail(at(2026, 11, 28, 10, 0))
    actions = eng.observe(m, None, m.date) + eng.tick(at(2026, 11, 30, 12, 30))
    store.save(actions=actions, now=m.date)
    store.save(actions=actions, now=m.date)  # a replayed batch: same keys, no new rows
    statuses = {a.key: store.status(a.key) for a in actions}
    assert statuses == {
        f"flag:out_of_hours:{m.message_id}": RECORDED,  # nothing to send
        f"ack:{m.message_id}": PENDING,
    }
    store.mark(f"ack:{m.message_id}", SENT, at=m.date)
    assert store.to_send() == [] and store.sent_count() == 1
    assert store.db.table("actions").get(f"ack:{m.message_id}")["sent_at"] == m.date.isoformat()


def test_retention_purges_closed_requests_and_finished_actions(tmp_path):
    store = Store(tmp_path / "s.db")
    eng = Engine(context())
    m = mail(at(2025, 1, 6, 10, 0))
    eng.observe(m, None, m.date)
    eng.requests[m.message_id].answered_at = at(2025, 1, 6, 11, 0)
    store.save(requests=eng.requests.values(), now=m.date)
    assert store.purge(at(2026, 11, 23), retention_days=365) == 1
    assert store.load_requests() == []
