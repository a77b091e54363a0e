"""The MailSource contract, kept by the Graph source against the Graph double
over real HTTPS (msal and httpx end to end): client credentials with a secret."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from doubles.graph_double import GraphDouble
from doubles.tls import make_tls
from test_mail_source_contract import Mailbox, MailSourceContract, MakeSource

from bot.adapters.sources.graph import GraphMailSource, client
from bot.model import Folder

ADDRESS = "officer@council.example"


class TestGraphMailSource(MailSourceContract):
    @pytest.fixture(scope="class")
    def tls(self, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
        return make_tls(tmp_path_factory.mktemp("tls"))

    @pytest.fixture
    def make_source(self, tmp_path: Path, tls, monkeypatch: pytest.MonkeyPatch) -> Iterator[MakeSource]:  # type: ignore[no-untyped-def]
        double = GraphDouble(tls=tls).start()
        monkeypatch.setenv("GRAPH_DOUBLE_SECRET", "graph-app-secret")
        sources: list[GraphMailSource] = []

        def deliver(data: bytes, folder: Folder) -> None:
            double.deliver(ADDRESS, "inbox" if folder is Folder.INBOX else "sentitems", data)

        def factory(inbox: list[bytes], sent: list[bytes]) -> Mailbox:
            double.add_mailbox(ADDRESS)
            for data in inbox:
                deliver(data, Folder.INBOX)
            for data in sent:
                deliver(data, Folder.SENT)
            source = GraphMailSource(ADDRESS, client(double.options(), source=ADDRESS))
            sources.append(source)
            return Mailbox(source=source, address=ADDRESS, deliver=deliver)

        try:
            yield factory
        finally:
            for source in sources:
                source.close()
            double.stop()
        assert max(double.max_in_flight.values(), default=0) <= 4
