"""bot.adapters.sources.parse: email bytes -> Message."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from email.message import Message as StdMessage
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from email.utils import getaddresses
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.sources.parse import (
    _WANTED,
    _clean_address,
    _fast_leaves,
    _header_block,
    _pick_text,
    _scan_header_lines,
    _scan_headers,
    _split_address_list,
    _text,
    _Unsupported,
    body_text,
    html_to_text,
    parse_email,
)
from bot.errors import MalformedInput
from bot.model import Folder, Message

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eml"


def load(name: str, folder: Folder = Folder.INBOX, **kwargs: object) -> Message:
    return parse_email(
        (FIXTURES / name).read_bytes(),
        mailbox="Officer@Exampleton.gov.uk",
        folder=folder,
        source_ref=f"{folder.value}/{name}",
        **kwargs,  # type: ignore[arg-type]
    )


def minimal(**headers: str) -> bytes:
    base = {
        "From": "jane@example.org",
        "To": "officer@council",
        "Subject": "Hello",
        "Date": "Tue, 3 Nov 2026 10:00:00 +0000",
        "Message-ID": "<m1@example.org>",
    }
    base.update({k.replace("_", "-"): v for k, v in headers.items()})
    lines = [f"{k}: {v}" for k, v in base.items()]
    return ("\r\n".join(lines) + "\r\n\r\nBody\r\n").encode()


class TestOutlookReply:
    def test_fields(self) -> None:
        msg = load("outlook_reply.eml")
        assert msg.mailbox == "officer@exampleton.gov.uk"
        assert msg.folder is Folder.INBOX
        assert msg.message_id == (
            "<DB9PR01MB1234A1B2C3D4E5F6@DB9PR01MB1234.eurprd01.prod.exchangelabs.com>"
        )
        assert msg.date == datetime(2026, 11, 3, 10, 15, 1, tzinfo=UTC)
        assert msg.sender == "jane.smith@exampleton.gov.uk"
        assert msg.sender_name == "Smith, Jane (Cllr)"
        assert msg.to == ("planning.officer@exampleton.gov.uk", "bob.jones@exampleton.gov.uk")
        assert msg.cc == ("sian.evans@exampleton.gov.uk",)
        assert msg.bcc == ()
        assert msg.subject == (
            "RE: Planning application 26/0412/FUL - Mill Lane - residents' concerns about parking"
        )
        assert msg.in_reply_to == "<AM0PR01MB5678BBBB@AM0PR01MB5678.eurprd01.prod.exchangelabs.com>"
        assert msg.references == (
            "<AM0PR01MB5678AAAA@AM0PR01MB5678.eurprd01.prod.exchangelabs.com>",
            "<AM0PR01MB5678BBBB@AM0PR01MB5678.eurprd01.prod.exchangelabs.com>",
        )
        assert msg.conversation_id is None
        assert msg.source_ref == "inbox/outlook_reply.eml"

    def test_headers_only_keeps_the_listed_headers(self) -> None:
        msg = load("outlook_reply.eml")
        assert [name for name, _ in msg.headers] == ["content-type"]
        content_type = msg.header("Content-Type")
        assert content_type is not None
        assert content_type.startswith("multipart/alternative;")
        assert "\n" not in content_type  # unfolded
        assert msg.text is None

    def test_with_text_prefers_plain(self) -> None:
        msg = load("outlook_reply.eml", with_text=True)
        assert msg.text is not None
        assert msg.text.startswith("Dear Planning Officer,\n\nResidents of Mill Lane")
        assert "parking during the works" in msg.text  # soft line break joined
        assert "Cllr Jane Smith – Millbrook ward" in msg.text
        assert "<p>" not in msg.text

    def test_with_text_gives_the_same_headers(self) -> None:
        assert load("outlook_reply.eml", with_text=True) == load("outlook_reply.eml")


def test_html_only_multipart() -> None:
    msg = load("html_only.eml", with_text=True)
    assert msg.text == (
        "Hello Highways team,\n\n"
        "There is a pothole & a broken kerb\n"
        "outside number 12 – it has been there since October.\n\n"
        "Cost: £0 so far\nRisk: high\n\n"
        "Thanks,\nPriya"
    )


def test_rfc2047_names_and_subject() -> None:
    msg = load("rfc2047_names.eml")
    assert msg.sender == "sian.llyr@exampleton.gov.uk"
    assert msg.sender_name == "Siân Llŷr (Cllr)"
    # the encoded commas must not split the list
    assert msg.to == ("sian.evans@exampleton.gov.uk", "planning.officer@exampleton.gov.uk")
    assert msg.subject == "Cais cynllunio – Heol y Felin (Mill Lane)"


def test_many_recipients_display_names_with_commas_groups_and_junk() -> None:
    msg = load("many_recipients.eml")
    assert msg.to == (
        "bob.jones@exampleton.gov.uk",
        "priya.patel@exampleton.gov.uk",
        "plain.address@exampleton.gov.uk",
    )  # "not-an-address" and "<>" skipped
    assert msg.cc == (
        "a.officer@exampleton.gov.uk",
        "b.officer@exampleton.gov.uk",
        "bob.jones@exampleton.gov.uk",
    )
    assert msg.sender == "jane.smith@exampleton.gov.uk"
    assert msg.sender_name == "Jane Smith"
    assert msg.subject == "Many recipients and odd spacing"
    assert msg.message_id == "<many-1@exampleton.gov.uk>"


def test_folded_headers() -> None:
    data = (
        b"From: Jane\r\n <jane@example.org>\r\n"
        b"To: a@example.org,\r\n\tb@example.org\r\n"
        b"Subject: a long\r\n  folded\r\n\tsubject\r\n"
        b"Date: Tue, 3 Nov 2026\r\n 10:00:00 +0000\r\n"
        b"Message-ID:\r\n <folded@example.org>\r\n"
        b"References: <r1@x>\r\n <r2@x>\r\n\t<r3@x>\r\n"
        b"\r\nBody"
    )
    msg = parse_email(data, mailbox="a@example.org", folder=Folder.INBOX)
    assert msg.sender == "jane@example.org"
    assert msg.to == ("a@example.org", "b@example.org")
    assert msg.subject == "a long folded subject"
    assert msg.date == datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
    assert msg.message_id == "<folded@example.org>"
    assert msg.references == ("<r1@x>", "<r2@x>", "<r3@x>")


def test_bcc_kept_in_sent_message() -> None:
    msg = load("sent_with_bcc.eml", folder=Folder.SENT)
    assert msg.folder is Folder.SENT
    assert msg.bcc == ("jane.smith@exampleton.gov.uk", "cllr.bob@exampleton.gov.uk")
    assert msg.recipients == (
        "applicant@example.com",
        "jane.smith@exampleton.gov.uk",
        "cllr.bob@exampleton.gov.uk",
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("no_message_id.eml", "inbox/no_message_id.eml: Message-ID: missing"),
        ("bad_date.eml", 'inbox/bad_date.eml: Date: cannot read "Tuesday-ish"'),
        ("no_from.eml", "inbox/no_from.eml: From: no address"),
    ],
)
def test_malformed_names_file_and_field(name: str, expected: str) -> None:
    with pytest.raises(MalformedInput) as info:
        load(name)
    assert str(info.value) == expected
    assert info.value.where == f"inbox/{name}"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (b"", "empty file"),
        (b"   \r\n\r\n", "empty file"),
        (bytes(range(256)) * 4, "Message-ID"),
        (b"\x00\xff\xfe garbage without headers", "Message-ID"),
        (minimal(Date=""), "Date: missing"),
        (minimal(From=""), "From: missing"),
        (minimal(Message_ID="<>"), "Message-ID: missing"),
        (minimal(Date="Tue, 3 Nov 99999 10:00:00 +0000"), "Date: cannot read"),
    ],
)
def test_malformed_inputs(data: bytes, field: str) -> None:
    with pytest.raises(MalformedInput, match=field):
        parse_email(data, mailbox="a@b", folder=Folder.INBOX, source_ref="x.eml")


def test_naive_date_assumed_in_default_zone() -> None:
    msg = load("naive_date.eml")  # "-0000" in June: 10:00 BST
    assert msg.date.tzinfo is not None
    assert msg.date.astimezone(UTC) == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    other = load("naive_date.eml", default_tz="America/New_York")
    assert other.date.utcoffset() == timedelta(hours=-4)


def test_date_without_zone_at_all() -> None:
    msg = parse_email(minimal(Date="Tue, 3 Nov 2026 10:00:00"), mailbox="a@b", folder=Folder.INBOX)
    assert msg.date == datetime(2026, 11, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def test_ids_are_normalised() -> None:
    msg = parse_email(
        minimal(
            Message_ID="  bare-id@example.org ",
            In_Reply_To="<first@x> (John's message of Tuesday) <second@x>",
            References="<a@x>  junk <b@x>",
        ),
        mailbox="a@b",
        folder=Folder.INBOX,
    )
    assert msg.message_id == "<bare-id@example.org>"
    assert msg.in_reply_to == "<first@x>"
    assert msg.references == ("<a@x>", "<b@x>")


def test_kept_headers_first_occurrence_only() -> None:
    data = minimal().replace(
        b"\r\n\r\n", b"\r\nPrecedence: bulk\r\nPrecedence: list\r\nX-Other: 1\r\n\r\n", 1
    )
    msg = parse_email(data, mailbox="a@b", folder=Folder.INBOX)
    assert msg.headers == (("precedence", "bulk"),)


def test_raw_8bit_headers_are_read_as_utf8_or_cp1252() -> None:
    utf8 = minimal(Subject="Siân")  # raw UTF-8 bytes in the header
    assert parse_email(utf8, mailbox="a@b", folder=Folder.INBOX).subject == "Siân"
    cp1252 = minimal(Subject="x").replace(b"Subject: x", b"Subject: Caf\xe9 \x96 menu")
    assert parse_email(cp1252, mailbox="a@b", folder=Folder.INBOX).subject == "Café – menu"


def test_lf_and_crlf_give_the_same_message() -> None:
    crlf = minimal(Subject="Line endings")
    lf = crlf.replace(b"\r\n", b"\n")
    assert parse_email(crlf, mailbox="a@b", folder=Folder.INBOX) == parse_email(
        lf, mailbox="a@b", folder=Folder.INBOX
    )


def test_plain_text_charsets_decoded_leniently() -> None:
    data = (
        b"From: a@b\nTo: c@d\nDate: Tue, 3 Nov 2026 10:00:00 +0000\nMessage-ID: <x@y>\n"
        b'Content-Type: text/plain; charset="no-such-charset"\n\nCaf\xc3\xa9\n'
    )
    msg = parse_email(data, mailbox="a@b", folder=Folder.INBOX, with_text=True)
    assert msg.text == "Café\n"


def test_attachment_text_is_not_the_body() -> None:
    data = (
        b"From: a@b\nTo: c@d\nDate: Tue, 3 Nov 2026 10:00:00 +0000\nMessage-ID: <x@y>\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain\nContent-Disposition: attachment\n\nnot me\n"
        b"--b\nContent-Type: text/html\n\n<p>me</p>\n--b--\n"
    )
    msg = parse_email(data, mailbox="a@b", folder=Folder.INBOX, with_text=True)
    assert msg.text == "me"


def test_html_to_text() -> None:
    html = (
        "<style>p{}</style><script>x()</script><h1>Title</h1><p>One &amp; two</p>"
        "a<br>b<br><br>c<table><tr><td>1</td><td>2</td></tr></table>&lt;end&gt;"
    )
    assert html_to_text(html) == "Title\n\nOne & two\n\na\nb\n\nc\n\n1\n2\n\n<end>"


# -- the fast header scanner must agree with the stdlib parser --------------------


def _wanted_items(msg: StdMessage) -> list[tuple[str, str]]:
    """The reference: the stdlib parser's headers, 8-bit values read as parse.py does."""
    out = []
    for name, value in msg.raw_items():
        if name.lower() in _WANTED:
            raw = str(value).encode("ascii", "surrogateescape")
            out.append((name.lower(), _text(raw)))
    return out


def stdlib_headers(data: bytes) -> list[tuple[str, str]]:
    return _wanted_items(BytesHeaderParser(policy=compat32).parsebytes(data))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.eml")))
def test_header_scanner_matches_stdlib_on_fixtures(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    for variant in (data, data.replace(b"\n", b"\r\n")):
        assert _scan_headers(_header_block(variant)) == stdlib_headers(variant)
        assert _scan_header_lines(_header_block(variant)) == stdlib_headers(variant)


_names = st.sampled_from(
    [
        "From", "from", "TO", "Cc", "bcc", "Subject", "Date", "Message-ID", "message-id",
        "In-Reply-To", "References", "Auto-Submitted", "List-Id", "Return-Path",
        "Received", "X-Junk", "X-MS-Exchange-Organization-SCL", "Sub ject", "", "From ",
    ]
)  # fmt: skip
_values = st.one_of(
    st.text(max_size=20).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=12),
    st.sampled_from([b"", b" ", b"\t", b"x: y", b"=?utf-8?q?caf=C3=A9?=", b"<a@b>"]),
)
_line = st.one_of(
    st.tuples(_names, st.sampled_from([":", ": ", ":\t", " :"]), _values).map(
        lambda t: t[0].encode() + t[1].encode() + t[2]
    ),
    _values.map(lambda v: b" " + v),  # continuation
    _values.map(lambda v: b"\t" + v),
    _values.map(lambda v: b"From " + v),  # mbox envelope line
    _values,  # junk
)
_eol = st.sampled_from([b"\r\n", b"\n", b"\r"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_line, st.one_of(st.just(b"\r\n"), st.just(b"\n"), _eol)), max_size=15),
    st.sampled_from([b"", b"\r\n", b"\n", b"\r\nbody\r\nTo: later@x\r\n", b"\nbody"]),
)
def test_header_scanner_matches_stdlib(lines: list[tuple[bytes, bytes]], tail: bytes) -> None:
    data = b"".join(line.replace(b"\r", b"").replace(b"\n", b"") + eol for line, eol in lines)
    data += tail
    expected = stdlib_headers(data)
    assert _scan_headers(_header_block(data)) == expected
    assert _scan_header_lines(_header_block(data)) == expected
    # the with_text path reads its headers from the full parse: the same again
    assert _wanted_items(BytesParser(policy=compat32).parsebytes(data)) == expected


# -- the fast address splitter must agree with the stdlib on what it accepts ------

_local = st.text("abcdefghijklmnopqrstuvwxyz0123456789._-+", min_size=1, max_size=12)
_domain = st.text("abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=12)
_name = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"\\<>'), max_size=15
)


@st.composite
def _mailbox(draw: st.DrawFn) -> str:
    addr = f"{draw(_local)}@{draw(_domain)}"
    shape = draw(st.sampled_from(["bare", "angle", "named", "quoted"]))
    name = draw(_name)
    return {
        "bare": addr,
        "angle": f"<{addr}>",
        # unquoted names with "," or "@" are invalid; the stdlib then guesses
        "named": f"{name.replace(',', ' ').replace('@', ' ')} <{addr}>",
        "quoted": f'"{name}" <{addr}>',
    }[shape]


@settings(max_examples=300, deadline=None)
@given(st.lists(_mailbox(), min_size=1, max_size=5))
def test_fast_address_split_matches_getaddresses(mailboxes: list[str]) -> None:
    value = ", ".join(mailboxes)
    fast = [c for a in _split_address_list(value) if (c := _clean_address(a))]
    slow = [c for _n, a in getaddresses([value]) if (c := _clean_address(a))]
    assert fast == slow


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.booleans())
def test_arbitrary_bytes_raise_only_malformed_input(data: bytes, with_text: bool) -> None:
    try:
        msg = parse_email(data, mailbox="a@b", folder=Folder.INBOX, with_text=with_text)
    except MalformedInput:
        return
    assert msg.message_id.startswith("<")
    assert msg.date.tzinfo is not None


_header_line = st.sampled_from(
    [
        "From: ", "To: ", "Cc: ", "Bcc: ", "Date: ", "Message-ID: ", "Subject: ",
        "References: ", "In-Reply-To: ", "Content-Type: ", " ", "\t", "X-Junk: ",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_header_line, st.text(max_size=40)), max_size=12), st.booleans())
def test_header_shaped_noise_raises_only_malformed_input(
    lines: list[tuple[str, str]], with_text: bool
) -> None:
    data = "\r\n".join(k + v for k, v in lines).encode("utf-8", "surrogatepass")
    data = b"Message-ID: <x@y>\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n" + data
    with contextlib.suppress(MalformedInput):
        parse_email(data + b"\r\n\r\nbody", mailbox="a@b", folder=Folder.INBOX, with_text=with_text)


# -- the fast MIME walk must find the same parts as the stdlib parser --------------


def _leaf(part: StdMessage) -> tuple[str, object, str | None]:
    # a multipart that could not be split is a leaf nobody reads: skip its payload
    payload = None if part.get_content_maintype() == "multipart" else part.get_payload()
    return part.get_content_type(), payload, part.get_content_disposition()


def stdlib_leaves(data: bytes) -> list[tuple[str, object, str | None]]:
    msg = BytesParser(policy=compat32).parsebytes(data)
    return [_leaf(p) for p in msg.walk() if not p.is_multipart()]


def fast_leaves(data: bytes) -> list[tuple[str, object, str | None]] | None:
    try:
        return [_leaf(p) for p in _fast_leaves(data)]
    except _Unsupported:
        return None


_boundaries = st.sampled_from(["b", "bb", "b-1", "=_x", "b b"])
_body_lines = st.lists(
    st.one_of(
        st.sampled_from(["", " ", "text", "--b", "--b--", "--bb", "--b ", "--b-1--", "x: y", "é"]),
        st.text("ab -=:\t", max_size=8),
    ),
    max_size=4,
)


@st.composite
def _mime(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """A message or body part as lines, with the irregularities feedparser tolerates."""
    lines: list[str] = []
    kind = draw(
        st.sampled_from(["leaf", "leaf", "multipart", "message"] if depth < 3 else ["leaf"])
    )
    if kind == "leaf":
        ctype = draw(st.sampled_from(["text/plain", "text/html", "image/png", None]))
        if ctype:
            lines.append(f"Content-Type: {ctype}; charset=utf-8")
        if draw(st.booleans()):
            lines.append("Content-Disposition: " + draw(st.sampled_from(["attachment", "inline"])))
        if draw(st.booleans()):
            lines.append("Content-Transfer-Encoding: quoted-printable")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "not a header", " continuation"])))
        else:
            lines.append("")
        return lines + draw(_body_lines)
    if kind == "message":
        return ["Content-Type: message/rfc822", ""] + draw(_mime(depth + 1))
    boundary = draw(_boundaries)
    quoted = draw(st.booleans())
    lines.append(f'Content-Type: multipart/mixed; boundary="{boundary}"' if quoted or " " in boundary
                 else f"Content-Type: multipart/mixed;\t boundary={boundary}")  # fmt: skip
    lines.append("")
    lines += draw(_body_lines)  # preamble
    for _ in range(draw(st.integers(0, 3))):
        lines.append(f"--{boundary}" + draw(st.sampled_from(["", " ", "\t ", "--"])))
        lines += draw(_mime(depth + 1))
    if draw(st.booleans()):
        lines.append(f"--{boundary}--")
        lines += draw(_body_lines)  # epilogue
    return lines


@settings(max_examples=300, deadline=None)
@given(_mime(), st.sampled_from(["\r\n", "\n"]), st.booleans())
def test_fast_mime_walk_matches_stdlib(lines: list[str], eol: str, final_eol: bool) -> None:
    head = ["From: a@b", "Message-ID: <x@y>", "MIME-Version: 1.0"]
    data = (eol.join(head + lines) + (eol if final_eol else "")).encode()
    fast = fast_leaves(data)
    if fast is not None:
        assert fast == stdlib_leaves(data)
    reference = _pick_text(BytesParser(policy=compat32).parsebytes(data).walk())
    assert body_text(data) == reference


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.eml")))
def test_fast_mime_walk_matches_stdlib_on_fixtures(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    for variant in (data, data.replace(b"\n", b"\r\n")):
        fast = fast_leaves(variant)
        if name == "bounce.eml":
            assert fast is None  # message/delivery-status: left to the stdlib
        else:
            assert fast == stdlib_leaves(variant)
        reference = _pick_text(BytesParser(policy=compat32).parsebytes(variant).walk())
        assert body_text(variant) == reference


def test_body_text_of_forwarded_and_nested_messages() -> None:
    data = (
        b"From: a@b\nMessage-ID: <x@y>\nContent-Type: multipart/mixed; boundary=out\n\n"
        b"preamble\n--out\nContent-Type: multipart/alternative; boundary=alt\n\n"
        b"--alt\nContent-Type: text/plain\n\n\n--alt\nContent-Type: text/html\n\n"
        b"<p>Only the HTML says it</p>\n--alt--\n"
        b"--out\nContent-Type: message/rfc822\n\nFrom: c@d\nContent-Type: text/plain\n\n"
        b"forwarded text\n--out--\n"
    )
    assert body_text(data) == "Only the HTML says it"  # the empty plain part loses
    assert fast_leaves(data) == stdlib_leaves(data)


def test_body_text_falls_back_to_the_stdlib_for_bare_cr() -> None:
    data = b"From: a@b\rMessage-ID: <x@y>\rContent-Type: text/plain\r\rold Mac text\r"
    assert fast_leaves(data) is None
    assert body_text(data) == "old Mac text\n"
