"""The queue: open tickets of my municipalities and queues, the most urgent first, with
filters, search by reference or phone, and a JSON twin the page polls every 5 seconds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.desk.ui.common import (
    templates,
    viewer,
)
from bot.i18n.languages import ENDONYMS
from bot.municipality.calendar import AMSTERDAM
from bot.store.models import (
    Consultant,
    Contact,
    Melding,
    Ticket,
)

router = APIRouter(prefix="/desk")

SLA_CLOSE = timedelta(hours=2)
PRIORITY_ORDER = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


def _sla_badge(ticket: Ticket, now: datetime) -> str | None:
    if ticket.sla_due_at is None:
        return None
    if ticket.sla_due_at < now:
        return "te laat"
    if ticket.sla_due_at - now < SLA_CLOSE:
        return "bijna"
    return None


def _age(created: datetime, now: datetime) -> str:
    minutes = int((now - created).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} uur"
    return f"{minutes // (24 * 60)} dagen"


def queue_rows(
    session: Session, consultant: Consultant, now: datetime, filters: dict[str, str]
) -> list[dict[str, Any]]:
    query = select(Ticket).where(Ticket.status != "closed")
    if "admin" not in consultant.roles:
        query = query.where(Ticket.municipality.in_(consultant.municipalities))
        if consultant.queues:
            query = query.where(Ticket.queue.in_(consultant.queues))
    for name in ("queue", "kind", "status", "municipality"):
        if filters.get(name):
            query = query.where(getattr(Ticket, name) == filters[name])
    search = (filters.get("q") or "").strip()
    if search:
        phone = search.replace(" ", "").replace("-", "")
        if phone.startswith("06"):
            phone = "+31" + phone[1:]
        melding_tickets = select(Melding.ticket_id).where(Melding.reference == search.upper())
        phone_contacts = select(Contact.id).where(Contact.phone_e164 == phone)
        query = query.where(
            or_(
                Ticket.reference == search.upper(),
                Ticket.id.in_(melding_tickets),
                Ticket.contact_id.in_(phone_contacts),
            )
        )
    tickets = list(session.execute(query).scalars())
    far = datetime.max.replace(tzinfo=timezone.utc)
    tickets.sort(
        key=lambda t: (PRIORITY_ORDER.get(t.priority, 9), t.sla_due_at or far, t.created_at)
    )
    return [
        {
            "reference": t.reference,
            "kind": t.kind,
            "queue": t.queue,
            "municipality": t.municipality,
            "priority": t.priority,
            "status": t.status,
            "language": t.language,
            "language_name": ENDONYMS.get(t.language, t.language),
            "age": _age(t.created_at, now),
            "sla": t.sla_due_at.astimezone(AMSTERDAM).strftime("%d-%m %H:%M")
            if t.sla_due_at
            else "",
            "badge": _sla_badge(t, now),
            "summary": t.summary[:140],
        }
        for t in tickets
    ]


QUEUE_FILTERS = ("queue", "kind", "status", "municipality", "q")


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request) -> Response:
    filters = {name: request.query_params.get(name, "") for name in QUEUE_FILTERS}
    with viewer(request) as (me, session):
        rows = queue_rows(session, me.consultant, datetime.now(timezone.utc), filters)
        return templates.TemplateResponse(
            "desk/queue.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "rows": rows,
                "filters": filters,
            },
        )


@router.get("/api/queue")
def queue_api(request: Request) -> JSONResponse:
    filters = {name: request.query_params.get(name, "") for name in QUEUE_FILTERS}
    with viewer(request) as (me, session):
        return JSONResponse(queue_rows(session, me.consultant, datetime.now(timezone.utc), filters))
