"""Training the member-request classifier: corpus split, DocBins, spaCy training, thresholds.

The corpus is JSON lines ``{"id","subject","body","kind","concerns":[...],"meta":{...}}``
under ``CORPUS/raw/``. ``split_corpus`` writes ``CORPUS/{train,dev,test}.jsonl``
(deterministic, stratified by kind). ``train_model`` trains the kind ``textcat`` and the
concern ``textcat_multilabel`` from ``nlp_models/config.cfg`` one after the other (an
exclusive textcat refuses examples with a second positive cat, and every concern is a
second positive), joins them into one pipeline, tunes concern thresholds on dev and
writes only what loading needs.

spaCy is imported inside the functions so importing this module stays cheap.
"""

from __future__ import annotations

import io
import json
import logging
import random
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.adapters.nlp.architecture import fit_idf
from bot.adapters.nlp.architecture import register as register_architecture
from bot.adapters.nlp.classifier import DEFAULT_UNSURE  # one default, written and read
from bot.adapters.nlp.textprep import model_text
from bot.errors import UserError
from bot.model.classification import Concern, Kind

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

SEED = 20261123
SPLITS = ("train", "dev", "test")
SPLIT_SHARES = (0.70, 0.15, 0.15)
KIND_LABELS: tuple[str, ...] = tuple(k.value for k in Kind)
CONCERN_LABELS: tuple[str, ...] = tuple(c.value for c in Concern)
THRESHOLDS_FILE = "thresholds.json"
HELDOUT_FOLDER = "heldout"
KIND_COMPONENT = "textcat"
CONCERN_COMPONENT = "textcat_multilabel"
# config.cfg has one [training] block for both components; these settings differ, and
# apply over it. The kind (eight common labels) fits best with a lighter L2 penalty
# than the rare concern labels (chosen on dev, MODEL_CARD.md).
COMPONENT_SETTINGS: dict[str, dict[str, Any]] = {
    KIND_COMPONENT: {"training.optimizer.L2": 0.00003},
    CONCERN_COMPONENT: {},
}


def package_dir() -> Path:
    """The ``nlp_models`` folder of the installed package (a real directory)."""
    from importlib.resources import files

    root = files("nlp_models")
    if not isinstance(root, Path):  # zipped installs are not supported: spaCy needs files
        raise UserError("nlp_models must be installed as files, not inside a zip archive")
    return root


def default_corpus_dir() -> Path:
    return package_dir() / "corpus"


def default_model_dir() -> Path:
    return package_dir() / "member_requests"


def default_config_path() -> Path:
    return package_dir() / "config.cfg"


# --- corpus -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    subject: str
    body: str
    kind: str
    concerns: tuple[str, ...]


def read_jsonl(path: Path) -> list[Example]:
    """Read a corpus file, naming the file and line of anything malformed."""
    examples: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
                kind = row["kind"]
                concerns = tuple(row.get("concerns") or ())
                example = Example(
                    id=str(row["id"]),
                    subject=str(row.get("subject") or ""),
                    body=str(row.get("body") or ""),
                    kind=kind,
                    concerns=tuple(sorted(set(concerns))),
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise UserError(f"{where}: not a corpus record ({exc})") from exc
            if kind not in KIND_LABELS:
                raise UserError(f"{where}: unknown kind {kind!r}")
            unknown = [c for c in example.concerns if c not in CONCERN_LABELS]
            if unknown:
                raise UserError(f"{where}: unknown concern {unknown[0]!r}")
            examples.append(example)
    return examples


def read_raw_file(path: Path) -> list[Example]:
    """One raw corpus file, JSON lines or hand-written text."""
    return read_jsonl(path) if path.suffix == ".jsonl" else read_text_examples(path)


def read_text_examples(path: Path) -> list[Example]:
    """A hand-written corpus file (bot.adapters.nlp.corpus_text) as examples."""
    from bot.adapters.nlp.corpus_text import read_text_corpus

    return [
        Example(str(r["id"]), str(r["subject"]), str(r["body"]), str(r["kind"]),
                tuple(r["concerns"]))  # type: ignore[arg-type]
        for r in read_text_corpus(path)
    ]  # fmt: skip


def write_jsonl(path: Path, examples: Iterable[Example]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for ex in examples:
            row = {
                "id": ex.id,
                "subject": ex.subject,
                "body": ex.body,
                "kind": ex.kind,
                "concerns": list(ex.concerns),
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_raw(corpus_dir: Path) -> list[Example]:
    """Every ``raw/*.jsonl`` and hand-written ``raw/*.txt`` file (see corpus_text), ids
    made unique per file, exact duplicates dropped (a duplicate across splits would
    flatter the test scores)."""
    return _read_folder(corpus_dir / "raw", seen_text=set())


def read_heldout(corpus_dir: Path) -> list[Example]:
    """The held-out writers' emails (``heldout/*.txt``, ``*.jsonl``). Training never
    reads them and nothing is tuned on them: they stand in for mail from a writer and a
    council the model never met. An email that also appears in ``raw/`` is dropped."""
    seen = {_text_key(ex) for ex in read_raw(corpus_dir)}
    return _read_folder(corpus_dir / HELDOUT_FOLDER, seen_text=seen)


def _text_key(ex: Example) -> tuple[str, str]:
    return (ex.subject.strip().lower(), " ".join(ex.body.split()).lower())


def _read_folder(folder: Path, seen_text: set[tuple[str, str]]) -> list[Example]:
    files = sorted([*folder.glob("*.jsonl"), *folder.glob("*.txt")], key=lambda p: p.name)
    if not files:
        raise UserError(f"no corpus files (*.jsonl, *.txt) in {folder}")
    seen_id: set[str] = set()
    out: list[Example] = []
    for path in files:
        for ex in read_raw_file(path):
            key = _text_key(ex)
            if key in seen_text:
                continue
            seen_text.add(key)
            if ex.id in seen_id:
                ex = Example(f"{path.stem}:{ex.id}", ex.subject, ex.body, ex.kind, ex.concerns)
            seen_id.add(ex.id)
            out.append(ex)
    return out


def split_corpus(examples: Sequence[Example], seed: int = SEED) -> dict[str, list[Example]]:
    """70/15/15 per kind, so every split has every kind in proportion. The order of the
    input does not matter: each kind's examples are sorted by id before the seeded shuffle."""
    by_kind: dict[str, list[Example]] = defaultdict(list)
    for ex in examples:
        by_kind[ex.kind].append(ex)
    rng = random.Random(seed)
    out: dict[str, list[Example]] = {name: [] for name in SPLITS}
    for kind in KIND_LABELS:
        group = sorted(by_kind.get(kind, []), key=lambda e: e.id)
        rng.shuffle(group)
        n = len(group)
        n_dev = round(n * SPLIT_SHARES[1])
        n_test = round(n * SPLIT_SHARES[2])
        n_train = n - n_dev - n_test
        out["train"].extend(group[:n_train])
        out["dev"].extend(group[n_train : n_train + n_dev])
        out["test"].extend(group[n_train + n_dev :])
    for name in SPLITS:
        out[name].sort(key=lambda e: e.id)
    return out


def write_splits(corpus_dir: Path, splits: dict[str, list[Example]]) -> None:
    for name in SPLITS:
        write_jsonl(corpus_dir / f"{name}.jsonl", splits[name])


def read_splits(corpus_dir: Path) -> dict[str, list[Example]]:
    out = {}
    for name in SPLITS:
        path = corpus_dir / f"{name}.jsonl"
        if not path.exists():
            raise UserError(f"{path} is missing: run 'protocol-bot train' to split the corpus")
        out[name] = read_jsonl(path)
    return out


def corpus_stats(splits: dict[str, list[Example]]) -> dict[str, Any]:
    stats: dict[str, Any] = {}
    for name, examples in splits.items():
        kinds = Counter(ex.kind for ex in examples)
        concerns = Counter(c for ex in examples for c in ex.concerns)
        stats[name] = {
            "emails": len(examples),
            "kind": {k: kinds.get(k, 0) for k in KIND_LABELS},
            "concerns": {c: concerns.get(c, 0) for c in CONCERN_LABELS},
        }
    return stats


# --- metrics (shared with `protocol-bot evaluate`) ---------------------------------


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def kind_report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    pairs = list(zip(gold, pred, strict=True))
    per: dict[str, dict[str, float]] = {}
    for label in KIND_LABELS:
        tp = sum(1 for g, y in pairs if g == label and y == label)
        fp = sum(1 for g, y in pairs if g != label and y == label)
        fn = sum(1 for g, y in pairs if g == label and y != label)
        precision, recall, f1 = prf(tp, fp, fn)
        per[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    # Macro over the labels seen in gold or predictions (as scikit-learn does).
    present = [label for label in KIND_LABELS if label in set(gold) | set(pred)]
    macro = sum(per[label]["f1"] for label in present) / len(present) if present else 0.0
    accuracy = sum(1 for g, y in pairs if g == y) / max(len(pairs), 1)
    confusion = {g: {y: 0 for y in KIND_LABELS} for g in KIND_LABELS}
    for g, y in pairs:
        confusion[g][y] += 1
    return {"per_label": per, "macro_f1": macro, "accuracy": accuracy, "confusion": confusion}


def concern_report(gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]]) -> dict[str, Any]:
    gold_sets = [set(g) for g in gold]
    pred_sets = [set(p) for p in pred]
    per: dict[str, dict[str, float]] = {}
    tp_all = fp_all = fn_all = 0
    for label in CONCERN_LABELS:
        tp = sum(1 for g, p in zip(gold_sets, pred_sets, strict=True) if label in g & p)
        fp = sum(1 for g, p in zip(gold_sets, pred_sets, strict=True) if label in p - g)
        fn = sum(1 for g, p in zip(gold_sets, pred_sets, strict=True) if label in g - p)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        p, r, f = prf(tp, fp, fn)
        per[label] = {"precision": p, "recall": r, "f1": f, "support": tp + fn}
    micro = prf(tp_all, fp_all, fn_all)
    return {
        "per_label": per,
        "micro_precision": micro[0],
        "micro_recall": micro[1],
        "micro_f1": micro[2],
    }


def decide(
    scores: Sequence[dict[str, float]], thresholds: dict[str, float]
) -> tuple[list[str], list[list[str]]]:
    """Labels from scores: the top kind, and each concern at or above its cut-off."""
    kinds = [max(KIND_LABELS, key=lambda label: s.get(label, 0.0)) for s in scores]
    concerns = [[c for c in CONCERN_LABELS if s.get(c, 0.0) >= thresholds[c]] for s in scores]
    return kinds, concerns


def tune_thresholds(
    gold: Sequence[Iterable[str]], scores: Sequence[dict[str, float]]
) -> dict[str, float]:
    """Per concern, the cut-off that maximises F1 on the given (dev) data. Where several
    cut-offs tie (a wide plateau, common when dev shares wording with train), take the
    lowest: another writer's phrasing scores lower, and a missed concern is the costlier
    error. A concern without dev positives keeps 0.5."""
    gold_sets = [set(g) for g in gold]
    grid = [round(0.05 + 0.01 * i, 2) for i in range(91)]
    out: dict[str, float] = {}
    for label in CONCERN_LABELS:
        truth = [label in g for g in gold_sets]
        values = [s.get(label, 0.0) for s in scores]
        if not any(truth):
            out[label] = 0.5
            continue
        best_f, best_t = -1.0, 0.5
        for t in grid:
            tp = sum(1 for y, v in zip(truth, values, strict=True) if y and v >= t)
            fp = sum(1 for y, v in zip(truth, values, strict=True) if not y and v >= t)
            fn = sum(1 for y, v in zip(truth, values, strict=True) if y and v < t)
            f = prf(tp, fp, fn)[2]
            if f > best_f:  # strict: the first (lowest) cut-off of a plateau wins
                best_f, best_t = f, t
        out[label] = best_t
    return out


# --- training ------------------------------------------------------------------------


def _docbin(nlp: Language, examples: Sequence[Example], labels: Sequence[str], path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for ex, text in zip(examples, _texts(examples), strict=True):
        doc = nlp.make_doc(text)
        if labels is KIND_LABELS:
            doc.cats = {label: float(label == ex.kind) for label in labels}
            db.add(doc)
        else:
            doc.cats = {label: float(label in ex.concerns) for label in labels}
            db.add(doc)
    db.to_disk(path)


def _texts(examples: Iterable[Example]) -> Iterable[str]:
    return (model_text(ex.subject, ex.body) for ex in examples)


def _train_component(
    config_path: Path,
    component: str,
    splits: dict[str, list[Example]],
    workdir: Path,
    overrides: dict[str, Any] | None = None,
) -> Language:
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train
    from spacy.util import load_config

    register_architecture()
    labels = KIND_LABELS if component == KIND_COMPONENT else CONCERN_LABELS
    blank = spacy.blank("en")
    train_path, dev_path = workdir / f"{component}-train.spacy", workdir / f"{component}-dev.spacy"
    _docbin(blank, splits["train"], labels, train_path)
    _docbin(blank, splits["dev"], labels, dev_path)
    weights = (
        {"cats_macro_f": 1.0, "cats_micro_f": 0.0}
        if component == KIND_COMPONENT
        else {"cats_macro_f": 0.0, "cats_micro_f": 1.0}
    )
    config = load_config(
        config_path,
        overrides={
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "nlp.pipeline": [component],
            "training.score_weights": weights,
            **COMPONENT_SETTINGS[component],
            **(overrides or {}),
        },
        interpolate=False,
    )
    # Drop the other component's blocks: this run builds one component only.
    for section in ("components", "initialize"):
        block = config[section] if section == "components" else config[section]["components"]
        for name in list(block):
            if name != component:
                del block[name]
    nlp = init_nlp(config, use_gpu=-1)
    _fit_idf(nlp, component, splits["train"])
    out = workdir / component
    out.mkdir()
    log_stream = io.StringIO()
    train(nlp, out, stdout=log_stream, stderr=log_stream)
    log.debug("%s training log:\n%s", component, log_stream.getvalue())
    return spacy.load(out / "model-best")


def _fit_idf(nlp: Language, component: str, examples: Sequence[Example]) -> None:
    """Fit the component's idf table on the training split (other architectures have none)."""
    model = nlp.get_pipe(component).model  # type: ignore[attr-defined]
    if model.has_ref("tfidf"):
        fit_idf(model, [nlp.make_doc(text) for text in _texts(examples)])


def predict_scores(nlp: Language, examples: Sequence[Example]) -> list[dict[str, float]]:
    return [dict(doc.cats) for doc in nlp.pipe(_texts(examples), batch_size=256)]


def train_model(
    corpus_dir: Path,
    output_dir: Path,
    *,
    config_path: Path | None = None,
    resplit: bool = True,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train and write the model to ``output_dir``; returns a summary (counts, dev scores)."""
    import spacy
    from spacy.util import fix_random_seed

    if resplit and (corpus_dir / "raw").is_dir():
        splits = split_corpus(read_raw(corpus_dir))
        write_splits(corpus_dir, splits)
    else:
        splits = read_splits(corpus_dir)
    for name in ("train", "dev"):
        if not splits[name]:
            raise UserError(f"the {name} split of {corpus_dir} is empty")
    config_path = config_path or default_config_path()
    # spaCy logs each setup step at INFO through its own handler: noise for a CLI run.
    spacy_log = logging.getLogger("spacy")
    if not log.isEnabledFor(logging.DEBUG):
        spacy_log.setLevel(logging.WARNING)
    fix_random_seed(SEED)
    with tempfile.TemporaryDirectory(prefix="protocol-bot-train-") as tmp:
        work = Path(tmp)
        kind_nlp = _train_component(config_path, KIND_COMPONENT, splits, work, overrides)
        concern_nlp = _train_component(config_path, CONCERN_COMPONENT, splits, work, overrides)
        nlp = spacy.blank("en")
        nlp.add_pipe(KIND_COMPONENT, source=kind_nlp)
        nlp.add_pipe(CONCERN_COMPONENT, source=concern_nlp)

    dev_scores = predict_scores(nlp, splits["dev"])
    thresholds = tune_thresholds([ex.concerns for ex in splits["dev"]], dev_scores)
    dev_kinds, dev_concern_sets = decide(dev_scores, thresholds)
    dev_kind = kind_report([ex.kind for ex in splits["dev"]], dev_kinds)
    dev_concerns = concern_report([ex.concerns for ex in splits["dev"]], dev_concern_sets)
    stats = corpus_stats(splits)
    nlp.meta.update(
        {
            "name": "member_requests",
            "version": "0.1.0",
            "description": "protocol-bot member-request classifier (kind + concerns)",
            "license": "MIT",
            "author": "protocol-bot",
            "performance": {
                "dev_kind_macro_f1": round(dev_kind["macro_f1"], 4),
                "dev_concerns_micro_f1": round(dev_concerns["micro_f1"], 4),
            },
            "protocol_bot": {"seed": SEED, "corpus": stats},
        }
    )
    if output_dir.exists():
        shutil.rmtree(output_dir)
    # A fresh blank pipeline holds the sourced components, so no optimizer state,
    # checkpoints or DocBins end up in the shipped folder.
    nlp.to_disk(output_dir)
    (output_dir / THRESHOLDS_FILE).write_text(
        json.dumps({"concerns": thresholds, "unsure": DEFAULT_UNSURE, "seed": SEED}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    return {
        "corpus": stats,
        "thresholds": thresholds,
        "dev_kind_macro_f1": dev_kind["macro_f1"],
        "dev_concerns_micro_f1": dev_concerns["micro_f1"],
    }
