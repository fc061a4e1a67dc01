"""The way from a stored message to the bot, the same for every channel.

1. A consultant who took over the conversation gets the message; the bot stays silent.
2. At most ``BAKEN_RATE_LIMIT_PER_MINUTE`` messages per sender are answered.
3. A photo or voice note without words gets a kind answer, not an NLU guess.
4. Reminder replies and menu numbers are routed, then the bot answers. When that fails,
   the client still gets a kind answer in their language.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage
from sqlalchemy import select

from bot.appointments.replies import record_opt_out, route_inbound
from bot.channels.commands import CHOOSE_LANGUAGE, ask_language_first, command_for
from bot.channels.inbound import EMPTY_MESSAGE, Cleaned, clean, mark_inbound, store_inbound
from bot.channels.rate_limit import Verdict, verdict
from bot.i18n.conversation import known_language_of_tracker
from bot.i18n.detect import detect
from bot.i18n.languages import SOURCE, is_shipped
from bot.i18n.nlg import render_response
from bot.i18n.responses import domain_responses
from bot.store import live_chat
from bot.store.db import session_scope
from bot.store.models import Ticket, TicketMessage

logger = logging.getLogger(__name__)

LanguageLookup = Callable[[], Awaitable[str | None]]


async def tracker_language(app: Any, sender: str) -> str | None:
    """The conversation's language from the tracker store (``app`` is the rasa server's
    Sanic app), None when nothing has shown it yet: a photo or a rate-limit notice has no
    words to detect a language from, and an unclear first message gets the language menu."""
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    try:
        tracker = await store.retrieve(sender)
    except Exception:  # a notice in Dutch beats no notice
        logger.exception("could not read the tracker of %s", sender)
        return None
    if tracker is None:
        return None
    events = [event.as_dict() for event in tracker.events]
    return known_language_of_tracker(tracker.current_slot_values(), events)


def notice(response: str, text: str, channel: str, language: str | None = None) -> dict[str, Any]:
    """A message from the channel itself, in the language the user wrote (or last used)."""
    lang = detect(text) or language
    lang = lang if is_shipped(lang) else SOURCE
    return render_response(response, lang, {}, domain_responses(), channel)


def note_media_on_ticket(sender: str, media: tuple[str, ...]) -> bool:
    """A person is already involved: put the attachment on their open ticket (the file
    itself is not kept; the consultant asks for it through the municipality's channels)."""
    with session_scope() as session:
        ticket = session.execute(
            select(Ticket)
            .where(Ticket.conversation_id == sender, Ticket.status != "closed")
            .order_by(Ticket.created_at.desc())
            .limit(1)
        ).scalar_one_or_none()
        if ticket is None:
            return False
        kinds = ", ".join(media)
        session.add(
            TicketMessage(
                ticket_id=ticket.id,
                direction="client",
                text=f"[De cliënt stuurde een bijlage ({kinds}). Baken kan die niet lezen "
                "en heeft die niet bewaard.]",
            )
        )
        return True


@dataclass(frozen=True)
class Arrival:
    """One message as a channel received it."""

    channel: str  # the input channel's name, e.g. "twilio_sms"
    sender: str  # the conversation id
    text: str
    provider_id: str | None = None
    phone: str | None = None  # E.164, when the channel knows it
    media: tuple[str, ...] = ()  # content types of attachments
    metadata: dict[str, Any] = field(default_factory=dict)


def _live_chat(channel: str, sender: str, text: str) -> bool:
    """A consultant has this conversation: the message goes to the ticket, not the bot."""
    with session_scope() as session:
        live = live_chat.active(session, sender, datetime.now(timezone.utc))
        if live is None:
            return False
        live_chat.client_wrote(session, live, text)
    record_opt_out(channel, sender, text)
    return True


def _rate_verdict(sender: str) -> Verdict:
    with session_scope() as session:
        return verdict(session, sender, datetime.now(timezone.utc))


async def _no_language() -> str | None:
    return None


async def receive(
    arrival: Arrival,
    output: OutputChannel,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    language_of: LanguageLookup = _no_language,
) -> str:
    """Store, then answer. Returns what happened: ``answered``, ``live`` (a consultant has
    the conversation), ``media``, ``duplicate``, ``rate_limited`` or ``failed``."""
    cleaned = clean(arrival.text)
    media_only = bool(arrival.media) and cleaned.text == EMPTY_MESSAGE
    if media_only:
        cleaned = Cleaned(EMPTY_MESSAGE, f"[{', '.join(arrival.media)}]", truncated=False)
    stored_id = await asyncio.to_thread(
        store_inbound, arrival.channel, arrival.sender, cleaned, arrival.provider_id, arrival.phone
    )
    if stored_id is None:
        return "duplicate"

    async def say(response: str) -> None:
        message = notice(response, arrival.text, output.name(), await language_of())
        await output.send_response(arrival.sender, message)

    if await asyncio.to_thread(_live_chat, arrival.channel, arrival.sender, cleaned.stored):
        await asyncio.to_thread(mark_inbound, stored_id, "live")
        return "live"
    rate = await asyncio.to_thread(_rate_verdict, arrival.sender)
    if rate is not Verdict.ANSWER:
        await asyncio.to_thread(mark_inbound, stored_id, "rate_limited")
        if rate is Verdict.WARN:
            await say("utter_rate_limited")
        return "rate_limited"
    if arrival.media:
        await asyncio.to_thread(note_media_on_ticket, arrival.sender, arrival.media)
    if media_only:  # nothing for the bot to read; the conversation stays where it was
        await say("utter_media_not_readable")
        await asyncio.to_thread(mark_inbound, stored_id, "answered")
        return "media"
    metadata = dict(arrival.metadata)
    try:
        text = await asyncio.to_thread(route_inbound, arrival.channel, arrival.sender, cleaned.text)
        if text == cleaned.text:
            text = command_for(text) or text
        if text == cleaned.text and await ask_language_first(text, language_of):
            text = CHOOSE_LANGUAGE
        if text != cleaned.text:  # the user's own words stay, for their language
            metadata["original_text"] = cleaned.text
        await on_new_message(
            UserMessage(
                text,
                output,
                arrival.sender,
                input_channel=arrival.channel,
                metadata=metadata or None,
            )
        )
    except Exception as error:  # the user still gets an answer
        logger.exception("processing message %s failed", stored_id)
        await asyncio.to_thread(mark_inbound, stored_id, "failed", repr(error))
        await say("utter_default")
        return "failed"
    await asyncio.to_thread(mark_inbound, stored_id, "answered")
    if cleaned.found_bsn:  # masked before anything was stored; say it is not needed
        await say("utter_bsn_not_needed")
    if arrival.media:
        await say("utter_media_not_readable")
    return "answered"


async def receive_notice(
    arrival: Arrival, output: OutputChannel, response: str, language_of: LanguageLookup
) -> None:
    """Store a message the bot cannot use (an edited message) and say so."""
    stored_id = await asyncio.to_thread(
        store_inbound,
        arrival.channel,
        arrival.sender,
        clean(arrival.text),
        arrival.provider_id,
        arrival.phone,
    )
    if stored_id is None:
        return
    await asyncio.to_thread(mark_inbound, stored_id, "answered")
    message = notice(response, arrival.text, output.name(), await language_of())
    await output.send_response(arrival.sender, message)
