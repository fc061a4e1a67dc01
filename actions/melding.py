"""The melding bijstand form: validators, confirmation, correction, cancel, submit."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import date, datetime
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy import select

from actions.common import (
    HELPER_SLOTS,
    MINIMA_SLOTS,
    OTHER,
    WIJZIGING_SLOTS,
    confirm_postcode,
    form_goes_on_with_name,
    helper_label,
    kept_municipality,
    language,
    phone_is_known,
    read_municipality,
    read_phone,
)
from actions.urgent import broodnood_help, crisis_help, urgent_phone
from bot.handover.transcript import transcript
from bot.i18n.catalog import N_, translate
from bot.i18n.formatting import format_day
from bot.melding.answers import MeldingAnswers, plausible_birth_date
from bot.melding.checklist import checklist
from bot.melding.household import parse_household
from bot.melding.parsing import parse_ages, parse_date
from bot.melding.summary import melding_summary
from bot.melding.triage import urgency
from bot.melding.yes_no import parse_yes_no
from bot.municipality.calendar import AMSTERDAM, add_working_days, end_of_day
from bot.municipality.registry import municipalities
from bot.store.db import session_scope
from bot.store.meldingen import store_melding
from bot.store.models import Melding
from bot.store.tickets import NewTicket

logger = logging.getLogger(__name__)
MAX_TRIES = 2
YES_NO_SLOTS = ("emergency", "has_income", "other_adults", "renting")
FORM_SLOTS = (
    "emergency", "full_name", "birth_date", "household", "children_ages", "has_income",
    "other_adults", "renting", "melding_confirmed", "melding_ref", "correcting", "melding_tries",
)  # fmt: skip
LABELS = {
    "single": N_("household", "alleen"),
    "partner": N_("household", "met een partner"),
    "single_parent": N_("household", "alleen met kinderen"),
    "partner_children": N_("household", "met een partner en kinderen"),
    True: N_("answer", "ja"),
    False: N_("answer", "nee"),
    "none": N_("answer", "geen"),
}


def today() -> date:
    return datetime.now(AMSTERDAM).date()


def answers_from(tracker: Tracker) -> MeldingAnswers:
    ages = tracker.get_slot("children_ages") or ""
    return MeldingAnswers(
        full_name=tracker.get_slot("full_name"),
        birth_date=date.fromisoformat(tracker.get_slot("birth_date")),
        phone_e164=tracker.get_slot("callback_phone") or tracker.sender_id,
        municipality=tracker.get_slot("municipality"),
        household=tracker.get_slot("household"),
        children_ages=tuple(int(a) for a in re.findall(r"\d+", ages)),
        has_income=bool(tracker.get_slot("has_income")),
        other_adults=bool(tracker.get_slot("other_adults")),
        renting=bool(tracker.get_slot("renting")),
        helper=helper_label(tracker),
    )


class ValidateMeldingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_melding_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        slots = list(domain_slots)
        if tracker.get_slot("municipality") == OTHER:  # not served: stop after this question
            return slots[: slots.index("municipality") + 1]
        if tracker.get_slot("household") not in ("single_parent", "partner_children"):
            slots.remove("children_ages")
        if phone_is_known(tracker):
            slots.remove("callback_phone")
        return slots

    async def _fail(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, hint: str
    ) -> dict[str, Any]:
        """A specific hint; from the second failure on, the offer of a person instead."""
        tries = dict(tracker.get_slot("melding_tries") or {})
        tries[slot] = tries.get(slot, 0) + 1
        if tries[slot] >= MAX_TRIES:
            dispatcher.utter_message(response="utter_melding_offer_person")
        else:
            dispatcher.utter_message(response=hint)
        return {slot: None, "melding_tries": tries}

    async def _urgent(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
        """A safety net inside free-text answers; True when the message was an emergency."""
        found = urgency(text)
        if found == "crisis":
            await crisis_help(dispatcher, tracker)
        elif found == "broodnood":
            await broodnood_help(dispatcher, tracker)
        return found is not None

    async def _yes_no(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        answer = value if isinstance(value, bool) else parse_yes_no(str(value or ""))
        if answer is None:
            if await self._urgent(dispatcher, tracker, str(value or "")):
                return {slot: True} if slot == "emergency" else {slot: None}
            return await self._fail(dispatcher, tracker, slot, "utter_invalid_yes_no")
        return {slot: answer}

    async def validate_emergency(self, value: Any, dispatcher, tracker, domain) -> dict:
        result = await self._yes_no("emergency", value, dispatcher, tracker)
        if result.get("emergency") is True and tracker.latest_message.get("intent", {}).get(
            "name"
        ) in ("affirm", "urgent_broodnood"):
            await broodnood_help(dispatcher, tracker)
        return result

    async def validate_has_income(self, value: Any, dispatcher, tracker, domain) -> dict:
        return await self._yes_no("has_income", value, dispatcher, tracker)

    async def validate_other_adults(self, value: Any, dispatcher, tracker, domain) -> dict:
        return await self._yes_no("other_adults", value, dispatcher, tracker)

    async def validate_renting(self, value: Any, dispatcher, tracker, domain) -> dict:
        return await self._yes_no("renting", value, dispatcher, tracker)

    async def validate_full_name(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = " ".join(str(value or "").split())
        if await self._urgent(dispatcher, tracker, text):
            return {"full_name": None}
        letters = sum(ch.isalpha() for ch in text)
        if letters < 2 or len(text) > 100 or sum(ch.isdigit() for ch in text) > 0:
            return await self._fail(dispatcher, tracker, "full_name", "utter_invalid_full_name")
        return {"full_name": text}

    async def validate_birth_date(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = str(value or "")
        if await self._urgent(dispatcher, tracker, text):
            return {"birth_date": None}
        parsed = parse_date(text, today())
        if parsed is None:
            return await self._fail(dispatcher, tracker, "birth_date", "utter_invalid_birth_date")
        if not plausible_birth_date(parsed, today()):
            return await self._fail(
                dispatcher, tracker, "birth_date", "utter_invalid_birth_date_range"
            )
        return {"birth_date": parsed.isoformat()}

    async def validate_callback_phone(self, value: Any, dispatcher, tracker, domain) -> dict:
        number = read_phone(value)
        if number is None:
            return await self._fail(dispatcher, tracker, "callback_phone", "utter_phone_invalid")
        return {"callback_phone": number}

    async def validate_municipality(self, value: Any, dispatcher, tracker, domain) -> dict:
        found = read_municipality(value)
        if (kept := kept_municipality(found, tracker)) is not None:
            return kept
        if found is None:
            return await self._fail(
                dispatcher, tracker, "municipality", "utter_municipality_unknown"
            )
        confirm_postcode(value, found, dispatcher)
        return {"municipality": found}

    async def validate_household(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = str(value or "")
        found = parse_household(text)
        if found is None:
            if await self._urgent(dispatcher, tracker, text):
                return {"household": None}
            return await self._fail(dispatcher, tracker, "household", "utter_invalid_household")
        return {"household": found}

    async def validate_children_ages(self, value: Any, dispatcher, tracker, domain) -> dict:
        ages = parse_ages(str(value or ""))
        if ages is None:
            return await self._fail(
                dispatcher, tracker, "children_ages", "utter_invalid_children_ages"
            )
        return {"children_ages": ", ".join(str(a) for a in ages)}

    async def validate_melding_confirmed(self, value: Any, dispatcher, tracker, domain) -> dict:
        answer = value if isinstance(value, bool) else parse_yes_no(str(value or ""))
        if answer is None:
            return await self._fail(
                dispatcher, tracker, "melding_confirmed", "utter_invalid_yes_no"
            )
        if answer is False:
            dispatcher.utter_message(response="utter_melding_which_field")
            return {"melding_confirmed": None, "correcting": True}
        try:
            reference = await asyncio.to_thread(_store, tracker)
        except Exception:
            logger.exception("storing the melding of %s failed", tracker.sender_id)
            dispatcher.utter_message(
                response="utter_melding_store_failed",
                phone=urgent_phone(tracker.get_slot("municipality")),
            )
            return {"melding_confirmed": None}
        return {"melding_confirmed": True, "melding_ref": reference}


def _store(tracker: Tracker) -> str:
    """Store the melding and its intake ticket at the moment of confirmation."""
    answers = answers_from(tracker)
    lang = language(tracker)
    urgent = bool(tracker.get_slot("emergency"))
    municipality = municipalities()[answers.municipality]
    days = municipality.melding.call_back_working_days
    sla_due_at = (
        end_of_day(add_working_days(today(), days, municipality.closed_days)) if days else None
    )
    ticket = NewTicket(
        kind="melding",
        queue="intake",
        municipality=answers.municipality,
        language=lang,
        summary=melding_summary(answers, lang, urgent, today()),
        sla_due_at=sla_due_at,
        conversation_id=tracker.sender_id,
        channel=tracker.get_latest_input_channel() or "rest",
        priority="urgent" if urgent else "normal",
    )
    record = {
        "full_name": answers.full_name,
        "birth_date": answers.birth_date.isoformat(),
        "phone": answers.phone_e164,
        "household": answers.household,
        "children_ages": list(answers.children_ages),
        "has_income": answers.has_income,
        "other_adults": answers.other_adults,
        "renting": answers.renting,
    }
    with session_scope() as session:
        stored = store_melding(
            session,
            kind="bijstand",
            answers=record,
            urgency="broodnood" if urgent else None,
            on_behalf_of=answers.helper,
            ticket=ticket,
            lines=transcript(tracker.events, tracker.slots),
        )
        return stored.melding_reference


class ActionAskMeldingConfirmed(Action):
    """Show everything before the client confirms (unless they are choosing a correction)."""

    def name(self) -> str:
        return "action_ask_melding_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("correcting"):
            return []
        lang = language(tracker)
        answers = answers_from(tracker)

        def label(key: Any, context: str) -> str:
            return translate(lang, context, LABELS[key])

        municipality = municipalities()[answers.municipality]
        dispatcher.utter_message(
            response="utter_melding_summary",
            full_name=answers.full_name,
            birth_day=format_day(answers.birth_date, lang, with_year=True),
            phone=answers.phone_e164,
            municipality_name=municipality.name,
            household_label=label(answers.household, "household"),
            children=", ".join(map(str, answers.children_ages)) or label("none", "answer"),
            income_label=label(answers.has_income, "answer"),
            adults_label=label(answers.other_adults, "answer"),
            renting_label=label(answers.renting, "answer"),
        )
        return []


class ActionCorrectAnswer(Action):
    def name(self) -> str:
        return "action_correct_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.active_loop_name != "melding_form":
            dispatcher.utter_message(response="utter_how_else")
            return []
        field = next(tracker.get_latest_entity_values("field"), None)
        if field not in ("full_name", "birth_date", "callback_phone", "municipality",
                         "household", "has_income", "other_adults", "renting"):  # fmt: skip
            dispatcher.utter_message(response="utter_melding_which_field")
            return [SlotSet("correcting", True)]
        events = [SlotSet(field, None), SlotSet("melding_confirmed", None)]
        if field == "household":
            events.append(SlotSet("children_ages", None))
        return [*events, SlotSet("correcting", False)]


def reset_melding() -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in FORM_SLOTS]


class ActionCancelForm(Action):
    """ "stop" / "laat maar" in a form: stop cleanly and forget the answers of that form.

    Not when the question was a name and the message is one: the model has seen few
    names and once took "سارة أحمدي" for "stop"."""

    def name(self) -> str:
        return "action_cancel_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if name_answer := form_goes_on_with_name(tracker):
            return name_answer
        if tracker.active_loop_name == "melding_form":
            dispatcher.utter_message(response="utter_melding_cancelled")
            reset = reset_melding()
        elif tracker.active_loop_name == "minima_form":
            dispatcher.utter_message(response="utter_minima_cancelled")
            reset = [SlotSet(s, None) for s in MINIMA_SLOTS]
        else:
            dispatcher.utter_message(response="utter_wijziging_cancelled")
            reset = [SlotSet(s, None) for s in (*WIJZIGING_SLOTS, *HELPER_SLOTS)]
        return [ActiveLoop(None), SlotSet("requested_slot", None), *reset]


class ActionLeaveFormForPerson(Action):
    """ "Ik wil een medewerker" in the melding or helper form: leave the form, and the
    hand-over form starts (the rule's next step).

    Not when the question was a name and the message is one: the model once took
    "Mohammed Al Hassan" for a request for a person, and the melding was lost."""

    def name(self) -> str:
        return "action_leave_form_for_person"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if name_answer := form_goes_on_with_name(tracker):
            return name_answer
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


class ActionSubmitMelding(Action):
    def name(self) -> str:
        return "action_submit_melding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reference = tracker.get_slot("melding_ref")
        if tracker.get_slot("municipality") == OTHER or not reference:
            dispatcher.utter_message(response="utter_municipality_not_served")
            return reset_melding()
        lang = language(tracker)
        answers = answers_from(tracker)
        melded_at = await asyncio.to_thread(_melded_at, reference)
        melded_day = melded_at.astimezone(AMSTERDAM).date()
        dispatcher.utter_message(
            response="utter_melding_done",
            melded_day=format_day(melded_day, lang, with_year=True),
            melding_ref=reference,
        )
        if answers.under_27(melded_day):
            dispatcher.utter_message(response="utter_melding_under_27")
        municipality = municipalities()[answers.municipality]
        process = municipality.melding
        point = municipality.contact_point(municipality.handover.contact_point)
        if process.call_back_working_days and process.screening_working_days:
            closed = municipality.closed_days
            call = add_working_days(melded_day, process.call_back_working_days, closed)
            screening = add_working_days(melded_day, process.screening_working_days, closed)
            dispatcher.utter_message(
                response="utter_melding_next_steps",
                team=municipality.handover.team,
                call_day=format_day(call, lang),
                screening_day=format_day(screening, lang),
                documents_days=process.documents_working_days,
            )
        else:
            dispatcher.utter_message(
                response="utter_melding_next_steps_unknown",
                team=municipality.handover.team,
                phone=point.phone or "",
            )
        items = checklist(answers, melded_day)
        dispatcher.utter_message(
            response="utter_melding_checklist",
            items="\n".join(f"- {translate(lang, 'checklist', item.text)}" for item in items),
        )
        return reset_melding()


def _melded_at(reference: str) -> datetime:
    with session_scope() as session:
        return session.execute(
            select(Melding.melded_at).where(Melding.reference == reference)
        ).scalar_one()
