"""5-fold cross-validation of the intent classifier as production trains it: all nine
languages in one model.

Every language's examples are split into five stratified folds. Fold k of every language is
held out together, and one model is trained on the other four folds of all nine languages,
as `rasa train` trains on all of them; each language's held-out fold is tested on it. This
is `LinearIntentClassifier` itself (its `train` and `process`), which reads only the text
and also chooses the FAQ topic, so the intents and topics are the ones the whole pipeline
gives. Macro-F1 as `rasa test nlu` counts it: over every intent that is true or predicted
in that language.

Run: `make bench-cv-all`; report: bench/reports/nlu_cv_multilingual.md
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import NamedTuple

import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.intent_config import intents_only  # noqa: E402
from bench.nlu_cv_summary import THRESHOLDS, fallback_by_threshold  # noqa: E402
from bot.i18n.languages import SHIPPED  # noqa: E402
from bot.nlu.linear_intents import LinearIntentClassifier, label_of  # noqa: E402

REPORT = ROOT / "bench" / "reports" / "nlu_cv_multilingual.md"
FOLDS = 5
SEED = 2026


def classifier_config() -> dict:
    config = intents_only(yaml.safe_load((ROOT / "config.yml").read_text()))
    (entry,) = config["pipeline"]
    return {key: value for key, value in entry.items() if key != "name"}


def folds(examples: list[Message]) -> list[int]:
    """The fold of every example, stratified by label (FAQ topics apart)."""
    labels = [label_of(m) for m in examples]
    fold_of = [0] * len(examples)
    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for k, (_, held_out) in enumerate(splitter.split(labels, labels)):
        for i in held_out:
            fold_of[i] = k
    return fold_of


class Prediction(NamedTuple):
    lang: str
    intent: str
    predicted: str
    confidence: float
    topic: str | None  # `faq/<topic>` of a FAQ example
    predicted_topic: str


def predictions(
    data: dict[str, list[Message]], fold_of: dict[str, list[int]], storage: Path
) -> list[Prediction]:
    """The prediction for every example, from the fold that held it out."""
    context = ExecutionContext(GraphSchema({}), "cv")
    config = classifier_config()
    rows = []
    for k in range(FOLDS):
        train = [
            m for lang, ms in data.items() for m, f in zip(ms, fold_of[lang], strict=True) if f != k
        ]
        classifier = LinearIntentClassifier.create(
            config, LocalModelStorage(storage), Resource(f"fold{k}"), context
        )
        classifier.train(TrainingData(train))
        for lang, messages in data.items():
            held_out = [m for m, f in zip(messages, fold_of[lang], strict=True) if f == k]
            asked = classifier.process([Message(data={TEXT: m.get(TEXT)}) for m in held_out])
            rows += [
                Prediction(
                    lang,
                    m.get(INTENT),
                    a.get(INTENT)["name"],
                    a.get(INTENT)["confidence"],
                    m.get(INTENT_RESPONSE_KEY),
                    a.get("response_selector")["faq"]["response"][INTENT_RESPONSE_KEY],
                )
                for m, a in zip(held_out, asked, strict=True)
            ]
    return rows


def language_lines(lang: str, rows: list[Prediction]) -> tuple[str, list[str], dict]:
    true = [r.intent for r in rows]
    predicted = [r.predicted for r in rows]
    report = classification_report(true, predicted, output_dict=True, zero_division=0)
    per_intent = {k: v for k, v in report.items() if isinstance(v, dict) and "avg" not in k}
    weakest = sorted(per_intent.items(), key=lambda item: item[1]["f1-score"])[:6]
    confusions = Counter(
        (t, p) for t, p in zip(true, predicted, strict=True) if t != p
    ).most_common(6)
    threshold = fallback_by_threshold(
        [
            {
                "intent": r.intent,
                "intent_prediction": {"name": r.predicted, "confidence": r.confidence},
            }
            for r in rows
        ]
    )
    faq = [(r.topic, r.predicted_topic) for r in rows if r.topic]
    topics = classification_report(*zip(*faq, strict=True), output_dict=True, zero_division=0)
    lines = [
        "",
        f"## {lang}",
        "",
        "Weakest intents (F1): " + ", ".join(f"{n} {v['f1-score']:.2f}" for n, v in weakest),
        "Intent confusions that cost the most (true → predicted, count):",
        *[f"- {t} → {p}: {n}" for (t, p), n in confusions],
    ]
    row = (
        f"| {lang} | {report['macro avg']['f1-score']:.3f} | {len(rows)} "
        f"| {topics['macro avg']['f1-score']:.3f} | {len(faq)} |"
    )
    return row, lines, threshold


def main() -> None:
    logging.disable(logging.WARNING)
    data = {lang: load_data(str(ROOT / "data" / "nlu" / lang)).intent_examples for lang in SHIPPED}
    fold_of = {lang: folds(messages) for lang, messages in data.items()}
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as storage:
        rows = predictions(data, fold_of, Path(storage))
    minutes = (time.monotonic() - start) / 60
    table, details, thresholds = [], [], []
    for lang in SHIPPED:
        row, lines, threshold = language_lines(lang, [r for r in rows if r.lang == lang])
        table.append(row)
        details += lines
        cells = " | ".join(f"{lost:.1f}% / {through:.1f}%" for lost, through in threshold.values())
        thresholds.append(f"| {lang} | {cells} |")
    text = [
        "# NLU intents: 5-fold cross-validation per language, one nine-language model",
        "",
        f"`bench/nlu_cv_multilingual.py`, run on {date.today().isoformat()}: {FOLDS} stratified",
        f"folds per language (seed {SEED}); per fold one model, the intent classifier of",
        "`config.yml`, trained on the other folds of all nine languages"
        f" ({FOLDS} trainings: {minutes:.1f} min).",
        "Macro-F1 over every intent true or predicted in the language, as `rasa test nlu` counts;",
        "FAQ topics: the topic the classifier chose for each FAQ example, whatever the intent.",
        "",
        "| language | intents macro-F1 | examples | FAQ topics macro-F1 | FAQ examples |",
        "|---|---|---|---|---|",
        *table,
        "",
        "## Fallback threshold",
        "",
        "In-scope messages below the threshold (lost) / the language's own out_of_scope lines",
        "answered as something else at or above it (let through).",
        "",
        "| language | " + " | ".join(str(t) for t in THRESHOLDS) + " |",
        "|---|" + "---|" * len(THRESHOLDS),
        *thresholds,
        *details,
    ]
    REPORT.write_text("\n".join(text) + "\n", encoding="utf-8")
    print("\n".join(text[: 9 + len(SHIPPED)]))


if __name__ == "__main__":
    main()
