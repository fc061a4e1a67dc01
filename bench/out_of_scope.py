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
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from rasa.core.agent import Agent

from actions.common import is_miss

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "out_of_scope"
REJECTED = {"nlu_fallback", "out_of_scope", "empty_message"}


async def classify(agent: Agent, texts: list[str]) -> list[str]:
    """The intent as the bot acts on it: a FAQ match below the confidence gate
    (actions/common.py) is answered like a fallback, so it counts as rejected."""
    found = []
    for text in texts:
        parse = await agent.parse_message(text)
        found.append("nlu_fallback" if is_miss(parse) else parse["intent"]["name"])
    return found


async def main(model: Path) -> str:
    agent = Agent.load(str(model))
    lines = [
        f"# Out-of-scope false-accept rate ({date.today().isoformat()}, model {model.name})",
        "",
        "| file | rows | false accepts | rate | answered as a FAQ topic | most accepted as |",
        "|---|---|---|---|---|---|",
    ]
    for path in sorted(DATA.glob("*.json")):
        rows = json.loads(path.read_text())
        groups = {"all": rows}
        if path.name.startswith("xsid"):
            groups["reminder/alarm"] = [
                r for r in rows if r["source_intent"].split("/")[0] in ("reminder", "alarm")
            ]
        for label, subset in groups.items():
            intents = await classify(agent, [r["text"] for r in subset])
            accepted = Counter(i for i in intents if i not in REJECTED)
            n = sum(accepted.values())
            faq = accepted.get("faq", 0)
            top = ", ".join(f"{i} {c}" for i, c in accepted.most_common(3))
            name = path.name if label == "all" else f"{path.name} ({label})"
            size = max(len(subset), 1)
            lines.append(
                f"| {name} | {len(subset)} | {n} | {n / size:.1%} | {faq / size:.1%} | {top} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    model = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "models" / "baken.tar.gz")
    report = asyncio.run(main(model))
    out = ROOT / "bench" / "reports" / "out_of_scope.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    print(report)
