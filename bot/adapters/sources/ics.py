"""iCalendar (.ics) -> :class:`bot.model.CalendarEvent`, at the edge.

``events_from_ics`` turns one file into the events of one watched calendar:

- recurring entries (RRULE, RDATE, EXDATE) are expanded within the horizon, in the
  entry's own time zone (a weekly 19:00 meeting stays at 19:00 across a clock
  change); an occurrence moved or changed (a VEVENT with RECURRENCE-ID) replaces
  the one it overrides, wherever it was moved to;
- STATUS:CANCELLED (the whole entry or one occurrence) and METHOD:CANCEL give
  events with ``cancelled`` set; iTIP replies (METHOD:REPLY) are not entries;
- attendees: ROLE=OPT-PARTICIPANT / NON-PARTICIPANT are optional, others required;
  PARTSTAT=DECLINED goes to ``declined``; rooms and resources are not invitees;
- TZID: Olson names, Windows names ("GMT Standard Time") and the file's own
  VTIMEZONE definitions are understood (icalendar); floating times and unknown
  zones are read in the council's time zone; all-day entries run from local
  midnight to midnight. Times come out in the council's zone.

``read_calendar_export`` reads replay's CAL_DIR/<address>/*.ics. An event exists
from its CREATED (else DTSTAMP) time: that is the ``created`` of what it returns.
When the export holds several versions of one event (files with the same UID and
a higher SEQUENCE or later LAST-MODIFIED, an occurrence override, a cancellation
made after the entry was created) each version is returned with ``created`` set to
when that version appeared, so replay sees the entry as it was, then as it became.

``FolderCalendarSource`` watches one calendar folder for the daemon.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rruleset, rrulestr

from bot.adapters.sources import checkpoint as checkpoints
from bot.errors import MalformedInput, MisconfiguredError
from bot.model import CalendarEvent
from bot.ports import CalendarBatch, Malformed

__all__ = ["events_from_ics", "read_calendar_export", "FolderCalendarSource", "calendar_addresses"]

log = logging.getLogger(__name__)

MAX_OCCURRENCES = 1000  # per recurring entry within one horizon


@dataclass(frozen=True)
class _Item:
    """One event as a file states it, with the times that date this version."""

    event: CalendarEvent
    created: datetime  # CREATED, else DTSTAMP
    modified: datetime  # LAST-MODIFIED, else DTSTAMP, never before created
    sequence: int
    shadow: bool = False  # the occurrence an override replaced, as the series had it


# ---- public API ----------------------------------------------------------------------


def events_from_ics(
    data: bytes,
    mailbox: str,
    horizon_start: datetime,
    horizon_end: datetime,
    *,
    default_tz: str = "Europe/London",
    where: str = "",
) -> list[CalendarEvent]:
    """The events of one .ics file as they stand now, within the horizon.
    Raises MalformedInput when the data is not a calendar at all; a single broken
    entry is skipped (and logged)."""
    items, problems = _parse(data, mailbox, horizon_start, horizon_end, default_tz, where)
    for problem in problems:
        log.warning("calendar entry skipped: %s", problem)
    return [it.event for it in items if not it.shadow]


def calendar_addresses(root: Path) -> list[str]:
    """The calendar owners under CAL_DIR (lower-case, sorted)."""
    root = Path(root)
    if not root.is_dir():
        raise MisconfiguredError("calendar folder not found", source=str(root))
    with os.scandir(root) as entries:
        return sorted({e.name.lower() for e in entries if _is_owner_dir(e.name) and e.is_dir()})


def read_calendar_export(
    root: Path,
    horizon: tuple[datetime, datetime],
    *,
    default_tz: str = "Europe/London",
) -> tuple[list[CalendarEvent], list[Malformed]]:
    """Every event version of CAL_DIR/<address>/*.ics within the horizon, each with
    ``created`` = when that version appeared, in time order; unreadable files and
    entries as Malformed."""
    root = Path(root)
    malformed: list[Malformed] = []
    groups: dict[tuple[str, str], list[_Item]] = {}
    for address in calendar_addresses(root):
        directory = _owner_dir(root, address)
        if directory is None:
            continue
        for name, path in _list_ics(directory):
            where = f"{directory.name}/{name}"
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                malformed.append(Malformed(where, f"cannot read file ({type(exc).__name__})"))
                continue
            try:
                items, problems = _parse(data, address, *horizon, default_tz, where)
            except MalformedInput as exc:
                malformed.append(Malformed(where, _bare(exc)))
                continue
            malformed += [Malformed(where, p) for p in problems]
            for item in items:
                groups.setdefault((address, item.event.key), []).append(item)
    events: list[CalendarEvent] = []
    for items in groups.values():
        events += _versions(items)
    events.sort(key=lambda e: (e.created, e.mailbox, e.key, e.start))
    malformed.sort(key=lambda m: (m.where, m.reason))
    return events, malformed


class FolderCalendarSource:
    """One calendar of the folder layout (ROOT/<address>/*.ics), as a
    :class:`bot.ports.CalendarSource`.

    Each poll where a file changed (or the day moved on, so recurring entries
    enter the horizon) gives every event of the calendar as it stands: the engine
    takes an event seen again as an update. An event whose file went away comes
    back once as cancelled. The checkpoint is a fingerprint of the folder.
    """

    def __init__(
        self,
        root: Path,
        address: str,
        *,
        clock: Callable[[], datetime] | None = None,
        default_tz: str = "Europe/London",
        lookback: timedelta = timedelta(days=1),
        lookahead: timedelta = timedelta(days=400),
    ) -> None:
        self.root = Path(root)
        self.address = address.strip().lower()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.default_tz = default_tz
        self.lookback = lookback
        self.lookahead = lookahead
        self._known: dict[str, CalendarEvent] = {}

    def poll(self, checkpoint: str | None) -> CalendarBatch:
        if not self.root.is_dir():
            raise MisconfiguredError("calendar folder not found", source=str(self.root))
        now = self.clock()
        start, end = now - self.lookback, now + self.lookahead
        directory = _owner_dir(self.root, self.address)
        files = _list_ics(directory) if directory is not None else []
        fingerprint = hashlib.sha256()
        for name, path in files:
            try:
                st = os.stat(path)
            except FileNotFoundError:
                continue
            fingerprint.update(f"{name}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
        mark = checkpoints.encode({"files": fingerprint.hexdigest(), "day": start.date().isoformat()})
        if checkpoint == mark and self._known:
            return CalendarBatch(checkpoint=mark)
        best: dict[str, _Item] = {}
        malformed: list[Malformed] = []
        for name, path in files:
            where = f"{directory.name if directory else self.address}/{name}"
            try:
                data = Path(path).read_bytes()
                items, problems = _parse(data, self.address, start, end, self.default_tz, where)
            except FileNotFoundError:
                continue
            except OSError as exc:
                malformed.append(Malformed(where, f"cannot read file ({type(exc).__name__})"))
                continue
            except MalformedInput as exc:
                malformed.append(Malformed(where, _bare(exc)))
                continue
            malformed += [Malformed(where, p) for p in problems]
            for item in items:
                held = best.get(item.event.key)
                if not item.shadow and (
                    held is None or (item.sequence, item.modified) >= (held.sequence, held.modified)
                ):
                    best[item.event.key] = item
        events = {key: item.event for key, item in best.items()}
        gone = [
            replace(ev, cancelled=True)
            for key, ev in sorted(self._known.items())
            if key not in events and not ev.cancelled and ev.start >= start
        ]
        self._known = events
        out = sorted(events.values(), key=lambda e: (e.start, e.key)) + gone
        return CalendarBatch(events=out, malformed=malformed, checkpoint=mark)

    def close(self) -> None:
        """Nothing to release: every poll opens and closes what it reads."""


# ---- versions for replay -------------------------------------------------------------


def _versions(items: list[_Item]) -> list[CalendarEvent]:
    """The versions of one event in one calendar, each dated when it appeared."""
    reals = sorted((it for it in items if not it.shadow), key=lambda it: (it.sequence, it.modified))
    shadows = [it for it in items if it.shadow]
    out: list[CalendarEvent] = []
    prev: datetime | None = None
    if reals and shadows and reals[0].modified > shadows[0].created:
        # An occurrence changed after the series was made: it was first as the series had it.
        shadow = shadows[0]
        out.append(replace(shadow.event, created=shadow.created))
        prev = shadow.created
    for i, it in enumerate(reals):
        at = it.created if prev is None else max(it.modified, prev)
        if i == 0 and prev is None and it.event.cancelled and it.modified > it.created:
            # Nobody creates a cancelled meeting: it existed until it was cancelled.
            out.append(replace(it.event, cancelled=False, created=it.created))
            at = it.modified
        out.append(replace(it.event, created=at))
        prev = at
    return out


# ---- parsing ---------------------------------------------------------------------------


def _parse(
    data: bytes,
    mailbox: str,
    horizon_start: datetime,
    horizon_end: datetime,
    default_tz: str,
    where: str,
) -> tuple[list[_Item], list[str]]:
    tz = ZoneInfo(default_tz)
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # icalendar raises ValueError and others for bad input
        raise MalformedInput(f"not an iCalendar file ({_short(exc)})", where=where) from None
    if not calendars:
        raise MalformedInput("not an iCalendar file (no VCALENDAR)", where=where)
    items: list[_Item] = []
    problems: list[str] = []
    ctx = _Ctx(mailbox.strip().lower(), tz, horizon_start, horizon_end)
    for cal in calendars:
        method = str(cal.get("METHOD", "")).strip().upper()
        if method == "REPLY":
            continue
        masters: dict[str, Any] = {}
        overrides: dict[str, list[Any]] = {}
        for comp in cal.walk("VEVENT"):
            uid = str(comp.get("UID", "")).strip()
            if not uid:
                problems.append("an event has no UID")
                continue
            if "RECURRENCE-ID" in comp:
                overrides.setdefault(uid, []).append(comp)
            elif uid not in masters or _seq(comp) >= _seq(masters[uid]):
                masters[uid] = comp
        for uid in sorted(set(masters) | set(overrides)):
            try:
                items += _expand(ctx, uid, masters.get(uid), overrides.get(uid, []), method)
            except (MalformedInput, ValueError, TypeError, KeyError, OverflowError) as exc:
                problems.append(f"event {uid}: {_short(exc)}")
    return items, problems


@dataclass(frozen=True)
class _Ctx:
    mailbox: str
    tz: ZoneInfo
    start: datetime
    end: datetime


@dataclass(frozen=True)
class _Base:
    """What one VEVENT says, before expansion."""

    fields: dict[str, Any]
    start: date | datetime
    naive_start: datetime  # wall clock in ``zone``
    naive_end: datetime
    zone: tzinfo
    all_day: bool
    created: datetime
    modified: datetime
    sequence: int
    cancelled: bool


def _expand(ctx: _Ctx, uid: str, master: Any, overrides: list[Any], method: str) -> list[_Item]:
    cancel_all = method == "CANCEL"
    by_rid: dict[str, tuple[_Base, Any]] = {}
    for comp in overrides:
        base = _base(ctx, comp, cancel_all)
        rid = _rid(comp.decoded("RECURRENCE-ID"), ctx.tz)
        if rid not in by_rid or base.sequence >= by_rid[rid][0].sequence:
            by_rid[rid] = (base, comp)
    out: list[_Item] = []
    if master is not None:
        base = _base(ctx, master, cancel_all)
        if _recurs(master):
            used: set[str] = set()
            for occ in _occurrences(ctx, master, base):
                rid = _rid(occ.date() if base.all_day else occ.replace(tzinfo=base.zone), ctx.tz)
                pattern = _event(ctx, uid, base, occ, rid)
                if rid in by_rid:
                    used.add(rid)
                    obase, _ = by_rid[rid]
                    override = _event(ctx, uid, obase, obase.naive_start, rid)
                    created = max(obase.created, base.created)
                    out.append(
                        _Item(override, created, max(obase.modified, created), obase.sequence)
                    )
                    out.append(
                        _Item(pattern, base.created, base.modified, base.sequence, shadow=True)
                    )
                elif _in_horizon(ctx, pattern):
                    out.append(_Item(pattern, base.created, base.modified, base.sequence))
            for rid, (obase, _) in by_rid.items():
                if rid not in used:  # moved in from outside the horizon, or an extra date
                    ev = _event(ctx, uid, obase, obase.naive_start, rid)
                    if _in_horizon(ctx, ev):
                        out.append(_Item(ev, obase.created, obase.modified, obase.sequence))
            return out
        ev = _event(ctx, uid, base, base.naive_start, None)
        if _in_horizon(ctx, ev):
            out.append(_Item(ev, base.created, base.modified, base.sequence))
    # Overrides of a series not in this file (an invitation to one occurrence).
    if master is None or not _recurs(master):
        for rid, (obase, _) in by_rid.items():
            ev = _event(ctx, uid, obase, obase.naive_start, rid)
            if _in_horizon(ctx, ev):
                out.append(_Item(ev, obase.created, obase.modified, obase.sequence))
    return out


def _recurs(comp: Any) -> bool:
    return "RRULE" in comp or "RDATE" in comp


def _base(ctx: _Ctx, comp: Any, cancel_all: bool) -> _Base:
    if "DTSTART" not in comp:
        raise MalformedInput("no DTSTART")
    start = comp.decoded("DTSTART")
    all_day = not isinstance(start, datetime)
    zone: tzinfo
    if all_day:
        zone = ctx.tz
        naive_start = datetime.combine(start, time(0))
    elif start.tzinfo is None or start.utcoffset() is None:
        zone, naive_start = ctx.tz, start.replace(tzinfo=None)
    else:
        zone, naive_start = start.tzinfo, start.replace(tzinfo=None)
    naive_end = naive_start + (timedelta(days=1) if all_day else timedelta(0))
    if "DTEND" in comp:
        naive_end = _naive_in(comp.decoded("DTEND"), zone)
    elif "DURATION" in comp:
        duration = comp.decoded("DURATION")
        if isinstance(duration, timedelta):
            naive_end = naive_start + duration
    if naive_end < naive_start:
        naive_end = naive_start
    created = _stamp(comp, "CREATED") or _stamp(comp, "DTSTAMP") or _stamp(comp, "LAST-MODIFIED")
    created = created or ctx.start
    modified = _stamp(comp, "LAST-MODIFIED") or _stamp(comp, "DTSTAMP") or created
    status = str(comp.get("STATUS", "")).strip().upper()
    required, optional, declined = _attendees(comp)
    fields = {
        "summary": _text(comp.get("SUMMARY")),
        "description": _text(comp.get("DESCRIPTION")),
        "location": _text(comp.get("LOCATION")),
        "organizer": _address(comp.get("ORGANIZER")),
        "required": required,
        "optional": optional,
        "declined": declined,
        "categories": _categories(comp.get("CATEGORIES")),
    }
    return _Base(
        fields=fields,
        start=start,
        naive_start=naive_start,
        naive_end=naive_end,
        zone=zone,
        all_day=all_day,
        created=created,
        modified=max(modified, created),
        sequence=_seq(comp),
        cancelled=cancel_all or status == "CANCELLED",
    )


def _event(
    ctx: _Ctx, uid: str, base: _Base, naive_start: datetime, rid: str | None
) -> CalendarEvent:
    naive_end = naive_start + (base.naive_end - base.naive_start)
    return CalendarEvent(
        mailbox=ctx.mailbox,
        uid=uid,
        start=_aware(naive_start, base.zone).astimezone(ctx.tz),
        end=_aware(naive_end, base.zone).astimezone(ctx.tz),
        created=base.created,
        cancelled=base.cancelled,
        recurrence_id=rid,
        source_ref="",
        **base.fields,
    )


def _occurrences(ctx: _Ctx, comp: Any, base: _Base) -> list[datetime]:
    """Naive wall-clock starts of a recurring entry that overlap the horizon."""
    start = base.naive_start
    rset = rruleset()
    for recur in _as_list(comp.get("RRULE")):
        rset.rrule(_rrule(recur, start, base.zone))
    for value in _date_values(comp.get("RDATE")):
        if isinstance(value, tuple):  # PERIOD: (start, end or duration)
            value = value[0]
        rset.rdate(_naive_in(value, base.zone))
    if "RRULE" not in comp:
        rset.rdate(start)
    excluded: set[datetime] = set()
    excluded_days: set[date] = set()
    for value in _date_values(comp.get("EXDATE")):
        if isinstance(value, datetime):
            excluded.add(_naive_in(value, base.zone))
        elif isinstance(value, date):
            excluded_days.add(value)
    length = base.naive_end - base.naive_start
    lo = _naive_in(ctx.start, base.zone) - length
    hi = _naive_in(ctx.end, base.zone)
    found: list[datetime] = []
    for occ in rset.between(lo, hi, inc=True):
        if occ in excluded or occ.date() in excluded_days:
            continue
        found.append(occ)
        if len(found) >= MAX_OCCURRENCES:
            log.warning("recurring event: only the first %d occurrences are used", MAX_OCCURRENCES)
            break
    return found


def _rrule(recur: Any, start: datetime, zone: tzinfo) -> Any:
    """A dateutil rule on naive wall-clock times (UNTIL brought into the entry's zone)."""
    parts = dict(recur)
    until = parts.pop("UNTIL", None)
    text = icalendar.vRecur(parts).to_ical().decode()
    rule = rrulestr(text, dtstart=start)
    if until:
        value = until[0] if isinstance(until, list) else until
        if isinstance(value, datetime):
            limit = _naive_in(value, zone)
        else:
            limit = datetime.combine(value, time(23, 59, 59))
        rule = rule.replace(until=limit)
    return rule


# ---- small readers -----------------------------------------------------------------


def _naive_in(value: date | datetime, zone: tzinfo) -> datetime:
    """A DATE or DATE-TIME as naive wall-clock time in ``zone``."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0))
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=None)
    return value.astimezone(zone).replace(tzinfo=None)


def _aware(naive: datetime, zone: tzinfo) -> datetime:
    return naive.replace(tzinfo=zone)


def _rid(value: date | datetime, tz: ZoneInfo) -> str:
    """RECURRENCE-ID as a stable string: the original start in UTC, or the date."""
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=tz)
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _stamp(comp: Any, name: str) -> datetime | None:
    """CREATED / DTSTAMP / LAST-MODIFIED: UTC by the RFC; naive ones are taken as UTC."""
    if name not in comp:
        return None
    try:
        value = comp.decoded(name)
    except (ValueError, TypeError):
        return None
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), UTC) if isinstance(value, date) else None
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _seq(comp: Any) -> int:
    try:
        return int(comp.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value).strip()
    return str(value).strip()


def _address(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower()


def _attendees(comp: Any) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    required: list[str] = []
    optional: list[str] = []
    declined: list[str] = []
    for att in _as_list(comp.get("ATTENDEE")):
        params = getattr(att, "params", {})
        if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in ("ROOM", "RESOURCE"):
            continue
        address = _address(att)
        if not address or "@" not in address:
            continue
        role = str(params.get("ROLE", "REQ-PARTICIPANT")).upper()
        target = optional if role in ("OPT-PARTICIPANT", "NON-PARTICIPANT") else required
        if address not in required and address not in optional:
            target.append(address)
        if str(params.get("PARTSTAT", "")).upper() == "DECLINED" and address not in declined:
            declined.append(address)
    return tuple(required), tuple(optional), tuple(declined)


def _categories(value: Any) -> tuple[str, ...]:
    out: list[str] = []
    for prop in _as_list(value):
        cats = getattr(prop, "cats", None)
        names: Iterable[Any] = cats if cats is not None else str(prop).split(",")
        for name in names:
            text = str(name).strip()
            if text and text not in out:
                out.append(text)
    return tuple(out)


def _date_values(value: Any) -> list[Any]:
    out: list[Any] = []
    for prop in _as_list(value):
        for dt in getattr(prop, "dts", []):
            out.append(dt.dt)
    return out


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _in_horizon(ctx: _Ctx, ev: CalendarEvent) -> bool:
    return ev.start < ctx.end and (ev.end > ctx.start or ev.start >= ctx.start)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _bare(exc: MalformedInput) -> str:
    text = str(exc)
    prefix = f"{exc.where}: "
    return text[len(prefix) :] if exc.where and text.startswith(prefix) else text


# ---- folders -------------------------------------------------------------------------


def _is_owner_dir(name: str) -> bool:
    return not name.startswith(("_", ".")) and "@" in name


def _owner_dir(root: Path, address: str) -> Path | None:
    exact = root / address
    if exact.is_dir():
        return exact
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                if entry.name.lower() == address and entry.is_dir():
                    return Path(entry.path)
    except FileNotFoundError:
        pass
    return None


def _list_ics(directory: Path) -> list[tuple[str, str]]:
    try:
        with os.scandir(directory) as entries:
            found = [
                (e.name, e.path)
                for e in entries
                if not e.name.startswith(".") and e.name.lower().endswith(".ics") and e.is_file()
            ]
    except (FileNotFoundError, NotADirectoryError):
        return []
    found.sort()
    return found
