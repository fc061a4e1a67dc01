"""The minima answer as the action server builds it: SMS gets the best three and MEER."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.minima import ActionMinimaResult, ActionMore, ValidateMinimaForm

SINGLE_PARENT = {
    "municipality": "steenwijkerland",
    "minima_household": "single_parent",
    "minima_age": "30",
    "minima_children_ages": "3 14",
    "minima_income": "1000",
    "minima_assets": "0",
    "minima_renting": "yes",
    "minima_co_residents": "0",
    "minima_low_income_months": "48",
    "minima_debts": "no",
}


def tracker(slots: dict, channel: str = "rest") -> Tracker:
    events = [{"event": "user", "text": "x", "input_channel": channel, "parse_data": {}}]
    return Tracker("u1", slots, {"intent": {}, "entities": []}, events, False, None, {}, None)


async def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return dispatcher.messages, events


def items(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["response"] == "utter_minima_item"]


async def test_web_chat_gets_every_scheme_best_first() -> None:
    messages, events = await run(ActionMinimaResult(), tracker(SINGLE_PARENT))
    shown = items(messages)
    names = [m["name"] for m in shown]
    assert len(shown) >= 6
    assert names[0] == "Kindgebonden budget"  # the largest amount
    assert {"Bijstand", "Individuele inkomenstoeslag", "Zorgtoeslag"} <= set(names)
    assert [m["number"] for m in shown] == [str(i) for i in range(1, len(shown) + 1)]
    assert "utter_minima_send_more" not in [m["response"] for m in messages]
    bijstand = next(m for m in shown if m["name"] == "Bijstand")
    assert (
        "€\xa0300,61 per maand (bedrag van 1 juli 2025)" in bijstand["amount"]
    )  # 1300.61 - 1000, on 1 July 2025 norms
    assert bijstand["chance"] == "grote kans"
    assert "0521" in bijstand["how"]
    kwijtschelding = next(m for m in shown if m["name"].startswith("Kwijtschelding"))
    assert (
        "Neem mee: bewijs van uw inkomen, afschriften van uw bankrekeningen"
        in (kwijtschelding["how"])
    )
    dates = [m for m in messages if m["response"] == "utter_minima_norm_date"]
    assert dates and "2025" in dates[0]["date"]  # the 2026 norms are unknown: says which date
    assert "utter_minima_offer_ticket" in [m["response"] for m in messages]  # bijstand likely
    assert {"event": "slot", "name": "minima_income", "value": None, "timestamp": None} in events


async def test_sms_gets_the_top_three_and_meer_sends_the_rest() -> None:
    web, _ = await run(ActionMinimaResult(), tracker(SINGLE_PARENT))
    messages, events = await run(ActionMinimaResult(), tracker(SINGLE_PARENT, "twilio_sms"))
    assert [m["name"] for m in items(messages)] == [m["name"] for m in items(web)][:3]
    more = next(m for m in messages if m["response"] == "utter_minima_send_more")
    assert more["count"] == str(len(items(web)) - 3)
    rest = next(e["value"] for e in events if e.get("name") == "minima_rest")
    later, cleared = await run(ActionMore(), tracker({"minima_rest": rest}, "twilio_sms"))
    assert [m["name"] for m in items(later)] == [m["name"] for m in items(web)][3:]
    assert items(later)[0]["number"] == "4"
    assert {"event": "slot", "name": "minima_rest", "value": None, "timestamp": None} in cleared
    nothing, _ = await run(ActionMore(), tracker({}, "twilio_sms"))
    assert [m["response"] for m in nothing] == ["utter_nothing_more"]


async def test_arabic_user_gets_arabic_money_and_reasons() -> None:
    slots = {**SINGLE_PARENT, "language": "ar"}
    messages, _ = await run(ActionMinimaResult(), tracker(slots))
    bijstand = next(m for m in items(messages) if m["name"] == "Bijstand")
    assert "300.61" in bijstand["amount"] and "€" in bijstand["amount"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in bijstand["why"] + bijstand["summary"])


async def test_only_needed_questions_are_asked() -> None:
    form = ValidateMinimaForm()
    all_slots = [
        "municipality",
        *[s for s in SINGLE_PARENT if s.startswith("minima_")],
        "minima_partner_age",
        "minima_student",
    ]
    older_single = {"minima_household": "single", "minima_age": "45"}
    asked = await form.required_slots(all_slots, CollectingDispatcher(), tracker(older_single), {})
    assert "minima_partner_age" not in asked and "minima_children_ages" not in asked
    assert "minima_student" not in asked and "minima_low_income_months" in asked
    young_couple = {"minima_household": "partner_children", "minima_age": "19"}
    asked = await form.required_slots(all_slots, CollectingDispatcher(), tracker(young_couple), {})
    assert {"minima_partner_age", "minima_children_ages", "minima_student"} <= set(asked)
    assert "minima_low_income_months" not in asked  # the inkomenstoeslag starts at 21


async def test_answers_in_own_words() -> None:
    form, d = ValidateMinimaForm(), CollectingDispatcher()
    t = tracker({})
    assert form.validate_minima_income("ongeveer € 1.200,50", d, t, {}) == {
        "minima_income": "1200.50"
    }
    assert form.validate_minima_income("weet ik niet", d, t, {}) == {"minima_income": "unknown"}
    assert form.validate_minima_assets("geen", d, t, {}) == {"minima_assets": "0"}
    assert form.validate_minima_age("٣٤ سنة", d, t, {}) == {"minima_age": "34"}
    assert form.validate_minima_low_income_months("1,5 jaar", d, t, {}) == {
        "minima_low_income_months": "18"
    }
    assert form.validate_minima_co_residents("nee, niemand", d, t, {}) == {
        "minima_co_residents": "0"
    }
    assert form.validate_minima_debts("لا", d, t, {}) == {"minima_debts": "no"}
    assert form.validate_minima_income("veel", d, t, {}) == {"minima_income": None}
    assert d.messages[-1]["response"] == "utter_minima_invalid_amount"
