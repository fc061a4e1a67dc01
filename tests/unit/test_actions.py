"""The custom actions, called the way the action server calls them."""

import inspect

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import OFFER_HANDOFF, ActionHandleFallback, ActionSetLanguage, ActionYesNo
from actions.melding import ValidateMeldingForm
from actions.minima import ValidateMinimaForm


def tracker(
    intents: list[str], slots: dict | None = None, entities: list | None = None, text: str = "x"
) -> Tracker:
    events = [
        {"event": "user", "text": f"bericht {i}", "parse_data": {"intent": {"name": name}}}
        for i, name in enumerate(intents)
    ]
    latest = {"intent": {"name": intents[-1]}, "entities": entities or [], "text": text}
    return Tracker("u1", slots or {}, latest, events, False, None, {}, "rest")


async def run(action, t: Tracker) -> tuple[list[str], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return [m["response"] for m in dispatcher.messages], events


async def test_first_miss_asks_to_rephrase() -> None:
    responses, events = await run(ActionHandleFallback(), tracker(["greet", "nlu_fallback"]))
    assert responses == ["utter_rephrase"] and events == []


async def test_out_of_scope_and_empty_get_their_own_answer() -> None:
    assert (await run(ActionHandleFallback(), tracker(["out_of_scope"])))[0] == [
        "utter_out_of_scope"
    ]
    assert (await run(ActionHandleFallback(), tracker(["empty_message"])))[0] == [
        "utter_empty_message"
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("ik wil voor de trein springen", "out_of_scope"), ("I took pills, all", "nlu_fallback")],
)
async def test_a_crisis_the_model_did_not_place_gets_the_crisis_answer(
    text: str, intent: str
) -> None:
    responses, events = await run(ActionHandleFallback(), tracker([intent], text=text))
    assert responses == []  # not "I cannot help with that"
    assert events == [{"event": "followup", "name": "action_crisis_help", "timestamp": None}]


async def test_hunger_outside_the_model_is_not_made_an_emergency() -> None:
    t = tracker(["out_of_scope"], text="ik heb honger, welk restaurant is open")
    assert (await run(ActionHandleFallback(), t))[0] == ["utter_out_of_scope"]


async def test_second_miss_in_a_row_offers_a_person() -> None:
    responses, events = await run(ActionHandleFallback(), tracker(["nlu_fallback", "out_of_scope"]))
    assert responses == ["utter_offer_handoff"]
    assert {
        "event": "slot",
        "name": "last_menu",
        "value": OFFER_HANDOFF,
        "timestamp": None,
    } in events


async def test_an_understood_message_in_between_resets_the_count() -> None:
    responses, _ = await run(
        ActionHandleFallback(), tracker(["nlu_fallback", "greet", "nlu_fallback"])
    )
    assert responses == ["utter_rephrase"]


async def test_yes_after_the_offer_starts_the_handoff() -> None:
    t = tracker(["nlu_fallback", "nlu_fallback", "affirm"], {"last_menu": OFFER_HANDOFF})
    responses, events = await run(ActionYesNo(), t)
    assert responses == []
    assert {"event": "followup", "name": "handoff_form", "timestamp": None} in events


async def test_yes_out_of_context_asks_what_they_need() -> None:
    responses, _ = await run(ActionYesNo(), tracker(["affirm"]))
    assert responses == ["utter_how_else"]


async def test_a_language_baken_does_not_speak_is_said_plainly() -> None:
    t = tracker(["set_language"], entities=[{"entity": "language", "value": "fr"}])
    responses, events = await run(ActionSetLanguage(), t)
    assert responses == ["utter_language_unavailable"] and events == []


async def test_language_choice_sets_the_slot_and_confirms_in_that_language() -> None:
    t = tracker(["set_language"], entities=[{"entity": "language", "value": "ar"}])
    dispatcher = CollectingDispatcher()
    events = await ActionSetLanguage().run(dispatcher, t, {})
    assert dispatcher.messages[0]["response"] == "utter_language_set"
    assert dispatcher.messages[0]["language"] == "ar"
    assert events[0]["name"] == "language" and events[0]["value"] == "ar"


@pytest.mark.parametrize(
    ("entity", "text", "code"),
    [
        ("Arapça", "Arapça lütfen", "ar"),  # a Turkish name the synonyms do not map
        ("англійською", "можна англійською?", "en"),
        (None, "kunt u in het Engels schrijven", "en"),  # the model missed the name
        (None, "po polsku prosze", "pl"),
        ("ila", "af holandays ila hadal fadlan", "nl"),  # the model tagged the next word
    ],
)
async def test_a_language_named_in_any_of_the_nine_languages_is_chosen(
    entity: str | None, text: str, code: str
) -> None:
    entities = [{"entity": "language", "value": entity}] if entity else []
    responses, events = await run(
        ActionSetLanguage(), tracker(["set_language"], entities=entities, text=text)
    )
    assert responses == ["utter_language_set"] and events[0]["value"] == code


async def test_two_languages_named_without_a_clear_choice_asks_which() -> None:
    t = tracker(["set_language"], text="niet Arabisch maar Engels")
    responses, events = await run(ActionSetLanguage(), t)
    assert responses == ["utter_ask_language"] and events == []


async def test_confirming_stores_the_melding_before_anything_else(database_url: str) -> None:
    """The validator itself writes the melding and its ticket: no later step is needed."""
    from sqlalchemy import select

    from actions.melding import ValidateMeldingForm
    from bot.store.db import session_scope
    from bot.store.models import Melding, Ticket

    slots = {
        "full_name": "Sara Ahmadi", "birth_date": "1990-03-15", "callback_phone": "+31612345678",
        "municipality": "deventer", "household": "single", "has_income": False,
        "other_adults": False, "renting": True, "emergency": False,
    }  # fmt: skip
    t = Tracker("web-77", slots, {"intent": {"name": "affirm"}}, [], False, None,
                {"name": "melding_form"}, "rest")  # fmt: skip
    dispatcher = CollectingDispatcher()
    result = await ValidateMeldingForm().validate_melding_confirmed(True, dispatcher, t, {})
    assert result["melding_confirmed"] is True
    with session_scope() as session:
        melding = session.execute(select(Melding)).scalar_one()
        ticket = session.get(Ticket, melding.ticket_id)
    assert melding.reference == result["melding_ref"]
    assert melding.answers["renting"] is True and melding.melded_at.tzinfo is not None
    assert (ticket.queue, ticket.kind, ticket.municipality) == ("intake", "melding", "deventer")


def faq_tracker(
    topic: str, slots: dict | None = None, confidence: float = 0.97, share: float = 0.97
) -> Tracker:
    """A FAQ question: `confidence` of the `faq` intent, `share` of it for `topic`."""
    latest = {
        "intent": {"name": "faq", "confidence": confidence},
        "entities": [],
        "text": "x",
        "response_selector": {
            "faq": {"response": {"intent_response_key": f"faq/{topic}", "confidence": share}},
        },
    }
    return Tracker("u1", slots or {}, latest, [], False, None, {}, "rest")


async def test_faq_answer_then_feedback_once_per_topic() -> None:
    from actions.faq import ActionAnswerFaq

    responses, events = await run(ActionAnswerFaq(), faq_tracker("vakantie_buitenland"))
    assert responses == ["utter_faq/vakantie_buitenland", "utter_faq_feedback"]
    asked = next(e["value"] for e in events if e.get("name") == "faq_feedback_asked")
    again, _ = await run(
        ActionAnswerFaq(), faq_tracker("vakantie_buitenland", {"faq_feedback_asked": asked})
    )
    assert again == ["utter_faq/vakantie_buitenland"]


async def test_faq_that_differs_per_municipality_asks_where_first() -> None:
    from actions.faq import ActionAnswerFaq

    responses, events = await run(ActionAnswerFaq(), faq_tracker("voorschot"))
    assert responses == ["utter_faq/voorschot", "utter_choose_municipality"]
    assert {
        "event": "slot",
        "name": "pending_faq",
        "value": "voorschot",
        "timestamp": None,
    } in events
    known, _ = await run(ActionAnswerFaq(), faq_tracker("voorschot", {"municipality": "deventer"}))
    assert known[0] == "utter_faq/voorschot" and "utter_choose_municipality" not in known
    assert "utter_faq_more_offer" in known  # voorschot has a follow-up


async def test_an_unsure_faq_match_gets_no_answer_but_a_rephrase_hint() -> None:
    from actions.faq import ActionAnswerFaq

    responses, _ = await run(ActionAnswerFaq(), faq_tracker("vermogen", confidence=0.3))
    assert responses == ["utter_rephrase"]


async def test_a_faq_question_torn_between_two_topics_gets_no_answer() -> None:
    """Sure it is a FAQ question, unsure which: 0.9 x 0.6 is below the gate of 0.75."""
    from actions.faq import ActionAnswerFaq

    torn, _ = await run(ActionAnswerFaq(), faq_tracker("vermogen", confidence=0.9, share=0.6))
    assert torn == ["utter_rephrase"]
    sure, _ = await run(ActionAnswerFaq(), faq_tracker("vermogen", confidence=0.9, share=0.9))
    assert sure[0] == "utter_faq/vermogen"


async def test_an_unknown_topic_asks_to_rephrase() -> None:
    from actions.faq import ActionAnswerFaq

    responses, _ = await run(ActionAnswerFaq(), faq_tracker("bestaat_niet"))
    assert responses == ["utter_rephrase"]


async def test_source_of_the_last_answer() -> None:
    from actions.faq import ActionFaqSource

    dispatcher = CollectingDispatcher()
    t = tracker(["faq_source"], {"last_faq": "vakantie_buitenland"})
    await ActionFaqSource().run(dispatcher, t, {})
    assert dispatcher.messages[0]["response"] == "utter_faq_source"
    assert "Participatiewet" in dispatcher.messages[0]["source"]
    nothing, _ = await run(ActionFaqSource(), tracker(["faq_source"]))
    assert nothing == ["utter_faq_source_unknown"]


async def test_feedback_vote_is_stored(database_url: str) -> None:
    from sqlalchemy import select

    from actions.faq import FAQ_FEEDBACK
    from bot.store.db import session_scope
    from bot.store.models import FaqVote

    slots = {"last_menu": FAQ_FEEDBACK, "last_faq": "bezwaar", "municipality": "deventer"}
    responses, _ = await run(ActionYesNo(), tracker(["faq", "deny"], slots))
    assert responses == ["utter_faq_not_helped"]
    with session_scope() as session:
        vote = session.execute(select(FaqVote)).scalar_one()
    assert (vote.topic, vote.language, vote.municipality, vote.helped) == (
        "bezwaar",
        "nl",
        "deventer",
        False,
    )


def answered(slots: dict, earlier: list[dict]) -> Tracker:
    """A tracker in a form: ``earlier`` events, then the user's latest answer."""
    events = [*earlier, {"event": "user", "text": "alleen", "parse_data": {}}]
    return Tracker("u1", slots, {"text": "alleen"}, events, False, None, {}, "rest")


async def test_a_word_tagged_as_a_place_in_another_answer_keeps_the_municipality() -> None:
    """ "alleen" to "Met wie woont u?" once came back from the model as a place: the
    municipality given before stays, and no "ken ik niet" is said."""
    earlier = [{"event": "slot", "name": "municipality", "value": "deventer"}]
    for form, asked in (
        (ValidateMinimaForm(), "minima_household"),
        (ValidateMeldingForm(), "household"),
    ):
        dispatcher = CollectingDispatcher()
        t = answered({"municipality": "alleen", "requested_slot": asked}, earlier)
        result = form.validate_municipality("alleen", dispatcher, t, {})
        result = await result if inspect.isawaitable(result) else result
        assert result["municipality"] == "deventer" and dispatcher.messages == []


async def test_an_unknown_place_as_the_answer_to_the_place_question_is_said() -> None:
    dispatcher = CollectingDispatcher()
    t = answered({"municipality": "alleen", "requested_slot": "municipality"}, [])
    result = ValidateMinimaForm().validate_municipality("Atlantis", dispatcher, t, {})
    assert result == {"municipality": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_municipality_unknown"]


def form_tracker(text: str, slot: str = "full_name", loop: str = "melding_form") -> Tracker:
    latest = {"intent": {"name": "cancel"}, "entities": [], "text": text}
    return Tracker(
        "u1", {"requested_slot": slot}, latest, [], False, None, {"name": loop}, "action_listen"
    )


@pytest.mark.parametrize("name", ["سارة أحمدي", "Mohammed Al Hassan", "ሳራ ተስፋይ", "Piet"])
async def test_a_name_the_model_took_for_stop_is_the_answer(name: str) -> None:
    from actions.melding import ActionCancelForm

    responses, events = await run(ActionCancelForm(), form_tracker(name))
    assert responses == []  # nothing cancelled
    assert events[0]["name"] == "full_name" and events[0]["value"] == name
    assert events[1] == {"event": "followup", "name": "melding_form", "timestamp": None}


@pytest.mark.parametrize(
    ("text", "slot"),
    [("laat maar", "full_name"), ("stop", "full_name"), ("Sara Ahmadi", "renting")],
)
async def test_stop_words_or_another_question_still_stop_the_form(text: str, slot: str) -> None:
    from actions.melding import ActionCancelForm

    responses, events = await run(ActionCancelForm(), form_tracker(text, slot))
    assert responses == ["utter_melding_cancelled"]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


async def test_a_name_the_model_took_for_a_request_for_a_person_is_the_answer() -> None:
    from actions.melding import ActionLeaveFormForPerson

    t = form_tracker("Mohammed Al Hassan", "helper_name", "helper_form")
    responses, events = await run(ActionLeaveFormForPerson(), t)
    assert responses == []
    assert events[0]["name"] == "helper_name" and events[0]["value"] == "Mohammed Al Hassan"
    assert events[1] == {"event": "followup", "name": "helper_form", "timestamp": None}


@pytest.mark.parametrize(
    "text", ["ik wil een medewerker spreken", "medewerker", "Mohammed Al Hassan"]
)
async def test_asking_for_a_person_leaves_the_form(text: str) -> None:
    """The same name to another question, or a real request, leaves the form for the
    hand-over form."""
    from actions.melding import ActionLeaveFormForPerson

    slot = "birth_date" if text == "Mohammed Al Hassan" else "full_name"
    responses, events = await run(ActionLeaveFormForPerson(), form_tracker(text, slot))
    assert responses == []
    assert events == [
        {"event": "active_loop", "name": None, "timestamp": None},
        {"event": "slot", "name": "requested_slot", "value": None, "timestamp": None},
    ]


async def test_a_name_the_model_took_for_languages_answers_the_name_question() -> None:
    t = form_tracker("Faadumo Cali")
    t.latest_message["intent"] = {"name": "set_language"}
    t.latest_message["entities"] = [
        {"entity": "language", "value": "Faadumo"},
        {"entity": "language", "value": "Cali"},
    ]
    responses, events = await run(ActionSetLanguage(), t)
    assert responses == []  # not "I do not speak that language"
    assert events[0]["name"] == "full_name" and events[0]["value"] == "Faadumo Cali"
