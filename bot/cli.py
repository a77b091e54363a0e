"""The command line: the one place that turns errors into messages and exit codes.

Each subcommand lives in ``bot.app.<module>`` and provides ``add_arguments(parser)``
and ``run(args) -> int``. Modules are imported only when their command runs, so
``protocol-bot classify`` never loads exchangelib and ``check-config`` never loads spaCy.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from bot import __version__
from bot.errors import BotError, ConfigError, UserError

# name -> (module, one-line help). The README documents each; a test checks that.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("bot.app.daemon", "watch the configured mailboxes and calendars until stopped"),
    "demo": ("bot.app.demo", "run the bot over the bundled sample council and explain what it did"),
    "replay": ("bot.app.replay", "shadow mode: replay a mailbox export with a simulated clock"),
    "digest": ("bot.app.digest", "preview a weekly digest from the bot's store, without sending"),
    "check-config": ("bot.app.check_config", "validate a configuration and its registers"),
    "check-connection": (
        "bot.app.check_connection",
        "sign in to Exchange and check what every configured mailbox grants",
    ),
    "classify": ("bot.app.classify", "classify member emails (.eml files or JSON lines on stdin)"),
    "train": ("bot.app.train", "train the member-request classifier from the bundled corpus"),
    "evaluate": ("bot.app.evaluate", "evaluate the classifier against a baseline on the test split"),
}

EXIT_USER_ERROR = 2
EXIT_FAILURE = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="protocol-bot",
        description="Helps council officers keep the member/officer relations protocol.",
    )
    parser.add_argument("--version", action="version", version=f"protocol-bot {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module_name)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a command whose module is not built yet
            if exc.name != module_name:
                raise
            p.set_defaults(_missing=True)
            continue
        module.add_arguments(p)
    return parser


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2) if verbosity else logging.INFO
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_missing", False):
        print(f"protocol-bot: '{args.command}' is not available in this build", file=sys.stderr)
        return EXIT_FAILURE
    configure_logging(args.verbose)
    module = importlib.import_module(args._module)
    try:
        return int(module.run(args) or 0)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        n = len(exc.problems)
        print(f"protocol-bot: {n} problem{'s' if n != 1 else ''} found", file=sys.stderr)
        return EXIT_USER_ERROR
    except UserError as exc:
        print(f"protocol-bot: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BotError as exc:
        print(f"protocol-bot: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
