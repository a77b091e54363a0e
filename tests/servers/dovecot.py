"""Dovecot with a private configuration: IMAP (plain + STARTTLS, and implicit TLS),
LMTP, Maildir, users in a passwd-file, everything in one temporary directory.

Nothing of the system's Dovecot is used but the binary: no /etc/dovecot, no system
service. As root, mail files belong to the ``dovecot`` user (Dovecot refuses uid 0
for mail); otherwise Dovecot runs entirely as the current user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from doubles.tls import TlsFiles, make_tls
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from servers.net import HOST, free_port, wait_port

INSTALL_HINT = (
    "run `bash scripts/install-test-servers` (as root) to install dovecot-imapd and dovecot-lmtpd"
)


class ServerMissing(RuntimeError):
    pass


def dovecot_binary() -> str:
    found = shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)),
        None,
    )
    if found is None:
        raise ServerMissing(f"the dovecot binary was not found: {INSTALL_HINT}")
    lmtp = Path(found).resolve().parent.parent / "lib" / "dovecot" / "lmtp"
    if not lmtp.exists() and not Path("/usr/lib/dovecot/lmtp").exists():
        raise ServerMissing(f"Dovecot's LMTP server is missing: {INSTALL_HINT}")
    return found


@dataclass(frozen=True)
class User:
    address: str
    password: str


class Dovecot:
    """One private Dovecot. ``start``/``stop`` may be repeated (a restart keeps the
    mail, the ports and the UIDVALIDITYs)."""

    def __init__(self, root: Path | None = None) -> None:
        self.binary = dovecot_binary()
        self.root = Path(root or tempfile.mkdtemp(prefix="pb-dovecot-"))
        # Dovecot's unprivileged processes must be able to reach their sockets.
        self.root.chmod(0o755)
        self.imap_port = free_port()
        self.imaps_port = free_port()
        self.lmtp_port = free_port()
        self.tls: TlsFiles = make_tls(self.root / "tls")
        self.users: dict[str, User] = {}
        self.proc: subprocess.Popen[bytes] | None = None
        self._as_root = os.geteuid() == 0
        if self._as_root:
            account = pwd.getpwnam("dovecot")
            self.uid, self.gid = account.pw_uid, account.pw_gid
            internal, login = "dovecot", "dovenull"
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
            internal = login = pwd.getpwuid(self.uid).pw_name
        for sub in ("run", "state", "home"):
            (self.root / sub).mkdir(exist_ok=True)
        (self.root / "home").chmod(0o755)
        if self._as_root:
            os.chown(self.root / "home", self.uid, self.gid)
        self.passwd = self.root / "users"
        self.passwd.touch()
        self.passwd.chmod(0o644)
        self.config = self.root / "dovecot.conf"
        self.log = self.root / "dovecot.log"
        self.config.write_text(self._config(internal, login))
        self._seed_pool()

    def _config(self, internal: str, login: str) -> str:
        r = self.root
        dh = Path("/usr/share/dovecot/dh.pem")
        dh_line = f"ssl_dh = <{dh}" if dh.exists() else ""
        no_chroot = "" if self._as_root else "chroot ="
        return f"""
protocols = imap lmtp
listen = {HOST}
base_dir = {r}/run
state_dir = {r}/state
log_path = {self.log}
info_log_path = {self.log}
default_internal_user = {internal}
default_internal_group = {internal if not self._as_root else "dovecot"}
default_login_user = {login}
first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_uid = {self.uid}
mail_gid = {self.gid}
ssl = yes
ssl_cert = <{self.tls.cert}
ssl_key = <{self.tls.key}
{dh_line}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwd}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {self.passwd}
  default_fields = uid={self.uid} gid={self.gid} home={r}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Drafts {{
    special_use = \\Drafts
  }}
}}
service imap-login {{
  {no_chroot}
  inet_listener imap {{
    address = {HOST}
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {self.imaps_port}
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = {HOST}
    port = {self.lmtp_port}
  }}
}}
service anvil {{
  {no_chroot}
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service auth {{
  {no_chroot}
}}
service stats {{
  {no_chroot}
}}
lmtp_rcpt_check_quota = no
"""

    # -- users --------------------------------------------------------------------

    # Dovecot re-reads the passwd-file at most once a second, so users added while it
    # runs become valid only after a moment; a pool written before the start is
    # valid at once. ``take_user`` hands out pool users, ``add_user`` any address.
    POOL = 120

    def _write_users(self) -> None:
        lines = [f"{u.address}:{{PLAIN}}{u.password}::::::" for u in self.users.values()]
        tmp = self.passwd.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n")
        tmp.chmod(0o644)
        os.replace(tmp, self.passwd)

    def _seed_pool(self) -> None:
        self._pool = [f"user{n:03d}@pool.test" for n in range(self.POOL)]
        for address in self._pool:
            self.users[address] = User(address, "pw-" + address)
        self._write_users()

    def take_user(self, *, folders: tuple[str, ...] = ("Sent",)) -> User:
        """A fresh user of the pool, with ``folders`` created."""
        user = self.users[self._pool.pop(0)]
        self._create_folders(user.address, folders)
        return user

    def add_user(
        self, address: str, password: str = "secret", *, folders: tuple[str, ...] = ("Sent",)
    ) -> User:
        """Add a user and wait (at most 5 s) until Dovecot accepts it."""
        address = address.lower()
        user = User(address, password)
        self.users[address] = user
        self._write_users()
        if self.proc is not None:
            deadline = time.monotonic() + 5
            while True:
                try:
                    self.client(address).logout()
                    break
                except LoginError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            self._create_folders(address, folders)
        return user

    def _create_folders(self, address: str, folders: tuple[str, ...]) -> None:
        if not folders:
            return
        with self.client(address) as c:
            for folder in folders:
                if not c.folder_exists(folder):
                    c.create_folder(folder)

    def client(self, address: str, *, timeout: float = 10) -> IMAPClient:
        user = self.users[address.lower()]
        c = IMAPClient(HOST, port=self.imap_port, ssl=False, timeout=timeout)
        try:
            c.login(user.address, user.password)
        except BaseException:
            c.shutdown()
            raise
        return c

    def append(self, address: str, folder: str, data: bytes, flags: tuple[bytes, ...] = ()) -> None:
        with self.client(address) as c:
            c.append(folder, data, flags=flags)

    def message_ids(self, address: str, folder: str = "INBOX") -> list[str]:
        """The Message-ID of every message in a folder, in UID order (for counting)."""
        with self.client(address) as c:
            c.select_folder(folder, readonly=True)
            uids = c.search("ALL")
            if not uids:
                return []
            fetched = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        out = []
        for uid in sorted(fetched):
            raw = fetched[uid].get(b"BODY[HEADER.FIELDS (MESSAGE-ID)]", b"")
            value = raw.decode("ascii", "replace").partition(":")[2].strip()
            out.append(value)
        return out

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.tls.ca))

    # -- process ------------------------------------------------------------------

    def start(self) -> None:
        if self.proc is not None:
            return
        # Auth penalties (anvil) from an earlier run must not slow the first logins.
        with contextlib.suppress(FileNotFoundError):
            (self.root / "run" / "anvil-auth-penalty").unlink()
        with open(self.root / "stderr.log", "ab") as err:
            self.proc = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        if not wait_port(self.imap_port, timeout=15) or not wait_port(self.lmtp_port, timeout=5):
            tail = self.tail()
            self.stop()
            raise RuntimeError(f"dovecot did not start; its log ends:\n{tail}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        children = _children(proc.pid)
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        wait_port(self.imap_port, timeout=10, open_=False)
        # Open sessions (imap, lmtp) outlive the master by seconds; a stop is complete
        # only when no one can still answer on an open connection, as after a crash.
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
            time.sleep(0.05)
        for child in children:
            with contextlib.suppress(OSError):
                # only a Dovecot process: the pid may have been reused meanwhile
                if Path(f"/proc/{child}/cmdline").read_bytes().startswith(b"dovecot"):
                    os.kill(child, signal.SIGKILL)

    def tail(self, lines: int = 30) -> str:
        text = ""
        for name in (self.log, self.root / "stderr.log"):
            with contextlib.suppress(OSError):
                text += name.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name (2nd field) may hold spaces; the ppid follows its ")"
        ppid = int(stat.rpartition(")")[2].split()[1])
        if ppid == pid:
            found.append(int(entry.name))
    return found
