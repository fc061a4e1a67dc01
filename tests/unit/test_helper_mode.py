"""Helper mode in the actions: the client's language is kept on the conversation and the
contact, set_language changes it, "stop helper" ends it in the client's language."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionSetLanguage
from actions.helper import ActionHelperReady, ActionHelperStop, ValidateHelperForm
from bot.store import helper_mode
from bot.store.db import session_scope

pytestmark = pytest.mark.usefixtures("database_url")


def tracker(slots: dict, entities: list | None = None) -> Tracker:
    latest = {"intent": {"name": "set_language"}, "entities": entities or [], "text": "x"}
    events = [{"event": "user", "text": "hallo", "input_channel": "rest"}]
    return Tracker("helper-1", slots, latest, events, False, None, {}, "rest")


def slot_events(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def stored() -> str | None:
    with session_scope() as session:
        return helper_mode.language_of(session, "helper-1")


async def test_with_consent_the_clients_language_is_stored_for_the_desk() -> None:
    slots = {"client_consent": True, "helper_language": "so"}
    dispatcher = CollectingDispatcher()
    events = await ActionHelperReady().run(dispatcher, tracker(slots), {})
    assert slot_events(events) == {"on_behalf": True}
    assert dispatcher.messages[0]["response"] == "utter_helper_ready"
    assert stored() == "so"


async def test_set_language_in_helper_mode_changes_the_clients_language() -> None:
    slots = {"helper_language": "so"}
    t = tracker(slots, [{"entity": "language", "value": "ti"}])
    events = await ActionSetLanguage().run(CollectingDispatcher(), t, {})
    assert slot_events(events) == {"helper_language": "ti"}
    assert stored() == "ti"


async def test_stop_helper_ends_the_mode_and_keeps_the_clients_language() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionHelperStop().run(dispatcher, tracker({"helper_language": "fa"}), {})
    assert dispatcher.messages[0]["response"] == "utter_helper_mode_off"
    assert slot_events(events) == {"helper_language": None, "on_behalf": False, "language": "fa"}
    assert stored() is None


async def test_without_consent_the_language_is_not_asked() -> None:
    form = ValidateHelperForm()
    slots = ["helper_name", "helper_org", "client_consent", "helper_language"]
    refused = await form.required_slots(
        slots, CollectingDispatcher(), tracker({"client_consent": False}), {}
    )
    assert "helper_language" not in refused
    agreed = await form.required_slots(
        slots, CollectingDispatcher(), tracker({"client_consent": True}), {}
    )
    assert agreed == slots
    assert form.validate_helper_language("xx", None, None, None) == {"helper_language": None}
    assert form.validate_helper_language("ti", None, None, None) == {"helper_language": "ti"}
