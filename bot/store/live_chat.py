"""Live takeover: a consultant chats with the client through the client's own channel
while the bot stays silent.

The state is the ``live_chat`` row (one per conversation), so every rasa server and the
desk see the same thing. The channel pipeline (``bot.channels.inbound``) checks it before
anything else reaches the bot and puts the client's messages on the ticket. What the
consultant writes is a ``ticket_message`` and, for SMS, WhatsApp and Telegram, an
``outbox_message`` the worker sends; the web chat fetches it (``/chat/api/updates``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.i18n.catalog import N_, translate
from bot.privacy.redact import redact
from bot.store.models import InboundMessage, LiveChat, OutboxMessage, Ticket, TicketMessage

CONSULTANT_TEMPLATE = "consultant_message"  # the kind in whatsapp_templates.yml
# the channel a conversation's messages came in on -> the outbox channel to answer on
OUTBOX_CHANNEL = {"twilio_sms": "sms", "twilio_whatsapp": "whatsapp", "telegram": "telegram"}

STARTED = N_(
    "live",
    "Nu helpt {name} van de gemeente u verder. {name} is een mens. U kunt gewoon typen.",
)
ENDED = N_(
    "live",
    "{name} heeft het gesprek teruggegeven aan Baken. Heeft u nog een vraag? Typ die dan.",
)


def client_channel(session: Session, conversation_id: str) -> str | None:
    """The input channel the client last wrote on."""
    return session.execute(
        select(InboundMessage.channel)
        .where(InboundMessage.sender == conversation_id)
        .order_by(InboundMessage.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def say_to_client(session: Session, ticket: Ticket, text: str, direction: str) -> TicketMessage:
    """Record ``text`` on the ticket (a BSN or IBAN masked; phone numbers stay, they are
    usually the municipality's own) and queue it on the client's channel."""
    text = redact(text, phones=False).text
    message = TicketMessage(ticket_id=ticket.id, direction=direction, text=text)
    session.add(message)
    session.flush()
    outbox = OUTBOX_CHANNEL.get(client_channel(session, ticket.conversation_id) or "")
    if outbox:
        session.add(
            OutboxMessage(
                channel=outbox,
                to=ticket.conversation_id,
                body=text,
                idempotency_key=f"live:{message.id}",
                # WhatsApp takes free text only within 24 hours of the client's last
                # message; after that the text goes in this template, or else by SMS.
                template=(
                    {
                        "name": CONSULTANT_TEMPLATE,
                        "language": ticket.language,
                        "variables": {"1": text},
                    }
                    if outbox == "whatsapp"
                    else None
                ),
            )
        )
    return message


def active(session: Session, conversation_id: str, now: datetime) -> LiveChat | None:
    live = session.get(LiveChat, conversation_id)
    if live is None or (live.ends_at is not None and live.ends_at <= now):
        return None
    return live


def start(
    session: Session,
    ticket: Ticket,
    username: str,
    display_name: str,
    now: datetime,
    minutes: int | None = None,
) -> LiveChat:
    session.execute(delete(LiveChat).where(LiveChat.conversation_id == ticket.conversation_id))
    live = LiveChat(
        conversation_id=ticket.conversation_id,
        ticket_id=ticket.id,
        consultant=username,
        display_name=display_name,
        started_at=now,
        ends_at=now + timedelta(minutes=minutes) if minutes else None,
    )
    session.add(live)
    ticket.status, ticket.assignee = "live", username
    text = translate(ticket.language, "live", STARTED).format(name=display_name)
    say_to_client(session, ticket, text, "system")
    return live


def end(session: Session, conversation_id: str) -> Ticket | None:
    """Hand the conversation back to the bot, and tell the client."""
    live = session.get(LiveChat, conversation_id)
    if live is None:
        return None
    ticket = session.get(Ticket, live.ticket_id)
    session.delete(live)
    if ticket is not None:
        if ticket.status == "live":
            ticket.status = "claimed"
        text = translate(ticket.language, "live", ENDED).format(name=live.display_name)
        say_to_client(session, ticket, text, "system")
    return ticket


def end_expired(session: Session, now: datetime) -> int:
    """Takeovers whose timeout passed (the worker calls this): handed back with a message."""
    conversations = list(
        session.execute(
            select(LiveChat.conversation_id).where(
                LiveChat.ends_at.is_not(None), LiveChat.ends_at <= now
            )
        ).scalars()
    )
    for conversation_id in conversations:
        end(session, conversation_id)
    return len(conversations)


def client_wrote(session: Session, live: LiveChat, text: str) -> None:
    session.add(TicketMessage(ticket_id=live.ticket_id, direction="client", text=redact(text).text))


def messages_for_client(session: Session, conversation_id: str, after: int) -> list[TicketMessage]:
    """What consultants (and the takeover notices) said to this conversation, for the web
    chat, which cannot be sent to: it asks."""
    return list(
        session.execute(
            select(TicketMessage)
            .join(Ticket, Ticket.id == TicketMessage.ticket_id)
            .where(
                Ticket.conversation_id == conversation_id,
                TicketMessage.direction.in_(("consultant", "system")),
                TicketMessage.id > after,
            )
            .order_by(TicketMessage.id)
        ).scalars()
    )


DELIVERY_WORDS = {
    "pending": "wordt verstuurd",
    "sending": "wordt verstuurd",
    "sent": "verstuurd",
    "delivered": "afgeleverd",
    "failed": "niet afgeleverd",
    "cancelled": "niet verstuurd",
}


def deliveries(session: Session, ticket_id: int) -> dict[int, str]:
    """What happened to the messages sent to the client for this ticket, by message id,
    in the consultant's words ("afgeleverd", "niet afgeleverd", ...)."""
    keys = {
        f"live:{message_id}": message_id
        for (message_id,) in session.execute(
            select(TicketMessage.id).where(
                TicketMessage.ticket_id == ticket_id,
                TicketMessage.direction.in_(("consultant", "system")),
            )
        )
    }
    if not keys:
        return {}
    rows = session.execute(
        select(OutboxMessage.idempotency_key, OutboxMessage.status).where(
            OutboxMessage.idempotency_key.in_(list(keys))
        )
    )
    return {keys[key]: DELIVERY_WORDS.get(status, status) for key, status in rows}
