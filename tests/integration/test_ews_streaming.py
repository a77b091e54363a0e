"""EWS streaming notifications against the EWS double, over real HTTP with the
real exchangelib: new mail in the inbox or Sent Items wakes the watcher, a poll
runs while the stream holds its own connection, a lost subscription, a dropped
connection and throttling are recovered from (with a wake-up so a sync fills the
gap), close() stops the thread promptly, and ``streaming = false`` turns it off."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from doubles.ews_double import EwsDouble
from doubles.tls import make_tls
from test_ews import (
    DEMSERV,
    IMPERSONATE,
    MEMBER,
    OFFICER,
    PASSWORD_ENV,
    code,
    ids,
    mail,
    options,
    post,
    serve_double,
)

from bot.adapters.sources.ews import (
    EwsMailSource,
    EwsOptions,
    _StreamWatcher,
    connection,
    from_settings,
)
from bot.errors import MisconfiguredError
from bot.model import Settings
from bot.model.settings import CouncilSettings, MailboxSettings

WAIT = 20.0  # generous: these waits end as soon as the event happens


class Wakes:
    """The daemon's side: a callback that counts and can be waited for."""

    def __init__(self) -> None:
        self.count = 0
        self._event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self._event.set()

    def wait(self) -> bool:
        woken = self._event.wait(WAIT)
        self._event.clear()
        return woken


def until(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def stream_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("ews-stream")]


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch) -> Iterator[EwsDouble]:
    yield from serve_double(monkeypatch)


@pytest.fixture
def watched(double: EwsDouble) -> Iterator[tuple[EwsMailSource, Wakes]]:
    """A source whose watcher is subscribed and streaming (its first wake-up,
    the one after subscribing, already taken)."""
    src = EwsMailSource(OFFICER, connection(options(double), source=OFFICER))
    wakes = Wakes()
    assert src.watch(wakes)
    try:
        assert wakes.wait()  # once after subscribing: a sync fills whatever came before
        assert until(lambda: double.open_streams(OFFICER) == 1)
        yield src, wakes
    finally:
        src.close()


def test_new_mail_in_the_inbox_and_in_sent_items_wakes_the_watcher(
    double: EwsDouble, watched: tuple[EwsMailSource, Wakes]
) -> None:
    src, wakes = watched
    (sub,) = double.subscriptions(OFFICER)
    assert sub.folders == {"inbox", "sentitems"}
    assert {"NewMailEvent", "CreatedEvent", "MovedEvent"} <= sub.event_types

    checkpoint = src.poll(None).checkpoint
    double.deliver(OFFICER, "inbox", mail(1))
    assert wakes.wait()
    batch = src.poll(checkpoint)  # the watcher only wakes; poll reads
    assert ids(batch) == ["<q1@member.test>"]

    double.deliver(OFFICER, "sent", mail(2, sender=OFFICER, to=MEMBER))
    assert wakes.wait()
    assert ids(src.poll(batch.checkpoint)) == ["<q2@member.test>"]

    # another mailbox's mail does not wake this one
    before = wakes.count
    double.deliver(DEMSERV, "inbox", mail(3, to=DEMSERV))
    double.deliver(OFFICER, "inbox", mail(4))
    assert wakes.wait()
    assert wakes.count == before + 1
    assert double.operations().count("Subscribe") == 1


def test_a_poll_runs_while_the_stream_holds_its_own_connection(
    double: EwsDouble, watched: tuple[EwsMailSource, Wakes]
) -> None:
    src, _ = watched
    assert src.conn.protocol(OFFICER).max_connections >= 2
    streams_before = double.operations().count("GetStreamingEvents")
    double.deliver(OFFICER, "inbox", mail(1))
    done: list[list[str]] = []
    poller = threading.Thread(target=lambda: done.append(ids(src.poll(None))))
    poller.start()
    poller.join(WAIT)  # with one pooled session this would wait for the stream (ten minutes)
    assert done == [["<q1@member.test>"]]
    # the same stream stayed open throughout
    assert double.open_streams(OFFICER) == 1
    assert double.operations().count("GetStreamingEvents") == streams_before


def test_an_expired_subscription_is_replaced_and_a_sync_fills_the_gap(
    double: EwsDouble, watched: tuple[EwsMailSource, Wakes]
) -> None:
    src, wakes = watched
    checkpoint = src.poll(None).checkpoint
    double.expire_subscriptions(OFFICER)
    double.deliver(OFFICER, "inbox", mail(1))  # arrives while no subscription exists
    assert wakes.wait()  # after subscribing again
    assert ("GetStreamingEvents", "ErrorSubscriptionNotFound") in double.rejected
    assert double.operations().count("Subscribe") == 2
    assert ids(src.poll(checkpoint)) == ["<q1@member.test>"]
    assert until(lambda: double.open_streams(OFFICER) == 1)
    double.deliver(OFFICER, "inbox", mail(2))
    assert wakes.wait()


def test_a_dropped_connection_and_throttling_are_retried_and_nothing_private_is_logged(
    double: EwsDouble, watched: tuple[EwsMailSource, Wakes], caplog: pytest.LogCaptureFixture
) -> None:
    _, wakes = watched
    double.throttle(times=1, back_off_ms=300)  # the next attempt is refused
    with caplog.at_level(logging.DEBUG):
        double.drop_streams()
        assert wakes.wait()  # subscribed again, after backing off
    assert ("fault", "ErrorServerBusy") in double.rejected
    assert "streaming notifications interrupted" in caplog.text
    for secret in (double.password, "Question", "Body of"):
        assert secret not in caplog.text
    # the abandoned subscription was removed once a new one existed
    assert len(double.subscriptions(OFFICER)) == 1
    assert "Unsubscribe" in double.operations()
    assert until(lambda: double.open_streams(OFFICER) == 1)
    double.deliver(OFFICER, "inbox", mail(1))
    assert wakes.wait()


def test_the_stream_is_reissued_when_the_server_closes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    d = EwsDouble(impersonation={OFFICER}, stream_minute=0.05)  # ConnectionTimeout ends in 0.5 s
    d.add_mailbox(OFFICER)
    monkeypatch.setenv(PASSWORD_ENV, d.password)
    with d:
        src = EwsMailSource(OFFICER, connection(options(d), source=OFFICER))
        wakes = Wakes()
        try:
            assert src.watch(wakes) and wakes.wait()
            assert until(lambda: d.operations().count("GetStreamingEvents") >= 3)
            assert until(lambda: d.open_streams(OFFICER) == 1)
            d.deliver(OFFICER, "inbox", mail(1))
            assert wakes.wait()
            assert d.operations().count("Subscribe") == 1  # the subscription outlived its connections
        finally:
            src.close()


def test_close_stops_the_watcher_promptly(double: EwsDouble, watched: tuple[EwsMailSource, Wakes]) -> None:
    src, _ = watched
    assert len(stream_threads()) == 1
    started = time.monotonic()
    src.close()
    assert time.monotonic() - started < 5
    assert stream_threads() == []
    assert until(lambda: double.open_streams() == 0)  # the connection is gone too
    assert not src.watch(Wakes())  # a closed source does not start again


def test_over_https_the_stream_wakes_and_close_cuts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path / "tls")
    with EwsDouble(impersonation={OFFICER}, tls=tls) as d:
        d.add_mailbox(OFFICER)
        monkeypatch.setenv(PASSWORD_ENV, d.password)
        src = EwsMailSource(OFFICER, connection(options(d, ca_file=str(tls.ca)), source=OFFICER))
        wakes = Wakes()
        try:
            assert src.watch(wakes) and wakes.wait()
            assert until(lambda: d.open_streams(OFFICER) == 1)
            d.deliver(OFFICER, "inbox", mail(1))
            assert wakes.wait()
        finally:
            started = time.monotonic()
            src.close()
        assert time.monotonic() - started < 5 and stream_threads() == []


def test_streaming_false_or_delegate_access_means_no_watcher(double: EwsDouble) -> None:
    settings = Settings(council=CouncilSettings(name="Test"), classifier={"enabled": False})
    off = from_settings(MailboxSettings(OFFICER, "ews", options(double, streaming=False)), settings)
    on = from_settings(MailboxSettings(DEMSERV, "ews", options(double)), settings)
    try:
        assert off.streaming is False and on.streaming is True  # one connection, each its own choice
        assert not off.watch(Wakes())
    finally:
        off.close()
        on.close()
    delegate = EwsMailSource(OFFICER, connection(options(double, access="delegate"), source=OFFICER))
    try:
        assert not delegate.watch(Wakes())  # Exchange refuses subscriptions through delegate access
    finally:
        delegate.close()
    assert stream_threads() == []
    with pytest.raises(MisconfiguredError, match="streaming"):
        EwsOptions.parse(options(double, streaming="yes"), source=OFFICER)


def test_exchange_refusing_a_subscription_stops_the_watcher(monkeypatch: pytest.MonkeyPatch, caplog) -> None:  # type: ignore[no-untyped-def]
    d = EwsDouble(delegate={OFFICER})
    d.add_mailbox(OFFICER)
    monkeypatch.setenv(PASSWORD_ENV, d.password)
    with d:
        conn = connection(options(d, access="delegate"), source=OFFICER)
        watcher = _StreamWatcher(conn, OFFICER, Wakes())
        with caplog.at_level(logging.WARNING):
            watcher.start()
            assert until(lambda: stream_threads() == [])
        watcher.stop()
        conn.release()
    assert ("Subscribe", "ErrorSubscriptionDelegateAccessNotSupported") in d.rejected
    assert "polling only" in caplog.text


SUBSCRIBE = """<m:Subscribe><m:{kind}><t:FolderIds>{folders}</t:FolderIds>
<t:EventTypes><t:EventType>{event}</t:EventType></t:EventTypes></m:{kind}></m:Subscribe>"""
FOLDER = '<t:DistinguishedFolderId Id="{0}"><t:Mailbox><t:EmailAddress>{1}</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>'
EVENTS = """<m:GetStreamingEvents><m:SubscriptionIds><t:SubscriptionId>{0}</t:SubscriptionId></m:SubscriptionIds>
<m:ConnectionTimeout>{1}</m:ConnectionTimeout></m:GetStreamingEvents>"""


def test_the_double_is_strict_about_subscriptions(double: EwsDouble) -> None:
    as_officer = IMPERSONATE.format(OFFICER)

    def subscribe(kind: str = "StreamingSubscriptionRequest", folders: str = FOLDER.format("inbox", OFFICER),
                  event: str = "NewMailEvent"):  # type: ignore[no-untyped-def]  # fmt: skip
        return post(double, SUBSCRIBE.format(kind=kind, folders=folders, event=event), header=as_officer)

    pull = subscribe(kind="PullSubscriptionRequest")
    assert pull.status_code == 500 and "ErrorInvalidRequest" in pull.text
    status = subscribe(event="StatusEvent")  # pull and push only
    assert status.status_code == 500 and "ErrorSchemaValidation" in status.text
    two = subscribe(folders=FOLDER.format("inbox", OFFICER) + FOLDER.format("inbox", DEMSERV))
    assert code(two) == "ErrorInvalidSubscriptionRequest"
    ok = subscribe(folders=FOLDER.format("inbox", OFFICER) + FOLDER.format("sentitems", OFFICER))
    assert code(ok) == "NoError"
    key = ok.text.split("SubscriptionId>")[1].split("<")[0]
    too_long = post(double, EVENTS.format(key, 31), header=as_officer)
    assert too_long.status_code == 500 and "ErrorSchemaValidation" in too_long.text
    other = post(double, EVENTS.format(key, 1), header=IMPERSONATE.format(DEMSERV))
    assert code(other) == "ErrorSubscriptionAccessDenied"
    unknown = post(double, EVENTS.format("f6bc657d-dde1-4f94-952d-143b95d6483d", 1), header=as_officer)
    assert code(unknown) == "ErrorSubscriptionNotFound" and "ErrorSubscriptionIds" in unknown.text
    gone = post(double, f"<m:Unsubscribe><m:SubscriptionId>{key}</m:SubscriptionId></m:Unsubscribe>",
                header=as_officer)  # fmt: skip
    assert code(gone) == "NoError" and double.subscriptions() == []
