"""Storing a melding together with its ticket, in one transaction.

The moment the client confirms is the legal melding date, so the row is written right
then, with the ticket for the intake team in the same transaction: if anything fails
later (the reply, the action server), both are already in the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.handover.transcript import Line
from bot.store.models import AuditEvent, Melding, utcnow
from bot.store.tickets import NewTicket, create_ticket, insert_with_reference


@dataclass(frozen=True)
class Stored:
    melding_reference: str
    ticket_reference: str
    melded_at: Any


def store_melding(
    session: Session,
    *,
    kind: str,
    answers: dict[str, Any],
    urgency: str | None,
    on_behalf_of: str | None,
    ticket: NewTicket,
    lines: Sequence[Line],
) -> Stored:
    melded_at = utcnow()
    new_ticket = create_ticket(session, ticket, lines)
    melding = insert_with_reference(
        session,
        "M",
        lambda reference: Melding(
            reference=reference,
            kind=kind,
            melded_at=melded_at,
            answers=answers,
            urgency=urgency,
            status="new",
            on_behalf_of=on_behalf_of,
            municipality=ticket.municipality,
            language=ticket.language,
            contact_id=new_ticket.contact_id,
            conversation_id=ticket.conversation_id,
            ticket_id=new_ticket.id,
        ),
    )
    session.add(
        AuditEvent(
            actor="bot",
            action=f"melding.{kind}",
            object_type="melding",
            object_id=melding.reference,
            detail={"ticket": new_ticket.reference, "urgency": urgency},
        )
    )
    return Stored(melding.reference, new_ticket.reference, melded_at)
