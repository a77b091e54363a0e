"""``protocol-bot check-config --config FILE``: validate a configuration and its registers.

Exit 0 and a one-line summary when all is well; otherwise bot.cli prints every
problem as ``file:line: [section] key: message`` and exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.config import load_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", required=True, type=Path, metavar="FILE", help="the configuration (TOML)"
    )


def run(args: argparse.Namespace) -> int:
    loaded = load_config(args.config)
    s, r = loaded.settings, loaded.registers
    print(
        f"OK: {s.council.name}, {_n(len(r.members), 'member')} in {_n(len(r.wards), 'ward')},"
        f" {_n(len(r.officers), 'officer')}, {_n(len(s.mailboxes), 'mailbox', 'mailboxes')}"
    )
    return 0


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"
