"""From a linear classifier's scores to the intent ranking the bot and Rasa read.

Plain Python and numpy, no Rasa: what the confidences mean is decided here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

RANKING_LENGTH = 10


def confidences(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Softmax of the margins, sharpened by `temperature`.

    A linear SVM's margins are not probabilities; the FallbackClassifier's threshold
    needs numbers between 0 and 1 that rise with certainty. The temperature (config.yml)
    was chosen so that at the threshold of 0.7 no language loses more in-scope messages
    than with DIET (bench/reports/nlu_split.md, docs/decisions.md)."""
    z = np.asarray(scores, dtype=float) * temperature
    z -= z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def merged_ranking(
    labels: Sequence[str], values: Sequence[float], length: int = RANKING_LENGTH
) -> list[dict[str, float | str]]:
    """One entry per intent, best first: the topics of a retrieval intent (`faq/<topic>`)
    are added up under its name, so the rest of the bot sees `faq` as one intent.
    Cut to `length` only after adding up (0 keeps all)."""
    totals: dict[str, float] = defaultdict(float)
    for label, value in zip(labels, values, strict=True):
        totals[label.split("/", 1)[0]] += float(value)
    ranking = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    if length > 0:
        ranking = ranking[:length]
    return [{"name": name, "confidence": value} for name, value in ranking]


def topic_ranking(
    labels: Sequence[str], values: Sequence[float], intent: str, length: int = RANKING_LENGTH
) -> list[dict[str, float | str]]:
    """The topics of retrieval intent `intent` (`faq/<topic>`), best first, each with its
    share of the intent's confidence: they sum to 1, as a ResponseSelector's do, so a
    topic's confidence says how sure the model is of the topic once it is a FAQ question.
    Cut to `length` (0 keeps all)."""
    topics = [
        (label, float(value))
        for label, value in zip(labels, values, strict=True)
        if label.startswith(f"{intent}/")
    ]
    total = sum(value for _, value in topics) or 1.0
    topics.sort(key=lambda item: item[1], reverse=True)
    if length > 0:
        topics = topics[:length]
    return [{"intent_response_key": key, "confidence": value / total} for key, value in topics]
