"""Classifier speed: model load time and emails/s on one core after load.

Run: ``python benchmarks/bench_classify.py [--model DIR] [--n 5000]``. Emails come from
the bundled corpus (all splits, repeated to ``--n``), so length and clean-up work are
realistic; the figures go into nlp_models/MODEL_CARD.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

# Measure this working tree's code, whatever copy of the package is installed.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# One core, before numpy/thinc load: the requirement is per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

LOAD_SNIPPET = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from bot.adapters.nlp.classifier import SpacyClassifier
c = SpacyClassifier.load(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
print(time.perf_counter() - t0)
"""


def corpus_emails() -> list[tuple[str, str]]:
    from bot.adapters.nlp.training import default_corpus_dir

    corpus = default_corpus_dir()
    emails: list[tuple[str, str]] = []
    for name in ("train", "dev", "test"):
        path = corpus / f"{name}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                emails.append((row["subject"], row["body"]))
    if not emails:
        sys.exit("no corpus splits found: run 'protocol-bot train' first")
    return emails


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    # Load time in fresh processes (includes importing spaCy): best and worst of 3.
    cmd = [sys.executable, "-c", LOAD_SNIPPET] + ([str(args.model)] if args.model else [])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    loads = [float(subprocess.check_output(cmd, text=True, env=env).strip()) for _ in range(3)]

    from bot.adapters.nlp.classifier import SpacyClassifier
    from bot.adapters.nlp.textprep import model_text

    classifier = SpacyClassifier.load(args.model)
    base = corpus_emails()
    emails = [base[i % len(base)] for i in range(args.n)]
    mean_chars = sum(len(s) + len(b) for s, b in emails) / len(emails)
    classifier.classify_texts(emails[:200])  # warm-up

    rates = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        classifier.classify_texts(emails)
        rates.append(len(emails) / (time.perf_counter() - t0))
    t0 = time.perf_counter()
    for subject, body in emails:
        model_text(subject, body)
    prep_rate = len(emails) / (time.perf_counter() - t0)

    print(f"emails: {len(emails)} (mean {mean_chars:.0f} chars subject+body)")
    print(f"load (fresh process, incl. import spacy): {min(loads):.2f}-{max(loads):.2f} s")
    print(
        f"throughput on one core: {max(rates):,.0f} emails/s (best of {args.repeat}), "
        f"worst {min(rates):,.0f}"
    )
    print(f"text preparation alone: {prep_rate:,.0f} emails/s")


if __name__ == "__main__":
    main()
