"""`protocol-bot check-connection --config FILE`: signs in to Exchange the way the
daemon will, opens each configured mailbox and says, in plain words, what works
and what the administrator must fix.

For EWS (``type = "ews"``): the sign-in, then for each mailbox the inbox, Sent
Items and calendar (GetFolder and a one-item FindItem), with the impersonation
or delegate access configured. For Graph (``type = "graph"``): the token and the
application permissions it carries (Mail.ReadWrite, Mail.Send, Calendars.Read,
GroupMember.Read.All), then for each mailbox the inbox, Sent Items and calendar,
so a mailbox outside the app's RBAC for Applications scope shows up as such.

Nothing is sent and nothing is changed. Sending is not tried (it would send an
email); the sending mailboxes are opened the same way instead. Exit 0 when
everything the configuration needs works, 1 when something must be fixed.
Secrets are never printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import load_config
from bot.errors import SourceError
from bot.model import Settings

OK, FIX, NOTE = "ok  ", "FIX ", "note"
EXCHANGE_TYPES = ("ews", "graph")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, type=Path, help="configuration file (TOML)")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    problems: int = 0

    def ok(self, text: str) -> None:
        self.lines.append(f"  {OK}  {text}")

    def fix(self, text: str) -> None:
        self.problems += 1
        self.lines.append(f"  {FIX}  {text}")

    def note(self, text: str) -> None:
        self.lines.append(f"  {NOTE}  {text}")

    def title(self, text: str) -> None:
        self.lines.append(text)


@dataclass
class Group:
    """Mailboxes that share one connection (same type and options)."""

    type: str
    options: dict[str, Any]
    read: list[str] = field(default_factory=list)  # watched mailboxes
    send: list[str] = field(default_factory=list)  # mailboxes the outbox sends from


def groups(settings: Settings) -> tuple[list[Group], list[str]]:
    """Exchange connections to check, and the other mailboxes (not checked here)."""
    found: list[Group] = []
    others: list[str] = []

    def group_for(kind: str, options: dict[str, Any]) -> Group:
        clean = {k: v for k, v in options.items() if k != "type"}
        for g in found:
            if g.type == kind and g.options == clean:
                return g
        found.append(Group(kind, clean))
        return found[-1]

    for mb in settings.mailboxes:
        if mb.type in EXCHANGE_TYPES:
            group_for(mb.type, dict(mb.options)).read.append(mb.address)
        else:
            others.append(f"{mb.address} ({mb.type})")
    outbox = dict(settings.outbox)
    if outbox.get("type") in EXCHANGE_TYPES:
        senders = [mb.address for mb in settings.mailboxes]
        if settings.roles.democratic_services:
            senders.append(settings.roles.democratic_services)
        g = group_for(str(outbox["type"]), outbox)
        g.send = list(dict.fromkeys(senders))
    return found, others


def run(args: argparse.Namespace) -> int:
    loaded = load_config(args.config)
    report = check(loaded.settings)
    print("\n".join(report.lines))
    if report.problems:
        print(f"\n{report.problems} thing(s) to fix before the bot can run.")
        return 1
    print("\nEverything the configuration needs is reachable.")
    return 0


def check(settings: Settings) -> Report:
    report = Report()
    found, others = groups(settings)
    if not found:
        report.title("No mailbox or outbox of type ews or graph is configured: nothing to check.")
    for g in found:
        if g.type == "ews":
            check_ews(g, report)
        else:
            check_graph(g, report)
    if others:
        report.title("Not checked here (use check-config): " + ", ".join(others))
    return report


# -- EWS --------------------------------------------------------------------------------


def check_ews(group: Group, report: Report) -> None:
    from bot.adapters.sources.ews import connection, ews_errors

    try:
        conn = connection(group.options, source="check-connection")
    except SourceError as exc:
        report.title("Exchange (EWS)")
        report.fix(str(exc))
        return
    opts = conn.opts
    who = opts.username if opts.auth != "oauth" else f"app {opts.client_id}"
    report.title(f"Exchange (EWS) {opts.endpoint} as {who}, {opts.auth} sign-in, {opts.access} access")
    try:
        for address in dict.fromkeys(group.read + group.send):
            what = []
            if address in group.read:
                what.append("read")
            if address in group.send:
                what.append("send from")
            problem = _ews_mailbox(conn, address, ews_errors())
            if problem:
                report.fix(f"{address}: {problem}")
            else:
                report.ok(f"{address}: inbox, Sent Items and calendar open ({' and '.join(what)})")
        if group.send:
            report.note("sending was not tried (it would send an email); it needs no right beyond the access above")
    finally:
        conn.release()


def _ews_mailbox(conn: Any, address: str, errors: tuple[type[BaseException], ...]) -> str:
    steps: list[tuple[str, Callable[[Any], Any]]] = [
        ("opening the inbox", lambda acc: list(acc.inbox.all().only("id")[:1])),
        ("opening Sent Items", lambda acc: acc.sent.id),
        ("opening the calendar", lambda acc: acc.calendar.id),
    ]
    for doing, step in steps:
        try:
            step(conn.account(address))
        except errors as exc:
            return str(conn.error(exc, doing=doing, mailbox=address)).removeprefix(f"{address}: ")
    return ""


# -- Graph ------------------------------------------------------------------------------

GRAPH_NEEDS = {
    "read": ({"Mail.ReadWrite", "Mail.Read"}, "Mail.ReadWrite (Mail.Read is enough without the Graph sender)"),
    "send": ({"Mail.Send"}, "Mail.Send"),
    "calendar": ({"Calendars.Read", "Calendars.ReadWrite"}, "Calendars.Read"),
    "groups": ({"GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"}, "GroupMember.Read.All"),
}


def check_graph(group: Group, report: Report) -> None:
    from bot.adapters.sources.graph import client, token_roles

    try:
        graph = client(group.options, source="check-connection")
    except SourceError as exc:
        report.title("Microsoft Graph")
        report.fix(str(exc))
        return
    opts = graph.opts
    report.title(f"Microsoft Graph {opts.graph_url}, app {opts.client_id} in tenant {opts.tenant_id}")
    try:
        try:
            roles = set(token_roles(graph.token()))
        except SourceError as exc:
            report.fix(f"sign-in: {str(exc).removeprefix('check-connection: ')}")
            return
        report.ok("signed in; the app holds: " + (", ".join(sorted(roles)) or "no application permission"))
        wanted = [("read", bool(group.read)), ("send", bool(group.send)), ("calendar", True), ("groups", True)]
        for need, required in wanted:
            accepted, name = GRAPH_NEEDS[need]
            if roles & accepted or not required:
                continue
            if need == "groups":
                report.note(f"{name} is not in the token: distribution lists will not be expanded "
                            "(grant it in Entra ID and consent, if you want them expanded)")  # fmt: skip
            else:
                # Scoped grants made with RBAC for Applications are not in the token:
                # the mailbox checks below tell whether the app may act.
                report.note(f"{name.split()[0]} is not in the token: fine if you granted it with RBAC for "
                            "Applications (the mailbox checks below tell); otherwise grant it in Entra ID "
                            "(API permissions > Microsoft Graph > Application permissions) and consent"
                            + (" (only needed to watch calendars)" if need == "calendar" else ""))  # fmt: skip
        for address in dict.fromkeys(group.read + group.send):
            problem, calendar = _graph_mailbox(graph, address)
            if problem:
                report.fix(f"{address}: {problem}")
            else:
                report.ok(f"{address}: inbox and Sent Items open" + (", and the calendar" if calendar else
                          "; the calendar is not open to the app (only needed to watch calendars)"))  # fmt: skip
        if group.send:
            report.note("sending was not tried (it would send an email)")
    finally:
        graph.release()


def _graph_mailbox(graph: Any, address: str) -> tuple[str, bool]:
    """(what is wrong with reading this mailbox or "", whether its calendar opens)."""
    from urllib.parse import quote

    user = quote(address, safe="@.")
    paths: Iterable[tuple[str, str]] = [
        ("opening the inbox", f"users/{user}/mailFolders/inbox"),
        ("opening Sent Items", f"users/{user}/mailFolders/sentitems"),
    ]
    for doing, path in paths:
        try:
            graph.request("GET", graph.url(path), mailbox=address, doing=doing, params={"$select": "id"})
        except SourceError as exc:
            return str(exc).removeprefix(f"{address}: "), False
    try:
        graph.request("GET", graph.url(f"users/{user}/calendar"), mailbox=address,
                      doing="opening the calendar", params={"$select": "id"})  # fmt: skip
    except SourceError:
        return "", False
    return "", True
