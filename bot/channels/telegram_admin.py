"""Operator commands for Telegram: register the webhook, or poll without a public URL.

``python -m bot telegram-webhook set`` tells Telegram where the rasa server listens
(``BAKEN_WEBHOOK_URL``) and which secret to send along; the channel refuses any request
without it. ``python -m bot telegram-poll`` is for a developer's laptop: it fetches
updates with ``getUpdates`` and posts each one to the local rasa server's webhook, so the
same code handles them as in production.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram import Bot, BotCommand
from telegram.error import TelegramError

from bot.channels.telegram import ALLOWED_UPDATES
from bot.settings import TelegramSettings

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/telegram/webhook"
COMMANDS = [
    BotCommand("start", "Begin / Start / ابدأ"),
    BotCommand("taal", "Andere taal / Language / اللغة"),
    BotCommand("stop", "Stoppen / Stop / توقف"),
]


def _bot(config: TelegramSettings) -> Bot:
    return Bot(config.token, base_url=config.base_url)


async def set_webhook(config: TelegramSettings, public_url: str) -> str:
    url = f"{public_url.rstrip('/')}{WEBHOOK_PATH}"
    async with _bot(config) as bot:
        await bot.set_webhook(
            url=url, secret_token=config.secret, allowed_updates=list(ALLOWED_UPDATES)
        )
        await bot.set_my_commands(COMMANDS)
    return url


async def delete_webhook(config: TelegramSettings) -> None:
    async with _bot(config) as bot:
        await bot.delete_webhook()


async def webhook_info(config: TelegramSettings) -> dict:
    async with _bot(config) as bot:
        return (await bot.get_webhook_info()).to_dict()


async def poll(
    config: TelegramSettings,
    rasa_url: str,
    rounds: int | None = None,
    timeout: int = 30,
) -> int:
    """Forward updates to the rasa server until stopped (or for ``rounds`` fetches).
    Returns how many updates were forwarded."""
    forwarded, offset, done = 0, None, 0
    webhook = f"{rasa_url.rstrip('/')}{WEBHOOK_PATH}"
    headers = {"X-Telegram-Bot-Api-Secret-Token": config.secret}
    async with _bot(config) as bot, httpx.AsyncClient(timeout=120) as client:
        await bot.delete_webhook()  # Telegram refuses getUpdates while a webhook is set
        while rounds is None or done < rounds:
            done += 1
            try:
                updates = await bot.get_updates(
                    offset=offset, timeout=timeout, allowed_updates=list(ALLOWED_UPDATES)
                )
            except TelegramError as error:
                logger.warning("getUpdates failed (%s); trying again", error)
                await asyncio.sleep(2)
                continue
            for update in updates:
                try:
                    reply = await client.post(webhook, json=update.to_dict(), headers=headers)
                    reply.raise_for_status()
                except httpx.HTTPError as error:  # rasa is down: fetch this update again
                    logger.warning("rasa did not take update %s: %s", update.update_id, error)
                    await asyncio.sleep(2)
                    break
                offset = update.update_id + 1
                forwarded += 1
    return forwarded
