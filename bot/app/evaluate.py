"""``protocol-bot evaluate [--model DIR] [--split test|dev|heldout] [--json FILE]``.

Scores the spaCy model on a split of the bundled corpus, side by side with a
scikit-learn baseline (TF-IDF word 1-2-grams + logistic regression; one-vs-rest for
concerns) trained on the same train split in the same run, its concern thresholds tuned
on dev exactly as the model's are. Thresholds never see the test split.
``heldout`` scores the held-out writers (``corpus/heldout/``), whose emails neither
model trains on: the nearest thing here to mail from a council the model never met.
scikit-learn is a dev extra, imported only here.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model", type=Path, default=None, metavar="DIR", help="model folder (default: bundled)"
    )
    parser.add_argument(
        "--split", choices=("test", "dev", "heldout"), default="test",
        help="split to score (default: test; heldout: the writers kept out of training)",
    )  # fmt: skip
    parser.add_argument(
        "--corpus", type=Path, default=None, metavar="DIR",
        help="corpus folder with train/dev/test.jsonl (default: bundled)",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="write scores")


def baseline_scores(
    train: Sequence[Any], targets: Sequence[Sequence[Any]]
) -> list[list[dict[str, float]]]:
    """Fit the TF-IDF + logistic-regression baseline on ``train``; return per-email score
    dicts (kinds and concerns) for each list in ``targets``."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.preprocessing import MultiLabelBinarizer
    except ImportError as exc:
        from bot.errors import UserError

        raise UserError(
            "evaluate needs scikit-learn for its baseline: pip install protocol-bot[dev]"
        ) from exc
    from bot.adapters.nlp.textprep import model_text
    from bot.adapters.nlp.training import CONCERN_LABELS, SEED

    def texts(examples: Sequence[Any]) -> list[str]:
        return [model_text(ex.subject, ex.body) for ex in examples]

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vectorizer.fit_transform(texts(train))
    kind_model = LogisticRegression(C=10.0, max_iter=2000, random_state=SEED)
    kind_model.fit(x_train, [ex.kind for ex in train])
    binarizer = MultiLabelBinarizer(classes=list(CONCERN_LABELS))
    y_concerns = binarizer.fit_transform([ex.concerns for ex in train])
    concern_model = OneVsRestClassifier(
        LogisticRegression(C=10.0, max_iter=2000, random_state=SEED, class_weight="balanced")
    )
    concern_model.fit(x_train, y_concerns)
    out = []
    for examples in targets:
        x = vectorizer.transform(texts(examples))
        kind_p = kind_model.predict_proba(x)
        concern_p = concern_model.predict_proba(x)
        rows = []
        for i in range(len(examples)):
            row = {str(label): float(kind_p[i][j]) for j, label in enumerate(kind_model.classes_)}
            row.update({label: float(concern_p[i][j]) for j, label in enumerate(CONCERN_LABELS)})
            rows.append(row)
        out.append(rows)
    return out


def evaluate(
    model_dir: Path | None, corpus_dir: Path, split: str = "test"
) -> dict[str, dict[str, Any]]:
    """Reports for the spaCy model and the baseline on ``split``."""
    from bot.adapters.nlp import training
    from bot.adapters.nlp.classifier import SpacyClassifier

    splits = training.read_splits(corpus_dir)
    target = training.read_heldout(corpus_dir) if split == "heldout" else splits[split]
    if not target:
        from bot.errors import UserError

        raise UserError(f"the {split} split of {corpus_dir} is empty")
    gold_kinds = [ex.kind for ex in target]
    gold_concerns = [ex.concerns for ex in target]

    classifier = SpacyClassifier.load(model_dir)
    spacy_scores = list(classifier.scores_texts((ex.subject, ex.body) for ex in target))
    kinds, concerns = training.decide(spacy_scores, classifier.concern_thresholds)
    reports: dict[str, dict[str, Any]] = {
        "spacy": {
            "kind": training.kind_report(gold_kinds, kinds),
            "concerns": training.concern_report(gold_concerns, concerns),
            "thresholds": classifier.concern_thresholds,
        }
    }

    dev_scores, target_scores = baseline_scores(splits["train"], [splits["dev"], target])
    thresholds = training.tune_thresholds([ex.concerns for ex in splits["dev"]], dev_scores)
    kinds, concerns = training.decide(target_scores, thresholds)
    reports["baseline"] = {
        "kind": training.kind_report(gold_kinds, kinds),
        "concerns": training.concern_report(gold_concerns, concerns),
        "thresholds": thresholds,
    }
    reports["split"] = {"name": split, "emails": len(target)}
    return reports


def format_report(reports: dict[str, dict[str, Any]]) -> str:
    from bot.adapters.nlp.training import CONCERN_LABELS, KIND_LABELS

    s, b = reports["spacy"], reports["baseline"]
    split = reports["split"]
    lines = [f"split: {split['name']} ({split['emails']} emails)", ""]
    header = f"{'label':<16}{'support':>8}  {'spaCy P/R/F1':<22}{'baseline P/R/F1':<22}"

    def row(label: str, sp: dict[str, float], bp: dict[str, float]) -> str:
        def prf(d: dict[str, float]) -> str:
            return f"{d['precision']:.3f}/{d['recall']:.3f}/{d['f1']:.3f}"

        return f"{label:<16}{int(sp['support']):>8}  {prf(sp):<22}{prf(bp):<22}"

    lines += ["kind", header]
    lines += [row(k, s["kind"]["per_label"][k], b["kind"]["per_label"][k]) for k in KIND_LABELS]
    lines += ["", "concerns", header]
    lines += [
        row(c, s["concerns"]["per_label"][c], b["concerns"]["per_label"][c]) for c in CONCERN_LABELS
    ]
    lines += [
        "",
        f"{'summary':<26}{'spaCy':>8}{'baseline':>10}",
        f"{'kind macro-F1':<26}{s['kind']['macro_f1']:>8.4f}{b['kind']['macro_f1']:>10.4f}",
        f"{'kind accuracy':<26}{s['kind']['accuracy']:>8.4f}{b['kind']['accuracy']:>10.4f}",
        f"{'concerns micro-F1':<26}{s['concerns']['micro_f1']:>8.4f}"
        f"{b['concerns']['micro_f1']:>10.4f}",
        "",
        "spaCy kind confusion (rows gold, columns predicted)",
    ]
    short = [k[:5] for k in KIND_LABELS]
    lines.append(f"{'':<13}" + "".join(f"{k:>7}" for k in short))
    for gold in KIND_LABELS:
        counts = s["kind"]["confusion"][gold]
        lines.append(f"{gold:<13}" + "".join(f"{counts[p]:>7}" for p in KIND_LABELS))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from bot.adapters.nlp import training
    from bot.errors import UserError

    corpus = args.corpus or training.default_corpus_dir()
    if not corpus.is_dir():
        raise UserError(f"corpus folder {corpus} does not exist")
    reports = evaluate(args.model, corpus, args.split)
    print(format_report(reports))
    if args.json:
        try:
            args.json.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.json}: {exc.strerror or exc}") from exc
    return 0
