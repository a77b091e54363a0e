"""Writes the demo council's mailbox export (config/exampleton/mail/), in the
contract's replay layout. Run it after changing the story; the output is committed.

The story covers the week of Monday 23 November 2026 and each rule at least once.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).parent / "mail"
TZ = ZoneInfo("Europe/London")
D = "exampleton.gov.uk"
ALICE, BOB, CAROL, DAVID = (f"{n}@{D}" for n in ("alice.green", "bob.harris", "carol.ng", "david.jones"))
JANE, AMIR, LUCY, TOM = (f"{n}@{D}" for n in ("jane.smith", "amir.khan", "lucy.evans", "tom.baker"))
NAMES = {
    ALICE: "Cllr Alice Green", BOB: "Cllr Bob Harris", CAROL: "Cllr Carol Ng",
    DAVID: "Cllr David Jones", JANE: "Jane Smith", AMIR: "Amir Khan", LUCY: "Lucy Evans",
    TOM: "Tom Baker",
}


def email(n, when, sender, to, subject, body, *, cc=(), bcc=(), reply_to=None, headers=None):
    msg = EmailMessage()
    msg["From"] = f"{NAMES.get(sender, '')} <{sender}>"
    msg["To"] = ", ".join(f"{NAMES.get(a, '')} <{a}>" for a in to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, *when, tzinfo=TZ))
    msg["Message-ID"] = f"<demo-{n:03d}@{D}>"
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    return msg


def put(owner: str, folder: str, name: str, msg: EmailMessage) -> None:
    path = ROOT / owner / folder
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{name}.eml").write_bytes(bytes(msg))


def main() -> None:
    shutil.rmtree(ROOT, ignore_errors=True)
    # 1. A request nobody answers: acknowledgement, nudge, escalation.
    m = email(1, (23, 10, 15), ALICE, [JANE], "Planning application 26/0412, Mill Lane",
              "Dear Jane,\n\nSeveral residents of Mill Lane have asked me when the committee will "
              "consider application 26/0412 and whether the highways comments are in. Could you "
              "let me know where it has got to?\n\nMany thanks,\nAlice\nCllr Alice Green, Northfield")
    put(JANE, "inbox", "001", m)
    # 2. Answered within two hours: nothing to do.
    m = email(2, (23, 11, 0), BOB, [AMIR], "Pothole outside 14 Hazel Estate",
              "Amir, a resident at 14 Hazel Estate reports a deep pothole by the bus stop. Could "
              "it be inspected please? Bob")
    put(AMIR, "inbox", "002", m)
    put(AMIR, "sent", "002-reply", email(102, (23, 13, 5), AMIR, [BOB], "RE: Pothole outside 14 Hazel Estate",
        "Dear Cllr Harris, an inspector will visit tomorrow and make it safe. Amir", reply_to="<demo-002@exampleton.gov.uk>"))
    # 3. Out of hours, answered next morning: an out-of-hours flag only.
    m = email(3, (24, 21, 40), CAROL, [AMIR], "Streetlight out on Riverside Walk",
              "Hi Amir, the streetlight by the footbridge on Riverside Walk has been out for a "
              "week and residents feel unsafe. Can it be repaired? Carol")
    put(AMIR, "inbox", "003", m)
    put(AMIR, "sent", "003-reply", email(103, (25, 9, 10), AMIR, [CAROL], "RE: Streetlight out on Riverside Walk",
        "Dear Cllr Ng, I have raised a repair with our contractor for this week. Amir", reply_to="<demo-003@exampleton.gov.uk>"))
    # 4. Jane blind-copied on a member's email to Lucy: a blind copy received.
    m = email(4, (25, 9, 30), DAVID, [LUCY], "Riverside flood scheme budget",
              "Lucy, what is left in the Riverside flood alleviation budget for this year? David",
              bcc=[JANE])
    del m["Bcc"]  # recipients never see the Bcc header
    put(LUCY, "inbox", "004", m)
    put(JANE, "inbox", "004", m)
    put(LUCY, "sent", "004-reply", email(104, (25, 11, 0), LUCY, [DAVID], "RE: Riverside flood scheme budget",
        "Dear Cllr Jones, £182,000 remains this year; a breakdown is attached. Lucy", reply_to="<demo-004@exampleton.gov.uk>"))
    # 5. Jane blind-copies a member on her reply: a blind copy sent.
    put(JANE, "sent", "005", email(5, (26, 10, 0), JANE, [ALICE], "Northfield play area",
        "Dear Cllr Green, the new play area at Northfield opens on 5 December. Jane", bcc=[BOB]))
    # 6. A member writes to the planning team list: Jane is reached through the list,
    #    so no blind-copy flag; she answers the same day.
    m = email(6, (26, 9, 0), BOB, [f"planning.team@{D}"], "Hedge removal at Old Mill Farm",
              "Could someone confirm whether the hedge removal at Old Mill Farm needs consent? Bob")
    put(JANE, "inbox", "006", m)
    put(JANE, "sent", "006-reply", email(106, (26, 12, 0), JANE, [BOB], "RE: Hedge removal at Old Mill Farm",
        "Dear Cllr Harris, yes: a hedgerow removal notice is needed. Jane", reply_to="<demo-006@exampleton.gov.uk>"))
    # 7. An out-of-office reply from a member: automatic mail, never acknowledged.
    m = email(7, (23, 10, 20), ALICE, [JANE], "Automatic reply: Northfield play area",
              "I am away until Monday.", headers={"Auto-Submitted": "auto-replied"})
    put(JANE, "inbox", "007", m)
    # 8. A party-political request dressed as a factual one; Jane answers on Monday.
    m = email(8, (27, 10, 0), CAROL, [JANE], "Housing figures",
              "Jane, could you pull together the number of new homes our group has delivered "
              "since 2022, ward by ward? We want to use them in our election leaflet next month. "
              "Carol")
    put(JANE, "inbox", "008", m)
    put(JANE, "sent", "008-reply", email(108, (30, 9, 0), JANE, [CAROL], "RE: Housing figures",
        "Dear Cllr Ng, I can send the published completions figures that all members receive, "
        "but I cannot prepare material for a party leaflet. Jane", reply_to="<demo-008@exampleton.gov.uk>"))
    # 9. An instruction outside the decision process; Amir answers the same day.
    m = email(9, (27, 11, 0), BOB, [AMIR], "Mill Lane resurfacing",
              "Amir, tell the contractor to start resurfacing Mill Lane on Monday and push the "
              "Old Town scheme back to next year. I've told residents it's happening. Bob")
    put(AMIR, "inbox", "009", m)
    put(AMIR, "sent", "009-reply", email(109, (27, 15, 0), AMIR, [BOB], "RE: Mill Lane resurfacing",
        "Dear Cllr Harris, the programme is set by the Cabinet decision of June; I have asked "
        "Lucy to brief you on the options. Amir", reply_to="<demo-009@exampleton.gov.uk>"))
    # 10. A malformed email (no Message-ID): recorded and skipped.
    path = ROOT / JANE / "inbox"
    (path / "010-broken.eml").write_bytes(
        b"From: someone@example.org\r\nSubject: no id\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\nhello\r\n"
    )


if __name__ == "__main__":
    main()
