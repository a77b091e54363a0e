"""SpacyClassifier: decisions from scores, loading, and staying import-light."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.nlp.classifier import (
    CONCERN_LABELS,
    KIND_LABELS,
    SpacyClassifier,
    bundled,
    bundled_model_dir,
)
from bot.adapters.nlp.textprep import model_text
from bot.errors import UserError
from bot.model import Classification, Concern, Folder, Kind, Message, Officer
from bot.ports import Classifier


@dataclass
class FakeDoc:
    text: str
    cats: dict[str, float]


@dataclass
class FakeNlp:
    """Stands in for a spaCy pipeline: scores come from a table keyed by model text."""

    table: dict[str, dict[str, float]]
    seen: list[str] = field(default_factory=list)
    calls: int = 0

    def pipe(self, texts: Iterable[str], batch_size: int = 1) -> Iterator[FakeDoc]:
        self.calls += 1
        for text in texts:
            self.seen.append(text)
            yield FakeDoc(text, self.table.get(text, {}))


def scores(kind: str, p: float = 0.9, **concerns: float) -> dict[str, float]:
    rest = (1.0 - p) / (len(KIND_LABELS) - 1)
    out = {label: (p if label == kind else rest) for label in KIND_LABELS}
    out.update({label: concerns.get(label, 0.01) for label in CONCERN_LABELS})
    return out


def make(table: dict[tuple[str, str], dict[str, float]], **kwargs: object) -> SpacyClassifier:
    nlp = FakeNlp({model_text(s, b): v for (s, b), v in table.items()})
    return SpacyClassifier(nlp, **kwargs)  # type: ignore[arg-type]


def test_kind_is_the_highest_score() -> None:
    clf = make({("Bins", "Missed bin at 4 Elm Road"): scores("casework")})
    [result] = clf.classify_texts([("Bins", "Missed bin at 4 Elm Road")])
    assert result.kind is Kind.CASEWORK
    assert result.concerns == ()
    assert not result.unsure


def test_concerns_use_their_own_thresholds() -> None:
    table = {("s", "b"): scores("information", pressure=0.35, private=0.45, confidential=0.9)}
    clf = make(table, concern_thresholds={"pressure": 0.3, "private": 0.5})
    [result] = clf.classify_texts([("s", "b")])
    # pressure passes its lowered cut-off; private misses 0.5; confidential uses the default.
    assert result.concerns == (Concern.PRESSURE, Concern.CONFIDENTIAL)


def test_concerns_follow_label_order() -> None:
    table = {("s", "b"): scores("complaint", staff_matter=0.9, party_political=0.9)}
    [result] = make(table).classify_texts([("s", "b")])
    assert result.concerns == (Concern.PARTY_POLITICAL, Concern.STAFF_MATTER)


def test_scores_cover_every_label() -> None:
    [result] = make({("s", "b"): scores("media")}).classify_texts([("s", "b")])
    assert set(result.scores) == set(KIND_LABELS) | set(CONCERN_LABELS)
    assert all(isinstance(v, float) for v in result.scores.values())


@pytest.mark.parametrize(
    ("p_other", "unsure"), [(0.95, False), (0.61, False), (0.59, True), (0.3, True)]
)
def test_other_below_the_unsure_threshold_keeps_the_clock(p_other: float, unsure: bool) -> None:
    table = {("Thanks", "Thanks!"): scores("other", p=p_other)}
    [result] = make(table, unsure_threshold=0.6).classify_texts([("Thanks", "Thanks!")])
    assert result.kind is Kind.OTHER
    assert result.unsure is unsure
    assert result.starts_clock is unsure


@pytest.mark.parametrize(("p", "unsure"), [(0.3, True), (0.59, True), (0.61, False)])
def test_any_kind_below_the_unsure_threshold_is_flagged(p: float, unsure: bool) -> None:
    # The rule decides what unsure means for a kind (only untracked kinds change).
    table = {("s", "b"): scores("complaint", p=p)}
    [result] = make(table, unsure_threshold=0.6).classify_texts([("s", "b")])
    assert result.kind is Kind.COMPLAINT and result.unsure is unsure
    assert result.starts_clock


def test_the_configured_unsure_threshold_overrides_the_models() -> None:
    from helpers.council import REGISTERS, settings

    from bot.app.wiring import load_classifier

    s = settings()
    clf = load_classifier(s, REGISTERS)
    assert isinstance(clf, SpacyClassifier) and clf.unsure_threshold == 0.6  # the model's own
    s.classifier["unsure_threshold"] = 0.8
    clf = load_classifier(s, REGISTERS)
    assert isinstance(clf, SpacyClassifier) and clf.unsure_threshold == 0.8


def test_one_pipe_call_keeps_order() -> None:
    items = [(f"subject {chr(97 + i)}", f"body {chr(97 + i)}") for i in range(10)]
    table = {item: scores(KIND_LABELS[i % 8]) for i, item in enumerate(items)}
    clf = make(table)
    results = clf.classify_texts(iter(items))
    assert [r.kind.value for r in results] == [KIND_LABELS[i % 8] for i in range(10)]
    assert clf.nlp.calls == 1  # type: ignore[attr-defined]


def test_classify_reads_subject_and_text_of_messages() -> None:
    def message(subject: str, text: str | None) -> Message:
        return Message(
            mailbox="officer@exampleton.gov.uk",
            folder=Folder.INBOX,
            message_id=f"<{subject}@x>",
            date=datetime(2026, 11, 23, 10, tzinfo=UTC),
            sender="cllr@exampleton.gov.uk",
            subject=subject,
            text=text,
        )

    table = {
        ("Minutes", "Please send the minutes"): scores("documents"),
        ("Hi", ""): scores("other"),
    }
    clf = make(table)
    results = clf.classify([message("Minutes", "Please send the minutes"), message("Hi", None)])
    assert [r.kind for r in results] == [Kind.DOCUMENTS, Kind.OTHER]


def test_satisfies_the_classifier_port() -> None:
    clf: Classifier = make({})
    assert clf.classify([]) == []


def test_load_without_a_model_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="protocol-bot train"):
        SpacyClassifier.load(tmp_path)


def test_load_reads_thresholds_from_the_model_folder(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(bundled_model_dir(), model)
    (model / "thresholds.json").write_text(
        json.dumps({"concerns": {"pressure": 0.2}, "unsure": 0.75}), encoding="utf-8"
    )
    clf = SpacyClassifier.load(model)
    assert clf.concern_thresholds["pressure"] == 0.2
    assert clf.concern_thresholds["private"] == 0.5
    assert clf.unsure_threshold == 0.75
    (model / "thresholds.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="thresholds.json"):
        SpacyClassifier.load(model)


def test_bundled_model_loads_once_and_classifies() -> None:
    clf = bundled()
    assert bundled() is clf
    settings = json.loads((bundled_model_dir() / "thresholds.json").read_text(encoding="utf-8"))
    assert clf.concern_thresholds == {k: float(v) for k, v in settings["concerns"].items()}
    [result] = clf.classify_texts([("Missed bin", "The bin at 4 Elm Road was missed again.")])
    assert isinstance(result, Classification)
    assert abs(sum(result.scores[k] for k in KIND_LABELS) - 1.0) < 1e-3


def test_importing_the_classifier_does_not_import_spacy() -> None:
    code = "import sys, bot.adapters.nlp.classifier; sys.exit('spacy' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], check=False, cwd=root).returncode == 0


def test_the_bot_gives_the_classifier_its_officers_mail_domains() -> None:
    from dataclasses import replace

    from helpers.council import REGISTERS, settings

    from bot.app.wiring import load_classifier

    officer = Officer("Ciara Boyle", ("ciara.boyle@nmandd.org",), "Planning Officer", "")
    clf = load_classifier(settings(), replace(REGISTERS, officers=(officer,)))
    assert isinstance(clf, SpacyClassifier)
    assert clf.council_domains == frozenset({"nmandd.org"})
    body = (
        "Thanks, noted.\n\n________________________________\n"
        "From: Ciara Boyle <ciara.boyle@nmandd.org>\nSent: 02 November 2026 18:20\n"
        "To: Cllr Jane Smith <jane.smith@gmail.com>\nSubject: Hedge\n\n"
        "Please send me the enforcement file and the complainant's name."
    )
    ours, unknown = (c.scores_texts([("RE: Hedge", body)]) for c in (clf, bundled()))
    assert next(ours) != next(unknown)  # the officer's quoted reply no longer counts
