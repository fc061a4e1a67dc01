"""DIET that learns each FAQ topic as its own label and still answers with the intent `faq`.

Why: `faq` holds about half of every language's examples, spread over 37 topics that share
few words ("when is my money paid", "may I go abroad", "what do you store about me").
DIET gives every label one embedding, and one point cannot sit close to all of them, so
the action intents next to a topic (a report of a change next to `faq/welke_wijzigingen`,
"when is my appointment" next to `faq/huisbezoek`) lost out to `faq` or took its
examples. Here DIET trains on `faq/<topic>` labels; at prediction the topics' confidences
are added up into one `faq` entry, so the rest of the bot (ResponseSelector, rules,
FallbackClassifier) sees the same intents as before.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

RANKING_LENGTH = 10


def with_topic_labels(training_data: TrainingData) -> TrainingData:
    """Copies of the examples with `faq/<topic>` as their intent. The intent's own
    features (a bag of the intent name's words, the same for every topic) are left out,
    so DIET gives every label its own one-hot feature."""
    examples = []
    for message in training_data.training_examples:
        data = dict(message.data)
        if data.get(INTENT_RESPONSE_KEY):
            data[INTENT] = data[INTENT_RESPONSE_KEY]
        features = [f for f in message.features if f.attribute != INTENT]
        examples.append(Message(data=data, features=features))
    return TrainingData(
        training_examples=examples,
        entity_synonyms=training_data.entity_synonyms,
        regex_features=training_data.regex_features,
        lookup_tables=training_data.lookup_tables,
    )


def merged_ranking(ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per intent: a retrieval intent's topics are added up under its name."""
    totals: dict[str, float] = defaultdict(float)
    for label in ranking:
        totals[label["name"].split("/", 1)[0]] += label["confidence"]
    merged = [{"name": name, "confidence": value} for name, value in totals.items()]
    merged.sort(key=lambda label: label["confidence"], reverse=True)
    return merged[:RANKING_LENGTH]


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class TopicDIETClassifier(DIETClassifier):
    """DIETClassifier with FAQ topics as labels; configure it with `ranking_length: 0`
    so every topic's confidence is counted before the ranking is cut.

    It extracts entities and uses the lookup tables as DIET does; Rasa's training
    validation looks for `DIETClassifier` by name and warns that nothing does."""

    def train(self, training_data: TrainingData) -> Resource:
        return super().train(with_topic_labels(training_data))

    def process(self, messages: list[Message]) -> list[Message]:
        messages = super().process(messages)
        for message in messages:
            ranking = message.get("intent_ranking")
            if not ranking:
                continue
            merged = merged_ranking(ranking)
            message.set(INTENT, merged[0], add_to_output=True)
            message.set("intent_ranking", merged, add_to_output=True)
        return messages
