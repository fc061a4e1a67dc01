"""Reminders on WhatsApp: an approved template outside the 24-hour window, free text
inside it, SMS when no template is approved (SQLite and PostgreSQL, with the real twilio
client and a Twilio stand-in that refuses free text outside the window, as Twilio does)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.appointments.schedule import import_csv
from bot.channels.inbound import Cleaned, store_inbound
from bot.reminders.twilio_sender import TwilioSender
from bot.reminders.whatsapp_templates import load_templates
from bot.reminders.worker import run_once
from bot.store.db import session_scope
from bot.store.models import InboundMessage, OutboxMessage
from bot.store.tickets import upsert_contact
from tests.fakes.twilio_server import FakeTwilio

PHONE = "+31612345678"
WHATSAPP_FROM = "whatsapp:+3197010000002"
IMPORTED = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
CSV = """external_id,phone,municipality,kind,starts_at,location,language
W-1,06 12345678,deventer,screening,2026-11-26 10:00,Kamperstraat 40,{language}
W-2,06 12345678,deventer,screening,2026-12-10 10:00,Kamperstraat 40,{language}
"""
TEMPLATES = "screening:\n  nl: HX{nl}\n  ar: HX{ar}\n".format(nl="1" * 32, ar="2" * 32)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    server = FakeTwilio(callbacks=False).start()
    server.enforce_whatsapp_window = True
    yield server
    server.stop()


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "whatsapp_templates.yml"
    path.write_text(TEMPLATES)
    monkeypatch.setenv("WHATSAPP_TEMPLATES_FILE", str(path))
    return path


def sender(fake: FakeTwilio, templates: Path) -> TwilioSender:
    return TwilioSender(
        fake.account_sid,
        fake.auth_token,
        "+3197010000000",
        api_url=fake.url,
        whatsapp_sender=WHATSAPP_FROM,
        templates=load_templates(templates),
    )


def plan(tmp_path: Path, language: str = "ar", whatsapp_user: bool = True) -> list[OutboxMessage]:
    if whatsapp_user:  # the client wrote to Baken on WhatsApp before
        with session_scope() as session:
            upsert_contact(session, "twilio_whatsapp", PHONE, phone_e164=PHONE)
    csv = tmp_path / "a.csv"
    csv.write_text(CSV.format(language=language))
    with session_scope() as session:
        import_csv(session, csv, IMPORTED)
        rows = session.execute(select(OutboxMessage).order_by(OutboxMessage.send_after))
        return [session.expunge(row) or row for row in rows.scalars()]


@pytest.mark.usefixtures("database_url")
def test_outside_the_window_the_approved_template_is_used(
    tmp_path: Path, fake: FakeTwilio, templates: Path
) -> None:
    rows = plan(tmp_path)
    assert {row.channel for row in rows} == {"whatsapp"}
    assert run_once(sender(fake, templates), rows[0].send_after) == 1
    [message] = fake.messages
    assert message["to"] == f"whatsapp:{PHONE}" and message["from"] == WHATSAPP_FROM
    assert message["body"] is None and message["content_sid"] == "HX" + "2" * 32  # Arabic
    variables = json.loads(message["content_variables"])
    assert variables["2"] == "10:00" and variables["3"] == "Kamperstraat 40"
    assert variables["4"] == "Deventer" and "نوفمبر" in variables["1"]


@pytest.mark.usefixtures("database_url")
def test_inside_the_window_the_reminder_is_free_text(
    tmp_path: Path, fake: FakeTwilio, templates: Path
) -> None:
    rows = plan(tmp_path, language="nl")
    due = rows[0].send_after
    message_id = store_inbound("twilio_whatsapp", PHONE, Cleaned("hoi", "hoi", False))
    with session_scope() as session:  # the client wrote an hour before the reminder
        session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == message_id)
            .values(received_at=due - timedelta(hours=1))
        )
    fake.open_session(f"whatsapp:{PHONE}")
    assert run_once(sender(fake, templates), due) == 1
    assert fake.messages[0]["body"] == rows[0].body and fake.messages[0]["content_sid"] is None
    # the next reminder, two weeks later: the window is closed again, so the template
    assert len(rows) == 2
    assert run_once(sender(fake, templates), rows[1].send_after) == 1
    assert fake.messages[1]["body"] is None and fake.messages[1]["content_sid"]


@pytest.mark.usefixtures("database_url")
def test_a_language_without_its_own_template_uses_the_dutch_one(
    tmp_path: Path, fake: FakeTwilio, templates: Path
) -> None:
    rows = plan(tmp_path, language="en")
    assert run_once(sender(fake, templates), rows[0].send_after) == 1
    assert fake.messages[0]["content_sid"] == "HX" + "1" * 32


@pytest.mark.usefixtures("database_url")
def test_without_an_approved_template_or_whatsapp_use_the_reminder_goes_by_sms(
    tmp_path: Path, fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WHATSAPP_TEMPLATES_FILE", str(tmp_path / "none.yml"))
    rows = plan(tmp_path)
    assert {row.channel for row in rows} == {"sms"}


@pytest.mark.usefixtures("database_url", "templates")
def test_a_client_who_never_used_whatsapp_gets_sms(tmp_path: Path) -> None:
    rows = plan(tmp_path, whatsapp_user=False)
    assert {row.channel for row in rows} == {"sms"}


def test_a_template_file_with_a_wrong_sid_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.yml"
    path.write_text("screening:\n  nl: SM123\n")
    with pytest.raises(ValueError, match="HX"):
        load_templates(path)
