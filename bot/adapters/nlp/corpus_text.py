"""The hand-written corpus format: one email per record, readable and editable as
plain text (JSON lines hide the line breaks that make an email an email).

    ### c-0001
    kind: casework
    concerns: private, pressure
    council: district
    hard: why this boundary case got its labels (optional)
    subject: Re: bins on Mill Lane

    Body text, as many lines as the email has,
    until the next line that starts with "### ".

``python -m bot.adapters.nlp.corpus_text FILE...`` checks files and prints counts.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bot.errors import UserError
from bot.model import Concern, Kind

KIND_LABELS = tuple(k.value for k in Kind)
CONCERN_LABELS = tuple(c.value for c in Concern)

HEADER_KEYS = {"kind", "concerns", "council", "hard", "subject"}


def read_text_corpus(path: Path) -> list[dict[str, object]]:
    """Records as dicts (id, subject, body, kind, concerns, meta); a malformed record
    is an error naming the file, line and field."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [_record(path.name, start, chunk) for start, chunk in _chunks(path.name, lines)]


def _chunks(name: str, lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    start, chunk = 0, list[str]()
    for number, line in enumerate(lines, 1):
        if line.startswith("### "):
            if chunk:
                yield start, chunk
            start, chunk = number, [line]
        elif chunk:
            chunk.append(line)
        elif line.strip():
            raise UserError(f"{name}:{number}: text before the first '### <id>' line")
    if chunk:
        yield start, chunk


def _record(name: str, start: int, chunk: list[str]) -> dict[str, object]:
    record_id = chunk[0][4:].strip()
    if not record_id:
        raise UserError(f"{name}:{start}: id: missing after '###'")
    fields: dict[str, str] = {}
    i = 1
    while i < len(chunk) and chunk[i].strip():
        where = f"{name}:{start + i}"
        key, sep, value = chunk[i].partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            raise UserError(f"{where}: {key or 'header'}: expected one of {sorted(HEADER_KEYS)} then ':'")
        fields[key] = value.strip()
        i += 1
    where = f"{name}:{start}"
    kind = fields.get("kind", "")
    if kind not in KIND_LABELS:
        raise UserError(f"{where}: kind: {kind!r} is not one of {', '.join(KIND_LABELS)}")
    if "subject" not in fields:
        raise UserError(f"{where}: subject: missing (write 'subject:' for an empty one)")
    concerns = [c.strip() for c in fields.get("concerns", "").split(",") if c.strip()]
    concerns = [c for c in concerns if c.lower() != "none"]
    for concern in concerns:
        if concern not in CONCERN_LABELS:
            raise UserError(f"{where}: concerns: {concern!r} is not one of {', '.join(CONCERN_LABELS)}")
    body = "\n".join(chunk[i + 1 :]).strip("\n")
    if not body.strip() and not fields["subject"]:
        raise UserError(f"{where}: body: both subject and body are empty")
    return {
        "id": record_id,
        "subject": fields["subject"],
        "body": body,
        "kind": kind,
        "concerns": sorted(set(concerns)),
        "meta": {"council": fields.get("council", ""), "hard": bool(fields.get("hard")), "note": fields.get("hard", "")},
    }


def main(argv: list[str]) -> int:
    for arg in argv:
        try:
            records = read_text_corpus(Path(arg))
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        ids = Counter(str(r["id"]) for r in records)
        dupes = [i for i, n in ids.items() if n > 1]
        if dupes:
            print(f"error: {arg}: duplicate ids {dupes[:5]}", file=sys.stderr)
            return 1
        kinds = Counter(str(r["kind"]) for r in records)
        concerns = Counter(c for r in records for c in r["concerns"])  # type: ignore[attr-defined]
        none = sum(1 for r in records if not r["concerns"])
        print(f"{arg}: {len(records)} emails, {none} without a concern")
        print("  kinds:    " + ", ".join(f"{k} {kinds[k]}" for k in KIND_LABELS))
        print("  concerns: " + ", ".join(f"{c} {concerns[c]}" for c in CONCERN_LABELS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
