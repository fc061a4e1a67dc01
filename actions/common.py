"""Small helpers shared by the actions."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.i18n.conversation import language_of_tracker

MISS_INTENTS = ("nlu_fallback", "out_of_scope", "empty_message")


def language(tracker: Tracker) -> str:
    return language_of_tracker(tracker.slots, tracker.events)


def trailing_misses(tracker: Tracker) -> int:
    """How many user messages in a row, up to now, the bot could not understand."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent not in MISS_INTENTS:
            break
        count += 1
    return count
