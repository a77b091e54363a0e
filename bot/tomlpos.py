"""Line numbers of keys and tables in TOML source text.

``tomllib`` reports lines only for syntax errors, yet a configuration problem
should name the line to fix. This module scans text that ``tomllib`` has
already accepted and records, for every key path, the line where it is defined:

    [sla.kinds.complaint]        ("sla", "kinds", "complaint") -> that line
    track = false                ("sla", "kinds", "complaint", "track")
    [[pre_election]]             ("pre_election", 0), the first entry
    start = "2027-03-29"         ("pre_election", 0, "start")

Dotted keys, quoted keys, inline tables and arrays (elements are indexed) are
followed; comments and multi-line strings are skipped. The scanner trusts its
input to be valid TOML and never raises on anything else: at worst a key is
not found and the caller falls back to an enclosing table.
"""

from __future__ import annotations

import bisect
import contextlib
import re

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
# A scalar value (number, boolean, date, time) ends at any of these.
_SCALAR_END = frozenset(",]}#\n\r")


class TomlPositions:
    """Key path -> 1-based line of its definition, for one TOML document."""

    def __init__(self, text: str):
        self._text = text
        self._newlines = [i for i, c in enumerate(text) if c == "\n"]
        self._lines: dict[KeyPath, int] = {}
        # Tables created only as a prefix (``[a.b]`` creates ``a``): an explicit
        # definition found later is the better line to point at.
        self._implicit: set[KeyPath] = set()
        self._aot_len: dict[KeyPath, int] = {}  # array-of-tables path -> entries so far
        self._i = 0
        with contextlib.suppress(IndexError):  # truncated input: keep what was found
            self._document()

    def line(self, *path: str | int) -> int | None:
        """The line defining exactly ``path``, or None."""
        return self._lines.get(tuple(path))

    def nearest(self, *path: str | int) -> int | None:
        """The line of ``path`` or else of its closest enclosing table that is
        written in the text; None when not even the first part is there."""
        p: KeyPath = tuple(path)
        while p:
            if p in self._lines:
                return self._lines[p]
            p = p[:-1]
        return None

    def paths(self) -> dict[KeyPath, int]:
        return dict(self._lines)

    # -- recording ----------------------------------------------------------

    def _lineno(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def _record(self, path: KeyPath, offset: int, *, implicit: bool = False) -> None:
        if path not in self._lines or (path in self._implicit and not implicit):
            self._lines[path] = self._lineno(offset)
            if implicit:
                self._implicit.add(path)
            else:
                self._implicit.discard(path)

    def _resolve(self, parts: list[str], offset: int) -> KeyPath:
        """A header's key parts as a path, stepping into the latest entry of
        each array of tables on the way (``[[a.b]]`` inside the last ``[[a]]``)."""
        path: KeyPath = ()
        for part in parts:
            path += (part,)
            self._record(path, offset, implicit=True)
            if path in self._aot_len:
                path += (self._aot_len[path] - 1,)
        return path

    # -- scanning -----------------------------------------------------------

    def _peek(self, n: int = 1) -> str:
        return self._text[self._i : self._i + n]

    def _skip_ws(self) -> None:
        while self._i < len(self._text) and self._text[self._i] in " \t":
            self._i += 1

    def _skip_ws_comments_newlines(self) -> None:
        text = self._text
        while self._i < len(text):
            c = text[self._i]
            if c in " \t\r\n":
                self._i += 1
            elif c == "#":
                self._skip_to_eol()
            else:
                return

    def _skip_to_eol(self) -> None:
        end = self._text.find("\n", self._i)
        self._i = len(self._text) if end < 0 else end + 1

    def _document(self) -> None:
        table: KeyPath = ()
        while True:
            self._skip_ws_comments_newlines()
            if self._i >= len(self._text):
                return
            start = self._i
            if self._peek(2) == "[[":
                self._i += 2
                parts = self._key()
                self._i += 2  # "]]"
                aot = self._resolve(parts[:-1], start) + (parts[-1],)
                self._record(aot, start)
                index = self._aot_len.get(aot, 0)
                self._aot_len[aot] = index + 1
                table = aot + (index,)
                self._record(table, start)
            elif self._peek() == "[":
                self._i += 1
                parts = self._key()
                self._i += 1  # "]"
                table = self._resolve(parts[:-1], start) + (parts[-1],)
                self._record(table, start)
            else:
                self._keyval(table)
            self._skip_to_eol()

    def _keyval(self, table: KeyPath) -> None:
        start = self._i
        parts = self._key()
        for n in range(1, len(parts)):
            self._record(table + tuple(parts[:n]), start, implicit=True)
        path = table + tuple(parts)
        self._record(path, start)
        self._skip_ws()
        self._i += 1  # "="
        self._skip_ws()
        self._value(path)

    def _key(self) -> list[str]:
        parts = []
        while True:
            self._skip_ws()
            c = self._peek()
            if c == '"':
                parts.append(self._basic_string())
            elif c == "'":
                parts.append(self._literal_string())
            else:
                m = _BARE_KEY.match(self._text, self._i)
                if not m:
                    return parts or [""]
                parts.append(m.group())
                self._i = m.end()
            self._skip_ws()
            if self._peek() != ".":
                return parts
            self._i += 1

    def _value(self, path: KeyPath) -> None:
        c = self._peek()
        if c == "{":
            self._inline_table(path)
        elif c == "[":
            self._array(path)
        elif self._peek(3) in ('"""', "'''"):
            self._multiline_string()
        elif c == '"':
            self._basic_string()
        elif c == "'":
            self._literal_string()
        else:
            text = self._text
            while self._i < len(text) and text[self._i] not in _SCALAR_END:
                self._i += 1

    def _inline_table(self, path: KeyPath) -> None:
        self._i += 1  # "{"
        while True:
            self._skip_ws_comments_newlines()
            c = self._peek()
            if c in ("}", ""):
                self._i += 1
                return
            if c == ",":
                self._i += 1
                continue
            self._keyval(path)

    def _array(self, path: KeyPath) -> None:
        self._i += 1  # "["
        index = 0
        while True:
            self._skip_ws_comments_newlines()
            c = self._peek()
            if c in ("]", ""):
                self._i += 1
                return
            if c == ",":
                self._i += 1
                index += 1
                continue
            self._record(path + (index,), self._i)
            self._value(path + (index,))

    def _basic_string(self) -> str:
        text = self._text
        self._i += 1  # opening quote
        out = []
        while self._i < len(text):
            c = text[self._i]
            if c == '"':
                self._i += 1
                break
            if c == "\\":
                esc = text[self._i + 1]
                if esc in ("u", "U"):
                    width = 4 if esc == "u" else 8
                    out.append(chr(int(text[self._i + 2 : self._i + 2 + width], 16)))
                    self._i += 2 + width
                    continue
                out.append(_ESCAPES.get(esc, esc))
                self._i += 2
                continue
            out.append(c)
            self._i += 1
        return "".join(out)

    def _literal_string(self) -> str:
        end = self._text.find("'", self._i + 1)
        end = len(self._text) if end < 0 else end
        value = self._text[self._i + 1 : end]
        self._i = end + 1
        return value

    def _multiline_string(self) -> None:
        delim = self._peek(3)
        text = self._text
        i = self._i + 3
        while True:
            j = text.find(delim, i)
            if j < 0:
                self._i = len(text)
                return
            if delim == '"""':
                # A quote preceded by an odd run of backslashes is escaped.
                k = j
                while k > i and text[k - 1] == "\\":
                    k -= 1
                if (j - k) % 2:
                    i = j + 1
                    continue
            # Up to two quotes may sit just inside the closing delimiter.
            while text[j + 3 : j + 4] == delim[0]:
                j += 1
            self._i = j + 3
            return


def find_line(text: str, *path: str | int) -> int | None:
    """The line defining ``path`` (``"sla", "respond_within_working_days"`` or
    ``"pre_election", 1, "end"``) in TOML ``text``, or None. One-off use; build a
    :class:`TomlPositions` to ask about many keys."""
    return TomlPositions(text).line(*path)
