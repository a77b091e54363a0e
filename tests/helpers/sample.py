"""The bundled sample council, copied somewhere writable and adjusted for a test."""

from __future__ import annotations

import shutil
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "config" / "exampleton"
JANE = "jane.smith@exampleton.gov.uk"
ALICE = "alice.green@exampleton.gov.uk"


def sample_council(tmp: Path, *, ack_hours: float = 4, extra: str = "", mail: bool = False) -> Path:
    """Copy Exampleton's config and registers (and, if asked, its demo mail)."""
    dest = tmp / "council"
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("*.py", "mail", "__pycache__"))
    config = dest / "config.toml"
    text = config.read_text().replace(
        "acknowledge_within_working_hours = 4", f"acknowledge_within_working_hours = {ack_hours}"
    )
    config.write_text(text + "\n[classifier]\nenabled = false\n" + extra)
    (dest / "mail" / JANE / "inbox").mkdir(parents=True)
    if mail:
        shutil.rmtree(dest / "mail")
        shutil.copytree(SAMPLE / "mail", dest / "mail")
    return config


def member_email(n: int, when: datetime, sender: str = ALICE, to: str = JANE) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Cllr Alice Green <{sender}>"
    msg["To"] = to
    msg["Subject"] = f"Question {n} about the Mill Lane scheme"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<q{n}@member.test>"
    msg.set_content("Could you tell me when the works will start?")
    return bytes(msg)
