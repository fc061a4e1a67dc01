"""The minima check: the form's questions, and the answer with the schemes that may apply."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    MINIMA_SLOTS,
    OFFER_HANDOFF,
    OTHER,
    language,
    validate_municipality_answer,
)
from actions.melding import today
from bot.i18n.catalog import N_, translate
from bot.i18n.formatting import format_money, format_valid_from
from bot.melding.household import parse_household
from bot.melding.parsing import is_unknown, parse_amount
from bot.melding.triage import urgency
from bot.melding.yes_no import parse_yes_no
from bot.minima.answers import (
    STUDENT_AGE_LIMIT,
    UNKNOWN,
    household_from_answers,
    parse_age,
    parse_children,
    parse_count,
    parse_months,
)
from bot.minima.engine import LIKELY, Check, Money, Reason, SchemeResult, check
from bot.minima.rulebook import rulebook
from bot.municipality.registry import municipalities

SMS_CHANNELS = frozenset({"twilio_sms"})
SMS_TOP = 3  # an SMS has little room: the best three, then "stuur MEER"
REASONS_SHOWN = 2
_WITH_PARTNER = ("partner", "partner_children")
_WITH_CHILDREN = ("single_parent", "partner_children")


class ValidateMinimaForm(FormValidationAction):
    def name(self) -> str:
        return "validate_minima_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Only what the schemes need: a partner's age with a partner, children's ages with
        children, studiefinanciering below 30, the duration of a low income from 21 to the
        AOW age (the individuele inkomenstoeslag)."""
        if tracker.get_slot("municipality") == OTHER:
            return ["municipality"]
        household = tracker.get_slot("minima_household")
        age = tracker.get_slot("minima_age")
        skip = set()
        if household not in _WITH_PARTNER:
            skip.add("minima_partner_age")
        if household not in _WITH_CHILDREN:
            skip.add("minima_children_ages")
        if age is not None and int(age) >= STUDENT_AGE_LIMIT:
            skip.add("minima_student")
        if age is not None and not 21 <= int(age) < rulebook().norms.aow_age:
            skip.add("minima_low_income_months")
        return [slot for slot in domain_slots if slot not in skip]

    def validate_municipality(self, value: Any, dispatcher, tracker, domain) -> dict:
        return validate_municipality_answer(value, dispatcher, tracker)

    async def extract_minima_household(self, dispatcher, tracker: Tracker, domain) -> dict:
        """A clear answer is an answer, whatever intent the model gave it: "alone with my
        children" can look like an emergency about children to the model. A message
        that really is urgent still goes to the emergency rules."""
        if tracker.get_slot("requested_slot") != "minima_household":
            return {}
        text = tracker.latest_message.get("text") or ""
        if urgency(text) is None and parse_household(text) is not None:
            return {"minima_household": text}
        return {}

    def validate_minima_household(self, value: Any, dispatcher, tracker, domain) -> dict:
        found = parse_household(str(value or ""))
        if found is None:
            dispatcher.utter_message(response="utter_minima_invalid_household")
        return {"minima_household": found}

    def validate_minima_age(self, value: Any, dispatcher, tracker, domain) -> dict:
        age = parse_age(str(value or ""))
        if age is None:
            dispatcher.utter_message(response="utter_minima_invalid_age")
            return {"minima_age": None}
        return {"minima_age": str(age)}  # under 18 too: the engine says what does not apply

    def validate_minima_partner_age(self, value: Any, dispatcher, tracker, domain) -> dict:
        age = parse_age(str(value or ""))
        if age is None:
            dispatcher.utter_message(response="utter_minima_invalid_age")
        return {"minima_partner_age": None if age is None else str(age)}

    def validate_minima_children_ages(self, value: Any, dispatcher, tracker, domain) -> dict:
        ages = parse_children(str(value or ""))
        if ages is None:
            dispatcher.utter_message(response="utter_minima_invalid_ages")
            return {"minima_children_ages": None}
        return {"minima_children_ages": " ".join(str(a) for a in ages)}

    def _read(self, slot: str, value: Any, parse, hint: str, dispatcher) -> dict:
        text = str(value or "")
        if is_unknown(text):
            return {slot: UNKNOWN}
        found = parse(text)
        if found is None:
            dispatcher.utter_message(response=hint)
            return {slot: None}
        return {slot: str(found)}

    def validate_minima_income(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_income", value, parse_amount, "utter_minima_invalid_amount", dispatcher
        )

    def validate_minima_assets(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_assets", value, _amount_or_none, "utter_minima_invalid_amount", dispatcher
        )

    def validate_minima_co_residents(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_co_residents", value, parse_count, "utter_minima_invalid_number", dispatcher
        )

    def validate_minima_low_income_months(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_low_income_months",
            value,
            parse_months,
            "utter_minima_invalid_duration",
            dispatcher,
        )

    def validate_minima_renting(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_renting", value, _yes_no, "utter_minima_invalid_yes_no", dispatcher
        )

    def validate_minima_student(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read(
            "minima_student", value, _yes_no, "utter_minima_invalid_yes_no", dispatcher
        )

    def validate_minima_debts(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._read("minima_debts", value, _yes_no, "utter_minima_invalid_yes_no", dispatcher)


def _yes_no(text: str) -> str | None:
    answer = parse_yes_no(text)
    return None if answer is None else ("yes" if answer else "no")


def _amount_or_none(text: str):
    """Savings: "geen" / "nee" is nothing."""
    amount = parse_amount(text)
    if amount is None and parse_count(text) == 0:
        return 0
    return amount


def _money(amount: Money, lang: str) -> str:
    texts = {
        ("maand", True): N_("minima", "Tot {amount} per maand (bedrag van {date})."),
        ("maand", False): N_("minima", "Ongeveer {amount} per maand (bedrag van {date})."),
        ("jaar", True): N_("minima", "Tot {amount} per jaar (bedrag van {date})."),
        ("jaar", False): N_("minima", "Ongeveer {amount} per jaar (bedrag van {date})."),
    }
    text = translate(lang, "minima", texts[(amount.per, amount.up_to)])
    day = format_valid_from(amount.valid_from, lang) if amount.valid_from else ""
    return text.format(amount=format_money(amount.value, lang), date=day)


def _reason(reason: Reason, lang: str) -> str:
    values = {
        key: format_money(value, lang) if key == "limit" else value
        for key, value in reason.values.items()
    }
    return translate(lang, "minima", reason.message).format(**values)


def scheme_context(owner: str, scheme_id: str, field: str) -> str:
    """The catalog context of a scheme's text: its owner (a municipality or "national")."""
    return f"scheme/{owner}/{scheme_id}/{field}"


def render_item(number: int, result: SchemeResult, owner: str, lang: str) -> dict[str, str]:
    """The values for ``utter_minima_item``: name, chance, why, amount and how to apply."""
    scheme = result.scheme
    chance = N_("minima", "grote kans") if result.status == LIKELY else N_("minima", "misschien")
    why = " ".join(_reason(r, lang) for r in result.reasons[:REASONS_SHOWN])
    amount = ""
    if result.amount is not None and result.amount.value > 0:
        amount = _money(result.amount, lang)
    elif scheme.amount_note:
        note = scheme_context(owner, scheme.id, "amount_note")
        amount = translate(lang, note, scheme.amount_note)
    how = translate(lang, scheme_context(owner, scheme.id, "how"), scheme.apply.how)
    if scheme.apply.documents:
        papers = ", ".join(
            translate(lang, scheme_context(owner, scheme.id, "documents"), d)
            for d in scheme.apply.documents
        )
        bring = translate(lang, "minima", N_("minima", "Neem mee: {documents}."))
        how = f"{how} {bring.format(documents=papers)}"
    contact = " ".join(part for part in (scheme.apply.website, scheme.apply.phone) if part)
    return {
        "number": str(number),
        "name": scheme.name,
        "chance": translate(lang, "minima", chance),
        "summary": translate(lang, scheme_context(owner, scheme.id, "summary"), scheme.summary),
        "why": why + ("\n" if why and amount else ""),
        "amount": amount,
        "how": f"{how} {contact}".strip(),
    }


def _items(shown: list[SchemeResult], municipality: str, lang: str) -> list[dict[str, str]]:
    national = {id(scheme) for scheme in rulebook().national}
    return [
        render_item(
            number, result, "national" if id(result.scheme) in national else municipality, lang
        )
        for number, result in enumerate(shown, start=1)
    ]


class ActionMinimaResult(Action):
    """The answer: the schemes that may apply, the best first; the top 3 on SMS."""

    def name(self) -> str:
        return "action_minima_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        municipality_id = tracker.get_slot("municipality")
        if municipality_id == OTHER or municipality_id not in municipalities():
            dispatcher.utter_message(response="utter_municipality_not_served")
            return [SlotSet(slot, None) for slot in MINIMA_SLOTS]
        municipality = municipalities()[municipality_id]
        answers = {slot.removeprefix("minima_"): tracker.get_slot(slot) for slot in MINIMA_SLOTS}
        result: Check = check(
            household_from_answers(answers, today()), municipality.schemes, rulebook()
        )
        lang = language(tracker)
        shown = list(result.shown())
        events: list[dict[str, Any]] = [SlotSet(slot, None) for slot in MINIMA_SLOTS]
        if not shown:
            phone = municipality.contact_point(municipality.handover.contact_point).phone
            dispatcher.utter_message(response="utter_minima_nothing", phone=phone)
        else:
            dispatcher.utter_message(response="utter_minima_intro")
            items = _items(shown, municipality_id, lang)
            limit = SMS_TOP if tracker.get_latest_input_channel() in SMS_CHANNELS else len(items)
            for item in items[:limit]:
                dispatcher.utter_message(response="utter_minima_item", **item)
            if items[limit:]:
                dispatcher.utter_message(
                    response="utter_minima_send_more", count=str(len(items) - limit)
                )
                events.append(SlotSet("minima_rest", items[limit:]))
        if result.norm is not None and result.norm.fell_back:
            dispatcher.utter_message(
                response="utter_minima_norm_date",
                date=format_valid_from(result.norm.valid_from, lang),
            )
        if result.offer_ticket():
            dispatcher.utter_message(response="utter_minima_offer_ticket")
            events.append(SlotSet("last_menu", OFFER_HANDOFF))
        return events


class ActionMore(Action):
    """ "MEER": the rest of the list that did not fit in one SMS."""

    def name(self) -> str:
        return "action_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        rest = tracker.get_slot("minima_rest") or []
        if not rest:
            dispatcher.utter_message(response="utter_nothing_more")
            return []
        for item in rest:
            dispatcher.utter_message(response="utter_minima_item", **item)
        return [SlotSet("minima_rest", None)]
