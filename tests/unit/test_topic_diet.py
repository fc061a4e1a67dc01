"""The FAQ topics as DIET labels: trained per topic, answered as `faq`."""

from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from bot.nlu.topic_diet import merged_ranking, with_topic_labels


def example(text: str, intent: str, topic: str | None = None) -> Message:
    data = {TEXT: text, INTENT: intent}
    if topic:
        data[INTENT_RESPONSE_KEY] = f"{intent}/{topic}"
    features = [
        Features(coo_matrix([[1.0]]), "sentence", attribute, "CountVectorsFeaturizer")
        for attribute in (TEXT, INTENT)
    ]
    return Message(data=data, features=features)


def test_faq_examples_are_labelled_with_their_topic_and_others_keep_their_intent() -> None:
    original = TrainingData(
        [
            example("wanneer komt mijn geld", "faq", "uitbetaling"),
            example("mag ik op vakantie", "faq", "vakantie_buitenland"),
            example("ik heb werk gevonden", "wijziging_doorgeven"),
        ]
    )
    labelled = with_topic_labels(original)
    assert [m.get(INTENT) for m in labelled.intent_examples] == [
        "faq/uitbetaling",
        "faq/vakantie_buitenland",
        "wijziging_doorgeven",
    ]
    # one label feature shared by every topic would make the topics one label again
    assert all(f.attribute != INTENT for m in labelled.intent_examples for f in m.features)
    # the ResponseSelector trains on the original examples, which stay as they were
    assert [m.get(INTENT) for m in original.intent_examples] == [
        "faq",
        "faq",
        "wijziging_doorgeven",
    ]
    assert len(original.intent_examples[0].features) == 2


def test_topics_add_up_to_faq_in_the_ranking() -> None:
    ranking = [
        {"name": "afspraak_info", "confidence": 0.40},
        {"name": "faq/huisbezoek", "confidence": 0.30},
        {"name": "faq/afspraak_noshow", "confidence": 0.25},
        {"name": "greet", "confidence": 0.05},
    ]
    merged = merged_ranking(ranking)
    assert [label["name"] for label in merged] == ["faq", "afspraak_info", "greet"]
    assert abs(merged[0]["confidence"] - 0.55) < 1e-9


def test_the_ranking_is_cut_after_merging() -> None:
    ranking = [{"name": f"faq/t{i}", "confidence": 0.01} for i in range(40)]
    ranking += [{"name": f"intent{i}", "confidence": 0.015} for i in range(20)]
    merged = merged_ranking(ranking)
    assert len(merged) == 10 and merged[0]["name"] == "faq"
