"""Guards on the training data and the Dutch source texts."""

import json
import re
from pathlib import Path

import pytest

from bot.i18n.languages import SHIPPED
from bot.i18n.responses import domain_responses
from bot.nlu.training_examples import examples as annotated
from scripts.check_nlu_data import plain, problems

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks" / "out_of_scope"


def examples(lang: str) -> dict[str, list[str]]:
    return {intent: [plain(t) for t in texts] for intent, texts in annotated(lang).items()}


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_label_has_enough_distinct_examples_and_none_has_two_labels(lang: str) -> None:
    """scripts/check_nlu_data.py: every intent and FAQ topic of the domain, with at least
    15 examples (25 for the busiest intents, 12 per FAQ topic), no example under two."""
    assert problems(lang) == []


def test_dutch_faq_topics_have_at_least_20_examples() -> None:
    counts = examples("nl")
    topics = [label for label in counts if label.startswith("faq/")]
    assert len(topics) > 30
    assert {t: len(counts[t]) for t in topics if len(counts[t]) < 20} == {}


def test_benchmark_utterances_are_never_trained_on() -> None:
    if not BENCHMARKS.exists():
        pytest.skip("shared benchmarks not present")
    benchmark = {
        row["text"].casefold().strip()
        for f in BENCHMARKS.glob("*.json")
        for row in json.loads(f.read_text())
    }
    trained = {
        t.casefold().strip() for lang in SHIPPED for ts in examples(lang).values() for t in ts
    }
    assert not (benchmark & trained)


def test_dutch_source_texts_use_short_sentences() -> None:
    """B1: short sentences. No sentence in a response is longer than 20 words."""
    long = []
    for name, variations in domain_responses().items():
        for variation in variations:
            for sentence in re.split(r"(?<=[.!?])\s+|\n", variation.get("text", "")):
                if len(sentence.split()) > 20:
                    long.append((name, sentence))
    assert not long


ASKS_FOR_BSN = re.compile(
    r"\b(wat is|geef|stuur|typ|noem|mag ik|heeft u)\b[^.?!]{0,25}\bbsn\b", re.I
)


def test_the_bot_never_asks_for_a_bsn() -> None:
    """Saying it is not needed ("U hoeft uw BSN niet te sturen") is fine; asking is not."""
    asking = []
    for name, variations in domain_responses().items():
        for variation in variations:
            for sentence in re.split(r"(?<=[.!?])\s+|\n", variation.get("text", "")):
                negated = re.search(r"\b(niet|nooit|geen|toch)\b", sentence, re.I)
                if ASKS_FOR_BSN.search(sentence) and not negated:
                    asking.append((name, sentence))
    assert not asking
    assert ASKS_FOR_BSN.search("Wat is uw BSN?")  # the guard itself works
