"""Sending outbox messages (a consultant's live messages) to Telegram chats with
python-telegram-bot, from the synchronous worker."""

from __future__ import annotations

import asyncio
from datetime import datetime

from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.reminders.senders import Outgoing, PermanentError, TemporaryError


class TelegramSender:
    def __init__(self, token: str, base_url: str) -> None:
        self.token, self.base_url = token, base_url

    async def _send(self, message: Outgoing) -> str:
        async with Bot(self.token, base_url=self.base_url) as bot:
            sent = await bot.send_message(chat_id=int(message.to), text=message.body)
        return f"tg-{sent.chat_id}-{sent.message_id}"

    def send(self, message: Outgoing) -> str:
        try:
            return asyncio.run(self._send(message))
        except (Forbidden, BadRequest) as error:  # blocked the bot, chat gone: will not improve
            raise PermanentError(f"Telegram: {error.message}") from error
        except (RetryAfter, TelegramError) as error:
            raise TemporaryError(f"Telegram: {error}") from error

    def already_sent(self, message: Outgoing, since: datetime) -> str | None:
        return None  # the Bot API cannot list sent messages; a rare duplicate is possible
