"""What every desk page shares: the template engine, the logged-in consultant, the
ticket they may see, the audit trail and the errors the app turns into responses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.desk.sessions import (
    SESSION_COOKIE,
    DeskSession,
    read_session,
    same_token,
)
from bot.i18n.languages import ENDONYMS
from bot.municipality.calendar import AMSTERDAM
from bot.store.consultants import may_see
from bot.store.db import session_scope
from bot.store.models import (
    AuditEvent,
    Consultant,
    Ticket,
)

HERE = Path(__file__).parent.parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def local_time(moment: datetime) -> str:
    """A stored UTC time as the consultant reads it (Amsterdam)."""
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


templates.env.globals["local"] = local_time

# The words consultants read for the stored values (the database keeps the English codes).
LABELS = {
    "open": "open",
    "claimed": "opgepakt",
    "live": "in gesprek",
    "waiting": "wacht op cliënt",
    "closed": "gesloten",
    "urgent": "spoed",
    "high": "hoog",
    "normal": "normaal",
    "low": "laag",
}
templates.env.filters["label"] = lambda value: LABELS.get(value, value)
templates.env.globals["endonyms"] = ENDONYMS


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


def is_secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


def log_ticket(session: Session, me: Viewer, action: str, ticket: Ticket, **detail: Any) -> None:
    audit(session, me.consultant.username, action, "ticket", ticket.reference, **detail)


def audit(session: Session, actor: str, action: str, kind: str, object_id: str, **detail: Any):
    session.add(
        AuditEvent(actor=actor, action=action, object_type=kind, object_id=object_id, detail=detail)
    )


def find_ticket(session: Session, me: Viewer, reference: str) -> Ticket:
    ticket = session.execute(
        select(Ticket).where(Ticket.reference == reference.upper())
    ).scalar_one_or_none()
    if ticket is None:
        raise NotFound
    if not may_see(me.consultant, ticket):
        # In its own transaction: the request's own is rolled back by the 403.
        with session_scope() as separate:
            audit(separate, me.consultant.username, "ticket.forbidden", "ticket", ticket.reference)
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
        yield me, session, find_ticket(session, me, reference)


class BadToken(Exception):
    pass


def back_to(reference: str) -> RedirectResponse:
    return RedirectResponse(f"/desk/tickets/{reference.upper()}", status_code=303)
