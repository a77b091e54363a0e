"""An email the bot will send, fully rendered, before any transport sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str  # e.g. "image/png"
    data: bytes
    content_id: str = ""  # set for inline images referenced by cid:


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """``message_id`` is derived from the action key, so a resend after a crash is
    recognisable as the same email. ``mailbox`` is whose mailbox sends it."""

    message_id: str
    mailbox: str
    from_addr: str
    from_name: str
    to: tuple[str, ...]
    subject: str
    text: str
    html: str = ""
    cc: tuple[str, ...] = ()
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    rule: str = ""
    date: datetime | None = None  # when the bot decided to send it (the action time)
