"""Messages that mean the same in every conversation, read before the model sees them.

A flag is not a sentence the model could classify ("🇹🇷" has no words), and the words
that start and end helper mode ("ik help iemand", "helper", "stop helper") are told to
helpers as commands: they must work whatever the model makes of them ("ik help iemand"
once came back as a request for a person, "helper" as a request for help), so all of
these become payloads here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable

from bot.i18n.detect import flag_language, is_unsure

HELPER_STOP = frozenset(
    {"stop helper", "helper stop", "stop helpermodus", "helpermodus stop", "helpermodus uit"}
)
HELPER_START = re.compile(
    r"^(helper|helpermodus|helper mode)$"
    r"|\bik help (iemand|een cli[eë]nt)\b"
    r"|\bi(\s*am|'m)? help(ing)? (someone|a client)\b"
)
CHOOSE_LANGUAGE = "/choose_language"


def set_language_payload(code: str) -> str:
    return "/set_language" + json.dumps({"language": code})


def command_for(text: str) -> str | None:
    """The payload a flag or a fixed command stands for, else None."""
    flag = flag_language(text)
    if flag:
        return set_language_payload(flag)
    words = " ".join(text.casefold().strip(" .!").split())
    if words in HELPER_STOP:
        return "/helper_stop"
    if HELPER_START.search(words):
        return "/helper_on_behalf"
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
