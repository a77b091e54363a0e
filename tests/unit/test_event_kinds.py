"""What kind of calendar entry an event is: categories first, then subject and text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.events import EventKind, event_kind, event_party, is_press_release_subject
from bot.model import CalendarEvent

LONDON = ZoneInfo("Europe/London")
T = datetime(2027, 3, 1, 19, tzinfo=LONDON)
PARTIES = ("Conservative", "Green Party", "Labour", "Liberal Democrats")
K = EventKind


def ev(summary: str = "", description: str = "", categories: tuple[str, ...] = ()) -> CalendarEvent:
    return CalendarEvent(
        mailbox="jane@council.test",
        uid="u",
        start=T,
        end=T,
        created=T,
        summary=summary,
        description=description,
        categories=categories,
    )


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("Public meeting: Mill Lane parking", K.PUBLIC_MEETING),
        ("Residents' meeting about the bus gate", K.PUBLIC_MEETING),
        ("Community forum, Hazel Estate", K.PUBLIC_MEETING),
        ("Consultation drop-in: play area", K.CONSULTATION),
        ("Public drop-in on the Local Plan", K.CONSULTATION),
        ("Have your say: library opening hours", K.CONSULTATION),
        ("Press release: new bus station", K.PRESS_RELEASE),
        ("Media release - recycling figures", K.PRESS_RELEASE),
        ("Overview and Scrutiny Committee", K.SCRUTINY),
        ("Place Scrutiny Panel", K.SCRUTINY),
        ("Labour Group meeting", K.PARTY_GROUP),
        ("Green group briefing on the budget", K.PARTY_GROUP),  # "Green Party" as "Green"
        ("Liberal Democrat group", K.PARTY_GROUP),
        ("Party group briefing", K.PARTY_GROUP),
        ("Group leaders' briefing", K.INTERNAL),  # all the groups together
        ("Cross-party working group", K.INTERNAL),
        # Internal meetings, even when they name a place or a public meeting:
        ("Mill Lane site visit", K.INTERNAL),
        ("Hazel Estate regeneration", K.INTERNAL),
        ("Prep for the Mill Lane public meeting", K.INTERNAL),
        ("Public meeting debrief", K.INTERNAL),
        ("Highways team meeting at Weir Road depot", K.INTERNAL),
        ("Gorse Lane project board", K.INTERNAL),
        ("Steering group meeting", K.INTERNAL),  # a group, not a party group
        ("", K.INTERNAL),
    ],
)
def test_kind_from_subject(summary, kind):
    assert event_kind(ev(summary), parties=PARTIES) is kind


def test_categories_come_first():
    assert event_kind(ev("Prep session", categories=("Consultation",))) is K.CONSULTATION
    assert event_kind(ev("Public meeting", categories=("Internal",))) is K.INTERNAL
    assert (
        event_kind(ev("Mill Lane", categories=("Red category", "PUBLIC_MEETING")))
        is K.PUBLIC_MEETING
    )
    assert event_kind(ev("Public meeting", categories=("Blue category",))) is K.PUBLIC_MEETING


def test_description_when_the_subject_says_nothing():
    assert event_kind(ev("Mill Lane", "A public meeting for residents.")) is K.PUBLIC_MEETING
    assert event_kind(ev("Public meeting", "Internal notes: see the brief.")) is K.PUBLIC_MEETING
    assert event_kind(ev("Mill Lane", "Officers only.")) is K.INTERNAL


def test_press_office_calendar_entries_are_press_releases_unless_they_say_otherwise():
    assert event_kind(ev("New bus station opens"), press_calendar=True) is K.PRESS_RELEASE
    assert event_kind(ev("Comms team meeting"), press_calendar=True) is K.INTERNAL
    assert event_kind(ev("Public meeting: bus station"), press_calendar=True) is K.PUBLIC_MEETING
    assert event_kind(ev("New bus station opens")) is K.INTERNAL


def test_which_party_group():
    assert event_party(ev("Labour Group meeting"), PARTIES, []) == "Labour"
    assert event_party(ev("Green Party group away day"), PARTIES, []) == "Green Party"
    assert (
        event_party(ev("Party group briefing"), PARTIES, ["Conservative", "Conservative"])
        == "Conservative"
    )
    assert event_party(ev("Party group briefing"), PARTIES, ["Conservative", "Labour"]) is None


def test_press_release_subjects():
    assert is_press_release_subject("RE: Draft press release: Weir Road")
    assert is_press_release_subject("FOR IMMEDIATE RELEASE - new library")
    assert is_press_release_subject("Media statement on the fire")
    assert not is_press_release_subject("Pressing matters: Weir Road")
