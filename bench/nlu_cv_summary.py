"""Summarise one ``rasa test nlu`` run per language, and write the report from every
language's summary: 5-fold cross-validation on each language's data alone
(``bench/nlu_cross_validation.sh``), on all nine together (``... together``,
``--together``), or the 80/20 split of the one multilingual model
(``bench/nlu_split_eval.sh``, ``--split``)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# FallbackClassifier thresholds to compare (config.yml uses one of them).
THRESHOLDS = (0.6, 0.7, 0.8)
REPORTS = ROOT / "bench" / "reports"
# (summaries folder, report, title, how it was measured)
KINDS = {
    "cv": (
        REPORTS / "nlu_cv",
        REPORTS / "nlu_cross_validation.md",
        "NLU 5-fold cross-validation",
        "`bench/nlu_cross_validation.sh` (`make bench-cv`): `rasa test nlu --cross-validation\n"
        "--folds 5` on each language's data with `config.yml`.",
        "CPU time",
    ),
    "together": (
        REPORTS / "nlu_cv_together",
        REPORTS / "nlu_cross_validation_together.md",
        "NLU 5-fold cross-validation of the nine languages together, per language",
        "`bench/nlu_cross_validation.sh together`: `rasa test nlu --cross-validation --folds 5`\n"
        "on all nine languages' data at once with `config.yml`, as production trains one\n"
        "model; each language's examples picked out of Rasa's predictions by their text\n"
        "(`bench/nlu_results_by_language.py`).",
        "CPU time (all nine)",
    ),
    "split": (
        REPORTS / "nlu_split",
        REPORTS / "nlu_split.md",
        "NLU per language: one multilingual model, 80/20 split",
        "`bench/nlu_split_eval.sh` (`make bench-split`): each language's data split 80/20\n"
        "(stratified, fixed seed); one model trained on all nine 80% parts with `config.yml`,\n"
        "as in production; each language's 20% tested on it.",
        "training time (all nine)",
    ),
}


def _labels(report: dict) -> dict[str, dict]:
    return {
        name: row
        for name, row in report.items()
        if isinstance(row, dict) and "f1-score" in row and "avg" not in name
    }


def fallback_by_threshold(intent_results: list[dict]) -> dict[str, list[float]]:
    """Per threshold: the share of in-scope test messages whose top intent is below it (they
    would get "I did not understand"), and the share of this language's own out_of_scope test
    messages taken as something else at or above it. Rasa's evaluation undoes the fallback, so
    the confidences here are the intent classifier's. The ambiguity rule (top two within 0.1)
    is not counted: the evaluation output keeps only the top intent."""

    def percent(hits: int, total: int) -> float:
        return round(100 * hits / total, 1) if total else 0.0

    predictions = [
        (
            r["intent"],
            (r.get("intent_prediction") or {}).get("name"),
            (r.get("intent_prediction") or {}).get("confidence") or 0.0,
        )
        for r in intent_results
    ]
    in_scope = [conf for true, _, conf in predictions if true != "out_of_scope"]
    unrelated = [(name, conf) for true, name, conf in predictions if true == "out_of_scope"]
    return {
        str(t): [
            percent(sum(conf < t for conf in in_scope), len(in_scope)),
            percent(
                sum(conf >= t and name != "out_of_scope" for name, conf in unrelated),
                len(unrelated),
            ),
        ]
        for t in THRESHOLDS
    }


def summarise(out: Path, lang: str, seconds: int) -> dict:
    intents = json.loads((out / "intent_report.json").read_text())
    faq_report = out / "response_selection_report.json"
    faq = json.loads(faq_report.read_text()) if faq_report.exists() else None
    errors = json.loads((out / "response_selection_errors.json").read_text()) if faq else []
    pairs = Counter(
        (e["intent_response_key_target"], e["intent_response_key_prediction"]["name"])
        for e in errors
    )
    intent_errors = json.loads((out / "intent_errors.json").read_text())
    intent_pairs = Counter(
        (e["intent"], (e.get("intent_prediction") or {}).get("name")) for e in intent_errors
    )
    successes = out / "intent_successes.json"
    by_threshold = (
        fallback_by_threshold(intent_errors + json.loads(successes.read_text()))
        if successes.exists()
        else None
    )
    # INTENTS=1 leaves the entity extractors out: no `<extractor>_report.json`
    entities = set(out.glob("*_report.json")) - {out / "intent_report.json", faq_report}
    weakest = sorted(_labels(faq or {}).items(), key=lambda item: item[1]["f1-score"])[:8]
    weak_intents = sorted(_labels(intents).items(), key=lambda item: item[1]["f1-score"])[:6]
    return {
        "language": lang,
        "date": date.today().isoformat(),
        "seconds": seconds,
        "intents_macro_f1": round(intents["macro avg"]["f1-score"], 3),
        "faq_macro_f1": round(faq["macro avg"]["f1-score"], 3) if faq else None,
        "faq_examples": int(faq["macro avg"]["support"]) if faq else 0,
        "note": None if entities else "intent classifier only",
        "weakest_topics": [[name, round(row["f1-score"], 2)] for name, row in weakest],
        "weakest_intents": [[name, round(row["f1-score"], 2)] for name, row in weak_intents],
        "top_confusions": [[a, b, n] for (a, b), n in pairs.most_common(6)],
        "top_intent_confusions": [[a, b, n] for (a, b), n in intent_pairs.most_common(6)],
        "fallback_by_threshold": by_threshold,
    }


def _score(value: float | None) -> str:
    return "not measured" if value is None else f"{value:.3f}"


def report(kind: str) -> str:
    summaries_dir, _, title, how, time_column = KINDS[kind]
    lines = [
        f"# {title}",
        "",
        how + " Macro-F1: every intent or FAQ",
        "topic counts the same, however many examples it has.",
        "",
        f"| language | run on | intents macro-F1 | FAQ topics macro-F1 | {time_column} |",
        "|---|---|---|---|---|",
    ]
    summaries = [json.loads(p.read_text()) for p in sorted(summaries_dir.glob("*.json"))]
    for s in summaries:
        minutes = f"{round(s['seconds'] / 60)} min" if s["seconds"] else "not recorded"
        note = f" ({s['note']})" if s.get("note") else ""
        lines.append(
            f"| {s['language']} | {s['date']}{note} | {s['intents_macro_f1']:.3f} "
            f"| {_score(s['faq_macro_f1'])} | {minutes} |"
        )
    with_thresholds = [s for s in summaries if s.get("fallback_by_threshold")]
    if with_thresholds:
        lines += [
            "",
            "## Fallback threshold",
            "",
            "Per threshold of the FallbackClassifier: in-scope test messages that would get",
            '"I did not understand" (lost) / this language\'s own out_of_scope test messages',
            "answered as something else (let through). Lower is better for both.",
            "",
            "| language | " + " | ".join(f"{t}" for t in THRESHOLDS) + " |",
            "|---|" + "---|" * len(THRESHOLDS),
        ]
        for s in with_thresholds:
            cells = (s["fallback_by_threshold"][str(t)] for t in THRESHOLDS)
            lines.append(
                f"| {s['language']} | "
                + " | ".join(f"{lost:.1f}% / {through:.1f}%" for lost, through in cells)
                + " |"
            )
    for s in summaries:
        lines += ["", f"## {s['language']}", ""]
        if s["weakest_topics"]:
            lines.append(
                "Weakest FAQ topics (F1): "
                + ", ".join(f"{n.removeprefix('faq/')} {f:.2f}" for n, f in s["weakest_topics"])
            )
        lines.append(
            "Weakest intents (F1): " + ", ".join(f"{n} {f:.2f}" for n, f in s["weakest_intents"])
        )
        if s["top_confusions"]:
            lines.append("FAQ confusions that cost the most (true → predicted, count):")
            lines += [f"- {a} → {b}: {n}" for a, b, n in s["top_confusions"]]
        if s.get("top_intent_confusions"):  # not in the summaries of before 2026-12
            lines.append("Intent confusions that cost the most (true → predicted, count):")
            lines += [f"- {a} → {b}: {n}" for a, b, n in s["top_intent_confusions"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    flag = args[0].removeprefix("--").removesuffix("-report") if args[0][:2] == "--" else ""
    kind = flag if flag in KINDS else "cv"
    if args[0].endswith("report"):
        KINDS[kind][1].write_text(report(kind), encoding="utf-8")
    else:
        args = args[1:] if flag else args
        summaries_dir = KINDS[kind][0]
        summaries_dir.mkdir(parents=True, exist_ok=True)
        summary = summarise(Path(args[0]), args[1], int(args[2]))
        (summaries_dir / f"{summary['language']}.json").write_text(json.dumps(summary, indent=1))
