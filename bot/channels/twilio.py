"""SMS and WhatsApp through Twilio: ``/webhooks/twilio_sms/webhook`` and
``/webhooks/twilio_whatsapp/webhook``.

Rasa's own Twilio channel trusts every request, crashes on a WhatsApp photo without text
and blocks the event loop while it sends (prior-art.md §0). These channels:

- answer 403 to a request without a valid ``X-Twilio-Signature`` (checked with the twilio
  package's ``RequestValidator`` against the public URL Twilio called, ``BAKEN_WEBHOOK_URL``
  behind a proxy) or for another Twilio account, and pass nothing to the bot;
- store every message first (``bot.channels.inbound``); Twilio's ``MessageSid`` makes a
  retried webhook a no-op;
- turn a photo or voice note without text into ``/media_received``;
- use the sender's number in E.164 as the conversation id, for SMS and WhatsApp alike, so
  a reminder reply, an SMS chat and a WhatsApp chat are one person and one conversation;
- send through Twilio's async client, retrying a 5xx or 429, split to fit an SMS, and
  remember numbered menus (``bot.channels.menus``).
"""

from __future__ import annotations

import asyncio
import logging
import urllib.parse
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from bot import settings
from bot.channels.menus import save_menu
from bot.channels.pipeline import Arrival, receive, tracker_language
from bot.channels.split import fits_sms, fits_whatsapp, split
from bot.handover.phone import to_e164

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
SEND_ATTEMPTS = 3
WHATSAPP_PREFIX = "whatsapp:"


def public_url(request: Request, base: str | None) -> str:
    """The URL Twilio requested, as Twilio saw it (it signs exactly this string)."""
    if not base:
        return request.url
    query = f"?{request.query_string}" if request.query_string else ""
    return f"{base.rstrip('/')}{request.path}{query}"


def twilio_form(body: bytes) -> dict[str, str]:
    """The posted fields, empty ones included: Twilio signs ``Body=`` of a photo without
    text too (Sanic's ``request.form`` drops blank values)."""
    pairs = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    form: dict[str, str] = {}
    for key, value in pairs:
        form.setdefault(key, value)
    return form


def media_types(form: dict[str, str]) -> tuple[str, ...]:
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError:
        count = 0
    return tuple(form.get(f"MediaContentType{i}") or "onbekend" for i in range(min(count, 10)))


def conversation_id(address: str) -> tuple[str, str | None]:
    """``(sender id, E.164 phone)`` from ``+316...`` or ``whatsapp:+316...``."""
    number = address.removeprefix(WHATSAPP_PREFIX)
    phone = to_e164(number) if number.startswith("+") else None
    return phone or number, phone


class TwilioOutput(OutputChannel):
    """Sends the bot's messages back through the Twilio REST API, without blocking."""

    whatsapp = False

    def __init__(self, client: Client, origin: str) -> None:
        self.client, self.origin = client, origin
        self.menu_set = self.menu_cleared = False

    def _address(self, recipient_id: str) -> str:
        return f"{WHATSAPP_PREFIX}{recipient_id}" if self.whatsapp else recipient_id

    async def _create(self, to: str, body: str) -> None:
        for attempt in range(1, SEND_ATTEMPTS + 1):
            try:
                await self.client.messages.create_async(to=to, from_=self.origin, body=body)
                return
            except TwilioRestException as error:
                if error.status < 500 and error.status != 429:
                    logger.error("Twilio refused a message: %s %s", error.status, error.msg)
                    return
                reason = f"Twilio {error.status}"
            except Exception as error:  # connection errors and timeouts
                reason = f"{type(error).__name__}: {error}"
            if attempt == SEND_ATTEMPTS:
                logger.error("giving up on a message after %d tries: %s", attempt, reason)
                return
            await asyncio.sleep(0.5 * 2 ** (attempt - 1))

    async def _remember(self, recipient_id: str, buttons: Sequence[dict[str, Any]]) -> None:
        await asyncio.to_thread(save_menu, recipient_id, buttons)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        # Plain text after a menu (in an earlier turn) means the menu no longer applies.
        if not self.menu_set and not self.menu_cleared:
            self.menu_cleared = True
            await self._remember(recipient_id, [])
        await self._send(recipient_id, text)

    async def _send(self, recipient_id: str, text: str) -> None:
        fits = fits_whatsapp if self.whatsapp else fits_sms
        for part in split(text, fits):
            await self._create(self._address(recipient_id), part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """The NLG endpoint already wrote the options as "Stuur 1 voor …" in the text."""
        self.menu_set = True
        await self._remember(recipient_id, buttons)
        await self._send(recipient_id, text)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send(recipient_id, image)

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self._send(recipient_id, attachment)


class TwilioSmsOutput(TwilioOutput):
    @classmethod
    def name(cls) -> str:
        return "twilio_sms"


class TwilioWhatsAppOutput(TwilioOutput):
    whatsapp = True

    @classmethod
    def name(cls) -> str:
        return "twilio_whatsapp"


class _TwilioInput(InputChannel):
    output_class: type[TwilioOutput] = TwilioSmsOutput

    @classmethod
    def name(cls) -> str:
        return cls.output_class.name()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()  # secrets come from the environment (bot.settings), not the yml

    def _client(self, config: settings.Settings) -> Client:
        twilio = config.twilio
        assert twilio is not None
        http = AsyncTwilioHttpClient(pool_connections=False, timeout=10)
        client = Client(twilio.account_sid, twilio.auth_token, http_client=http)
        if twilio.api_url:  # a local stand-in in tests
            client.api.base_url = twilio.api_url
        return client

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"baken_{self.name()}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def post(request: Request) -> HTTPResponse:
            config = settings.load()
            if config.twilio is None:
                logger.error("%s: TWILIO_* is not set, so no request can be verified", self.name())
                return response.text("not configured", status=403)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.text("body too large", status=413)
            form = twilio_form(request.body or b"")
            url = public_url(request, config.webhook_url)
            signature = request.headers.get("X-Twilio-Signature", "")
            validator = RequestValidator(config.twilio.auth_token)
            if not signature or not validator.validate(url, form, signature):
                logger.warning("%s: request with a missing or wrong signature", self.name())
                return response.text("invalid signature", status=403)
            if form.get("AccountSid") != config.twilio.account_sid:
                return response.text("unknown account", status=403)
            sender, phone = conversation_id(form.get("From", ""))
            if not sender:
                return response.text("no From", status=400)
            output = self.output_class(self._client(config), form.get("To", ""))
            arrival = Arrival(
                self.name(),
                sender,
                form.get("Body") or "",
                provider_id=form.get("MessageSid") or None,
                phone=phone,
                media=media_types(form),
            )
            await receive(
                arrival, output, on_new_message, lambda: tracker_language(request.app, sender)
            )
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook


class TwilioSmsInput(_TwilioInput):
    output_class = TwilioSmsOutput


class TwilioWhatsAppInput(_TwilioInput):
    output_class = TwilioWhatsAppOutput
