"""Training end to end on the small fixture corpus, plus the corpus split rules."""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.adapters.nlp import training
from bot.adapters.nlp.classifier import SpacyClassifier
from bot.errors import UserError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpus_small.jsonl"


def fixture_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    shutil.copy(FIXTURE, corpus / "raw" / "small.jsonl")
    return corpus


def test_split_is_stratified_deterministic_and_order_free() -> None:
    examples = training.read_jsonl(FIXTURE)
    a = training.split_corpus(examples)
    b = training.split_corpus(list(reversed(examples)))
    assert {k: [e.id for e in v] for k, v in a.items()} == {
        k: [e.id for e in v] for k, v in b.items()
    }
    ids = [e.id for split in a.values() for e in split]
    assert sorted(ids) == sorted(e.id for e in examples)
    total = Counter(e.kind for e in examples)
    for kind, n in total.items():
        got = Counter(e.kind for e in a["test"])[kind]
        assert abs(got - 0.15 * n) <= 1


def test_bad_corpus_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = {"id": "1", "subject": "s", "body": "b", "kind": "other", "concerns": []}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "kind": "gossip"}) + "\n")
    with pytest.raises(UserError, match=r"bad.jsonl:2: unknown kind"):
        training.read_jsonl(path)


def test_threshold_tuning_picks_the_best_cut_off() -> None:
    gold = [["pressure"], [], ["pressure"], []]
    scores = [{"pressure": 0.3}, {"pressure": 0.1}, {"pressure": 0.35}, {"pressure": 0.2}]
    thresholds = training.tune_thresholds(gold, scores)
    assert 0.2 < thresholds["pressure"] <= 0.3
    assert thresholds["private"] == 0.5  # no dev positives: default


@pytest.mark.slow
def test_train_small_corpus_loads_and_beats_chance(tmp_path: Path) -> None:
    corpus = fixture_corpus(tmp_path)
    model = tmp_path / "model"
    summary = training.train_model(corpus, model)
    assert (model / "thresholds.json").is_file()
    assert not list(model.rglob("model-best")) and not list(model.rglob("*.spacy"))
    clf = SpacyClassifier.load(model)
    test = training.read_splits(corpus)["test"]
    results = clf.classify_texts((e.subject, e.body) for e in test)
    accuracy = sum(r.kind.value == e.kind for r, e in zip(results, test, strict=True)) / len(test)
    assert accuracy > 0.5  # chance is 1/8
    assert summary["corpus"]["train"]["emails"] > summary["corpus"]["test"]["emails"]


def test_evaluate_without_scikit_learn_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.app.evaluate import baseline_scores

    monkeypatch.setitem(sys.modules, "sklearn", None)  # makes `import sklearn...` fail
    monkeypatch.setitem(sys.modules, "sklearn.feature_extraction.text", None)
    with pytest.raises(UserError, match=r"pip install protocol-bot\[dev\]"):
        baseline_scores([], [[]])
