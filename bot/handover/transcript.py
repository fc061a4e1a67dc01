"""Turn a Rasa tracker's events into a masked transcript for the consultant.

The bot's own messages also get their Dutch source text when the client saw another
language, so a consultant who does not read Arabic still knows what Baken said. It is
rendered again from the response name with the conversation's slots; when a value is
missing (an argument only the action knew), the Dutch line is left out rather than shown
with a gap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from bot.i18n.languages import SOURCE
from bot.i18n.nlg import placeholders, render_response
from bot.i18n.responses import domain_responses
from bot.privacy.redact import mask


@dataclass(frozen=True)
class Line:
    direction: str  # client | bot
    text: str
    at: datetime
    dutch: str | None = None  # the bot's Dutch source text, when the client saw another


def dutch_source(response: str | None, shown: str, slots: Mapping[str, Any]) -> str | None:
    if not response:
        return None
    rendered = render_response(response, SOURCE, slots, domain_responses(), None).get("text")
    if not rendered or rendered == shown or placeholders(rendered):
        return None
    return mask(rendered)


def transcript(
    events: Iterable[Mapping[str, Any]], slots: Mapping[str, Any] | None = None
) -> list[Line]:
    lines = []
    for event in events:
        kind = event.get("event")
        text = event.get("text")
        if kind not in ("user", "bot") or not text:
            continue
        if kind == "user" and text.startswith("/"):
            continue  # a button press; the bot's reply shows what was chosen
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), timezone.utc)
        if kind == "user":
            lines.append(Line("client", mask(text), at))
            continue
        response = (event.get("metadata") or {}).get("utter_action")
        lines.append(Line("bot", mask(text), at, dutch_source(response, text, slots or {})))
    return lines
