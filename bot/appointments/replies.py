"""Replies to reminders and STOP/START, before the message reaches the bot.

A channel whose sender id is a phone number (SMS, WhatsApp; the internal REST channel
with a ``+31...`` sender) calls ``route_inbound`` first. STOP is stored at once, before
anything that can fail, and pending SMS to that number are cancelled. A reply word (1, JA,
NEE, 3, ...) becomes the matching intent only when a reminder for a still unanswered
appointment went to that number in the last days. A number may also pick an option of
the last menu sent to the sender (``bot.channels.menus``). Anything else goes to the bot
as typed. The web chat can never claim a phone number: the desk gives its senders a
``web-`` prefix.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.appointments.reply_words import CANCEL, CONFIRM, MOVE, OPT_IN, OPT_OUT, reply_intent
from bot.appointments.schedule import sync_reminders
from bot.channels.menus import menu_choice
from bot.handover.phone import to_e164
from bot.store.db import session_scope
from bot.store.models import Appointment, Contact, OutboxMessage
from bot.store.tickets import upsert_contact

REPLY_WINDOW = timedelta(days=3)
NEW_STATUS = {CONFIRM: "confirmed", CANCEL: "cancelled", MOVE: "reschedule_requested"}


def sender_phone(sender: str) -> str | None:
    return to_e164(sender) if sender.startswith("+") else None


def _awaiting(session: Session, phone: str, now: datetime) -> tuple[Appointment, datetime] | None:
    row = session.execute(
        select(Appointment, OutboxMessage.sent_at)
        .join(OutboxMessage, OutboxMessage.appointment_id == Appointment.id)
        .where(
            Appointment.phone_e164 == phone,
            Appointment.status == "scheduled",
            Appointment.starts_at > now - timedelta(days=1),
            OutboxMessage.status.in_(("sent", "delivered")),
            OutboxMessage.sent_at > now - REPLY_WINDOW,
        )
        .order_by(OutboxMessage.sent_at.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def awaiting_reply(session: Session, phone: str, now: datetime) -> Appointment | None:
    """The appointment a reminder recently asked this number about, not yet answered."""
    found = _awaiting(session, phone, now)
    return found[0] if found else None


def next_appointment(session: Session, phone: str, now: datetime) -> Appointment | None:
    return session.execute(
        select(Appointment)
        .where(
            Appointment.phone_e164 == phone,
            Appointment.status.in_(("scheduled", "confirmed")),
            Appointment.starts_at > now,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    ).scalar_one_or_none()


def set_opt_out(session: Session, channel: str, phone: str, out: bool, now: datetime) -> None:
    """STOP: no SMS to this number any more, pending ones included. START: again."""
    upsert_contact(session, channel, phone, phone_e164=phone)
    session.execute(update(Contact).where(Contact.phone_e164 == phone).values(sms_opt_out=out))
    if out:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.to == phone, OutboxMessage.status == "pending")
            .values(status="cancelled", error="STOP")
            .execution_options(synchronize_session=False)
        )
        return
    for appointment in session.execute(
        select(Appointment).where(Appointment.phone_e164 == phone, Appointment.starts_at > now)
    ).scalars():
        sync_reminders(session, appointment, now)


def record_opt_out(channel: str, sender: str, text: str, now: datetime | None = None) -> bool:
    """STOP or START counts even while a consultant has the conversation (the bot is
    silent then, but an opt-out must never be lost)."""
    intent = reply_intent(text)
    phone = sender_phone(sender)
    if phone is None or intent not in (OPT_OUT, OPT_IN):
        return False
    with session_scope() as session:
        set_opt_out(session, channel, phone, intent == OPT_OUT, now or datetime.now(timezone.utc))
    return True


def route_inbound(channel: str, sender: str, text: str, now: datetime | None = None) -> str:
    """The text to give the bot: ``/sms_stop``, ``/afspraak_bevestigen``, a menu option's
    payload, or ``text`` as typed.

    A number can answer a reminder ("1" = yes) and a menu ("1" = the first option); the
    one sent last wins, because that is the question the client sees on their screen.
    """
    intent = reply_intent(text)
    phone = sender_phone(sender)
    now = now or datetime.now(timezone.utc)
    with session_scope() as session:
        if phone and intent in (OPT_OUT, OPT_IN):
            set_opt_out(session, channel, phone, intent == OPT_OUT, now)
            return f"/{intent}"
        choice = menu_choice(session, sender, text, now)
        reminder = _awaiting(session, phone, now) if phone and intent else None
        if reminder and (choice is None or reminder[1] >= choice.sent_at):
            return f"/{intent}"
        if choice:
            return choice.payload
    return text


def apply_reply(session: Session, phone: str, intent: str, now: datetime) -> Appointment | None:
    """Record the answer on the appointment it is about; cancel or move stops its reminders."""
    appointment = awaiting_reply(session, phone, now) or next_appointment(session, phone, now)
    if appointment is None:
        return None
    appointment.status = NEW_STATUS[intent]
    sync_reminders(session, appointment, now)
    session.flush()
    return appointment
