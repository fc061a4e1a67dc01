"""Appointments in the desk: plan one on a ticket, follow its reminders and the client's
answer, mark done or no-show."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.appointments.rows import RowError, read_row
from bot.appointments.schedule import sync_reminders, upsert
from bot.desk.sessions import (
    same_token,
)
from bot.desk.ui.common import (
    BadToken,
    Forbidden,
    NotFound,
    acting,
    audit,
    back_to,
    local_time,
    log_ticket,
    templates,
    viewer,
)
from bot.i18n.languages import SHIPPED, is_shipped
from bot.municipality.registry import municipalities
from bot.store.models import (
    Appointment,
    Contact,
    OutboxMessage,
    Ticket,
)

router = APIRouter(prefix="/desk")


APPOINTMENT_OUTCOMES = {"done": "geweest", "no_show": "niet gekomen"}


def appointment_rows(session: Session, appointments: list[Appointment]) -> list[dict[str, Any]]:
    """Each appointment with its reminders' and the client's answer, for the desk."""
    reminders: dict[int, list[str]] = {}
    if appointments:
        for appointment_id, status in session.execute(
            select(OutboxMessage.appointment_id, OutboxMessage.status)
            .where(OutboxMessage.appointment_id.in_([a.id for a in appointments]))
            .order_by(OutboxMessage.send_after)
        ):
            reminders.setdefault(appointment_id, []).append(status)
    return [
        {
            "id": a.id,
            "kind": a.kind,
            "when": local_time(a.starts_at),
            "location": a.location or "",
            "consultant": a.consultant or "",
            "status": a.status,
            "reminders": reminders.get(a.id, []),
            "phone": a.phone_e164,
            "municipality": a.municipality,
        }
        for a in appointments
    ]


def contact_appointments(session: Session, ticket: Ticket) -> tuple[str | None, list[dict]]:
    contact = session.get(Contact, ticket.contact_id) if ticket.contact_id else None
    phone = contact.phone_e164 if contact else None
    if phone is None:
        return None, []
    found = list(
        session.execute(
            select(Appointment)
            .where(Appointment.phone_e164 == phone, Appointment.municipality == ticket.municipality)
            .order_by(Appointment.starts_at.desc())
            .limit(20)
        ).scalars()
    )
    return phone, appointment_rows(session, found)


@router.post("/tickets/{reference}/appointments")
def plan_appointment(
    request: Request,
    reference: str,
    kind: str = Form(""),
    day: str = Form(""),
    time: str = Form(""),
    location: str = Form(""),
    phone: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        row = {
            "external_id": f"desk-{secrets.token_hex(8)}",
            "phone": phone,
            "municipality": ticket.municipality,
            "kind": kind,
            "starts_at": f"{day} {time}",
            "location": location,
            "language": ticket.language if is_shipped(ticket.language) else "nl",
            "consultant": me.consultant.username,
        }
        try:
            checked = read_row(row, set(municipalities()), set(SHIPPED))
        except RowError as error:
            return HTMLResponse(f"De afspraak klopt niet: {error}", status_code=400)
        now = datetime.now(timezone.utc)
        if checked.starts_at <= now:
            return HTMLResponse("Kies een moment in de toekomst.", status_code=400)
        upsert(session, checked, now)
        appointment = session.execute(
            select(Appointment).where(Appointment.external_id == checked.external_id)
        ).scalar_one()
        appointment.contact_id = ticket.contact_id
        log_ticket(session, me, "appointment.planned", ticket, appointment=appointment.id)
    return back_to(reference)


@router.post("/appointments/{appointment_id}/outcome")
def appointment_outcome(
    request: Request,
    appointment_id: int,
    outcome: str = Form(""),
    back: str = Form("/desk/appointments"),
    csrf: str = Form(""),
) -> Response:
    with viewer(request) as (me, session):
        if not same_token(me.session.csrf, csrf):
            raise BadToken
        appointment = session.get(Appointment, appointment_id)
        if appointment is None:
            raise NotFound
        if (
            "admin" not in me.consultant.roles
            and appointment.municipality not in me.consultant.municipalities
        ):
            raise Forbidden
        if outcome not in APPOINTMENT_OUTCOMES:
            return HTMLResponse("Kies geweest of niet gekomen.", status_code=400)
        appointment.status = outcome
        sync_reminders(session, appointment, datetime.now(timezone.utc))  # stops reminders
        audit(
            session,
            me.consultant.username,
            f"appointment.{outcome}",
            "appointment",
            str(appointment_id),
        )
    target = back if back.startswith("/desk/") else "/desk/appointments"
    return RedirectResponse(target, status_code=303)


@router.get("/appointments", response_class=HTMLResponse)
def appointments_page(request: Request) -> Response:
    now = datetime.now(timezone.utc)
    with viewer(request) as (me, session):
        query = select(Appointment).where(
            Appointment.starts_at >= now - timedelta(days=2),
            Appointment.starts_at <= now + timedelta(days=30),
        )
        if "admin" not in me.consultant.roles:
            query = query.where(Appointment.municipality.in_(me.consultant.municipalities))
        found = list(session.execute(query.order_by(Appointment.starts_at)).scalars())
        return templates.TemplateResponse(
            "desk/appointments.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "appointments": appointment_rows(session, found),
                "outcomes": APPOINTMENT_OUTCOMES,
            },
        )
