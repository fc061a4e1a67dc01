"""Answers to reminders and STOP/START, as the channel routes them (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.appointments.replies import apply_reply, route_inbound
from bot.appointments.reply_words import reply_intent
from bot.appointments.schedule import import_csv
from bot.desk.app import web_sender
from bot.store.db import session_scope
from bot.store.models import Appointment, Contact, OutboxMessage

NOW = datetime(2026, 11, 20, 11, 0, tzinfo=timezone.utc)
PHONE = "+31612345678"
CSV = """external_id,phone,municipality,kind,starts_at,location
A-1,06 12345678,deventer,screening,2026-11-21 10:00,Kamperstraat 40
A-2,06 12345678,deventer,kick_off,2026-12-15 10:00,Kamperstraat 40
"""


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("1", "afspraak_bevestigen"),
        (" JA ", "afspraak_bevestigen"),
        ("Yes!", "afspraak_bevestigen"),
        ("نعم", "afspraak_bevestigen"),
        ("١", "afspraak_bevestigen"),
        ("2", "afspraak_afzeggen"),
        ("NEE", "afspraak_afzeggen"),
        ("3", "afspraak_verzetten"),
        ("STOP", "sms_stop"),
        ("توقف", "sms_stop"),
        ("Start", "sms_start"),
        ("ja maar ik ben ziek", None),
        ("4", None),
    ],
)
def test_reply_words(text: str, intent: str | None) -> None:
    assert reply_intent(text) == intent


@pytest.fixture
def reminded(database_url: str, tmp_path: Path) -> None:
    """Two appointments; the reminder for the first one went out an hour ago."""
    path = tmp_path / "a.csv"
    path.write_text(CSV)
    with session_scope() as session:
        import_csv(session, path, NOW - timedelta(hours=2))
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.send_after <= NOW)
            .values(status="sent", sent_at=NOW - timedelta(hours=1))
        )


def status(external_id: str) -> str:
    with session_scope() as session:
        return session.execute(
            select(Appointment.status).where(Appointment.external_id == external_id)
        ).scalar_one()


@pytest.mark.usefixtures("reminded")
def test_a_reply_word_is_an_answer_only_after_a_reminder() -> None:
    assert route_inbound("rest", PHONE, "1", NOW) == "/afspraak_bevestigen"
    assert route_inbound("rest", "web-abc", "1", NOW) == "1"  # the web chat: a menu choice
    assert route_inbound("rest", "+31687654321", "1", NOW) == "1"  # no reminder to this number
    with session_scope() as session:
        assert apply_reply(session, PHONE, "afspraak_bevestigen", NOW).external_id == "A-1"
    assert (status("A-1"), status("A-2")) == ("confirmed", "scheduled")
    assert route_inbound("rest", PHONE, "1", NOW) == "1"  # answered: no longer waiting


@pytest.mark.usefixtures("reminded")
def test_cannot_come_cancels_the_pending_reminders_of_that_appointment() -> None:
    with session_scope() as session:
        apply_reply(session, PHONE, "afspraak_afzeggen", NOW)
    assert status("A-1") == "cancelled"
    with session_scope() as session:
        pending = (
            session.execute(select(OutboxMessage).where(OutboxMessage.status == "pending"))
            .scalars()
            .all()
        )
        assert [row.appointment_id for row in pending] != []  # A-2 still has its reminder


@pytest.mark.usefixtures("reminded")
def test_stop_is_stored_at_once_and_start_plans_again() -> None:
    assert route_inbound("rest", PHONE, "STOP", NOW) == "/sms_stop"
    with session_scope() as session:
        assert session.execute(
            select(Contact.sms_opt_out).where(Contact.phone_e164 == PHONE)
        ).scalar_one()
        statuses = session.execute(select(OutboxMessage.status, OutboxMessage.error)).all()
        assert ("pending", None) not in statuses and ("cancelled", "STOP") in statuses
    assert route_inbound("rest", PHONE, "start", NOW) == "/sms_start"
    with session_scope() as session:
        pending = (
            session.execute(select(OutboxMessage).where(OutboxMessage.status == "pending"))
            .scalars()
            .all()
        )
        assert len(pending) == 1 and pending[0].to == PHONE


def test_the_web_chat_can_never_pose_as_a_phone_number() -> None:
    assert b'"sender": "web-+31612345678"' in web_sender(
        b'{"sender": "+31612345678", "message": "1"}'
    )
    assert b'"sender": "web-1"' in web_sender(b'{"sender": "web-1", "message": "hoi"}')
    assert web_sender(b"not json") == b"not json"
