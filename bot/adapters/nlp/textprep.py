"""Text preparation for the member-request classifier, shared by training and prediction.

``prepare(subject, body)`` turns an email into the text the model sees: HTML flattened,
signatures, disclaimers and quoted earlier replies removed, a forwarded constituent
message kept (it *is* the casework), and so is a reply written below a quote;
whitespace normalised, length capped.
``model_text`` adds the lower-casing and digit folding the bag-of-words model relies on.
Training and prediction must both go through ``model_text`` or scores drift.

Stdlib only: this runs once per email at thousands of emails a second.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

MAX_CHARS = 2000
# Never scan more than this of a body: long threads are history after the first screen.
_MAX_INPUT = 30_000

# --- HTML -------------------------------------------------------------------------

_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|table|span|font|blockquote)\b[^>]*>", re.I)
_BLOCK_TAGS = frozenset(
    ("p", "br", "div", "tr", "li", "ul", "ol", "table", "hr", "pre", "section", "article")
    + ("h1", "h2", "h3", "h4", "h5", "h6", "address")
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "blockquote"))


class _TextExtractor(HTMLParser):
    """Block tags become line breaks; <blockquote> is quoted history, so it is skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def looks_like_html(body: str) -> bool:
    return _HTML_HINT.search(body[:5000]) is not None


def html_to_text(body: str) -> str:
    parser = _TextExtractor()
    try:
        parser.feed(body)
        parser.close()
    except Exception:  # malformed markup: fall back to crude tag stripping
        return html.unescape(re.sub(r"<[^>]+>", " ", body))
    # Inside HTML, source line breaks are just spaces; block tags made the real ones.
    return "\n".join(
        re.sub(r"\s+", " ", line) for line in "".join(parser.parts).replace("\xa0", " ").split("\n")
    )


# --- quoted history and forwards ---------------------------------------------------

_FWD_SUBJECT = re.compile(r"^\s*(?:(?:re|aw|sv)\s*:\s*)*(?:fwd?|fw|forward(?:ed)?)\s*:", re.I)
_FWD_MARKER = re.compile(
    r"^-{2,}\s*forwarded message\s*-*$|^begin forwarded message:?$|^-{2,}\s*forwarded by\b", re.I
)
_ORIGINAL_MARKER = re.compile(r"^-{2,}\s*original message\s*-{2,}$", re.I)
_UNDERSCORES = re.compile(r"^_{8,}$")
_HEADER_LINE = re.compile(r"^\*?(from|sent|date|to|cc|subject|importance)\s*:\*?\s*(.*)$", re.I)
# "On Mon, 3 Nov 2026 at 10:02, Jane <j@x.org> wrote:" (Gmail/Apple), also the Welsh form.
_ON_WROTE = re.compile(r"^(?:on|ar)\s.{0,300}(?:wrote|ysgrifennodd)\s*:\s*$", re.I)
_ON_START = re.compile(r"^(?:on|ar)\s+\S.*(?:\d{4}|\d:\d\d|[ap]m)", re.I)
_WROTE_END = re.compile(r"(?:wrote|ysgrifennodd)\s*:\s*$", re.I)
_EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
_COUNCIL_DOMAIN = re.compile(
    r"(?:\.gov\.uk|\.llyw\.cymru|\.gov\.wales|council|cyngor"
    # parish, town and community councils: "-pc.org.uk", "caerwentc.org.uk", "-cc.co.uk"
    r"|(?:pc|tc|cc)\.(?:org|co|gov)\.uk$)",
    re.I,
)
_COUNCIL_NAME = re.compile(
    r"\b(?:council|cyngor|services?|team|department|dept|officer|directorate|cllr|councillor)\b",
    re.I,
)
# Free mail: two people at gmail.com are not colleagues.
_FREE_MAIL = frozenset(
    ("gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com")
    + ("live.co.uk", "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "aol.com", "sky.com")
    + ("btinternet.com", "virginmedia.com", "talktalk.net", "ntlworld.com", "proton.me")
)


def officer_domains(addresses: Iterable[str]) -> frozenset[str]:
    """The mail domains of the council's officers (free mail left out), for councils
    whose domain the patterns below do not recognise ("@newrymournedown.org")."""
    domains = {a.rpartition("@")[2].strip().lower() for a in addresses if "@" in a}
    return frozenset(d for d in domains if d and d not in _FREE_MAIL)


def _is_council_sender(fields: dict[str, str], council_domains: frozenset[str]) -> bool:
    """A quoted sender is the council's when its address is (a council domain, one of
    ``council_domains``, or the same organisation as the member it was sent to), or,
    with no address, when its display name sounds like a council team. Constituents
    write from anywhere else."""
    sender = _EMAIL.search(fields.get("from", ""))
    if sender is None:
        return _COUNCIL_NAME.search(fields.get("from", "")) is not None
    domain = sender.group(1).lower()
    if domain in council_domains or _COUNCIL_DOMAIN.search(domain):
        return True
    recipient = _EMAIL.search(fields.get("to", ""))
    return (
        recipient is not None and recipient.group(1).lower() == domain and domain not in _FREE_MAIL
    )


def _header_block(lines: list[str], start: int) -> tuple[int, dict[str, str]] | None:
    """An Outlook/Gmail header block (From: + Sent:/Date: + To:/Subject:) starting at
    ``start`` (blank lines allowed before it): the index after it and its fields."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    fields: dict[str, str] = {}
    j = i
    while j < len(lines) and j - i < 10:
        match = _HEADER_LINE.match(lines[j].strip())
        if not match:
            break
        fields[match.group(1).lower()] = match.group(2)
        j += 1
    if "from" in fields and ({"sent", "date"} & fields.keys()) and len(fields) >= 3:
        return j, fields
    return None


def _bottom_posted(lines: list[str], start: int) -> bool:
    """Whether the ">"-quoted block from ``start`` is followed by unquoted text: a reply
    written below the quote (bottom-posting), which is the member's new message."""
    quoted = False
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith(">"):
            quoted = True
        elif stripped:
            return quoted
    return False


def _split_history(lines: list[str], subject: str, council_domains: frozenset[str]) -> list[str]:
    """Keep the member's own text and forwarded constituent messages; drop the rest.

    Earlier replies are history: everything from the first quoted reply on is dropped
    (mail quotes newest first, so what follows is older still). The exceptions: a
    message from outside the council (forwarded, or quoted from an outside address) is
    kept without its headers, and so is a reply written below a ">"-quoted block.
    """
    is_forward = _FWD_SUBJECT.match(subject) is not None
    kept: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        stripped = lines[i].strip()
        if stripped.startswith(">"):
            i += 1
            continue
        two_line = (
            _ON_START.match(stripped) is not None
            and i + 1 < n
            and _WROTE_END.search(lines[i + 1]) is not None
            and len(stripped) < 200
        )
        if _ON_WROTE.match(stripped) or two_line:
            after = i + (2 if two_line else 1)
            if _bottom_posted(lines, after):
                i = after  # the quote is skipped line by line; the reply below it is kept
                continue
            break
        marker_forward = _FWD_MARKER.match(stripped) is not None
        marker = (
            marker_forward
            or _ORIGINAL_MARKER.match(stripped) is not None
            or _UNDERSCORES.match(stripped) is not None
        )
        block = _header_block(lines, i + 1 if marker else i)
        if marker or block:
            if block is None:  # a bare separator with no header block after it
                if marker_forward:
                    kept.append("")
                    i += 1
                    continue
                break
            end, fields = block
            # Passed on, though the subject may not say so: a message from an outside
            # address, quoted by a member writing to an officer, is the casework.
            forwarded = marker_forward or is_forward or _EMAIL.search(fields["from"]) is not None
            if forwarded and not _is_council_sender(fields, council_domains):
                kept.append("")  # paragraph break: the forwarded text is its own segment
                kept.append("\x00")  # segment boundary for signature stripping
                i = end
                continue
            break
        kept.append(lines[i])
        i += 1
    return kept


# --- signatures, disclaimers, clutter ----------------------------------------------

_SIGN_OFF = re.compile(
    r"^(?i:(?:kind|best|warm|warmest|many|with best|with kind)\s+(?:regards|wishes)"
    r"|regards|kindest regards|yours (?:sincerely|faithfully|truly)|sincerely"
    r"|(?:thanks|thank you)(?: again| in advance| very much| so much| a lot| a million)?"
    r"|many thanks|(?:much )?appreciated|cheers|best|all the best|yours|ta|thx|take care"
    r"|speak soon|diolch(?: yn fawr)?|cofion(?: cynnes| gorau)?|yn gywir)"
    r"\s*[,.!]?\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?\s*$"
)
_SIG_DASHES = re.compile(r"^--\s*$")
_CLLR_LINE = re.compile(
    r"^(?i:cllr|councillor|cynghorydd|coun)\.?(?:\s*/\s*(?i:cllr|councillor))?\s+[A-Z][\w.'-]*"
)
_NAME_LINE = re.compile(r"^(?:[A-Z][a-z'-]*\.?|[A-Z]\.)(?: (?:[A-Z][\w'-]*\.?|\||[A-Z]\.)){0,3}$")
_PHONE_LINE = re.compile(
    r"^(?:(?:tel|telephone|phone|mob|mobile|m|t|ffôn|ffon)\b\.?\s*[:.]?\s*)?[+(]?\d[\d\s()+-]{8,}\d\s*$",
    re.I,
)
_PHONE_LABELLED = re.compile(r"^(?:tel|telephone|phone|mob|mobile|ffôn|ffon)\s*[:.]", re.I)
# Government protective markings: set by the mail system, not written by the member.
_MARKING = re.compile(
    r"^(?:(?:security )?classification\s*:\s*)?(?:official(?:[- ]sensitive)?|unclassified"
    r"|not protectively marked|protect)\s*$",
    re.I,
)
_INLINE_IMAGE = re.compile(r"\[cid:[^\]]*\]|\[image:[^\]]*\]", re.I)
_SENT_FROM = re.compile(r"^(?:sent from|sent via|get outlook for|anfonwyd o)\b.{0,40}$", re.I)
_DISCLAIMER = re.compile(
    r"^(?:disclaimer|confidentiality (?:notice|statement|warning|caveat)|legal notice)\s*[:.-]"
    r"|^this (?:e-?mail|message|communication)(?: and any (?:attachments?|files?)[^.]{0,60})?"
    r" (?:is|are|may (?:be|contain)|contains?) (?:strictly )?"
    r"(?:confidential|private|privileged|intended)"
    r"|intended (?:solely |only )?for the (?:use of the )?(?:addressee|named recipient|individual)"
    r"|if you (?:are not|have received this)[^.]{0,60}(?:intended recipient|in error)"
    r"|^(?:any )?views (?:or|and) opinions (?:expressed|presented)"
    r"|^please consider the environment"
    r"|^(?:promoted|published|printed)(?: and (?:promoted|published|printed))? (?:by|on behalf of)\b"
    r"|^(?:this|the) (?:council|authority) (?:may )?(?:monitors?|records?)\b"
    r"|may be (?:monitored|recorded|disclosed under the freedom of information|subject to disclosure)"
    r"|we welcome correspondence in welsh|croesewir gohebiaeth",
    re.I,
)
# Footers are at the end: only cut when little is left after the match.
_FOOTER_TAIL_LINES = 15
_SIGNATURE_TAIL_LINES = 10


def _is_short(line: str) -> bool:
    return len(line) <= 80


def _strip_segment(lines: list[str]) -> list[str]:
    """Remove sign-off + name block, "-- " signatures, Cllr blocks, phone lines and
    disclaimer footers from one segment (the member's text or one forwarded message)."""
    # Disclaimer footers first, so the signature above one is seen as the tail.
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    for k in nonblank[-_FOOTER_TAIL_LINES - 1 :]:
        if _DISCLAIMER.search(lines[k]):
            lines = lines[:k]
            break
    out: list[str] = []
    content_seen = False
    # after[k]: non-blank lines after line k, and whether all of them are short.
    after: list[tuple[int, bool]] = [(0, True)] * len(lines)
    count, all_short = 0, True
    for k in range(len(lines) - 1, -1, -1):
        after[k] = (count, all_short)
        if lines[k].strip():
            count += 1
            all_short = all_short and _is_short(lines[k].strip())
    for k, raw in enumerate(lines):
        line = raw.strip().strip("*_").strip()
        if not line:
            out.append("")
            continue
        n_after, short_after = after[k]
        signature_tail = n_after <= _SIGNATURE_TAIL_LINES and short_after
        if _SIG_DASHES.match(line):
            break
        # A sign-off ends the text only when what follows looks like a signature block;
        # a bare "Thanks!" that is the whole message is the message (kind "other").
        if content_seen and signature_tail and _SIGN_OFF.match(line):
            break
        if content_seen and signature_tail and _CLLR_LINE.match(line) and len(line.split()) <= 8:
            break
        if (
            _PHONE_LINE.match(line)
            or _PHONE_LABELLED.match(line)
            or _SENT_FROM.match(line)
            or _MARKING.match(line)
        ):
            continue
        out.append(line)
        content_seen = True
    # A bare name (or initial) closing the text is a signature without a sign-off.
    while len([line for line in out if line]) > 1 and (not out[-1] or _NAME_LINE.match(out[-1])):
        out.pop()
    return out


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")


def prepare(
    subject: str,
    body: str,
    *,
    max_chars: int = MAX_CHARS,
    council_domains: frozenset[str] = frozenset(),
) -> str:
    """The email as the classifier reads it: subject first, then the cleaned body.
    ``council_domains`` adds the council's own mail domains to those recognised by
    pattern, so a quoted reply from them is dropped as history."""
    subject = _SPACES.sub(
        " ", _CONTROL.sub(" ", subject or "").replace("\r", " ").replace("\n", " ")
    )
    subject = subject.strip()
    # Control characters carry no words, and NUL is the segment marker below.
    body = _CONTROL.sub("", (body or "")[:_MAX_INPUT])
    if looks_like_html(body):
        body = html_to_text(body)
    elif "&" in body:  # entities left in a plain-text body by a careless converter
        body = html.unescape(body).replace("\xa0", " ")
    if "[" in body:
        body = _INLINE_IMAGE.sub(" ", body)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    lines = _split_history(_SPACES.sub(" ", body).split("\n"), subject, council_domains)
    segments: list[list[str]] = [[]]
    for line in lines:
        if line == "\x00":
            segments.append([])
        else:
            segments[-1].append(line)
    kept: list[str] = []
    for segment in segments:
        kept.extend(_strip_segment(segment))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in kept:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    text = "\n".join([subject, *paragraphs]) if subject else "\n".join(paragraphs)
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[: cut if cut > max_chars // 2 else max_chars]
    return text


_ADDRESS = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


# Cue words grouped by what they signal (docs/taxonomy.md). Each group becomes one extra
# token, so a synonym seen once in training ("reporter") shares weight with the common one
# ("journalist"): this is what carries the model to another writer's phrasing.
# Every cue starts at a word boundary; saying so up front lets the regex engine skip
# mid-word positions (1.5x faster).
_CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"\b(?:{pattern})")
    for name, pattern in {
        "party": r"\bleaflets?\b|canvass|campaign|manifesto|candidate|election|purdah|hustings"
        r"|\b(?:labour|tory|conservative|lib ?dem|liberal democrat|green|reform|snp|plaid"
        r"|independent|our|my|the other) (?:group|party)\b|group (?:meeting|members|leader|only)"
        r"|party (?:group|meeting|business|website|newsletter|members|political)|political group"
        r"|\bvoters?\b|door-?knock|\bfocus\b|target (?:seat|ward)|opposition",
        "private": r"\bmy (?:own |late )?(?:house|home|property|garden|business|company|firm|shop"
        r"|pub|son|daughter|wife|husband|partner|mum|mother|dad|father|family|brother|sister"
        r"|neighbour|job|employer|landlord|car|drive|driveway|extension|insurance|land|field"
        r"|farm|tenants?|club|charity|mortgage|grandson|granddaughter)\b|as (?:the )?(?:chair"
        r"|treasurer|secretary|trustee|director|governor|editor|owner|member) of|declare an? "
        r"(?:personal )?interest|in a (?:private|personal) capacity|not as a councillor"
        r"|personal (?:matter|favour)|\bmy (?:own )?(?:planning )?application\b",
        "pressure": r"by (?:0+ ?(?:am|pm)|close of play|end of (?:the )?day|tomorrow|tonight"
        r"|first thing|monday|tuesday|wednesday|thursday|friday|noon|lunchtime)|\basap\b"
        r"|immediately|straight away|no excuses|or (?:else|i will|i'll)|i(?:'ll| will| shall)"
        r" (?:raise|take|escalate|go to|speak to|tell|report|make sure|be (?:raising|speaking))"
        r"|chief exec|\bthe leader\b|your (?:director|manager|boss|head of)|jump the queue"
        r"|(?:front|top|head) of the (?:queue|list)|ahead of|priorit|find a way|i insist"
        r"|i demand|i expect|i've (?:told|promised)|i have (?:told|promised)|on my desk"
        r"|not (?:acceptable|good enough)|change (?:your|the|that) (?:view|recommendation"
        r"|advice|report|assessment)|whatever it takes|don't care how|i won't leave",
        "confidential": r"confidential|exempt|part (?:0|ii|two)\b|restricted|legal advice"
        r"|unredacted|redact|personal (?:data|details)|names? and address|who (?:complained"
        r"|reported|made the complaint)|identity|medical|health (?:condition|record)"
        r"|safeguarding|criminal record|commercial(?:ly)? (?:sensitive|figures|information)"
        r"|(?:other )?bidders?|tender (?:prices|figures|scores)|cctv|data protection|gdpr"
        r"|need to know|not for publication|closed session|in camera|private (?:session"
        r"|report|appendix)|background check|date of birth",
        "staff": r"\brude\b|rudeness|unprofessional|incompeten|disciplin|capability|off sick"
        r"|sick leave|sickness|stress|personal (?:life|problems|circumstances)|appraisal"
        r"|dismiss|\bsack|grievance|conduct|behaviour|attitude|performance|\bsalary\b|pay grade"
        r"|maternity|bereave|(?:his|her|their) (?:manager|line manager|job|health|marriage)"
        r"|should be (?:moved|replaced|removed|sacked)|not up to (?:the job|it)|useless",
        # kinds
        "instruct": r"i want (?:you|this|it|them)|i(?:'ve| have) decided|make sure (?:that|you|the|it)"
        r"|you (?:must|will need to|are to|should)|please (?:change|amend|cancel|withdraw|remove"
        r"|stop|start|instruct|refuse|approve|reinstate|drop|pull|put|add|serve|issue|waive"
        r"|reverse|overturn|move|tell|get|draft|write|book|order|send the|arrange for)"
        r"|go ahead and|(?:change|amend|alter) the (?:recommendation|report|minutes|decision)"
        r"|i'm instructing|i am instructing|i need you to|get (?:the|a) (?:crew|team|contractor)",
        "complain": r"complain|unacceptable|disappoint|appall|not good enough|let down|shambles"
        r"|disgrace|poorly handled|badly handled|no one (?:has )?(?:replied|responded|got back)"
        r"|still (?:no|not|waiting)|yet again|fed up|frustrat|ignored|not (?:the first|once)",
        "meet": r"\bmeet(?:ing)?\b|briefing|site visit|walkabout|agenda item|on the agenda"
        r"|call-?in|notice of motion|come (?:along|to)|your diary|available (?:on|to)|catch up"
        r"|sit down|\bteams call|\bzoom\b|convene|extraordinary meeting",
        "media": r"\bpress\b|journalist|reporter|newspaper|\bpaper\b|statement|facebook|twitter"
        r"|\bx\.com|social media|\bpost(?:ed|s)?\b|article|coverage|headline|radio|\bbbc\b|\bitv\b"
        r"|\bcomms\b|communications team|release|publicity|photo|interview|newsletter|website",
        "docs": r"(?:send|forward|copy|copies|see|let me have|let me see|share) (?:me )?(?:of )?"
        r"(?:a |the |all )?(?:copy|copies|report|minutes|papers|appendix|appendices|agenda"
        r"|contract|lease|map|plans?|document|spreadsheet|file|audit|assessment|business case"
        r"|register|schedule|correspondence|notes)|background papers|agenda pack|\bfoi\b",
        "thanks": r"\bthank|\bthanks\b|well done|congratulat|much appreciated|great job|noted"
        r"|for (?:your )?information|\bfyi\b|no (?:need to|action)|out of (?:the )?office"
        r"|annual leave|apologies for|happy (?:christmas|new year|retirement|birthday)"
        r"|best wishes for|get well|condolence",
        "question": r"\bhow (?:many|much|often|long|does|do|is|are)\b|\bwhat (?:is|are|was|were"
        r"|will|does)\b|\bwhy\b|\bwhen (?:will|is|are|does)\b|can you (?:tell|explain|confirm"
        r"|clarify|let me know)|figures|statistics|\bpolicy\b|\bdata\b|breakdown|\bupdate on\b",
        "case": r"constituent|resident|\bher (?:house|home|flat|property|garden|son|daughter)"
        r"|\bhis (?:house|home|flat|property|garden)|(?:lives|living) (?:at|in|on)|\bat 0+\b"
        r"|\bnumber 0+|tenant|\bfamily\b|elderly|disabled|missed (?:bin|collection)|pothole"
        r"|fly-?tip|\brepair|\bleak|\bdamp|\bmould|broken|blocked|overgrown",
    }.items()
}


def cue_tokens(text: str) -> str:
    """One ``cue_<group>`` token per cue group found in (lower-cased) text."""
    return " ".join(f"cue_{name}" for name, pattern in _CUES.items() if pattern.search(text))


def model_text(subject: str, body: str, council_domains: frozenset[str] = frozenset()) -> str:
    """``prepare`` plus the normalisation the bag-of-words features need: lower case
    (the n-grams hash the exact token), addresses and links as placeholders, digits
    folded to 0 so house numbers and dates do not each become a feature."""
    # One line: a newline token defeats spaCy's tokenizer cache (about 10x slower).
    text = prepare(subject, body, council_domains=council_domains).lower().replace("\n", " ")
    if "@" in text:
        text = _ADDRESS.sub("emailaddress", text)
    if "http" in text or "www." in text:
        text = _URL.sub("weblink", text)
    text = text.translate(_DIGITS_TO_ZERO)
    cues = cue_tokens(text)
    # A token even for an empty email: spaCy's n-gram extractor fails on empty docs.
    return f"{text} {cues}" if cues else (text or "emptyemail")
