"""The digest's HTML in a real browser (headless Chromium): nothing wider than a
600-pixel window, every image loaded and described, the text part saying the same
headline numbers. The digest is a realistic one: five weeks of the demo council's
member email, decided by the real engine and rendered by the real renderer.

``scripts/install-browser`` installs Chromium; these tests fail (not skip) without
it. ``PROTOCOL_BOT_SCREENSHOT=docs/digest.png`` also writes the screenshot the docs
show (``python -m pytest tests/browser -m browser``).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.digest_email import inline_images
from bot.adapters.outbox.mime import to_bytes
from bot.adapters.render import Renderer
from bot.app.digest import replay_health
from bot.app.wiring import work_calendar
from bot.config import load_config
from bot.core.context import Context
from bot.core.engine import Engine
from bot.model import Action, ActionType, Classification, Concern, Folder, Kind, Message, Rule
from bot.model.outgoing import OutgoingEmail

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config" / "exampleton" / "config.toml"
CHROMIUM = Path("/usr/bin/chromium")
LONDON = ZoneInfo("Europe/London")
D = "exampleton.gov.uk"

# Who writes to whom about what: (officer, subjects). Members are drawn from the register.
SERVICES = {
    f"jane.smith@{D}": [
        "Planning application 26/0412, Mill Lane", "Extension at 3 Abbey Walk",
        "Enforcement: shed on Vicarage Road", "Objections to the Brook Farm scheme",
        "Tree preservation order, Castle Hill",
    ],
    f"amir.khan@{D}": [
        "Pothole outside 14 Hazel Estate", "Streetlight out on Riverside Walk",
        "Gritting routes for Eastgate", "Blocked drain, Church Lane", "Mill Lane resurfacing",
    ],
    f"lucy.evans@{D}": ["Riverside flood scheme budget", "Station Road closure"],
    f"owen.hughes@{D}": [
        "Damp in a tenant's flat, Wharf Street", "Repairs backlog at The Moorings",
        "Boiler not fixed, Ferry Lane",
    ],
    f"nadia.rossi@{D}": ["Dangerous paving, Market Square", "Fly-tipping on Eastgate Common"],
}
WEEKS = [datetime(2026, 10, 26, tzinfo=LONDON) + timedelta(weeks=n) for n in range(5)]
PER_WEEK = [9, 12, 10, 14, 13]


def demo_digest() -> tuple[Action, OutgoingEmail]:
    """Five weeks of the demo council through the engine; the digest for week 48."""
    loaded = load_config(CONFIG)
    settings, registers = loaded.settings, loaded.registers
    watched = frozenset([*SERVICES, f"grace.wood@{D}", f"tom.baker@{D}"])
    ctx = Context(settings, registers, work_calendar(settings, 2026, 2026), watched)
    engine = Engine(ctx)
    engine.start(WEEKS[0] - timedelta(hours=1))
    rng = random.Random(48)
    members = [m.email for m in registers.members]
    cal = ctx.calendar
    events: list[tuple[datetime, Message, Classification | None]] = []
    n = 0
    for week, count in zip(WEEKS, PER_WEEK, strict=True):
        last_week = week == WEEKS[-1]
        for i in range(count):
            n += 1
            officer = rng.choice(list(SERVICES))
            member = rng.choice(members)
            day = week + timedelta(days=rng.randrange(5))
            when = day.replace(hour=rng.choice([9, 10, 11, 14, 15]), minute=rng.choice([0, 15, 30, 45]))
            if last_week and i in (0, 4, 8):  # one member writes late in the evening
                member, when = f"george.lewis@{D}", day.replace(hour=22, minute=10 + i)
            elif (last_week and i == 6) or (not last_week and rng.random() < 0.1):
                when = day.replace(hour=20, minute=rng.choice([5, 40]))
            subject = rng.choice(SERVICES[officer])
            mid = f"<req{n}@{D}>"
            kind, concerns = Kind.CASEWORK, ()
            if last_week and i == 3:
                concerns = (Concern.PRESSURE,)
            if last_week and i == 7:
                kind, concerns = Kind.INFORMATION, (Concern.PARTY_POLITICAL,)
            if last_week and i == 10:
                kind = Kind.INSTRUCTION
            msg = Message(mailbox=officer, folder=Folder.INBOX, message_id=mid, date=when,
                          sender=member, to=(officer,), subject=subject)
            events.append((when, msg, Classification(kind, concerns)))
            # Most replies come within hours, a few late; three are still open.
            if (last_week and i in (1, 5)) or (week == WEEKS[-2] and i == 2):
                continue
            late = rng.random() < (0.12 if not last_week else 0.05)
            hours = rng.choice([22, 27]) if late else rng.choice([0.5, 1, 2, 3, 5, 7])
            answered = cal.add_working_hours(when, hours)
            reply = Message(mailbox=officer, folder=Folder.SENT, message_id=f"<rep{n}@{D}>",
                            date=answered, sender=officer, to=(member,), subject=f"RE: {subject}",
                            in_reply_to=mid, references=(mid,))
            events.append((answered, reply, None))
        # A blind copy or two each week.
        for j in range(rng.randrange(1, 3)):
            officer = rng.choice(list(SERVICES))
            when = week + timedelta(days=rng.randrange(5), hours=11, minutes=j * 7)
            bcc = Message(mailbox=officer, folder=Folder.SENT, message_id=f"<bcc{n}-{j}@{D}>",
                          date=when, sender=officer, to=(rng.choice(members),),
                          bcc=(rng.choice(members),), subject=rng.choice(SERVICES[officer]))
            events.append((when, bcc, None))
    events.sort(key=lambda e: (e[0], e[1].folder != Folder.INBOX))
    end = WEEKS[-1] + timedelta(days=7, hours=9)
    actions: list[Action] = []
    for when, msg, cls in events:
        if when > end:
            continue
        while (wake := engine.next_wakeup()) is not None and wake < when:
            actions += engine.tick(wake)
        engine.observe(msg, cls, when)
        if msg.message_id == f"<req{n - 9}@{D}>":  # a public meeting that missed its ward
            engine._remember(ctx.action(
                at=when, type=ActionType.FLAG, rule=Rule.WARD_MEMBERS_NOT_INVITED,
                key="ward:riverside-consultation", mailbox=f"lucy.evans@{D}",
                event_uid="riverside-flood-consultation@exampleton",
                details={"subject": "Public consultation: Riverside flood defences",
                         "ward": "Riverside", "event_start": "2026-12-03T18:30:00+00:00"},
            ))
    while (wake := engine.next_wakeup()) is not None and wake <= end:
        actions += engine.tick(wake)
    (digest,) = [a for a in actions if a.key == "digest:2026-W48"]
    data = digest.details["digest"]
    probe = replay_health([*SERVICES, f"grace.wood@{D}", f"tom.baker@{D}"], 0, registers)
    data["health"] = {**probe(data, end), "mode": "live", "emails": {
        "sent": data["emails"]["total"], "failed": 0, "waiting": 0}}
    data["health"]["attention"] = [{
        "source": f"mail:owen.hughes@{D}", "address": f"owen.hughes@{D}", "name": "Owen Hughes",
        "status": "needs-attention", "updated": "2026-11-29T22:10:00+00:00",
        "message": "sign-in refused since Sunday 10.10pm: the account's password has expired",
    }]
    email = Renderer(settings, registers).render(digest)
    assert email is not None
    return digest, email


def chromium(*args: str) -> subprocess.CompletedProcess:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/install-browser (apt-get install chromium) "
            "before the browser tests"
        )
    profile = tempfile.mkdtemp(prefix="pb-chromium-")
    try:
        return subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


PROBE = """
<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var wide = Array.prototype.slice.call(document.querySelectorAll("body *")).filter(function (e) {
    return e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5;
  }).map(function (e) { return e.tagName + "." + e.className; });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({
    viewport: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    wide: wide.slice(0, 10),
    images: imgs.map(function (i) {
      return {alt: i.getAttribute("alt"), loaded: i.complete && i.naturalWidth > 0,
              width: i.getBoundingClientRect().width};
    })
  });
  document.body.appendChild(out);
});
</script>
"""


def measure(html: str, tmp_path: Path, width: int = 600) -> dict:
    page = tmp_path / "digest.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium(f"--window-size={width},900", "--virtual-time-budget=5000", "--dump-dom",
                    page.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert match, f"chromium gave no measurement:\n{done.stderr[-2000:]}"
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def rendered():
    return demo_digest()


def test_no_horizontal_overflow_at_600px_and_every_image_described(rendered, tmp_path):
    _, email = rendered
    got = measure(inline_images(email), tmp_path)
    assert got["viewport"] == 600, got
    assert got["scrollWidth"] <= 600, f"wider than the window: {got['scrollWidth']}px ({got['wide']})"
    assert not got["wide"], got["wide"]
    assert len(got["images"]) == 3
    for img in got["images"]:
        assert img["alt"] and len(img["alt"]) > 20, img
        assert img["loaded"], "an image did not load"


def test_the_probe_sees_overflow_when_there_is_some(tmp_path):
    """The measurement is real: a 700-pixel table in a 600-pixel window is caught."""
    got = measure("<html><body><table width='700'><tr><td>x</td></tr></table></body></html>",
                  tmp_path)
    assert got["scrollWidth"] > 600


def test_the_email_is_self_contained_and_small(rendered):
    _, email = rendered
    raw = to_bytes(email, datetime(2026, 11, 30, 8, tzinfo=LONDON))
    assert len(raw) < 200_000, len(raw)
    assert not re.search(r'(src|href)="(https?:|//)', email.html), "an external resource"
    assert "<style" not in email.html  # every style inlined (css-inline)
    cids = set(re.findall(r'src="cid:([^"]+)"', email.html))
    assert cids == {a.content_id for a in email.attachments}
    msg = message_from_bytes(raw, policy=default)
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.iter_parts()
    assert related.get_content_type() == "multipart/related"
    assert [p.get_content_type() for p in related.iter_parts()] == ["text/html", *["image/png"] * 3]


def test_text_part_carries_the_headline_numbers(rendered):
    action, email = rendered
    data = action.details["digest"]
    req = data["requests"]
    text = email.text
    headline = text.split("\n\n")[1]
    share = f"{round(req['share_within_sla'] * 100)}%"
    for fact in (f"{req['received']} member requests", share, f"{len(data['overdue'])} overdue now",
                 f"{data['trend'][-1]['flags']} protocol flags"):
        assert fact in headline, (fact, headline)
        assert fact in email.html
    for o in data["overdue"]:
        assert o["officer_name"] in text and o["member_name"] in text
    assert "@" not in headline


def test_screenshot(rendered, tmp_path):
    """A screenshot of the whole digest at 600 pixels (and docs/digest.png on request)."""
    _, email = rendered
    html = inline_images(email)
    height = measure(html, tmp_path)["height"]
    page, shot = tmp_path / "shown.html", tmp_path / "digest.png"
    page.write_text(html, encoding="utf-8")
    done = chromium(f"--window-size=600,{height}", f"--screenshot={shot}",
                    "--virtual-time-budget=5000", page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("PROTOCOL_BOT_SCREENSHOT")
    if target:
        shutil.copyfile(shot, REPO / target)
