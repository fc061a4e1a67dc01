"""Which language a conversation is in.

Derived, not stored separately, in this order:

1. Helper mode (``helper_language``): a helper chose the client's language, and the
   helper's own Dutch messages must not change it.
2. An explicit choice (the ``language`` slot, set by ``set_language``, the language menu
   or a flag): it stays until the user chooses again.
3. Detection: the first user message that clearly shows a language decides, and a later
   message that is clearly in another language (several words, high confidence) switches.

Dutch is the default because it is the source language and the municipality's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.i18n.detect import clear_switch, detect
from bot.i18n.languages import SOURCE, is_shipped


def detected_language(user_texts: Iterable[str]) -> str | None:
    language = None
    for text in user_texts:
        if text.startswith("/"):  # a button payload, not something the user wrote
            continue
        found = detect(text) if language is None else clear_switch(text)
        if is_shipped(found):
            language = found
    return language


def known_language(
    chosen: str | None, user_texts: Iterable[str], helper: str | None = None
) -> str | None:
    """The conversation's language, or None when nothing has shown it yet."""
    for explicit in (helper, chosen):
        if is_shipped(explicit):
            return explicit
    return detected_language(user_texts)


def conversation_language(
    chosen: str | None, user_texts: Iterable[str], helper: str | None = None
) -> str:
    return known_language(chosen, user_texts, helper) or SOURCE


def user_texts(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """What the user wrote, for every user message in a Rasa tracker's event list, oldest
    first. A channel that turned a reply word into an intent ("توقف" into ``/sms_stop``)
    keeps the user's own words in the metadata (``original_text``)."""
    return [
        (e.get("metadata") or {}).get("original_text") or e.get("text") or ""
        for e in events
        if e.get("event") == "user"
    ]


def known_language_of_tracker(
    slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]]
) -> str | None:
    return known_language(slots.get("language"), user_texts(events), slots.get("helper_language"))


def language_of_tracker(slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]]) -> str:
    return known_language_of_tracker(slots, events) or SOURCE
