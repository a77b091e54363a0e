"""Email bytes -> :class:`bot.model.Message`, at the edge.

Replay reads tens of thousands of files, so neither path runs the stdlib parser
line by line over a whole message. Headers: a scanner picks the dozen headers we
use out of the header block and gives what ``email.parser`` (compat32) would;
the body is never touched. Text (``with_text``, for the classifier): a MIME walk
finds the leaf parts and leaves each small part to the stdlib; it falls back to
the stdlib parser for what it does not model. Differential tests hold both to the
stdlib's results.

Every failure is a :class:`MalformedInput` naming the item and the field, so a
source can record it and move on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message as StdMessage
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from bot.errors import MalformedInput
from bot.model.message import KEPT_HEADERS, Folder, Message

__all__ = ["parse_email", "body_text", "html_to_text"]

_KEPT = frozenset(KEPT_HEADERS)
_ADDRESS_FIELDS = ("to", "cc", "bcc")
# Everything else (Received, X-MS-Exchange-*, DKIM...) is skipped unread.
_FIELDS = "message-id date from to cc bcc subject in-reply-to references"
_WANTED = _KEPT | frozenset(_FIELDS.split())
_WANTED_BYTES = frozenset(name.encode("ascii") for name in _WANTED)

# compat32 is the fastest policy and keeps raw values; we decode what we use.
_FULL_PARSER = BytesParser(policy=compat32)

# Header scanning (see _scan_headers)
_BLANK_LINE = re.compile(rb"\n\r?\n")
# email.feedparser's headerRE: what a header or continuation line starts with
_HEADER_START = re.compile(rb"From |[\041-\071\073-\176]*:|[\t ]")
# a line that is neither (it would end the block)
_BAD_LINE_START = re.compile(rb"\n(?!From |[\041-\071\073-\176]*:|[\t ])")
_WANTED_AT_LINE_START = re.compile(
    rb"\n(" + b"|".join(re.escape(n) for n in sorted(_WANTED_BYTES)) + rb"):"
)
_HEADER_VALUE = re.compile(rb"[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)")
_FOLD = re.compile(r"(?:\r\n|\r|\n)(?=[ \t])")

_ANGLE_TOKEN = re.compile(r"<([^<>]*)>")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_UNESCAPE = re.compile(r"\\(.)")
# Comments, groups, routes, escapes or an unbalanced quote: leave it to getaddresses.
_NEEDS_FULL_PARSER = re.compile(r'[()\\:;"]')
_SIMPLE_NAME_ADDR = re.compile(
    r'\s*(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<plain>[^"<>()\\:;,]*?))\s*<(?P<addr>[^<>]*)>\s*'
)
_SIMPLE_BARE_ADDR = re.compile(r'\s*([^\s<>"(),:;\\]+)\s*')
# Loose on purpose: accept what mail systems deliver (incl. dotless intranet
# domains such as "officer@council"), reject what cannot be an address.
_ADDRESS = re.compile(r"[^\s@<>()\[\],;:\"\\]+@[^\s@<>()\[\],;:\"\\]+")


def parse_email(
    data: bytes,
    *,
    mailbox: str,
    folder: Folder,
    source_ref: str = "",
    with_text: bool = False,
    default_tz: str = "Europe/London",
) -> Message:
    """Read one RFC 5322 message. Raises MalformedInput (and nothing else) when the
    bytes lack what the contract keys on: Message-ID, a readable Date, a From address.
    """
    if not data or not data.strip():
        raise MalformedInput("empty file", where=source_ref)
    try:
        items = _scan_headers(_header_block(data))
    except Exception as exc:  # the email package has no single error type
        raise MalformedInput(
            f"cannot read headers ({type(exc).__name__})", where=source_ref
        ) from exc

    first: dict[str, str] = {}
    addresses: dict[str, list[str]] = {"to": [], "cc": [], "bcc": []}
    kept: list[tuple[str, str]] = []
    for key, raw in items:
        value = _unfold(raw)
        if key in addresses:
            addresses[key].append(value)
        if key in first:
            continue
        first[key] = value
        if key in _KEPT:
            kept.append((key, value.strip()))

    message_id = _message_id(first.get("message-id", ""))
    if message_id is None:
        raise MalformedInput("Message-ID: missing", where=source_ref)
    date = _date(first.get("date"), default_tz, source_ref)
    sender_name, sender = _sender(first.get("from"), source_ref)

    try:
        to, cc, bcc = (_addresses(addresses[f]) for f in _ADDRESS_FIELDS)
    except Exception as exc:  # getaddresses can trip over hostile input
        raise MalformedInput(
            f"To/Cc/Bcc: cannot read ({type(exc).__name__})", where=source_ref
        ) from exc

    in_reply_to_ids = _id_tokens(first.get("in-reply-to", ""))
    return Message(
        mailbox=mailbox.strip().lower(),
        folder=folder,
        message_id=message_id,
        date=date,
        sender=sender,
        to=to,
        cc=cc,
        bcc=bcc,
        subject=" ".join(_decode_words(first.get("subject", "")).split()),
        in_reply_to=in_reply_to_ids[0] if in_reply_to_ids else None,
        references=tuple(_id_tokens(first.get("references", ""))),
        conversation_id=None,  # .eml carries none; API sources set it
        headers=tuple(kept),
        sender_name=sender_name,
        text=body_text(data) if with_text else None,
        source_ref=source_ref,
    )


# -- headers ------------------------------------------------------------------


def _header_block(data: bytes) -> bytes:
    """The bytes up to and including the first blank line (either line ending).
    A regex stops at the first match; bytes.find for LF-LF would scan the whole
    body of every CRLF file."""
    match = _BLANK_LINE.search(data)
    return data[: match.start() + 1] if match else data


def _text(raw: bytes) -> str:
    """Header bytes as text: ASCII as it should be, else UTF-8, else cp1252 (the
    usual culprit for raw 8-bit headers)."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _scan_headers(
    head: bytes,
    names: re.Pattern[bytes] = _WANTED_AT_LINE_START,
    wanted: frozenset[bytes] = _WANTED_BYTES,
    decode: Callable[[bytes], str] = _text,
) -> list[tuple[str, str]]:
    """The wanted headers of a header block, as ``(lower-case name, raw value)``.

    The same result as ``BytesHeaderParser(policy=compat32)`` keeping those names,
    at a fraction of the cost: Exchange adds 50-150 header lines, the stdlib
    parser spends ~2 µs on each, and only a dozen are wanted. A block of
    well-formed lines is searched with one regex; anything odd goes through the
    line-by-line reading.
    """
    if not _well_formed_head(head):
        return _scan_header_lines(head, wanted, decode)
    out = []
    # Names are matched in a lower-cased copy, where a literal "\n" prefix lets the
    # regex engine jump from line to line; offsets are one more than in ``head``.
    for name in names.finditer(b"\n" + head.lower()):
        value = _HEADER_VALUE.match(head, name.end() - 1)
        assert value is not None  # the pattern cannot fail
        out.append((name.group(1).decode("ascii"), decode(value.group(1))))
    return out


def _well_formed_head(head: bytes) -> bool:
    """Every line a header or a continuation, each ended by LF or CRLF."""
    return (
        head.endswith(b"\n")
        and head.count(b"\r") == head.count(b"\r\n")  # a bare CR ends a line too
        and not _BAD_LINE_START.search(b"\n" + head, 0, len(head))  # all but the final LF
    )


def _scan_header_lines(
    head: bytes,
    wanted: frozenset[bytes] = _WANTED_BYTES,
    decode: Callable[[bytes], str] = _text,
) -> list[tuple[str, str]]:
    """email.feedparser's rules: lines split on CRLF, CR or LF; the first line that
    is neither a header nor a continuation ends the block; "From " envelope lines,
    a leading continuation and lines starting with ":" are skipped; the value is
    all after the first ":" minus leading blanks, continuation lines appended as is.
    """
    out: list[tuple[str, str]] = []
    key = ""  # header being collected; "" while skipping
    parts: list[bytes] = []
    for line in head.splitlines(keepends=True):
        if not _HEADER_START.match(line):
            break
        if line[:1] in b" \t":
            if key:
                parts.append(line)
            continue
        if key:
            out.append((key, decode(b"".join(parts).rstrip(b"\r\n"))))
            key = ""
        if line.startswith(b"From "):
            continue
        colon = line.find(b":")
        name = line[:colon].lower()
        if colon > 0 and name in wanted:
            key = name.decode("ascii")
            parts = [line[colon + 1 :].lstrip(b" \t")]
    if key:
        out.append((key, decode(b"".join(parts).rstrip(b"\r\n"))))
    return out


def _unfold(value: str) -> str:
    return _FOLD.sub("", value) if "\n" in value or "\r" in value else value


def _decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; leave the value as is when they are broken."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # bad charset names, bad base64: keep the raw text
        return value


def _message_id(raw: str) -> str | None:
    match = _ANGLE_TOKEN.search(raw)
    inner = "".join((match.group(1) if match else raw).split())
    return f"<{inner}>" if inner else None


def _id_tokens(raw: str) -> list[str]:
    """All <...> ids in order; a bare id without brackets (broken clients) is wrapped."""
    tokens = ["".join(t.split()) for t in _ANGLE_TOKEN.findall(raw)]
    if not tokens and raw.strip():
        tokens = raw.split()
    return [f"<{t}>" for t in tokens if t]


@lru_cache(maxsize=16)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _date(raw: str | None, default_tz: str, where: str) -> datetime:
    if raw is None or not raw.strip():
        raise MalformedInput("Date: missing", where=where)
    try:
        date = parsedate_to_datetime(raw)
    except Exception as exc:  # TypeError/ValueError/OverflowError/IndexError by input
        raise MalformedInput(f'Date: cannot read "{_clip(raw)}"', where=where) from exc
    if date.tzinfo is None:  # "-0000" or no zone at all
        date = date.replace(tzinfo=_zone(default_tz))
    return date


def _clip(value: str, limit: int = 40) -> str:
    value = " ".join(value.split()).replace('"', "'")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _clean_address(addr: str) -> str | None:
    addr = addr.strip().lower()
    return addr if _ADDRESS.fullmatch(addr) else None


def _sender(raw: str | None, where: str) -> tuple[str, str]:
    if raw is None or not raw.strip():
        raise MalformedInput("From: missing", where=where)
    # the two common shapes first, without getaddresses' cost
    pairs: list[tuple[str, str]]
    if named := _SIMPLE_NAME_ADDR.fullmatch(raw):
        quoted, plain, addr = named.group("quoted", "plain", "addr")
        pairs = [(_UNESCAPE.sub(r"\1", quoted) if quoted is not None else plain, addr)]
    elif bare := _SIMPLE_BARE_ADDR.fullmatch(raw):
        pairs = [("", bare.group(1))]
    else:
        try:
            pairs = getaddresses([raw])
        except Exception as exc:
            raise MalformedInput("From: no address", where=where) from exc
    for name, addr in pairs:
        clean = _clean_address(addr)
        if clean:
            return " ".join(_decode_words(name).split()), clean
    raise MalformedInput("From: no address", where=where)


def _addresses(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for addr in _split_address_list(value):
            clean = _clean_address(addr)
            if clean and clean not in out:
                out.append(clean)
    return tuple(out)


def _split_address_list(value: str) -> list[str]:
    """The addr-specs of one address-list header.

    getaddresses is correct but costs ~20 µs per header, a third of the budget on
    the replay path. Display names are dropped anyway, so quoted strings (which may
    hold commas) are blanked and the rest split on commas; anything with comments,
    groups, routes or stray angle brackets goes to getaddresses.
    """
    blanked = _QUOTED.sub("", value) if '"' in value else value
    if _NEEDS_FULL_PARSER.search(blanked):
        return [addr for _name, addr in getaddresses([value])]
    out = []
    for piece in blanked.split(","):
        lt = piece.find("<")
        if lt < 0:
            out.append(piece)
            continue
        gt = piece.find(">", lt)
        if gt < 0 or piece.find("<", lt + 1) >= 0:
            return [addr for _name, addr in getaddresses([value])]
        out.append(piece[lt + 1 : gt])
    return out


# -- body ---------------------------------------------------------------------


def body_text(data: bytes) -> str:
    """The plain text of a whole message: text/plain preferred, else text/html as
    text; "" when there is neither or it cannot be read.

    An unreadable body does not make the message malformed: the rules still need
    its headers, and the classifier copes with empty text.
    """
    try:
        try:
            return _pick_text(_fast_leaves(data))
        except _Unsupported:
            return _pick_text(_FULL_PARSER.parsebytes(data).walk())
    except Exception:
        return ""


def _pick_text(parts: Iterable[StdMessage]) -> str:
    """The first text/plain leaf that is not an attachment, else the first text/html."""
    plain: str | None = None
    html: str | None = None
    for part in parts:
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = _decode_part(part)
            if plain.strip():
                return plain  # nothing later can win: stop reading
        elif ctype == "text/html" and html is None:
            html = _decode_part(part)
    if html is not None:
        return html_to_text(html)
    return plain or ""


# -- a fast MIME walk ---------------------------------------------------------
#
# email.feedparser reads a message line by line (~1 ms for a 35 KB Outlook mail);
# replay with the classifier needs text for tens of thousands. This walk finds
# the leaf parts with bytes.find and regexes and lets the stdlib do everything
# else on each small part (headers, parameters, transfer decoding), following
# feedparser's rules so that the text is the same (a differential test holds it
# to that). Anything it does not model raises _Unsupported and the stdlib parser
# reads the message instead.


class _Unsupported(Exception):
    """Only the stdlib parser reads this message the stdlib's way."""


_MAX_DEPTH = 20
_MIME_BYTES = frozenset({b"content-type", b"content-transfer-encoding", b"content-disposition"})
_MIME_AT_LINE_START = re.compile(rb"\n(" + b"|".join(sorted(_MIME_BYTES)) + rb"):")
_DELIMITER_TAIL = re.compile(rb"(--)?[ \t]*(?:\r\n|\n|\Z)")


def _surrogate_text(raw: bytes) -> str:
    return raw.decode("ascii", "surrogateescape")  # what the stdlib parser stores


def _fast_leaves(data: bytes) -> Iterator[StdMessage]:
    if data.count(b"\r") != data.count(b"\r\n"):
        raise _Unsupported  # bare CR line ends
    yield from _leaves(data, depth=0, in_multipart=False)


def _leaves(data: bytes, depth: int, in_multipart: bool) -> Iterator[StdMessage]:
    """The leaf parts of ``data`` (a message or body part), in walk() order."""
    if depth > _MAX_DEPTH:
        raise _Unsupported
    head, body = _split_head(data)
    part = StdMessage(policy=compat32)
    for name, value in _scan_headers(head, _MIME_AT_LINE_START, _MIME_BYTES, _surrogate_text):
        part.set_raw(name, value)
    ctype = part.get_content_type()
    if ctype in ("message/delivery-status", "multipart/digest"):
        raise _Unsupported  # header-block bodies and message/rfc822 defaults
    if part.get_content_maintype() == "message":
        yield from _leaves(body, depth + 1, in_multipart)
        return
    if part.get_content_maintype() == "multipart":
        boundary = part.get_boundary()
        if boundary is not None:
            try:
                separator = b"--" + boundary.encode("ascii", "surrogateescape")
            except UnicodeEncodeError:
                raise _Unsupported from None
            subparts = _split_multipart(body, separator)
            if subparts is not None:
                for subpart in subparts:
                    yield from _leaves(subpart, depth + 1, in_multipart=True)
                return
    if in_multipart:
        # RFC 2046: the line end before a delimiter belongs to the delimiter
        # (feedparser drops it from every part below a multipart)
        body = body[:-2] if body.endswith(b"\r\n") else body[:-1] if body.endswith(b"\n") else body
    part.set_payload(_surrogate_text(body))
    yield part


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    """Header block and body, by feedparser's rule: the first line that is neither
    a header nor a continuation ends the headers; a blank one is dropped, any
    other starts the body."""
    match = _BLANK_LINE.search(data)
    if match and _well_formed_head(data[: match.start() + 1]):
        return data[: match.start() + 1], data[match.end() :]
    pos = 0
    while pos < len(data):
        newline = data.find(b"\n", pos)
        end = len(data) if newline < 0 else newline + 1
        if not _HEADER_START.match(data, pos, end):
            if data.startswith((b"\n", b"\r\n"), pos):
                return data[:pos], data[end:]
            return data[:pos], data[pos:]
        pos = end
    return data, b""


def _split_multipart(body: bytes, separator: bytes) -> list[bytes] | None:
    """The parts between delimiter lines, or None when there is no opening one.

    Like feedparser: text before the first delimiter and after the closing one is
    dropped; delimiter lines in a row make no empty parts (even a closing one
    straight after an opening one is skipped); without a closing delimiter the
    last part runs to the end.
    """
    delimiters = _delimiter_lines(body, separator)
    first = next(delimiters, None)
    if first is None or first[2]:
        return None
    parts = []
    current = first
    while True:
        start = current[1]
        following = next(delimiters, None)
        while following is not None and following[0] == start:
            start = following[1]
            following = next(delimiters, None)
        if following is None:
            parts.append(body[start:])
            return parts
        parts.append(body[start : following[0]])
        if following[2]:
            return parts
        current = following


def _delimiter_lines(body: bytes, separator: bytes) -> Iterator[tuple[int, int, bool]]:
    """(start, end after its line end, is closing) of each delimiter line."""
    pos = 0
    while (found := body.find(separator, pos)) >= 0:
        if found == 0 or body[found - 1] == 0x0A:  # at a line start
            tail = _DELIMITER_TAIL.match(body, found + len(separator))
            if tail:
                yield found, tail.end(), tail.group(1) is not None
                pos = tail.end()
                continue
        pos = found + 1


def _decode_part(part: StdMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8"):
        try:
            text = payload.decode(candidate)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:
        text = payload.decode("cp1252", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Markers for line breaks, resolved once the text is joined: a run of whitespace
# holding block ends becomes one newline, a paragraph end a blank line, and each
# <br> a newline of its own (so <br><br> still makes a blank line).
_BLOCK_END, _PARA_END, _BREAK = "\x00", "\x01", "\x02"
_HTML_SPACE = re.compile(r"[\s\x00\x01\x02]+")
_BREAK_RUN = re.compile(r"[\s\x00\x01\x02]*[\x00\x01\x02][\s\x00\x01\x02]*")


class _HtmlText(HTMLParser):
    _SKIP = frozenset({"script", "style", "title", "template", "noscript"})
    _PARA = frozenset(
        {"blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre",
         "table", "ul"}
    )  # fmt: skip
    _BLOCK = frozenset(
        {"address", "article", "aside", "dd", "div", "dt", "fieldset", "figcaption",
         "figure", "footer", "form", "header", "li", "main", "nav", "section", "tbody",
         "td", "tfoot", "th", "thead", "tr"}
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def _boundary(self, tag: str) -> None:
        if tag in self._PARA:
            self.parts.append(_PARA_END)
        elif tag in self._BLOCK:
            self.parts.append(_BLOCK_END)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append(_BREAK)
        else:
            self._boundary(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append(_BREAK)
        elif tag not in self._SKIP:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        else:
            self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # HTML collapses source whitespace (incl. &nbsp;) to single spaces
            self.parts.append(_HTML_SPACE.sub(" ", data))


def _resolve_breaks(match: re.Match[str]) -> str:
    run = match.group(0)
    lines = 2 if _PARA_END in run else 1 if _BLOCK_END in run else 0
    return "\n" * max(lines, run.count(_BREAK))


def html_to_text(html: str) -> str:
    """A small, dependency-free HTML -> text conversion, good enough for classifying:
    scripts and styles dropped, blocks on their own lines, entities decoded."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = _BREAK_RUN.sub(_resolve_breaks, "".join(parser.parts))
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
