"""Turn a Rasa tracker's events into a masked transcript for the consultant."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from bot.privacy.redact import mask


@dataclass(frozen=True)
class Line:
    direction: str  # client | bot
    text: str
    at: datetime


def transcript(events: Iterable[Mapping[str, Any]]) -> list[Line]:
    lines = []
    for event in events:
        kind = event.get("event")
        text = event.get("text")
        if kind not in ("user", "bot") or not text:
            continue
        if kind == "user" and text.startswith("/"):
            continue  # a button press; the bot's reply shows what was chosen
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), timezone.utc)
        lines.append(Line("client" if kind == "user" else "bot", mask(text), at))
    return lines
