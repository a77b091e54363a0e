"""``protocol-bot classify [FILE ...]``: label member emails with a kind and concerns.

Input: ``.eml`` files, or with no file JSON lines on stdin (``{"id","subject","body"}``).
Output: one JSON line per email, ``{"id","kind","concerns","scores"}``, in input order;
``scores`` has every kind and concern label. A bad input is reported on stderr (file or
line number) and skipped; the exit status is then 1, after the good ones are written.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import TextIO

CHUNK = 256  # emails classified per batch: streams stdin without holding it all


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help=".eml files (default: stdin)")
    parser.add_argument(
        "--model", type=Path, default=None, metavar="DIR", help="model folder (default: bundled)"
    )


def read_eml(path: Path) -> tuple[str, str]:
    """Subject and text body of an .eml file (plain text preferred, else HTML)."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    subject = str(msg.get("subject", "") or "")
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return subject, ""
    try:
        body = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset or broken encoding
        payload = part.get_payload(decode=True)
        body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return subject, body if isinstance(body, str) else ""


def _from_files(files: list[str], errors: list[str]) -> Iterator[tuple[str, str, str]]:
    for name in files:
        path = Path(name)
        try:
            subject, body = read_eml(path)
        except OSError as exc:
            errors.append(f"{name}: cannot read ({exc.strerror or exc})")
            continue
        except Exception as exc:  # a malformed message is skipped, never fatal
            errors.append(f"{name}: not a readable email ({exc})")
            continue
        yield path.name, subject, body


def _from_lines(stream: TextIO, errors: list[str]) -> Iterator[tuple[str, str, str]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            errors.append(f"line {number}: not valid JSON ({exc})")
            continue
        if not isinstance(row, dict):
            errors.append(f"line {number}: expected a JSON object")
            continue
        subject, body = row.get("subject", ""), row.get("body", "")
        if not isinstance(subject, str) or not isinstance(body, str):
            errors.append(f"line {number}: 'subject' and 'body' must be strings")
            continue
        ident = row.get("id", number)
        yield ident, subject, body


def run(args: argparse.Namespace) -> int:
    from bot.adapters.nlp.classifier import SpacyClassifier, bundled

    classifier = SpacyClassifier.load(args.model) if args.model else bundled()
    errors: list[str] = []
    items = _from_files(args.files, errors) if args.files else _from_lines(sys.stdin, errors)
    out = sys.stdout
    reported = 0

    def flush(chunk: list[tuple[str, str, str]]) -> None:
        nonlocal reported
        # Errors met while reading this chunk go out before its results.
        for message in errors[reported:]:
            print(f"protocol-bot classify: {message}", file=sys.stderr)
        reported = len(errors)
        results = classifier.classify_texts((subject, body) for _, subject, body in chunk)
        for (ident, _, _), result in zip(chunk, results, strict=True):
            row = {
                "id": ident,
                "kind": result.kind.value,
                "concerns": [c.value for c in result.concerns],
                "scores": {label: round(v, 4) for label, v in result.scores.items()},
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()

    chunk: list[tuple[str, str, str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            flush(chunk)
            chunk = []
    flush(chunk)
    return 1 if errors else 0
