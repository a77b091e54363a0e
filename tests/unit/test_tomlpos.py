"""bot.tomlpos: the line where a key or table is defined in TOML text."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.tomlpos import TomlPositions, find_line

REPO = Path(__file__).resolve().parents[2]


def lines(text: str) -> TomlPositions:
    tomllib.loads(text)  # the helper is only ever given valid TOML
    return TomlPositions(text)


def test_section_keys_and_headers() -> None:
    text = """\
# a comment
[council]
name = "Exampleton"

[sla]
respond_within_working_days = 2   # trailing comment
"""
    pos = lines(text)
    assert pos.line("council") == 2
    assert pos.line("council", "name") == 3
    assert pos.line("sla") == 5
    assert pos.line("sla", "respond_within_working_days") == 6
    assert pos.line("sla", "nope") is None
    assert pos.nearest("sla", "nope") == 5
    assert pos.nearest("nope", "nope") is None


def test_find_line_one_off() -> None:
    assert find_line("[a]\nb = 1\n", "a", "b") == 2


def test_dotted_headers_and_implicit_tables() -> None:
    text = """\
[sla.kinds.complaint]
track = false

[sla]
respond_within_working_days = 2

[sla.kinds.media]
respond_within_working_days = 1
"""
    pos = lines(text)
    assert pos.line("sla", "kinds", "complaint") == 1
    assert pos.line("sla", "kinds", "complaint", "track") == 2
    # [sla] is implied by line 1 but written on line 4: point at what is written.
    assert pos.line("sla") == 4
    assert pos.line("sla", "kinds") == 1
    assert pos.line("sla", "kinds", "media", "respond_within_working_days") == 8


def test_dotted_keys() -> None:
    text = """\
[sla]
kinds.complaint.track = false
kinds . media . track = true
"""
    pos = lines(text)
    assert pos.line("sla", "kinds", "complaint", "track") == 2
    assert pos.line("sla", "kinds", "complaint") == 2
    assert pos.line("sla", "kinds", "media", "track") == 3


def test_array_of_tables_entries() -> None:
    text = """\
[[pre_election]]
name = "County 2025"
start = "2025-03-24"

[[pre_election]]
name = "Borough 2027"

start = "2027-03-29"
end = "2027-05-06"
"""
    pos = lines(text)
    assert pos.line("pre_election") == 1
    assert pos.line("pre_election", 0) == 1
    assert pos.line("pre_election", 0, "start") == 3
    assert pos.line("pre_election", 1) == 5
    assert pos.line("pre_election", 1, "start") == 8
    assert pos.line("pre_election", 1, "end") == 9
    assert pos.nearest("pre_election", 0, "end") == 1


def test_nested_array_of_tables() -> None:
    text = """\
[[a]]
x = 1
[[a.b]]
y = 2
[[a]]
[[a.b]]
[[a.b]]
y = 3
"""
    pos = lines(text)
    assert pos.line("a", 0, "b", 0, "y") == 4
    assert pos.line("a", 1) == 5
    assert pos.line("a", 1, "b", 1, "y") == 8


def test_inline_tables_and_arrays() -> None:
    text = """\
mailbox = [
  { address = "a@x.gov.uk", type = "folder" },  # first
  { address = "b@x.gov.uk", opts = { port = 993 } },
]
[roles]
press_office = [
    "press@x.gov.uk",
    # a comment inside an array
    "news@x.gov.uk",
]
point = { x = 1, y = { z = 2 } }
"""
    pos = lines(text)
    assert pos.line("mailbox", 0, "type") == 2
    assert pos.line("mailbox", 1, "address") == 3
    assert pos.line("mailbox", 1, "opts", "port") == 3
    assert pos.line("roles", "press_office", 0) == 7
    assert pos.line("roles", "press_office", 1) == 9
    assert pos.line("roles", "point", "y", "z") == 11


def test_quoted_keys() -> None:
    text = """\
["clauses"."out_of_hours"]
"ref" = "5.1"
'text' = "Working hours."
[a."b.c"]
"key with spaces" = 1
"esc\\u0061ped" = 2
"""
    pos = lines(text)
    assert pos.line("clauses", "out_of_hours", "ref") == 2
    assert pos.line("clauses", "out_of_hours", "text") == 3
    assert pos.line("a", "b.c", "key with spaces") == 5
    assert pos.line("a", "b.c", "escaped") == 6


def test_strings_that_look_like_toml_are_skipped() -> None:
    text = '''\
[clauses.private]
text = """
[not_a_table]
fake = 1 \\""" still inside
"""
ref = "# not a comment [x]"
lit = \'\'\'
[also_not]
\'\'\'
after = 1
'''
    pos = lines(text)
    assert pos.line("not_a_table") is None
    assert pos.line("also_not") is None
    assert pos.line("clauses", "private", "ref") == 6
    assert pos.line("clauses", "private", "after") == 10


def test_crlf_and_whitespace_in_headers() -> None:
    text = "[ council ]\r\nname = 'x'\r\n[[ mailbox ]]\r\naddress = 'a@b.uk'\r\n"
    pos = lines(text)
    assert pos.line("council", "name") == 2
    assert pos.line("mailbox", 0, "address") == 4


def test_values_of_every_type() -> None:
    text = """\
a = 2026-12-29
b = 1979-05-27 07:32:00Z
c = 08:30:00
d = -1.5e3
e = true
f = [[1, 2], [3]]
g = 1
"""
    pos = lines(text)
    assert pos.line("f", 1, 0) == 6
    assert pos.line("g") == 7


@pytest.mark.parametrize("name", ["config/example.toml", "config/exampleton/config.toml"])
def test_every_value_of_the_bundled_configs_is_found(name: str) -> None:
    text = (REPO / name).read_text(encoding="utf-8")
    pos = lines(text)

    def walk(node: object, path: tuple[str | int, ...]) -> None:
        if path:
            assert pos.line(*path) is not None, path
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))

    walk(tomllib.loads(text), ())


def test_truncated_text_does_not_raise() -> None:
    pos = TomlPositions('[a]\nb = "unterminated')
    assert pos.line("a") == 1


_keys = st.one_of(
    st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8),
)
_strings = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
_scalars = st.one_of(st.integers(), st.booleans(), _strings)


def _basic(text: str) -> str:
    escaped = re.sub(r'["\\\x00-\x1f\x7f]', lambda m: f"\\u{ord(m.group()):04x}", text)
    return f'"{escaped}"'


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _basic(key)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # A raw multi-line string where TOML allows one, to test skipping its lines.
        plain = not re.search(r'[\x00-\x08\x0b-\x1f\x7f\\]|"""|"$|^\n', value)
        return '"""' + value + '"""' if "\n" in value and plain else _basic(value)
    return str(value)


@given(st.dictionaries(_keys, st.dictionaries(_keys, _scalars, max_size=4), max_size=4))
def test_written_documents_are_located(doc: dict[str, dict[str, object]]) -> None:
    """Write a document, remembering each key's line; the scanner must agree."""
    lines: list[str] = []
    expected: dict[tuple[str | int, ...], int] = {}
    for section, table in doc.items():
        lines.append(f"[{_toml_key(section)}]  # [not.this]")
        expected[(section,)] = len(lines)
        for key, value in table.items():
            expected[(section, key)] = len(lines) + 1
            lines.extend(f"{_toml_key(key)} = {_toml_value(value)}".split("\n"))
    text = "\n".join(lines) + "\n"
    assert tomllib.loads(text) == doc
    pos = TomlPositions(text)
    for path, line in expected.items():
        assert pos.line(*path) == line, (path, text)
