"""The linear intent classifier: trained, saved in the model, loaded, and asked."""

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.intent_ranking import confidences, merged_ranking, topic_ranking
from bot.nlu.linear_intents import LinearIntentClassifier

EXAMPLES = {
    "afspraak_verzetten": [
        "ik wil mijn afspraak verzetten",
        "kan de afspraak een andere dag",
        "can I move my appointment",
        "please reschedule my appointment",
    ],
    "greet": ["hallo", "goedemorgen", "hello", "hi there"],
    "faq/uitbetaling": [
        "wanneer wordt mijn uitkering betaald",
        "op welke dag komt het geld",
        "when is my benefit paid",
    ],
    "faq/vakantie_buitenland": [
        "mag ik op vakantie naar het buitenland",
        "hoe lang mag ik weg met bijstand",
        "can I go abroad on holiday",
    ],
}


def training_data() -> TrainingData:
    messages = []
    for label, texts in EXAMPLES.items():
        intent = label.split("/", 1)[0]
        for text in texts:
            data = {TEXT: text, INTENT: intent}
            if "/" in label:
                data[INTENT_RESPONSE_KEY] = label
            messages.append(Message(data=data))
    return TrainingData(messages)


@pytest.fixture
def trained(tmp_path: Path) -> tuple[LocalModelStorage, Resource, ExecutionContext]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("linear_intents")
    context = ExecutionContext(GraphSchema({}), "test")
    LinearIntentClassifier.create({}, storage, resource, context).train(training_data())
    return storage, resource, context


def ask(trained: tuple, *texts: str) -> list[Message]:
    classifier = LinearIntentClassifier.load({}, *trained)
    return classifier.process([Message(data={TEXT: text}) for text in texts])


def test_a_loaded_model_recognises_new_wordings_in_both_languages(trained: tuple) -> None:
    first, second, third = ask(trained, "afspraak verzetten aub", "hallo daar", "move appointment")
    assert first.get(INTENT)["name"] == "afspraak_verzetten"
    assert second.get(INTENT)["name"] == "greet"
    assert third.get(INTENT)["name"] == "afspraak_verzetten"


def test_faq_topics_are_answered_as_one_faq_intent(trained: tuple) -> None:
    (message,) = ask(trained, "wanneer komt mijn uitkering")
    ranking = message.get("intent_ranking")
    names = [label["name"] for label in ranking]
    assert message.get(INTENT)["name"] == "faq"
    assert sorted(names) == ["afspraak_verzetten", "faq", "greet"]
    assert sum(label["confidence"] for label in ranking) == pytest.approx(1.0)
    assert message.get(INTENT) == ranking[0]


def test_the_topic_is_selected_where_rasa_and_the_faq_action_read_it(trained: tuple) -> None:
    """The FAQ answer is chosen from `response_selector`, in the ResponseSelector's form:
    Rasa fills the full retrieval intent from it, and actions/faq.py reads the topic."""
    holiday, greeting = ask(trained, "mag ik naar het buitenland op vakantie", "hallo")
    selected = holiday.get("response_selector")
    assert selected["all_retrieval_intents"] == ["faq"]
    response = selected["faq"]["response"]
    assert response["intent_response_key"] == "faq/vakantie_buitenland"
    assert response["utter_action"] == "utter_faq/vakantie_buitenland"
    ranking = selected["faq"]["ranking"]
    assert [r["intent_response_key"] for r in ranking] == [
        "faq/vakantie_buitenland",
        "faq/uitbetaling",
    ]
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert response["confidence"] == ranking[0]["confidence"] > 0.5
    assert greeting.get(INTENT)["name"] == "greet"
    assert "faq" in greeting.get("response_selector")  # a topic even when it is no question


def test_topic_confidences_are_shares_of_the_retrieval_intent() -> None:
    labels = ["afspraak_info", "faq/huisbezoek", "faq/afspraak_noshow", "greet"]
    ranking = topic_ranking(labels, [0.50, 0.30, 0.10, 0.10], "faq", length=1)
    assert ranking == [{"intent_response_key": "faq/huisbezoek", "confidence": pytest.approx(0.75)}]


def test_a_message_without_text_is_left_alone(trained: tuple) -> None:
    (message,) = ask(trained, "")
    assert message.get(INTENT) is None


def test_an_untrained_model_sets_no_intent(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    classifier = LinearIntentClassifier.load({}, storage, Resource("never_trained"), context)
    (message,) = classifier.process([Message(data={TEXT: "hallo"})])
    assert message.get(INTENT) is None


def test_topics_add_up_and_the_ranking_is_cut_after_adding() -> None:
    labels = ["afspraak_info", "faq/huisbezoek", "faq/afspraak_noshow", "greet", "thank"]
    ranking = merged_ranking(labels, [0.40, 0.30, 0.25, 0.04, 0.01], length=2)
    assert [label["name"] for label in ranking] == ["faq", "afspraak_info"]
    assert ranking[0]["confidence"] == pytest.approx(0.55)


def test_confidences_rise_with_the_margin_and_sharpen_with_the_temperature() -> None:
    scores = np.array([[1.0, 0.5, -1.0]])
    soft, sharp = confidences(scores, 1.0)[0], confidences(scores, 10.0)[0]
    assert soft.sum() == pytest.approx(1.0) and sharp.sum() == pytest.approx(1.0)
    assert soft[0] > soft[1] > soft[2]
    assert sharp[0] > soft[0] > 0.4
    assert sharp[0] > 0.99


def test_a_word_typed_without_its_accents_is_still_recognised(tmp_path: Path) -> None:
    """People type Turkish and Polish with and without diacritics: "değişiklik" taught
    under one intent, "degil mi" and "iki kisi" under another, "degisiklik" is the first.
    Two intents only: the SVM then gives one margin per message instead of one per label."""
    examples = {
        "wijziging_doorgeven": ["değişiklik", "zmiana"],
        "greet": ["degil mi", "iki kisi", "selam"],
    }
    data = TrainingData(
        [Message(data={TEXT: t, INTENT: i}) for i, texts in examples.items() for t in texts]
    )
    storage, context = LocalModelStorage(tmp_path), ExecutionContext(GraphSchema({}), "test")
    classifier = LinearIntentClassifier.create({}, storage, Resource("accents"), context)
    classifier.train(data)
    (asked,) = classifier.process([Message(data={TEXT: "degisiklik"})])
    assert asked.get(INTENT)["name"] == "wijziging_doorgeven"
