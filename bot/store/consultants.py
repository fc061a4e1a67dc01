"""Desk accounts: argon2 password hashes, a lockout after repeated failures, and what
each consultant may see (their municipalities and queues)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store.models import CONSULTANT_ROLES, Consultant, Ticket

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 10
_hasher = PasswordHasher()


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class Login:
    consultant: Consultant | None
    locked: bool = False


def create_consultant(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    municipalities: Sequence[str],
    roles: Sequence[str] = ("consultant",),
    queues: Sequence[str] = (),
) -> Consultant:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    unknown = set(roles) - set(CONSULTANT_ROLES)
    if unknown:
        raise AccountError(f"unknown role(s): {', '.join(sorted(unknown))}")
    if not municipalities:
        raise AccountError("give at least one municipality")
    if session.execute(select(Consultant.id).where(Consultant.username == username)).first():
        raise AccountError(f"the username {username!r} is taken")
    consultant = Consultant(
        username=username,
        display_name=display_name,
        password_hash=_hasher.hash(password),
        roles=list(roles),
        municipalities=list(municipalities),
        queues=list(queues),
        active=True,
        failed_logins=0,
    )
    session.add(consultant)
    session.flush()
    return consultant


def authenticate(session: Session, username: str, password: str, now: datetime) -> Login:
    """The consultant for a right password. Five wrong ones lock the account for 15
    minutes (also against the right password, so guessing gains nothing)."""
    consultant = session.execute(
        select(Consultant).where(Consultant.username == username, Consultant.active.is_(True))
    ).scalar_one_or_none()
    if consultant is None:
        _hasher.hash(password)  # the same time as a real check: no hint which names exist
        return Login(None)
    if consultant.locked_until and consultant.locked_until > now:
        return Login(None, locked=True)
    try:
        _hasher.verify(consultant.password_hash, password)
    except (VerificationError, InvalidHashError):
        consultant.failed_logins += 1
        if consultant.failed_logins >= MAX_FAILURES:
            consultant.locked_until, consultant.failed_logins = now + LOCKOUT, 0
            return Login(None, locked=True)
        return Login(None)
    consultant.failed_logins, consultant.locked_until = 0, None
    consultant.last_login_at = now
    if _hasher.check_needs_rehash(consultant.password_hash):
        consultant.password_hash = _hasher.hash(password)
    return Login(consultant)


def may_see(consultant: Consultant, ticket: Ticket) -> bool:
    if "admin" in consultant.roles:
        return True
    if ticket.municipality not in consultant.municipalities:
        return False
    return not consultant.queues or ticket.queue in consultant.queues


def has_consultants(session: Session) -> bool:
    return session.execute(select(func.count()).select_from(Consultant)).scalar_one() > 0
