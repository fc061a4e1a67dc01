"""Numbered menus on SMS and WhatsApp, remembered in the database (SQLite and PostgreSQL),
and the per-sender rate limit."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.appointments.replies import route_inbound
from bot.appointments.schedule import import_csv
from bot.channels.inbound import Cleaned, store_inbound
from bot.channels.menus import forget_menu, remember_menu, stored_option
from bot.channels.rate_limit import Verdict, verdict
from bot.store.db import session_scope
from bot.store.models import OutboxMessage

NOW = datetime(2026, 11, 20, 11, 0, tzinfo=timezone.utc)
PHONE = "+31612345678"
MENU = [
    {"title": "Bijstand aanvragen", "payload": "/melding_bijstand"},
    {"title": "Een wijziging doorgeven", "payload": "/wijziging_doorgeven"},
    {"title": "Deventer", "payload": '/inform_municipality{"municipality": "deventer"}'},
]


def remember(sender: str, at: datetime, buttons: list[dict] = MENU) -> None:
    with session_scope() as session:
        remember_menu(session, sender, buttons, at)


@pytest.mark.usefixtures("database_url")
def test_a_number_picks_that_option_of_the_last_menu() -> None:
    remember(PHONE, NOW - timedelta(minutes=5))
    assert route_inbound("twilio_sms", PHONE, "2", NOW) == "/wijziging_doorgeven"
    assert route_inbound("twilio_sms", PHONE, " 3. ", NOW) == MENU[2]["payload"]
    assert route_inbound("twilio_sms", PHONE, "٢", NOW) == "/wijziging_doorgeven"
    # not a menu choice: out of range, more than a number, another sender
    assert route_inbound("twilio_sms", PHONE, "7", NOW) == "7"
    assert route_inbound("twilio_sms", PHONE, "2 kinderen", NOW) == "2 kinderen"
    assert route_inbound("twilio_sms", "+31687654321", "2", NOW) == "2"


@pytest.mark.usefixtures("database_url")
def test_a_newer_menu_replaces_the_old_one_and_plain_text_forgets_it() -> None:
    remember(PHONE, NOW - timedelta(minutes=5))
    remember(PHONE, NOW - timedelta(minutes=1), [{"title": "Ja", "payload": "/affirm"}])
    assert route_inbound("twilio_sms", PHONE, "1", NOW) == "/affirm"
    with session_scope() as session:  # the bot asked "Hoeveel kinderen heeft u?"
        forget_menu(session, PHONE)
    assert route_inbound("twilio_sms", PHONE, "2", NOW) == "2"


@pytest.mark.usefixtures("database_url")
def test_an_old_menu_no_longer_counts() -> None:
    remember(PHONE, NOW - timedelta(days=2))
    assert route_inbound("twilio_sms", PHONE, "1", NOW) == "1"


@pytest.mark.usefixtures("database_url")
def test_a_long_telegram_payload_is_found_by_its_number() -> None:
    remember("12345", NOW)
    with session_scope() as session:
        assert stored_option(session, "12345", "#3") == MENU[2]["payload"]
        assert stored_option(session, "12345", "#9") is None
        assert stored_option(session, "99999", "#1") is None


@pytest.mark.usefixtures("database_url")
def test_reminder_and_menu_the_one_sent_last_wins(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(
        "external_id,phone,municipality,kind,starts_at,location\n"
        "A-1,06 12345678,deventer,screening,2026-11-21 10:00,Kamperstraat 40\n"
    )
    with session_scope() as session:
        import_csv(session, csv, NOW - timedelta(hours=2))
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.send_after <= NOW)
            .values(status="sent", sent_at=NOW - timedelta(minutes=30))
        )
    remember(PHONE, NOW - timedelta(hours=1))  # menu before the reminder
    assert route_inbound("twilio_sms", PHONE, "1", NOW) == "/afspraak_bevestigen"
    remember(PHONE, NOW - timedelta(minutes=10))  # menu after the reminder
    assert route_inbound("twilio_sms", PHONE, "1", NOW) == "/melding_bijstand"
    # a word is never a menu option: JA still answers the reminder
    assert route_inbound("twilio_sms", PHONE, "ja", NOW) == "/afspraak_bevestigen"


@pytest.mark.usefixtures("database_url")
def test_rate_limit_answers_warns_once_then_stays_silent_and_stores_all() -> None:
    now = datetime.now(timezone.utc)
    verdicts = []
    for number in range(23):
        store_inbound("twilio_sms", PHONE, Cleaned(f"bericht {number}", f"bericht {number}", False))
        with session_scope() as session:
            verdicts.append(verdict(session, PHONE, now, limit=20))
    assert verdicts == [Verdict.ANSWER] * 20 + [Verdict.WARN, Verdict.SILENT, Verdict.SILENT]
    with session_scope() as session:  # another sender is not affected
        assert verdict(session, "+31687654321", now, limit=20) is Verdict.ANSWER
        # a minute later the sender is answered again
        assert verdict(session, PHONE, now + timedelta(seconds=61), limit=20) is Verdict.ANSWER


@pytest.mark.usefixtures("database_url")
def test_a_replayed_provider_message_is_stored_once() -> None:
    cleaned = Cleaned("hallo", "hallo", False)
    first = store_inbound("twilio_sms", PHONE, cleaned, provider_id="SM" + "1" * 32)
    again = store_inbound("twilio_sms", PHONE, cleaned, provider_id="SM" + "1" * 32)
    assert first is not None and again is None
    assert store_inbound("twilio_sms", PHONE, cleaned, provider_id="SM" + "2" * 32) is not None
