"""The core stays pure: stdlib and bot.model only, no I/O, no wall clock."""

from __future__ import annotations

import ast
from pathlib import Path

import bot

CORE = Path(bot.__file__).parent / "core"
ALLOWED_STDLIB = {
    "__future__", "dataclasses", "datetime", "enum", "typing", "collections", "heapq",
    "itertools", "re", "statistics", "zoneinfo", "functools", "bisect", "math",
}
CLOCK_CALLS = {"now", "today", "utcnow", "monotonic", "open"}


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_imports_only_stdlib_model_and_core():
    for path in CORE.rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            ok = top in ALLOWED_STDLIB or name.startswith(("bot.model", "bot.core"))
            assert ok, f"{path.relative_to(CORE.parent)} imports {name}"


def test_core_never_reads_the_clock():
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in CLOCK_CALLS, f"{path.name} calls .{node.func.attr}()"


def test_every_contract_rule_is_in_the_engine_table_or_planned():
    from bot.core.engine import RULES
    from bot.model import Rule

    calendar_rules = {Rule.WARD_MEMBERS_NOT_INVITED, Rule.PRESS_RELEASE_WARD_NOTICE, Rule.PRE_ELECTION_PERIOD}
    assert set(Rule) - set(RULES) <= calendar_rules
