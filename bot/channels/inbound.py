"""What every channel does with a message before the bot sees it.

1. Clean the text: control characters removed, length capped for the NLU.
2. Mask a BSN or IBAN: Baken never needs them, so they are not stored or parsed.
3. Store the message (masked) with its contact *before* anything that can fail, so
   nothing a client sent is lost even when the bot crashes afterwards. A webhook the
   provider delivers twice (same provider id) is stored once and answered once.

``bot.channels.pipeline`` does the rest, the same for every channel.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.melding.parsing import normalise_digits
from bot.privacy.redact import redact
from bot.store.db import session_scope
from bot.store.models import InboundMessage
from bot.store.tickets import upsert_contact

logger = logging.getLogger(__name__)

MAX_NLU_CHARS = 2000
EMPTY_MESSAGE = "/empty_message"


@dataclass(frozen=True)
class Cleaned:
    text: str  # what the bot will parse
    stored: str  # what is kept (masked, not truncated)
    truncated: bool
    found_bsn: bool = False


_JOINERS = {"\u200c", "\u200d"}  # used inside emoji and Persian words


def _keep(ch: str) -> bool:
    if ch in "\n\t" or ch in _JOINERS:
        return True
    return unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")


def clean(raw: str) -> Cleaned:
    kept = "".join(ch for ch in raw if _keep(ch))
    redaction = redact(kept, phones=False)
    masked = redaction.text.strip()
    # "٢٥٠٠" and "2500" are the same answer; the model has seen few Arabic-Indic digits and
    # once took "٢٥٠٠" for "stop". The stored text keeps what the client typed.
    text = normalise_digits(masked)[:MAX_NLU_CHARS]
    if not text or (text.startswith("/") and not text[1:].strip()):
        text = EMPTY_MESSAGE
    return Cleaned(text, masked, len(masked) > MAX_NLU_CHARS, redaction.found_bsn)


def store_inbound(
    channel: str,
    sender: str,
    cleaned: Cleaned,
    provider_id: str | None = None,
    phone: str | None = None,
) -> int | None:
    """The stored message's id, or ``None`` when this provider id was stored before."""
    try:
        with session_scope() as session:
            contact = upsert_contact(session, channel, sender, phone_e164=phone)
            message = InboundMessage(
                contact_id=contact.id,
                channel=channel,
                sender=sender,
                text=cleaned.stored,
                provider_id=provider_id,
            )
            session.add(message)
            session.flush()
            return message.id
    except IntegrityError:
        if provider_id is None:
            raise
        with session_scope() as session:
            first = session.execute(
                select(InboundMessage.id).where(InboundMessage.provider_id == provider_id)
            ).scalar_one_or_none()
        if first is None:  # a clash on something else: not a replay
            raise
        logger.info("provider message %s arrived again; answered the first time", provider_id)
        return None


def mark_inbound(message_id: int, status: str, error: str | None = None) -> None:
    try:
        with session_scope() as session:
            session.execute(
                update(InboundMessage)
                .where(InboundMessage.id == message_id)
                .values(status=status, error=error)
            )
    except Exception:  # the answer matters more than the bookkeeping
        logger.exception("could not mark inbound message %s as %s", message_id, status)
