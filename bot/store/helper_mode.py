"""Helper mode on a conversation, kept on its ``contact`` row so the desk can show that a
helper is sitting with the client and which language the client reads."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.models import Contact
from bot.store.tickets import upsert_contact


def record(session: Session, channel: str, user_id: str, language: str | None) -> None:
    """``language``: the client's language while a helper is present, None when it ends."""
    contact = upsert_contact(session, channel, user_id)
    contact.helper_language = language


def language_of(session: Session, conversation_id: str) -> str | None:
    return session.execute(
        select(Contact.helper_language)
        .where(Contact.channel_user_id == conversation_id)
        .order_by(Contact.last_seen_at.desc())
        .limit(1)
    ).scalar_one_or_none()
