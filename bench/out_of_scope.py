"""Out-of-scope benchmark: how often does the trained model confidently accept an utterance
that is not about Baken's work? (../shared/benchmarks/out_of_scope, test-only data.)

False accept = classified as a contract intent (anything but ``nlu_fallback`` and
``out_of_scope``). Reported per file; xSID's reminder/alarm rows separately, since they are
the nearest to appointment questions. Run with ``make bench``; the report goes to
``bench/reports/out_of_scope.md``.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml
from rasa.core.agent import Agent

from actions.common import FAQ_MIN_CONFIDENCE, faq_confidence, is_miss
from bot.i18n.languages import LAUNCH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.check_nlu_data import examples, plain  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks" / "out_of_scope"
REJECTED = {"nlu_fallback", "out_of_scope", "empty_message"}
THRESHOLDS = (0.4, 0.5, 0.55, 0.6, 0.7, 0.8)
ENTITY = re.compile(r"\[([^\]]+)\]\{[^}]*\}")


async def parse_all(agent: Agent, texts: list[str]) -> list[dict]:
    return [await agent.parse_message(text) for text in texts]


def acted_on(parse: dict) -> str:
    """The intent as the bot acts on it: a FAQ match below the confidence gate
    (actions/common.py) is answered like a fallback, so it counts as rejected."""
    return "nlu_fallback" if is_miss(parse) else parse["intent"]["name"]


def at_threshold(parse: dict, threshold: float) -> str:
    """The intent the bot would act on with the FallbackClassifier at ``threshold``."""
    ranking = [r for r in parse.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
    if not ranking or ranking[0]["confidence"] < threshold:
        return "nlu_fallback"
    if ranking[0]["name"] == "faq" and faq_confidence(parse) < FAQ_MIN_CONFIDENCE:
        return "nlu_fallback"
    return ranking[0]["name"]


def held_out() -> list[tuple[str, str]]:
    """(text, intent) of the user turns in tests/test_stories.yml that are not also training
    examples ("ja", "doei doei" are both): real questions and answers the model never saw."""
    trained = {
        plain(example).casefold()
        for lang in LAUNCH
        for texts in examples(lang).values()
        for example in texts
    }
    stories = yaml.safe_load((ROOT / "tests" / "test_stories.yml").read_text())["stories"]
    found = []
    for story in stories:
        for step in story["steps"]:
            text = ENTITY.sub(r"\1", str(step.get("user", ""))).strip()
            seen = text.startswith("/") or text.casefold() in trained
            if "intent" in step and text and not seen:
                found.append((text, step["intent"].split("/")[0]))
    return found


def sweep(oos: dict[str, list[dict]], real: list[tuple[dict, str]]) -> list[str]:
    """False accepts per benchmark file and kept real messages, per fallback threshold."""
    names = sorted(oos)
    lines = [
        "",
        "## Fallback threshold sweep",
        "",
        "False accepts of the benchmark files, and the share of the held-out conversation-test "
        "messages (tests/test_stories.yml) still understood correctly, per FallbackClassifier "
        f"threshold (the FAQ gate stays at {FAQ_MIN_CONFIDENCE}).",
        "",
        "| threshold | " + " | ".join(names) + " | held-out understood |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for threshold in THRESHOLDS:
        rates = []
        for name in names:
            accepted = sum(at_threshold(p, threshold) not in REJECTED for p in oos[name])
            rates.append(f"{accepted / max(len(oos[name]), 1):.1%}")
        kept = sum(at_threshold(p, threshold) == intent for p, intent in real)
        lines.append(
            f"| {threshold} | "
            + " | ".join(rates)
            + f" | {kept}/{len(real)} ({kept / len(real):.1%}) |"
        )
    return lines


async def main(model: Path) -> str:
    agent = Agent.load(str(model))
    lines = [
        f"# Out-of-scope false-accept rate ({date.today().isoformat()}, model {model.name})",
        "",
        "| file | rows | false accepts | rate | answered as a FAQ topic | most accepted as |",
        "|---|---|---|---|---|---|",
    ]
    oos: dict[str, list[dict]] = {}
    for path in sorted(DATA.glob("*.json")):
        rows = json.loads(path.read_text())
        groups = {"all": rows}
        if path.name.startswith("xsid"):
            groups["reminder/alarm"] = [
                r for r in rows if r["source_intent"].split("/")[0] in ("reminder", "alarm")
            ]
        parses = await parse_all(agent, [r["text"] for r in rows])
        oos[path.name] = parses
        by_text = {r["text"]: p for r, p in zip(rows, parses, strict=True)}
        for label, subset in groups.items():
            intents = [acted_on(by_text[r["text"]]) for r in subset]
            accepted = Counter(i for i in intents if i not in REJECTED)
            n = sum(accepted.values())
            faq = accepted.get("faq", 0)
            top = ", ".join(f"{i} {c}" for i, c in accepted.most_common(3))
            name = path.name if label == "all" else f"{path.name} ({label})"
            size = max(len(subset), 1)
            lines.append(
                f"| {name} | {len(subset)} | {n} | {n / size:.1%} | {faq / size:.1%} | {top} |"
            )
    real = held_out()
    parses = await parse_all(agent, [text for text, _ in real])
    lines += sweep(oos, list(zip(parses, [intent for _, intent in real], strict=True)))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    model = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "models" / "baken.tar.gz")
    report = asyncio.run(main(model))
    out = ROOT / "bench" / "reports" / "out_of_scope.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    print(report)
