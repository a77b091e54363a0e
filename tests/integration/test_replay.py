"""Replay (shadow mode) and the demo, through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers.sample import sample_council

REPO = Path(__file__).resolve().parents[2]


def replay(config: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "replay", "--config", str(config),
         "--mail", str(config.parent / "mail"), "--start", "2026-11-23T09:00",
         "--end", "2026-12-01T12:00", "--out", str(out), *extra],
        capture_output=True, text=True, check=False,
    )


def test_replay_of_the_sample_week(tmp_path):
    config = sample_council(tmp_path, mail=True)
    done = replay(config, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    actions = [json.loads(line) for line in (tmp_path / "out/actions.jsonl").read_text().splitlines()]
    got = [(a["at"], a["rule"], a["message_id"]) for a in actions]
    assert got == [
        ("2026-11-23T14:15:00+00:00", "acknowledgement", "<demo-001@exampleton.gov.uk>"),
        ("2026-11-24T15:15:00+00:00", "response_due", "<demo-001@exampleton.gov.uk>"),
        ("2026-11-24T21:40:00+00:00", "out_of_hours", "<demo-003@exampleton.gov.uk>"),
        ("2026-11-25T09:30:00+00:00", "blind_copy_received", "<demo-004@exampleton.gov.uk>"),
        ("2026-11-25T10:15:00+00:00", "response_overdue", "<demo-001@exampleton.gov.uk>"),
        ("2026-11-26T10:00:00+00:00", "blind_copy_sent", "<demo-005@exampleton.gov.uk>"),
        ("2026-11-27T14:00:00+00:00", "acknowledgement", "<demo-008@exampleton.gov.uk>"),
        ("2026-11-30T08:00:00+00:00", "weekly_digest", None),
    ]
    assert set(actions[0]) == {"at", "type", "rule", "mailbox", "message_id", "event_uid",
                               "member", "to", "details"}
    digest = json.loads((tmp_path / "out/digests/2026-W48.json").read_text())
    assert digest["counts"]["requests"] == 7
    assert digest["counts"]["acknowledgement"] == 2 and digest["counts"]["out_of_hours"] == 1
    malformed = (tmp_path / "out/malformed.jsonl").read_text()
    assert "010-broken.eml" in malformed and "Message-ID" in malformed
    emails = sorted((tmp_path / "out/outbox").glob("*.eml"))
    assert len(emails) == 7  # everything with a recipient; the out-of-hours flag is digest-only


def test_two_replays_are_byte_identical(tmp_path):
    config = sample_council(tmp_path, mail=True)
    assert replay(config, tmp_path / "a").returncode == 0
    assert replay(config, tmp_path / "b").returncode == 0
    for name in ["actions.jsonl", "digests/2026-W48.json", "malformed.jsonl"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    a = sorted(p.name for p in (tmp_path / "a/outbox").iterdir())
    assert a == sorted(p.name for p in (tmp_path / "b/outbox").iterdir())
    for name in a:
        assert (tmp_path / "a/outbox" / name).read_bytes() == (tmp_path / "b/outbox" / name).read_bytes()


def test_replay_with_only_the_contract_minimal_keys(tmp_path):
    config = sample_council(tmp_path, mail=True)
    text = config.read_text()
    minimal = text.split("[[mailbox]]")[0].replace("[sla.kinds.complaint]\ntrack = false\n", "")
    minimal = minimal.replace('lists = "lists.csv"\n', "")
    config.write_text(minimal)
    done = replay(config, tmp_path / "out", "--no-classifier")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out/actions.jsonl").read_text().count("acknowledgement") >= 2


def test_demo_runs_and_explains_itself(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--dir", str(tmp_path / "demo"), "--no-classifier"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for rule in ["acknowledgement", "response_due", "response_overdue", "blind_copy_received",
                 "blind_copy_sent", "out_of_hours", "weekly_digest"]:
        assert rule in done.stdout
    outgoing = list((tmp_path / "demo/mail/_outgoing").glob("*.eml"))
    # Two acknowledgements to members, the digest to the CEO, the escalation copy to Tom
    # Baker (the demo has no folder for these mailboxes, so they go to _outgoing).
    assert len(outgoing) == 4
