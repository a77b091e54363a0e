"""OutgoingEmail -> MIME, byte for byte the same for the same input.

Replays must produce identical files, so nothing here reads the clock (the Date
is an argument) or draws random numbers (multipart boundaries come from the
Message-ID). Every email carries the RFC 3834 and Exchange markers that stop
auto-responders answering it, plus our own marker so our sources can skip it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from datetime import datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from bot.errors import MisconfiguredError
from bot.model.outgoing import Attachment, OutgoingEmail

__all__ = ["to_mime", "to_bytes", "MARKER_HEADER"]

MARKER_HEADER = "X-Protocol-Bot"


def to_mime(email: OutgoingEmail, date: datetime) -> EmailMessage:
    """Build the message with the stdlib (used where an EmailMessage is wanted). ``date``
    becomes the Date header (the caller's clock)."""
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
    """The message as CRLF bytes, ready for SMTP or an .eml file.

    Written directly rather than through the stdlib generator, which costs about
    3 ms an email; a replay writes tens of thousands. ``to_mime`` parses the result,
    so both always agree (tests compare them).
    """
    lines = [
        f"From: {_address(email.from_name, email.from_addr)}",
        f"To: {', '.join(email.to)}",
    ]
    if email.cc:
        lines.append(f"Cc: {', '.join(email.cc)}")
    lines += [
        _header("Subject", _one_line(email.subject)),
        f"Date: {format_datetime(date)}",
        f"Message-ID: {email.message_id}",
    ]
    if email.in_reply_to:
        lines.append(f"In-Reply-To: {email.in_reply_to}")
    if email.references:
        lines.append(_header("References", " ".join(email.references)))
    lines += [
        "Auto-Submitted: auto-generated",  # RFC 3834: do not auto-reply to this
        "X-Auto-Response-Suppress: All",  # the same for Exchange/Outlook
        f"{MARKER_HEADER}: {email.rule or '-'}",
        "MIME-Version: 1.0",
    ]
    boundaries = (
        f"=_pb_{hashlib.sha1(f'{email.message_id}/{i}'.encode()).hexdigest()[:24]}"
        for i in range(4)
    )
    inline = [a for a in email.attachments if a.content_id]
    files = [a for a in email.attachments if not a.content_id] if email.html else list(email.attachments)
    body = _text_part(email.text, "plain")
    if email.html:
        html = _text_part(email.html, "html")
        if inline:
            html = _multipart("related", next(boundaries), [html, *(_binary(a, True) for a in inline)])
        body = _multipart("alternative", next(boundaries), [body, html])
    if files:
        body = _multipart("mixed", next(boundaries), [body, *(_binary(a, False) for a in files)])
    return ("\r\n".join(lines) + "\r\n").encode("ascii") + body


def _header(name: str, value: str) -> str:
    if not value.isascii():
        return f"{name}: " + Header(value, "utf-8", header_name=name).encode(linesep="\r\n")
    line = f"{name}: {value}"
    if len(line) <= 78:
        return line
    out, current = [], f"{name}:"
    for word in value.split(" "):
        if len(current) + 1 + len(word) > 78 and current.strip() != f"{name}:":
            out.append(current)
            current = ""
        current += " " + word
    return "\r\n".join([*out, current])


def _address(name: str, addr: str) -> str:
    name = _one_line(name)
    if not name:
        return addr
    if not name.isascii():
        return f"{Header(name, 'utf-8').encode()} <{addr}>"
    if any(c in name for c in '()<>[]:;@\\,."'):
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}" <{addr}>'
    return f"{name} <{addr}>"


def _text_part(text: str, subtype: str) -> bytes:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() and all(len(line) <= 998 for line in text.split("\n")):
        head = f"Content-Type: text/{subtype}; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 7bit"
        data = text.replace("\n", "\r\n").encode("ascii")
    else:
        head = (
            f"Content-Type: text/{subtype}; charset=\"utf-8\"\r\n"
            "Content-Transfer-Encoding: quoted-printable"
        )
        data = binascii.b2a_qp(text.encode("utf-8")).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if data and not data.endswith(b"\r\n"):
        data += b"\r\n"
    return head.encode("ascii") + b"\r\n\r\n" + data


def _binary(att: Attachment, inline: bool) -> bytes:
    maintype, subtype = _split_type(att)
    name = _one_line(att.filename) or "attachment"
    head = [f"Content-Type: {maintype}/{subtype}", "Content-Transfer-Encoding: base64"]
    if inline:
        head.append(f"Content-ID: <{att.content_id.strip('<>')}>")
        head.append(f'Content-Disposition: inline; filename="{name}"')
    else:
        head.append(f'Content-Disposition: attachment; filename="{name}"')
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + base64.encodebytes(
        att.data
    ).replace(b"\n", b"\r\n")


def _multipart(subtype: str, boundary: str, parts: list[bytes]) -> bytes:
    head = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\n'.encode("ascii")
    sep = f"--{boundary}\r\n".encode("ascii")
    body = b"".join(sep + part + b"\r\n" for part in parts)
    return head + body + f"--{boundary}--\r\n".encode("ascii")


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


def sending_mailbox(email: OutgoingEmail) -> str:
    """The mailbox an email goes out from (an Exchange sender sends as that mailbox)."""
    address = (email.from_addr or email.mailbox).strip().lower()
    if "@" not in address:
        raise MisconfiguredError(
            "the email has no sending address; set [roles] democratic_services", source="outbox"
        )
    return address
