"""Language choice, not understanding, and a bare yes or no."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import OFFER_HANDOFF, answered_name, fallback_reply
from actions.faq import FAQ_FEEDBACK, record_vote
from actions.helper import remember_helper_mode
from bot.i18n.languages import code_for_name, is_shipped, language_named_in
from bot.melding.triage import urgency


class ActionSetLanguage(Action):
    def name(self) -> str:
        return "action_set_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        name = next(tracker.get_latest_entity_values("language"), None)
        text = tracker.latest_message.get("text") or ""
        # The synonyms miss inflected or accented names ("англійською", "İngilizce"), and
        # the model may tag part of a name or a word next to it.
        code = (code_for_name(name) if name else None) or language_named_in(text)
        if name is None and code is None:
            dispatcher.utter_message(response="utter_ask_language")
            return []
        if code is None or not is_shipped(code):
            name_answer = answered_name(tracker)  # "Faadumo Cali" tagged as two languages
            if name_answer:
                return [name_answer]  # the form goes on to its next question
            dispatcher.utter_message(response="utter_language_unavailable")
            return []
        # The reply is rendered before the slot is applied, so name the language here.
        dispatcher.utter_message(response="utter_language_set", language=code)
        if is_shipped(tracker.get_slot("helper_language")):  # the client's language changes
            await remember_helper_mode(tracker, code)
            return [SlotSet("helper_language", code)]
        return [SlotSet("language", code)]


class ActionHandleFallback(Action):
    """First miss: a hint to rephrase. Second miss in a row: offer a person.

    Unless the message names a crisis: one worded in a way the model never saw ("ik wil
    voor de trein springen" came out as out_of_scope in a cross-validation) gets the
    crisis answer, from the same keyword net the forms use. Not for broodnood words:
    "ik heb honger, welk restaurant is open" is no emergency, and an urgent ticket costs a
    consultant's time; the model knows broodnood well enough."""

    def name(self) -> str:
        return "action_handle_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if urgency(tracker.latest_message.get("text") or "") == "crisis":
            return [FollowupAction("action_crisis_help")]
        return fallback_reply(dispatcher, tracker)


class ActionYesNo(Action):
    """A yes or no only means something after a question; otherwise ask what they need."""

    def name(self) -> str:
        return "action_yes_no"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        menu = tracker.get_slot("last_menu")
        if menu == OFFER_HANDOFF and intent == "affirm":
            return [SlotSet("last_menu", None), FollowupAction("handoff_form")]
        if menu == FAQ_FEEDBACK:
            await record_vote(tracker, helped=intent == "affirm")
            response = "utter_faq_vote_thanks" if intent == "affirm" else "utter_faq_not_helped"
            dispatcher.utter_message(response=response)
            return [SlotSet("last_menu", None)]
        dispatcher.utter_message(response="utter_how_else")
        return [SlotSet("last_menu", None)]
