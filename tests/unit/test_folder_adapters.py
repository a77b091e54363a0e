"""Folder mailboxes: the source, the replay reader and the two file senders."""

from __future__ import annotations

import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.outbox.folder import OUTGOING_DIR, FolderSender, eml_name
from bot.adapters.outbox.recording import RecordingSender
from bot.adapters.sources.folder import (
    FolderMailSource,
    mailbox_addresses,
    message_text,
    read_export,
)
from bot.adapters.sources.parse import parse_email
from bot.core.automail import is_own
from bot.errors import MisconfiguredError
from bot.model import Folder
from bot.model.outgoing import OutgoingEmail
from bot.ports import MailSource, Sender

OWNER = "officer@council.example"
WHEN = datetime(2026, 11, 27, 16, 5, tzinfo=UTC)


def eml(n: int, *, day: int = 3, minute: int = 0, extra: str = "") -> bytes:
    return (
        f"From: Jane <jane@example.org>\r\nTo: {OWNER}\r\nSubject: m{n}\r\n"
        f"Date: Tue, {day} Nov 2026 10:{minute:02d}:00 +0000\r\n"
        f"Message-ID: <m{n}@example.org>\r\n{extra}\r\nBody {n}\r\n"
    ).encode()


BAD = b"From: jane@example.org\r\nSubject: no id\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nx"


def put(root: Path, name: str, data: bytes, folder: str = "inbox", owner: str = OWNER) -> Path:
    path = root / owner / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def ids(batch: object) -> list[str]:
    return [m.message_id for m in batch.messages]  # type: ignore[attr-defined]


# -- FolderMailSource ----------------------------------------------------------


class TestFolderMailSource:
    def test_is_a_mail_source(self, tmp_path: Path) -> None:
        assert isinstance(FolderMailSource(tmp_path, OWNER), MailSource)

    def test_incremental_polls(self, tmp_path: Path) -> None:
        put(tmp_path, "a.eml", eml(1))
        put(tmp_path, "b.eml", eml(2), folder="sent")
        source = FolderMailSource(tmp_path, OWNER)
        first = source.poll(None)
        assert ids(first) == ["<m1@example.org>", "<m2@example.org>"]
        assert source.poll(first.checkpoint).messages == []
        put(tmp_path, "c.eml", eml(3))
        second = source.poll(first.checkpoint)
        assert ids(second) == ["<m3@example.org>"]
        assert source.poll(second.checkpoint).messages == []

    def test_output_sorted_by_date_then_message_id(self, tmp_path: Path) -> None:
        put(tmp_path, "1.eml", eml(9, day=5))
        put(tmp_path, "2.eml", eml(8, day=4, minute=30))
        put(tmp_path, "3.eml", eml(7, day=4, minute=30), folder="sent")
        put(tmp_path, "4.eml", eml(6, day=6))
        batch = FolderMailSource(tmp_path, OWNER).poll(None)
        assert ids(batch) == [
            "<m7@example.org>",
            "<m8@example.org>",
            "<m9@example.org>",
            "<m6@example.org>",
        ]

    def test_malformed_reported_once_with_relative_path(self, tmp_path: Path) -> None:
        put(tmp_path, "bad.eml", BAD)
        put(tmp_path, "good.eml", eml(1))
        source = FolderMailSource(tmp_path, OWNER)
        first = source.poll(None)
        assert ids(first) == ["<m1@example.org>"]
        assert len(first.malformed) == 1
        assert first.malformed[0].where == f"{OWNER}/inbox/bad.eml"
        assert first.malformed[0].reason == "Message-ID: missing"
        second = source.poll(first.checkpoint)
        assert second.malformed == [] and second.messages == []
        restarted = FolderMailSource(tmp_path, OWNER).poll(first.checkpoint)
        assert restarted.malformed == []

    def test_checkpoint_survives_a_restart(self, tmp_path: Path) -> None:
        put(tmp_path, "a.eml", eml(1))
        checkpoint = FolderMailSource(tmp_path, OWNER).poll(None).checkpoint
        assert isinstance(checkpoint, str)
        json.loads(checkpoint)  # a compact JSON string
        put(tmp_path, "b.eml", eml(2))
        again = FolderMailSource(tmp_path, OWNER)  # a new process
        assert ids(again.poll(checkpoint)) == ["<m2@example.org>"]

    def test_checkpoint_stays_small_once_files_settle(self, tmp_path: Path) -> None:
        for n in range(300):
            put(tmp_path, f"{n:04d}.eml", eml(n))
        source = FolderMailSource(tmp_path, OWNER, settle_seconds=0.05)
        first = source.poll(None)
        assert len(first.messages) == 300
        time.sleep(0.2)
        second = source.poll(first.checkpoint)
        assert second.messages == []
        assert second.checkpoint is not None
        state = json.loads(second.checkpoint)
        assert state["inbox"][1] == []  # no names kept: all older than the mark
        assert len(second.checkpoint) < 100
        # a quiet folder is not even listed, and the state stays the same
        assert source.poll(second.checkpoint).checkpoint == second.checkpoint
        put(tmp_path, "new.eml", eml(1000))
        assert ids(source.poll(second.checkpoint)) == ["<m1000@example.org>"]

    def test_file_copied_in_with_an_old_mtime_is_still_new(self, tmp_path: Path) -> None:
        put(tmp_path, "a.eml", eml(1))
        source = FolderMailSource(tmp_path, OWNER, settle_seconds=0.05)
        checkpoint = source.poll(None).checkpoint
        time.sleep(0.2)
        checkpoint = source.poll(checkpoint).checkpoint  # mark now past a.eml
        time.sleep(0.05)
        old = put(tmp_path, "b.eml", eml(2))
        os.utime(old, (978307200, 978307200))  # as `cp -p` of a 2001 file would leave it
        assert ids(source.poll(checkpoint)) == ["<m2@example.org>"]

    def test_same_name_in_inbox_and_sent_are_different_files(self, tmp_path: Path) -> None:
        put(tmp_path, "0001.eml", eml(1))
        source = FolderMailSource(tmp_path, OWNER)
        checkpoint = source.poll(None).checkpoint
        put(tmp_path, "0001.eml", eml(2), folder="sent")
        batch = source.poll(checkpoint)
        assert ids(batch) == ["<m2@example.org>"]
        assert batch.messages[0].folder is Folder.SENT

    def test_missing_folders_are_empty(self, tmp_path: Path) -> None:
        source = FolderMailSource(tmp_path, OWNER)
        batch = source.poll(None)
        assert batch.messages == [] and batch.malformed == []
        put(tmp_path, "a.eml", eml(1), folder="sent")  # the mailbox appears later
        assert ids(source.poll(batch.checkpoint)) == ["<m1@example.org>"]

    def test_missing_root_is_misconfigured(self, tmp_path: Path) -> None:
        with pytest.raises(MisconfiguredError):
            FolderMailSource(tmp_path / "nope", OWNER).poll(None)

    def test_ignores_temp_hidden_and_other_files(self, tmp_path: Path) -> None:
        put(tmp_path, ".a.eml.123.tmp", eml(1))
        put(tmp_path, ".hidden.eml", eml(2))
        put(tmp_path, "notes.txt", eml(3))
        (tmp_path / OWNER / "inbox" / "sub.eml").mkdir()
        put(tmp_path, "UPPER.EML", eml(4))
        assert ids(FolderMailSource(tmp_path, OWNER).poll(None)) == ["<m4@example.org>"]

    def test_address_matches_folder_case_insensitively(self, tmp_path: Path) -> None:
        put(tmp_path, "a.eml", eml(1), owner="Officer@Council.Example")
        source = FolderMailSource(tmp_path, "OFFICER@council.example")
        assert source.address == OWNER
        (message,) = source.poll(None).messages
        assert message.mailbox == OWNER
        assert message.source_ref == "Officer@Council.Example/inbox/a.eml"

    def test_unreadable_checkpoint_reads_everything_again(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        put(tmp_path, "a.eml", eml(1))
        with caplog.at_level(logging.WARNING):
            batch = FolderMailSource(tmp_path, OWNER).poll("{not json")
        assert ids(batch) == ["<m1@example.org>"]
        assert "checkpoint" in caplog.text

    def test_with_text(self, tmp_path: Path) -> None:
        put(tmp_path, "a.eml", eml(1))
        (message,) = FolderMailSource(tmp_path, OWNER, with_text=True).poll(None).messages
        assert message.text == "Body 1\n"
        (message,) = FolderMailSource(tmp_path, OWNER).poll(None).messages
        assert message.text is None


# -- read_export / mailbox_addresses ------------------------------------------


def test_read_export_reads_every_mailbox_and_skips_the_rest(tmp_path: Path) -> None:
    put(tmp_path, "1.eml", eml(1, day=5))
    put(tmp_path, "2.eml", eml(2, day=4), folder="sent")
    put(tmp_path, "1.eml", eml(3, day=6), owner="member@council.example")
    put(tmp_path, "bad.eml", BAD, owner="member@council.example")
    put(tmp_path, "x.eml", eml(4), owner=OUTGOING_DIR)
    put(tmp_path, "x.eml", eml(5), owner=".trash@x")
    put(tmp_path, "x.eml", eml(6), owner="not-a-mailbox")
    messages, malformed = read_export(tmp_path)
    assert [m.message_id for m in messages] == [
        "<m2@example.org>",
        "<m1@example.org>",
        "<m3@example.org>",
    ]
    assert [(m.mailbox, m.folder) for m in messages] == [
        (OWNER, Folder.SENT),
        (OWNER, Folder.INBOX),
        ("member@council.example", Folder.INBOX),
    ]
    assert [(b.where, b.reason) for b in malformed] == [
        ("member@council.example/inbox/bad.eml", "Message-ID: missing")
    ]
    texts, _ = read_export(tmp_path, with_text=True)
    assert texts[0].text == "Body 2\n"
    # or headers first, and the text of just the messages that need it
    assert [message_text(tmp_path, m) for m in messages] == ["Body 2\n", "Body 1\n", "Body 3\n"]
    (tmp_path / messages[0].source_ref).unlink()
    assert message_text(tmp_path, messages[0]) == ""


def test_mailbox_addresses(tmp_path: Path) -> None:
    for owner in ("b@council", "A@Council", "_outgoing", ".git", "plain"):
        (tmp_path / owner).mkdir()
    (tmp_path / "c@council").write_text("a file, not a mailbox")
    assert mailbox_addresses(tmp_path) == ["a@council", "b@council"]
    with pytest.raises(MisconfiguredError):
        mailbox_addresses(tmp_path / "missing")


# -- senders --------------------------------------------------------------------


def outgoing(n: int = 1, **kwargs: object) -> OutgoingEmail:
    fields: dict[str, object] = {
        "message_id": f"<ack-{n}@protocol-bot.local>",
        "mailbox": OWNER,
        "from_addr": OWNER,
        "from_name": "Protocol Bot",
        "to": ("member@council.example",),
        "subject": "Your message has been received",
        "text": "Dear Councillor,\nWe have your message.\n",
        "rule": "acknowledgement",
    }
    fields.update(kwargs)
    return OutgoingEmail(**fields)  # type: ignore[arg-type]


def all_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


class TestFolderSender:
    def test_is_a_sender(self, tmp_path: Path) -> None:
        assert isinstance(FolderSender(tmp_path), Sender)

    def test_delivers_to_mailbox_inboxes_and_parks_the_rest(self, tmp_path: Path) -> None:
        (tmp_path / "member@council.example").mkdir()
        (tmp_path / "manager@council.example").mkdir()
        email = outgoing(
            to=("Member@Council.example", "someone@elsewhere.example"),
            cc=("manager@council.example", "other@elsewhere.example"),
        )
        sender = FolderSender(tmp_path, clock_date=lambda: WHEN)
        assert sender.was_sent(email) is False
        sender.send(email)
        name = eml_name(email.message_id)
        assert all_files(tmp_path) == [
            f"{OUTGOING_DIR}/{name}",
            f"manager@council.example/inbox/{name}",
            f"member@council.example/inbox/{name}",
        ]
        assert sender.was_sent(email) is True
        parsed = parse_email(
            (tmp_path / "member@council.example" / "inbox" / name).read_bytes(),
            mailbox="member@council.example",
            folder=Folder.INBOX,
        )
        assert parsed.message_id == email.message_id
        assert parsed.date == WHEN
        assert is_own(parsed)

    def test_send_twice_writes_nothing_new(self, tmp_path: Path) -> None:
        (tmp_path / "member@council.example").mkdir()
        email = outgoing()
        FolderSender(tmp_path, clock_date=lambda: WHEN).send(email)
        target = tmp_path / "member@council.example" / "inbox" / eml_name(email.message_id)
        before = (target.read_bytes(), target.stat().st_mtime_ns)
        later = datetime(2026, 12, 1, tzinfo=UTC)
        FolderSender(tmp_path, clock_date=lambda: later).send(email)  # after a restart
        assert (target.read_bytes(), target.stat().st_mtime_ns) == before
        assert len(all_files(tmp_path)) == 1

    def test_was_sent_false_when_a_target_is_missing(self, tmp_path: Path) -> None:
        (tmp_path / "member@council.example").mkdir()
        email = outgoing(to=("member@council.example", "x@elsewhere.example"))
        sender = FolderSender(tmp_path, clock_date=lambda: WHEN)
        sender.send(email)
        (tmp_path / OUTGOING_DIR / eml_name(email.message_id)).unlink()
        assert sender.was_sent(email) is False
        sender.send(email)  # completes the missing copy only
        assert sender.was_sent(email) is True

    def test_delivered_mail_is_seen_by_the_folder_source_as_our_own(self, tmp_path: Path) -> None:
        (tmp_path / "member@council.example").mkdir()
        FolderSender(tmp_path, clock_date=lambda: WHEN).send(outgoing())
        batch = FolderMailSource(tmp_path, "member@council.example").poll(None)
        assert len(batch.messages) == 1 and is_own(batch.messages[0])

    def test_file_name_is_stable_and_safe(self) -> None:
        name = eml_name("<a/../b@x>")
        assert name == eml_name("<a/../b@x>")
        assert len(name) == 20 and name.endswith(".eml") and "/" not in name


class TestRecordingSender:
    def test_records_in_memory_and_on_disk(self, tmp_path: Path) -> None:
        sender = RecordingSender(tmp_path, clock_date=lambda: WHEN)
        assert isinstance(sender, Sender)
        email = outgoing()
        assert sender.was_sent(email) is False
        sender.send(email)
        path = sender.path_for(email)
        assert path is not None and path.parent == tmp_path / "outbox"
        assert path.name.startswith("acknowledgement-") and path.name.endswith(".eml")
        assert sender.sent == [email]
        assert sender.was_sent(email) is True
        sender.send(email)
        assert sender.sent == [email]  # idempotent
        assert all_files(tmp_path) == [f"outbox/{path.name}"]

    def test_two_replays_write_identical_files(self, tmp_path: Path) -> None:
        emails = [outgoing(n, rule=rule) for n, rule in enumerate(["weekly_digest", "nudge"])]
        for run in ("one", "two"):
            sender = RecordingSender(tmp_path / run, clock_date=lambda: WHEN)
            for email in emails:
                sender.send(email)
        one, two = all_files(tmp_path / "one"), all_files(tmp_path / "two")
        assert one == two and len(one) == 2
        for rel in one:
            assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()

    def test_memory_only(self) -> None:
        sender = RecordingSender()
        email = outgoing(rule="")
        sender.send(email)
        sender.send(email)
        assert sender.sent == [email]
        assert sender.was_sent(email) is True
        assert sender.was_sent(outgoing(2)) is False
        assert sender.path_for(email) is None
