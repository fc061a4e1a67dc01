"""Logging in and out of the desk (argon2 passwords, lockout, signed session cookie,
a double-submit CSRF token on the login form)."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.desk.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_HOURS,
    new_session,
    same_token,
)
from bot.desk.ui.common import (
    audit,
    is_secure,
    templates,
    viewer,
)
from bot.store.consultants import authenticate
from bot.store.db import session_scope

router = APIRouter(prefix="/desk")


def _login_page(request: Request, error: str | None = None, status: int = 200) -> Response:
    token = secrets.token_urlsafe(32)
    page = templates.TemplateResponse(
        "desk/login.html",
        {"request": request, "csrf": token, "error": error},
        status_code=status,
    )
    page.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=is_secure(request)
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
        secure=is_secure(request),
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
