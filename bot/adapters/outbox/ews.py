"""Sends the bot's email through EWS (exchangelib), from the sending officer's
own mailbox, with a copy saved to its Sent Items.

The email goes to Exchange as the MIME that :mod:`bot.adapters.outbox.mime`
renders (CreateItem with MimeContent, MessageDisposition SendAndSaveCopy), so
every header survives as written: the Message-ID derived from the action (what
makes a resend recognisable), In-Reply-To and References (the acknowledgement
threads under the member's email), ``Auto-Submitted: auto-generated``,
``X-Auto-Response-Suppress: All`` and our own ``X-Protocol-Bot`` marker.

Which mailbox sends: the email's From address (``from_addr``): the officer for
acknowledgements, democratic services for nudges, escalations, flags and the
digest. So that mailbox must be reachable with the same access (impersonation
or delegate) as the watched ones; no Send As right is needed.

``was_sent`` looks for the Message-ID in the sending mailbox's Sent Items and
Outbox (FindItem on message:InternetMessageId), so after a crash mid-send the
daemon resends only what Exchange does not have. It raises TransientError when
Exchange cannot be asked; the email is then checked again next cycle.

Options: the ``[outbox] type = "ews"`` table takes the same keys as an EWS
mailbox (server or service_endpoint, auth, username, password_env or
password_file, access, verify_ssl, ca_file, OAuth keys); see
:mod:`bot.adapters.sources.ews`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from bot.adapters.outbox.mime import sending_mailbox, to_bytes
from bot.adapters.sources.ews import EwsConnection, connection, ews_errors
from bot.model import Settings
from bot.model.outgoing import OutgoingEmail

__all__ = ["EwsSender", "from_settings"]

log = logging.getLogger(__name__)


class EwsSender:
    """A :class:`bot.ports.Sender` over EWS."""

    def __init__(
        self,
        conn: EwsConnection,
        *,
        clock_date: Callable[[], datetime] | None = None,
        owns_connection: bool = True,
    ) -> None:
        self.conn = conn
        self._clock_date = clock_date or (lambda: datetime.now(UTC))
        self._owns = owns_connection
        self._closed = False

    sending_mailbox = staticmethod(sending_mailbox)

    def send(self, email: OutgoingEmail) -> None:
        from exchangelib import Message

        mailbox = self.sending_mailbox(email)
        data = to_bytes(email, self._clock_date())
        try:
            account = self.conn.account(mailbox)
            item = Message(account=account, folder=account.sent, mime_content=data)
            item.send_and_save()
        except ews_errors() as exc:
            raise self.conn.error(exc, doing="sending", mailbox=mailbox) from None
        log.info("ews sender: sent %s email from %s", email.rule or "an", mailbox)

    def was_sent(self, email: OutgoingEmail) -> bool | None:
        from exchangelib import FolderCollection

        mailbox = self.sending_mailbox(email)
        try:
            account = self.conn.account(mailbox)
            folders = FolderCollection(account=account, folders=[account.sent, account.outbox])
            found = list(folders.filter(message_id=email.message_id).only("message_id")[:1])
        except ews_errors() as exc:
            raise self.conn.error(exc, doing="checking Sent Items", mailbox=mailbox) from None
        return bool(found)

    def close(self) -> None:
        if not self._closed and self._owns:
            self._closed = True
            self.conn.release()


def from_settings(options: Mapping[str, Any], settings: Settings) -> EwsSender:
    """The daemon's factory for ``[outbox] type = "ews"``."""
    return EwsSender(connection(options, source="outbox"))
