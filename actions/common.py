"""Small helpers shared by the actions."""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.handover.phone import to_e164
from bot.i18n.conversation import language_of_tracker
from bot.melding.parsing import looks_like_a_name, normalise_digits, words_of
from bot.municipality.postcode import find_by_postcode, find_postcode
from bot.municipality.registry import find_by_place, municipalities
from bot.nlu.training_examples import examples, languages

MISS_INTENTS = ("nlu_fallback", "out_of_scope", "empty_message")
OFFER_HANDOFF = "offer_handoff"
OTHER = "other"
# Channels where the sender id already is a phone number we can call back.
PHONE_CHANNELS = frozenset({"twilio_sms", "twilio_whatsapp"})


def phone_is_known(tracker: Tracker) -> bool:
    """No need to ask for a phone number on SMS and WhatsApp."""
    return tracker.get_latest_input_channel() in PHONE_CHANNELS


HELPER_SLOTS = ("helper_name", "helper_org", "client_consent", "helper_language")
WIJZIGING_SLOTS = ("change_type", "change_description", "change_date", "change_amount")
MINIMA_SLOTS = (
    "minima_household",
    "minima_age",
    "minima_partner_age",
    "minima_children_ages",
    "minima_income",
    "minima_assets",
    "minima_renting",
    "minima_co_residents",
    "minima_student",
    "minima_low_income_months",
    "minima_debts",
)


def language(tracker: Tracker) -> str:
    return language_of_tracker(tracker.slots, tracker.events)


# A FAQ answer is only given when the model is at least this sure of that one answer: the
# topic's own confidence, the `faq` intent's confidence times the topic's share of it. A
# wrong answer about rights and duties costs more than a second try, so the bar is above
# the FallbackClassifier's 0.7. Measured with the classifier trained on all nine languages
# (2026-12-05, docs/decisions.md): at 0.75 the out-of-scope benchmark files are answered as
# a FAQ topic 3.4% (CLINC), 2.0% (ar), 0.4% (en), 0.8% (nl), 0.2% (tr) of the time, against
# 5.3/2.8/1.4/1.2/0.4% with a gate of 0.5 on the topic's share alone and 5.7/2.8/1.4/1.2/1.0%
# with no gate; 69 of the 74 held-out FAQ questions are still answered (71 with either).
FAQ_MIN_CONFIDENCE = 0.75


def faq_confidence(parse_data: dict) -> float:
    """How sure the model is of the FAQ answer it chose, between 0 and 1."""
    intent = float((parse_data.get("intent") or {}).get("confidence") or 0.0)
    selector = (parse_data.get("response_selector") or {}).get("faq") or {}
    share = float((selector.get("response") or {}).get("confidence") or 0.0)
    return intent * share


def is_miss(parse_data: dict) -> bool:
    """Not understood: a fallback intent, or a knowledge question the model is unsure of."""
    intent = (parse_data.get("intent") or {}).get("name")
    if intent == "faq":
        return faq_confidence(parse_data) < FAQ_MIN_CONFIDENCE
    return intent in MISS_INTENTS


def trailing_misses(tracker: Tracker) -> int:
    """How many user messages in a row, up to now, the bot could not understand."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if not is_miss(event.get("parse_data") or {}):
            break
        count += 1
    return count


def read_municipality(value: Any) -> str | None:
    """A municipality id, ``"other"``, or ``None`` when the text names no place or
    postcode we know."""
    known = municipalities()
    text = str(value or "").strip()
    if text in known or text == OTHER:
        return text
    found = find_by_place(text, known)
    if found is None and (pc4 := find_postcode(text)) is not None:
        found = find_by_postcode(pc4, known)
    return found.id if found else None


def value_before_this_message(tracker: Tracker, slot: str) -> Any:
    """What ``slot`` held before the latest user message filled it."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


def kept_municipality(found: str | None, tracker: Tracker) -> dict[str, Any] | None:
    """When the model tagged a word as a place in the answer to another question
    ("alleen" to "Met wie woont u?"), the municipality given before, silently: it is not
    a new municipality, and nothing to complain about. Else None."""
    if found is None and tracker.get_slot("requested_slot") != "municipality":
        return {"municipality": value_before_this_message(tracker, "municipality")}
    return None


def validate_municipality_answer(
    value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """The ``municipality`` slot from a form answer (name, place or postcode)."""
    found = read_municipality(value)
    if (kept := kept_municipality(found, tracker)) is not None:
        return kept
    if found is None:
        dispatcher.utter_message(response="utter_municipality_unknown")
    confirm_postcode(value, found, dispatcher)
    return {"municipality": found}


def confirm_postcode(value: Any, found: str | None, dispatcher: CollectingDispatcher) -> None:
    """After an answer that was only a postcode, say which municipality we took it for,
    so a wrong area is noticed before the summary."""
    text = str(value or "")
    pc4 = find_postcode(text)
    if found in (None, OTHER) or pc4 is None or find_by_place(text, municipalities()):
        return
    dispatcher.utter_message(
        response="utter_municipality_from_postcode",
        postcode=str(pc4),
        municipality_name=municipalities()[found].name,
    )


def read_phone(value: Any) -> str | None:
    """E.164, from digits in any script."""
    return to_e164(normalise_digits(str(value or "")))


def helper_label(tracker: Tracker) -> str | None:
    """ "name (organisation)" of the helper acting for the client, if any."""
    if not tracker.get_slot("on_behalf"):
        return None
    return f"{tracker.get_slot('helper_name')} ({tracker.get_slot('helper_org')})"


def fallback_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """First miss: a hint to rephrase. Second miss in a row: offer a person."""
    if trailing_misses(tracker) >= 2:
        dispatcher.utter_message(response="utter_offer_handoff")
        return [SlotSet("last_menu", OFFER_HANDOFF)]
    intent = tracker.latest_message.get("intent", {}).get("name")
    response = {
        "out_of_scope": "utter_out_of_scope",
        "empty_message": "utter_empty_message",
    }.get(intent, "utter_rephrase")
    dispatcher.utter_message(response=response)
    return []


NAME_SLOTS = frozenset({"full_name", "helper_name"})


@cache
def example_words(intents: tuple[str, ...]) -> frozenset[str]:
    """Every word of the nine languages' examples of ``intents``."""
    return frozenset(
        word
        for lang in languages()
        for intent, lines in examples(lang).items()
        if intent in intents
        for line in lines
        for word in words_of(line)
    )


# A name contains no word of stopping, saying no or goodbye.
STOP_INTENTS = ("cancel", "deny", "goodbye")
# A one-word answer is no name either when it is a word of a request or a reply.
ONE_WORD_INTENTS = ("human_handoff", "set_language", "help", "affirm", "greet", "thank")


def answered_name(tracker: Tracker) -> dict[str, Any] | None:
    """The answer to a name question that the model took for something else: it has seen
    few names, and took "سارة أحمدي" for "stop" and "Faadumo Cali" for two languages."""
    slot = tracker.get_slot("requested_slot")
    text = " ".join((tracker.latest_message.get("text") or "").split())
    if slot in NAME_SLOTS and looks_like_a_name(
        text, example_words(STOP_INTENTS), example_words(ONE_WORD_INTENTS)
    ):
        return SlotSet(slot, text)
    return None


def form_goes_on_with_name(tracker: Tracker) -> list[dict[str, Any]] | None:
    """A name the model took for "stop" or "a person" answers the name question, and the
    form asks its next question; None when the message is not that."""
    name = answered_name(tracker)
    return [name, FollowupAction(tracker.active_loop_name)] if name else None
