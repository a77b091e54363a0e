"""Replay throughput on a synthetic council mailbox export (not a timed test).

    python benchmarks/bench_replay.py [--messages 50000] [--members 60] [--officers 40]
                                      [--classifier]

Generates MAIL_DIR with K messages over three months: by default one in five is
member correspondence (requests, officer replies, blind copies, automatic replies,
out-of-hours mail) and the rest is an officer's everyday traffic (colleagues,
residents, mailing lists), then replays it in-process and prints messages per second
and peak memory. ``--member-share 1`` makes every message member mail (worst case:
about 1.5 emails to write per message).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.app.replay import replay  # noqa: E402

TZ = ZoneInfo("Europe/London")
D = "synthetic.gov.uk"


def generate(
    root: Path, k: int, members: int, officers: int, member_share: float = 0.2, seed: int = 7
) -> Path:
    rnd = random.Random(seed)
    council = root / "council"
    mail = root / "mail"
    council.mkdir(parents=True)
    wards = [f"Ward {i}" for i in range(max(members // 3, 1))]
    (council / "wards.csv").write_text("ward,aliases\n" + "".join(f"{w},\n" for w in wards))
    mem = [f"cllr{i}@{D}" for i in range(members)]
    off = [f"officer{i}@{D}" for i in range(officers)]
    (council / "members.csv").write_text(
        "name,email,ward,party,role\n"
        + "".join(f"Cllr Member {i},{m},{wards[i % len(wards)]},Party {i % 3},\n" for i, m in enumerate(mem))
    )
    (council / "officers.csv").write_text(
        "name,email,role,manager\n"
        + "".join(f"Officer {i},{o},Officer,{off[0] if i else ''}\n" for i, o in enumerate(off))
    )
    (council / "config.toml").write_text(
        '[council]\nname = "Synthetic Council"\ntimezone = "Europe/London"\n'
        'bank_holidays = "england-and-wales"\n[office_hours]\n'
        'days = ["mon","tue","wed","thu","fri"]\nstart = "08:30"\nend = "17:30"\n'
        "[sla]\nacknowledge_within_working_hours = 4\nrespond_within_working_days = 2\n"
        "remind_before_due_working_hours = 4\n[registers]\n"
        'members = "members.csv"\nofficers = "officers.csv"\nwards = "wards.csv"\n'
        '[digest]\nweekday = "mon"\ntime = "08:00"\nto = ["officer0@' + D + '"]\n'
        "[bot]\nmember_daily_cap = 100000\n"
    )
    for o in off:
        (mail / o / "inbox").mkdir(parents=True)
        (mail / o / "sent").mkdir(parents=True)
    start = datetime(2026, 9, 1, tzinfo=TZ)
    externals = [f"resident{i}@example.org" for i in range(500)]

    def write(box: str, folder: str, n: int, head: str, body: str = "Thanks.") -> None:
        (mail / box / folder / f"{n:06d}.eml").write_bytes(f"{head}\r\n{body}\r\n".encode())

    n = 0
    while n < k:
        when = start + timedelta(minutes=rnd.randrange(60 * 24 * 90))
        o = rnd.choice(off)
        date = format_datetime(when)
        if rnd.random() >= member_share:  # everyday traffic: colleagues, residents, lists
            sender = rnd.choice(off + externals)
            extra = "List-Id: <news.example.org>\r\n" if rnd.random() < 0.1 else ""
            write(o, "inbox", n, f"From: <{sender}>\r\nTo: {o}\r\nSubject: Update {n}\r\n"
                  f"Date: {date}\r\nMessage-ID: <x{n}@{D}>\r\n{extra}")
            n += 1
            continue
        m = rnd.choice(mem)
        mid = f"<s{n}@{D}>"
        extra = "Auto-Submitted: auto-replied\r\n" if rnd.random() < 0.05 else ""
        head = (f"From: Cllr <{m}>\r\nTo: {o}\r\nSubject: Request {n} about ward matters\r\n"
                f"Date: {date}\r\nMessage-ID: {mid}\r\n{extra}")
        body = "Could you tell me when the resurfacing will start on the estate?"
        write(o, "inbox", n, head, body)
        n += 1
        bcc_to = rnd.choice(off) if rnd.random() < 0.03 else None
        if bcc_to and bcc_to != o and n < k:
            write(bcc_to, "inbox", n, head, body)
            n += 1
        if not extra and rnd.random() < 0.7 and n < k:
            reply_at = format_datetime(when + timedelta(minutes=rnd.randrange(30, 60 * 24 * 4)))
            write(o, "sent", n, f"From: <{o}>\r\nTo: {m}\r\nSubject: RE: Request {n - 1}\r\n"
                  f"Date: {reply_at}\r\nMessage-ID: <r{n}@{D}>\r\n"
                  f"In-Reply-To: {mid}\r\nReferences: {mid}\r\n", "Done.")
            n += 1
    return council / "config.toml"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--messages", type=int, default=50_000)
    p.add_argument("--members", type=int, default=60)
    p.add_argument("--officers", type=int, default=40)
    p.add_argument("--member-share", type=float, default=0.2,
                   help="share of the traffic that is member correspondence (1.0 = worst case)")
    p.add_argument("--classifier", action="store_true", help="classify member emails too")
    args = p.parse_args()
    root = Path(tempfile.mkdtemp(prefix="pb-bench-"))
    try:
        config = generate(root, args.messages, args.members, args.officers, args.member_share)
        t0 = time.perf_counter()
        result = replay(config, root / "mail", "2026-09-01", "2026-12-15", root / "out",
                        use_classifier=args.classifier)
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"messages: {result.messages}  actions: {len(result.actions)}  seconds: {seconds:.2f}")
        print(f"throughput: {result.messages / seconds:,.0f} messages/s  peak RSS: {peak_mb:,.0f} MB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
