"""The Graph source and sender against the Graph double, over real HTTPS with the
real msal and httpx: delta rounds, restart, an expired delta link, throttling,
the 4-request limit, permissions and RBAC scope, certificates, sending, groups,
the calendar, and the double's own strictness."""

from __future__ import annotations

import base64
import email
import logging
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from doubles.graph_double import GraphDouble
from doubles.mailstore import Attendee
from doubles.tls import TlsFiles, make_client_cert, make_tls

from bot.adapters.outbox.graph import GraphSender
from bot.adapters.sources.graph import GraphCalendarSource, GraphMailSource, client, token_roles
from bot.core.automail import automatic_reason, is_own
from bot.errors import AuthError, MisconfiguredError, TransientError
from bot.model import Folder
from bot.model.outgoing import OutgoingEmail

OFFICER = "jane.smith@council.example"
DEMSERV = "democratic.services@council.example"
MEMBER = "cllr.alice@council.example"
SECRET = "graph-app-secret"


def mail(n: int, *, sender: str = MEMBER, to: str = OFFICER, extra: str = "", subject: str = "",
         body: str = "") -> bytes:  # fmt: skip
    lines = [
        f"From: Cllr Alice <{sender}>",
        f"To: {to}",
        f"Subject: {subject or f'Question {n}'}",
        f"Date: Tue, 3 Nov 2026 10:{n % 60:02d}:{n // 60 % 60:02d} +0000",
        f"Message-ID: <q{n}@member.test>",
    ]
    if extra:
        lines.append(extra)
    lines += ["Content-Type: text/plain; charset=utf-8", "", body or f"Body of question {n}.", ""]
    return "\r\n".join(lines).encode()


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_tls(tmp_path_factory.mktemp("tls"))


def make_double(tls: TlsFiles, **kw: object) -> GraphDouble:
    d = GraphDouble(tls=tls, **kw)  # type: ignore[arg-type]
    d.add_mailbox(OFFICER, "Jane Smith")
    d.add_mailbox(DEMSERV, "Democratic Services")
    return d.start()


@pytest.fixture
def double(tls: TlsFiles, monkeypatch: pytest.MonkeyPatch) -> Iterator[GraphDouble]:
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls)
    yield d
    d.stop()


def source(double: GraphDouble, address: str = OFFICER, *, with_text: bool = False, **opts: object) -> GraphMailSource:
    return GraphMailSource(address, client(double.options(**opts), source=address), with_text=with_text)


def ids(batch) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.message_id for m in batch.messages]


# -- reading ------------------------------------------------------------------------


def test_a_damaged_checkpoint_reads_the_mailbox_again_and_says_which_source(
    double: GraphDouble, caplog: pytest.LogCaptureFixture
) -> None:
    for n in (1, 2):
        double.deliver(OFFICER, "inbox", mail(n))
    src = source(double)
    with caplog.at_level(logging.WARNING):
        batch = src.poll('{"v": 1, "inbox": ')  # cut short, as by a full disk
    assert ids(batch) == ["<q1@member.test>", "<q2@member.test>"]
    assert f"graph mail {OFFICER}: unreadable checkpoint, reading everything again" in caplog.text
    src.close()


def test_first_sync_then_incremental_then_resume_after_restart(double: GraphDouble) -> None:
    for n in (1, 2, 3):
        double.deliver(OFFICER, "inbox", mail(n))
    first = source(double)
    batch = first.poll(None)
    assert ids(batch) == ["<q1@member.test>", "<q2@member.test>", "<q3@member.test>"]
    double.deliver(OFFICER, "inbox", mail(4))
    batch2 = first.poll(batch.checkpoint)
    assert ids(batch2) == ["<q4@member.test>"]
    first.close()

    double.deliver(OFFICER, "inbox", mail(5))  # arrived while we were down
    second = source(double)
    batch3 = second.poll(batch2.checkpoint)
    assert ids(batch3) == ["<q5@member.test>"]
    assert second.poll(batch3.checkpoint).messages == []
    second.close()
    assert double.tokens_issued == 2  # one per process: msal reuses its cached token


def test_pages_and_a_round_cut_at_batch_size_resume_from_the_next_link(double: GraphDouble) -> None:
    for n in range(250):
        double.deliver(OFFICER, "inbox", mail(n))
    src = source(double, batch_size=120)
    seen: list[str] = []
    checkpoint = None
    for _ in range(10):
        batch = src.poll(checkpoint)
        seen += ids(batch)
        checkpoint = batch.checkpoint
        if not batch.messages:
            break
        assert len(batch.messages) <= 200  # a cut round stops within a page of batch_size
    assert sorted(seen) == sorted(f"<q{n}@member.test>" for n in range(250)) and len(seen) == 250
    assert "$skiptoken" in str(double.requests) or any("$skiptoken" in q for _, _, q in double.requests)
    src.close()


def test_an_expired_delta_link_reads_the_folder_again(double: GraphDouble, caplog) -> None:  # type: ignore[no-untyped-def]
    double.deliver(OFFICER, "inbox", mail(1))
    src = source(double)
    checkpoint = src.poll(None).checkpoint
    double.expire_delta_tokens()
    double.deliver(OFFICER, "inbox", mail(2))
    with caplog.at_level(logging.WARNING):
        batch = src.poll(checkpoint)
    assert ids(batch) == ["<q1@member.test>", "<q2@member.test>"]
    assert "SyncStateNotFound" in caplog.text
    assert src.poll(batch.checkpoint).messages == []
    src.close()


@pytest.mark.parametrize("status", [429, 503])
def test_throttling_is_transient_with_retry_after_and_loses_nothing(double: GraphDouble, status: int) -> None:
    double.deliver(OFFICER, "inbox", mail(1))
    src = source(double)
    checkpoint = src.poll(None).checkpoint
    double.deliver(OFFICER, "inbox", mail(2))
    double.throttle(times=1, retry_after=7, status=status)
    with pytest.raises(TransientError) as caught:
        src.poll(checkpoint)
    assert caught.value.retry_after == 7.0 and str(status) in str(caught.value)
    assert ids(src.poll(checkpoint)) == ["<q2@member.test>"]
    src.close()


def test_at_most_four_requests_at_once_per_mailbox(tls: TlsFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls, latency=0.05)
    try:
        for n in range(24):
            d.deliver(OFFICER, "inbox", mail(n))
        src = source(d)
        assert len(src.poll(None).messages) == 24
        assert d.max_in_flight[OFFICER] == 4  # in parallel, and never more than Exchange allows
        src.close()
    finally:
        d.stop()


def test_missing_permission_and_rbac_scope_say_what_to_fix(tls: TlsFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls, roles={"Mail.Send"})
    try:
        src = source(d)
        with pytest.raises(AuthError) as caught:
            src.poll(None)
        assert "403" in str(caught.value) and "Mail.ReadWrite" in str(caught.value)
        assert token_roles(src.graph.last_token) == ["Mail.Send"]
        src.close()
    finally:
        d.stop()
    d = make_double(tls, scope={DEMSERV})
    try:
        src = source(d)
        with pytest.raises(AuthError, match="RBAC for Applications"):
            src.poll(None)
        src.close()
        unknown = source(d, "nobody@council.example")
        with pytest.raises(MisconfiguredError, match="ErrorInvalidUser"):
            unknown.poll(None)
        unknown.close()
    finally:
        d.stop()


def test_a_wrong_secret_is_an_auth_error_naming_the_fix(double: GraphDouble, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", "not-the-secret")
    src = source(double)
    with pytest.raises(AuthError) as caught:
        src.poll(None)
    assert "AADSTS7000215" in str(caught.value) and "not-the-secret" not in str(caught.value)
    src.close()


def test_certificate_credential(tls: TlsFiles, tmp_path: Path) -> None:
    cert = make_client_cert(tmp_path / "app")
    d = make_double(tls, client_secret=None, certificate=cert)
    try:
        d.deliver(OFFICER, "inbox", mail(1))
        opts = {"certificate_file": str(cert.pem), "certificate_thumbprint": cert.thumbprint}
        src = source(d, **opts)
        assert ids(src.poll(None)) == ["<q1@member.test>"]
        src.close()
        # the certificate alone (no thumbprint): msal computes it from the file
        src = source(d, certificate_file=str(cert.pem))
        assert ids(src.poll(None)) == ["<q1@member.test>"]
        src.close()
        other = make_client_cert(tmp_path / "other", "someone else")
        bad = source(d, certificate_file=str(other.pem), certificate_thumbprint=other.thumbprint)
        with pytest.raises(AuthError, match="AADSTS700027"):
            bad.poll(None)
        bad.close()
    finally:
        d.stop()


def test_headers_text_threading_bcc_and_conversation(double: GraphDouble) -> None:
    extra = "Auto-Submitted: auto-replied\r\nReceived: from mx by council\r\nIn-Reply-To: <q0@member.test>"
    double.deliver(OFFICER, "inbox", mail(1, extra=extra, body="When will the works start?"))
    reply = (b"From: Jane Smith <jane.smith@council.example>\r\nTo: cllr.alice@council.example\r\n"
             b"Bcc: Cllr Bob <cllr.bob@council.example>\r\nSubject: RE: Question 1\r\n"
             b"Date: Tue, 3 Nov 2026 11:00:00 +0000\r\nMessage-ID: <r1@council.example>\r\n"
             b"In-Reply-To: <q1@member.test>\r\nReferences: <q0@member.test> <q1@member.test>\r\n\r\nAnswer.\r\n")  # fmt: skip
    double.deliver(OFFICER, "sentitems", reply)
    src = source(double, with_text=True)
    inbox, sent = src.poll(None).messages
    assert dict(inbox.headers) == {"auto-submitted": "auto-replied", "content-type": "text/plain; charset=utf-8"}
    assert automatic_reason(inbox) is not None and inbox.in_reply_to == "<q0@member.test>"
    assert inbox.text is not None and "When will the works start?" in inbox.text
    # Sent Items copies have no transport headers: In-Reply-To and References come
    # from their MAPI properties.
    assert sent.text is None and sent.headers == ()
    assert sent.in_reply_to == "<q1@member.test>" and sent.references == ("<q0@member.test>", "<q1@member.test>")
    assert sent.bcc == ("cllr.bob@council.example",)
    assert sent.conversation_id == inbox.conversation_id
    selects = [q.get("$select", [""])[0] for _, p, q in double.requests if "/messages/AAMk" in p]
    assert selects == ["internetMessageHeaders,uniqueBody", "internetMessageHeaders"]
    src.close()


# -- sending -------------------------------------------------------------------------


def ack(n: int = 1, sender: str = OFFICER) -> OutgoingEmail:
    return OutgoingEmail(
        message_id=f"<pb-{n:024x}@council.example>", mailbox=OFFICER, from_addr=sender,
        from_name="Jane Smith", to=(MEMBER,), subject="RE: Question 1",
        text="Thank you for your email.", in_reply_to="<q1@member.test>",
        references=("<q1@member.test>",), rule="acknowledgement",
        date=datetime(2026, 11, 3, 14, 0, tzinfo=UTC),
    )  # fmt: skip


def test_sending_mime_from_the_officers_mailbox_threaded_and_saved(double: GraphDouble) -> None:
    sender = GraphSender(client(double.options(), source="outbox"))
    email_ = ack()
    assert sender.was_sent(email_) is False
    sender.send(email_)
    ((mailbox, raw),) = double.sent
    assert mailbox == OFFICER and isinstance(raw, bytes)
    sent = email.message_from_bytes(raw)
    assert sent["Message-ID"] == email_.message_id and sent["In-Reply-To"] == "<q1@member.test>"
    assert sent["Auto-Submitted"] == "auto-generated" and sent["X-Protocol-Bot"] == "acknowledgement"
    assert sender.was_sent(email_) is True
    sender.close()

    again = GraphSender(client(double.options(), source="outbox"))  # after a restart
    assert again.was_sent(email_) is True and again.was_sent(ack(2)) is False
    again.close()

    src = source(double)
    (copy,) = src.poll(None).messages
    assert copy.folder is Folder.SENT and is_own(copy)  # not the officer's reply
    src.close()


def test_json_sendmail_could_not_carry_our_headers(double: GraphDouble) -> None:
    """Why the sender uses MIME: Graph refuses non-X- headers in JSON."""
    graph = client(double.options(), source="outbox")
    body = {"message": {"subject": "x", "toRecipients": [{"emailAddress": {"address": MEMBER}}],
                        "internetMessageHeaders": [{"name": "Auto-Submitted", "value": "auto-generated"}]}}  # fmt: skip
    with pytest.raises(MisconfiguredError, match="InvalidInternetMessageHeader"):
        graph.request("POST", graph.url(f"users/{OFFICER}/sendMail"), mailbox=OFFICER, doing="sending",
                      json_body=body, ok=(202,))  # fmt: skip
    graph.release()


def test_sending_needs_mail_send_and_may_not_send_as_others(tls: TlsFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls, roles={"Mail.ReadWrite"})
    try:
        sender = GraphSender(client(d.options(), source="outbox"))
        with pytest.raises(AuthError):
            sender.send(ack())
        sender.close()
    finally:
        d.stop()
    d = make_double(tls)
    try:
        sender = GraphSender(client(d.options(), source="outbox"))
        sender.send(ack())  # its own mailbox: fine
        raw = base64.b64encode(b"From: someone@else.example\r\nTo: x@y\r\nSubject: s\r\n\r\nb\r\n")
        with pytest.raises(AuthError, match="ErrorSendAsDenied"):
            sender.graph.request("POST", sender.graph.url(f"users/{OFFICER}/sendMail"), mailbox=OFFICER,
                                 doing="sending", headers={"Content-Type": "text/plain"}, content=raw,
                                 ok=(202,))  # fmt: skip
        sender.close()
    finally:
        d.stop()


# -- groups ---------------------------------------------------------------------------


def test_groups_expand_transitively_and_need_group_member_read(tls: TlsFiles, monkeypatch: pytest.MonkeyPatch, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls)
    try:
        d.store.add_list("planning.all@council.example", [OFFICER, "planning.seniors@council.example"])
        d.store.add_list("planning.seniors@council.example", ["tom.baker@council.example"])
        src = source(d)
        found = src.expand_lists(["planning.all@council.example", MEMBER])
        assert set(found) == {"planning.all@council.example"}
        assert set(found["planning.all@council.example"]) == {
            OFFICER, "tom.baker@council.example", "planning.seniors@council.example"}
        before = len(d.requests)
        assert src.expand_lists(["planning.all@council.example", MEMBER]) == found
        assert len(d.requests) == before  # cached
        src.close()
    finally:
        d.stop()
    d = make_double(tls, roles={"Mail.ReadWrite", "Mail.Send"})
    try:
        d.store.add_list("planning.all@council.example", [OFFICER])
        src = source(d)
        with caplog.at_level(logging.WARNING):
            assert src.expand_lists(["planning.all@council.example"]) == {}
            assert src.expand_lists(["other.list@council.example"]) == {}
        assert caplog.text.count("GroupMember.Read.All") == 1
        src.close()
    finally:
        d.stop()


# -- calendar ---------------------------------------------------------------------------


def test_calendar_view_delta_occurrences_changes_and_expiry(double: GraphDouble) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    meeting = double.store.add_event(
        OFFICER, uid="uid-1", subject="Mill Lane public meeting", start=now + timedelta(days=10),
        end=now + timedelta(days=10, hours=2), organizer=OFFICER,
        required=[Attendee(MEMBER), Attendee("cllr.bob@council.example", response="Decline")],
        optional=["press@council.example"], location="Town Hall", body="Consultation on Mill Lane",
    )  # fmt: skip
    double.store.add_event(
        OFFICER, uid="uid-2", subject="Ward surgery", start=now + timedelta(days=1),
        end=now + timedelta(days=1, hours=1), organizer=OFFICER,
        occurrences=[now + timedelta(days=1 + 7 * k) for k in range(3)],
    )  # fmt: skip
    cal = GraphCalendarSource(OFFICER, client(double.options(), source=OFFICER))
    batch = cal.poll(None)
    single = next(e for e in batch.events if e.uid == double.uid_of(meeting))
    assert single.start == now + timedelta(days=10) and single.location == "Town Hall"
    assert single.required == (MEMBER, "cllr.bob@council.example") and single.declined == ("cllr.bob@council.example",)
    assert single.optional == ("press@council.example",) and "Mill Lane" in single.description
    series = [e for e in batch.events if e.uid != single.uid]
    assert len(series) == 3 and all(e.recurrence_id for e in series) and len({e.key for e in series}) == 3
    assert cal.poll(batch.checkpoint).events == []
    double.store.update_event(meeting, cancelled=True)
    (changed,) = cal.poll(batch.checkpoint).events
    assert changed.cancelled
    double.expire_delta_tokens()
    assert len(cal.poll(batch.checkpoint).events) == 4  # the whole window again
    cal.close()


# -- the double refuses what Graph refuses -------------------------------------------------


def test_the_double_is_strict(double: GraphDouble, tls: TlsFiles) -> None:
    http = httpx.Client(verify=ssl.create_default_context(cafile=str(tls.ca)))
    base = double.graph_url + f"/users/{OFFICER}"
    assert http.get(f"{base}/mailFolders/inbox/messages/delta").status_code == 401
    graph = client(double.options(), source="x")
    token = graph.token()
    auth = {"Authorization": f"Bearer {token}"}
    bad_select = http.get(f"{base}/mailFolders/inbox/messages/delta", params={"$select": "id,bodyText"}, headers=auth)
    assert bad_select.status_code == 400 and "bodyText" in bad_select.json()["error"]["message"]
    orderby = http.get(f"{base}/mailFolders/inbox/messages/delta", params={"$orderby": "subject"}, headers=auth)
    assert orderby.status_code == 400
    bad_mime = http.post(f"{base}/sendMail", content=b"%%% not base64", headers={**auth, "Content-Type": "text/plain"})
    assert bad_mime.status_code == 400 and bad_mime.json()["error"]["message"] == "Invalid base64 string for MIME content."
    assert http.get(f"{double.graph_url}/users/x@y/messages/AAMk", headers=auth).status_code == 404
    wrong = http.get(f"{base}/mailFolders/inbox/messages/delta", headers={"Authorization": "Bearer forged"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "InvalidAuthenticationToken"
    graph.release()
    http.close()


def test_nothing_private_reaches_the_logs(double: GraphDouble, caplog) -> None:  # type: ignore[no-untyped-def]
    double.deliver(OFFICER, "inbox", mail(1, subject="Confidential: Mrs Patel's housing case",
                                          body="Her address is 12 Mill Lane"))  # fmt: skip
    caplog.set_level(logging.DEBUG)
    src = source(double, with_text=True)
    checkpoint = src.poll(None).checkpoint
    sender = GraphSender(client(double.options(), source="outbox"))
    sender.send(ack())
    sender.close()
    src.close()
    assert "Mrs Patel" not in caplog.text and "12 Mill Lane" not in caplog.text
    assert "Thank you for your email" not in caplog.text and SECRET not in caplog.text
    assert "deltatoken" not in caplog.text and str(checkpoint)[-20:] not in caplog.text


# -- check-connection -----------------------------------------------------------------------


def test_check_connection_lists_permissions_and_scope(tls: TlsFiles, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from argparse import Namespace

    from test_ews import exchange_config

    from bot.app import check_connection

    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", SECRET)
    d = make_double(tls, roles={"Mail.ReadWrite", "Mail.Send"}, scope={OFFICER, DEMSERV})
    try:
        d.add_mailbox("press@council.example")
        config = exchange_config(tmp_path, "graph", d.options(), [OFFICER, "press@council.example"])
        assert check_connection.run(Namespace(config=config)) == 1
        out = capsys.readouterr().out
        assert "signed in; the app holds: Mail.ReadWrite, Mail.Send" in out
        assert "Calendars.Read is not in the token" in out and "GroupMember.Read.All is not in the token" in out
        assert f"ok    {OFFICER}: inbox and Sent Items open; the calendar is not open" in out
        assert "FIX   press@council.example: opening the inbox: HTTP 403 ErrorAccessDenied" in out
        assert "RBAC for Applications" in out and SECRET not in out
    finally:
        d.stop()
    monkeypatch.setenv("GRAPH_DOUBLE_SECRET", "stale-secret-4711")
    d = make_double(tls)
    try:
        config = exchange_config(tmp_path / "bad", "graph", d.options(), [OFFICER])
        assert check_connection.run(Namespace(config=config)) == 1
        out = capsys.readouterr().out
        assert "FIX   sign-in: sign-in refused (invalid_client AADSTS7000215)" in out
        assert "stale-secret-4711" not in out
    finally:
        d.stop()
