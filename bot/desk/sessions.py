"""Signed, expiring session cookies and CSRF tokens for the desk.

The cookie holds only the consultant's id and a random CSRF token, signed with
``BAKEN_SECRET_KEY`` (itsdangerous); it expires after ``SESSION_HOURS`` and is
``HttpOnly`` and ``SameSite=Lax``. Every form carries the CSRF token, and a POST without
the token of its session is refused. Before login there is no session yet, so the login
form uses a double-submit token (a cookie and a hidden field that must match).
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot import settings

SESSION_COOKIE = "baken_desk"
LOGIN_CSRF_COOKIE = "baken_login_csrf"
SESSION_HOURS = 8


@dataclass(frozen=True)
class DeskSession:
    consultant_id: int
    csrf: str


def secret_key() -> str:
    """``BAKEN_SECRET_KEY``; on a developer's machine a random key kept in ``var/``."""
    configured = os.environ.get("BAKEN_SECRET_KEY", "").strip()
    if configured:
        return configured
    path = settings.ROOT / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return Path(path).read_text().strip()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="baken-desk-session")


def new_session(consultant_id: int) -> tuple[str, DeskSession]:
    session = DeskSession(consultant_id, secrets.token_urlsafe(32))
    cookie = _serializer().dumps({"uid": session.consultant_id, "csrf": session.csrf})
    return cookie, session


def read_session(cookie: str | None) -> DeskSession | None:
    if not cookie:
        return None
    try:
        data = _serializer().loads(cookie, max_age=SESSION_HOURS * 3600)
    except BadSignature:  # also expired (SignatureExpired is a BadSignature)
        return None
    return DeskSession(int(data["uid"]), str(data["csrf"]))


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))
