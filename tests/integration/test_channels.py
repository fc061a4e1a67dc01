"""SMS, WhatsApp and Telegram end to end: a webhook as Twilio or Telegram sends it → the
rasa server with our channels → the action server → the answer as it arrives at the
local stand-in of Twilio's or Telegram's API."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import uuid
from datetime import datetime, timezone

import httpx
import pytest
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot.i18n.languages import ENDONYMS, LAUNCH
from bot.store import live_chat
from bot.store.db import session_scope
from bot.store.models import Ticket
from tests.fakes import telegram_server as tg
from tests.integration.conftest import TELEGRAM_SECRET, TWILIO_NUMBER, Stack

ARABIC = re.compile(r"[\u0600-\u06FF]")
pytestmark = pytest.mark.usefixtures("fakes")


def new_phone() -> str:
    return f"+3161{random.randint(1_000_000, 9_999_999)}"


class Phone:
    """One client texting the stack over SMS or WhatsApp, as Twilio posts it."""

    def __init__(self, stack: Stack, whatsapp: bool = False) -> None:
        self.stack, self.whatsapp = stack, whatsapp
        self.number = new_phone()
        self.channel = "twilio_whatsapp" if whatsapp else "twilio_sms"
        self.url = f"{stack.rasa_url}/webhooks/{self.channel}/webhook"

    @property
    def address(self) -> str:
        return f"whatsapp:{self.number}" if self.whatsapp else self.number

    def form(self, body: str, **extra: str) -> dict[str, str]:
        origin = f"whatsapp:{TWILIO_NUMBER}" if self.whatsapp else TWILIO_NUMBER
        return {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": self.stack.fakes.twilio.account_sid,
            "From": self.address,
            "To": origin,
            "Body": body,
            "NumMedia": "0",
            **extra,
        }

    def post(self, form: dict[str, str], signature: str | None = None) -> httpx.Response:
        validator = RequestValidator(self.stack.fakes.twilio.auth_token)
        signature = validator.compute_signature(self.url, form) if signature is None else signature
        return httpx.post(
            self.url, data=form, headers={"X-Twilio-Signature": signature}, timeout=60
        )

    def received(self) -> list[str]:
        return [m["body"] for m in self.stack.fakes.twilio.sent_to(self.address)]

    def __call__(self, body: str, **extra: str) -> str:
        """Send ``body``; everything the client received in answer, as one text."""
        before = len(self.received())
        reply = self.post(self.form(body, **extra))
        assert reply.status_code == 200, reply.text
        assert reply.headers["content-type"].startswith("text/xml")
        return "\n".join(self.received()[before:])


def stored(stack: Stack, sender: str) -> list[tuple]:
    return stack.sql(
        "SELECT channel, text, status FROM inbound_message WHERE sender = :s ORDER BY id", s=sender
    )


@pytest.fixture(scope="module")
def sqlite_stack(stacks) -> Stack:
    return stacks.get("sqlite")


def test_sms_end_to_end_with_a_numbered_menu(stack: Stack) -> None:
    phone = Phone(stack)
    greeting = phone("hallo")
    assert "Ik ben Baken" in greeting
    assert "Stuur 1 voor Bijstand aanvragen" in greeting
    assert "Stuur 3 voor Regelingen voor een laag inkomen" in greeting
    # "1" picks the first option of that menu: the melding starts
    assert "belangrijke vraag" in phone("1")
    assert stack.fakes.twilio.sent_to(phone.number)[0]["from"] == TWILIO_NUMBER
    assert [row[:1] for row in stored(stack, phone.number)] == [("twilio_sms",)] * 2
    contact = stack.sql(
        "SELECT phone_e164 FROM contact WHERE channel = 'twilio_sms' AND channel_user_id = :p",
        p=phone.number,
    )
    assert contact == [(phone.number,)]


def test_sms_in_arabic_and_emoji(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack)
    answer = phone("مرحبا")
    assert ARABIC.search(answer) and "أرسل 1" in answer
    assert phone("👍😊")  # an answer, not a crash


def test_a_forged_or_missing_signature_is_refused_and_nothing_is_stored(
    sqlite_stack: Stack,
) -> None:
    phone = Phone(sqlite_stack)
    form = phone.form("hallo")
    assert phone.post(form, signature="").status_code == 403
    assert phone.post(form, signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    tampered = {**phone.form("hallo"), "Body": "ander bericht"}
    signature = RequestValidator(sqlite_stack.fakes.twilio.auth_token).compute_signature(
        phone.url, phone.form("hallo")
    )
    assert phone.post(tampered, signature=signature).status_code == 403
    other = RequestValidator("another-accounts-token")
    assert phone.post(form, signature=other.compute_signature(phone.url, form)).status_code == 403
    wrong_account = {**phone.form("hallo"), "AccountSid": "AC" + "9" * 32}
    assert phone.post(wrong_account).status_code == 403
    assert stored(sqlite_stack, phone.number) == []
    assert phone.received() == []


def test_a_replayed_webhook_is_answered_once(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack)
    form = phone.form("hallo")
    assert phone.post(form).status_code == 200
    answers = len(phone.received())
    assert phone.post(form).status_code == 200  # Twilio retried the same MessageSid
    assert len(phone.received()) == answers and len(stored(sqlite_stack, phone.number)) == 1


def test_an_oversized_body_is_refused(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack)
    assert phone.post(phone.form("x" * 70_000)).status_code == 413
    chat = TelegramChat(sqlite_stack)
    assert chat.post(tg.message_update(chat.chat_id, "x" * 300_000)).status_code == 413


def test_a_twilio_server_error_is_retried_and_the_answer_arrives(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack)
    sqlite_stack.fakes.twilio.fail_next(500, 503)
    assert "Ik ben Baken" in phone("hallo")


def test_telegram_flood_control_is_waited_out(sqlite_stack: Stack) -> None:
    chat = TelegramChat(sqlite_stack)
    sqlite_stack.fakes.telegram.fail_next(429, method="sendMessage")
    assert "Ik ben Baken" in all_text(chat.say("hallo"))


def test_whatsapp_photo_without_text_gets_a_kind_answer_in_the_users_language(
    sqlite_stack: Stack,
) -> None:
    phone = Phone(sqlite_stack, whatsapp=True)
    assert ARABIC.search(phone("السلام عليكم"))
    photo = {"NumMedia": "1", "MediaContentType0": "image/jpeg", "MediaUrl0": "https://x/1"}
    answer = phone("", **photo)
    assert ARABIC.search(answer) and "وثائق" in answer
    sent = sqlite_stack.fakes.twilio.sent_to(phone.address)
    assert sent[-1]["from"] == f"whatsapp:{TWILIO_NUMBER}"  # back through WhatsApp
    assert stored(sqlite_stack, phone.number)[-1] == ("twilio_whatsapp", "[image/jpeg]", "answered")
    voice = {"NumMedia": "1", "MediaContentType0": "audio/ogg", "MediaUrl0": "https://x/2"}
    dutch = Phone(sqlite_stack, whatsapp=True)
    assert "spraakberichten" in dutch("", **voice)


def test_media_is_noted_on_the_ticket_when_a_person_is_involved(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack, whatsapp=True)
    phone("ik wil met een medewerker praten")
    # WhatsApp knows the number, so the municipality is the only question
    assert re.search(r"T-\d{4}-\d{6}", phone("Deventer"))
    tickets = sqlite_stack.sql("SELECT id FROM ticket WHERE conversation_id = :c", c=phone.number)
    phone("", NumMedia="1", MediaContentType0="application/pdf", MediaUrl0="https://x/3")
    notes = sqlite_stack.sql(
        "SELECT text FROM ticket_message WHERE ticket_id = :t AND text LIKE '%bijlage%'",
        t=tickets[0][0],
    )
    assert notes and "application/pdf" in notes[0][0]


def test_the_rate_limit_warns_once_and_stores_everything(sqlite_stack: Stack) -> None:
    phone = Phone(sqlite_stack)
    for number in range(20):
        phone(f"hallo {number}")
    answered = len(phone.received())
    warning = phone("nog een bericht")
    assert "veel berichten" in warning
    assert phone("en nog een") == ""  # stored, not answered
    assert len(phone.received()) == answered + 1
    statuses = [row[2] for row in stored(sqlite_stack, phone.number)]
    assert statuses.count("rate_limited") == 2 and len(statuses) == 22


# --- Telegram ---------------------------------------------------------------------------


class TelegramChat:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.chat_id = random.randint(100_000_000, 999_999_999)
        self.url = f"{stack.rasa_url}/webhooks/telegram/webhook"

    def post(self, update: dict, secret: str = TELEGRAM_SECRET) -> httpx.Response:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        return httpx.post(self.url, json=update, headers=headers, timeout=60)

    def sent(self) -> list[dict]:
        return self.stack.fakes.telegram.sent_messages(self.chat_id)

    def __call__(self, update: dict) -> list[dict]:
        before = len(self.sent())
        reply = self.post(update)
        assert reply.status_code == 200, reply.text
        return self.sent()[before:]

    def say(self, text: str) -> list[dict]:
        return self(tg.message_update(self.chat_id, text))


def all_text(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def buttons(messages: list[dict]) -> list[dict]:
    markup = messages[-1].get("reply_markup") or {}
    return [row[0] for row in markup.get("inline_keyboard", [])]


def test_telegram_end_to_end_with_inline_buttons(stack: Stack) -> None:
    chat = TelegramChat(stack)
    greeting = chat.say("/start")
    assert "Ik ben Baken" in all_text(greeting)
    keyboard = buttons(greeting)
    assert keyboard[0] == {"text": "Bijstand aanvragen", "callback_data": "/melding_bijstand"}
    answers = stack.fakes.telegram.calls_of("answerCallbackQuery")
    pressed = chat(tg.callback_update(chat.chat_id, keyboard[0]["callback_data"]))
    assert "belangrijke vraag" in all_text(pressed)
    assert len(stack.fakes.telegram.calls_of("answerCallbackQuery")) == len(answers) + 1


def test_telegram_button_without_a_message_and_the_language_command(
    sqlite_stack: Stack,
) -> None:
    chat = TelegramChat(sqlite_stack)
    chat.say("hallo")
    languages = chat.say("/taal")
    assert [b["text"] for b in buttons(languages)] == [ENDONYMS[code] for code in LAUNCH]
    arabic = next(b for b in buttons(languages) if b["text"] == "العربية")
    switched = chat(tg.callback_update(chat.chat_id, arabic["callback_data"], with_message=False))
    assert ARABIC.search(all_text(switched))
    # right-to-left lines that start with a Latin word get a right-to-left mark
    for line in all_text(chat.say("مرحبا")).split("\n"):
        if line.strip() and re.match(r"[A-Za-z]", line):
            pytest.fail(f"line shown left-to-right: {line!r}")


def test_telegram_updates_the_bot_cannot_read(sqlite_stack: Stack) -> None:
    chat = TelegramChat(sqlite_stack)
    assert "foto's" in all_text(chat(tg.sticker_update(chat.chat_id)))
    assert "foto's" in all_text(chat(tg.photo_update(chat.chat_id)))
    edited = chat(tg.edited_message_update(chat.chat_id, "ik bedoelde iets anders", message_id=5))
    assert "aangepast" in all_text(edited)
    assert chat(tg.my_chat_member_blocked_update(chat.chat_id)) == []
    poll = {
        "id": "1",
        "question": "?",
        "options": [{"text": "ja", "voter_count": 1}],
        "total_voter_count": 1,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
    }
    odd = {"update_id": random.randint(1, 10**9), "poll": poll}
    assert chat.post(odd).status_code == 200


def test_telegram_refuses_a_wrong_secret_and_survives_a_blocked_user(
    sqlite_stack: Stack,
) -> None:
    chat = TelegramChat(sqlite_stack)
    update = tg.message_update(chat.chat_id, "hallo")
    assert chat.post(update, secret="").status_code == 403
    assert chat.post(update, secret="guess").status_code == 403
    assert stored(sqlite_stack, str(chat.chat_id)) == [] and chat.sent() == []
    assert chat.post(update).status_code == 200
    assert chat.post(update).status_code == 200  # redelivered: stored and answered once
    assert len(stored(sqlite_stack, str(chat.chat_id))) == 1
    sqlite_stack.fakes.telegram.block(chat.chat_id)
    assert chat.post(tg.message_update(chat.chat_id, "hallo?")).status_code == 200


def test_telegram_garbage_is_a_400(sqlite_stack: Stack) -> None:
    url = f"{sqlite_stack.rasa_url}/webhooks/telegram/webhook"
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert httpx.post(url, content=b"{not json", headers=headers).status_code == 400
    assert httpx.post(url, content=json.dumps([1]), headers=headers).status_code == 400


def test_operator_registers_the_webhook_with_its_secret(sqlite_stack: Stack) -> None:
    env = {**sqlite_stack.env, "BAKEN_WEBHOOK_URL": "https://baken.example.nl"}
    run = subprocess.run(
        [sys.executable, "-m", "bot", "telegram-webhook", "set"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    webhook = sqlite_stack.fakes.telegram.webhook
    assert webhook["url"] == "https://baken.example.nl/webhooks/telegram/webhook"
    assert webhook["secret_token"] == TELEGRAM_SECRET
    assert "callback_query" in webhook["allowed_updates"]
    assert {c["command"] for c in sqlite_stack.fakes.telegram.commands} == {"start", "taal", "stop"}


def test_polling_passes_updates_to_the_bot_for_local_development(sqlite_stack: Stack) -> None:
    chat = TelegramChat(sqlite_stack)
    sqlite_stack.fakes.telegram.push_update(tg.message_update(chat.chat_id, "hallo"))
    env = {**sqlite_stack.env, "RASA_URL": sqlite_stack.rasa_url}
    run = subprocess.run(
        [sys.executable, "-m", "bot", "telegram-poll", "--rounds", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Ik ben Baken" in all_text(chat.sent())
    assert sqlite_stack.fakes.telegram.webhook is None  # polling needs the webhook removed


def test_during_a_takeover_sms_goes_to_the_consultant_not_the_bot(
    sqlite_stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = Phone(sqlite_stack)
    phone("ik wil met een medewerker praten")
    assert re.search(r"T-\d{4}-\d{6}", phone("Deventer"))
    monkeypatch.setenv("DATABASE_URL", sqlite_stack.database_url)
    now = datetime.now(timezone.utc)
    with session_scope() as session:
        ticket = session.execute(
            select(Ticket).where(Ticket.conversation_id == phone.number)
        ).scalar_one()
        live_chat.start(session, ticket, "anna", "Anna", now)
    assert phone("1") == ""  # not a menu choice, not a reminder reply: for Anna
    assert phone("STOP") == ""  # Anna reads it; the opt-out itself is recorded at once
    assert phone("hallo") == ""
    client_lines = sqlite_stack.sql(
        "SELECT m.text FROM ticket_message m JOIN ticket t ON t.id = m.ticket_id "
        "WHERE t.conversation_id = :c AND m.direction = 'client' ORDER BY m.id",
        c=phone.number,
    )
    assert [line for (line,) in client_lines][-3:] == ["1", "STOP", "hallo"]
    opted_out = sqlite_stack.sql(
        "SELECT sms_opt_out FROM contact WHERE phone_e164 = :p AND channel = 'twilio_sms'",
        p=phone.number,
    )
    assert opted_out == [(True,)]
    with session_scope() as session:
        live_chat.end(session, phone.number)
    assert "Ik ben Baken" in phone("hallo")
