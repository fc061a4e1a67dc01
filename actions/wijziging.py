"""Reporting a change (inlichtingenplicht): only the questions the kind of change needs."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    OTHER,
    WIJZIGING_SLOTS,
    helper_label,
    language,
    validate_municipality_answer,
)
from actions.melding import today
from actions.urgent import crisis_help, urgent_phone
from bot.handover.summary import LANGUAGE_NAMES_NL
from bot.handover.transcript import transcript
from bot.i18n.formatting import format_day
from bot.melding.parsing import is_unknown, parse_amount, parse_date
from bot.melding.triage import urgency
from bot.municipality.calendar import AMSTERDAM
from bot.store.db import session_scope
from bot.store.meldingen import store_melding
from bot.store.tickets import NewTicket

logger = logging.getLogger(__name__)

CHANGE_TYPES = (
    "werk_inkomen", "verhuizing", "samenwonen_partner", "uit_elkaar", "kinderen",
    "buitenland_vakantie", "studie", "detentie_opname", "vermogen_erfenis_schenking",
    "gezondheid", "overig",
)  # fmt: skip
WITH_AMOUNT = ("werk_inkomen", "vermogen_erfenis_schenking")


class ValidateWijzigingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_wijziging_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("change_type") in WITH_AMOUNT:
            return list(domain_slots)
        return [slot for slot in domain_slots if slot != "change_amount"]

    def validate_change_type(self, value: Any, dispatcher, tracker, domain) -> dict:
        # A value the model read from free text that is not one of ours: just ask.
        return {"change_type": value if value in CHANGE_TYPES else None}

    async def validate_change_description(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = " ".join(str(value or "").split())
        if urgency(text) == "crisis":
            await crisis_help(dispatcher, tracker)
        if len(text) < 2:
            return {"change_description": None}
        return {"change_description": text[:1000]}

    def validate_change_date(self, value: Any, dispatcher, tracker, domain) -> dict:
        parsed = parse_date(str(value or ""), today())
        if parsed is None or abs(parsed - today()) > timedelta(days=2 * 366):
            dispatcher.utter_message(response="utter_invalid_change_date")
            return {"change_date": None}
        return {"change_date": parsed.isoformat()}

    def validate_change_amount(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = str(value or "").casefold()
        amount = parse_amount(text)
        if amount is not None:
            return {"change_amount": f"{amount:.2f}"}
        if is_unknown(text):
            return {"change_amount": "onbekend"}
        dispatcher.utter_message(response="utter_invalid_change_amount")
        return {"change_amount": None}

    def validate_municipality(self, value: Any, dispatcher, tracker, domain) -> dict:
        return validate_municipality_answer(value, dispatcher, tracker)


def _summary(tracker: Tracker, lang: str) -> str:
    lines = [
        f"Wijziging: {tracker.get_slot('change_type')}",
        f"Vanaf: {tracker.get_slot('change_date')}",
        f"Wat: {tracker.get_slot('change_description')}",
    ]
    if tracker.get_slot("change_amount"):
        lines.append(f"Bedrag: {tracker.get_slot('change_amount')}")
    lines.append(f"Taal: {LANGUAGE_NAMES_NL.get(lang, lang)}")
    if helper_label(tracker):
        lines.append(f"Doorgegeven door helper: {helper_label(tracker)} (klant akkoord)")
    return "\n".join(lines)


class ActionSubmitWijziging(Action):
    def name(self) -> str:
        return "action_submit_wijziging"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reset = [SlotSet(slot, None) for slot in WIJZIGING_SLOTS]
        municipality = tracker.get_slot("municipality")
        if municipality == OTHER:
            dispatcher.utter_message(response="utter_municipality_not_served")
            return reset
        lang = language(tracker)
        on_behalf = helper_label(tracker)
        ticket = NewTicket(
            kind="wijziging",
            queue="consulent",
            municipality=municipality,
            language=lang,
            summary=_summary(tracker, lang),
            sla_due_at=None,
            conversation_id=tracker.sender_id,
            channel=tracker.get_latest_input_channel() or "rest",
        )
        answers = {slot: tracker.get_slot(slot) for slot in WIJZIGING_SLOTS}

        def _store() -> Any:
            with session_scope() as session:
                return store_melding(
                    session,
                    kind="wijziging",
                    answers=answers,
                    urgency=None,
                    on_behalf_of=on_behalf,
                    ticket=ticket,
                    lines=transcript(tracker.events, tracker.slots),
                )

        try:
            stored = await asyncio.to_thread(_store)
        except Exception:
            logger.exception("storing the change of %s failed", tracker.sender_id)
            dispatcher.utter_message(
                response="utter_melding_store_failed", phone=urgent_phone(municipality)
            )
            return reset
        dispatcher.utter_message(
            response="utter_wijziging_done",
            melded_day=format_day(stored.melded_at.astimezone(AMSTERDAM).date(), lang),
            melding_ref=stored.melding_reference,
        )
        dispatcher.utter_message(response="utter_wijziging_why")
        if answers["change_type"] == "buitenland_vakantie":
            dispatcher.utter_message(response="utter_wijziging_abroad")
        return reset
