"""The Telegram Bot API stand-in answers the real ``python-telegram-bot`` client as Telegram
does, and its update builders give what ``telegram.Update.de_json`` accepts."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.request import HTTPXRequest

from tests.fakes.telegram_server import (
    BOT_USERNAME,
    DEFAULT_TOKEN,
    FakeTelegram,
    callback_update,
    edited_message_update,
    location_update,
    message_update,
    my_chat_member_blocked_update,
    photo_update,
    sticker_update,
)

CHAT = 31612345678


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def bot_for(fake: FakeTelegram, token: str = DEFAULT_TOKEN, **request: float) -> Bot:
    return Bot(token, base_url=fake.base_url, request=HTTPXRequest(**request) if request else None)


def raw(fake: FakeTelegram, path: str, body: bytes | None = None, **headers: str) -> tuple:
    request = urllib.request.Request(f"{fake.url}{path}", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


async def test_get_me(fake: FakeTelegram) -> None:
    async with bot_for(fake) as bot:
        me = await bot.get_me()
    assert me.is_bot and me.username == BOT_USERNAME and me.id == 123456
    assert fake.calls == [("getMe", {}), ("getMe", {})]  # the first from bot.initialize()


async def test_send_message_with_keyboard_is_recorded_and_echoed(fake: FakeTelegram) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Ja", callback_data="yes"),
                InlineKeyboardButton("Nee", callback_data="no"),
            ]
        ]
    )
    async with bot_for(fake) as bot:
        first = await bot.send_message(CHAT, "مرحبا! Heeft u een afspraak?", reply_markup=keyboard)
        second = await bot.send_message(CHAT, "123")
    assert first.text == "مرحبا! Heeft u een afspraak?"
    assert first.chat.id == CHAT and first.chat.type == "private"
    assert first.from_user.is_bot and first.from_user.username == BOT_USERNAME
    assert first.reply_markup == keyboard
    assert second.message_id == first.message_id + 1 and second.reply_markup is None
    [sent, plain] = fake.sent_messages(chat_id=str(CHAT))
    assert sent["chat_id"] == CHAT and sent["text"] == "مرحبا! Heeft u een afspraak?"
    assert sent["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Ja", "callback_data": "yes"}, {"text": "Nee", "callback_data": "no"}]
        ]
    }
    assert plain["text"] == "123"  # free text stays a string even when it reads as JSON
    assert fake.sent_messages(chat_id=999) == []


async def test_callback_answer_chat_action_edit_delete_and_commands(fake: FakeTelegram) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data="yes")]])
    async with bot_for(fake) as bot:
        assert await bot.answer_callback_query("4382bfdwdsb323b2d9", text="Dank u") is True
        assert await bot.send_chat_action(CHAT, "typing") is True
        sent = await bot.send_message(CHAT, "Kies", reply_markup=keyboard)
        edited = await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=None)
        assert edited.text == "Kies" and edited.reply_markup is None and edited.edit_date
        with pytest.raises(BadRequest, match="Message is not modified"):
            await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=None)
        assert await bot.delete_message(CHAT, sent.message_id) is True
        assert await bot.set_my_commands([("start", "Begin"), ("help", "Hulp")]) is True
    assert fake.calls_of("answerCallbackQuery") == [
        {"callback_query_id": "4382bfdwdsb323b2d9", "text": "Dank u"}
    ]
    assert fake.commands == [
        {"command": "start", "description": "Begin"},
        {"command": "help", "description": "Hulp"},
    ]


async def test_webhook_is_remembered(fake: FakeTelegram) -> None:
    fake.push_update(message_update(CHAT, "hallo"))
    async with bot_for(fake) as bot:
        assert await bot.set_webhook(
            "https://baken.example/telegram", secret_token="s3cret", allowed_updates=["message"]
        )
        info = await bot.get_webhook_info()
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook(drop_pending_updates=True)
        after = await bot.get_webhook_info()
    assert info.url == "https://baken.example/telegram"
    assert info.has_custom_certificate is False and info.pending_update_count == 1
    assert info.allowed_updates == ("message",)
    assert fake.calls_of("setWebhook")[0]["secret_token"] == "s3cret"
    assert after.url == "" and after.pending_update_count == 0
    assert fake.webhook is None


async def test_webhook_params_are_kept(fake: FakeTelegram) -> None:
    async with bot_for(fake) as bot:
        await bot.set_webhook(
            "https://baken.example/telegram", secret_token="s3cret", drop_pending_updates=True
        )
    assert fake.webhook == {
        "url": "https://baken.example/telegram",
        "secret_token": "s3cret",
        "drop_pending_updates": True,
    }


async def test_blocked_and_unknown_chats(fake: FakeTelegram) -> None:
    fake.block(CHAT)
    async with bot_for(fake) as bot:
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(CHAT, "Herinnering")
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(-1001234567890, "Herinnering")
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(0, "Herinnering")
        fake.add_chat(-1001234567890, title="Team")
        group = await bot.send_message(-1001234567890, "Herinnering")
    assert group.chat.type == "supergroup" and group.chat.title == "Team"
    assert [m["chat_id"] for m in fake.sent_messages()] == [-1001234567890]
    assert len(fake.calls_of("sendMessage")) == 4  # attempts are recorded, failures too


async def test_text_checks(fake: FakeTelegram) -> None:
    # PTB drops the "Bad Request: " prefix and capitalises what follows.
    async with bot_for(fake) as bot:
        with pytest.raises(BadRequest, match="Message text is empty"):
            await bot.send_message(CHAT, "   ")
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(CHAT, "a" * 4097)
        assert (await bot.send_message(CHAT, "a" * 4096)).text == "a" * 4096
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
            await bot.send_message(CHAT, "te lang", reply_markup=markup)


async def test_scripted_failures(fake: FakeTelegram) -> None:
    async with bot_for(fake) as bot:  # entering calls getMe, so script failures after it
        fake.fail_next(429, 500)
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(CHAT, "Herinnering")
        assert caught.value.retry_after == 1
        with pytest.raises(NetworkError, match=r"Internal Server Error \(500\)"):
            await bot.send_message(CHAT, "Herinnering")
        fake.fail_next(403, method="sendMessage")
        assert await bot.get_me()  # another method does not take it
        with pytest.raises(Forbidden):
            await bot.send_message(CHAT, "Herinnering")
        assert (await bot.send_message(CHAT, "Herinnering")).text == "Herinnering"
    assert len(fake.sent_messages(CHAT)) == 1


async def test_scripted_timeout(fake: FakeTelegram) -> None:
    async with bot_for(fake, read_timeout=0.5) as bot:
        fake.fail_next("timeout")
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT, "Herinnering")
        assert time.monotonic() - started < 5
        assert (await bot.send_message(CHAT, "Herinnering")).text == "Herinnering"


async def test_wrong_token_and_unknown_method(fake: FakeTelegram) -> None:
    with pytest.raises(InvalidToken, match="rejected by the server"):
        async with bot_for(fake, token="654321:WRONG"):
            pass
    assert raw(fake, "/bot654321:WRONG/getMe", b"") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    assert raw(fake, f"/bot{DEFAULT_TOKEN}/sendPigeon", b"") == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    assert fake.calls == []


def test_errors_on_the_wire(fake: FakeTelegram) -> None:
    send = f"/bot{DEFAULT_TOKEN}/sendMessage"
    fake.block(CHAT)
    assert raw(fake, f"{send}?chat_id={CHAT}&text=hoi", b"") == (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )
    assert raw(fake, f"{send}?chat_id=-42&text=hoi", b"") == (
        400,
        {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
    )
    assert raw(fake, f"{send}?chat_id=7&text=", b"")[1]["description"] == (
        "Bad Request: message text is empty"
    )
    fake.fail_next(429, 500)
    assert raw(fake, f"{send}?chat_id=7&text=hoi", b"") == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    )
    assert raw(fake, f"{send}?chat_id=7&text=hoi", b"") == (
        500,
        {"ok": False, "error_code": 500, "description": "Internal Server Error"},
    )


def test_json_body_and_query_string(fake: FakeTelegram) -> None:
    body = json.dumps(
        {
            "chat_id": CHAT,
            "text": "JSON",
            "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]},
        }
    ).encode()
    status, answer = raw(
        fake, f"/bot{DEFAULT_TOKEN}/sendMessage", body, **{"Content-Type": "application/json"}
    )
    assert status == 200 and answer["ok"] is True
    assert answer["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
    status, answer = raw(fake, f"/bot{DEFAULT_TOKEN}/sendMessage?chat_id={CHAT}&text=GET")
    assert status == 200 and answer["result"]["text"] == "GET"
    assert [m["text"] for m in fake.sent_messages(CHAT)] == ["JSON", "GET"]


async def test_multipart_certificate(fake: FakeTelegram) -> None:
    async with bot_for(fake) as bot:
        await bot.set_webhook("https://baken.example/tg", certificate=b"-----BEGIN CERT-----")
        info = await bot.get_webhook_info()
    assert info.has_custom_certificate is True
    assert fake.webhook["certificate"]["content"] == b"-----BEGIN CERT-----"


async def test_get_updates_long_polls_and_respects_offset(fake: FakeTelegram) -> None:
    async with bot_for(fake) as bot:
        started = time.monotonic()
        assert await bot.get_updates(timeout=10) == ()
        waited = time.monotonic() - started
        assert 1.5 < waited < 5  # waits, but at most 2 s

        pushed = fake.push_update(message_update(CHAT, "Ik heb een vraag", language_code="nl"))
        fake.push_update({"message": message_update(CHAT, "Nog een")["message"]})
        [first, second] = await bot.get_updates(timeout=1)
        assert isinstance(first, Update) and first.update_id == pushed["update_id"]
        assert first.effective_message.text == "Ik heb een vraag"
        assert first.effective_user.language_code == "nl"
        assert second.update_id > first.update_id

        [only] = await bot.get_updates(offset=first.update_id + 1, limit=5)
        assert only.update_id == second.update_id
        assert await bot.get_updates(offset=second.update_id + 1) == ()
        assert fake.updates == []  # confirmed

        fake.push_update(message_update(CHAT, "a"))
        fake.push_update(message_update(CHAT, "b"))
        [limited] = await bot.get_updates(limit=1)
        assert limited.message.text == "a"

    async with bot_for(fake) as bot:
        latest = fake.updates[-1]["update_id"]
        started = time.monotonic()
        waiting = bot.get_updates(offset=latest + 1, timeout=10)
        task = asyncio.ensure_future(waiting)
        await asyncio.sleep(0.3)
        fake.push_update(message_update(CHAT, "net binnen"))
        [arrived] = await task
        assert arrived.message.text == "net binnen"
        assert time.monotonic() - started < 1.5  # answered when it arrived


def test_builders_parse_as_updates() -> None:
    bot = Bot(DEFAULT_TOKEN)

    update = Update.de_json(message_update(CHAT, "/start welkom"), bot)
    assert update.effective_chat.id == CHAT and update.effective_chat.type == "private"
    assert update.effective_message.text == "/start welkom"
    assert (
        update.effective_user.first_name == "Amal" and update.effective_user.language_code == "ar"
    )
    assert update.effective_message.parse_entities(["bot_command"]).popitem()[1] == "/start"

    update = Update.de_json(
        message_update(
            CHAT, "سلام", update_id=77, first_name="Reza", language_code="fa", user_id=5
        ),
        bot,
    )
    assert update.update_id == 77 and update.effective_user.id == 5
    assert update.effective_user.language_code == "fa" and update.effective_chat.id == CHAT

    update = Update.de_json(callback_update(CHAT, "appointment:yes"), bot)
    assert update.callback_query.data == "appointment:yes"
    assert update.callback_query.from_user.id == CHAT
    assert update.callback_query.message.chat.id == CHAT
    assert update.effective_chat.id == CHAT
    assert update.effective_message.from_user.is_bot

    update = Update.de_json(callback_update(CHAT, "x", with_message=False), bot)
    assert update.callback_query.message is None and update.effective_chat is None
    assert update.callback_query.data == "x" and update.callback_query.chat_instance

    update = Update.de_json(edited_message_update(CHAT, "verbeterd", message_id=12), bot)
    assert update.edited_message.text == "verbeterd" and update.edited_message.message_id == 12
    assert update.effective_message is update.edited_message and update.message is None
    assert update.edited_message.edit_date > update.edited_message.date

    update = Update.de_json(sticker_update(CHAT), bot)
    assert update.effective_message.sticker.type == "regular"
    assert update.effective_message.text is None and update.effective_chat.id == CHAT

    update = Update.de_json(photo_update(CHAT, caption="mijn brief"), bot)
    assert len(update.effective_message.photo) == 3
    assert update.effective_message.photo[-1].width == 800
    assert (
        update.effective_message.caption == "mijn brief" and update.effective_message.text is None
    )

    update = Update.de_json(location_update(CHAT), bot)
    assert update.effective_message.location.latitude == pytest.approx(52.2551)
    assert update.effective_chat.id == CHAT

    update = Update.de_json(my_chat_member_blocked_update(CHAT), bot)
    assert update.my_chat_member.new_chat_member.status == "kicked"
    assert update.my_chat_member.old_chat_member.status == "member"
    assert update.my_chat_member.new_chat_member.user.username == BOT_USERNAME
    assert update.effective_chat.id == CHAT and update.effective_message is None

    group = Update.de_json(message_update(-1001234567890, "hoi", user_id=42), bot)
    assert group.effective_chat.type == "supergroup" and group.effective_user.id == 42


def test_builder_ids_grow() -> None:
    first, second = message_update(CHAT, "a"), sticker_update(CHAT)
    assert second["update_id"] > first["update_id"]
    assert second["message"]["message_id"] > first["message"]["message_id"]
