"""The MailSource contract, kept by the EWS source against the EWS double over
real HTTP (exchangelib end to end): impersonation, Basic sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from doubles.ews_double import EwsDouble
from test_mail_source_contract import Mailbox, MailSourceContract, MakeSource

from bot.adapters.sources.ews import EwsMailSource, connection
from bot.model import Folder

ADDRESS = "officer@council.example"


def ews_options(double: EwsDouble, **extra: object) -> dict[str, object]:
    return {
        "service_endpoint": double.url,
        "auth": "basic",
        "username": double.username,
        "password_env": "EWS_DOUBLE_PASSWORD",
        "access": "impersonation",
        **extra,
    }


class TestEwsMailSource(MailSourceContract):
    @pytest.fixture
    def make_source(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MakeSource]:
        double = EwsDouble(impersonation={ADDRESS}).start()
        monkeypatch.setenv("EWS_DOUBLE_PASSWORD", double.password)
        sources: list[EwsMailSource] = []

        def deliver(data: bytes, folder: Folder) -> None:
            double.deliver(ADDRESS, "inbox" if folder is Folder.INBOX else "sentitems", data)

        def factory(inbox: list[bytes], sent: list[bytes]) -> Mailbox:
            double.add_mailbox(ADDRESS)
            for data in inbox:
                deliver(data, Folder.INBOX)
            for data in sent:
                deliver(data, Folder.SENT)
            source = EwsMailSource(ADDRESS, connection(ews_options(double), source=ADDRESS))
            sources.append(source)
            return Mailbox(source=source, address=ADDRESS, deliver=deliver)

        try:
            yield factory
        finally:
            for source in sources:
                source.close()
            double.stop()
        # every request named the mailbox it acted for
        assert all(call.impersonated == ADDRESS for call in double.calls if call.operation != "ConvertId")
