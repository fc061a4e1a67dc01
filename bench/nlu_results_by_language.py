"""Split one `rasa test nlu` run over all nine languages' data into one folder per language,
in the files `rasa test nlu` writes, so `bench/nlu_cv_summary.py` summarises each language.

Why: production trains one model on the nine languages together, so the cross-validation
that matches it is `rasa test nlu --cross-validation` on all the data (`bench/
nlu_cross_validation.sh together`). Rasa reports that run as one; the per-language numbers
come from its own predictions (`--successes --errors`), each language's examples looked up
by their text. An example that is in several languages' data ("hallo", "ok") is tested once
and counts for each of them, as it is one of each language's examples.

Macro-F1 as Rasa counts it: over every label true or predicted, FAQ topics over the examples
that have one.

Usage: python bench/nlu_results_by_language.py <rasa output folder> <folder for languages>
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import classification_report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n.languages import SHIPPED  # noqa: E402
from scripts.check_nlu_data import examples, plain  # noqa: E402

# (results file prefix, true-label key, predicted-label key)
KINDS = (
    ("intent", "intent", "intent_prediction"),
    ("response_selection", "intent_response_key_target", "intent_response_key_prediction"),
)


def results(out: Path, prefix: str) -> dict[str, dict]:
    """Rasa's result for every tested text, successes and errors together."""
    found: dict[str, dict] = {}
    for outcome in ("successes", "errors"):
        path = out / f"{prefix}_{outcome}.json"
        for result in json.loads(path.read_text()) if path.exists() else []:
            found.setdefault(result["text"], result | {"_outcome": outcome})
    return found


def without_outcome(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "_outcome"}


def write_language(by_text: dict[str, dict], texts: set[str], out: Path, kind: tuple) -> None:
    prefix, true_key, predicted_key = kind
    mine = [by_text[t] for t in sorted(texts) if t in by_text and by_text[t].get(true_key)]
    if not mine:
        return
    true = [r[true_key] for r in mine]
    predicted = [(r.get(predicted_key) or {}).get("name") or "None" for r in mine]
    report = classification_report(true, predicted, output_dict=True, zero_division=0)
    (out / f"{prefix}_report.json").write_text(json.dumps(report, indent=1))
    for outcome in ("successes", "errors"):
        rows = [without_outcome(r) for r in mine if r["_outcome"] == outcome]
        (out / f"{prefix}_{outcome}.json").write_text(json.dumps(rows, ensure_ascii=False))


def main(out: Path, target: Path) -> None:
    by_kind = {kind: results(out, kind[0]) for kind in KINDS}
    for lang in SHIPPED:
        texts = {plain(line) for lines in examples(lang).values() for line in lines}
        folder = target / lang
        folder.mkdir(parents=True, exist_ok=True)
        for kind, by_text in by_kind.items():
            write_language(by_text, texts, folder, kind)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
