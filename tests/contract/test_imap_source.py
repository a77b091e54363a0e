"""The IMAP source against a real Dovecot: the MailSource contract, then what only
IMAP has (UIDVALIDITY, the Sent folder's discovery, \\Seen, TLS, IDLE, outages)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import fixtures
from servers.dovecot import Dovecot
from servers.net import HOST, wait_for
from test_mail_source_contract import Mailbox, MailSourceContract, MakeSource, eml, ids

from bot.adapters.sources.imap import IMAPAccount, IMAPMailSource, from_settings
from bot.errors import AuthError, MisconfiguredError, TransientError
from bot.model import Folder
from bot.model.settings import CouncilSettings, MailboxSettings, Settings
from bot.secrets import SecretRef

pytestmark = pytest.mark.servers
# the shared server fixtures, used by name below
dovecot = fixtures.dovecot


def new_user(server: Dovecot, folders: tuple[str, ...] = ("Sent",)) -> str:
    return server.take_user(folders=folders).address


def account(server: Dovecot, address: str, tmp_path: Path, **kw) -> IMAPAccount:
    secret = tmp_path / f"{address}.pw"
    secret.write_text(server.users[address].password + "\n")
    values = dict(host=HOST, port=server.imap_port, security="plain", username=address,
                  password=SecretRef("password", file=str(secret), source=address),
                  timeout=5.0, source=address)  # fmt: skip
    values.update(kw)
    return IMAPAccount(**values)  # type: ignore[arg-type]


class TestIMAPMailSource(MailSourceContract):
    @pytest.fixture
    def make_source(self, tmp_path: Path, dovecot: Dovecot) -> Iterator[MakeSource]:
        sources: list[IMAPMailSource] = []

        def factory(inbox: list[bytes], sent: list[bytes]) -> Mailbox:
            address = new_user(dovecot)
            for data in inbox:
                dovecot.append(address, "INBOX", data)
            for data in sent:
                dovecot.append(address, "Sent", data)

            def deliver(data: bytes, folder: Folder) -> None:
                dovecot.append(address, "INBOX" if folder is Folder.INBOX else "Sent", data)

            source = IMAPMailSource(address, account(dovecot, address, tmp_path))
            sources.append(source)
            return Mailbox(source=source, address=address, deliver=deliver)

        yield factory
        for source in sources:
            source.close()


# -- IMAP only ------------------------------------------------------------------


@pytest.fixture
def box(dovecot: Dovecot, tmp_path: Path) -> Iterator[tuple[str, IMAPMailSource]]:
    address = new_user(dovecot)
    source = IMAPMailSource(address, account(dovecot, address, tmp_path))
    yield address, source
    source.close()


def test_reading_never_marks_messages_seen(dovecot: Dovecot, box) -> None:
    address, source = box
    dovecot.append(address, "INBOX", eml(1))
    batch = source.poll(None)
    assert ids(batch) == ["<msg-1@contract.test>"]
    assert batch.messages[0].text and "Body of message 1" in batch.messages[0].text
    with dovecot.client(address) as c:
        c.select_folder("INBOX", readonly=True)
        flags = c.get_flags(c.search("ALL"))
    assert all(b"\\Seen" not in f for f in flags.values())


def test_headers_only_without_text(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot)
    dovecot.append(address, "INBOX", eml(1))
    source = IMAPMailSource(address, account(dovecot, address, tmp_path), with_text=False)
    (message,) = source.poll(None).messages
    assert message.text is None
    source.close()


def test_uidvalidity_change_reads_the_folder_again(dovecot: Dovecot, box) -> None:
    address, source = box
    dovecot.append(address, "INBOX", eml(1))
    dovecot.append(address, "Sent", eml(2))
    first = source.poll(None)
    assert source.poll(first.checkpoint).messages == []
    # The Sent folder deleted and made again: a new UIDVALIDITY, the same messages.
    with dovecot.client(address) as c:
        c.delete_folder("Sent")
        c.create_folder("Sent")
    dovecot.append(address, "Sent", eml(2))
    again = source.poll(first.checkpoint)
    assert ids(again) == ["<msg-2@contract.test>"]
    assert again.messages[0].folder is Folder.SENT
    assert source.poll(again.checkpoint).messages == []


def test_unreadable_checkpoint_reads_everything(box, dovecot: Dovecot) -> None:
    address, source = box
    dovecot.append(address, "INBOX", eml(1))
    assert ids(source.poll("not json")) == ["<msg-1@contract.test>"]


def test_sent_folder_found_by_special_use(dovecot: Dovecot, box) -> None:
    address, source = box
    # "Sent" carries \Sent in this Dovecot; a configured name does not override it.
    source.sent_folder = "Elsewhere"
    dovecot.append(address, "Sent", eml(3))
    (message,) = source.poll(None).messages
    assert message.folder is Folder.SENT and message.source_ref.startswith("Sent/")


def test_sent_folder_configured_fallback(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot, folders=("Copies",))
    dovecot.append(address, "Copies", eml(4))
    source = IMAPMailSource(address, account(dovecot, address, tmp_path), sent_folder="Copies")
    (message,) = source.poll(None).messages
    assert message.folder is Folder.SENT
    source.close()


def test_sent_folder_well_known_name(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot, folders=("Sent Items",))
    dovecot.append(address, "Sent Items", eml(5))
    source = IMAPMailSource(address, account(dovecot, address, tmp_path))
    assert source.poll(None).messages[0].folder is Folder.SENT
    source.close()


def test_missing_sent_folder_is_misconfigured(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot, folders=())
    source = IMAPMailSource(address, account(dovecot, address, tmp_path), sent_folder="Nope")
    with pytest.raises(MisconfiguredError, match="Nope"):
        source.poll(None)
    source.sent_folder = None
    with pytest.raises(MisconfiguredError, match="sent_folder"):
        source.poll(None)
    source.close()


def test_wrong_password_is_an_auth_error(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot)
    wrong = tmp_path / "wrong.pw"
    wrong.write_text("not-the-password")
    acct = account(dovecot, address, tmp_path, password=SecretRef("password", file=str(wrong)))
    source = IMAPMailSource(address, acct)
    with pytest.raises(AuthError) as caught:
        source.poll(None)
    assert "not-the-password" not in str(caught.value)
    source.close()


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_and_starttls_verify_the_certificate(
    dovecot: Dovecot, tmp_path: Path, security: str
) -> None:
    address = new_user(dovecot)
    dovecot.append(address, "INBOX", eml(1))
    port = dovecot.imaps_port if security == "tls" else dovecot.imap_port
    trusted = IMAPMailSource(
        address,
        account(
            dovecot, address, tmp_path, security=security, port=port, ca_file=str(dovecot.tls.ca)
        ),
    )
    assert ids(trusted.poll(None)) == ["<msg-1@contract.test>"]
    trusted.close()
    # Without the council's CA the self-made certificate is refused.
    untrusted = IMAPMailSource(
        address, account(dovecot, address, tmp_path, security=security, port=port)
    )
    with pytest.raises(MisconfiguredError, match="certificate"):
        untrusted.poll(None)
    untrusted.close()


def test_connection_refused_is_transient_with_growing_backoff(tmp_path: Path) -> None:
    from servers.net import free_port

    secret = tmp_path / "pw"
    secret.write_text("x")
    acct = IMAPAccount(
        HOST, free_port(), "plain", "a", SecretRef("password", file=str(secret)), timeout=2
    )
    source = IMAPMailSource("a@council.example", acct)
    waits = []
    for _ in range(3):
        with pytest.raises(TransientError) as caught:
            source.poll(None)
        waits.append(caught.value.retry_after)
    assert waits == [5, 10, 20]


def test_server_restart_is_survived(dovecot: Dovecot, box) -> None:
    address, source = box
    dovecot.append(address, "INBOX", eml(1))
    checkpoint = source.poll(None).checkpoint
    dovecot.stop()
    try:
        with pytest.raises(TransientError):
            source.poll(checkpoint)
    finally:
        dovecot.start()
    dovecot.append(address, "INBOX", eml(2))
    assert ids(source.poll(checkpoint)) == ["<msg-2@contract.test>"]


def test_idle_wakes_the_caller(dovecot: Dovecot, tmp_path: Path) -> None:
    address = new_user(dovecot)
    source = IMAPMailSource(address, account(dovecot, address, tmp_path), idle=True)
    woken = threading.Event()
    calls = []

    def wake() -> None:
        calls.append(1)
        woken.set()

    assert source.watch(wake)
    try:
        assert woken.wait(10)  # once at connection
        woken.clear()
        dovecot.append(address, "INBOX", eml(7))
        assert woken.wait(10)
        assert ids(source.poll(None)) == ["<msg-7@contract.test>"]
    finally:
        source.close()
    assert wait_for(
        lambda: not any(t.name.startswith("imap-idle") for t in threading.enumerate()), 10
    )


# -- the factory ----------------------------------------------------------------


def settings() -> Settings:
    return Settings(council=CouncilSettings(name="Test"), classifier={"enabled": False})


def test_from_settings_reads_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PB_IMAP_PW", "secret")
    mb = MailboxSettings(
        "Jane@Council.example",
        "imap",
        {"host": "127.0.0.1", "security": "plain", "password_env": "PB_IMAP_PW",
         "sent_folder": "Sent Items", "idle": True},
    )  # fmt: skip
    source = from_settings(mb, settings())
    assert source.address == "jane@council.example"
    assert source.account.port == 143 and source.account.username == "Jane@Council.example"
    assert source.sent_folder == "Sent Items" and source.idle and not source.with_text
    assert "secret" not in repr(source.account)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"host": "mail.council.example", "security": "plain"}, "allowed only"),
        ({"host": "127.0.0.1"}, "password_env or password_file"),
        ({"host": "127.0.0.1", "password_env": "PB_IMAP_PW", "sent_foler": "x"}, "sent_foler"),
        ({"host": "127.0.0.1", "password_env": "PB_UNSET_VARIABLE"}, "PB_UNSET_VARIABLE"),
        ({"host": "127.0.0.1", "password_env": "PB_IMAP_PW", "security": "ssl"}, "security"),
        ({"password_env": "PB_IMAP_PW"}, "host"),
    ],
)
def test_from_settings_refuses_bad_options(
    options, message, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PB_IMAP_PW", "secret")
    monkeypatch.delenv("PB_UNSET_VARIABLE", raising=False)
    with pytest.raises(MisconfiguredError, match=message):
        from_settings(MailboxSettings("jane@council.example", "imap", options), settings())


def test_tls_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PB_IMAP_PW", "secret")
    options = {"host": "mail.council.example", "password_env": "PB_IMAP_PW"}
    source = from_settings(MailboxSettings("jane@council.example", "imap", options), settings())
    assert (source.account.security, source.account.port) == ("tls", 993)
