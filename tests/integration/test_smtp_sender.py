"""The SMTP sender against a real relay (aiosmtpd -> LMTP -> Dovecot): delivery,
TLS, sign-in, error mapping, and the Sent-folder record that makes was_sent
answer after a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import fixtures
from servers.dovecot import Dovecot
from servers.net import HOST, free_port
from servers.smtp_relay import SmtpRelay

from bot.adapters.outbox.smtp import (
    PENDING_KEYWORD,
    SentFolder,
    SMTPSender,
    SMTPServer,
    from_settings,
)
from bot.adapters.sources.imap import IMAPAccount
from bot.errors import AuthError, MisconfiguredError, SourceError, TransientError
from bot.model.outgoing import OutgoingEmail
from bot.model.settings import CouncilSettings, MailboxSettings, Settings
from bot.secrets import SecretRef

pytestmark = pytest.mark.servers
# the shared server fixtures, used by name below
dovecot = fixtures.dovecot
smtp_relay = fixtures.smtp_relay

_ids = iter(range(1, 1_000_000))


def email(officer: str, member: str, **kw) -> OutgoingEmail:
    n = next(_ids)
    values = dict(message_id=f"<ack-{n}@bot.test>", mailbox=officer, from_addr=officer,
                  from_name="Jane Smith", to=(member,), subject=f"Your email {n}",
                  text="We have your email.\n.\nA line that starts with a dot.", rule="acknowledgement")  # fmt: skip
    values.update(kw)
    return OutgoingEmail(**values)  # type: ignore[arg-type]


def password_file(tmp_path: Path, value: str) -> SecretRef:
    path = tmp_path / f"pw-{next(_ids)}"
    path.write_text(value)
    return SecretRef("password", file=str(path))


def sent_folder(server: Dovecot, address: str, tmp_path: Path) -> SentFolder:
    account = IMAPAccount(HOST, server.imap_port, "plain", address,
                          password_file(tmp_path, server.users[address].password), timeout=5, source=address)  # fmt: skip
    return SentFolder(account)


@pytest.fixture
def people(dovecot: Dovecot) -> tuple[str, str]:
    return dovecot.take_user().address, dovecot.take_user().address


@pytest.fixture
def sender(dovecot: Dovecot, smtp_relay: SmtpRelay, people, tmp_path: Path) -> Iterator[SMTPSender]:
    officer, _ = people
    s = SMTPSender(
        SMTPServer(HOST, smtp_relay.port, "plain", timeout=5),
        sent_folders={officer: sent_folder(dovecot, officer, tmp_path)},
    )
    yield s
    s.close()


def inbox(server: Dovecot, relay: SmtpRelay, address: str) -> list[str]:
    """The member's inbox once the relay's queue is delivered."""
    assert relay.drain()
    return server.message_ids(address)


def sent_flags(server: Dovecot, address: str) -> list[tuple[bytes, ...]]:
    with server.client(address) as c:
        c.select_folder("Sent", readonly=True)
        uids = c.search("NOT DELETED")
        return [tuple(f) for f in c.get_flags(uids).values()] if uids else []


def test_delivers_and_records_the_sent_copy(dovecot: Dovecot, smtp_relay, sender, people) -> None:
    officer, member = people
    mail = email(officer, member)
    assert sender.was_sent(mail) is False
    sender.send(mail)
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]
    assert dovecot.message_ids(officer, "Sent") == [mail.message_id]
    (flags,) = sent_flags(dovecot, officer)
    assert b"\\Seen" in flags and PENDING_KEYWORD not in flags
    assert sender.was_sent(mail) is True
    # Sending it again (a retry) finds it in Sent and sends nothing.
    sender.send(mail)
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]


def test_dot_stuffing_keeps_the_text(dovecot: Dovecot, smtp_relay, sender, people) -> None:
    officer, member = people
    mail = email(officer, member)
    sender.send(mail)
    assert smtp_relay.drain()
    with dovecot.client(member) as c:
        c.select_folder("INBOX", readonly=True)
        (uid,) = c.search("ALL")
        body = c.fetch([uid], ["BODY.PEEK[TEXT]"])[uid][b"BODY[TEXT]"]
    assert b"\r\n.\r\nA line that starts with a dot." in body
    assert b"Auto-Submitted" not in body  # headers stayed headers


def test_without_a_sent_folder_was_sent_cannot_tell(dovecot, smtp_relay, people) -> None:
    officer, member = people
    sender = SMTPSender(SMTPServer(HOST, smtp_relay.port, "plain", timeout=5))
    mail = email(officer, member)
    sender.send(mail)
    assert sender.was_sent(mail) is None
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]
    assert dovecot.message_ids(officer, "Sent") == []
    sender.close()


def test_crash_after_the_record_before_the_final_dot(dovecot, smtp_relay, sender, people) -> None:
    """The process dies between the pending copy and the final ".": nothing was
    delivered, and was_sent says it cannot tell (the runner will not resend)."""
    officer, member = people
    mail = email(officer, member)
    folder = sender.sent_folders[officer]
    real_append = folder.append

    class Died(BaseException):
        pass

    def append_then_die(data: bytes, *, pending: bool) -> None:
        real_append(data, pending=pending)
        raise Died

    folder.append = append_then_die  # type: ignore[method-assign]
    with pytest.raises(Died):
        sender.send(mail)
    sender._drop()  # the process is gone: its connection with it
    folder.append = real_append  # type: ignore[method-assign]
    assert dovecot.message_ids(officer, "Sent") == [mail.message_id]
    assert sender.was_sent(mail) is None
    assert inbox(dovecot, smtp_relay, member) == []


def test_a_pending_leftover_of_a_failed_try_is_replaced(
    dovecot, smtp_relay, sender, people
) -> None:
    officer, member = people
    mail = email(officer, member)
    sender.sent_folders[officer].append(
        b"Message-ID: " + mail.message_id.encode() + b"\r\n\r\nx\r\n", pending=True
    )
    sender.send(mail)
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]
    assert dovecot.message_ids(officer, "Sent") == [mail.message_id]
    assert sender.was_sent(mail) is True


@pytest.mark.parametrize(
    ("reply", "error"),
    [("451 4.3.0 try later", TransientError), ("554 5.7.1 rejected", SourceError)],
)
def test_refused_message_is_mapped_and_leaves_no_copy(
    dovecot, smtp_relay, sender, people, reply, error
) -> None:
    officer, member = people
    mail = email(officer, member)
    smtp_relay.handler.fail_next.append(reply)
    with pytest.raises(error) as caught:
        sender.send(mail)
    assert type(caught.value) is error
    assert dovecot.message_ids(officer, "Sent") == []
    assert sender.was_sent(mail) is False
    sender.send(mail)  # and a later try goes through
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]


def test_connection_refused_is_transient(dovecot, people) -> None:
    officer, member = people
    sender = SMTPSender(SMTPServer(HOST, free_port(), "plain", timeout=2))
    with pytest.raises(TransientError):
        sender.send(email(officer, member))
    sender.close()


def test_mail_store_down_is_transient_and_sends_nothing(
    dovecot, sender, smtp_relay, people
) -> None:
    officer, member = people
    before = len(smtp_relay.messages)
    mail = email(officer, member)
    dovecot.stop()
    try:
        with pytest.raises(TransientError):
            sender.send(mail)
    finally:
        dovecot.start()
    assert len(smtp_relay.messages) == before
    sender.send(mail)
    assert inbox(dovecot, smtp_relay, member) == [mail.message_id]


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_and_sign_in(dovecot: Dovecot, people, tmp_path: Path, security: str) -> None:
    officer, member = people
    context = SmtpRelay.server_context(str(dovecot.tls.cert), str(dovecot.tls.key))
    relay = SmtpRelay(dovecot.lmtp_port, dovecot.users, username="bot", password="relay-pw",
                      tls_context=context, implicit_tls=security == "tls").start()  # fmt: skip
    try:
        ca = str(dovecot.tls.ca)

        def server(password: str, ca_file: str | None = ca) -> SMTPServer:
            return SMTPServer(
                HOST, relay.port, security, "bot", password_file(tmp_path, password), ca_file, 5
            )

        good = SMTPSender(server("relay-pw"))
        mail = email(officer, member)
        good.send(mail)
        good.close()
        assert inbox(dovecot, relay, member) == [mail.message_id]

        wrong = SMTPSender(server("wrong"))
        with pytest.raises(AuthError):
            wrong.send(email(officer, member))
        wrong.close()

        untrusted = SMTPSender(server("relay-pw", ca_file=None))
        with pytest.raises(MisconfiguredError, match="certificate"):
            untrusted.send(email(officer, member))
        untrusted.close()
    finally:
        relay.stop()


def test_starttls_required_but_not_offered(smtp_relay, people) -> None:
    officer, member = people
    sender = SMTPSender(SMTPServer(HOST, smtp_relay.port, "starttls", timeout=5))
    with pytest.raises(MisconfiguredError, match="STARTTLS"):
        sender.send(email(officer, member))
    sender.close()


# -- the factory ----------------------------------------------------------------


def settings(*mailboxes: MailboxSettings) -> Settings:
    return Settings(council=CouncilSettings(name="Test"), mailboxes=mailboxes)


def test_from_settings_uses_each_imap_mailbox_for_its_sent_copies(
    dovecot, smtp_relay, people, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    officer, member = people
    monkeypatch.setenv("PB_OFFICER_PW", dovecot.users[officer].password)
    mailbox = MailboxSettings(officer, "imap", {"host": HOST, "port": dovecot.imap_port,
                                                "security": "plain", "password_env": "PB_OFFICER_PW"})  # fmt: skip
    options = {"type": "smtp", "host": HOST, "port": smtp_relay.port, "security": "plain",
               "append_sent": True}  # fmt: skip
    sender = from_settings(options, settings(mailbox))
    mail = email(officer, member)
    sender.send(mail)
    assert sender.was_sent(mail) is True
    assert dovecot.message_ids(officer, "Sent") == [mail.message_id]
    sender.close()


def test_from_settings_shared_imap_account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PB_SMTP_PW", "smtp-secret-value")
    monkeypatch.setenv("PB_IMAP_PW", "imap-secret-value")
    options = {"type": "smtp", "host": "smtp.council.example", "username": "bot",
               "password_env": "PB_SMTP_PW", "append_sent": True,
               "imap_host": "imap.council.example", "imap_username": "bot",
               "imap_password_env": "PB_IMAP_PW", "imap_sent_folder": "Sent Items"}  # fmt: skip
    mailbox = MailboxSettings("jane@council.example", "folder", {"path": "x"})
    sender = from_settings(options, settings(mailbox))
    assert (sender.server.security, sender.server.port) == ("tls", 465)
    folder = sender.sent_folders["jane@council.example"]
    assert folder.configured == "Sent Items" and folder.account.host == "imap.council.example"
    shown = repr(sender.server) + repr(folder.account)
    assert "secret-value" not in shown and "PB_SMTP_PW" in shown


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"host": "smtp.council.example", "security": "plain"}, "allowed only"),
        ({"host": "127.0.0.1", "username": "bot"}, "password_env or password_file"),
        ({"host": "127.0.0.1", "append_sent": True}, "append_sent needs"),
        ({"host": "127.0.0.1", "apend_sent": True}, "apend_sent"),
        ({"host": "127.0.0.1", "password": "inline"}, "password"),
    ],
)
def test_from_settings_refuses_bad_options(options, message) -> None:
    with pytest.raises(MisconfiguredError, match=message):
        from_settings({"type": "smtp", **options}, settings())
