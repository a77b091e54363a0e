"""Blind copies. Clause: Correspondence — "there should be no 'blind' copies"."""

from __future__ import annotations

from bot.core.context import Context
from bot.model import Action, ActionType, Message, Rule


def is_member_correspondence(ctx: Context, msg: Message) -> bool:
    regs = ctx.registers
    return regs.is_member(msg.sender) or any(regs.is_member(a) for a in msg.visible_recipients)


def blind_copy_received(ctx: Context, msg: Message) -> Action | None:
    """The mailbox got a member's correspondence without being named in To or Cc,
    directly, by an alias or through a distribution list / shared mailbox."""
    if msg.sender == msg.mailbox or not is_member_correspondence(ctx, msg):
        return None
    if ctx.registers.reaches(msg.visible_recipients, msg.mailbox):
        return None
    member = msg.sender if ctx.registers.is_member(msg.sender) else _first_member(ctx, msg)
    notify = ctx.settings.bot.notify_officer_of_blind_copy
    return ctx.action(
        at=msg.date,
        type=ActionType.FLAG,
        rule=Rule.BLIND_COPY_RECEIVED,
        key=f"flag:{Rule.BLIND_COPY_RECEIVED}:{msg.mailbox}:{msg.message_id}",
        mailbox=msg.mailbox,
        message_id=msg.message_id,
        member=member,
        to=(msg.mailbox,) if notify else (),
        details={"sender": msg.sender, **ctx.subject(msg)},
    )


def blind_copy_sent(ctx: Context, msg: Message) -> Action | None:
    """An officer sent correspondence with a member among the blind copies."""
    hidden = [a for a in msg.bcc if ctx.registers.is_member(a)]
    if not hidden:
        return None
    notify = ctx.settings.bot.notify_officer_of_blind_copy
    return ctx.action(
        at=msg.date,
        type=ActionType.FLAG,
        rule=Rule.BLIND_COPY_SENT,
        key=f"flag:{Rule.BLIND_COPY_SENT}:{msg.mailbox}:{msg.message_id}",
        mailbox=msg.mailbox,
        message_id=msg.message_id,
        member=hidden[0],
        to=(msg.mailbox,) if notify else (),
        details={"blind_copied_members": hidden, **ctx.subject(msg)},
    )


def _first_member(ctx: Context, msg: Message) -> str | None:
    return next((a for a in msg.visible_recipients if ctx.registers.is_member(a)), None)
