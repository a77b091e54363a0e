"""Read the council's registers (CSV files) into :mod:`bot.model.registers`.

Every problem is collected, each naming its file and row (the header is line 1),
so one ``check-config`` run lists all there is to fix:

    members.csv:7: [members] email: "bob@" is not an email address
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.errors import Problem
from bot.model.registers import DistributionList, Member, Officer, Registers, Ward

# Deliberately loose: catches typos and missing parts, not every RFC 5322 corner.
_EMAIL = re.compile(r"[^@\s;,<>\"']+@[^@\s;,<>\"'.]+(\.[^@\s;,<>\"'.]+)+")

COLUMNS: dict[str, tuple[str, ...]] = {
    "members": ("name", "email", "ward", "party", "role"),
    "officers": ("name", "email", "role", "manager"),
    "wards": ("ward", "aliases"),
    "lists": ("list", "members"),
}


def is_email(text: str) -> bool:
    return _EMAIL.fullmatch(text) is not None


def split_list(text: str) -> list[str]:
    """``a; b;;c`` -> ``["a", "b", "c"]``: the registers' ';'-separated cells."""
    return [part.strip() for part in text.split(";") if part.strip()]


def suggest(word: str, choices: list[str] | tuple[str, ...], cutoff: float = 0.6) -> str:
    """``; did you mean 'X'?`` for the closest choice, or ``""``."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""


def quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


class MissingFile(Problem):
    """A register file that does not exist. bot.config re-points it at the
    configuration line that names the file, which is where the fix goes."""


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]


class _Reader:
    """One register file: its rows as dicts of the known columns, plus problems."""

    def __init__(self, path: Path, register: str, problems: list[Problem]):
        self.path = path
        self.file = str(path)
        self.register = register
        self.problems = problems
        self.readable = False  # set once the header is read: rows can be trusted

    def problem(self, line: int | None, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, self.register, key, message))

    def rows(self) -> Iterator[_Row]:
        columns = COLUMNS[self.register]
        if not self.path.is_file():
            self.problems.append(MissingFile(self.file, None, self.register, "", "file not found"))
            return
        try:
            # utf-8-sig drops the byte-order mark that Excel writes.
            text = self.path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            self.problem(line, "", "is not UTF-8 text; save it as 'CSV UTF-8'")
            return
        except OSError as exc:
            self.problem(None, "", f"cannot be read: {exc.strerror}")
            return
        reader = csv.reader(io.StringIO(text, newline=""))
        header: list[str] | None = None
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue  # blank lines and rows of empty cells (",,,") from spreadsheets
                if header is None:
                    header = [c.strip().lower() for c in cells]
                    missing = [c for c in columns if c not in header]
                    for col in missing:
                        self.problem(
                            reader.line_num,
                            col,
                            f"missing column; the header must be {','.join(columns)}"
                            + suggest(col, [h for h in header if h not in columns]),
                        )
                    if missing:
                        return
                    self.readable = True
                    continue
                index = {col: header.index(col) for col in columns}
                yield _Row(
                    reader.line_num,
                    {col: cells[i].strip() if i < len(cells) else "" for col, i in index.items()},
                )
        except csv.Error as exc:
            self.problem(reader.line_num, "", f"is not valid CSV: {exc}")
            return
        if header is None:
            self.problem(None, "", f"is empty; the header must be {','.join(columns)}")

    def emails(self, row: _Row, column: str, *, required: bool) -> tuple[str, ...]:
        """The ';'-separated addresses of one cell, lower-cased; bad ones reported."""
        found = []
        for address in split_list(row.cells[column]):
            if is_email(address):
                found.append(address.lower())
            else:
                self.problem(row.line, column, f"{quoted(address)} is not an email address")
        if required and not split_list(row.cells[column]):
            self.problem(row.line, column, "is empty; give at least one email address")
        return tuple(found)

    def required(self, row: _Row, column: str) -> str:
        value = row.cells[column]
        if not value:
            self.problem(row.line, column, "is empty")
        return value


def load_registers(
    members: Path, officers: Path, wards: Path, lists: Path | None = None
) -> tuple[Registers, list[Problem]]:
    """Read and cross-check the registers. Problems come back rather than being
    raised, so the caller can add them to the configuration's own."""
    problems: list[Problem] = []
    ward_reader = _Reader(wards, "wards", problems)
    ward_list = _read_wards(ward_reader)
    owners: dict[str, tuple[Path, int]] = {}  # address -> where it was first used
    member_list = _read_members(
        # Without a readable wards register every member's ward would be reported.
        _Reader(members, "members", problems),
        ward_list if ward_reader.readable else None,
        owners,
    )
    officer_list = _read_officers(_Reader(officers, "officers", problems), owners)
    list_list: list[DistributionList] = []
    if lists is not None:
        list_list = _read_lists(_Reader(lists, "lists", problems), member_list)
    registers = Registers(
        members=tuple(member_list),
        officers=tuple(officer_list),
        wards=tuple(ward_list),
        lists=tuple(list_list),
    )
    return registers, problems


def _read_wards(reader: _Reader) -> list[Ward]:
    wards: list[Ward] = []
    seen: dict[str, int] = {}
    for row in reader.rows():
        name = reader.required(row, "ward")
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            reader.problem(row.line, "ward", f"{quoted(name)} is already on line {seen[key]}")
            continue
        seen[key] = row.line
        wards.append(Ward(name, tuple(split_list(row.cells["aliases"]))))
    return wards


def _claim(
    reader: _Reader, row: _Row, emails: tuple[str, ...], owners: dict[str, tuple[Path, int]]
) -> bool:
    """Record who uses each address; an address may belong to one person only."""
    ok = True
    for address in emails:
        if address in owners:
            path, line = owners[address]
            where = f"line {line}" if path == reader.path else f"{path.name}:{line}"
            reader.problem(row.line, "email", f"{quoted(address)} is already used on {where}")
            ok = False
        else:
            owners[address] = (reader.path, row.line)
    return ok


def _read_members(
    reader: _Reader, wards: list[Ward] | None, owners: dict[str, tuple[Path, int]]
) -> list[Member]:
    by_name = {w.name.casefold(): w.name for w in wards or ()}
    members: list[Member] = []
    for row in reader.rows():
        name = reader.required(row, "name")
        emails = reader.emails(row, "email", required=True)
        ward = reader.required(row, "ward")
        if ward and wards is not None:
            canonical = by_name.get(ward.casefold())
            if canonical is None:
                reader.problem(
                    row.line,
                    "ward",
                    f"{quoted(ward)} is not in the wards register"
                    + suggest(ward, [w.name for w in wards]),
                )
            ward = canonical or ward
        if not _claim(reader, row, emails, owners) or not (name and emails and ward):
            continue
        members.append(Member(name, emails, ward, row.cells["party"], row.cells["role"]))
    return members


def _read_officers(reader: _Reader, owners: dict[str, tuple[Path, int]]) -> list[Officer]:
    officers: list[Officer] = []
    managers: list[tuple[_Row, str]] = []
    known: set[str] = set()  # every officer address, even of rows with problems
    for row in reader.rows():
        name = reader.required(row, "name")
        emails = reader.emails(row, "email", required=True)
        known.update(emails)
        manager = row.cells["manager"].lower()
        if manager and not is_email(manager):
            reader.problem(row.line, "manager", f"{quoted(manager)} is not an email address")
        elif manager:
            managers.append((row, manager))
            if manager in emails:
                reader.problem(row.line, "manager", "an officer cannot be their own manager")
        if not _claim(reader, row, emails, owners) or not (name and emails):
            continue
        officers.append(Officer(name, emails, row.cells["role"], manager))
    # Checked after the whole file is read: a manager may be listed below their staff.
    for row, manager in managers:
        if manager not in known:
            reader.problem(
                row.line,
                "manager",
                f"{quoted(manager)} is not an officer's email in this register"
                # Addresses share their domain, so only a near-miss is worth naming.
                + suggest(manager, sorted(known), cutoff=0.85),
            )
    return officers


def _read_lists(reader: _Reader, members: list[Member]) -> list[DistributionList]:
    member_emails = {e for m in members for e in m.emails}
    lists: list[DistributionList] = []
    seen: dict[str, int] = {}
    for row in reader.rows():
        found = reader.emails(row, "list", required=True)
        reaches = reader.emails(row, "members", required=True)
        if len(found) > 1:
            reader.problem(row.line, "list", "give one list address a row")
        if not found or not reaches:
            continue
        address = found[0]
        if address in seen:
            reader.problem(
                row.line, "list", f"{quoted(address)} is already on line {seen[address]}"
            )
            continue
        if address in member_emails:
            reader.problem(row.line, "list", f"{quoted(address)} is a member's email")
            continue
        seen[address] = row.line
        lists.append(DistributionList(address, reaches))
    return lists
