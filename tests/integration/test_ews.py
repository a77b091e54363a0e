"""The EWS source and sender against the EWS double, over real HTTP with the real
exchangelib: incremental sync, restart, a forgotten sync state, throttling,
impersonation and delegate access, TLS, OAuth, sending, lists, the calendar,
and the double's own strictness."""

from __future__ import annotations

import base64
import email
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from doubles.ews_double import EwsDouble
from doubles.mailstore import Attendee
from doubles.tls import make_tls

from bot.adapters.outbox.ews import EwsSender
from bot.adapters.sources.ews import EwsCalendarSource, EwsMailSource, EwsOptions, connection
from bot.core.automail import automatic_reason, is_own
from bot.errors import AuthError, MisconfiguredError, TransientError
from bot.model import Folder
from bot.model.outgoing import OutgoingEmail

OFFICER = "jane.smith@council.example"
DEMSERV = "democratic.services@council.example"
MEMBER = "cllr.alice@council.example"
PASSWORD_ENV = "EWS_DOUBLE_PASSWORD"


def mail(n: int, *, sender: str = MEMBER, to: str = OFFICER, extra: str = "", day: int = 3,
         subject: str = "", body: str = "") -> bytes:  # fmt: skip
    lines = [
        f"From: Cllr Alice <{sender}>",
        f"To: {to}",
        f"Subject: {subject or f'Question {n}'}",
        f"Date: Tue, {day} Nov 2026 10:{n % 60:02d}:00 +0000",
        f"Message-ID: <q{n}@member.test>",
    ]
    if extra:
        lines.append(extra)
    lines += ["Content-Type: text/plain; charset=utf-8", "", body or f"Body of question {n}.", ""]
    return "\r\n".join(lines).encode()


def options(double: EwsDouble, **extra: object) -> dict[str, object]:
    return {"service_endpoint": double.url, "auth": "basic", "username": double.username,
            "password_env": PASSWORD_ENV, **extra}  # fmt: skip


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch) -> Iterator[EwsDouble]:
    yield from serve_double(monkeypatch)


def serve_double(monkeypatch: pytest.MonkeyPatch) -> Iterator[EwsDouble]:
    """The double with OFFICER and DEMSERV, both impersonated, its password in the environment."""
    d = EwsDouble(impersonation={OFFICER, DEMSERV})
    d.add_mailbox(OFFICER, "Jane Smith")
    d.add_mailbox(DEMSERV, "Democratic Services")
    monkeypatch.setenv(PASSWORD_ENV, d.password)
    with d:
        yield d


def source(double: EwsDouble, address: str = OFFICER, **kw: object) -> EwsMailSource:
    opts = options(double, **{k: v for k, v in kw.items() if k in ("access", "batch_size")})
    return EwsMailSource(address, connection(opts, source=address), with_text=bool(kw.get("with_text")))


def ids(batch) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.message_id for m in batch.messages]


# -- reading ----------------------------------------------------------------------


def test_first_sync_then_incremental_then_resume_after_restart(double: EwsDouble) -> None:
    for n in (1, 2, 3):
        double.deliver(OFFICER, "inbox", mail(n))
    first = source(double)
    batch = first.poll(None)
    assert ids(batch) == ["<q1@member.test>", "<q2@member.test>", "<q3@member.test>"]
    double.deliver(OFFICER, "inbox", mail(4))
    batch2 = first.poll(batch.checkpoint)
    assert ids(batch2) == ["<q4@member.test>"]
    first.close()

    # A restart: a new process, a new connection, only the stored checkpoint.
    double.deliver(OFFICER, "inbox", mail(5))  # arrived while we were down
    second = source(double)
    batch3 = second.poll(batch2.checkpoint)
    assert ids(batch3) == ["<q5@member.test>"]
    assert second.poll(batch3.checkpoint).messages == []
    second.close()


def test_a_big_mailbox_comes_in_bounded_batches_each_message_once(double: EwsDouble) -> None:
    for n in range(600):
        double.deliver(OFFICER, "inbox", mail(n))
    src = source(double, batch_size=250)
    seen: list[str] = []
    checkpoint = None
    sizes = []
    for _ in range(10):
        batch = src.poll(checkpoint)
        sizes.append(len(batch.messages))
        seen += ids(batch)
        checkpoint = batch.checkpoint
        if not batch.messages:
            break
    assert sorted(seen) == sorted(f"<q{n}@member.test>" for n in range(600))
    assert len(seen) == len(set(seen))
    assert max(sizes) <= 250 and sizes[0] == 250
    src.close()


def test_a_sync_state_the_server_forgot_reads_the_folder_again(double: EwsDouble, caplog) -> None:  # type: ignore[no-untyped-def]
    double.deliver(OFFICER, "inbox", mail(1))
    src = source(double)
    checkpoint = src.poll(None).checkpoint
    double.forget_sync_states()
    double.deliver(OFFICER, "inbox", mail(2))
    with caplog.at_level(logging.WARNING):
        batch = src.poll(checkpoint)
    assert ids(batch) == ["<q1@member.test>", "<q2@member.test>"]  # the core ignores repeats
    assert "no longer knows our sync state" in caplog.text
    assert ("SyncFolderItems", "ErrorInvalidSyncStateData") in double.rejected
    assert src.poll(batch.checkpoint).messages == []
    src.close()


def test_throttling_is_transient_with_the_servers_back_off_and_loses_nothing(double: EwsDouble) -> None:
    double.deliver(OFFICER, "inbox", mail(1))
    src = source(double)
    checkpoint = src.poll(None).checkpoint
    double.deliver(OFFICER, "inbox", mail(2))
    double.throttle(times=1, back_off_ms=45_000)
    with pytest.raises(TransientError) as caught:
        src.poll(checkpoint)
    assert caught.value.retry_after == 45.0
    assert "ErrorServerBusy" in str(caught.value)
    assert ids(src.poll(checkpoint)) == ["<q2@member.test>"]  # retried from the same checkpoint
    src.close()


def test_impersonation_header_names_the_mailbox_on_every_call(double: EwsDouble) -> None:
    double.deliver(OFFICER, "inbox", mail(1))
    src = source(double)
    src.poll(None)
    calls = [c for c in double.calls if c.operation != "ConvertId"]
    assert calls and all(c.impersonated == OFFICER for c in calls)
    src.close()


def test_missing_impersonation_role_says_what_the_administrator_must_do(monkeypatch: pytest.MonkeyPatch) -> None:
    with EwsDouble(impersonation=set()) as d:
        d.add_mailbox(OFFICER)
        monkeypatch.setenv(PASSWORD_ENV, d.password)
        src = source(d)
        with pytest.raises(AuthError) as caught:
            src.poll(None)
        text = str(caught.value)
        assert "ErrorImpersonateUserDenied" in text and "ApplicationImpersonation" in text
        assert "New-ManagementRoleAssignment" in text
        src.close()


def test_delegate_access_reads_without_impersonation(monkeypatch: pytest.MonkeyPatch) -> None:
    with EwsDouble(delegate={OFFICER}) as d:
        d.add_mailbox(OFFICER)
        d.deliver(OFFICER, "inbox", mail(1))
        monkeypatch.setenv(PASSWORD_ENV, d.password)
        src = source(d, access="delegate")
        assert ids(src.poll(None)) == ["<q1@member.test>"]
        assert all(c.impersonated is None for c in d.calls)
        src.close()
        d.add_mailbox(DEMSERV)
        other = source(d, DEMSERV, access="delegate")
        with pytest.raises(AuthError, match="FullAccess"):
            other.poll(None)
        other.close()


def test_a_refused_password_is_an_auth_error_and_a_rotated_one_is_read_again(
    double: EwsDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    src = source(double)
    with pytest.raises(AuthError, match="refused the sign-in"):
        src.poll(None)
    monkeypatch.setenv(PASSWORD_ENV, double.password)  # the administrator fixes it
    assert src.poll(None).messages == []
    src.close()


def test_only_the_kept_headers_survive_and_automatic_mail_is_recognised(double: EwsDouble) -> None:
    extra = ("Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n"
             "Received: from mx.example by council\r\nDKIM-Signature: v=1; a=rsa-sha256")  # fmt: skip
    double.deliver(OFFICER, "inbox", mail(1, extra=extra))
    src = source(double)
    (msg,) = src.poll(None).messages
    assert dict(msg.headers) == {
        "auto-submitted": "auto-replied",
        "x-auto-response-suppress": "All",
        "content-type": "text/plain; charset=utf-8",
    }
    assert automatic_reason(msg) is not None
    src.close()


def test_body_text_is_fetched_only_when_asked_and_only_for_the_inbox(double: EwsDouble) -> None:
    double.deliver(OFFICER, "inbox", mail(1, body="When will the works start?"))
    double.deliver(OFFICER, "sentitems", mail(2, sender=OFFICER, to=MEMBER))
    plain = source(double)
    plain.poll(None)
    assert not any("item:TextBody" in f or "item:Body" in f for f in double.get_item_fields)
    plain.close()
    double.get_item_fields.clear()
    with_text = source(double, with_text=True)
    batch = with_text.poll(None)
    by_folder = {m.folder: m for m in batch.messages}
    assert by_folder[Folder.INBOX].text is not None
    assert "When will the works start?" in by_folder[Folder.INBOX].text
    assert by_folder[Folder.SENT].text is None
    assert sum("item:TextBody" in f for f in double.get_item_fields) == 1  # the inbox's GetItem only
    with_text.close()


def test_sent_items_give_bcc_threading_and_the_conversation(double: EwsDouble) -> None:
    double.deliver(OFFICER, "inbox", mail(1))
    reply = (b"From: Jane Smith <jane.smith@council.example>\r\nTo: cllr.alice@council.example\r\n"
             b"Bcc: Cllr Bob <cllr.bob@council.example>\r\nSubject: RE: Question 1\r\n"
             b"Date: Tue, 3 Nov 2026 11:00:00 +0000\r\nMessage-ID: <r1@council.example>\r\n"
             b"In-Reply-To: <q1@member.test>\r\nReferences: <q1@member.test>\r\n\r\nAnswer.\r\n")  # fmt: skip
    double.deliver(OFFICER, "sentitems", reply)
    src = source(double)
    inbox, sent = src.poll(None).messages
    assert sent.folder is Folder.SENT and sent.bcc == ("cllr.bob@council.example",)
    assert sent.in_reply_to == "<q1@member.test>" and sent.references == ("<q1@member.test>",)
    assert sent.conversation_id and sent.conversation_id == inbox.conversation_id
    src.close()


# -- sending -------------------------------------------------------------------------


def ack(n: int = 1, sender: str = OFFICER) -> OutgoingEmail:
    return OutgoingEmail(
        message_id=f"<pb-{n:024x}@council.example>",
        mailbox=OFFICER,
        from_addr=sender,
        from_name="Jane Smith",
        to=(MEMBER,),
        subject="RE: Question 1",
        text="Thank you for your email.",
        in_reply_to="<q1@member.test>",
        references=("<q1@member.test>",),
        rule="acknowledgement",
        date=datetime(2026, 11, 3, 14, 0, tzinfo=UTC),
    )


def test_sending_goes_from_the_officers_mailbox_threaded_and_saved_to_sent_items(double: EwsDouble) -> None:
    sender = EwsSender(connection(options(double), source="outbox"))
    email_ = ack()
    assert sender.was_sent(email_) is False
    sender.send(email_)
    assert double.dispositions == ["SendAndSaveCopy"]
    ((mailbox, raw),) = double.sent
    sent = email.message_from_bytes(raw)
    assert mailbox == OFFICER
    assert sent["Message-ID"] == email_.message_id
    assert sent["In-Reply-To"] == "<q1@member.test>" and sent["References"] == "<q1@member.test>"
    assert sent["Auto-Submitted"] == "auto-generated" and sent["X-Protocol-Bot"] == "acknowledgement"
    assert sender.was_sent(email_) is True
    sender.close()

    # After a restart, a new sender still knows it went: no second copy.
    again = EwsSender(connection(options(double), source="outbox"))
    assert again.was_sent(email_) is True
    assert again.was_sent(ack(2)) is False
    again.close()

    # The copy in Sent Items is recognised as the bot's own (it is not the officer's reply).
    src = source(double)
    (copy,) = src.poll(None).messages
    assert copy.folder is Folder.SENT and is_own(copy)
    src.close()


def test_sending_from_a_mailbox_outside_the_role_scope_is_an_auth_error(double: EwsDouble) -> None:
    double.add_mailbox("press@council.example")
    sender = EwsSender(connection(options(double), source="outbox"))
    with pytest.raises(AuthError):
        sender.send(ack(sender="press@council.example"))
    assert double.sent == []
    sender.close()


def test_was_sent_raises_transient_when_exchange_cannot_be_asked(double: EwsDouble) -> None:
    sender = EwsSender(connection(options(double), source="outbox"))
    sender.send(ack())
    double.throttle(times=1, back_off_ms=2_000)
    with pytest.raises(TransientError):
        sender.was_sent(ack())
    sender.close()


# -- lists ---------------------------------------------------------------------------


def test_distribution_lists_expand_with_nesting_and_are_cached(double: EwsDouble) -> None:
    double.store.add_list("planning.all@council.example", [OFFICER, "planning.seniors@council.example"])
    double.store.add_list("planning.seniors@council.example", ["tom.baker@council.example"])
    src = source(double)
    found = src.expand_lists(["Planning.All@council.example", MEMBER])
    assert found == {
        "planning.all@council.example": (
            OFFICER, "tom.baker@council.example", "planning.seniors@council.example"
        )
    }  # fmt: skip
    calls = double.operations().count("ExpandDL")
    assert src.expand_lists(["planning.all@council.example", MEMBER]) == found
    assert double.operations().count("ExpandDL") == calls  # cached, lists and non-lists alike
    src.close()


# -- TLS and OAuth ---------------------------------------------------------------------


def test_https_with_the_councils_ca_file_and_refused_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path / "tls")
    with EwsDouble(impersonation={OFFICER}, tls=tls) as d:
        d.add_mailbox(OFFICER)
        d.deliver(OFFICER, "inbox", mail(1))
        monkeypatch.setenv(PASSWORD_ENV, d.password)
        assert d.url.startswith("https://")
        good = EwsMailSource(OFFICER, connection(options(d, ca_file=str(tls.ca)), source=OFFICER))
        assert ids(good.poll(None)) == ["<q1@member.test>"]
        good.close()
        # Another endpoint, default verification: the test CA is not trusted.
        with EwsDouble(impersonation={OFFICER}, tls=tls) as other:
            other.add_mailbox(OFFICER)
            bad = EwsMailSource(OFFICER, connection(options(other), source=OFFICER))
            with pytest.raises(MisconfiguredError, match="ca_file"):
                bad.poll(None)
            bad.close()


def test_oauth_client_credentials_with_impersonation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path / "tls")
    with EwsDouble(impersonation={OFFICER}, tls=tls) as d:
        d.add_mailbox(OFFICER)
        d.deliver(OFFICER, "inbox", mail(1))
        monkeypatch.setenv("EWS_APP_SECRET", d.client_secret)
        opts = {
            "service_endpoint": d.url, "auth": "oauth", "tenant_id": "tenant-1",
            "client_id": d.client_id, "client_secret_env": "EWS_APP_SECRET",
            "authority_url": d.url.rsplit("/EWS", 1)[0], "oauth_scope": "https://127.0.0.1/.default",
            "ca_file": str(tls.ca),
        }  # fmt: skip
        assert EwsOptions.parse(opts, source="x").token_url == d.token_url
        src = EwsMailSource(OFFICER, connection(opts, source=OFFICER))
        assert ids(src.poll(None)) == ["<q1@member.test>"]
        assert all(c.principal == f"app:{d.client_id}" for c in d.calls)
        src.close()


# -- calendar -----------------------------------------------------------------------------


def test_calendar_single_recurring_and_changed_events(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with EwsDouble(impersonation={OFFICER}) as d:
        d.add_mailbox(OFFICER)
        monkeypatch.setenv(PASSWORD_ENV, d.password)
        meeting = d.store.add_event(
            OFFICER, uid="uid-1", subject="Mill Lane public meeting", start=now + timedelta(days=10),
            end=now + timedelta(days=10, hours=2), organizer=OFFICER,
            required=[Attendee(MEMBER), Attendee("cllr.bob@council.example", response="Decline")],
            optional=["press@council.example"], location="Town Hall", body="Consultation on Mill Lane",
        )  # fmt: skip
        d.store.add_event(
            OFFICER, uid="uid-2", subject="Ward surgery", start=now + timedelta(days=1),
            end=now + timedelta(days=1, hours=1), organizer=OFFICER,
            occurrences=[now + timedelta(days=1 + 7 * k) for k in range(3)],
        )  # fmt: skip
        cal = EwsCalendarSource(OFFICER, connection(options(d), source=OFFICER))
        batch = cal.poll(None)
        assert batch.malformed == []
        single = next(e for e in batch.events if e.uid == "uid-1")
        assert single.summary == "Mill Lane public meeting" and single.location == "Town Hall"
        assert single.required == (MEMBER, "cllr.bob@council.example")
        assert single.optional == ("press@council.example",)
        assert single.declined == ("cllr.bob@council.example",)
        assert single.attendees == (MEMBER, "press@council.example")
        assert "Mill Lane" in single.description and single.recurrence_id is None
        series = [e for e in batch.events if e.uid == "uid-2"]
        assert len(series) == 3 and len({e.key for e in series}) == 3
        assert all(e.recurrence_id for e in series)

        assert cal.poll(batch.checkpoint).events == []
        d.store.update_event(meeting, cancelled=True)
        (changed,) = cal.poll(batch.checkpoint).events
        assert changed.uid == "uid-1" and changed.cancelled
        with caplog.at_level(logging.WARNING):  # a checkpoint cut short: the window again
            assert len(cal.poll('{"v": 1, "calendar": ').events) == 4
        assert f"ews calendar {OFFICER}: unreadable checkpoint" in caplog.text
        cal.close()


# -- the double refuses what EWS refuses ----------------------------------------------------

ENVELOPE = """<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
  xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
  xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
  <s:Header><t:RequestServerVersion Version="Exchange2016"/>{header}</s:Header>
  <s:Body>{body}</s:Body>
</s:Envelope>"""
SYNC = """<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>{props}</m:ItemShape>
<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>{mailbox}</t:EmailAddress>
</t:Mailbox></t:DistinguishedFolderId></m:SyncFolderId><m:MaxChangesReturned>{max}</m:MaxChangesReturned>
</m:SyncFolderItems>"""
IMPERSONATE = ("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>{}</t:PrimarySmtpAddress>"
               "</t:ConnectingSID></t:ExchangeImpersonation>")  # fmt: skip


def post(double: EwsDouble, body: str, *, header: str = "", auth: bool = True, action: str | None = None):  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "text/xml; charset=utf-8"}
    if auth:
        token = base64.b64encode(f"{double.username}:{double.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    if action:
        headers["SOAPAction"] = action
    data = ENVELOPE.format(header=header, body=body).encode()
    return requests.post(double.url, data=data, headers=headers, timeout=10)


def code(response) -> str:  # type: ignore[no-untyped-def]
    text = response.text
    start = text.find("ResponseCode>") + len("ResponseCode>")
    return text[start : text.find("<", start)]


def test_the_double_is_strict(double: EwsDouble) -> None:
    sync = SYNC.format(props="", mailbox=OFFICER, max=10)
    assert post(double, sync, auth=False).status_code == 401
    ok = post(double, sync, header=IMPERSONATE.format(OFFICER))
    assert ok.status_code == 200 and code(ok) == "NoError" and "ServerVersionInfo" in ok.text
    wrong_action = post(double, sync, header=IMPERSONATE.format(OFFICER),
                        action="http://schemas.microsoft.com/exchange/services/2006/messages/GetItem")  # fmt: skip
    assert wrong_action.status_code == 500 and "ErrorInvalidRequest" in wrong_action.text
    no_header = post(double, sync)  # the service account has no rights of its own
    assert code(no_header) == "ErrorAccessDenied"
    body = SYNC.format(props='<t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties>',
                       mailbox=OFFICER, max=10)  # fmt: skip
    assert code(post(double, body, header=IMPERSONATE.format(OFFICER))) == "ErrorInvalidPropertyRequest"
    too_many = post(double, SYNC.format(props="", mailbox=OFFICER, max=513), header=IMPERSONATE.format(OFFICER))
    assert too_many.status_code == 500 and "ErrorSchemaValidation" in too_many.text
    denied = post(double, SYNC.format(props="", mailbox="press@council.example", max=10),
                  header=IMPERSONATE.format("press@council.example"))  # fmt: skip
    assert denied.status_code == 500 and "ErrorNonExistentMailbox" in denied.text
    unknown = post(double, "<m:GetEvents/>", header=IMPERSONATE.format(OFFICER))  # pull notifications
    assert unknown.status_code == 500 and "ErrorInvalidRequest" in unknown.text


def test_nothing_private_reaches_the_logs(double: EwsDouble, caplog) -> None:  # type: ignore[no-untyped-def]
    double.deliver(OFFICER, "inbox", mail(1, subject="Confidential: Mrs Patel's housing case",
                                          body="Her address is 12 Mill Lane"))  # fmt: skip
    caplog.set_level(logging.DEBUG)
    src = source(double, with_text=True)
    src.poll(None)
    sender = EwsSender(connection(options(double), source="outbox"))
    sender.send(ack())
    sender.close()
    src.close()
    assert "Mrs Patel" not in caplog.text and "12 Mill Lane" not in caplog.text
    assert "Thank you for your email" not in caplog.text
    assert double.password not in caplog.text


# -- check-connection -----------------------------------------------------------------------


def exchange_config(tmp_path: Path, kind: str, opts: dict[str, object], mailboxes: list[str]) -> Path:
    """The sample council with its folder mailboxes replaced by Exchange ones."""
    import re

    from helpers.sample import sample_council

    def toml(value: object) -> str:
        return ("true" if value else "false") if isinstance(value, bool) else '"' + str(value).replace("\\", "\\\\") + '"'

    table = "\n".join(f"{k} = {toml(v)}" for k, v in opts.items())
    extra = f'\n[outbox]\ntype = "{kind}"\n{table}\n'
    for address in mailboxes:
        extra += f'\n[[mailbox]]\naddress = "{address}"\ntype = "{kind}"\n{table}\n'
    config = sample_council(tmp_path, extra=extra)
    text = re.sub(r'\[\[mailbox\]\]\naddress = "[^"]+"\ntype = "folder"\npath = "mail"\n', "", config.read_text())
    text = text.replace('democratic_services = "democratic.services@exampleton.gov.uk"',
                        f'democratic_services = "{DEMSERV}"')  # fmt: skip
    config.write_text(text)
    return config


def test_check_connection_says_what_works_and_what_to_fix(double: EwsDouble, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from argparse import Namespace

    from bot.app import check_connection

    double.add_mailbox("press@council.example")  # a mailbox the role's scope leaves out
    config = exchange_config(tmp_path, "ews", options(double), [OFFICER, "press@council.example"])
    assert check_connection.run(Namespace(config=config)) == 1
    out = capsys.readouterr().out
    assert f"ok    {OFFICER}: inbox, Sent Items and calendar open (read and send from)" in out
    assert "FIX   press@council.example: opening the inbox: ErrorImpersonateUserDenied" in out
    assert "ApplicationImpersonation" in out and "1 thing(s) to fix" in out
    assert double.password not in out

    good = exchange_config(tmp_path / "good", "ews", options(double), [OFFICER])
    assert check_connection.run(Namespace(config=good)) == 0
    assert "Everything the configuration needs is reachable." in capsys.readouterr().out
