"""Messages that mean the same in every conversation, read before the model sees them.

A flag is not a sentence the model could classify ("🇹🇷" has no words), and "stop helper"
must work whatever language the conversation is in, so both become payloads here.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from bot.i18n.detect import flag_language, is_unsure

HELPER_STOP = frozenset(
    {"stop helper", "helper stop", "stop helpermodus", "helpermodus stop", "helpermodus uit"}
)
CHOOSE_LANGUAGE = "/choose_language"


def set_language_payload(code: str) -> str:
    return "/set_language" + json.dumps({"language": code})


def command_for(text: str) -> str | None:
    """The payload a flag or a fixed command stands for, else None."""
    flag = flag_language(text)
    if flag:
        return set_language_payload(flag)
    if " ".join(text.casefold().strip(" .!").split()) in HELPER_STOP:
        return "/helper_stop"
    return None


async def ask_language_first(
    text: str, known_language: Callable[[], Awaitable[str | None]]
) -> bool:
    """A first message with words whose language is unclear ("salam", "سلام"): ask
    which language before answering in the wrong one. ``known_language`` reads the
    tracker, so it is only called for an unclear message."""
    if text.startswith("/") or not is_unsure(text):
        return False
    return await known_language() is None
