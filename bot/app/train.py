"""``protocol-bot train [--corpus DIR] [--output DIR]``: train the member-request classifier.

Splits ``DIR/raw/*.jsonl`` into train/dev/test (deterministic), trains with
``nlp_models/config.cfg``, tunes concern thresholds on dev and writes the model folder.
Same corpus, same config: same model (fixed seeds, CPU only).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        metavar="DIR",
        help="corpus folder with raw/*.jsonl or train/dev/test.jsonl (default: bundled)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the model (default: the bundled nlp_models/member_requests)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="spaCy training config (default: nlp_models/config.cfg)",
    )
    parser.add_argument(
        "--no-split",
        action="store_true",
        help="use the existing train/dev/test.jsonl instead of re-splitting raw/",
    )


def run(args: argparse.Namespace) -> int:
    from bot.adapters.nlp import training
    from bot.errors import UserError

    corpus = args.corpus or training.default_corpus_dir()
    output = args.output or training.default_model_dir()
    if not corpus.is_dir():
        raise UserError(f"corpus folder {corpus} does not exist")
    if args.config is not None and not args.config.is_file():
        raise UserError(f"config file {args.config} does not exist")
    summary = training.train_model(
        corpus, output, config_path=args.config, resplit=not args.no_split
    )
    counts = ", ".join(f"{name} {summary['corpus'][name]['emails']}" for name in training.SPLITS)
    print(f"corpus: {counts}")
    print(
        f"dev kind macro-F1 {summary['dev_kind_macro_f1']:.4f}, "
        f"concerns micro-F1 {summary['dev_concerns_micro_f1']:.4f}"
    )
    thresholds = ", ".join(f"{k} {v:.2f}" for k, v in summary["thresholds"].items())
    print(f"concern thresholds (dev): {thresholds}")
    print(f"model written to {output}")
    return 0
