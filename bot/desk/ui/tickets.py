"""A ticket: its data, transcript and history; claim, assign, note, status, close; live
takeover and the consultant's messages."""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import select

from bot.appointments.rows import KINDS
from bot.desk.ui.appointments import APPOINTMENT_OUTCOMES, contact_appointments
from bot.desk.ui.common import (
    acting,
    back_to,
    find_ticket,
    local_time,
    log_ticket,
    templates,
    viewer,
)
from bot.i18n.languages import direction
from bot.privacy.redact import redact
from bot.store import helper_mode, live_chat
from bot.store.consultants import may_see
from bot.store.models import (
    AuditEvent,
    Consultant,
    Melding,
    Ticket,
    TicketMessage,
)

router = APIRouter(prefix="/desk")


@router.get("/tickets/{reference}", response_class=HTMLResponse)
def ticket_page(request: Request, reference: str) -> Response:
    with viewer(request) as (me, session):
        ticket = find_ticket(session, me, reference)
        log_ticket(session, me, "ticket.viewed", ticket)
        melding = session.execute(
            select(Melding).where(Melding.ticket_id == ticket.id)
        ).scalar_one_or_none()
        messages = list(
            session.execute(
                select(TicketMessage)
                .where(TicketMessage.ticket_id == ticket.id)
                .order_by(TicketMessage.sent_at, TicketMessage.id)
            ).scalars()
        )
        history = list(
            session.execute(
                select(AuditEvent)
                .where(AuditEvent.object_type == "ticket", AuditEvent.object_id == ticket.reference)
                .order_by(AuditEvent.at)
            ).scalars()
        )
        live = live_chat.active(session, ticket.conversation_id, datetime.now(timezone.utc))
        phone, appointments = contact_appointments(session, ticket)
        colleagues = session.execute(
            select(Consultant).where(Consultant.active.is_(True)).order_by(Consultant.username)
        ).scalars()
        return templates.TemplateResponse(
            "desk/ticket.html",
            {
                "live": live if live and live.ticket_id == ticket.id else None,
                "deliveries": live_chat.deliveries(session, ticket.id),
                "phone": phone,
                "appointments": appointments,
                "kinds": KINDS,
                "appointment_outcomes": APPOINTMENT_OUTCOMES,
                "colleagues": [c for c in colleagues if may_see(c, ticket)],
                "outcomes": OUTCOMES,
                "statuses": OPEN_STATUSES,
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "ticket": ticket,
                "melding": melding,
                "messages": messages,
                "history": history,
                "client_dir": direction(ticket.language),
                "helper_language": helper_mode.language_of(session, ticket.conversation_id),
            },
        )


# --- working on a ticket ----------------------------------------------------------------

OUTCOMES = ("afgehandeld", "doorverwezen", "geen contact", "dubbel")
OPEN_STATUSES = ("open", "claimed", "waiting")


def assign_to(ticket: Ticket, username: str) -> None:
    ticket.assignee = username
    if ticket.status == "open":
        ticket.status = "claimed"


@router.post("/tickets/{reference}/claim")
def claim(request: Request, reference: str, csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        assign_to(ticket, me.consultant.username)
        log_ticket(session, me, "ticket.claimed", ticket)
    return back_to(reference)


@router.post("/tickets/{reference}/assign")
def assign(
    request: Request, reference: str, assignee: str = Form(""), csrf: str = Form("")
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        colleague = session.execute(
            select(Consultant).where(Consultant.username == assignee, Consultant.active.is_(True))
        ).scalar_one_or_none()
        if colleague is None or not may_see(colleague, ticket):
            return HTMLResponse("Deze collega kan dit ticket niet zien.", status_code=400)
        assign_to(ticket, colleague.username)
        log_ticket(
            session,
            me,
            "ticket.assigned",
            ticket,
            to=assignee,
        )
    return back_to(reference)


@router.post("/tickets/{reference}/note")
def note(request: Request, reference: str, text: str = Form(""), csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        if text.strip():
            session.add(
                TicketMessage(
                    ticket_id=ticket.id,
                    direction="note",
                    text=f"{me.consultant.display_name}: {redact(text.strip()).text}",
                )
            )
            log_ticket(session, me, "ticket.note", ticket)
    return back_to(reference)


@router.post("/tickets/{reference}/status")
def set_status(
    request: Request, reference: str, status: str = Form(""), csrf: str = Form("")
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        if status not in OPEN_STATUSES or ticket.status in ("live", "closed"):
            return HTMLResponse("Deze status kan hier niet.", status_code=400)
        log_ticket(
            session,
            me,
            "ticket.status",
            ticket,
            old=ticket.status,
            new=status,
        )
        ticket.status = status
    return back_to(reference)


@router.post("/tickets/{reference}/close")
def close(
    request: Request, reference: str, outcome: str = Form(""), csrf: str = Form("")
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        if outcome not in OUTCOMES:
            return HTMLResponse("Kies een uitkomst.", status_code=400)
        if live_chat.active(session, ticket.conversation_id, datetime.now(timezone.utc)):
            live_chat.end(session, ticket.conversation_id)
        ticket.status, ticket.outcome = "closed", outcome
        ticket.closed_at = datetime.now(timezone.utc)
        log_ticket(
            session,
            me,
            "ticket.closed",
            ticket,
            outcome=outcome,
        )
    return back_to(reference)


@router.post("/tickets/{reference}/takeover")
def takeover(
    request: Request, reference: str, minutes: str = Form(""), csrf: str = Form("")
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        if ticket.status == "closed":
            return HTMLResponse("Dit ticket is gesloten.", status_code=400)
        timeout = int(minutes) if minutes.isdigit() and int(minutes) > 0 else None
        live_chat.start(
            session,
            ticket,
            me.consultant.username,
            me.consultant.display_name,
            datetime.now(timezone.utc),
            timeout,
        )
        log_ticket(
            session,
            me,
            "ticket.takeover",
            ticket,
            minutes=timeout,
        )
    return back_to(reference)


@router.post("/tickets/{reference}/handback")
def handback(request: Request, reference: str, csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        live_chat.end(session, ticket.conversation_id)
        log_ticket(session, me, "ticket.handback", ticket)
    return back_to(reference)


@router.post("/tickets/{reference}/send")
def send(request: Request, reference: str, text: str = Form(""), csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (_, session, ticket):
        live = live_chat.active(session, ticket.conversation_id, datetime.now(timezone.utc))
        if live is None or live.ticket_id != ticket.id:
            return JSONResponse({"error": "neem het gesprek eerst over"}, status_code=409)
        if text.strip():
            message = live_chat.say_to_client(session, ticket, text.strip(), "consultant")
            return JSONResponse({"id": message.id})
    return JSONResponse({"error": "leeg bericht"}, status_code=400)


@router.get("/api/tickets/{reference}/messages")
def ticket_messages(request: Request, reference: str, after: int = 0) -> JSONResponse:
    with viewer(request) as (me, session):
        ticket = find_ticket(session, me, reference)
        rows = session.execute(
            select(TicketMessage)
            .where(TicketMessage.ticket_id == ticket.id, TicketMessage.id > after)
            .order_by(TicketMessage.id)
        ).scalars()
        live = live_chat.active(session, ticket.conversation_id, datetime.now(timezone.utc))
        return JSONResponse(
            {
                "live": bool(live and live.ticket_id == ticket.id),
                "status": ticket.status,
                "deliveries": live_chat.deliveries(session, ticket.id),
                "messages": [
                    {
                        "id": m.id,
                        "direction": m.direction,
                        "text": m.text,
                        "at": local_time(m.sent_at),
                    }
                    for m in rows
                ],
            }
        )
