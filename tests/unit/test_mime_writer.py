"""The direct MIME writer says exactly what the stdlib's generator would."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.outbox.mime import to_bytes, to_mime
from bot.model.outgoing import Attachment, OutgoingEmail

DATE = datetime(2026, 11, 23, 14, 15, tzinfo=UTC)


def make(**kw) -> OutgoingEmail:
    base = dict(
        message_id="<pb-1@council.test>", mailbox="jane@council.test",
        from_addr="jane@council.test", from_name="Jane Smith", to=("alice@council.test",),
        subject="RE: Mill Lane", text="Dear Councillor Green,\n\nThank you.\n",
        html="<p>Dear Councillor Green,</p>", rule="acknowledgement",
    )
    base.update(kw)
    return OutgoingEmail(**base)


def parsed(data: bytes):
    return email.message_from_bytes(data, policy=policy.default)


def same(a, b):
    for name in ["From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To",
                 "References", "Auto-Submitted", "X-Auto-Response-Suppress", "X-Protocol-Bot"]:
        assert str(a.get(name, "")) == str(b.get(name, "")), name
    assert a.get_body(("plain",)).get_content() == b.get_body(("plain",)).get_content()
    if b.get_body(("html",)) is not None:
        assert a.get_body(("html",)).get_content() == b.get_body(("html",)).get_content()


@pytest.mark.parametrize("kw", [
    {},
    {"html": ""},
    {"subject": "RE: Cyngor Sir Ynys Môn – ffordd ar gau " * 3, "from_name": "Siân Jones"},
    {"text": "Café costs £5 — " * 40 + "\n" + "x" * 1200, "cc": ("tom@council.test",)},
    {"in_reply_to": "<m1@x>", "references": ("<m0@x>", "<m1@x>")},
    {"from_name": 'Exampleton Council, "protocol-bot"'},
    {"attachments": (Attachment("trend.png", "image/png", b"\x89PNG" + bytes(300), "chart1"),)},
    {"attachments": (Attachment("notes.txt", "text/plain", b"hello"),)},
])
def test_writer_matches_the_stdlib(kw):
    out = make(**kw)
    fast = parsed(to_bytes(out, DATE))
    same(fast, parsed(to_mime(out, DATE).as_bytes()))
    assert b"\n" not in to_bytes(out, DATE).replace(b"\r\n", b"")  # CRLF only


def test_inline_images_are_related_to_the_html():
    out = make(attachments=(Attachment("t.png", "image/png", b"\x89PNG1234", "c1"),))
    msg = parsed(to_bytes(out, DATE))
    related = [p for p in msg.walk() if p.get_content_type() == "multipart/related"]
    assert related and any(p["Content-ID"] == "<c1>" for p in related[0].iter_parts())
    image = next(p for p in msg.walk() if p.get_content_type() == "image/png")
    assert image.get_content() == b"\x89PNG1234"


# Printable text with line breaks (control characters are not something templates make).
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.just("\n"), max_size=300)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(_TEXT, _TEXT.map(lambda s: s.replace("\n", " ")[:120]))
def test_any_text_and_subject_survive(text, subject):
    out = make(text=text, subject=subject, html="")
    msg = parsed(to_bytes(out, DATE))
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")  # 7bit keeps CRLF
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    assert body.rstrip("\n") == norm.rstrip("\n")
    assert str(msg["Subject"]) == " ".join(subject.split())
