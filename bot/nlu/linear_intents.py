"""Intent classifier: a linear SVM on tf-idf character and word n-grams.

Why not DIET: on the same 80/20 split of all nine languages (seed 2026,
bench/reports/nlu_split.md) it scored higher in every language (Dutch intents macro-F1
0.874 -> 0.919) and trains in seconds instead of most of an hour; DIET, trained
from scratch, has too few examples per language to learn nine languages' words. DIET
stays in the pipeline for the entities only.

Every FAQ topic is a label of its own (`faq/<topic>`); their confidences are added up
into `faq`, so rules and the FallbackClassifier see the intents they always did. The best
topic is also written where a ResponseSelector writes it, which made the ResponseSelector
redundant: on the same split this classifier chose the topic better in eight of nine
languages, and dropping it took about 20 minutes off every training (docs/decisions.md).
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import skops.io as sio
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline, make_pipeline, make_union
from sklearn.svm import LinearSVC

from bot.nlu.intent_ranking import RANKING_LENGTH, confidences, merged_ranking, topic_ranking

logger = logging.getLogger(__name__)

# The one type in the saved model that skops does not trust by itself (the tf-idf
# weights); anything else unexpected is refused rather than loaded.
TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix"]


def build_pipeline(config: dict[str, Any]) -> Pipeline:
    """Character n-grams within words carry typos and nine scripts; word unigrams and
    bigrams carry phrases ("afspraak verzetten"); character n-grams across word boundaries
    carry words run together or split ("afspraakverzetten", "uit kering") and short
    phrases in scripts without clear word breaks: in the nine-language cross-validation
    they raised seven languages (Arabic 0.840 -> 0.852, Turkish 0.867 -> 0.878), left
    Persian equal and cost English 0.003 (docs/decisions.md). Sublinear tf damps repeated
    words. Every n-gram is kept: dropping those seen once cost Persian, Somali and Arabic
    0.02-0.03. Accents are stripped because people type Turkish and Polish with and
    without them ("değişiklik", "degisiklik"): in the nine-language cross-validation
    Polish rose 0.011 and Turkish 0.008, and no language fell."""
    vectorizer = {"sublinear_tf": True, "strip_accents": config["strip_accents"]}
    return make_pipeline(
        make_union(
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(config["char_ngrams"]), **vectorizer
            ),
            TfidfVectorizer(
                analyzer="word",
                ngram_range=tuple(config["word_ngrams"]),
                token_pattern=r"(?u)\b\w+\b",
                **vectorizer,
            ),
            TfidfVectorizer(
                analyzer="char", ngram_range=tuple(config["cross_word_ngrams"]), **vectorizer
            ),
        ),
        # a fixed seed: liblinear shuffles the examples, and the same data should give
        # the same model
        LinearSVC(C=config["C"], random_state=0),
    )


def label_of(message: Message) -> str:
    """`faq/<topic>` for a FAQ example, the intent otherwise."""
    return message.get(INTENT_RESPONSE_KEY) or message.get(INTENT)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Sets `intent` and `intent_ranking` from the message text alone."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 2.0,
            "temperature": 10.0,
            "char_ngrams": [1, 4],
            "word_ngrams": [1, 2],
            "cross_word_ngrams": [3, 5],
            "strip_accents": "unicode",
            "ranking_length": RANKING_LENGTH,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "skops"]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.pipeline = pipeline

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        if not examples:
            logger.debug("No intent examples: %s is not trained.", type(self).__name__)
            return self._resource
        self.pipeline = build_pipeline(self.config)
        self.pipeline.fit([m.get(TEXT) for m in examples], [label_of(m) for m in examples])
        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.pipeline, directory / "pipeline.skops")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                pipeline = sio.load(directory / "pipeline.skops", trusted=TRUSTED_TYPES)
        except ValueError:
            logger.debug("No trained %s in the model.", cls.__name__)
            pipeline = None
        return cls(config, model_storage, resource, pipeline)

    def process(self, messages: list[Message]) -> list[Message]:
        asked = [m for m in messages if m.get(TEXT)]
        if self.pipeline is None or not asked:
            return messages
        labels = list(self.pipeline.classes_)
        scores = self.pipeline.decision_function([m.get(TEXT) for m in asked])
        if scores.ndim == 1:  # two labels: one margin, positive for the second
            scores = np.column_stack([-scores, scores])
        values = confidences(scores, self.config["temperature"])
        retrieval_intents = sorted({label.split("/", 1)[0] for label in labels if "/" in label})
        for message, row in zip(asked, values, strict=True):
            ranking = merged_ranking(labels, row, self.config["ranking_length"])
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
            message.set(
                RESPONSE_SELECTOR_PROPERTY_NAME,
                self._selections(retrieval_intents, labels, row),
                add_to_output=True,
            )
        return messages

    def _selections(
        self, intents: list[str], labels: list[str], values: np.ndarray
    ) -> dict[str, Any]:
        """The topic of every retrieval intent, in the form a ResponseSelector writes it:
        Rasa's story tests, `rasa test nlu` and actions/faq.py read it from there."""
        selections: dict[str, Any] = {RESPONSE_SELECTOR_RETRIEVAL_INTENTS: intents}
        for intent in intents:
            ranking = topic_ranking(labels, values, intent, self.config["ranking_length"])
            key = ranking[0]["intent_response_key"]
            selections[intent] = {
                RESPONSE_SELECTOR_PREDICTION_KEY: {
                    "confidence": ranking[0]["confidence"],
                    INTENT_RESPONSE_KEY: key,
                    RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{key}",
                },
                RESPONSE_SELECTOR_RANKING_KEY: ranking,
            }
        return selections
