"""`python -m bot classify` end to end: .eml files, JSON lines on stdin, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

from bot.model import Concern, Kind

ROOT = Path(__file__).resolve().parents[2]
LABELS = {k.value for k in Kind} | {c.value for c in Concern}

# Unmistakable examples: the shipped model must get these kinds right.
OBVIOUS = {
    "casework": (
        "Missed bin collection at 14 Elm Road",
        "Dear Sam,\n\nMy constituent at 14 Elm Road has had her black bin missed for the "
        "third week running. She is elderly and cannot take it to the tip. Please can you "
        "arrange a collection for her as soon as possible and let me know when it is done.\n\n"
        "Kind regards\nCllr Jane Smith",
    ),
    "documents": (
        "Copy of the committee report please",
        "Hello,\n\nPlease could you send me a copy of the minutes and background papers for "
        "the last planning committee, including the appendices to the officer report?\n\n"
        "Thanks\nJane",
    ),
    "meeting": (
        "Request for a meeting",
        "Hi Helen,\n\nCould we arrange a meeting next week to discuss the highways programme "
        "for my ward? I am free on Tuesday or Wednesday afternoon, or we could do a site "
        "visit together.\n\nBest wishes\nCllr Tom Evans",
    ),
    "other": (
        "Thank you",
        "Dear David,\n\nJust a quick note to say thank you for all your help with this. "
        "Residents are delighted with the result. No need to reply.\n\nBest wishes\nPriya",
    ),
}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "classify", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,  # this checkout's code, whichever copy is installed
    )


def check_shape(row: dict) -> None:
    assert set(row) == {"id", "kind", "concerns", "scores"}
    assert row["kind"] in {k.value for k in Kind}
    assert all(c in {c.value for c in Concern} for c in row["concerns"])
    assert set(row["scores"]) == LABELS
    for value in row["scores"].values():
        assert isinstance(value, float | int) and 0.0 <= value <= 1.0
        assert round(value, 4) == value


def write_eml(path: Path, subject: str, body: str, html: bool = False) -> None:
    msg = EmailMessage()
    msg["From"] = "Cllr Jane Smith <jane.smith@exampleton.gov.uk>"
    msg["To"] = "officer@exampleton.gov.uk"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 23 Nov 2026 10:00:00 +0000"
    if html:
        msg.set_content(
            "<html><body><p>" + body.replace("\n", "<br>") + "</p></body></html>", "html"
        )
    else:
        msg.set_content(body)
    path.write_bytes(bytes(msg))


def test_eml_files(tmp_path: Path) -> None:
    paths = []
    for i, (kind, (subject, body)) in enumerate(OBVIOUS.items()):
        path = tmp_path / f"{kind}.eml"
        write_eml(path, subject, body, html=i % 2 == 1)
        paths.append(path)
    result = run_cli(*map(str, paths))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [p.name for p in paths]
    for row in rows:
        check_shape(row)
        assert row["kind"] == row["id"].removesuffix(".eml"), row


def test_json_lines_on_stdin() -> None:
    lines = [
        json.dumps({"id": kind, "subject": subject, "body": body})
        for kind, (subject, body) in OBVIOUS.items()
    ]
    result = run_cli(stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == list(OBVIOUS)
    for row in rows:
        check_shape(row)
        assert row["kind"] == row["id"], row


def test_bad_json_line_is_reported_and_the_rest_classified() -> None:
    good = json.dumps({"id": 7, "subject": "Minutes", "body": "Please send the minutes."})
    stdin = "\n".join([good, "{not json", '["a list"]', good]) + "\n"
    result = run_cli(stdin=stdin)
    assert result.returncode == 1
    assert "line 2" in result.stderr and "line 3" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [7, 7]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ok.eml"
    write_eml(path, *OBVIOUS["documents"])
    result = run_cli(str(tmp_path / "missing.eml"), str(path))
    assert result.returncode == 1
    assert "missing.eml" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok.eml"]
