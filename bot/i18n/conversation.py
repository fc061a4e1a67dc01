"""Which language a conversation is in.

Derived, not stored separately: an explicit choice (the ``language`` slot, set by
``set_language``) wins; otherwise the first user message that clearly shows a language
decides, so the language stays the same for the whole conversation. Dutch is the
default because it is the source language and the municipality's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.i18n.detect import detect
from bot.i18n.languages import SOURCE, is_shipped


def conversation_language(chosen: str | None, user_texts: Iterable[str]) -> str:
    if is_shipped(chosen):
        return chosen  # type: ignore[return-value]
    for text in user_texts:
        if text.startswith("/"):  # a button payload, not something the user wrote
            continue
        found = detect(text)
        if is_shipped(found):
            return found  # type: ignore[return-value]
    return SOURCE


def user_texts(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """What the user wrote, for every user message in a Rasa tracker's event list, oldest
    first. A channel that turned a reply word into an intent ("توقف" into ``/sms_stop``)
    keeps the user's own words in the metadata (``original_text``)."""
    return [
        (e.get("metadata") or {}).get("original_text") or e.get("text") or ""
        for e in events
        if e.get("event") == "user"
    ]


def language_of_tracker(slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]]) -> str:
    return conversation_language(slots.get("language"), user_texts(events))
