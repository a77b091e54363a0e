"""Sends the bot's email through Microsoft Graph, from the sending officer's own
mailbox, saved to its Sent Items.

How, and why this way. ``POST /users/{from}/sendMail`` with the body in MIME
format (``Content-Type: text/plain``, the MIME base64-encoded), which Graph
documents for sendMail and which always saves a copy to Sent Items. The MIME
is what :mod:`bot.adapters.outbox.mime` renders, so Graph receives our
Message-ID (derived from the action: what makes a resend recognisable),
``In-Reply-To`` and ``References`` (the acknowledgement threads under the
member's email in the member's client and in the officer's conversation view),
``Auto-Submitted: auto-generated``, ``X-Auto-Response-Suppress: All`` and
``X-Protocol-Bot``.

The JSON form cannot do this: its ``internetMessageHeaders`` accepts only
``X-`` headers (no Auto-Submitted, In-Reply-To or References) and
``internetMessageId`` cannot be set on a message that is sent. Threading with
JSON would need ``createReply`` on the member's message in the officer's
mailbox and a PATCH before sending: three calls, no Auto-Submitted, and a
message id Graph chooses (so no idempotency check). Not used.

``was_sent`` asks ``/users/{from}/messages?$filter=internetMessageId eq '...'``
(all folders: Sent Items, Outbox while Exchange still submits it, and the
mailbox's own copy when it was also a recipient). sendMail answers 202
Accepted before the copy exists, so a crash within seconds of a send can leave
an email not yet findable; it would then be sent again. That window is the
documented limit of this check.

Which mailbox sends: the email's From address (the officer for
acknowledgements; democratic services for nudges, escalations, flags and the
digest), so the app's RBAC scope must include that mailbox too; Mail.Send.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from bot.adapters.outbox.mime import sending_mailbox, to_bytes
from bot.adapters.sources.graph import GraphClient, client
from bot.model import Settings
from bot.model.outgoing import OutgoingEmail

__all__ = ["GraphSender", "from_settings"]

log = logging.getLogger(__name__)


class GraphSender:
    """A :class:`bot.ports.Sender` over Graph sendMail (MIME)."""

    def __init__(
        self,
        graph: GraphClient,
        *,
        clock_date: Callable[[], datetime] | None = None,
        owns_client: bool = True,
    ) -> None:
        self.graph = graph
        self._clock_date = clock_date or (lambda: datetime.now(UTC))
        self._owns = owns_client
        self._closed = False

    sending_mailbox = staticmethod(sending_mailbox)

    def send(self, email: OutgoingEmail) -> None:
        mailbox = self.sending_mailbox(email)
        mime = base64.b64encode(to_bytes(email, self._clock_date()))
        self.graph.request(
            "POST",
            self.graph.url(f"users/{quote(mailbox, safe='@.')}/sendMail"),
            mailbox=mailbox,
            doing="sending",
            headers={"Content-Type": "text/plain"},
            content=mime,
            ok=(202,),
        )
        log.info("graph sender: sent %s email from %s", email.rule or "an", mailbox)

    def was_sent(self, email: OutgoingEmail) -> bool | None:
        mailbox = self.sending_mailbox(email)
        literal = email.message_id.replace("'", "''")
        response = self.graph.request(
            "GET",
            self.graph.url(f"users/{quote(mailbox, safe='@.')}/messages"),
            mailbox=mailbox,
            doing="checking Sent Items",
            params={"$filter": f"internetMessageId eq '{literal}'", "$select": "id", "$top": "1"},
        )
        try:
            data: Any = response.json()
        except ValueError:
            return None
        return bool(isinstance(data, dict) and data.get("value"))

    def close(self) -> None:
        if not self._closed and self._owns:
            self._closed = True
            self.graph.release()


def from_settings(options: Mapping[str, Any], settings: Settings) -> GraphSender:
    """The daemon's factory for ``[outbox] type = "graph"``."""
    return GraphSender(client(options, source="outbox"))
