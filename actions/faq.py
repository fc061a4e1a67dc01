"""Answers from the knowledge base (the ``faq`` retrieval intent), their source, a
follow-up, and "did this help?" once per topic."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import fallback_reply, is_miss, language, read_municipality
from bot.i18n.responses import domain_responses
from bot.knowledge.sources import public_source, source_for
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.models import FaqVote

logger = logging.getLogger(__name__)
FAQ_FEEDBACK = "faq_feedback"


def topic_of(tracker: Tracker) -> str | None:
    """The topic the response selector chose for the latest message (``faq/<topic>``)."""
    selector = tracker.latest_message.get("response_selector") or {}
    key = (selector.get("faq") or selector.get("default") or {}).get("response", {})
    intent_response_key = key.get("intent_response_key") or ""
    return intent_response_key.split("/", 1)[1] if "/" in intent_response_key else None


def differs_per_municipality(topic: str) -> bool:
    variations = domain_responses().get(f"utter_faq/{topic}", [])
    return any(v.get("condition") for v in variations)


def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, topic: str, municipality: str | None
) -> list[dict]:
    """The answer for the client's municipality, the "meer weten?" offer, and feedback.

    The municipality is passed to the NLG as an argument: slots set by this action are
    applied only after its messages are rendered."""
    dispatcher.utter_message(response=f"utter_faq/{topic}", municipality=municipality)
    events: list[dict] = [SlotSet("last_faq", topic), SlotSet("pending_faq", None)]
    if differs_per_municipality(topic) and municipality not in municipalities():
        # The answer itself ends with "In welke gemeente woont u?"; add the choices.
        dispatcher.utter_message(response="utter_choose_municipality")
        return [*events, SlotSet("pending_faq", topic)]
    if f"utter_faq_more/{topic}" in domain_responses():
        dispatcher.utter_message(response="utter_faq_more_offer")
    asked = list(tracker.get_slot("faq_feedback_asked") or [])
    if topic not in asked:
        dispatcher.utter_message(response="utter_faq_feedback")
        events += [
            SlotSet("faq_feedback_asked", [*asked, topic]),
            SlotSet("last_menu", FAQ_FEEDBACK),
        ]
    return events


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        topic = topic_of(tracker)
        if (
            topic is None
            or f"utter_faq/{topic}" not in domain_responses()
            or is_miss(tracker.latest_message)
        ):
            # Unsure which question this is: a wrong answer costs more than none.
            return fallback_reply(dispatcher, tracker)
        return answer(dispatcher, tracker, topic, tracker.get_slot("municipality"))


class ActionAfterMunicipality(Action):
    """Someone names their municipality: finish the answer that was waiting for it."""

    def name(self) -> str:
        return "action_after_municipality"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        found = read_municipality(next(tracker.get_latest_entity_values("municipality"), None))
        pending = tracker.get_slot("pending_faq")
        if pending and found and found != "other":
            return [SlotSet("municipality", found), *answer(dispatcher, tracker, pending, found)]
        if found == "other":
            dispatcher.utter_message(response="utter_municipality_not_served")
            return [SlotSet("municipality", found), SlotSet("pending_faq", None)]
        dispatcher.utter_message(response="utter_how_else")
        return []


class ActionFaqMore(Action):
    def name(self) -> str:
        return "action_faq_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        topic = tracker.get_slot("last_faq")
        if topic and f"utter_faq_more/{topic}" in domain_responses():
            municipality = tracker.get_slot("municipality")
            dispatcher.utter_message(response=f"utter_faq_more/{topic}", municipality=municipality)
        else:
            dispatcher.utter_message(response="utter_how_else")
        return []


class ActionFaqSource(Action):
    """ "Waar staat dat?": the source of the last answer."""

    def name(self) -> str:
        return "action_faq_source"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        topic = tracker.get_slot("last_faq")
        raw = topic and source_for(f"utter_faq/{topic}", tracker.get_slot("municipality"))
        source = raw and public_source(raw)
        if source:
            dispatcher.utter_message(response="utter_faq_source", source=source)
        else:
            dispatcher.utter_message(response="utter_faq_source_unknown")
        return []


async def record_vote(tracker: Tracker, helped: bool) -> None:
    vote = FaqVote(
        topic=tracker.get_slot("last_faq") or "onbekend",
        language=language(tracker),
        municipality=tracker.get_slot("municipality"),
        helped=helped,
    )

    def _store() -> None:
        with session_scope() as session:
            session.add(vote)

    try:
        await asyncio.to_thread(_store)
    except Exception:  # a lost vote must not spoil the conversation
        logger.exception("could not store a faq vote")
