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


def test_evaluate_heldout_scores_only_emails_training_never_saw(tmp_path: Path) -> None:
    from bot.app.evaluate import evaluate, format_report

    corpus = fixture_corpus(tmp_path)
    training.write_splits(corpus, training.split_corpus(training.read_raw(corpus)))
    seen = training.read_raw(corpus)[0]
    (corpus / "heldout").mkdir()
    (corpus / "heldout" / "part_z.txt").write_text(
        "### z-0001\nkind: other\nconcerns: none\nsubject: thanks\n\n"
        "Thank you all for a lovely evening at the mayor's reception. Much appreciated.\n"
        "### z-0002\nkind: documents\nconcerns: none\nsubject: minutes\n\n"
        "Please could you send me a copy of the minutes of last week's planning committee.\n"
        f"### z-0003\nkind: {seen.kind}\nconcerns: none\nsubject: {seen.subject}\n\n{seen.body}\n",
        encoding="utf-8",
    )
    reports = evaluate(None, corpus, "heldout")
    # the copy of a raw email is dropped
    assert reports["split"] == {"name": "heldout", "emails": 2}
    kind = reports["spacy"]["kind"]
    assert sum(int(kind["per_label"][k]["support"]) for k in training.KIND_LABELS) == 2
    assert kind["accuracy"] == 1.0  # the bundled model reads two plain requests right
    assert format_report(reports).startswith("split: heldout (2 emails)")


def test_evaluate_heldout_without_files_names_the_folder(tmp_path: Path) -> None:
    from bot.app.evaluate import evaluate

    corpus = fixture_corpus(tmp_path)
    training.write_splits(corpus, training.split_corpus(training.read_raw(corpus)))
    with pytest.raises(UserError, match=r"no corpus files .* in .*heldout"):
        evaluate(None, corpus, "heldout")


def test_the_held_out_writers_are_in_no_bundled_split() -> None:
    corpus = training.default_corpus_dir()
    files = sorted((corpus / training.HELDOUT_FOLDER).glob("*.txt"))
    assert files, "the bundled corpus has held-out writers"
    written = [ex for path in files for ex in training.read_raw_file(path)]
    held = training.read_heldout(corpus)
    assert len(held) == len(written)  # none is a copy of a training email
    splits = training.read_splits(corpus)
    used = {(e.subject, e.body) for split in splits.values() for e in split}
    assert not [e.id for e in held if (e.subject, e.body) in used]
