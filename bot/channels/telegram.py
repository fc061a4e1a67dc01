"""Telegram through python-telegram-bot: ``/webhooks/telegram/webhook``.

Rasa's own Telegram channel uses aiogram, trusts every request, calls ``getMe`` on each
message and crashes on a button press without a ``message`` (prior-art.md §0). This one:

- answers 403 unless ``X-Telegram-Bot-Api-Secret-Token`` is the secret set with the
  webhook (``python -m bot telegram-webhook set``), and passes nothing to the bot;
- parses with ``Update.de_json`` and sends with ``telegram.Bot``, no call per message
  beyond the answer itself;
- stores every update first; Telegram's ``update_id`` makes a redelivery a no-op;
- answers every callback query (Telegram shows a spinner until it is), also one without
  a ``message``; buttons become an inline keyboard;
- knows ``/start``, ``/taal`` (and ``/language``) and ``/stop``;
- answers a sticker, photo, voice note or location kindly, an edited message with a
  short note, and logs every other update type (a user who blocked the bot, ...): never
  a 500.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import unicodedata
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import Forbidden, RetryAfter, TelegramError

from bot import settings
from bot.channels.menus import option_for, save_menu
from bot.channels.pipeline import Arrival, receive, receive_notice, tracker_language
from bot.channels.split import split

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
MAX_TEXT = 4096
MAX_CALLBACK_BYTES = 64
SEND_ATTEMPTS = 3
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")

COMMANDS = {
    "start": "/greet",
    "taal": "/set_language",
    "language": "/set_language",
    "stop": "/cancel",
}
_COMMAND = re.compile(r"^/([A-Za-z_]+)(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)

RIGHT_TO_LEFT_MARK = "\u200f"


def command_text(text: str) -> str:
    """``/start`` → ``/greet``, ``/taal@baken_bot`` → ``/set_language``; other text as is."""
    match = _COMMAND.match(text.strip())
    if not match or match.group(1).lower() not in COMMANDS:
        return text
    return COMMANDS[match.group(1).lower()]


def _first_strong(line: str) -> str | None:
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return kind
    return None


def right_to_left(text: str) -> str:
    """Telegram sets each line's direction from its first strong letter. An Arabic line
    that starts with a number or a Latin word ("14 0570 ...", "Baken ...") would be shown
    left-to-right, so such lines get a right-to-left mark first."""
    letters = [unicodedata.bidirectional(ch) for ch in text if ch.isalpha()]
    if not letters or sum(k in ("R", "AL") for k in letters) * 2 < len(letters):
        return text
    lines = text.split("\n")
    return "\n".join(
        RIGHT_TO_LEFT_MARK + line if line.strip() and _first_strong(line) == "L" else line
        for line in lines
    )


def callback_data(payload: str, index: int) -> str:
    """Telegram allows 64 bytes; a longer payload is looked up in the stored menu."""
    return payload if len(payload.encode()) <= MAX_CALLBACK_BYTES else f"#{index}"


def media_types(message: Message) -> tuple[str, ...]:
    kinds = []
    if message.photo:
        kinds.append("image/jpeg")
    for name in ("document", "voice", "audio", "video", "video_note", "animation"):
        item = getattr(message, name, None)
        if item is not None:
            kinds.append(getattr(item, "mime_type", None) or name)
    if message.sticker:
        kinds.append("sticker")
    if message.location or message.venue:
        kinds.append("location")
    if message.contact:
        kinds.append("contact")
    return tuple(kinds)


@lru_cache(maxsize=4)
def make_bot(token: str, base_url: str) -> Bot:
    return Bot(token, base_url=base_url)


class TelegramOutput(OutputChannel):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def _send(self, chat_id: str, text: str, markup: InlineKeyboardMarkup | None) -> None:
        parts = split(right_to_left(text), lambda part: len(part) <= MAX_TEXT) or [""]
        for number, part in enumerate(parts, start=1):
            last = number == len(parts)
            await self._send_one(chat_id, part, markup if last else None)

    async def _send_one(self, chat_id: str, text: str, markup: InlineKeyboardMarkup | None) -> None:
        for attempt in range(1, SEND_ATTEMPTS + 1):
            try:
                await self.bot.send_message(chat_id=int(chat_id), text=text, reply_markup=markup)
                return
            except Forbidden as error:  # the user blocked the bot: nothing to do
                logger.info("telegram chat %s cannot be reached: %s", chat_id, error.message)
                return
            except RetryAfter as error:
                wait = float(getattr(error.retry_after, "total_seconds", lambda: 0)() or 0)
                wait = wait or float(error.retry_after)  # an int in older releases
            except TelegramError as error:
                if "Bad Request" in str(error):  # will not get better by trying again
                    logger.error("telegram refused a message to %s: %s", chat_id, error)
                    return
                wait = 0.5 * 2 ** (attempt - 1)
            if attempt < SEND_ATTEMPTS:
                await asyncio.sleep(min(wait, 5))
        logger.error("giving up on a telegram message to %s", chat_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, text, None)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await asyncio.to_thread(save_menu, recipient_id, buttons)
        keyboard = [
            [InlineKeyboardButton(b["title"], callback_data=callback_data(b["payload"], i))]
            for i, b in enumerate(buttons, start=1)
        ]
        await self._send(recipient_id, text, InlineKeyboardMarkup(keyboard))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send(recipient_id, image, None)


class TelegramInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()  # secrets come from the environment (bot.settings), not the yml

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("baken_telegram", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def post(request: Request) -> HTTPResponse:
            config = settings.load().telegram
            if config is None:
                logger.error("telegram: TELEGRAM_BOT_TOKEN/TELEGRAM_SECRET_TOKEN are not set")
                return response.text("not configured", status=403)
            token = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(token.encode(), config.secret.encode()):
                logger.warning("telegram: request without the right secret token")
                return response.text("forbidden", status=403)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.text("body too large", status=413)
            bot = make_bot(config.token, config.base_url)
            try:
                data = json.loads(request.body)
                if not isinstance(data, dict):
                    raise TypeError("the body is not a JSON object")
                update = Update.de_json(data, bot)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                return response.json({"error": f"not a Telegram update: {error}"}, status=400)
            if update is None:
                return response.json({"error": "empty update"}, status=400)
            try:
                await self._handle(update, bot, request, on_new_message)
            except Exception:  # Telegram retries a 5xx for hours: log it, answer 200
                logger.exception("telegram update %s failed", update.update_id)
            return response.json({"ok": True})

        return webhook

    async def _handle(
        self,
        update: Update,
        bot: Bot,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        output = TelegramOutput(bot)
        provider_id = f"tg-{update.update_id}"
        if update.callback_query:
            query = update.callback_query
            try:  # without an answer the user sees a spinner on the button
                await query.answer()
            except TelegramError as error:
                logger.info("could not answer callback %s: %s", query.id, error)
            chat = query.message.chat.id if query.message else query.from_user.id
            sender = str(chat)
            data = query.data or ""
            if data.startswith("#"):
                data = await asyncio.to_thread(option_for, sender, data) or ""
            arrival = Arrival(self.name(), sender, data, provider_id=provider_id)
        elif update.message and update.effective_chat:
            message = update.message
            sender = str(update.effective_chat.id)
            text = command_text(message.text or message.caption or "")
            arrival = Arrival(
                self.name(), sender, text, provider_id=provider_id, media=media_types(message)
            )
        elif update.edited_message and update.effective_chat:
            sender = str(update.effective_chat.id)
            edited = update.edited_message.text or ""
            arrival = Arrival(self.name(), sender, edited, provider_id=provider_id)
            await receive_notice(
                arrival, output, "utter_edited_message", self._language(request, sender)
            )
            return
        else:
            member = update.my_chat_member
            if member is not None:
                logger.info(
                    "telegram chat %s: bot is now %s", member.chat.id, member.new_chat_member.status
                )
            else:
                logger.info("telegram update %s of a kind Baken ignores", update.update_id)
            return
        await receive(arrival, output, on_new_message, self._language(request, arrival.sender))

    @staticmethod
    def _language(request: Request, sender: str) -> Callable[[], Awaitable[str | None]]:
        return lambda: tracker_language(request.app, sender)
