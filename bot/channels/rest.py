"""The REST channel (``POST /webhooks/rest/webhook``), used by the web chat.

Rasa's own REST channel passes whatever arrives straight to the bot: a malformed body
gives an unhelpful error, control characters reach the NLU and nothing is stored when
processing fails. This one checks the body, answers 400 with a reason a developer can
act on, cleans and stores the message first, and always answers the user kindly.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.pipeline import Arrival, receive, tracker_language

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
        async def post(request: Request) -> HTTPResponse:
            try:
                sender, message, metadata = parse_body(request.body or b"")
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)

            collector = CollectingOutputChannel()
            arrival = Arrival(self.name(), sender, message, metadata=metadata or {})
            await receive(
                arrival, collector, on_new_message, lambda: tracker_language(request.app, sender)
            )
            return response.json(collector.messages)

        return webhook
