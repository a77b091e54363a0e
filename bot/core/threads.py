"""Reply matching: does an officer's email answer a member's request?

Three ways, strongest first: the References/In-Reply-To chain; the source's
conversation id (Exchange, Graph); else the normalised subject plus the member
being among the recipients.
"""

from __future__ import annotations

import re

# Reply/forward prefixes in the languages UK council mail shows (English, Welsh,
# and what Outlook writes on machines set to other languages), plus list tags.
_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|rv|ynt|ateb|ym)\s*(?:\[\d+\])?\s*:|\[[^\]]{0,40}\])\s*",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def normalise_subject(subject: str) -> str:
    """'RE: Fwd: [EXTERNAL] Potholes  on Mill Lane' -> 'potholes on mill lane'."""
    s = subject or ""
    while True:
        stripped = _PREFIX.sub("", s, count=1)
        if stripped == s:
            break
        s = stripped
    return _SPACE.sub(" ", s).strip().casefold()
