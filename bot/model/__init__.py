"""Frozen value types that cross every boundary of protocol-bot."""

from bot.model.action import Action, ActionType, Rule
from bot.model.calendar import CalendarEvent
from bot.model.classification import UNCLASSIFIED, Classification, Concern, Kind
from bot.model.message import Folder, Message
from bot.model.registers import DistributionList, Member, Officer, Registers, Ward
from bot.model.settings import Settings

__all__ = [
    "Action", "ActionType", "Rule", "CalendarEvent", "Classification", "Concern", "Kind",
    "UNCLASSIFIED", "Folder", "Message", "DistributionList", "Member", "Officer",
    "Registers", "Ward", "Settings",
]
