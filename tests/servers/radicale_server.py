"""Radicale (CalDAV) in a subprocess on 127.0.0.1, with htpasswd plain auth or none.

A subprocess keeps Radicale's logging and warnings out of the test process.
Calendars and events are written with plain HTTP (MKCALENDAR, PUT) so the tests do
not depend on the client library under test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from servers.net import HOST, free_port, wait_port

MKCALENDAR_BODY = b"""<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>Test</D:displayname></D:prop></D:set>
</C:mkcalendar>"""


class Radicale:
    def __init__(self, users: dict[str, str] | None = None, root: Path | None = None) -> None:
        self.root = Path(root or tempfile.mkdtemp(prefix="pb-radicale-"))
        self.port = free_port()
        self.users = dict(users or {})
        self.proc: subprocess.Popen[bytes] | None = None
        auth = "type = none"
        rights = "type = owner_write" if self.users else "type = authenticated"
        if self.users:
            htpasswd = self.root / "htpasswd"
            htpasswd.write_text("".join(f"{u}:{p}\n" for u, p in self.users.items()))
            # no delay after a failed sign-in: clients first ask without credentials
            auth = (
                f"type = htpasswd\nhtpasswd_filename = {htpasswd}\nhtpasswd_encryption = plain\n"
                "delay = 0"
            )
        self.config = self.root / "config"
        self.config.write_text(
            f"[server]\nhosts = {HOST}:{self.port}\n"
            f"[auth]\n{auth}\n"
            f"[rights]\n{rights}\n"
            f"[storage]\nfilesystem_folder = {self.root / 'collections'}\n"
            "[logging]\nlevel = warning\n"
        )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> Radicale:
        with open(self.root / "radicale.log", "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        if not wait_port(self.port, timeout=20):
            self.stop()
            raise RuntimeError(f"radicale did not start:\n{self.log()}")
        return self

    def log(self) -> str:
        try:
            return (self.root / "radicale.log").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- content ------------------------------------------------------------------

    def _auth(self, user: str) -> tuple[str, str] | None:
        return (user, self.users[user]) if user in self.users else None

    def calendar_url(self, user: str, name: str) -> str:
        return f"{self.url}/{user}/{name}/"

    def make_calendar(self, user: str, name: str) -> str:
        url = self.calendar_url(user, name)
        if user not in self.users:  # no sign-in: nobody's home collection exists yet
            httpx.request("MKCOL", f"{self.url}/{user}/", timeout=10)
        r = httpx.request(
            "MKCALENDAR", url, content=MKCALENDAR_BODY, auth=self._auth(user), timeout=10
        )
        if r.status_code not in (201, 405):  # 405: exists already
            raise RuntimeError(f"MKCALENDAR failed: {r.status_code}")
        return url

    def put_event(self, user: str, calendar: str, uid: str, ics: str) -> None:
        url = f"{self.calendar_url(user, calendar)}{uid}.ics"
        r = httpx.put(
            url,
            content=ics.encode(),
            auth=self._auth(user),
            timeout=10,
            headers={"Content-Type": "text/calendar; charset=utf-8"},
        )
        if r.status_code not in (201, 204):
            raise RuntimeError(f"PUT failed: {r.status_code} {r.text[:200]}")

    def delete_event(self, user: str, calendar: str, uid: str) -> None:
        url = f"{self.calendar_url(user, calendar)}{uid}.ics"
        httpx.delete(url, auth=self._auth(user), timeout=10).raise_for_status()
