"""The contract every :class:`bot.ports.MailSource` must keep, run against each adapter.

To check a new source (IMAP, EWS, Graph, ...), subclass :class:`MailSourceContract`
in a ``test_*.py`` module with a class name starting with ``Test`` and provide one
fixture, ``make_source``, returning a factory::

    make_source(inbox: list[bytes], sent: list[bytes]) -> Mailbox

The factory sets up one mailbox whose inbox and sent folders hold those RFC 5322
messages (in that order) and returns a :class:`Mailbox`: the source under test,
the owner's address, and ``deliver(data, folder)`` that adds one more message
later (an IMAP APPEND, a Graph upload, a file). The fixture owns clean-up.

Sources that cannot hold a message the parser rejects (an API that refuses it)
set ``can_hold_malformed = False``; the malformed tests are then skipped.

Helpers :func:`eml` and :func:`malformed_eml` build the test messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.adapters.sources.folder import FolderMailSource
from bot.model import Folder
from bot.ports import MailBatch, MailSource


@dataclass
class Mailbox:
    source: MailSource
    address: str
    deliver: Callable[[bytes, Folder], None]


MakeSource = Callable[[list[bytes], list[bytes]], Mailbox]


def eml(
    n: int,
    *,
    sender: str = "Cllr.Jane@Example.org",
    to: str = "Officer@Council.example",
    cc: str = "",
    bcc: str = "",
    day: int = 3,
    hour: int = 10,
    subject: str = "",
    in_reply_to: str = "",
) -> bytes:
    """A small valid message with Message-ID <msg-N@contract.test>."""
    lines = [
        f"From: Jane Smith <{sender}>",
        f"To: {to}",
        f"Subject: {subject or f'Message {n}'}",
        f"Date: Tue, {day} Nov 2026 {hour:02d}:{n % 60:02d}:00 +0000",
        f"Message-ID: <msg-{n}@contract.test>",
    ]
    if cc:
        lines.append(f"Cc: {cc}")
    if bcc:
        lines.append(f"Bcc: {bcc}")
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    lines += ["Content-Type: text/plain; charset=utf-8", "", f"Body of message {n}.", ""]
    return "\r\n".join(lines).encode()


def malformed_eml() -> bytes:
    """A message every source must report as malformed: it has no Message-ID."""
    return (
        b"From: jane@example.org\r\nTo: officer@council.example\r\n"
        b"Subject: no id\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nBody\r\n"
    )


def ids(batch: MailBatch) -> list[str]:
    return [m.message_id for m in batch.messages]


class MailSourceContract:
    """Tests every MailSource passes. Not collected itself (no ``Test`` prefix)."""

    can_hold_malformed = True

    @pytest.fixture
    def make_source(self, tmp_path: Path) -> Iterator[MakeSource]:
        raise NotImplementedError("subclasses provide make_source")

    def test_is_a_mail_source(self, make_source: MakeSource) -> None:
        box = make_source([], [])
        assert isinstance(box.source, MailSource)
        assert box.source.address == box.address

    def test_first_poll_returns_every_message_once(self, make_source: MakeSource) -> None:
        box = make_source([eml(1), eml(2), eml(3)], [eml(4, sender="owner@council.example")])
        batch = box.source.poll(None)
        assert sorted(ids(batch)) == [f"<msg-{n}@contract.test>" for n in (1, 2, 3, 4)]
        assert batch.malformed == []
        folders = {m.message_id: m.folder for m in batch.messages}
        assert folders["<msg-4@contract.test>"] is Folder.SENT
        assert {folders[f"<msg-{n}@contract.test>"] for n in (1, 2, 3)} == {Folder.INBOX}
        assert {m.mailbox for m in batch.messages} == {box.address}

    def test_messages_sorted_by_date_then_message_id(self, make_source: MakeSource) -> None:
        box = make_source([eml(5, day=9), eml(3, day=4), eml(1, day=4, hour=9)], [eml(2, day=5)])
        batch = box.source.poll(None)
        keys = [(m.date, m.message_id) for m in batch.messages]
        assert keys == sorted(keys)
        assert ids(batch)[0] == "<msg-1@contract.test>"

    def test_dates_are_timezone_aware(self, make_source: MakeSource) -> None:
        box = make_source([eml(1)], [eml(2)])
        assert all(m.date.tzinfo is not None for m in box.source.poll(None).messages)

    def test_second_poll_with_checkpoint_returns_nothing(self, make_source: MakeSource) -> None:
        box = make_source([eml(1), eml(2)], [eml(3)])
        first = box.source.poll(None)
        assert isinstance(first.checkpoint, str)
        second = box.source.poll(first.checkpoint)
        assert second.messages == []
        assert second.malformed == []

    def test_poll_without_checkpoint_reads_everything_again(self, make_source: MakeSource) -> None:
        box = make_source([eml(1)], [eml(2)])
        box.source.poll(None)
        assert sorted(ids(box.source.poll(None))) == [
            "<msg-1@contract.test>",
            "<msg-2@contract.test>",
        ]

    def test_later_message_returned_by_next_poll(self, make_source: MakeSource) -> None:
        box = make_source([eml(1)], [eml(2)])
        checkpoint = box.source.poll(None).checkpoint
        box.deliver(eml(10, day=10), Folder.INBOX)
        batch = box.source.poll(checkpoint)
        assert ids(batch) == ["<msg-10@contract.test>"]
        assert batch.messages[0].folder is Folder.INBOX
        box.deliver(eml(11, day=11), Folder.SENT)
        batch = box.source.poll(batch.checkpoint)
        assert ids(batch) == ["<msg-11@contract.test>"]
        assert batch.messages[0].folder is Folder.SENT
        assert box.source.poll(batch.checkpoint).messages == []

    def test_empty_mailbox_then_a_first_message(self, make_source: MakeSource) -> None:
        box = make_source([], [])
        batch = box.source.poll(None)
        assert batch.messages == [] and batch.malformed == []
        # A checkpoint even now: the daemon takes "no checkpoint" for a mailbox it
        # has never read, whose mail is history (bot.app.runner.observe_history).
        assert isinstance(batch.checkpoint, str) and batch.checkpoint
        box.deliver(eml(1), Folder.INBOX)
        assert ids(box.source.poll(batch.checkpoint)) == ["<msg-1@contract.test>"]

    def test_malformed_item_reported_not_raised(self, make_source: MakeSource) -> None:
        if not self.can_hold_malformed:
            pytest.skip("this source cannot hold a malformed message")
        box = make_source([eml(1), malformed_eml(), eml(2)], [])
        batch = box.source.poll(None)
        assert sorted(ids(batch)) == ["<msg-1@contract.test>", "<msg-2@contract.test>"]
        assert len(batch.malformed) == 1
        bad = batch.malformed[0]
        assert bad.where
        assert "Message-ID" in bad.reason
        again = box.source.poll(batch.checkpoint)
        assert again.messages == [] and again.malformed == []  # reported once

    def test_bcc_of_sent_messages_preserved(self, make_source: MakeSource) -> None:
        sent = eml(1, bcc='"Smith, Jane (Cllr)" <Cllr.Jane@Example.org>, b@example.org')
        box = make_source([], [sent])
        (message,) = box.source.poll(None).messages
        assert message.folder is Folder.SENT
        assert message.bcc == ("cllr.jane@example.org", "b@example.org")

    def test_addresses_are_bare_and_lower_case(self, make_source: MakeSource) -> None:
        data = eml(1, to='"Officer, Planning" <Planning.Officer@Council.Example>', cc="A@B.example")
        box = make_source([data], [])
        (message,) = box.source.poll(None).messages
        assert message.sender == "cllr.jane@example.org"
        assert message.sender_name == "Jane Smith"
        assert message.to == ("planning.officer@council.example",)
        assert message.cc == ("a@b.example",)
        assert message.mailbox == message.mailbox.lower()

    def test_threading_headers_read(self, make_source: MakeSource) -> None:
        box = make_source([eml(2, in_reply_to="<msg-1@contract.test>")], [])
        (message,) = box.source.poll(None).messages
        assert message.in_reply_to == "<msg-1@contract.test>"

    def test_close(self, make_source: MakeSource) -> None:
        box = make_source([eml(1)], [])
        box.source.poll(None)
        box.source.close()


# -- the folder source --------------------------------------------------------


class TestFolderMailSource(MailSourceContract):
    @pytest.fixture
    def make_source(self, tmp_path: Path) -> Iterator[MakeSource]:
        root = tmp_path / "mail"
        address = "officer@council.example"
        sources: list[FolderMailSource] = []
        counter = iter(range(1_000_000))

        def write(data: bytes, folder: Folder) -> None:
            directory = root / address / folder.value
            directory.mkdir(parents=True, exist_ok=True)
            (directory / f"{next(counter):04d}.eml").write_bytes(data)

        def factory(inbox: list[bytes], sent: list[bytes]) -> Mailbox:
            (root / address).mkdir(parents=True, exist_ok=True)
            for data in inbox:
                write(data, Folder.INBOX)
            for data in sent:
                write(data, Folder.SENT)
            source = FolderMailSource(root, address)
            sources.append(source)
            return Mailbox(source=source, address=address, deliver=write)

        yield factory
        for source in sources:
            source.close()
