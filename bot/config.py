"""Load a configuration file and its registers into :class:`bot.model.settings.Settings`.

One schema (:data:`SCHEMA`) gives every key its type, default and one-line help;
``config/example.toml`` documents the same keys and a test keeps the two in step.
Every problem found is collected and raised together in one
:class:`bot.errors.ConfigError`, each as ``file:line: [section] key: message``.

Secrets never go in the file: a key ending in ``_env`` names an environment
variable and one ending in ``_file`` names a file that holds the secret. They
are kept as names (and ``_file`` paths resolved); the secret itself is read by
the adapter that needs it, so it never reaches Settings, logs or errors.
"""

from __future__ import annotations

import math
import re
import tomllib
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from bot.errors import ConfigError, Problem
from bot.model.action import Rule
from bot.model.classification import Kind
from bot.model.registers import Registers
from bot.model.settings import (
    NATIONS,
    WEEKDAYS,
    BotSettings,
    Clause,
    CouncilSettings,
    DigestSettings,
    MailboxSettings,
    OfficeHours,
    PreElectionPeriod,
    Roles,
    ScrutinySettings,
    ServiceLevel,
    Settings,
    SlaSettings,
    WardNotice,
)
from bot.registers import MissingFile, is_email, load_registers, quoted, suggest
from bot.tomlpos import TomlPositions

DEFAULT_STATE_FILE = "protocol-bot.db"
MAILBOX_TYPES = ("folder", "imap", "ews", "graph")
CALENDAR_TYPES = ("folder", "caldav", "ews", "graph")
OUTBOX_TYPES = ("folder", "smtp", "ews", "graph", "recording")
# Keys that would hold a secret in the file itself; the _env/_file forms are the fix.
_SECRET_KEYS = frozenset(
    {"password", "passwd", "secret", "client_secret", "token", "access_token", "refresh_token"}
    | {"api_key", "apikey", "private_key"}
)
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class RegisterFiles:
    """Where the registers were read from (absolute paths)."""

    members: Path
    officers: Path
    wards: Path
    lists: Path | None = None
    postcodes: Path | None = None  # not read yet; kept for the ward look-up to come


@dataclass(frozen=True)
class LoadedConfig:
    settings: Settings
    registers: Registers
    files: RegisterFiles | None = None


# -- value parsers: each returns the parsed value or raises Invalid ------------


class Invalid(ValueError):
    """A value is wrong; the message says what was expected and what was found."""


def _got(value: Any) -> str:
    if isinstance(value, str):
        return quoted(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"must be text in quotes, got {_got(value)}")
    if not value.strip():
        raise Invalid("must not be empty")
    return value.strip()


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false, got {_got(value)}")
    return value


def _number(minimum: float, *, above: bool = False, whole: bool = False) -> Callable[[Any], Any]:
    what = "a whole number" if whole else "a number"
    bound = f"greater than {minimum:g}" if above else f"of {minimum:g} or more"

    def parse(value: Any) -> Any:
        ok_type = (int,) if whole else (int, float)
        if (
            isinstance(value, bool)
            or not isinstance(value, ok_type)
            or not math.isfinite(value)
            or (value <= minimum if above else value < minimum)
        ):
            raise Invalid(f"must be {what} {bound}, got {_got(value)}")
        return value

    return parse


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise Invalid(f"must be a number from 0 to 1, got {_got(value)}")
    return float(value)


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        hint = suggest(value, options) if isinstance(value, str) else ""
        listed = ", ".join(quoted(o) for o in options)
        raise Invalid(f"must be one of {listed}, got {_got(value)}{hint}")

    return parse


def _email(value: Any) -> str:
    if not isinstance(value, str) or not is_email(value.strip()):
        raise Invalid(f"must be an email address, got {_got(value)}")
    return value.strip().lower()


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid(f'must be a date like "2026-12-29", got {_got(value)}')


def _clock_time(value: Any) -> time:
    if isinstance(value, time) and value.tzinfo is None:
        return value
    if isinstance(value, str) and _HHMM.fullmatch(value.strip()):
        return time.fromisoformat(value.strip())
    raise Invalid(f'must be a time like "08:30" (24-hour HH:MM), got {_got(value)}')


# "mon" as the contract writes it; "Monday" as people do.
_DAY_NAMES = {
    name: i
    for i, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
    for name in (WEEKDAYS[i], full)
}


def _weekday(value: Any) -> int:
    if isinstance(value, str) and value.strip().lower() in _DAY_NAMES:
        return _DAY_NAMES[value.strip().lower()]
    raise Invalid(f"must be a day: {', '.join(WEEKDAYS)}; got {_got(value)}")


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _timezone(value: Any) -> str:
    name = _text(value)
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        hint = suggest(name, _zones()) or "; UK councils use 'Europe/London'"
        raise Invalid(f"{quoted(name)} is not a known time zone{hint}") from None
    return name


def _path(value: Any) -> Path:
    # Relative paths are resolved against the config file's folder by the loader.
    return Path(_text(value)).expanduser()


@dataclass(frozen=True)
class Key:
    """One configuration key: how to read it, its default, and one line of help."""

    parse: Callable[[Any], Any]
    default: Any
    help: str
    required: bool = False
    many: bool = False  # a list of values, each read with ``parse``


def _required(parse: Callable[[Any], Any], help: str, default: Any = "") -> Key:
    return Key(parse, default, help, required=True)


_SLA_KEYS: dict[str, Key] = {
    "acknowledge_within_working_hours": Key(
        _number(0), 4, "acknowledge a member's request if no reply by then; 0 = at once"
    ),
    "respond_within_working_days": Key(
        _number(0, above=True), 2, "a reply is due this many working days after receipt"
    ),
    "remind_before_due_working_hours": Key(
        _number(0), 4, "nudge the officer this many working hours before the reply is due"
    ),
}

# section -> key -> Key. "sla.kinds.*" and "clauses.*" are the shape of each sub-table.
SCHEMA: dict[str, dict[str, Key]] = {
    "council": {
        "name": _required(_text, "the council's name, as the bot's emails give it"),
        "timezone": Key(_timezone, "Europe/London", "an IANA time zone name"),
        "bank_holidays": Key(
            _choice(NATIONS), "england-and-wales", "whose bank holidays are not working days"
        ),
        "closure_days": Key(_date, (), "extra non-working days (ISO dates)", many=True),
        "bank_holidays_file": Key(
            _path, None, "a GOV.UK bank-holidays.json to use instead of the built-in calendar"
        ),
    },
    "office_hours": {
        "days": Key(_weekday, (0, 1, 2, 3, 4), "working days of the week", many=True),
        "start": Key(_clock_time, time(8, 30), "when the working day starts (HH:MM)"),
        "end": Key(_clock_time, time(17, 30), "when the working day ends (HH:MM)"),
    },
    "sla": dict(_SLA_KEYS),
    "sla.kinds.*": {
        **_SLA_KEYS,
        "track": Key(_boolean, True, "false: this kind follows another procedure; no clock"),
    },
    "registers": {
        "members": _required(_path, "CSV: name,email,ward,party,role", None),
        "officers": _required(_path, "CSV: name,email,role,manager", None),
        "wards": _required(_path, "CSV: ward,aliases", None),
        "lists": Key(_path, None, "CSV: list,members (distribution lists, shared mailboxes)"),
        "postcodes": Key(_path, None, "CSV of postcodes to wards (kept for later use)"),
    },
    "roles": {
        "chief_executive": Key(_email, "", "receives escalations that reach the top"),
        "monitoring_officer": Key(_email, "", "told of possible breaches of the protocol"),
        "press_office": Key(_email, (), "addresses of the press office", many=True),
        "democratic_services": Key(_email, "", "supports members; copied on member matters"),
    },
    "ward_notice": {
        "public_meeting_working_days_before": Key(
            _number(0), 10, "ward members hear of a public meeting this long before"
        ),
        "press_release_working_days_before": Key(
            _number(0), 1, "ward members hear of a press release this long before"
        ),
    },
    "pre_election": {
        "name": _required(_text, "what the election is"),
        "start": _required(_date, "first day of the pre-election period", None),
        "end": _required(_date, "last day (inclusive), usually polling day", None),
    },
    "digest": {
        "weekday": Key(_weekday, 0, "day the weekly digest goes out"),
        "time": Key(_clock_time, time(8, 0), "time the weekly digest goes out (HH:MM)"),
        "to": Key(_email, (), "who receives the weekly digest", many=True),
    },
    "bot": {
        "state": Key(_path, None, f"SQLite state file; default {DEFAULT_STATE_FILE} beside this"),
        "retention_days": Key(_number(1, whole=True), 400, "forget handled messages after this"),
        "store_subjects": Key(_boolean, True, "keep subject lines for the digest"),
        "member_daily_cap": Key(
            _number(1, whole=True), 10, "most emails the bot sends one member in a day"
        ),
        "notify_officer_of_blind_copy": Key(_boolean, True, "tell officers about blind copies"),
        "notify_officer_of_concerns": Key(_boolean, True, "tell officers what the classifier saw"),
        "poll_seconds": Key(_number(5, whole=True), 60, "how often the daemon checks mailboxes"),
    },
    "mailbox": {
        "address": _required(_email, "the mailbox's address (its owner)"),
        "type": Key(_choice(MAILBOX_TYPES), "folder", "how to reach it"),
        "path": Key(_path, None, "folder type: directory of the mailbox"),
    },
    "calendar": {
        "address": _required(_email, "the calendar owner's address"),
        "type": Key(_choice(CALENDAR_TYPES), "folder", "how to reach it"),
        "path": Key(_path, None, "folder type: directory holding <address>/*.ics"),
    },
    "scrutiny": {
        "notice_working_days": Key(
            _number(0), 15, "notice an officer called before a scrutiny committee gets"
        ),
    },
    "outbox": {
        "type": _required(_choice(OUTBOX_TYPES), "how the bot sends its emails"),
        "path": Key(_path, None, "folder type: directory the bot writes .eml files to"),
    },
    "clauses.*": {
        "ref": _required(_text, "the clause's number in the council's protocol"),
        "text": _required(_text, "the clause's words, quoted in the bot's emails"),
    },
    "classifier": {
        "enabled": Key(_boolean, True, "false: treat every member email as a request"),
        "model": Key(_path, None, "a trained model directory instead of the bundled one"),
        "unsure_threshold": Key(
            _fraction, None,
            "a kind read with less confidence than this still starts the clock, even"
            ' "other" or a kind with track = false (default: the model\'s own, 0.6)',
        ),  # fmt: skip
    },
}

SECTIONS = (
    "council",
    "office_hours",
    "sla",
    "registers",
    "roles",
    "ward_notice",
    "pre_election",
    "digest",
    "bot",
    "mailbox",
    "calendar",
    "scrutiny",
    "outbox",
    "clauses",
    "classifier",
)
# Keys read by the loader itself; the rest of these tables are adapter options.
_MAILBOX_OWN = {k: SCHEMA["mailbox"][k] for k in ("address", "type")}
_CALENDAR_OWN = {k: SCHEMA["calendar"][k] for k in ("address", "type")}
_OUTBOX_OWN = {k: SCHEMA["outbox"][k] for k in ("type",)}


def load_config(path: str | Path) -> LoadedConfig:
    """Read ``path`` and the registers it names. Raises ConfigError listing
    every problem; returns only a configuration that has none."""
    return _Loader(Path(path)).load()


class _Loader:
    def __init__(self, path: Path):
        self.path = path
        self.file = str(path)
        self.dir = path.expanduser().absolute().parent
        self.problems: list[Problem] = []
        self.pos = TomlPositions("")

    # -- reporting --

    def problem(self, where: tuple[str | int, ...], section: str, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.pos.nearest(*where), section, key, message))

    def fail(self) -> ConfigError:
        return ConfigError(self.problems)

    # -- reading --

    def load(self) -> LoadedConfig:
        data = self.read()
        settings, files = self.settings(data)
        registers, reg_problems = Registers(), []
        if files is not None:
            # Read through the paths as shown, so that problems name files the
            # way the user named the config file.
            registers, found = load_registers(
                self.shown(files.members),
                self.shown(files.officers),
                self.shown(files.wards),
                None if files.lists is None else self.shown(files.lists),
            )
            for p in found:
                if isinstance(p, MissingFile):  # the fix goes in the config file
                    self.problem(
                        ("registers", p.section),
                        "registers",
                        p.section,
                        f"file not found: {p.file} (paths are relative to the config file)",
                    )
                else:
                    reg_problems.append(p)
        # The config file's problems in line order, then each register's.
        self.problems.sort(key=lambda p: (p.file != self.file, p.line or 0))
        self.problems += reg_problems
        if self.problems:
            raise self.fail()
        return LoadedConfig(settings, registers, files)

    def read(self) -> dict[str, Any]:
        try:
            raw = self.path.expanduser().read_bytes()
        except FileNotFoundError:
            self.problem((), "", "", "file not found")
            raise self.fail() from None
        except OSError as exc:
            self.problem((), "", "", f"cannot be read: {exc.strerror}")
            raise self.fail() from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problems.append(Problem(self.file, line, "", "", "is not UTF-8 text"))
            raise self.fail() from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.problems.append(_syntax_problem(self.file, exc, text))
            raise self.fail() from None
        self.pos = TomlPositions(text)
        return data

    def shown(self, path: Path) -> Path:
        """``path`` as the user would write it: by way of the config file's path
        as they gave it, when it lies under that folder."""
        try:
            return self.path.expanduser().parent / path.relative_to(self.dir)
        except ValueError:
            return path

    def resolve(self, value: Any) -> Any:
        return self.dir / value if isinstance(value, Path) else value

    def value(self, spec: Key, value: Any, where: tuple[str | int, ...], section: str) -> Any:
        key = str(where[-1])
        if not spec.many:
            try:
                return self.resolve(spec.parse(value))
            except Invalid as exc:
                self.problem(where, section, key, str(exc))
                return spec.default
        if isinstance(value, str):
            value = [value]  # one address where a list is expected: fine
        if not isinstance(value, list):
            self.problem(where, section, key, f"must be a list [...], got {_got(value)}")
            return spec.default
        out = []
        for i, item in enumerate(value):
            try:
                out.append(self.resolve(spec.parse(item)))
            except Invalid as exc:
                self.problem(where + (i,), section, key, str(exc))
        return tuple(dict.fromkeys(out))  # duplicates are harmless; drop them

    def table(
        self,
        data: Any,
        where: tuple[str | int, ...],
        section: str,
        schema: Mapping[str, Key],
        *,
        open_keys: bool = False,
    ) -> dict[str, Any]:
        """Read one table against ``schema``: known keys parsed, defaults filled
        in, unknown keys reported (or, with ``open_keys``, left to the caller)."""
        if data is None:  # the table is absent: fine unless it has required keys
            data = {}
            needed = [k for k, spec in schema.items() if spec.required]
            if needed:
                self.problem(
                    where, section, "", f"missing; add a [{section}] table with {', '.join(needed)}"
                )
                return {k: spec.default for k, spec in schema.items()}
        if not isinstance(data, dict):
            self.problem(where, section, "", f"must be a table [{section}], got {_got(data)}")
            data = {}
        out: dict[str, Any] = {}
        for key, value in data.items():
            spec = schema.get(key)
            if spec is not None:
                out[key] = self.value(spec, value, where + (key,), section)
            elif not open_keys:
                self.problem(where + (key,), section, key, _unknown("key", key, list(schema)))
        for key, spec in schema.items():
            if key not in data:
                if spec.required:
                    self.problem(where, section, key, f"missing; add it: {spec.help}")
                out[key] = spec.default
        return out

    def array(self, data: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem((name,), name, "", f"must be written [[{name}]], one table for each entry")
            return []
        return list(enumerate(value))

    # -- sections --

    def settings(self, data: dict[str, Any]) -> tuple[Settings, RegisterFiles | None]:
        for name in data:
            if name not in SECTIONS:
                self.problem((name,), name, "", _unknown("section", name, SECTIONS))
        settings = Settings(
            council=self.council(data),
            office_hours=self.office_hours(data),
            sla=self.sla(data),
            roles=Roles(**self.section(data, "roles")),
            ward_notice=WardNotice(**self.section(data, "ward_notice")),
            pre_election=self.pre_election(data),
            digest=DigestSettings(**self.section(data, "digest")),
            bot=self.bot(data),
            mailboxes=self.mailboxes(data),
            calendars=self.calendars(data),
            scrutiny=ScrutinySettings(**self.section(data, "scrutiny")),
            outbox=self.outbox(data),
            clauses=self.clauses(data),
            classifier=self.classifier(data),
            source_file=self.path.expanduser().absolute(),
        )
        return settings, self.register_files(data)

    def section(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        return self.table(data.get(name), (name,), name, SCHEMA[name])

    def council(self, data: dict[str, Any]) -> CouncilSettings:
        values = self.section(data, "council")
        hol_file = values["bank_holidays_file"]
        if hol_file is not None:
            self.check_bank_holidays(hol_file, values["bank_holidays"])
        return CouncilSettings(**values)

    def check_bank_holidays(self, path: Path, nation: str) -> None:
        where = ("council", "bank_holidays_file")
        if not path.is_file():
            self.problem(where, "council", where[1], f"file not found: {self.shown(path)}")
            return
        from bot.bank_holidays import read_govuk_file  # imports the holidays package

        try:
            read_govuk_file(path, nation)
        except ConfigError as exc:  # problems inside the JSON file, named by its path
            self.problems += exc.problems

    def office_hours(self, data: dict[str, Any]) -> OfficeHours:
        where = ("office_hours",)
        values = self.section(data, "office_hours")
        raw = data.get("office_hours")
        if isinstance(raw, dict) and raw.get("days") == []:
            self.problem(where + ("days",), "office_hours", "days", "must name at least one day")
        if not values["days"]:  # none given, or none readable (already reported)
            values["days"] = SCHEMA["office_hours"]["days"].default
        if values["start"] >= values["end"]:
            self.problem(
                where + ("end",),
                "office_hours",
                "end",
                f"must be later than start ({values['start']:%H:%M}), got {values['end']:%H:%M}",
            )
        values["days"] = tuple(sorted(values["days"]))
        return OfficeHours(**values)

    def sla(self, data: dict[str, Any]) -> SlaSettings:
        raw = data.get("sla", {})
        raw = dict(raw) if isinstance(raw, dict) else raw
        kinds_raw = raw.pop("kinds", {}) if isinstance(raw, dict) else {}
        base = self.table(raw, ("sla",), "sla", SCHEMA["sla"])
        default = ServiceLevel(**base)
        kinds: dict[str, ServiceLevel] = {}
        names = tuple(str(k) for k in Kind)
        if not isinstance(kinds_raw, dict):
            self.problem(("sla", "kinds"), "sla", "kinds", "must be tables [sla.kinds.<kind>]")
            kinds_raw = {}
        for kind, table in kinds_raw.items():
            section = f"sla.kinds.{kind}"
            if kind not in names:
                self.problem(("sla", "kinds", kind), section, "", _unknown("kind", kind, names))
                continue
            values = self.table(table, ("sla", "kinds", kind), section, SCHEMA["sla.kinds.*"])
            # Keys left out inherit [sla]; "other" asks nothing, so no clock unless asked.
            given = table if isinstance(table, dict) else {}
            for key in _SLA_KEYS:
                if key not in given:
                    values[key] = base[key]
            if "track" not in given:
                values["track"] = kind != Kind.OTHER
            kinds[kind] = ServiceLevel(**values)
        kinds.setdefault(str(Kind.OTHER), ServiceLevel(**base, track=False))
        return SlaSettings(default=default, kinds=kinds)

    def pre_election(self, data: dict[str, Any]) -> tuple[PreElectionPeriod, ...]:
        periods = []
        for i, entry in self.array(data, "pre_election"):
            v = self.table(entry, ("pre_election", i), "pre_election", SCHEMA["pre_election"])
            if v["start"] is None or v["end"] is None:
                continue
            if v["end"] < v["start"]:
                self.problem(
                    ("pre_election", i, "end"),
                    "pre_election",
                    "end",
                    f"must be on or after start ({v['start']}), got {v['end']}",
                )
            periods.append(PreElectionPeriod(**v))
        return tuple(periods)

    def bot(self, data: dict[str, Any]) -> BotSettings:
        values = self.section(data, "bot")
        state = values["state"] or self.dir / DEFAULT_STATE_FILE
        if not state.parent.is_dir():
            self.problem(
                ("bot", "state"), "bot", "state", f"folder not found: {self.shown(state.parent)}"
            )
        values["state"] = state
        return BotSettings(**values)

    def options(
        self, table: dict[str, Any], where: tuple[str | int, ...], section: str
    ) -> dict[str, Any]:
        """Adapter options kept as written, except secrets (refused) and
        ``path``/``*_file`` (resolved against the config file's folder)."""
        out: dict[str, Any] = {}
        for key, value in table.items():
            here = where + (key,)
            if key.lower() in _SECRET_KEYS:
                # The value is never echoed: it may be a live credential.
                self.problem(
                    here,
                    section,
                    key,
                    f'do not write secrets in the config file; use {key}_env = "VARIABLE"'
                    f' (an environment variable) or {key}_file = "path" instead',
                )
            elif key.endswith("_env"):
                if not isinstance(value, str) or not _ENV_NAME.fullmatch(value):
                    self.problem(
                        here, section, key, f"must name an environment variable, got {_got(value)}"
                    )
                out[key] = value
            elif key.endswith("_file") or key == "path":
                try:
                    out[key] = str(self.resolve(_path(value)))
                except Invalid as exc:
                    self.problem(here, section, key, str(exc))
            else:
                out[key] = value
        return out

    def mailboxes(self, data: dict[str, Any]) -> tuple[MailboxSettings, ...]:
        found: list[MailboxSettings] = []
        seen: set[str] = set()
        for i, entry in self.array(data, "mailbox"):
            where: tuple[str | int, ...] = ("mailbox", i)
            v = self.table(entry, where, "mailbox", _MAILBOX_OWN, open_keys=True)
            extra = {k: x for k, x in entry.items() if k not in ("address", "type")}
            options = self.options(extra, where, "mailbox")
            # Checked on the raw entry: a wrong type must not add a folder's demands.
            if entry.get("type", "folder") == "folder" and "path" not in entry:
                self.problem(where, "mailbox", "path", "missing; a folder mailbox needs a path")
            if v["address"] in seen:
                self.problem(
                    where + ("address",),
                    "mailbox",
                    "address",
                    f"{quoted(v['address'])} is listed twice",
                )
            seen.add(v["address"])
            found.append(MailboxSettings(v["address"], v["type"], options))
        return tuple(found)

    def calendars(self, data: dict[str, Any]) -> tuple[MailboxSettings, ...]:
        """[[calendar]]: watched calendars, like [[mailbox]] (address, type, the
        adapter's options; a folder calendar needs a path)."""
        found: list[MailboxSettings] = []
        seen: set[str] = set()
        for i, entry in self.array(data, "calendar"):
            where: tuple[str | int, ...] = ("calendar", i)
            v = self.table(entry, where, "calendar", _CALENDAR_OWN, open_keys=True)
            extra = {k: x for k, x in entry.items() if k not in ("address", "type")}
            options = self.options(extra, where, "calendar")
            if entry.get("type", "folder") == "folder" and "path" not in entry:
                self.problem(where, "calendar", "path", "missing; a folder calendar needs a path")
            if v["address"] in seen:
                self.problem(
                    where + ("address",),
                    "calendar",
                    "address",
                    f"{quoted(v['address'])} is listed twice",
                )
            seen.add(v["address"])
            found.append(MailboxSettings(v["address"], v["type"], options))
        return tuple(found)

    def outbox(self, data: dict[str, Any]) -> dict[str, Any]:
        if "outbox" not in data:
            return {}
        raw = data["outbox"]
        v = self.table(raw, ("outbox",), "outbox", _OUTBOX_OWN, open_keys=True)
        out = self.options(raw if isinstance(raw, dict) else {}, ("outbox",), "outbox")
        out["type"] = v["type"]
        if v["type"] == "folder" and "path" not in out:
            self.problem(("outbox",), "outbox", "path", "missing; a folder outbox needs a path")
        return out

    def clauses(self, data: dict[str, Any]) -> dict[str, Clause]:
        raw = data.get("clauses", {})
        if not isinstance(raw, dict):
            self.problem(("clauses",), "clauses", "", "must be tables [clauses.<rule>]")
            return {}
        rules = tuple(str(r) for r in Rule)
        out = {}
        for rule, table in raw.items():
            section = f"clauses.{rule}"
            if rule not in rules:
                self.problem(("clauses", rule), section, "", _unknown("rule", rule, rules))
                continue
            v = self.table(table, ("clauses", rule), section, SCHEMA["clauses.*"])
            out[rule] = Clause(**v)
        return out

    def classifier(self, data: dict[str, Any]) -> dict[str, Any]:
        if "classifier" not in data:
            return {}  # the classifier's own defaults apply
        values = self.section(data, "classifier")
        # Only the keys given: the classifier keeps its own defaults for the rest.
        given = data["classifier"] if isinstance(data["classifier"], dict) else {}
        values = {k: v for k, v in values.items() if k in given}
        if values.get("model") is not None:
            values["model"] = str(values["model"])
        return values

    def register_files(self, data: dict[str, Any]) -> RegisterFiles | None:
        v = self.section(data, "registers")
        postcodes = v["postcodes"]
        if postcodes is not None and not postcodes.is_file():
            self.problem(
                ("registers", "postcodes"),
                "registers",
                "postcodes",
                f"file not found: {self.shown(postcodes)} (paths are relative to the config file)",
            )
        if v["members"] is None or v["officers"] is None or v["wards"] is None:
            return None
        return RegisterFiles(**v)


def _unknown(what: str, name: str, known: Any) -> str:
    hint = suggest(name, tuple(known))
    if hint:
        return f"unknown {what}{hint}"
    return f"unknown {what}; expected one of: {', '.join(known)}"


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _syntax_problem(file: str, exc: tomllib.TOMLDecodeError, text: str) -> Problem:
    # tomllib puts the position in the message: "... (at line 3, column 7)".
    message = str(exc)
    line: int | None = None
    m = _AT_LINE.search(message)
    if m:
        line = int(m.group(1))
        message = f"{message[: m.start()]} at column {m.group(2)}"
    elif message.endswith("(at end of document)"):
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        message = message.removesuffix("(at end of document)").rstrip()
    return Problem(file, line, "", "", f"TOML syntax error: {message}")
