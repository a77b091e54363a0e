"""A sender that sends nothing: replay's and the tests' outbox.

Each email is kept in ``sent`` and, when an output folder is given, written as
OUT/outbox/<rule>-<sha1(Message-ID)[:16]>.eml, so two replays of the same input
produce the same files (pass the simulated clock as ``clock_date``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.outbox.mime import to_bytes
from bot.model.outgoing import OutgoingEmail

__all__ = ["RecordingSender"]

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^a-z0-9_.-]+")


class RecordingSender:
    """A :class:`bot.ports.Sender` that records. With ``out=None`` it keeps emails
    in memory only."""

    def __init__(
        self, out: Path | None = None, clock_date: Callable[[], datetime] | None = None
    ) -> None:
        self.out = Path(out) if out is not None else None
        self._clock_date = clock_date or (lambda: datetime.now(UTC))
        self.sent: list[OutgoingEmail] = []
        self._ids: set[str] = set()
        self._made_dir = False

    def path_for(self, email: OutgoingEmail) -> Path | None:
        if self.out is None:
            return None
        rule = _UNSAFE.sub("_", (email.rule or "email").lower()).strip("._") or "email"
        digest = hashlib.sha1(email.message_id.encode("utf-8")).hexdigest()[:16]
        return self.out / "outbox" / f"{rule}-{digest}.eml"

    def send(self, email: OutgoingEmail) -> None:
        if email.message_id in self._ids or self.was_sent(email):
            return  # a resend of the same email: nothing new
        path = self.path_for(email)
        if path is not None:
            # A record, not a delivery: no temp file and rename, no fsync. Replay
            # writes tens of thousands of these and file creation is the cost.
            if not self._made_dir:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made_dir = True
            path.write_bytes(to_bytes(email, email.date or self._clock_date()))
        self.sent.append(email)
        self._ids.add(email.message_id)
        log.debug("recording sender: %s email recorded", email.rule or "an")

    def was_sent(self, email: OutgoingEmail) -> bool:
        if email.message_id in self._ids:
            return True
        path = self.path_for(email)
        if path is not None:
            return path.exists()
        return email.message_id in self._ids

    def close(self) -> None:
        """Nothing held open."""
