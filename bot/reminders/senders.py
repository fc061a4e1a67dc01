"""Where an outbox message goes. Without Twilio credentials: a local log file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Outgoing:
    channel: str  # sms | whatsapp
    to: str  # E.164
    body: str
    idempotency_key: str
    # WhatsApp: the approved template to use outside the 24-hour window
    template: dict[str, Any] | None = None
    in_session: bool = False  # WhatsApp: the client wrote in the last 24 hours


class TemporaryError(Exception):
    """Try again later (a provider 5xx, 429, a timeout)."""


class PermanentError(Exception):
    """Trying again will not help (a wrong number, a refused message)."""


class Sender(Protocol):
    def send(self, message: Outgoing) -> str:
        """Send and return the provider's message id; raise on failure."""

    def already_sent(self, message: Outgoing, since: datetime) -> str | None:
        """The provider id if this message was already sent since ``since``."""


class LogSender:
    """Appends each message as one JSON line, so a developer sees what would be sent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def send(self, message: Outgoing) -> str:
        record = {
            "at": datetime.now(timezone.utc).isoformat(),
            "channel": message.channel,
            "to": message.to,
            "body": message.body,
            "key": message.idempotency_key,
        }
        with self.path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return f"log-{message.idempotency_key}"

    def already_sent(self, message: Outgoing, since: datetime) -> str | None:
        if not self.path.exists():
            return None
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if json.loads(line).get("key") == message.idempotency_key:
                return f"log-{message.idempotency_key}"
        return None


class ChannelSender:
    """Each outbox channel to its own sender (SMS and WhatsApp: Twilio, telegram: the Bot
    API); a channel without one falls back to ``default`` (the log file)."""

    def __init__(self, by_channel: dict[str, Sender], default: Sender) -> None:
        self.by_channel, self.default = by_channel, default

    def _for(self, message: Outgoing) -> Sender:
        return self.by_channel.get(message.channel, self.default)

    def send(self, message: Outgoing) -> str:
        return self._for(message).send(message)

    def already_sent(self, message: Outgoing, since: datetime) -> str | None:
        return self._for(message).already_sent(message, since)
