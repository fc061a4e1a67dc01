"""Guards on the training data and the Dutch source texts."""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from bot.i18n.languages import SHIPPED
from bot.i18n.responses import domain_responses

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks" / "out_of_scope"
# produced by the pipeline, the channel, or only by buttons
# Reached only by payloads: buttons, and the SMS reply words routed by the channel
# (bot/appointments/replies.py), never by the model.
NOT_TRAINED = {"nlu_fallback", "empty_message", "choose", "faq_more", "sms_stop", "sms_start"}
ANNOTATION = re.compile(r"\[([^\]]+)\]\{[^}]*\}")


def examples(lang: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in (ROOT / "data" / "nlu" / lang).glob("*.yml"):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            if "intent" in block:
                lines = [
                    line[2:].strip() for line in block["examples"].splitlines() if line.strip()
                ]
                found[block["intent"]] += [ANNOTATION.sub(r"\1", line) for line in lines]
    return found


def domain_intents() -> set[str]:
    intents: set[str] = set()
    for path in (ROOT / "domain").glob("*.yml"):
        intents |= set(yaml.safe_load(path.read_text()).get("intents") or [])
    return intents - NOT_TRAINED


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_intent_has_at_least_15_examples_per_language(lang: str) -> None:
    counts = {intent: len(texts) for intent, texts in examples(lang).items()}
    short = {i: counts.get(i, 0) for i in domain_intents() - {"faq"} if counts.get(i, 0) < 15}
    assert not short, f"{lang}: intents with fewer than 15 examples: {short}"


@pytest.mark.parametrize(("lang", "minimum"), [("nl", 20), ("en", 10), ("ar", 10)])
def test_every_faq_topic_has_enough_examples(lang: str, minimum: int) -> None:
    topics = {n.split("/", 1)[1] for n in domain_responses() if n.startswith("utter_faq/")}
    counts = examples(lang)
    short = {t: len(counts.get(f"faq/{t}", [])) for t in topics}
    assert not {t: n for t, n in short.items() if n < minimum}


@pytest.mark.parametrize("lang", SHIPPED)
def test_no_example_is_given_two_intents(lang: str) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for intent, texts in examples(lang).items():
        for text in texts:
            key = text.casefold()
            if key in seen and seen[key] != intent:
                clashes.append((text, seen[key], intent))
            seen[key] = intent
    assert not clashes


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
