"""An SMTP server (aiosmtpd) that delivers into Dovecot over LMTP, like a council's
relay in front of its mail store.

Like a real MTA it queues: a message is accepted (250) once received, then a
delivery thread hands it to Dovecot over LMTP, one recipient per LMTP
transaction (smtplib.LMTP), retrying while Dovecot is down (for at most a
minute). So the moment between the client's final "." and the 250 is short, as
with Postfix. Recipients Dovecot does not hold are only remembered
(``messages``), as mail leaving the council would be. ``fail_next`` holds canned
replies for error tests; :meth:`SmtpRelay.drain` waits for the queue to empty.
"""

from __future__ import annotations

import logging
import queue
import smtplib
import ssl
import threading
import time
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from servers.net import HOST, free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class RelayHandler:
    lmtp_port: int | None
    local: Container[str]  # addresses Dovecot holds (looked up at delivery)
    messages: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    fail_next: list[str] = field(default_factory=list)  # canned replies, for error tests
    queue: queue.Queue[tuple[str, str, bytes, float]] = field(default_factory=queue.Queue)
    undeliverable: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.fail_next:
            return self.fail_next.pop(0)
        data = envelope.original_content or envelope.content
        with self.lock:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data))
        for rcpt in envelope.rcpt_tos:
            if rcpt.lower() in self.local and self.lmtp_port is not None:
                self.queue.put((envelope.mail_from, rcpt, data, time.monotonic() + 60))
        return "250 2.0.0 OK queued"

    def deliver_one(self, stop: threading.Event) -> None:
        try:
            item = self.queue.get(timeout=0.1)
        except queue.Empty:
            return
        mail_from, rcpt, data, give_up = item
        try:
            with smtplib.LMTP(HOST, self.lmtp_port, timeout=10) as lmtp:
                lmtp.sendmail(mail_from, [rcpt], data)
        except smtplib.SMTPRecipientsRefused as exc:
            code, _ = next(iter(exc.recipients.values()))
            if code < 500 and time.monotonic() < give_up and not stop.is_set():
                self._retry(item, stop)
            else:
                self.undeliverable.append(rcpt)
        except (OSError, smtplib.SMTPException):
            if time.monotonic() < give_up and not stop.is_set():
                self._retry(item, stop)
            else:
                self.undeliverable.append(rcpt)
        finally:
            self.queue.task_done()

    def _retry(self, item: tuple[str, str, bytes, float], stop: threading.Event) -> None:
        stop.wait(0.2)  # the mail store is down: try again shortly
        self.queue.put(item)


class SmtpRelay:
    def __init__(
        self,
        lmtp_port: int | None,
        local: Container[str],
        *,
        username: str | None = None,
        password: str | None = None,
        tls_context: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
    ) -> None:
        # aiosmtpd logs a deprecation notice on every AUTH; it is not ours to fix.
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        self.port = free_port()
        self.handler = RelayHandler(lmtp_port, local)
        self.username, self.password = username, password
        kwargs: dict[str, Any] = {}
        if username is not None:
            # AUTH is required only over TLS: aiosmtpd warns (an error under -W error)
            # when it would be required in clear text.
            # With implicit TLS aiosmtpd does not count the session as secure, so
            # AUTH is offered there without being required.
            secure = tls_context is not None and not implicit_tls
            kwargs.update(
                authenticator=self._authenticate, auth_required=secure, auth_require_tls=secure
            )
        controller_kwargs: dict[str, Any] = {}
        if tls_context is not None and implicit_tls:
            controller_kwargs["ssl_context"] = tls_context  # TLS from the first byte
        elif tls_context is not None:
            kwargs.update(tls_context=tls_context, require_starttls=True)
        self._stop = threading.Event()
        self._worker = threading.Thread(target=self._deliver, name="relay-delivery", daemon=True)
        self.controller = Controller(
            self.handler,
            hostname=HOST,
            port=self.port,
            ready_timeout=10,
            **controller_kwargs,
            **kwargs,
        )

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == self.username
            and data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)

    @property
    def messages(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.messages)

    @staticmethod
    def server_context(cert: str, key: str) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        return context

    def _deliver(self) -> None:
        while not self._stop.is_set():
            self.handler.deliver_one(self._stop)

    def drain(self, timeout: float = 10) -> bool:
        """Wait until every queued delivery is done (or given up)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.handler.queue.unfinished_tasks == 0:
                return True
            time.sleep(0.02)
        return False

    def start(self) -> SmtpRelay:
        self.controller.start()
        self._worker.start()
        return self

    def stop(self) -> None:
        self.controller.stop()
        self._stop.set()
        self._worker.join(15)
