"""Check one language's NLU training data before it ships: every intent and FAQ topic of the
domain present with enough examples, no example under two intents, no empty or malformed
annotation. Runs with any Python that has PyYAML, so a translator or data writer can run it
without the project's environment:

    python3 scripts/check_nlu_data.py tr

Exits non-zero and lists what is missing. The same limits are enforced by
``tests/unit/test_training_data.py`` for every shipped language.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's own reader, without installing the project
from bot.nlu.training_examples import examples  # noqa: E402

# Reached only by buttons, payloads and channel reply words, never by the model.
NOT_TRAINED = {
    "nlu_fallback",
    "empty_message",
    "choose",
    "choose_language",
    "faq_more",
    "sms_stop",
    "sms_start",
    "helper_stop",
}
# The intents most messages carry: they need more variety than the rest.
HIGH_TRAFFIC = {
    "melding_bijstand",
    "wijziging_doorgeven",
    "afspraak_info",
    "afspraak_bevestigen",
    "afspraak_afzeggen",
    "afspraak_verzetten",
    "human_handoff",
    "urgent_broodnood",
    "urgent_crisis",
}
MINIMUM_INTENT = 15
MINIMUM_HIGH_TRAFFIC = 25
MINIMUM_FAQ = 12
ANNOTATION = re.compile(r"\[([^\]]+)\]\{[^}]*\}")
FORM = '[words]{"entity": "<name>", "value": "<value>"}'
ENTITY_JSON = re.compile(r'\]\{"entity": "[a-z_]+", "value": "[^"]+"\}')


def plain(example: str) -> str:
    return ANNOTATION.sub(r"\1", example)


def domain_labels() -> tuple[set[str], set[str]]:
    """(intents, FAQ topics) the model must know."""
    intents: set[str] = set()
    topics: set[str] = set()
    for path in (ROOT / "domain").glob("*.yml"):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        intents |= set(content.get("intents") or [])
        topics |= {
            name.split("/", 1)[1]
            for name in content.get("responses") or {}
            if name.startswith("utter_faq/")
        }
    return intents - NOT_TRAINED - {"faq"}, topics


def problems(lang: str) -> list[str]:
    found = examples(lang)
    intents, topics = domain_labels()
    wanted = {i: MINIMUM_HIGH_TRAFFIC if i in HIGH_TRAFFIC else MINIMUM_INTENT for i in intents}
    wanted |= {f"faq/{t}": MINIMUM_FAQ for t in topics}
    report = [
        f"{label}: {len(found.get(label, []))} examples, needs {n}"
        for label, n in sorted(wanted.items())
        if len(found.get(label, [])) < n
    ]
    report += [
        f"{label}: not an intent or FAQ topic of the domain"
        for label in found.keys() - wanted.keys()
    ]
    seen: dict[str, str] = {}
    for label, texts in found.items():
        for text in texts:
            if "[" in text and not ENTITY_JSON.search(text):
                report.append(f"{label}: annotation not in the form {FORM}: {text}")
            key = plain(text).casefold()
            if not key:
                report.append(f"{label}: empty example")
            elif key in seen and seen[key] != label:
                report.append(f"'{plain(text)}' is under both {seen[key]} and {label}")
            seen[key] = label
    return report


if __name__ == "__main__":
    lang = sys.argv[1]
    issues = problems(lang)
    for line in issues:
        print(line)
    total = sum(len(v) for v in examples(lang).values())
    print(f"{lang}: {total} examples, {len(issues)} problems")
    sys.exit(1 if issues else 0)
