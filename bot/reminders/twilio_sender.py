"""Sending SMS through Twilio with the real ``twilio`` client.

Twilio's answer decides what the worker does: a 4xx (a wrong number, a blocked
destination) will not get better and is ``PermanentError``; a 5xx, 429 or a timeout is
``TemporaryError`` and is retried with backoff. Before a message whose worker died
mid-send is sent again, ``already_sent`` asks Twilio whether it went out, so a crash does
not make a client get the same SMS twice.
"""

from __future__ import annotations

import json
import urllib.parse
from datetime import datetime, timedelta

from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from bot.reminders.senders import Outgoing, PermanentError, TemporaryError
from bot.reminders.whatsapp_templates import WhatsAppTemplates


class TwilioSender:
    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        sender: str,
        status_callback: str | None = None,
        api_url: str | None = None,
        timeout: float = 10.0,
        whatsapp_sender: str | None = None,
        templates: WhatsAppTemplates | None = None,
    ) -> None:
        self.client = Client(account_sid, auth_token, http_client=TwilioHttpClient(timeout=timeout))
        if api_url:  # a local stand-in in tests and benchmarks
            self.client.api.base_url = api_url
        self.sender = sender
        self.status_callback = status_callback
        self.whatsapp_sender = whatsapp_sender
        self.templates = templates or WhatsAppTemplates({})

    def _origin(self) -> dict[str, str]:
        if self.sender.startswith("MG"):
            return {"messaging_service_sid": self.sender}
        return {"from_": self.sender}

    def _whatsapp(self, message: Outgoing) -> dict[str, str]:
        """Free text inside WhatsApp's 24-hour window, else the approved template (Twilio
        refuses a free-form body there: error 63016), else the same text by SMS to the
        same number: a consultant's answer days later must still reach the client."""
        if not self.whatsapp_sender:
            raise PermanentError("TWILIO_WHATSAPP_FROM is not set")
        fields = {"to": f"whatsapp:{message.to}", "from_": self.whatsapp_sender}
        if message.in_session:
            return {**fields, "body": message.body}
        template = message.template or {}
        sid = self.templates.sid(template.get("name", ""), template.get("language", ""))
        if sid is None:
            return self._sms(message)
        variables = json.dumps(template.get("variables") or {}, ensure_ascii=False)
        return {**fields, "content_sid": sid, "content_variables": variables}

    def _fields(self, message: Outgoing) -> dict[str, str]:
        if message.channel == "whatsapp":
            return self._whatsapp(message)
        return self._sms(message)

    def _sms(self, message: Outgoing) -> dict[str, str]:
        return {"to": message.to, "body": message.body, **self._origin()}

    def send(self, message: Outgoing) -> str:
        extra = {}
        if self.status_callback:  # the key lets a callback that beats our own update find the row
            query = urllib.parse.urlencode({"key": message.idempotency_key})
            extra["status_callback"] = f"{self.status_callback}?{query}"
        try:
            created = self.client.messages.create(**self._fields(message), **extra)
        except TwilioRestException as error:
            reason = f"Twilio {error.status} ({error.code}): {error.msg}"
            if error.status == 429 or error.status >= 500:
                raise TemporaryError(reason) from error
            raise PermanentError(reason) from error
        except Exception as error:  # timeouts and connection errors: try again later
            raise TemporaryError(f"{type(error).__name__}: {error}") from error
        return created.sid

    def already_sent(self, message: Outgoing, since: datetime) -> str | None:
        """The SID of a message with this text to this number since ``since``, if any.

        A WhatsApp template's text is rendered by Twilio, so there any message to the
        address since the interrupted attempt counts: Baken sends no other proactive ones."""
        fields = self._fields(message)
        try:
            found = self.client.messages.list(
                to=fields["to"], date_sent_after=since - timedelta(minutes=1), limit=50
            )
        except Exception as error:
            raise TemporaryError(f"could not check earlier sends: {error}") from error
        if "content_sid" in fields:
            return found[0].sid if found else None
        return next((m.sid for m in found if m.body == message.body), None)
