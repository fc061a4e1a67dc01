"""Rasa's NLG endpoint protocol: render a named response in the conversation's language.

Rasa posts ``{"response": name, "arguments": {...}, "tracker": {...}, "channel": {...}}``
for every message the bot sends, whether it comes from a rule, a form or a custom action.
We pick the Dutch source variation from the domain, translate it through the catalog of
the conversation's language and fill in ``{placeholders}`` from the arguments and slots.
"""

from __future__ import annotations

import logging
import random
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from bot.channels.numbered import NUMBERED_CHANNELS, with_options
from bot.i18n.catalog import translate
from bot.i18n.conversation import language_of_tracker
from bot.i18n.languages import direction, is_shipped
from bot.i18n.responses import Responses

logger = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"


def _has_rtl_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def fill(text: str, values: Mapping[str, Any], rtl: bool = False) -> str:
    """Replace ``{name}`` by its value; unknown names stay as they are (Rasa does the same).

    In right-to-left text a value such as "14 0521" or "T-2026-000123" would be shown
    with its parts swapped, so it is isolated as left-to-right.
    """

    def _value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            return match.group(0)
        value = "" if values[key] is None else str(values[key])
        if rtl and value and not _has_rtl_letters(value):
            return f"{LEFT_TO_RIGHT_ISOLATE}{value}{POP_ISOLATE}"
        return value

    return PLACEHOLDER.sub(_value, text)


def _matches(variation: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    """Rasa's conditional response variations: every slot condition must hold."""
    return all(
        values.get(condition["name"]) == condition["value"]
        for condition in variation.get("condition") or []
        if condition.get("type") == "slot"
    )


def _pick(
    variations: list[dict[str, Any]], channel: str | None, values: Mapping[str, Any]
) -> dict[str, Any]:
    eligible = [v for v in variations if _matches(v, values)]
    pool = [v for v in eligible if v.get("condition")] or [
        v for v in eligible if not v.get("condition")
    ]
    for_channel = [v for v in pool if v.get("channel") == channel]
    general = [v for v in pool if not v.get("channel")]
    return random.choice(for_channel or general or pool or variations)


def render_response(
    name: str, lang: str, values: Mapping[str, Any], responses: Responses, channel: str | None
) -> dict[str, Any]:
    variations = responses.get(name)
    if not variations:
        logger.error("no response %r in the domain", name)
        return {}
    variation = _pick(variations, channel, values)
    rtl = direction(lang) == "rtl"
    text = translate(lang, name, variation.get("text", ""))
    message: dict[str, Any] = {"text": fill(text, values, rtl)}
    if variation.get("buttons"):
        message["buttons"] = [
            {"title": fill(translate(lang, name, b["title"]), values, rtl), "payload": b["payload"]}
            for b in variation["buttons"]
        ]
        if channel in NUMBERED_CHANNELS:  # the buttons stay, so the channel remembers the menu
            message["text"] = with_options(message["text"], message["buttons"], lang)
    return message


def render(body: Mapping[str, Any], responses: Responses) -> dict[str, Any]:
    """Answer one NLG request."""
    tracker = body.get("tracker") or {}
    slots = tracker.get("slots") or {}
    arguments = body.get("arguments") or {}
    # An action that changes the language names it: the slot is applied after rendering.
    lang = arguments.get("language")
    if not is_shipped(lang):
        lang = language_of_tracker(slots, tracker.get("events") or [])
    values = {**slots, **arguments}
    channel = (body.get("channel") or {}).get("name")
    return render_response(body["response"], lang, values, responses, channel)
