"""The README documents every command, and the CLI help lists them."""

from __future__ import annotations

from pathlib import Path

from bot.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_command_is_in_the_readme():
    for name in COMMANDS:
        assert f"protocol-bot {name}" in README, f"README does not document {name!r}"


def test_every_command_has_help():
    help_text = build_parser().format_help()
    for name, (_, summary) in COMMANDS.items():
        assert name in help_text and summary.split()[0] in help_text


def test_readme_test_command_is_what_ci_runs():
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text()
    assert "./run-tests" in README and "./run-tests" in ci
