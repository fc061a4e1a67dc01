"""A helper (Vluchtelingenwerk, sociaal raadslieden, family) acting for a client.

Helper mode: the helper picks the language the client reads; every message then shows
that language first and the Dutch under it (bot/i18n/nlg.py), until "stop helper".
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import HELPER_SLOTS
from bot.i18n.languages import is_shipped
from bot.melding.yes_no import parse_yes_no
from bot.store import helper_mode
from bot.store.db import session_scope

logger = logging.getLogger(__name__)


async def remember_helper_mode(tracker: Tracker, language: str | None) -> None:
    """On the contact, for the desk. The conversation goes on if this fails."""
    channel = tracker.get_latest_input_channel() or "rest"

    def _store() -> None:
        with session_scope() as session:
            helper_mode.record(session, channel, tracker.sender_id, language)

    try:
        await asyncio.to_thread(_store)
    except Exception:
        logger.exception("could not store helper mode for %s", tracker.sender_id)


class ValidateHelperForm(FormValidationAction):
    def name(self) -> str:
        return "validate_helper_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("client_consent") is False:  # the form ends; nothing to show
            return [slot for slot in domain_slots if slot != "helper_language"]
        return list(domain_slots)

    def validate_helper_language(self, value: Any, dispatcher, tracker, domain) -> dict:
        return {"helper_language": value if is_shipped(value) else None}

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
            await remember_helper_mode(tracker, tracker.get_slot("helper_language"))
            dispatcher.utter_message(response="utter_helper_ready", on_behalf=True)
            return [SlotSet("on_behalf", True)]
        dispatcher.utter_message(response="utter_helper_no_consent")
        return [SlotSet(slot, None) for slot in HELPER_SLOTS]


class ActionHelperStop(Action):
    """ "stop helper": one language again, the client's, and questions to the client."""

    def name(self) -> str:
        return "action_helper_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        client_language = tracker.get_slot("helper_language")
        await remember_helper_mode(tracker, None)
        dispatcher.utter_message(response="utter_helper_mode_off")  # still in both languages
        events = [SlotSet("helper_language", None), SlotSet("on_behalf", False)]
        if is_shipped(client_language):
            events.append(SlotSet("language", client_language))
        return events
