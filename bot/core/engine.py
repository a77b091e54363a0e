"""The engine: a pure state machine over messages and time.

    observe(message, classification, now) -> actions   a message was seen
    tick(now) -> actions                                 time passed
    next_wakeup() -> datetime | None                     when tick next has work

No I/O and no wall clock: the daemon passes the system time, replay a simulated
one. State (requests, timers, what was already decided) lives here in memory; the
store persists it between runs and the outbox carries the actions out. Every rule
the engine applies is in ``bot.core.rules`` and listed in RULES below.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.automail import automatic_reason, is_own
from bot.core.calendar_rules import CAL_TIMERS, CalendarRules
from bot.core.context import Context
from bot.core.rules import concerns, correspondence, digest, out_of_hours, responses
from bot.core.rules.responses import Request
from bot.core.threads import normalise_subject
from bot.model import UNCLASSIFIED, Action, Classification, Folder, Message, Rule

# The explicit table of rules and the module that applies each (a test checks that
# every contract rule id appears here).
RULES: dict[Rule, str] = {
    Rule.ACKNOWLEDGEMENT: "bot.core.rules.responses",
    Rule.RESPONSE_DUE: "bot.core.rules.responses",
    Rule.RESPONSE_OVERDUE: "bot.core.rules.responses",
    Rule.BLIND_COPY_RECEIVED: "bot.core.rules.correspondence",
    Rule.BLIND_COPY_SENT: "bot.core.rules.correspondence",
    Rule.OUT_OF_HOURS: "bot.core.rules.out_of_hours",
    Rule.PARTY_POLITICAL: "bot.core.rules.concerns",
    Rule.PRIVATE: "bot.core.rules.concerns",
    Rule.PRESSURE: "bot.core.rules.concerns",
    Rule.CONFIDENTIAL: "bot.core.rules.concerns",
    Rule.STAFF_MATTER: "bot.core.rules.concerns",
    Rule.MEMBER_INSTRUCTION: "bot.core.rules.concerns",
    Rule.WEEKLY_DIGEST: "bot.core.rules.digest",
    # Calendar rules (events through observe_event; press releases also by email):
    Rule.WARD_MEMBERS_NOT_INVITED: "bot.core.rules.ward_notice",
    Rule.PRESS_RELEASE_WARD_NOTICE: "bot.core.rules.ward_notice",
    Rule.PRE_ELECTION_PERIOD: "bot.core.rules.pre_election",
    Rule.PARTY_GROUP_BRIEFING: "bot.core.rules.party_groups",
    Rule.SCRUTINY_NOTICE: "bot.core.rules.scrutiny",
}

_ACK, _NUDGE, _ESCALATE, _DIGEST = "ack", "nudge", "escalate", "digest"
HISTORY = timedelta(weeks=6)  # actions kept in memory for the digest's trends


class Engine(CalendarRules):
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._init_calendar()  # events, ward notices (bot.core.calendar_rules)
        self.requests: dict[str, Request] = {}
        self.emitted: set[str] = set()  # keys of every action already decided
        self.history: list[Action] = []  # recent actions, for the digest
        self.dirty: set[str] = set()  # requests changed since the store last saved
        self.suppressed: list[Action] = []  # held back by the per-member daily cap
        self._timers: list[tuple[datetime, int, str, str]] = []
        self._seq = itertools.count()
        self._by_conversation: dict[str, list[str]] = {}
        self._by_subject: dict[tuple[str, str], list[str]] = {}
        self._member_sends: Counter[tuple[str, str]] = Counter()
        self._seen: set[str] = set()  # message ids whose once-per-message rules ran
        # Replies that name a message we have not seen yet (the member's clock ran fast,
        # or the copies arrived out of order): kept so the request is born answered.
        self._early_replies: dict[str, list[Message]] = {}
        self._tz = ZoneInfo(ctx.settings.council.timezone)
        self._digest_started = False
        self._digest_slots: dict[str, digest.DigestSlot] = {}

    # ---- state in and out (the store calls these) -------------------------------

    def restore(self, requests: Iterable[Request], actions: Iterable[Action]) -> None:
        """Rebuild from the store after a restart."""
        for req in requests:
            self._index(req)
            self._seen.add(req.message_id)
        for action in actions:
            self._remember(action)
            if action.message_id:
                self._seen.add(action.message_id)
        self.dirty.clear()

    def start(self, now: datetime, *, catch_up: bool = False) -> None:
        """Schedule the weekly digest. The latest digest whose nominal time has passed
        still goes out if it was moved past ``now`` (a bank holiday) or, with
        ``catch_up`` (a restart), once, now, if the bot was down when it was due. A
        first start (not ``catch_up``) is when the bot began: the digest counts nothing
        before it (replay's history, a new install's old mail)."""
        if self._digest_started:
            return
        self._digest_started = True
        self._digest_since: datetime | None = None if catch_up else now
        last = digest.next_digest(self.ctx, now - timedelta(days=7))
        if last.nominal > now:  # none fell due in the past week (a clock change)
            self._schedule_digest(now)
            return
        pending = f"digest:{last.week}" not in self.emitted
        if pending and (last.send_at > now or catch_up):
            self._digest_slots[last.week] = last
            self._push(max(last.send_at, now), _DIGEST, last.week)
        self._schedule_digest(digest.following(self.ctx, last).nominal)

    # ---- observing messages ------------------------------------------------------

    def needs_classification(self, msg: Message) -> bool:
        """Only a member's own email, seen for the first time, goes to the classifier."""
        return (
            msg.folder is Folder.INBOX
            and msg.message_id not in self._seen
            and self.ctx.registers.is_member(msg.sender)
            and not is_own(msg)
            and automatic_reason(msg) is None
        )

    def observe(
        self,
        msg: Message,
        cls: Classification | None,
        now: datetime,
        *,
        wards: tuple[str, ...] = (),
    ) -> list[Action]:
        """A message was seen. ``wards``: the wards an officer's email is about, when
        the app looked (see ``wants_wards``), for the ward-notice rules."""
        if is_own(msg):
            return []
        automatic = automatic_reason(msg) is not None
        out: list[Action] = []
        if msg.folder is Folder.SENT:
            if not automatic:
                self._add(out, correspondence.blind_copy_sent(self.ctx, msg), now)
                self._match_reply(msg)
                self._observe_ward_mail(msg, wards, now, out)
            return out
        regs = self.ctx.registers
        if not regs.is_member(msg.sender):
            if not automatic:
                self._observe_ward_mail(msg, wards, now, out)  # press office's inbox
                self._add(out, correspondence.blind_copy_received(self.ctx, msg), now)
                if regs.officer(msg.sender) or msg.sender in self.ctx.watched:
                    self._match_reply(msg)
            return out
        if automatic:  # RFC 3834 and friends: never acknowledged, never flagged
            return out
        self._add(out, correspondence.blind_copy_received(self.ctx, msg), now)
        handler = responses.handling_mailbox(self.ctx, msg)
        # Contact out of hours is contact however the officer was reached (once per email).
        self._add(out, out_of_hours.out_of_hours(self.ctx, msg, handler or msg.mailbox), now)
        first_time = msg.message_id not in self._seen
        if first_time and regs.reaches(msg.visible_recipients, msg.mailbox):
            self._seen.add(msg.message_id)
            cls = cls or UNCLASSIFIED
            for action in concerns.concern_flags(self.ctx, msg, cls, handler or msg.mailbox):
                self._add(out, action, now)
            if handler and msg.message_id not in self.requests:
                req = responses.open_request(self.ctx, msg, cls, handler)
                if req is not None:
                    self._index(req)
                    self.dirty.add(req.message_id)
                    for early in self._early_replies.pop(req.message_id, []):
                        self._match_reply(early)
        return out

    # ---- time passing ------------------------------------------------------------

    def next_wakeup(self) -> datetime | None:
        return self._timers[0][0] if self._timers else None

    def tick(self, now: datetime) -> list[Action]:
        out: list[Action] = []
        cal = self.ctx.calendar
        while self._timers and self._timers[0][0] <= now:
            _, _, what, ref = heapq.heappop(self._timers)
            if what == _DIGEST:
                self._fire_digest(ref, out, now)
                continue
            if what in CAL_TIMERS:
                self._fire_calendar(what, ref, out, now)
                continue
            req = self.requests.get(ref)
            if req is None or not req.is_open:
                continue
            if what == _ACK and req.acknowledged_at is None:
                self._add(out, responses.acknowledgement(self.ctx, req, now), now)
            elif what in (_NUDGE, _ESCALATE) and not cal.is_working(now):
                # Nudges and escalations go out in working time only.
                self._push(cal.next_working_instant(now), what, ref)
                continue
            elif what == _NUDGE and req.nudged_at is None:
                self._add(out, responses.nudge(self.ctx, req, now), now)
            elif what == _ESCALATE and req.escalated_at is None:
                self._add(out, responses.escalation(self.ctx, req, now), now)
            self.dirty.add(ref)
        return out

    # ---- internals ---------------------------------------------------------------

    def _index(self, req: Request) -> None:
        self.requests[req.message_id] = req
        if req.conversation_id:
            self._by_conversation.setdefault(req.conversation_id, []).append(req.message_id)
        self._by_subject.setdefault((req.subject_key, req.member), []).append(req.message_id)
        if not req.is_open:
            return
        if req.ack_at is not None and req.acknowledged_at is None:
            self._push(req.ack_at, _ACK, req.message_id)
        if req.nudge_at is not None and req.nudged_at is None:
            self._push(req.nudge_at, _NUDGE, req.message_id)
        if req.escalated_at is None:
            self._push(req.escalate_at, _ESCALATE, req.message_id)

    def _push(self, when: datetime, what: str, ref: str) -> None:
        heapq.heappush(self._timers, (when, next(self._seq), what, ref))

    def _match_reply(self, msg: Message) -> None:
        """An officer's email to a member answers that member's open requests in the
        same thread (references, else conversation id, else subject)."""
        regs = self.ctx.registers
        members = {regs.member(a) for a in msg.recipients}
        members.discard(None)
        if not members:
            return
        refs = [r for r in (msg.in_reply_to, *msg.references) if r]
        found = [r for r in refs if r in self.requests]
        for ref in refs:
            if ref not in self.requests and ref not in self._seen:
                self._early_replies.setdefault(ref, []).append(msg)
        linked = bool(found)  # by headers: a reply, whatever the two clocks said
        if not found and msg.conversation_id:
            found = self._by_conversation.get(msg.conversation_id, [])
        if not found:
            key = normalise_subject(msg.subject)
            found = [
                rid
                for member in members
                if member is not None
                for address in member.emails
                for rid in self._by_subject.get((key, address), [])
            ]
        for rid in found:
            req = self.requests[rid]
            in_time = linked or msg.date >= req.received
            if req.is_open and regs.member(req.member) in members and in_time:
                req.answered_at = msg.date
                req.answered_by = msg.sender
                self.dirty.add(rid)

    def _add(self, out: list[Action], action: Action | None, now: datetime) -> None:
        """Keep each decision once; hold back mail beyond the per-member daily cap."""
        if action is None or action.key in self.emitted:
            return
        members = [a for a in action.to + action.cc if self.ctx.registers.is_member(a)]
        day = now.astimezone(self._tz).date().isoformat()
        cap = self.ctx.settings.bot.member_daily_cap
        if any(self._member_sends[(m, day)] >= cap for m in members):
            self.emitted.add(action.key)
            self.suppressed.append(action)
            return
        for m in members:
            self._member_sends[(m, day)] += 1
        self._remember(action)
        out.append(action)

    def _remember(self, action: Action) -> None:
        self.emitted.add(action.key)
        self.history.append(action)
        if len(self.history) > 4096 and self.history[0].at < action.at - HISTORY:
            cutoff = action.at - HISTORY
            self.history = [a for a in self.history if a.at >= cutoff]

    def _schedule_digest(self, after: datetime) -> None:
        slot = digest.next_digest(self.ctx, after)  # send_at >= nominal time >= after
        if slot.week not in self._digest_slots:
            self._digest_slots[slot.week] = slot
            self._push(slot.send_at, _DIGEST, slot.week)

    def _fire_digest(self, week: str, out: list[Action], now: datetime) -> None:
        slot = self._digest_slots[week]
        since = self._digest_since
        ran = since is None or since < slot.end  # no digest of a week before the bot ran
        if ran and f"digest:{week}" not in self.emitted:
            data = digest.digest_counts(
                self.ctx,
                slot,
                self.requests.values(),
                self.history,
                now,
                since=since,
                # Ward-notice checks, one per event, if the calendar rules keep them.
                notices=getattr(self, "notice_checks", ()),
            )
            self._add(out, digest.digest_action(self.ctx, slot, data, now), now)
        # The week after this one's, by nominal time: two digests moved onto the same
        # morning (Christmas, New Year) both go out.
        self._schedule_digest(digest.following(self.ctx, slot).nominal)
