"""Creating tickets for the consultants, with the transcript and an audit entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.handover.reference import new_reference
from bot.handover.transcript import Line
from bot.store.models import AuditEvent, Contact, Melding, Ticket, TicketMessage, utcnow


@dataclass(frozen=True)
class NewTicket:
    kind: str
    queue: str
    municipality: str
    language: str
    summary: str
    sla_due_at: datetime | None
    conversation_id: str
    channel: str
    priority: str = "normal"


def upsert_contact(session: Session, channel: str, user_id: str, **fields: str | None) -> Contact:
    contact = session.execute(
        select(Contact).where(Contact.channel == channel, Contact.channel_user_id == user_id)
    ).scalar_one_or_none()
    if contact is None:
        contact = Contact(channel=channel, channel_user_id=user_id)
        session.add(contact)
    for name, value in fields.items():
        if value is not None:
            setattr(contact, name, value)
    contact.last_seen_at = utcnow()
    session.flush()
    return contact


Row = TypeVar("Row", Ticket, Melding)


def insert_with_reference(session: Session, prefix: str, make: Callable[[str], Row]) -> Row:
    """Insert a row under a fresh random reference, retrying on the rare clash."""
    year = utcnow().year
    for _ in range(10):
        savepoint = session.begin_nested()
        row = make(new_reference(prefix, year))
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            savepoint.rollback()
            continue
        savepoint.commit()
        return row
    raise RuntimeError(f"could not find a free {prefix}- reference")  # pragma: no cover


def create_ticket(session: Session, new: NewTicket, lines: Sequence[Line]) -> Ticket:
    contact = upsert_contact(
        session,
        new.channel,
        new.conversation_id,
        language=new.language,
        municipality=new.municipality,
    )
    ticket = insert_with_reference(
        session,
        "T",
        lambda reference: Ticket(
            reference=reference,
            kind=new.kind,
            queue=new.queue,
            municipality=new.municipality,
            priority=new.priority,
            status="open",
            language=new.language,
            sla_due_at=new.sla_due_at,
            summary=new.summary,
            contact_id=contact.id,
            conversation_id=new.conversation_id,
        ),
    )
    session.add_all(
        TicketMessage(
            ticket_id=ticket.id,
            direction=line.direction,
            text=line.text,
            dutch=line.dutch,
            sent_at=line.at,
        )
        for line in lines
    )
    session.add(
        AuditEvent(
            actor="bot",
            action="ticket.created",
            object_type="ticket",
            object_id=ticket.reference,
            detail={"kind": new.kind, "queue": new.queue, "municipality": new.municipality},
        )
    )
    return ticket
