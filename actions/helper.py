"""A helper (Vluchtelingenwerk, sociaal raadslieden, family) acting for a client."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import HELPER_SLOTS
from bot.melding.yes_no import parse_yes_no


class ValidateHelperForm(FormValidationAction):
    def name(self) -> str:
        return "validate_helper_form"

    def validate_helper_name(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = " ".join(str(value or "").split())
        if sum(ch.isalpha() for ch in text) < 2 or len(text) > 100:
            dispatcher.utter_message(response="utter_invalid_full_name")
            return {"helper_name": None}
        return {"helper_name": text}

    def validate_helper_org(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = " ".join(str(value or "").split())
        return {"helper_org": text[:100] if len(text) >= 2 else None}

    def validate_client_consent(self, value: Any, dispatcher, tracker, domain) -> dict:
        answer = value if isinstance(value, bool) else parse_yes_no(str(value or ""))
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_yes_no")
        return {"client_consent": answer}


class ActionHelperReady(Action):
    """With the client's consent the conversation is about the client, in the third person."""

    def name(self) -> str:
        return "action_helper_ready"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("client_consent"):
            dispatcher.utter_message(response="utter_helper_ready", on_behalf=True)
            return [SlotSet("on_behalf", True)]
        dispatcher.utter_message(response="utter_helper_no_consent")
        return [SlotSet(slot, None) for slot in HELPER_SLOTS]
