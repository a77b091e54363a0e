"""The hand-written corpus format: records read back exactly, and every mistake is
named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.nlp.corpus_text import main, read_text_corpus
from bot.adapters.nlp.training import read_raw
from bot.errors import UserError

GOOD = """### x-1
kind: casework
concerns: private, pressure
council: district
hard: her own street, and a deadline
subject: Re: bins on Mill Lane

Dear Sam,

## a heading in a body is fine
Thanks.

### x-2
kind: other
concerns: none
subject:

thanks!
"""


def write(tmp_path: Path, text: str, name: str = "part_x.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_records_read_back_with_line_breaks_and_labels(tmp_path: Path) -> None:
    first, second = read_text_corpus(write(tmp_path, GOOD))
    assert first["id"] == "x-1" and first["kind"] == "casework"
    assert first["concerns"] == ["pressure", "private"]
    assert first["subject"] == "Re: bins on Mill Lane"
    assert first["body"] == "Dear Sam,\n\n## a heading in a body is fine\nThanks."
    assert first["meta"] == {"council": "district", "hard": True, "note": "her own street, and a deadline"}
    assert second["concerns"] == [] and second["subject"] == "" and second["body"] == "thanks!"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("### x-1\nkind: request\nsubject: a\n\nb\n", "part_x.txt:1: kind: 'request' is not one of"),
        ("### x-1\nkind: other\nconcerns: rude\nsubject: a\n\nb\n", "part_x.txt:1: concerns: 'rude'"),
        ("### x-1\nkind: other\n\nbody\n", "part_x.txt:1: subject: missing"),
        ("### x-1\nkind: other\nsubjct: a\n\nb\n", "part_x.txt:3: subjct: expected one of"),
        ("stray\n### x-1\nkind: other\nsubject: a\n\nb\n", "part_x.txt:1: text before the first"),
        ("### x-1\nkind: other\nsubject:\n\n\n", "part_x.txt:1: body: both subject and body are empty"),
    ],
)
def test_mistakes_name_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UserError) as err:
        read_text_corpus(write(tmp_path, text))
    assert message in str(err.value)


def test_training_reads_text_parts_beside_jsonl(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    write(raw, GOOD, "part_x.txt")
    (raw / "part_y.jsonl").write_text(
        '{"id": "x-1", "subject": "s", "body": "b", "kind": "media", "concerns": []}\n',
        encoding="utf-8",
    )
    examples = read_raw(tmp_path)
    assert sorted(e.id for e in examples) == ["part_y:x-1", "x-1", "x-2"]  # ids made unique
    assert {e.kind for e in examples} == {"casework", "other", "media"}


def test_checker_prints_counts_and_fails_on_duplicate_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, GOOD)
    assert main([str(good)]) == 0
    assert "2 emails, 1 without a concern" in capsys.readouterr().out
    twice = write(tmp_path, GOOD.replace("### x-2", "### x-1"), "b.txt")
    assert main([str(twice)]) == 1
    assert "duplicate ids ['x-1']" in capsys.readouterr().err
