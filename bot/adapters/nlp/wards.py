"""Which wards a text is about: ward names and their aliases (villages, estates,
streets) from the wards register, and full postcodes from an optional postcode
register (``postcode,ward``).

A spaCy PhraseMatcher on a blank English pipeline matches the register's names on
a normalised form of the text, so matching tolerates case, "St"/"St."/"Saint",
possessives ("St Mary's", "St Marys", "Mill Lane's") and punctuation or hyphens
("Stoke-on-Avon", "Stoke on Avon"). Where names overlap the longest wins
("Northfield Park" over "Park"). Postcodes are matched in full and normalised
("ab12cd3" is "AB1 2CD"); a partial postcode names no ward.

The core never sees spaCy: the app calls :meth:`WardFinder.find` and passes the
ward names (as the wards register spells them) to the engine.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from bot.errors import MisconfiguredError
from bot.model import Registers

__all__ = ["WardFinder", "LazyWardFinder", "normalise_postcode", "load_postcodes"]

log = logging.getLogger(__name__)

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


def _normalise(text: str) -> str:
    """Lower-case words separated by single spaces: possessives dropped, "saint"
    and "st." as "st", punctuation and hyphens as spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = re.sub(r"(\w)'s\b", r"\1", text)  # St Mary's -> St Mary
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"[^\w]+", " ", text)
    return text.strip()


def _variants(name: str) -> set[str]:
    """The forms a place name is written in: "St Mary's" also as "St Marys"."""
    forms = {_normalise(name)}
    plain = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
    if "'s" in plain.casefold():
        forms.add(_normalise(re.sub(r"'s\b", "s", plain, flags=re.IGNORECASE)))
    return {f for f in forms if f}


def normalise_postcode(text: str) -> str | None:
    """A full UK postcode in its standard form ("sw1a1aa" -> "SW1A 1AA"), or None."""
    match = _POSTCODE.fullmatch(text.strip())
    if not match:
        return None
    return f"{match.group(1).upper()} {match.group(2).upper()}"


def load_postcodes(path: Path, wards: Iterable[str]) -> dict[str, str]:
    """Read ``postcode,ward`` rows; wards as the wards register spells them. Rows
    with an unreadable postcode or an unknown ward are skipped (and logged)."""
    canonical = {w.casefold(): w for w in wards}
    found: dict[str, str] = {}
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise MisconfiguredError(
            f"cannot read the postcode register ({exc})", source=str(path)
        ) from exc
    reader = csv.DictReader(text.splitlines())
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "postcode" not in fields or "ward" not in fields:
        raise MisconfiguredError(
            "the postcode register needs the columns postcode,ward", source=str(path)
        )
    skipped = 0
    for row in reader:
        values = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        postcode = normalise_postcode(values.get("postcode", ""))
        ward = canonical.get(values.get("ward", "").casefold())
        if postcode is None or ward is None:
            skipped += 1
            continue
        found[postcode] = ward
    if skipped:
        log.warning(
            "postcode register %s: %d row(s) skipped (bad postcode or unknown ward)", path, skipped
        )
    return found


class WardFinder:
    """Finds the wards a text names. Build once (``from_registers``); ``find`` is
    cheap enough to call per email or event."""

    def __init__(
        self, names: Mapping[str, Iterable[str]], postcodes: Mapping[str, str] | None = None
    ):
        import spacy
        from spacy.matcher import PhraseMatcher

        self._nlp = spacy.blank("en")
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        self._wards: list[str] = []
        for ward, aliases in names.items():
            forms: set[str] = set()
            for name in (ward, *aliases):
                forms |= _variants(name)
            if forms:
                self._wards.append(ward)
                label = f"W{len(self._wards) - 1}"
                self._matcher.add(label, [self._nlp.make_doc(f) for f in sorted(forms)])
        self._postcodes = dict(postcodes or {})

    @classmethod
    def from_registers(cls, registers: Registers, postcodes_path: Path | None = None) -> WardFinder:
        names = {w.name: w.aliases for w in registers.wards}
        postcodes = load_postcodes(postcodes_path, names) if postcodes_path else None
        return cls(names, postcodes)

    def find(self, text: str) -> tuple[str, ...]:
        """The wards ``text`` is about, each once: those named, in the order named,
        then those of its postcodes."""
        if not text:
            return ()
        from spacy.util import filter_spans

        doc = self._nlp.make_doc(_normalise(text))
        matches = self._matcher(doc)
        label = {(start, end): self._nlp.vocab.strings[mid] for mid, start, end in matches}
        spans = filter_spans([doc[start:end] for _, start, end in matches])
        found = [self._wards[int(label[(sp.start, sp.end)][1:])] for sp in sorted(spans)]
        if self._postcodes:
            for match in _POSTCODE.finditer(text):
                ward = self._postcodes.get(f"{match.group(1).upper()} {match.group(2).upper()}")
                if ward is not None:
                    found.append(ward)
        return tuple(dict.fromkeys(found))


class LazyWardFinder:
    """Builds the finder (and imports spaCy) on first use, so a run that never needs
    a ward pays nothing."""

    def __init__(self, registers: Registers, postcodes_path: Path | None = None):
        self._registers = registers
        self._postcodes_path = postcodes_path
        self._finder: WardFinder | None = None

    def find(self, text: str) -> tuple[str, ...]:
        if self._finder is None:
            self._finder = WardFinder.from_registers(self._registers, self._postcodes_path)
        return self._finder.find(text)
