"""The last numbered menu sent to a sender, kept in the database.

A phone reply "2" must mean the same on every rasa server and after a restart, so the
menu is a row, not process memory. Only the options of the *last* message matter: when
the bot sends plain text after a menu (for example "Hoeveel kinderen heeft u?"), the menu
is forgotten and a reply "2" is an answer, not an option.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.channels.numbered import chosen_number
from bot.store.db import session_scope
from bot.store.models import ChannelMenu

MENU_LIFETIME = timedelta(days=1)


@dataclass(frozen=True)
class Choice:
    payload: str
    sent_at: datetime


def remember_menu(
    session: Session,
    sender: str,
    buttons: Sequence[dict[str, Any]],
    now: datetime | None = None,
) -> None:
    options = [{"title": b.get("title", ""), "payload": b.get("payload", "")} for b in buttons]
    menu = session.get(ChannelMenu, sender)
    now = now or datetime.now(timezone.utc)
    if menu is None:
        session.add(ChannelMenu(sender=sender, options=options, sent_at=now))
    else:
        menu.options, menu.sent_at = options, now


def forget_menu(session: Session, sender: str) -> None:
    session.execute(delete(ChannelMenu).where(ChannelMenu.sender == sender))


def menu_choice(session: Session, sender: str, text: str, now: datetime) -> Choice | None:
    """The option a reply that is only a number picks, if a recent menu has it."""
    number = chosen_number(text)
    if number is None:
        return None
    menu = session.get(ChannelMenu, sender)
    if menu is None or menu.sent_at < now - MENU_LIFETIME:
        return None
    if not 1 <= number <= len(menu.options):
        return None
    return Choice(menu.options[number - 1]["payload"], menu.sent_at)


def stored_option(session: Session, sender: str, data: str) -> str | None:
    """The payload behind a ``#<n>`` button (Telegram's 64-byte limit on button data)."""
    menu = session.get(ChannelMenu, sender)
    number = int(data[1:]) if data[1:].isdigit() else 0
    if menu is None or not 1 <= number <= len(menu.options):
        return None
    return menu.options[number - 1]["payload"]


def save_menu(sender: str, buttons: Sequence[dict[str, Any]]) -> None:
    """For the output channels: remember ``buttons`` as the sender's menu, or forget the
    menu when there are none."""
    with session_scope() as session:
        if buttons:
            remember_menu(session, sender, buttons)
        else:
            forget_menu(session, sender)


def option_for(sender: str, data: str) -> str | None:
    with session_scope() as session:
        return stored_option(session, sender, data)
