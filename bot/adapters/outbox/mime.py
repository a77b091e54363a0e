"""OutgoingEmail -> MIME, byte for byte the same for the same input.

Replays must produce identical files, so nothing here reads the clock (the Date
is an argument) or draws random numbers (multipart boundaries come from the
Message-ID). Every email carries the RFC 3834 and Exchange markers that stop
auto-responders answering it, plus our own marker so our sources can skip it.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from bot.model.outgoing import Attachment, OutgoingEmail

__all__ = ["to_mime", "to_bytes", "MARKER_HEADER"]

MARKER_HEADER = "X-Protocol-Bot"


def to_mime(email: OutgoingEmail, date: datetime) -> EmailMessage:
    """Build the message. ``date`` becomes the Date header (the caller's clock)."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = Address(display_name=_one_line(email.from_name), addr_spec=email.from_addr)
    msg["To"] = ", ".join(email.to)
    if email.cc:
        msg["Cc"] = ", ".join(email.cc)
    msg["Subject"] = _one_line(email.subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = email.message_id
    if email.in_reply_to:
        msg["In-Reply-To"] = email.in_reply_to
    if email.references:
        msg["References"] = " ".join(email.references)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: do not auto-reply to this
    msg["X-Auto-Response-Suppress"] = "All"  # the same for Exchange/Outlook
    msg[MARKER_HEADER] = email.rule or "-"

    msg.set_content(email.text, cte=_cte(email.text))
    inline = [a for a in email.attachments if a.content_id]
    files = [a for a in email.attachments if not a.content_id]
    if email.html:
        msg.add_alternative(email.html, subtype="html", cte=_cte(email.html))
        html_part = list(msg.iter_parts())[1]
        for att in inline:
            maintype, subtype = _split_type(att)
            html_part.add_related(
                att.data,
                maintype,
                subtype,
                cid=f"<{att.content_id.strip('<>')}>",
                filename=att.filename or None,
                disposition="inline",
            )
    else:
        files = list(email.attachments)  # no HTML to reference them: plain attachments
    for att in files:
        maintype, subtype = _split_type(att)
        msg.add_attachment(att.data, maintype, subtype, filename=att.filename or "attachment")

    for index, part in enumerate(msg.walk()):
        if part is not msg:
            del part["MIME-Version"]  # the stdlib repeats it on sub-parts; once is enough
        if part.is_multipart():  # the generator would otherwise pick random boundaries
            seed = f"{email.message_id}/{index}".encode()
            part.set_boundary(f"=_pb_{hashlib.sha1(seed).hexdigest()[:24]}")
    return msg


def to_bytes(email: OutgoingEmail, date: datetime) -> bytes:
    """The message as CRLF bytes, ready for SMTP or an .eml file."""
    return to_mime(email, date).as_bytes(policy=SMTP)


def _one_line(value: str) -> str:
    # a line break in a header value is refused by the policy (header injection)
    return " ".join(value.split())


def _cte(text: str) -> str | None:
    # Force quoted-printable for non-ASCII: 8bit bodies break on relays without
    # 8BITMIME, and base64 would make the text unreadable in a raw file.
    return None if text.isascii() else "quoted-printable"


def _split_type(att: Attachment) -> tuple[str, str]:
    maintype, _, subtype = att.content_type.strip().lower().partition("/")
    if not maintype or not subtype or maintype == "multipart":
        return "application", "octet-stream"
    return maintype, subtype
