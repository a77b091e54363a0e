"""Across writers: for each corpus part, train the spaCy model and the baseline on all
the other parts and score both on that part, which neither has seen. This is the
better guide to mail from a council and a writer the model never met (the random test
split shares wording with train). Figures go in nlp_models/MODEL_CARD.md.

    python benchmarks/cross_writer.py [PART ...] [--json FILE]

Each part costs one full training run (minutes); parts run one after another.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

# Measure this working tree's code, whatever copy of the package is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.adapters.nlp import training as T  # noqa: E402
from bot.app.evaluate import baseline_scores  # noqa: E402


def score(held: list[T.Example], scores: list[dict[str, float]], thresholds: dict[str, float]) -> dict:
    kinds, concerns = T.decide(scores, thresholds)
    k = T.kind_report([e.kind for e in held], kinds)
    c = T.concern_report([e.concerns for e in held], concerns)
    return {
        "kind_macro_f1": round(k["macro_f1"], 3),
        "concerns_micro_f1": round(c["micro_f1"], 3),
        "concern_f1": {label: round(c["per_label"][label]["f1"], 3) for label in T.CONCERN_LABELS},
    }


def hold_out(part: Path, raw: Path) -> dict:
    import spacy

    from bot.adapters.nlp.classifier import register_architecture

    with tempfile.TemporaryDirectory(prefix="cross-writer-") as tmp:
        corpus = Path(tmp) / "corpus"
        (corpus / "raw").mkdir(parents=True)
        for other in raw.iterdir():
            if other.suffix in (".jsonl", ".txt") and other != part:
                shutil.copy(other, corpus / "raw" / other.name)
        held = T.read_raw_file(part)
        # train/dev from the other parts; the held-out part is the test
        pool = T.read_raw(corpus)
        splits = T.split_corpus(pool)
        splits["train"] += splits.pop("test")
        splits["test"] = []
        T.write_splits(corpus, splits)
        summary = T.train_model(corpus, Path(tmp) / "model", resplit=False)
        register_architecture()
        nlp = spacy.load(Path(tmp) / "model")
        ours = score(held, T.predict_scores(nlp, held), summary["thresholds"])
        dev_b, held_b = baseline_scores(splits["train"], [splits["dev"], held])
        theirs = score(held, held_b, T.tune_thresholds([e.concerns for e in splits["dev"]], dev_b))
    return {"part": part.stem, "emails": len(held), "spacy": ours, "baseline": theirs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", help="part names (default: every part)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    raw = T.default_corpus_dir() / "raw"
    parts = sorted(p for p in raw.iterdir() if p.suffix in (".jsonl", ".txt"))
    if args.parts:
        parts = [p for p in parts if p.stem in args.parts]
    results = []
    for part in parts:
        r = hold_out(part, raw)
        results.append(r)
        s, b = r["spacy"], r["baseline"]
        print(
            f"{r['part']:8s} {r['emails']:5d}  kind {s['kind_macro_f1']:.3f} (baseline {b['kind_macro_f1']:.3f})"
            f"  concerns {s['concerns_micro_f1']:.3f} ({b['concerns_micro_f1']:.3f})  per concern "
            + " ".join(f"{v:.2f}" for v in s["concern_f1"].values()),
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
