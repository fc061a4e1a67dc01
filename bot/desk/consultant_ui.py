"""The consultants' desk under ``/desk/``: login, the queue and the ticket page.

Plain server-rendered pages in Dutch (Jinja2), one small script that refreshes the queue
every few seconds. Every page needs a login; a consultant sees only the tickets of their
municipalities and queues, also when they guess a URL (403). Opening a ticket writes an
``audit_event``, because it shows a client's conversation.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.appointments.rows import KINDS, RowError, read_row
from bot.appointments.schedule import sync_reminders, upsert
from bot.desk import statistics
from bot.desk.charts import bar_chart
from bot.desk.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_HOURS,
    DeskSession,
    new_session,
    read_session,
    same_token,
)
from bot.i18n.languages import ENDONYMS, SHIPPED, direction, is_shipped
from bot.municipality.calendar import AMSTERDAM
from bot.municipality.registry import municipalities
from bot.privacy.redact import redact
from bot.store import live_chat
from bot.store.consultants import authenticate, may_see
from bot.store.db import session_scope
from bot.store.models import (
    Appointment,
    AuditEvent,
    Consultant,
    Contact,
    Melding,
    OutboxMessage,
    Ticket,
    TicketMessage,
)

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(prefix="/desk")

SLA_CLOSE = timedelta(hours=2)
PRIORITY_ORDER = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


class NotLoggedIn(Exception):
    """Handled in ``create_app``: pages redirect to the login, the API answers 401."""


class Forbidden(Exception):
    pass


@dataclass
class Viewer:
    consultant: Consultant
    session: DeskSession


@contextmanager
def viewer(request: Request) -> Iterator[tuple[Viewer, Session]]:
    """The logged-in consultant and a database session for one request."""
    desk_session = read_session(request.cookies.get(SESSION_COOKIE))
    if desk_session is None:
        raise NotLoggedIn
    with session_scope() as session:
        consultant = session.get(Consultant, desk_session.consultant_id)
        if consultant is None or not consultant.active:
            raise NotLoggedIn
        yield Viewer(consultant, desk_session), session


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


def audit(session: Session, actor: str, action: str, kind: str, object_id: str, **detail: Any):
    session.add(
        AuditEvent(actor=actor, action=action, object_type=kind, object_id=object_id, detail=detail)
    )


# --- login ------------------------------------------------------------------------------


def _login_page(request: Request, error: str | None = None, status: int = 200) -> Response:
    token = secrets.token_urlsafe(32)
    page = templates.TemplateResponse(
        "desk/login.html",
        {"request": request, "csrf": token, "error": error},
        status_code=status,
    )
    page.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=_secure(request)
    )
    return page


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    if not same_token(request.cookies.get(LOGIN_CSRF_COOKIE), csrf):
        return _login_page(request, "De pagina was verlopen. Probeer het opnieuw.", 403)
    now = datetime.now(timezone.utc)
    with session_scope() as session:
        result = authenticate(session, username.strip(), password, now)
        consultant = result.consultant
        if consultant is None:
            audit(session, username.strip()[:64] or "?", "desk.login_failed", "consultant", "-")
        else:
            audit(session, consultant.username, "desk.login", "consultant", str(consultant.id))
            consultant_id = consultant.id
    if consultant is None:
        message = (
            "U heeft te vaak een verkeerd wachtwoord getypt. Probeer het over 15 minuten opnieuw."
            if result.locked
            else "De gebruikersnaam of het wachtwoord klopt niet."
        )
        return _login_page(request, message, 401)
    cookie, _ = new_session(consultant_id)
    response = RedirectResponse("/desk/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    with viewer(request) as (me, _):
        if not same_token(me.session.csrf, csrf):
            return Response("CSRF-token ontbreekt of klopt niet", status_code=403)
    response = RedirectResponse("/desk/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- queue ------------------------------------------------------------------------------


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


# --- ticket -----------------------------------------------------------------------------


@router.get("/tickets/{reference}", response_class=HTMLResponse)
def ticket_page(request: Request, reference: str) -> Response:
    with viewer(request) as (me, session):
        ticket = _ticket(session, me, reference)
        audit(session, me.consultant.username, "ticket.viewed", "ticket", ticket.reference)
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
                "local": lambda moment: moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
            },
        )


# --- working on a ticket ----------------------------------------------------------------

OUTCOMES = ("afgehandeld", "doorverwezen", "geen contact", "dubbel")
OPEN_STATUSES = ("open", "claimed", "waiting")


def _ticket(session: Session, me: Viewer, reference: str) -> Ticket:
    ticket = session.execute(
        select(Ticket).where(Ticket.reference == reference.upper())
    ).scalar_one_or_none()
    if ticket is None:
        raise NotFound
    if not may_see(me.consultant, ticket):
        raise Forbidden
    return ticket


class NotFound(Exception):
    pass


@contextmanager
def acting(request: Request, reference: str, csrf: str) -> Iterator[tuple[Viewer, Session, Ticket]]:
    """A POST on a ticket: logged in, the right CSRF token, allowed to see the ticket."""
    with viewer(request) as (me, session):
        if not same_token(me.session.csrf, csrf):
            raise BadToken
        yield me, session, _ticket(session, me, reference)


class BadToken(Exception):
    pass


def _back(reference: str) -> RedirectResponse:
    return RedirectResponse(f"/desk/tickets/{reference.upper()}", status_code=303)


@router.post("/tickets/{reference}/claim")
def claim(request: Request, reference: str, csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        ticket.assignee = me.consultant.username
        if ticket.status == "open":
            ticket.status = "claimed"
        audit(session, me.consultant.username, "ticket.claimed", "ticket", ticket.reference)
    return _back(reference)


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
        ticket.assignee = colleague.username
        if ticket.status == "open":
            ticket.status = "claimed"
        audit(
            session,
            me.consultant.username,
            "ticket.assigned",
            "ticket",
            ticket.reference,
            to=assignee,
        )
    return _back(reference)


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
            audit(session, me.consultant.username, "ticket.note", "ticket", ticket.reference)
    return _back(reference)


@router.post("/tickets/{reference}/status")
def set_status(
    request: Request, reference: str, status: str = Form(""), csrf: str = Form("")
) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        if status not in OPEN_STATUSES or ticket.status in ("live", "closed"):
            return HTMLResponse("Deze status kan hier niet.", status_code=400)
        audit(
            session,
            me.consultant.username,
            "ticket.status",
            "ticket",
            ticket.reference,
            old=ticket.status,
            new=status,
        )
        ticket.status = status
    return _back(reference)


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
        audit(
            session,
            me.consultant.username,
            "ticket.closed",
            "ticket",
            ticket.reference,
            outcome=outcome,
        )
    return _back(reference)


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
        audit(
            session,
            me.consultant.username,
            "ticket.takeover",
            "ticket",
            ticket.reference,
            minutes=timeout,
        )
    return _back(reference)


@router.post("/tickets/{reference}/handback")
def handback(request: Request, reference: str, csrf: str = Form("")) -> Response:
    with acting(request, reference, csrf) as (me, session, ticket):
        live_chat.end(session, ticket.conversation_id)
        audit(session, me.consultant.username, "ticket.handback", "ticket", ticket.reference)
    return _back(reference)


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
        ticket = _ticket(session, me, reference)
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
                "messages": [
                    {
                        "id": m.id,
                        "direction": m.direction,
                        "text": m.text,
                        "at": m.sent_at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
                    }
                    for m in rows
                ],
            }
        )


# --- team leads: statistics and the audit log -------------------------------------------


def _team_lead(me: Viewer) -> None:
    if not {"teamlead", "admin"} & set(me.consultant.roles):
        raise Forbidden


def _charts(table: statistics.Table) -> str | None:
    """A bar chart for the tables with one number per row."""
    if not table.rows:
        return None
    if table.name == "tickets":
        per_week: Counter = Counter()
        for week, _, _, count in table.rows:
            per_week[week] += count
        return bar_chart(table.title, sorted(per_week.items()), ident=table.name)
    if table.name == "handovers":
        bars = [(f"{kind} ({queue})", n) for kind, queue, n in table.rows]
        return bar_chart(table.title, bars, ident=table.name)
    if table.name == "faq":
        bars = [(topic, pct) for topic, _, _, pct in table.rows]
        return bar_chart(table.title, bars, "%", ident=table.name)
    return None


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request) -> Response:
    with viewer(request) as (me, session):
        _team_lead(me)
        tables = statistics.all_tables(session, datetime.now(timezone.utc))
        return templates.TemplateResponse(
            "desk/stats.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "tables": [(table, _charts(table)) for table in tables],
            },
        )


@router.get("/stats/{name}.csv")
def stats_csv(request: Request, name: str) -> Response:
    with viewer(request) as (me, session):
        _team_lead(me)
        tables = {t.name: t for t in statistics.all_tables(session, datetime.now(timezone.utc))}
        if name not in tables:
            raise NotFound
        audit(session, me.consultant.username, "stats.exported", "statistics", name)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(tables[name].columns)
        writer.writerows(tables[name].rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="baken-{name}.csv"'},
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    with viewer(request) as (me, session):
        _team_lead(me)
        events = list(
            session.execute(select(AuditEvent).order_by(AuditEvent.at.desc()).limit(300)).scalars()
        )
        return templates.TemplateResponse(
            "desk/audit.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "events": events,
                "local": lambda moment: moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
            },
        )


# --- appointments -----------------------------------------------------------------------

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
            "when": a.starts_at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
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
        audit(
            session,
            me.consultant.username,
            "appointment.planned",
            "ticket",
            ticket.reference,
            appointment=appointment.id,
        )
    return _back(reference)


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
