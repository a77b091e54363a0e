"""Schema history. Add a new function at the end; never edit an applied one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("protocol-bot")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("requests").create(
        {
            "message_id": str, "member": str, "mailbox": str, "received": str,
            "subject_key": str, "subject": str, "conversation_id": str, "kind": str,
            "concerns": str, "ack_at": str, "due": str, "nudge_at": str,
            "escalate_at": str, "acknowledged_at": str, "nudged_at": str,
            "escalated_at": str, "answered_at": str, "answered_by": str,
        },
        pk="message_id",
    )
    db.table("requests").create_index(["received"])
    # The action log is also the outbox: one row per decision, unique by key, so a
    # decision recorded twice (after a crash and a replay of the batch) is one row.
    db.table("actions").create(
        {
            "key": str, "at": str, "type": str, "rule": str, "mailbox": str,
            "message_id": str, "member": str, "record": str, "status": str,
            "attempts": int, "sent_at": str, "error": str,
        },
        pk="key",
    )
    db.table("actions").create_index(["status"])
    db.table("actions").create_index(["at"])
    db.table("checkpoints").create({"source": str, "checkpoint": str, "updated": str}, pk="source")
    db.table("malformed").create({"where": str, "reason": str, "seen_at": str}, pk="where")
    db.table("digests").create({"week": str, "data": str, "created": str}, pk="week")
    db.table("health").create(
        {"source": str, "status": str, "message": str, "updated": str}, pk="source"
    )
