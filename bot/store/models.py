"""The database tables (ARCHITECTURE.md, "Data model").

Times are stored in UTC as timezone-aware values; the text of messages is stored after
redaction (``bot.privacy``) so a BSN or IBAN never lands in a table.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timestamp that is always UTC and aware when read back, also on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; store aware UTC times only")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


Base = declarative_base()


class Contact(Base):
    """One person on one channel."""

    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("channel", "channel_user_id"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    channel_user_id = Column(String(128), nullable=False)
    phone_e164 = Column(String(20))
    language = Column(String(8))
    # Helper mode: the client's language while a helper sits with them (None: no helper).
    helper_language = Column(String(8))
    municipality = Column(String(64))
    consent = Column(Boolean, nullable=False, default=False)
    sms_opt_out = Column(Boolean, nullable=False, default=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = Column(UTCDateTime, nullable=False, default=utcnow)


class InboundMessage(Base):
    """Every message as it arrived, stored before the bot processes it."""

    __tablename__ = "inbound_message"

    id = Column(Integer, primary_key=True)
    contact_id = Column(Integer, ForeignKey("contact.id"), index=True)
    channel = Column(String(32), nullable=False)
    sender = Column(String(128), nullable=False, index=True)
    text = Column(Text, nullable=False)  # redacted
    received_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    # received|answered|live|failed|rate_limited
    status = Column(String(16), nullable=False, default="received")
    error = Column(Text)
    # The provider's own id (Twilio MessageSid, Telegram update_id): a replayed webhook
    # finds its first copy and is not answered twice.
    provider_id = Column(String(64), unique=True)


class ChannelMenu(Base):
    """The numbered options last sent to a sender on a channel without buttons (SMS,
    WhatsApp), so a reply "2" means the same on every rasa server and after a restart."""

    __tablename__ = "channel_menu"

    sender = Column(String(128), primary_key=True)
    options = Column(JSON, nullable=False)  # [{"title": ..., "payload": ...}, ...]
    sent_at = Column(UTCDateTime, nullable=False, default=utcnow)


class Melding(Base):
    """A melding bijstand or a reported change. ``melded_at`` is legally relevant: the
    date of the melding sets the start of the benefit (seed 004 L972)."""

    __tablename__ = "melding"

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    kind = Column(String(16), nullable=False)  # bijstand | wijziging
    melded_at = Column(UTCDateTime, nullable=False)
    answers = Column(JSON, nullable=False)
    urgency = Column(String(16))  # broodnood | crisis | None
    status = Column(String(16), nullable=False, default="new")
    on_behalf_of = Column(String(200))  # helper name and organisation
    municipality = Column(String(64), nullable=False)
    language = Column(String(8), nullable=False)
    contact_id = Column(Integer, ForeignKey("contact.id"), index=True)
    conversation_id = Column(String(128), index=True)
    ticket_id = Column(Integer, ForeignKey("ticket.id"))


class Ticket(Base):
    __tablename__ = "ticket"

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    kind = Column(String(32), nullable=False)
    queue = Column(String(32), nullable=False)
    municipality = Column(String(64), nullable=False, index=True)
    priority = Column(String(16), nullable=False, default="normal")
    status = Column(String(16), nullable=False, default="open", index=True)
    language = Column(String(8), nullable=False)
    sla_due_at = Column(UTCDateTime)
    assignee = Column(String(64))
    summary = Column(Text, nullable=False)
    contact_id = Column(Integer, ForeignKey("contact.id"), index=True)
    conversation_id = Column(String(128), index=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    closed_at = Column(UTCDateTime)
    outcome = Column(String(32))

    messages = relationship(
        "TicketMessage", back_populates="ticket", order_by="TicketMessage.sent_at"
    )


class TicketMessage(Base):
    __tablename__ = "ticket_message"

    id = Column(Integer, primary_key=True)
    ticket_id = Column(Integer, ForeignKey("ticket.id"), nullable=False, index=True)
    direction = Column(String(16), nullable=False)  # client|consultant|bot|system|note
    text = Column(Text, nullable=False)  # redacted
    dutch = Column(Text)  # a bot message's Dutch source, when the client saw another language
    sent_at = Column(UTCDateTime, nullable=False, default=utcnow)

    ticket = relationship("Ticket", back_populates="messages")


class FaqVote(Base):
    """Did an answer help? For the consultants' statistics; no personal data."""

    __tablename__ = "faq_vote"

    id = Column(Integer, primary_key=True)
    topic = Column(String(64), nullable=False, index=True)
    language = Column(String(8), nullable=False)
    municipality = Column(String(64))
    helped = Column(Boolean, nullable=False)
    at = Column(UTCDateTime, nullable=False, default=utcnow)


class LiveChat(Base):
    """A consultant has taken over this conversation: the bot stays silent for it (no NLU
    answer, no reminder reply, no fallback) until it is handed back or ``ends_at`` passes.
    A row, not process memory, so every rasa server and a restart see it."""

    __tablename__ = "live_chat"

    conversation_id = Column(String(128), primary_key=True)
    ticket_id = Column(Integer, ForeignKey("ticket.id"), nullable=False)
    consultant = Column(String(64), nullable=False)
    display_name = Column(String(100), nullable=False)
    started_at = Column(UTCDateTime, nullable=False, default=utcnow)
    ends_at = Column(UTCDateTime)  # the timeout the consultant chose; None: until handed back


CONSULTANT_ROLES = ("consultant", "teamlead", "admin")


class Consultant(Base):
    """A desk user. ``municipalities`` and ``queues`` bound what they see; an empty
    ``queues`` list means every queue of their municipalities."""

    __tablename__ = "consultant"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    display_name = Column(String(100), nullable=False)  # the first name clients see
    password_hash = Column(String(200), nullable=False)  # argon2
    roles = Column(JSON, nullable=False)
    municipalities = Column(JSON, nullable=False)
    queues = Column(JSON, nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(UTCDateTime)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_login_at = Column(UTCDateTime)


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id = Column(Integer, primary_key=True)
    actor = Column(String(64), nullable=False)
    action = Column(String(64), nullable=False)
    object_type = Column(String(32), nullable=False)
    object_id = Column(String(64), nullable=False)
    detail = Column(JSON)
    at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)


APPOINTMENT_STATUSES = (
    "scheduled",
    "confirmed",
    "cancelled",
    "reschedule_requested",
    "no_show",
    "done",
)


class Appointment(Base):
    """An appointment or deadline with the municipality, and who to remind of it.

    ``external_id`` is the id in the system it came from (CSV import, the municipality's
    agenda): importing the same row again updates it instead of adding a second one."""

    __tablename__ = "appointment"

    id = Column(Integer, primary_key=True)
    external_id = Column(String(64), unique=True)
    contact_id = Column(Integer, ForeignKey("contact.id"))
    phone_e164 = Column(String(20), nullable=False, index=True)
    municipality = Column(String(64), nullable=False)
    consultant = Column(String(64))
    kind = Column(String(32), nullable=False)
    starts_at = Column(UTCDateTime, nullable=False, index=True)
    location = Column(String(200))
    language = Column(String(8), nullable=False, default="nl")
    status = Column(String(24), nullable=False, default="scheduled")
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)


class OutboxMessage(Base):
    """A message to send later; the reminder worker claims and sends due rows."""

    __tablename__ = "outbox_message"

    id = Column(Integer, primary_key=True)
    channel = Column(String(16), nullable=False)  # sms|whatsapp|telegram
    to = Column(String(64), nullable=False)
    body = Column(Text, nullable=False)
    send_after = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    status = Column(String(16), nullable=False, default="pending", index=True)
    attempts = Column(Integer, nullable=False, default=0)
    provider_id = Column(String(64))
    idempotency_key = Column(String(128), nullable=False, unique=True)
    error = Column(Text)
    claimed_at = Column(UTCDateTime)
    sent_at = Column(UTCDateTime)
    appointment_id = Column(Integer, ForeignKey("appointment.id"), index=True)
    # WhatsApp outside the 24-hour window needs an approved template:
    # {"name": "appointment", "language": "nl", "variables": {"1": ..., ...}}
    template = Column(JSON)
