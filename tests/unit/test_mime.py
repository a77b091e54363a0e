"""bot.adapters.outbox.mime: OutgoingEmail -> deterministic MIME."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email import message_from_bytes
from email.policy import default

from bot.adapters.outbox.mime import to_bytes, to_mime
from bot.adapters.sources.parse import parse_email
from bot.core.automail import automatic_reason, is_own
from bot.model import Folder
from bot.model.outgoing import Attachment, OutgoingEmail

WHEN = datetime(2026, 11, 27, 16, 5, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def outgoing(**kwargs: object) -> OutgoingEmail:
    fields: dict[str, object] = {
        "message_id": "<ack-0001@protocol-bot.local>",
        "mailbox": "officer@council.example",
        "from_addr": "officer@council.example",
        "from_name": "Planning, Exampleton (Protocol Bot)",
        "to": ("cllr.sian@council.example",),
        "cc": ("manager@council.example",),
        "subject": "Acknowledgement: Mill Lane – Heol y Felin",
        "text": "Dear Cllr Llŷr,\nWe have your message; a reply is due by 1 December.\n",
        "rule": "acknowledgement",
        "in_reply_to": "<member-1@council.example>",
        "references": ("<member-0@council.example>", "<member-1@council.example>"),
    }
    fields.update(kwargs)
    return OutgoingEmail(**fields)  # type: ignore[arg-type]


def test_headers() -> None:
    msg = to_mime(outgoing(), WHEN)
    assert msg["From"] == '"Planning, Exampleton (Protocol Bot)" <officer@council.example>'
    assert msg["To"] == "cllr.sian@council.example"
    assert msg["Cc"] == "manager@council.example"
    assert msg["Subject"] == "Acknowledgement: Mill Lane – Heol y Felin"
    assert msg["Date"] == "Fri, 27 Nov 2026 16:05:00 +0000"
    assert msg["Message-ID"] == "<ack-0001@protocol-bot.local>"
    assert msg["In-Reply-To"] == "<member-1@council.example>"
    assert msg["References"] == "<member-0@council.example> <member-1@council.example>"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["X-Protocol-Bot"] == "acknowledgement"
    assert msg["Precedence"] is None
    assert msg.get_content_type() == "text/plain"


def test_optional_headers_absent() -> None:
    msg = to_mime(outgoing(cc=(), in_reply_to=None, references=(), rule=""), WHEN)
    assert msg["Cc"] is None and msg["In-Reply-To"] is None and msg["References"] is None
    assert msg["X-Protocol-Bot"] == "-"


def test_date_keeps_its_offset() -> None:
    bst = datetime(2026, 6, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    assert to_mime(outgoing(), bst)["Date"] == "Mon, 01 Jun 2026 09:00:00 +0100"


def test_deterministic_bytes() -> None:
    email = outgoing(
        html="<p>Dear Cllr</p><img src='cid:logo'>",
        attachments=(
            Attachment("logo.png", "image/png", PNG, content_id="logo"),
            Attachment("note.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
        ),
    )
    first = to_bytes(email, WHEN)
    assert first == to_bytes(email, WHEN)
    assert b"\r\n" in first and b"\n" not in first.replace(b"\r\n", b"")  # CRLF only
    other = to_bytes(outgoing(message_id="<ack-0002@protocol-bot.local>", html="<p>x</p>"), WHEN)
    boundary = to_mime(email, WHEN).get_boundary()
    assert boundary is not None and boundary.encode() not in other


def test_html_is_an_alternative() -> None:
    msg = to_mime(outgoing(html="<p>Dear Cllr</p>"), WHEN)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_inline_images_are_related_to_the_html() -> None:
    email = outgoing(
        html="<p>Dear Cllr</p><img src='cid:logo'>",
        attachments=(Attachment("logo.png", "image/png", PNG, content_id="logo"),),
    )
    msg = message_from_bytes(to_bytes(email, WHEN), policy=default)
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.iter_parts()
    assert related.get_content_type() == "multipart/related"
    html, image = related.iter_parts()
    assert html.get_content_type() == "text/html"
    assert image["Content-ID"] == "<logo>"
    assert image.get_content() == PNG


def test_plain_attachments_make_it_mixed() -> None:
    email = outgoing(attachments=(Attachment("digest.csv", "text/csv", b"a,b\r\n1,2\r\n"),))
    msg = message_from_bytes(to_bytes(email, WHEN), policy=default)
    assert msg.get_content_type() == "multipart/mixed"
    body, attachment = msg.iter_parts()
    assert body.get_content_type() == "text/plain"
    assert attachment.get_filename() == "digest.csv"


def test_parses_back_as_automatic_and_our_own() -> None:
    email = outgoing(html="<p>Dear Cllr Llŷr,</p><p>We have your message.</p>")
    parsed = parse_email(
        to_bytes(email, WHEN), mailbox="cllr.sian@council.example", folder=Folder.INBOX,
        with_text=True,
    )  # fmt: skip
    assert parsed.message_id == email.message_id
    assert parsed.sender == "officer@council.example"
    assert parsed.sender_name == "Planning, Exampleton (Protocol Bot)"
    assert parsed.to == email.to and parsed.cc == email.cc
    assert parsed.subject == email.subject
    assert parsed.date == WHEN
    assert parsed.in_reply_to == email.in_reply_to
    assert parsed.references == email.references
    assert parsed.text == email.text
    assert automatic_reason(parsed) == "auto-submitted"
    assert is_own(parsed)


def test_long_non_ascii_subject_round_trips() -> None:
    subject = "Ymateb awtomatig? Na – " + "Heol y Felin, Llanfair " * 6
    email = outgoing(subject=subject.strip())
    parsed = parse_email(to_bytes(email, WHEN), mailbox="a@b", folder=Folder.INBOX)
    assert parsed.subject == " ".join(subject.split())
    assert automatic_reason(parsed) == "auto-submitted"


def test_line_breaks_in_subject_and_name_cannot_inject_headers() -> None:
    email = outgoing(subject="Re: hello\r\nBcc: evil@example.org", from_name="Bot\nX-Evil: 1")
    data = to_bytes(email, WHEN)
    assert b"\r\nBcc:" not in data and b"\r\nX-Evil:" not in data
    parsed = parse_email(data, mailbox="a@b", folder=Folder.INBOX)
    assert parsed.subject == "Re: hello Bcc: evil@example.org"
    assert parsed.bcc == ()
