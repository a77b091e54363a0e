"""The SQLite store (the only importer of sqlite_utils).

Keeps what the rules and the digest need and nothing more: request metadata and
clocks, the action log (which is also the outbox), source checkpoints, malformed
items, digests, and source health. No message bodies, ever.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.adapters.store.migrations import migrations
from bot.core.rules.responses import Request
from bot.model import Action, ActionType, Rule

# Outbox states: pending -> sending -> sent | failed; recorded = nothing to send.
PENDING, SENDING, SENT, FAILED, RECORDED, UNCERTAIN = (
    "pending", "sending", "sent", "failed", "recorded", "uncertain",
)

_DATETIME_FIELDS = {
    "received", "ack_at", "due", "nudge_at", "escalate_at", "acknowledged_at",
    "nudged_at", "escalated_at", "answered_at",
}


class Store:
    def __init__(self, path: Path | None = None):
        if path is None:
            self.db = Database(memory=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            # One thread at a time uses the store, but not always the one that opened
            # it (tests run the daemon on a thread).
            self.db = Database(sqlite3.connect(path, check_same_thread=False))
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    # ---- state --------------------------------------------------------------------

    def load_requests(self) -> list[Request]:
        return [_request_from_row(row) for row in self.db.table("requests").rows_where(order_by="received")]

    def load_actions(self) -> list[Action]:
        return [
            _action_from_row(row)
            for row in self.db.table("actions").rows_where(order_by="at, key")
        ]

    def checkpoint(self, source: str) -> str | None:
        rows = list(self.db.table("checkpoints").rows_where("source = ?", [source]))
        return rows[0]["checkpoint"] if rows else None

    def save(
        self,
        *,
        requests: Iterable[Request] = (),
        actions: Iterable[Action] = (),
        checkpoints: dict[str, str | None] | None = None,
        malformed: Iterable[tuple[str, str]] = (),
        now: datetime,
    ) -> None:
        """Everything one cycle decided, in one transaction: a crash leaves either all
        of it or none (and then the sources replay the batch)."""
        stamp = now.isoformat()
        with self.db.conn:
            self.db.table("requests").upsert_all(
                (_request_to_row(r) for r in requests), pk="message_id"
            )
            self.db.table("actions").insert_all(
                (_action_to_row(a) for a in actions), pk="key", ignore=True
            )
            for source, checkpoint in (checkpoints or {}).items():
                self.db.table("checkpoints").upsert(
                    {"source": source, "checkpoint": checkpoint, "updated": stamp},
                    pk="source",
                )
            self.db.table("malformed").insert_all(
                ({"where": w, "reason": r, "seen_at": stamp} for w, r in malformed),
                pk="where",
                ignore=True,
            )

    # ---- outbox -------------------------------------------------------------------

    def to_send(self) -> list[tuple[Action, str]]:
        """Actions with an email still to send, with their status (pending or sending)."""
        rows = self.db.execute(
            "select * from actions where status in (?, ?) order by at, key", [PENDING, SENDING]
        )
        columns = [c[0] for c in rows.description]
        return [
            (_action_from_row(row), row["status"])
            for row in (dict(zip(columns, values, strict=True)) for values in rows.fetchall())
        ]

    def status(self, key: str) -> str:
        row = self.db.execute("select status from actions where key = ?", [key]).fetchone()
        return str(row[0])

    def mark(self, key: str, status: str, *, at: datetime, error: str = "") -> None:
        # Plain SQL: this runs twice per email sent, and each must be committed
        # before the next step (the 'sending' mark is what makes a crash safe).
        with self.db.conn:
            self.db.execute(
                "update actions set status = ?, attempts = attempts + ?, error = ?,"
                " sent_at = case when ? then ? else sent_at end where key = ?",
                [status, int(status == SENDING), error, status == SENT, at.isoformat(), key],
            )

    def sent_count(self) -> int:
        return self.db.table("actions").count_where("status = ?", [SENT])

    # ---- digests, health, malformed -------------------------------------------------

    def save_digest(self, week: str, data: dict[str, Any], now: datetime) -> None:
        self.db.table("digests").upsert(
            {"week": week, "data": json.dumps(data, sort_keys=True), "created": now.isoformat()},
            pk="week",
        )

    def set_health(self, source: str, status: str, message: str, now: datetime) -> None:
        self.db.table("health").upsert(
            {"source": source, "status": status, "message": message, "updated": now.isoformat()},
            pk="source",
        )

    def health(self) -> list[dict[str, Any]]:
        return list(self.db.table("health").rows_where(order_by="source"))

    def malformed(self) -> list[dict[str, Any]]:
        return list(self.db.table("malformed").rows_where(order_by="seen_at"))

    # ---- retention ------------------------------------------------------------------

    def purge(self, now: datetime, retention_days: int) -> int:
        """Delete closed requests, finished actions and old records past retention."""
        cutoff = (now - timedelta(days=retention_days)).isoformat()
        with self.db.conn:
            n = self.db.execute(
                "delete from requests where received < ? and answered_at is not null", [cutoff]
            ).rowcount
            n += self.db.execute(
                "delete from actions where at < ? and status in (?, ?, ?)",
                [cutoff, SENT, RECORDED, FAILED],
            ).rowcount
            n += self.db.execute("delete from malformed where seen_at < ?", [cutoff]).rowcount
            n += self.db.execute("delete from digests where created < ?", [cutoff]).rowcount
        return n


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _request_to_row(req: Request) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in fields(Request):
        value = getattr(req, f.name)
        if f.name in _DATETIME_FIELDS:
            value = _iso(value)
        elif f.name == "concerns":
            value = json.dumps(list(value))
        row[f.name] = value
    return row


def _request_from_row(row: dict[str, Any]) -> Request:
    values: dict[str, Any] = {}
    for f in fields(Request):
        value = row[f.name]
        if f.name in _DATETIME_FIELDS:
            value = datetime.fromisoformat(value) if value else None
        elif f.name == "concerns":
            value = tuple(json.loads(value or "[]"))
        values[f.name] = value
    return Request(**values)


def _action_to_row(action: Action) -> dict[str, Any]:
    record = action.contract_dict()
    record["to"] = list(action.to)
    record["cc"] = list(action.cc)
    return {
        "key": action.key,
        "at": action.at.isoformat(),
        "type": str(action.type),
        "rule": str(action.rule),
        "mailbox": action.mailbox,
        "message_id": action.message_id,
        "member": action.member,
        "record": json.dumps(record, sort_keys=True),
        "status": PENDING if (action.to or action.cc) else RECORDED,
        "attempts": 0,
        "sent_at": None,
        "error": "",
    }


def _action_from_row(row: dict[str, Any]) -> Action:
    record = json.loads(row["record"])
    return Action(
        at=datetime.fromisoformat(record["at"]),
        type=ActionType(record["type"]),
        rule=Rule(record["rule"]),
        mailbox=record["mailbox"],
        message_id=record["message_id"],
        event_uid=record["event_uid"],
        member=record["member"],
        to=tuple(record["to"]),
        cc=tuple(record["cc"]),
        details=record["details"],
        key=row["key"],
    )
