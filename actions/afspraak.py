"""Appointments in the conversation: answers to reminders, "wanneer is mijn afspraak",
and the confirmation of STOP and START.

Only a sender id that is a phone number (SMS, WhatsApp) identifies the client: in the
web chat anyone could type anyone's number, so there Baken does not tell appointment
details and points to the letter and the phone number instead.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language
from bot.appointments.replies import apply_reply, next_appointment, sender_phone
from bot.appointments.reply_words import CANCEL, CONFIRM, MOVE
from bot.handover.transcript import transcript
from bot.i18n.catalog import translate
from bot.i18n.formatting import format_day
from bot.municipality.calendar import AMSTERDAM, end_of_day, next_working_day
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.models import Appointment
from bot.store.tickets import NewTicket, create_ticket

logger = logging.getLogger(__name__)
ANSWERS = {
    CONFIRM: "utter_afspraak_confirmed",
    CANCEL: "utter_afspraak_cancelled",
    MOVE: "utter_afspraak_move",
}


def _when(appointment: Appointment, lang: str) -> dict[str, str]:
    local = appointment.starts_at.astimezone(AMSTERDAM)
    return {
        "day": format_day(local.date(), lang),
        "time": local.strftime("%H:%M"),
        "place": appointment.location or translate(lang, "reminder", "zie uw brief"),
    }


def _record(tracker: Tracker, phone: str, intent: str, lang: str) -> dict[str, str] | None:
    """Store the answer; a cancel or move also gets a ticket for the consultant."""
    now = datetime.now(timezone.utc)
    with session_scope() as session:
        appointment = apply_reply(session, phone, intent, now)
        if appointment is None:
            return None
        values = _when(appointment, lang)
        if intent in (CANCEL, MOVE):
            municipality = municipalities()[appointment.municipality]
            wish = "kan niet komen" if intent == CANCEL else "wil een andere tijd"
            ticket = create_ticket(
                session,
                NewTicket(
                    kind="afspraak",
                    queue="afspraken",
                    municipality=appointment.municipality,
                    language=lang,
                    summary=(
                        f"Klant {wish} ({appointment.kind}, {values['day']} {values['time']}). "
                        "Plan een nieuwe afspraak."
                    ),
                    sla_due_at=end_of_day(
                        next_working_day(now.astimezone(AMSTERDAM).date(), municipality.closed_days)
                    ),
                    conversation_id=tracker.sender_id,
                    channel=tracker.get_latest_input_channel() or "rest",
                ),
                transcript(tracker.events, tracker.slots),
            )
            values["ticket_ref"] = ticket.reference
        return values


class ActionAfspraakReply(Action):
    def name(self) -> str:
        return "action_afspraak_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        phone = sender_phone(tracker.sender_id)
        if phone is None or intent not in ANSWERS:  # the web chat: what to do instead
            dispatcher.utter_message(response="utter_afspraak_not_here")
            dispatcher.utter_message(response="utter_faq/afspraak_noshow")
            return []
        lang = language(tracker)
        try:
            values = await asyncio.to_thread(_record, tracker, phone, intent, lang)
        except Exception:
            logger.exception("could not record the answer of %s", tracker.sender_id)
            dispatcher.utter_message(response="utter_handoff_failed")
            return []
        if values is None:
            dispatcher.utter_message(response="utter_afspraak_not_found")
            return []
        dispatcher.utter_message(response=ANSWERS[intent], **values)
        return []


class ActionAfspraakInfo(Action):
    def name(self) -> str:
        return "action_afspraak_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        phone = sender_phone(tracker.sender_id)
        if phone is None:
            dispatcher.utter_message(response="utter_afspraak_not_here")
            dispatcher.utter_message(response="utter_afspraak_see_letter")
            return []

        def _find() -> dict[str, str] | None:
            with session_scope() as session:
                found = next_appointment(session, phone, datetime.now(timezone.utc))
                return _when(found, language(tracker)) if found else None

        values = await asyncio.to_thread(_find)
        if values is None:
            dispatcher.utter_message(response="utter_afspraak_not_found")
            return []
        dispatcher.utter_message(response="utter_afspraak_next", **values)
        return []
