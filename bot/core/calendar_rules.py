"""The calendar side of the engine: events seen, ward notices kept, reminders timed.

    observe_event(event, wards, now) -> actions   an event was seen, updated or cancelled
    wants_wards(msg) -> bool                       should the app find wards in this email

A mixin of :class:`bot.core.engine.Engine`: its timers share the engine's heap
(new timer kinds, CAL_TIMERS) and its actions go through the engine's ``_add``, so
each is decided once and counted for the digest like any other. Pure, like the
rest of the core: the app finds the wards (``bot.adapters.nlp.wards``) and passes
them in as data.

Timers carry ``<event key>\\x1f<event start>`` so a moved event's old timers find
the start changed and do nothing; every timer re-reads the event's current state
when it fires, so an update that invites the missing members, or a cancellation,
stops what was planned.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.core.automail import automatic_reason, is_own
from bot.core.events import (
    PUBLIC_KINDS,
    EventKind,
    EventState,
    event_kind,
    event_party,
    is_press_release_subject,
)
from bot.core.rules import party_groups, pre_election, scrutiny, ward_notice
from bot.core.threads import normalise_subject
from bot.model import Action, CalendarEvent, Folder, Message, Rule

if TYPE_CHECKING:
    from bot.core.context import Context

_WARD_FIRST, _WARD_REPEAT, _PRESS, _CAL_NOW, _MAIL_NOW = (
    "ward_first",
    "ward_repeat",
    "press",
    "cal_now",
    "mail_now",
)
CAL_TIMERS = frozenset({_WARD_FIRST, _WARD_REPEAT, _PRESS, _CAL_NOW, _MAIL_NOW})
_SEP = "\x1f"
NOTICE_HISTORY = timedelta(weeks=8)  # ward-notice checks kept for the digest


class CalendarRules:
    """Calendar state and decisions, mixed into the Engine."""

    if TYPE_CHECKING:  # provided by Engine
        ctx: Context
        emitted: set[str]
        _timers: list[tuple[datetime, int, str, str]]

        def _add(self, out: list[Action], action: Action | None, now: datetime) -> None: ...

        def _push(self, when: datetime, what: str, ref: str) -> None: ...

    def _init_calendar(self) -> None:
        self.events: dict[str, EventState] = {}
        # ward (casefolded) -> member address -> when an officer last emailed them about it
        self.ward_notices: dict[str, dict[str, datetime]] = {}
        # One per ward-notice check ({"at", "rule", "in_time", ...}), for the digest.
        self.notice_checks: list[dict[str, Any]] = []
        self._checked: set[str] = set()
        self._deferred: dict[str, list[Action]] = {}  # mail_now ref -> actions for working time
        self._cal_pending: set[tuple[str, str]] = set()  # calendar timers in the heap

    # ---- events --------------------------------------------------------------------

    def observe_event(
        self, event: CalendarEvent, wards: tuple[str, ...], now: datetime
    ) -> list[Action]:
        """An event was seen (first time, updated or cancelled) in a watched calendar.
        ``wards``: the wards it is about, found by the app in its subject, location
        and text."""
        out: list[Action] = []
        state = self.events.get(event.key)
        if state is None:
            state = EventState(
                key=event.key,
                event=event,
                copies={},
                wards=tuple(wards),
                kind=EventKind.INTERNAL,
                party=None,
                first_seen=now,
            )
            self.events[event.key] = state
        state.update(event, now)
        if state.event is event:
            state.wards = tuple(wards)
        self._classify(state)
        if not state.active or state.event.start <= now:
            return out  # cancelled, or already begun: nothing left to remind about
        self._schedule_event(state, now, out)
        return out

    def _classify(self, state: EventState) -> None:
        regs = self.ctx.registers
        parties = party_groups.parties(self.ctx)
        press = {p.lower() for p in self.ctx.settings.roles.press_office}
        state.kind = event_kind(
            state.event,
            parties=parties,
            press_calendar=any(m in press for m in state.copies),
        )
        if state.kind is EventKind.PARTY_GROUP:
            invited = [regs.member(a) for a in state.event.attendees]
            state.party = event_party(
                state.event, parties, [m.party for m in invited if m is not None]
            )

    def _schedule_event(self, state: EventState, now: datetime, out: list[Action]) -> None:
        ctx, cal = self.ctx, self.ctx.calendar
        ev = state.event
        ref = f"{state.key}{_SEP}{ev.start.isoformat()}"
        if state.kind in PUBLIC_KINDS and state.wards:
            days = ctx.settings.ward_notice.public_meeting_working_days_before
            first = ward_notice.remind_at(
                cal, ward_notice.notice_deadline(cal, ev.start, days), now
            )
            self._cal_at(first, _WARD_FIRST, ref, out, now)
            repeat = ward_notice.notice_deadline(cal, ev.start, ward_notice.REPEAT_WORKING_DAYS)
            if repeat > now and repeat > first:
                self._cal_at(cal.next_working_instant(repeat), _WARD_REPEAT, ref, out, now)
        if state.kind is EventKind.PRESS_RELEASE and state.wards:
            days = ctx.settings.ward_notice.press_release_working_days_before
            when = ward_notice.remind_at(cal, ward_notice.notice_deadline(cal, ev.start, days), now)
            self._cal_at(when, _PRESS, ref, out, now)
        if state.kind is not EventKind.INTERNAL:
            # Pre-election, party group and scrutiny checks: now, in working time.
            self._cal_at(cal.next_working_instant(now), _CAL_NOW, ref, out, now)

    def _cal_at(
        self, when: datetime, what: str, ref: str, out: list[Action], now: datetime
    ) -> None:
        if when <= now:
            self._fire_calendar(what, ref, out, now)
        elif (what, ref) not in self._cal_pending:
            self._cal_pending.add((what, ref))
            self._push(when, what, ref)

    def _fire_calendar(self, what: str, ref: str, out: list[Action], now: datetime) -> None:
        """A calendar timer is due (called by Engine.tick for CAL_TIMERS)."""
        self._cal_pending.discard((what, ref))
        if what == _MAIL_NOW:
            for action in self._deferred.pop(ref, []):
                self._add(out, replace(action, at=now), now)
            return
        key, _, start = ref.partition(_SEP)
        state = self.events.get(key)
        if state is None or not state.active or state.event.start.isoformat() != start:
            return
        if state.event.start <= now:
            return
        if what == _CAL_NOW:
            for action in (
                pre_election.event_flags(self.ctx, state, now)
                + party_groups.briefing_reminders(self.ctx, state, now)
                + scrutiny.short_notice_flags(self.ctx, state, now)
            ):
                self._add(out, action, now)
        elif what in (_WARD_FIRST, _WARD_REPEAT):
            self._ward_reminders(state, what == _WARD_REPEAT, out, now)
        elif what == _PRESS:
            self._press_reminders(state, out, now)

    def _ward_reminders(
        self, state: EventState, repeat: bool, out: list[Action], now: datetime
    ) -> None:
        if state.kind not in PUBLIC_KINDS:
            return
        ctx, cal, ev = self.ctx, self.ctx.calendar, state.event
        days = ctx.settings.ward_notice.public_meeting_working_days_before
        deadline = ward_notice.notice_deadline(cal, ev.start, days)
        rule = Rule.WARD_MEMBERS_NOT_INVITED
        for ward in state.wards:
            missing = ward_notice.missing_invitees(ctx, ev, ward)
            self._check(rule, f"{state.key}:{ward}", not missing, now, ward, ev)
            first_key = ward_notice.invite_key(ev, ward, ward_notice.FIRST)
            stage = (
                ward_notice.REPEAT if repeat and first_key in self.emitted else ward_notice.FIRST
            )
            action = ward_notice.invite_reminder(ctx, state, ward, missing, stage, deadline, now)
            self._add(out, action, now)

    def _press_reminders(self, state: EventState, out: list[Action], now: datetime) -> None:
        if state.kind is not EventKind.PRESS_RELEASE:
            return
        ctx, cal, ev = self.ctx, self.ctx.calendar, state.event
        days = ctx.settings.ward_notice.press_release_working_days_before
        deadline = ward_notice.notice_deadline(cal, ev.start, days)
        rule = Rule.PRESS_RELEASE_WARD_NOTICE
        for ward in state.wards:
            missing = ward_notice.members_not_told(
                ctx, ward, self.ward_notices.get(ward.casefold()), now
            )
            self._check(rule, f"{state.key}:{ward}", not missing, now, ward, ev)
            action = ward_notice.press_event_reminder(ctx, state, ward, missing, deadline, now)
            self._add(out, action, now)

    def _check(
        self,
        rule: Rule,
        ref: str,
        in_time: bool,
        now: datetime,
        ward: str,
        event: CalendarEvent | None = None,
        message_id: str | None = None,
    ) -> None:
        """Record one ward-notice check (the first for each event and ward) for the digest."""
        key = f"{rule}:{ref}"
        if key in self._checked:
            return
        self._checked.add(key)
        check: dict[str, Any] = {"at": now, "rule": str(rule), "in_time": in_time, "ward": ward}
        if event is not None:
            check["event_uid"] = event.uid
            check["event_start"] = event.start.isoformat()
        if message_id is not None:
            check["message_id"] = message_id
        self.notice_checks.append(check)
        if len(self.notice_checks) > 4096 and self.notice_checks[0]["at"] < now - NOTICE_HISTORY:
            cutoff = now - NOTICE_HISTORY
            self.notice_checks = [c for c in self.notice_checks if c["at"] >= cutoff]

    # ---- emails ----------------------------------------------------------------------

    def is_press_release_mail(self, msg: Message) -> bool:
        """An email to the press office, or headed "press release" / "media release" /
        "for immediate release"."""
        press = {p.lower() for p in self.ctx.settings.roles.press_office}
        if press.intersection(msg.recipients) and msg.sender not in press:
            return True
        return is_press_release_subject(msg.subject)

    def wants_wards(self, msg: Message) -> bool:
        """Whether the app should find the wards an email is about (it costs a read of
        the text): an officer's email to members, or an officer's press release."""
        ctx, regs = self.ctx, self.ctx.registers
        if is_own(msg) or automatic_reason(msg) is not None:
            return False
        if regs.is_member(msg.sender) or not ward_notice.is_council(ctx, msg.sender):
            return False
        if msg.folder is Folder.SENT:
            return self.is_press_release_mail(msg) or any(regs.is_member(a) for a in msg.recipients)
        press = {p.lower() for p in ctx.settings.roles.press_office}
        return msg.mailbox in press and self.is_press_release_mail(msg)

    def _observe_ward_mail(
        self, msg: Message, wards: tuple[str, ...], now: datetime, out: list[Action]
    ) -> None:
        """An officer's email (called by Engine.observe): note whom it told about which
        ward; check a press release against those notices."""
        ctx, regs = self.ctx, self.ctx.registers
        if regs.is_member(msg.sender) or not ward_notice.is_council(ctx, msg.sender):
            return
        press = {p.lower() for p in ctx.settings.roles.press_office}
        if msg.folder is not Folder.SENT and msg.mailbox not in press:
            return  # officers' inboxes: the sender's own sent copy tells
        if msg.folder is Folder.SENT:
            for ward in wards:
                told = self.ward_notices.setdefault(ward.casefold(), {})
                for address in msg.recipients:
                    member = regs.member(address)
                    if member is not None and member.ward.casefold() == ward.casefold():
                        told[member.email] = max(told.get(member.email, msg.date), msg.date)
        if not self.is_press_release_mail(msg):
            return
        at = ctx.calendar.next_working_instant(now)
        thread = normalise_subject(msg.subject) or msg.message_id
        actions: list[Action | None] = []
        for ward in wards:
            missing = ward_notice.members_not_told(
                ctx, ward, self.ward_notices.get(ward.casefold()), msg.date
            )
            rule = Rule.PRESS_RELEASE_WARD_NOTICE
            self._check(
                rule, f"mail:{thread}:{ward}", not missing, now, ward, message_id=msg.message_id
            )
            actions.append(ward_notice.press_mail_reminder(ctx, msg, thread, ward, missing, at))
        actions.append(pre_election.mail_flag(ctx, msg, thread, wards, at))
        if at <= now:
            for action in actions:
                self._add(out, action, now)
            return
        ref = msg.message_id
        self._deferred.setdefault(ref, []).extend(a for a in actions if a is not None)
        if (_MAIL_NOW, ref) not in self._cal_pending:
            self._cal_pending.add((_MAIL_NOW, ref))
            self._push(at, _MAIL_NOW, ref)


__all__ = ["CAL_TIMERS", "CalendarRules"]
