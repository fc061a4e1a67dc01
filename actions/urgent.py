"""Emergencies: no money for food, eviction or cut-off (broodnood), and crisis.

Both create an urgent ticket first and tell the client what to do now; a crisis also
pauses any form (its answers stay in the slots, so nothing is lost).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language
from bot.handover.summary import handoff_summary
from bot.handover.transcript import transcript
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.tickets import NewTicket, create_ticket

logger = logging.getLogger(__name__)
UNKNOWN_MUNICIPALITY = "onbekend"


def urgent_phone(municipality_id: str | None) -> str:
    """The number to call now: the municipality's, or every served municipality's."""
    known = municipalities()
    if municipality_id in known:
        municipality = known[municipality_id]
        return municipality.contact_point(municipality.melding.urgent_contact_point).phone or ""
    return ", ".join(
        f"{m.contact_point(m.melding.urgent_contact_point).phone} ({m.name})"
        for m in known.values()
    )


async def urgent_ticket(tracker: Tracker, kind: str) -> str | None:
    """Create an urgent ticket; ``None`` if the database fails (the client still gets help)."""
    municipality = tracker.get_slot("municipality")
    lang = language(tracker)
    channel = tracker.get_latest_input_channel() or "rest"
    new = NewTicket(
        kind=kind,
        queue="spoed",
        municipality=municipality if municipality in municipalities() else UNKNOWN_MUNICIPALITY,
        language=lang,
        summary=f"SPOED ({kind}). " + handoff_summary(tracker.events, lang, channel),
        sla_due_at=datetime.now(timezone.utc),
        conversation_id=tracker.sender_id,
        channel=channel,
        priority="urgent",
    )

    def _store() -> str:
        with session_scope() as session:
            return create_ticket(session, new, transcript(tracker.events, tracker.slots)).reference

    try:
        return await asyncio.to_thread(_store)
    except Exception:
        logger.exception("could not store an urgent ticket for %s", tracker.sender_id)
        return None


async def broodnood_help(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    reference = await urgent_ticket(tracker, "broodnood")
    dispatcher.utter_message(
        response="utter_urgent_broodnood",
        phone=urgent_phone(tracker.get_slot("municipality")),
        ticket_ref=reference or "-",
    )


async def crisis_help(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    dispatcher.utter_message(response="utter_urgent_crisis")  # first, before anything can fail
    reference = await urgent_ticket(tracker, "crisis")
    if reference:
        dispatcher.utter_message(response="utter_urgent_crisis_ticket", ticket_ref=reference)


class ActionUrgentHelp(Action):
    def name(self) -> str:
        return "action_urgent_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        await broodnood_help(dispatcher, tracker)
        return [SlotSet("emergency", True)]


class ActionCrisisHelp(Action):
    def name(self) -> str:
        return "action_crisis_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        await crisis_help(dispatcher, tracker)
        if tracker.active_loop_name:
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        return []
