"""The appointment API for the municipality's agenda: ``PUT /api/appointments/{id}`` to
create or change, ``DELETE`` to cancel. A bearer token from ``BAKEN_API_TOKEN``; without
that variable the API is closed. Rows are checked like the CSV import, with the reasons."""

from __future__ import annotations

import hmac
from datetime import datetime, timezone

from fastapi import APIRouter, Body, Header, HTTPException
from sqlalchemy import select

from bot import settings
from bot.appointments.rows import RowError, read_row
from bot.appointments.schedule import sync_reminders, upsert
from bot.i18n.languages import SHIPPED
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.models import Appointment

router = APIRouter(prefix="/api/appointments")


def _authorise(authorization: str | None) -> None:
    token = settings.load().api_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(status_code=401, detail="a valid bearer token is required")


@router.put("/{external_id}")
def put_appointment(
    external_id: str,
    row: dict = Body(...),
    authorization: str | None = Header(default=None),
) -> dict:
    _authorise(authorization)
    try:
        checked = read_row(
            {**{k: str(v) for k, v in row.items() if v is not None}, "external_id": external_id},
            set(municipalities()),
            set(SHIPPED),
        )
    except RowError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    with session_scope() as session:
        outcome = upsert(session, checked, datetime.now(timezone.utc))
    return {"external_id": external_id, "result": outcome}


@router.delete("/{external_id}")
def cancel_appointment(external_id: str, authorization: str | None = Header(default=None)) -> dict:
    _authorise(authorization)
    with session_scope() as session:
        found = session.execute(
            select(Appointment).where(Appointment.external_id == external_id)
        ).scalar_one_or_none()
        if found is None:
            raise HTTPException(status_code=404, detail=f"no appointment {external_id!r}")
        found.status = "cancelled"
        sync_reminders(session, found, datetime.now(timezone.utc))
    return {"external_id": external_id, "result": "cancelled"}
