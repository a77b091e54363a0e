"""The one checkpoint format every source writes and reads (bot.adapters.sources.checkpoint)."""

from __future__ import annotations

import logging

import pytest

from bot.adapters.sources import checkpoint


def test_encode_is_compact_sorted_and_versioned() -> None:
    text = checkpoint.encode({"sent": ["Sent", 7, 12], "inbox": ["INBOX", 7, 40]})
    assert text == '{"inbox":["INBOX",7,40],"sent":["Sent",7,12],"v":1}'


def test_decode_gives_read_the_fields_without_the_version() -> None:
    text = checkpoint.encode({"calendar": "token-1"})
    assert checkpoint.decode(text, dict, "test") == {"calendar": "token-1"}


def test_no_checkpoint_is_none_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    assert checkpoint.decode(None, dict, "test") is None
    assert checkpoint.decode("", dict, "test") is None
    assert caplog.records == []


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"calendar": "x"}',  # no version
        '{"v": 2, "calendar": "x"}',  # a version this build does not know
        '{"v": 1, "inbox": 5}',  # a field the reader cannot unpack
    ],
)
def test_unreadable_checkpoint_is_none_and_names_the_source(
    text: str, caplog: pytest.LogCaptureFixture
) -> None:
    def read(data: dict) -> list:
        name, uid = data.get("inbox", ("INBOX", 0))
        return [name, uid]

    with caplog.at_level(logging.WARNING):
        assert checkpoint.decode(text, read, "imap clerk@council.example") is None
    assert "imap clerk@council.example: unreadable checkpoint" in caplog.text


def test_sync_states_round_trip_and_keep_empty_states_as_none() -> None:
    text = checkpoint.dump_states({"inbox": "AbC==", "sent": None})
    assert checkpoint.load_states(text, "ews") == {"inbox": "AbC==", "sent": None}
    assert checkpoint.load_states(None, "ews") == {}
    assert checkpoint.load_states("{", "ews") == {}
