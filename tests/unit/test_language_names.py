"""Language names: the NLU synonyms and the table the action falls back on agree, and a
name means one language only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from bot.i18n.languages import LAUNCH, NAMES, code_for_name, language_named_in, normalise_name

LANGUAGES_YML = Path(__file__).resolve().parents[2] / "data" / "nlu" / "languages.yml"


def _blocks() -> list[dict]:
    return yaml.safe_load(LANGUAGES_YML.read_text(encoding="utf-8"))["nlu"]


def _examples(block: dict) -> list[str]:
    return [line.removeprefix("- ").strip() for line in block["examples"].splitlines()]


def test_every_language_has_names_and_no_name_means_two_languages() -> None:
    assert set(NAMES) == set(LAUNCH)
    counts = Counter(n for names in NAMES.values() for n in {normalise_name(x) for x in names})
    assert [n for n, c in counts.items() if c > 1] == []


def test_the_synonyms_map_each_name_to_the_language_the_table_gives() -> None:
    synonyms = [b for b in _blocks() if "synonym" in b]
    assert {b["synonym"] for b in synonyms} == set(LAUNCH)
    for block in synonyms:
        for name in _examples(block):
            assert code_for_name(name) == block["synonym"], name


def test_the_lookup_holds_every_name_of_the_table() -> None:
    (lookup,) = [b for b in _blocks() if b.get("lookup") == "language"]
    listed = {normalise_name(n) for n in _examples(lookup)}
    missing = {n for names in NAMES.values() for n in names if normalise_name(n) not in listed}
    assert missing == set()


def test_names_are_found_however_they_are_written() -> None:
    assert code_for_name("İNGİLİZCE") == "en"  # Turkish dotted capital I
    assert code_for_name("فارسي") == "fa"  # Arabic yeh for the Persian name
    assert code_for_name("Af-Soomaali") == "so"
    assert code_for_name("oekraiens") == "uk"
    assert code_for_name("russisch") is None
    assert language_named_in("ik wil graag Tigrinya alstublieft") == "ti"
    assert language_named_in("hollandse kaas") is None  # a word, not the name
    assert language_named_in("Engels of Arabisch") is None
