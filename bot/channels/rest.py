"""The REST channel (``POST /webhooks/rest/webhook``), used by the web chat.

Rasa's own REST channel passes whatever arrives straight to the bot: a malformed body
gives an unhelpful error, control characters reach the NLU and nothing is stored when
processing fails. This one checks the body, answers 400 with a reason a developer can
act on, cleans and stores the message first, and always answers the user kindly.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.appointments.replies import route_inbound
from bot.channels.inbound import clean, mark_inbound, store_inbound
from bot.i18n.detect import detect
from bot.i18n.languages import SOURCE, is_shipped
from bot.i18n.nlg import render_response
from bot.i18n.responses import domain_responses

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_SENDER_CHARS = 128


class BadRequest(Exception):
    pass


def parse_body(raw: bytes) -> tuple[str, str, dict[str, Any] | None]:
    """``(sender, message, metadata)`` from a request body, or ``BadRequest`` saying why."""
    if len(raw) > MAX_BODY_BYTES:
        raise BadRequest(f"body is larger than {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest(f"body is not valid JSON: {error}") from error
    if not isinstance(body, dict):
        raise BadRequest('body must be a JSON object like {"sender": "...", "message": "..."}')
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest("'sender' must be a non-empty string")
    if len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f"'sender' is longer than {MAX_SENDER_CHARS} characters")
    if not isinstance(message, str):
        raise BadRequest("'message' must be a string")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest("'metadata' must be an object")
    return sender.strip(), message, metadata


def notice(response: str, text: str) -> dict[str, Any]:
    """A message from the channel itself, in the language the user wrote."""
    lang = detect(text)
    lang = lang if is_shipped(lang) else SOURCE
    return render_response(response, lang, {}, domain_responses(), "rest")


class RestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("baken_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, message, metadata = parse_body(request.body or b"")
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)

            cleaned = clean(message)
            stored_id = await asyncio.to_thread(store_inbound, self.name(), sender, cleaned)
            collector = CollectingOutputChannel()
            try:
                text = await asyncio.to_thread(route_inbound, self.name(), sender, cleaned.text)
                if text != cleaned.text:  # the user's own words stay, for their language
                    metadata = {**(metadata or {}), "original_text": cleaned.text}
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except Exception as error:  # the user still gets an answer
                logger.exception("processing message %s failed", stored_id)
                await asyncio.to_thread(mark_inbound, stored_id, "failed", repr(error))
                return response.json([notice("utter_default", cleaned.text)])
            await asyncio.to_thread(mark_inbound, stored_id, "answered")
            if cleaned.found_bsn:  # masked before anything was stored; say it is not needed
                collector.messages.append(notice("utter_bsn_not_needed", cleaned.text))
            return response.json(collector.messages)

        return webhook
