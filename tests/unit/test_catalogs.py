"""Every text a client can see has a translation in every launch language (the shipped
ones and the drafted ones waiting for their NLU data, docs/translations.md)."""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n.languages import LAUNCH, SOURCE
from bot.i18n.nlg import placeholders

ROOT = Path(__file__).resolve().parents[2]


def source_messages() -> set[tuple[str | None, str]]:
    """What ``make i18n`` would extract now, straight from the domain and templates."""
    method_map = [
        ("domain/**.yml", "rasa_domain"),
        ("bot/desk/templates/**.html", "jinja2"),
        ("bot/**.py", "python"),
        ("actions/**.py", "python"),
    ]
    keywords = {**DEFAULT_KEYWORDS, "N_": ((1, "c"), 2)}
    found = set()
    for _, _, message, _, context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords
    ):
        found.add((context, message))
    return found


@pytest.mark.parametrize("lang", [code for code in LAUNCH if code != SOURCE])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    catalog = read_po((ROOT / "locales" / lang / "LC_MESSAGES" / "bot.po").open("rb"))
    problems = []
    for context, source in sorted(source_messages(), key=str):
        entry = catalog.get(source, context=context)
        if entry is None or not entry.string:
            problems.append(f"missing: [{context}] {source}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: [{context}] {source}")
        elif placeholders(source) != placeholders(entry.string):
            problems.append(f"placeholders differ: [{context}] {source} -> {entry.string}")
    assert not problems, f"{lang}: run 'make i18n' and translate:\n" + "\n".join(problems)


def test_the_extractor_finds_response_texts_and_buttons() -> None:
    messages = source_messages()
    assert ("utter_greet", "Praten met een medewerker") in messages
    assert any(
        context == "utter_handoff_done" and "{ticket_ref}" in text for context, text in messages
    )
    assert any(context == "webchat" for context, _ in messages)


def test_internal_jargon_never_reaches_clients() -> None:
    banned = ("niet-willers", "boefjes", "stoorzenders", "zorg-handhaving", "BSN-nummer")
    texts = " ".join(text for _, text in source_messages()).lower()
    assert not [word for word in banned if word.lower() in texts]
