"""Live takeover over SMS and Telegram: the notices in the client's language and the
consultant's messages go out through the client's own channel (the worker, the real
twilio and python-telegram-bot clients, local stand-ins of both APIs)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from bot.channels.inbound import Cleaned, store_inbound
from bot.reminders.senders import ChannelSender, LogSender
from bot.reminders.telegram_sender import TelegramSender
from bot.reminders.twilio_sender import TwilioSender
from bot.reminders.whatsapp_templates import WhatsAppTemplates
from bot.reminders.worker import run_once
from bot.store import live_chat
from bot.store.db import session_scope
from bot.store.models import Ticket
from bot.store.tickets import NewTicket, create_ticket
from tests.fakes.telegram_server import FakeTelegram
from tests.fakes.twilio_server import FakeTwilio

PHONE = "+31612345678"
CHAT = "424242"


@pytest.fixture
def fakes(tmp_path) -> Iterator[tuple[FakeTwilio, FakeTelegram, ChannelSender]]:
    twilio, telegram = FakeTwilio(callbacks=False).start(), FakeTelegram().start()
    sender = ChannelSender(
        {
            "sms": TwilioSender(
                twilio.account_sid, twilio.auth_token, "+3197010000000", api_url=twilio.url
            ),
            "telegram": TelegramSender(telegram.token, telegram.base_url),
        },
        LogSender(tmp_path / "outbox.log"),
    )
    yield twilio, telegram, sender
    twilio.stop()
    telegram.stop()


def ticket_for(conversation: str, channel: str, language: str) -> int:
    store_inbound(
        channel, conversation, Cleaned("ik wil een medewerker", "ik wil een medewerker", False)
    )
    new = NewTicket("vraag", "algemeen", "deventer", language, "vraag", None, conversation, channel)
    with session_scope() as session:
        return create_ticket(session, new, []).id


def start(ticket_id: int, now: datetime, minutes: int | None = None) -> None:
    with session_scope() as session:
        live_chat.start(session, session.get(Ticket, ticket_id), "anna", "Anna", now, minutes)


@pytest.mark.usefixtures("database_url")
def test_takeover_over_sms_in_arabic(fakes) -> None:
    twilio, _, sender = fakes
    now = datetime.now(timezone.utc)
    ticket_id = ticket_for(PHONE, "twilio_sms", "ar")
    start(ticket_id, now, minutes=30)
    with session_scope() as session:
        assert live_chat.active(session, PHONE, now) is not None
        live_chat.say_to_client(
            session, session.get(Ticket, ticket_id), "Welke brief bedoelt u?", "consultant"
        )
    assert run_once(sender, now + timedelta(seconds=5)) == 2
    started, consultant = (m["body"] for m in twilio.sent_to(PHONE))
    with session_scope() as session:  # what the consultant sees next to each message
        assert set(live_chat.deliveries(session, ticket_id).values()) == {"verstuurd"}
    assert "Anna" in started and "البلدية" in started
    assert consultant == "Welke brief bedoelt u?"
    with session_scope() as session:  # the timeout the consultant chose
        assert live_chat.end_expired(session, now + timedelta(minutes=31)) == 1
        assert live_chat.active(session, PHONE, now + timedelta(minutes=31)) is None
        assert session.get(Ticket, ticket_id).status == "claimed"
    assert run_once(sender, now + timedelta(minutes=32)) == 1
    assert "Baken" in twilio.sent_to(PHONE)[-1]["body"]


@pytest.mark.usefixtures("database_url")
def test_takeover_over_telegram(fakes) -> None:
    _, telegram, sender = fakes
    now = datetime.now(timezone.utc)
    ticket_id = ticket_for(CHAT, "telegram", "nl")
    start(ticket_id, now)
    with session_scope() as session:
        live_chat.end(session, CHAT)
    assert run_once(sender, now + timedelta(seconds=5)) == 2
    texts = [m["text"] for m in telegram.sent_messages(int(CHAT))]
    assert texts[0].startswith("Nu helpt Anna van de gemeente u verder")
    assert "teruggegeven aan Baken" in texts[1]
    telegram.block(int(CHAT))  # the client blocked the bot: the consultant sees it failed
    with session_scope() as session:
        message = live_chat.say_to_client(
            session, session.get(Ticket, ticket_id), "Hallo?", "consultant"
        )
        message_id = message.id
    run_once(sender, now + timedelta(seconds=10))
    with session_scope() as session:
        assert live_chat.deliveries(session, ticket_id)[message_id] == "niet afgeleverd"


@pytest.mark.usefixtures("database_url")
def test_the_web_chat_reads_only_its_own_conversation() -> None:
    now = datetime.now(timezone.utc)
    mine = ticket_for("web-mine", "rest", "nl")
    ticket_for("web-other", "rest", "nl")
    start(mine, now)
    with session_scope() as session:
        first = live_chat.messages_for_client(session, "web-mine", 0)
        assert [m.direction for m in first] == ["system"]
        assert live_chat.messages_for_client(session, "web-mine", first[-1].id) == []
        assert live_chat.messages_for_client(session, "web-other", 0) == []


def whatsapp_sender(twilio: FakeTwilio, templates: str = "") -> TwilioSender:
    """The worker's sender for SMS and WhatsApp, with the approved templates given."""
    twilio.enforce_whatsapp_window = True  # free text outside 24 hours is refused: 63016
    return TwilioSender(
        twilio.account_sid,
        twilio.auth_token,
        "+3197010000000",
        api_url=twilio.url,
        whatsapp_sender="whatsapp:+3197010000002",
        templates=WhatsAppTemplates({"consultant_message": {"nl": templates}} if templates else {}),
    )


def consultant_answers_two_days_later(sender: TwilioSender) -> datetime:
    """A WhatsApp client asked for a person; Anna answers two days after their message."""
    ticket_id = ticket_for(PHONE, "twilio_whatsapp", "nl")
    later = datetime.now(timezone.utc) + timedelta(days=2)
    start(ticket_id, later)
    with session_scope() as session:
        live_chat.say_to_client(
            session, session.get(Ticket, ticket_id), "Uw brief is binnen.", "consultant"
        )
    assert run_once(sender, later + timedelta(seconds=5)) == 2  # the takeover notice too
    return later


@pytest.mark.usefixtures("database_url")
def test_a_whatsapp_answer_after_the_window_goes_in_the_approved_template(fakes) -> None:
    twilio = fakes[0]
    consultant_answers_two_days_later(whatsapp_sender(twilio, "HX" + "7" * 32))
    sent = twilio.sent_to(f"whatsapp:{PHONE}")
    assert [m["content_sid"] for m in sent] == ["HX" + "7" * 32] * 2
    assert json.loads(sent[-1]["content_variables"]) == {"1": "Uw brief is binnen."}


@pytest.mark.usefixtures("database_url")
def test_a_whatsapp_answer_after_the_window_without_a_template_goes_by_sms(fakes) -> None:
    twilio = fakes[0]
    consultant_answers_two_days_later(whatsapp_sender(twilio))
    assert twilio.sent_to(f"whatsapp:{PHONE}") == []
    by_sms = twilio.sent_to(PHONE)
    assert by_sms[-1]["body"] == "Uw brief is binnen."
    assert {m["from"] for m in by_sms} == {"+3197010000000"}


@pytest.mark.usefixtures("database_url")
def test_a_whatsapp_answer_within_the_window_is_plain_text(fakes) -> None:
    twilio = fakes[0]
    sender = whatsapp_sender(twilio, "HX" + "7" * 32)
    ticket_id = ticket_for(PHONE, "twilio_whatsapp", "nl")
    twilio.open_session(f"whatsapp:{PHONE}")
    now = datetime.now(timezone.utc)
    start(ticket_id, now)
    with session_scope() as session:
        live_chat.say_to_client(
            session, session.get(Ticket, ticket_id), "Uw brief is binnen.", "consultant"
        )
    assert run_once(sender, now + timedelta(seconds=5)) == 2
    sent = twilio.sent_to(f"whatsapp:{PHONE}")
    assert sent[-1]["body"] == "Uw brief is binnen." and sent[-1]["content_sid"] is None
