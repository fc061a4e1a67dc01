"""Hand the conversation to a person: which municipality, a phone number, a ticket."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    OTHER,
    language,
    phone_is_known,
    read_phone,
    validate_municipality_answer,
)
from bot.handover.summary import handoff_summary
from bot.handover.transcript import transcript
from bot.i18n.formatting import format_day
from bot.municipality.hours import callback_promise
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.tickets import NewTicket, create_ticket, upsert_contact

logger = logging.getLogger(__name__)


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        slots = list(domain_slots)
        if phone_is_known(tracker) or (tracker.get_slot("municipality") == OTHER):
            slots.remove("callback_phone")
        return slots

    def validate_municipality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_municipality_answer(value, dispatcher, tracker)

    def validate_callback_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        number = read_phone(value)
        if number is None:
            dispatcher.utter_message(response="utter_phone_invalid")
        return {"callback_phone": number}


class ActionCreateTicket(Action):
    def name(self) -> str:
        return "action_create_ticket"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        municipality = municipalities().get(tracker.get_slot("municipality") or "")
        if municipality is None:
            dispatcher.utter_message(response="utter_municipality_not_served")
            return []
        lang = language(tracker)
        point = municipality.contact_point(municipality.handover.contact_point)
        promise = callback_promise(point, datetime.now(timezone.utc), municipality.closed_days)
        channel = tracker.get_latest_input_channel() or "rest"
        new = NewTicket(
            kind="vraag",
            queue="algemeen",
            municipality=municipality.id,
            language=lang,
            summary=handoff_summary(tracker.events, lang, channel),
            sla_due_at=promise.due_at,
            conversation_id=tracker.sender_id,
            channel=channel,
        )
        phone = tracker.get_slot("callback_phone")
        try:
            reference = await asyncio.to_thread(
                _store, new, transcript(tracker.events, tracker.slots), phone
            )
        except Exception:
            logger.exception("could not create a ticket for %s", tracker.sender_id)
            dispatcher.utter_message(response="utter_handoff_failed", phone=point.phone or "")
            return []
        dispatcher.utter_message(
            response="utter_handoff_done",
            team=municipality.handover.team,
            municipality_name=municipality.name,
            ticket_ref=reference,
        )
        dispatcher.utter_message(
            response=f"utter_handoff_{promise.when}",
            day=format_day(promise.day, lang),
            phone=point.phone or "",
        )
        return [SlotSet("last_menu", None)]


def _store(new: NewTicket, lines: list, phone: str | None) -> str:
    with session_scope() as session:
        ticket = create_ticket(session, new, lines)
        if phone:
            upsert_contact(session, new.channel, new.conversation_id, phone_e164=phone)
        return ticket.reference
