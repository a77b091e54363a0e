"""pytest fixtures for the real servers. A test module binds the ones it uses::

    from servers import fixtures

    dovecot = fixtures.dovecot

Each server lives for one test module; tests keep apart by using their own users
(``dovecot.add_user``) and calendars.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from servers.dovecot import Dovecot, ServerMissing
from servers.radicale_server import Radicale
from servers.smtp_relay import SmtpRelay


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    try:
        server = Dovecot()
    except ServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def smtp_relay(dovecot: Dovecot) -> Iterator[SmtpRelay]:
    relay = SmtpRelay(dovecot.lmtp_port, dovecot.users).start()
    try:
        yield relay
    finally:
        relay.stop()


@pytest.fixture(scope="module")
def radicale() -> Iterator[Radicale]:
    """Radicale with htpasswd plain auth: user ``officer`` / ``calpass``."""
    server = Radicale({"officer": "calpass"})
    try:
        yield server.start()
    finally:
        server.close()


@pytest.fixture(scope="module")
def radicale_open() -> Iterator[Radicale]:
    """Radicale without authentication."""
    server = Radicale()
    try:
        yield server.start()
    finally:
        server.close()
