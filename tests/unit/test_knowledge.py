"""The knowledge base: every contract topic answered, sourced, short and readable."""

import re
from pathlib import Path

import pytest

from bot.i18n.responses import domain_responses
from bot.knowledge.readability import lix
from bot.knowledge.sources import sources, variation_key

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT.parent / "shared" / "design" / "CONTRACT.md"
MAX_LIX = 45  # see bot/knowledge/readability.py
MAX_WORDS = 70


def contract_topics() -> list[str]:
    if not CONTRACT.exists():
        pytest.skip("CONTRACT.md not present")
    section = CONTRACT.read_text().split("## FAQ topics", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, re.M)


def answers() -> dict[str, list[dict]]:
    return {
        k: v
        for k, v in domain_responses().items()
        if k.startswith(("utter_faq/", "utter_faq_more/"))
    }


def test_every_contract_topic_has_an_answer() -> None:
    topics = contract_topics()
    assert len(topics) == 37
    missing = [t for t in topics if f"utter_faq/{t}" not in domain_responses()]
    assert not missing


def test_every_answer_variation_has_a_source_and_no_source_is_orphaned() -> None:
    known = sources()
    problems = []
    for name, variations in answers().items():
        entry = known.get(name)
        if not entry:
            problems.append(f"{name}: no source")
            continue
        for variation in variations:
            condition = (variation.get("condition") or [{}])[0].get("value")
            key = variation_key(name, condition, known)
            if not entry.get(key):
                problems.append(f"{name} [{condition or 'default'}]: no source under {key!r}")
    problems += [f"{name}: source without answer" for name in known if name not in answers()]
    assert not problems


def test_answers_that_differ_per_municipality_cover_both_and_the_unknown_case() -> None:
    for name, variations in answers().items():
        values = {(v.get("condition") or [{}])[0].get("value") for v in variations}
        if values != {None}:
            assert values == {"deventer", "steenwijkerland", None}, name


@pytest.mark.parametrize("name", sorted(answers()))
def test_answers_are_short_and_readable(name: str) -> None:
    for variation in answers()[name]:
        text = variation["text"]
        assert len(text.split()) <= MAX_WORDS, f"{name}: {len(text.split())} words"
        assert lix(text) <= MAX_LIX, f"{name}: LIX {lix(text):.0f} > {MAX_LIX}: {text}"
        assert "{" not in text, "answers have no placeholders"


def test_amounts_carry_a_valid_from_date() -> None:
    for name, variations in answers().items():
        for variation in variations:
            text = variation["text"]
            if "€" in text or re.search(r"\d+ euro", text):
                assert re.search(r"(vanaf|per|sinds) \d{1,2} \w+ 20\d\d", text), f"{name}: {text}"


def test_every_source_can_be_shown_to_a_client() -> None:
    from bot.knowledge.sources import public_source

    unreadable = [(name, key) for name, entry in sources().items()
                  for key, raw in entry.items() if not public_source(raw)]  # fmt: skip
    assert not unreadable
    shown = public_source("Participatiewet art. 13 lid 1 onder e; seed 004 L1173 (Deventer 2021)")
    assert (
        shown == "Participatiewet artikel 13; Productenboek Inzet op Maat, gemeente Deventer (2021)"
    )
    assert "seed" not in shown and "L1173" not in shown
