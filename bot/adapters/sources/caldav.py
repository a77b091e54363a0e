"""CalDAV calendars (the caldav library): one watched calendar collection.

Changes come by sync token (RFC 6578, ``get_objects_by_sync_token``): the first
poll reads every event and keeps the server's token; later polls read only what
changed. When the server rejects a token (expired) the source reads everything
again with a fresh sync; when the server has no sync support at all it falls
back to a full scan each poll, and keeps in the checkpoint a short hash of each
event's text so that only new or changed events are returned::

    {"v": 1, "mode": "sync", "token": "..."}
    {"v": 1, "mode": "scan", "seen": ["3f2a...", ...]}

Returning an event again is safe: the core keys events by UID (and recurrence id)
and acts once. Deleted events are not reported (the core has no use for them yet).

Each calendar object is read by :func:`bot.adapters.sources.ics.events_from_ics`,
the parser the folder calendars and replay use, so every calendar source gives
the same events: times in the council's zone, ``created`` from CREATED or
DTSTAMP, attendees by ROLE and PARTSTAT, STATUS:CANCELLED, and recurring entries
expanded from 31 days back to ``horizon_days`` ahead (of the wall clock: a source
has no other). ``source_ref`` is the object's file name on the server.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import caldav
from caldav.lib import error as dav_error

from bot.adapters.sources import checkpoint as checkpoints
from bot.adapters.sources.ics import events_from_ics
from bot.adapters.sources.imap import is_loopback
from bot.errors import AuthError, MalformedInput, MisconfiguredError, SourceError, TransientError
from bot.model.calendar import CalendarEvent
from bot.model.settings import MailboxSettings, Settings
from bot.ports import CalendarBatch, Malformed
from bot.secrets import SecretRef, resolve_secret, secret_ref

__all__ = ["CalDAVCalendarSource", "from_settings"]

log = logging.getLogger(__name__)
# caldav logs request and response bodies (event descriptions) at DEBUG.
logging.getLogger("caldav").setLevel(logging.INFO)

_KEYS = frozenset(
    {"address", "type", "url", "username", "username_env", "username_file", "password_env",
     "password_file", "ca_file", "timeout", "horizon_days"}
)  # fmt: skip


# -- errors ---------------------------------------------------------------------


@contextmanager
def dav_errors(source: str, what: str) -> Iterator[None]:
    try:
        yield
    except SourceError:
        raise
    except dav_error.AuthorizationError as exc:
        raise AuthError(f"CalDAV {what}: access refused ({exc.reason})", source=source) from None
    except dav_error.NotFoundError:
        raise MisconfiguredError(f"CalDAV {what}: no calendar at the url", source=source) from None
    except dav_error.RateLimitError as exc:
        raise TransientError(
            f"CalDAV {what}: the server asks to slow down",
            source=source,
            retry_after=getattr(exc, "retry_after_seconds", None),
        ) from None
    except dav_error.DAVError as exc:
        raise TransientError(f"CalDAV {what}: {type(exc).__name__}", source=source) from None
    except OSError as exc:  # connection refused, reset, timed out, TLS (niquests' too)
        raise TransientError(
            f"CalDAV {what}: connection failed ({type(exc).__name__})", source=source
        ) from None


# -- the source -----------------------------------------------------------------


class CalDAVCalendarSource:
    """One CalDAV calendar as a :class:`bot.ports.CalendarSource`."""

    def __init__(
        self,
        address: str,
        url: str,
        *,
        username: str = "",
        password: SecretRef | None = None,
        ca_file: str | None = None,
        timeout: float = 30.0,
        timezone: str = "Europe/London",
        horizon_days: int = 400,
        clock: Callable[[], datetime] | None = None,
        use_sync: bool = True,
    ) -> None:
        self.address = address.strip().lower()
        self.url = url
        self.username = username
        self.password = password
        self.ca_file = ca_file
        self.timeout = timeout
        self.timezone = timezone
        self.horizon_days = horizon_days
        self.use_sync = use_sync
        self._clock = clock or (lambda: datetime.now(UTC))
        self._client: Any = None
        self._calendar: Any = None

    # -- CalendarSource ---------------------------------------------------------

    def poll(self, checkpoint: str | None) -> CalendarBatch:
        state = checkpoints.decode(checkpoint, _read_state, f"caldav {self.address}") or {}
        try:
            calendar = self._open()
            if self.use_sync and state.get("mode") != "scan":
                batch = self._poll_sync(calendar, state.get("token"))
                if batch is not None:
                    return batch
            return self._poll_scan(calendar, set(state.get("seen", ())))
        except SourceError:
            self.close()  # a fresh client next time
            raise

    def close(self) -> None:
        client, self._client, self._calendar = self._client, None, None
        if client is not None:
            session = getattr(client, "session", None)
            close = getattr(session, "close", None)
            if callable(close):
                close()

    # -- internals --------------------------------------------------------------

    def _open(self) -> Any:
        if self._calendar is None:
            kwargs: dict[str, Any] = {"url": self.url, "timeout": int(self.timeout)}
            if self.username:
                kwargs["username"] = self.username
            if self.password is not None:
                kwargs["password"] = self.password.get().reveal()
            if self.ca_file:
                kwargs["ssl_verify_cert"] = self.ca_file
            client_class: Any = caldav.DAVClient
            if "enable_rfc6764" in inspect.signature(client_class).parameters:
                kwargs["enable_rfc6764"] = False  # the url is the calendar: no DNS discovery
            with dav_errors(self.address, "connect"):
                self._client = client_class(**kwargs)
                self._calendar = self._client.calendar(url=self.url)
        return self._calendar

    def _sync(self, calendar: Any, token: str | None) -> Any:
        getter = getattr(calendar, "get_objects_by_sync_token", None)
        if getter is None:  # caldav < 2
            return calendar.objects_by_sync_token(sync_token=token, load_objects=True)
        return getter(sync_token=token, load_objects=True, disable_fallback=True)

    def _poll_sync(self, calendar: Any, token: str | None) -> CalendarBatch | None:
        """A sync-collection poll; None when the server cannot sync (scan instead)."""
        try:
            result = self._sync(calendar, token)
        except dav_error.DAVError as exc:
            if token is not None:
                # Most likely an expired token (RFC 6578 3.2): a fresh full sync.
                log.info("caldav %s: sync token refused, reading the calendar again", self.address)
                return self._poll_sync(calendar, None)
            if isinstance(exc, dav_error.AuthorizationError | dav_error.NotFoundError):
                with dav_errors(self.address, "sync"):
                    raise
            log.info("caldav %s: no sync support (%s), scanning instead", self.address,
                     type(exc).__name__)  # fmt: skip
            return None
        except OSError:
            with dav_errors(self.address, "sync"):
                raise
        events: list[CalendarEvent] = []
        malformed: list[Malformed] = []
        deleted = {str(u) for u in getattr(result, "deleted_urls", ())}
        for obj in result.objects:
            href = str(obj.url)
            if href in deleted or not obj.data:
                continue  # removed: nothing to act on
            self._parse(obj, events, malformed)
        new_token = result.sync_token
        if not new_token or str(new_token).startswith("fake-"):
            return None  # caldav's own emulation: our scan keeps a better record
        checkpoint = checkpoints.encode({"mode": "sync", "token": str(new_token)})
        return CalendarBatch(_sorted(events), malformed, checkpoint)

    def _poll_scan(self, calendar: Any, seen: set[str]) -> CalendarBatch:
        with dav_errors(self.address, "read events"):
            objects = calendar.events()
        events: list[CalendarEvent] = []
        malformed: list[Malformed] = []
        current: list[str] = []
        for obj in objects:
            data = _data_bytes(obj)
            mark = hashlib.sha1(str(obj.url).encode() + b"\0" + data).hexdigest()[:16]
            current.append(mark)
            if mark not in seen:
                self._parse(obj, events, malformed)
        checkpoint = checkpoints.encode({"mode": "scan", "seen": sorted(current)})
        return CalendarBatch(_sorted(events), malformed, checkpoint)

    def _parse(self, obj: Any, events: list[CalendarEvent], malformed: list[Malformed]) -> None:
        href = str(obj.url)
        where = href.rsplit("/", 1)[-1] or href
        now = self._clock()
        try:
            found = events_from_ics(
                _data_bytes(obj),
                self.address,
                now - timedelta(days=31),
                now + timedelta(days=self.horizon_days),
                default_tz=self.timezone,
                where=where,
            )
        except MalformedInput as exc:
            malformed.append(Malformed(where, str(exc).removeprefix(f"{where}: ")))
            return
        events += [e if e.source_ref else replace(e, source_ref=where) for e in found]


def _read_state(data: dict[str, Any]) -> dict[str, Any]:
    """A checkpoint's fields: ``mode`` "sync" with a ``token``, or "scan" with the
    marks ``seen``."""
    if data.get("mode") == "sync":
        return {"mode": "sync", "token": str(data["token"])}
    return {"mode": "scan", "seen": [str(mark) for mark in data["seen"]]}


def _data_bytes(obj: Any) -> bytes:
    data = obj.data or ""
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _sorted(events: list[CalendarEvent]) -> list[CalendarEvent]:
    return sorted(events, key=lambda e: (e.created, e.uid, e.recurrence_id or ""))


# -- the factory ----------------------------------------------------------------


def from_settings(
    calendar: MailboxSettings | Mapping[str, Any], settings: Settings
) -> CalDAVCalendarSource:
    """The factory for ``[[calendar]] type = "caldav"``: takes the table's options
    (with ``address``) or its MailboxSettings."""
    if isinstance(calendar, MailboxSettings):
        address, options = calendar.address, dict(calendar.options)
    else:
        options = dict(calendar)
        address = str(options.get("address", ""))
    unknown = sorted(set(options) - _KEYS)
    if unknown:
        raise MisconfiguredError(f"unknown CalDAV option(s) {', '.join(unknown)}", source=address)
    url = options.get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise MisconfiguredError("url: the calendar's https:// address is required", source=address)
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0]
    if url.startswith("http://") and not is_loopback(host):
        raise MisconfiguredError(
            "url: http:// (no encryption) is allowed only for a server on this machine",
            source=address,
        )
    username = options.get("username")
    if username is None:
        found = resolve_secret(options, "username", source=address, required=False)
        username = found.reveal() if found else ""
    if not isinstance(username, str):
        raise MisconfiguredError("username: must be text", source=address)
    password = secret_ref(options, "password", source=address, required=bool(username))
    timeout = options.get("timeout", 30)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise MisconfiguredError("timeout: must be a number of seconds", source=address)
    horizon = options.get("horizon_days", 400)
    if isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1:
        raise MisconfiguredError("horizon_days: must be a whole number of days", source=address)
    ca_file = options.get("ca_file")
    return CalDAVCalendarSource(
        address,
        url,
        username=username,
        password=password,
        ca_file=ca_file if isinstance(ca_file, str) and ca_file else None,
        timeout=float(timeout),
        timezone=settings.council.timezone,
        horizon_days=horizon,
    )
