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
from bot.i18n.languages import SHIPPED, SOURCE, direction, is_shipped
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


# Shown in every shipped language at once, one line each: the reader may not read the
# language the bot guessed ("Welke taal? / Which language? / أي لغة؟ ...").
MULTILINGUAL = frozenset({"utter_ask_language"})
# Helper mode: the client's language first, then this line, then the Dutch.
DUTCH_BELOW = "— Nederlands —"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
_LANGUAGE_PAYLOAD = re.compile(r'^/set_language\{"language":\s*"(\w+)"\}$')


def _offered(button: Mapping[str, Any]) -> bool:
    """A button that chooses a language is only shown when that language is shipped."""
    match = _LANGUAGE_PAYLOAD.match(button.get("payload", ""))
    return match is None or is_shipped(match.group(1))


def _in_every_language(name: str, source: str, separator: str = "\n") -> str:
    lines: list[str] = []
    for lang in SHIPPED:
        line = translate(lang, name, source)
        if direction(lang) == "rtl":  # its own paragraph direction inside a left-to-right list
            line = f"{RIGHT_TO_LEFT_ISOLATE}{line}{POP_ISOLATE}"
        if line not in lines:
            lines.append(line)
    return separator.join(lines)


def render_response(
    name: str,
    lang: str,
    values: Mapping[str, Any],
    responses: Responses,
    channel: str | None,
    dutch_below: bool = False,
) -> dict[str, Any]:
    """One message: ``lang`` alone, or with ``dutch_below`` the same message in Dutch under
    it (helper mode), with each button titled in both."""
    variations = responses.get(name)
    if not variations:
        logger.error("no response %r in the domain", name)
        return {}
    variation = _pick(variations, channel, values)
    dutch_below = dutch_below and lang != SOURCE

    def in_language(source: str, code: str) -> str:
        return fill(translate(code, name, source), values, direction(code) == "rtl")

    source = variation.get("text", "")
    if name in MULTILINGUAL:
        # a question without placeholders; on SMS its short variation, on one line
        text = _in_every_language(name, source, " / " if channel == "twilio_sms" else "\n")
    elif dutch_below:
        text = f"{in_language(source, lang)}\n\n{DUTCH_BELOW}\n{in_language(source, SOURCE)}"
    else:
        text = in_language(source, lang)
    message: dict[str, Any] = {"text": text}
    buttons = [b for b in variation.get("buttons") or [] if _offered(b)]
    if buttons:
        message["buttons"] = []
        for button in buttons:
            title = in_language(button["title"], lang)
            dutch = in_language(button["title"], SOURCE)
            if dutch_below and dutch != title:
                title = f"{title} / {dutch}"
            message["buttons"].append({"title": title, "payload": button["payload"]})
        if channel in NUMBERED_CHANNELS:  # the buttons stay, so the channel remembers the menu
            option_language = None if name in MULTILINGUAL else lang
            message["text"] = with_options(message["text"], message["buttons"], option_language)
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
    helper_mode = is_shipped(slots.get("helper_language"))
    return render_response(body["response"], lang, values, responses, channel, helper_mode)
