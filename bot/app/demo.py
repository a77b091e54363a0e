"""`protocol-bot demo`: the bot on the bundled sample council, explained.

Copies Exampleton's configuration and mailboxes into a working folder, runs the
whole bot over its week of email with a simulated clock (replay's machinery, with
the folder outbox so emails land in the officers' and members' folders), and
prints a timeline of what it did and why.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.adapters.outbox.folder import FolderSender
from bot.app import replay as replay_cmd
from bot.model import Action, ActionType, Rule

START, END = "2026-11-23T09:00", "2026-12-01T12:00"

WHY: dict[Rule, str] = {
    Rule.ACKNOWLEDGEMENT: "no reply within 4 working hours: acknowledged to the member, with the date a reply is due",
    Rule.RESPONSE_DUE: "the reply is due within 4 working hours: reminded the officer",
    Rule.RESPONSE_OVERDUE: "the reply deadline passed: told the officer and their manager",
    Rule.BLIND_COPY_RECEIVED: "an officer got a member's email as a blind copy: told the officer privately",
    Rule.BLIND_COPY_SENT: "an officer blind-copied a member: told the officer privately",
    Rule.OUT_OF_HOURS: "a member wrote outside working hours: recorded for the weekly digest",
    Rule.PARTY_POLITICAL: "the request looks party political: told the officer privately, with a suggested reply",
    Rule.PRIVATE: "the request looks like a private matter: told the officer privately",
    Rule.PRESSURE: "the request may put undue pressure on the officer: told the officer privately",
    Rule.CONFIDENTIAL: "the request touches confidential information: told the officer privately",
    Rule.STAFF_MATTER: "the request raises a staff matter: told the officer privately",
    Rule.MEMBER_INSTRUCTION: "the member appears to instruct the officer: told the officer privately",
    Rule.WEEKLY_DIGEST: "the weekly digest went to the Chief Executive",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dir", type=Path, default=Path("protocol-bot-demo"), help="working folder (default ./protocol-bot-demo)")
    p.add_argument("--no-classifier", action="store_true", help="treat every member email as a request")


def prepare(workdir: Path) -> Path:
    """Copy the sample council into ``workdir`` (fresh each time)."""
    shutil.rmtree(workdir, ignore_errors=True)
    sample = resources.files("config") / "exampleton"
    with resources.as_file(sample) as src:
        shutil.copytree(src, workdir, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return workdir / "config.toml"


def run(args: argparse.Namespace) -> int:
    if not args.verbose:  # the timeline below says it better than one log line per email
        logging.getLogger("bot").setLevel(logging.WARNING)
    workdir: Path = args.dir.resolve()
    config = prepare(workdir)
    mail = workdir / "mail"
    out = workdir / "replay"
    result = replay_cmd.replay(
        config, mail, START, END, out,
        use_classifier=not args.no_classifier,
        sender=FolderSender(mail),
    )
    tz = ZoneInfo("Europe/London")
    print("protocol-bot demo: Exampleton Borough Council, 23 November - 1 December 2026")
    print(f"{result.messages} emails read, {result.malformed} malformed (recorded and skipped)\n")
    for action in sorted(result.actions, key=lambda a: a.at):
        print(_line(action, tz))
    rules = {str(a.rule) for a in result.actions}
    print(f"\n{len(result.actions)} actions, {len(rules)} different rules.")
    print(f"Emails to officers are in   {mail}/<officer>/inbox/")
    print(f"Emails to members are in    {mail}/_outgoing/")
    print(f"Every action, as JSON lines: {out / 'actions.jsonl'}")
    digests = sorted((out / "digests").glob("*.json")) if (out / "digests").exists() else []
    if digests:
        data = json.loads(digests[-1].read_text())
        print(f"Latest weekly digest data:   {digests[-1]} ({data['counts']['requests']} requests)")
    return 0


def _line(action: Action, tz: ZoneInfo) -> str:
    when = action.at.astimezone(tz).strftime("%a %d %b %H:%M")
    who = action.member or ""
    if action.type is ActionType.DIGEST:
        who = ", ".join(action.to)
    subject = action.details.get("subject", "")
    about = f' "{subject}"' if subject else ""
    return f"{when}  {str(action.rule):<22} {who:<32}{about}\n{'':19}{WHY[action.rule]} [{action.details.get('clause', '')}]"
