"""Language detection on short chat messages: how often is the language right, how often
does the bot ask ("Welke taal?"), and how often is it confidently wrong?

The messages are the NLU examples of every language (``data/nlu/<lang>``): short, typed
on a phone, with Arabizi, Finglish and Dutch words mixed in. The detector is not trained
on them (lingua ships its own models), although the chat-word lists in
``bot/i18n/detect.py`` were written with this kind of message in mind. Reported per
language and message length, with a sweep over the confidence threshold, plus the cost:
the time to build the detector and the memory its models take, as a ratio to the
process before loading them. Run with ``make bench``; the report goes to
``bench/reports/language_detection.md``.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n.detect import THRESHOLD, _detector, guess  # noqa: E402
from bot.i18n.languages import LAUNCH  # noqa: E402
from scripts.check_nlu_data import examples, plain  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
LENGTHS = (("1–2 words", 1, 2), ("3–5 words", 3, 5), ("6+ words", 6, 10_000))
REPORT = ROOT / "bench" / "reports" / "language_detection.md"


def messages(lang: str) -> list[str]:
    return [plain(text) for texts in examples(lang).values() for text in texts]


def outcome(text: str, lang: str, threshold: float) -> str:
    """right, asked (unsure: the bot asks), silent (no words: the bot keeps its language)
    or wrong."""
    found = guess(text)
    if found.words == 0:
        return "silent"
    if found.confidence < threshold:  # Dutch is the default answer, not a question
        return "asked" if found.language != "nl" else ("right" if lang == "nl" else "wrong")
    return "right" if found.language == lang else "wrong"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def conversation_cost(texts: list[str]) -> str:
    """Every reply derives the conversation's language from all its user messages
    (``bot.i18n.conversation``). Replay a 40-message conversation, one reply per message,
    with the per-text cache of ``guess`` and without it (the baseline, same process)."""
    from bot.i18n.conversation import detected_language

    def replay() -> float:
        start = time.perf_counter()
        for turn in range(1, len(texts) + 1):
            detected_language(texts[:turn])
        return time.perf_counter() - start

    guess.cache_clear()
    cached = replay()
    detect_module = sys.modules["bot.i18n.detect"]
    detect_module.guess = guess.__wrapped__  # detect() and clear_switch() look it up here
    try:
        uncached = replay()
    finally:
        detect_module.guess = guess
    return (
        f"A {len(texts)}-message conversation, language derived on every reply: "
        f"{uncached / cached:.0f}× faster with the per-message cache than without "
        f"({uncached * 1000:.0f} ms → {cached * 1000:.0f} ms in all)."
    )


def main() -> None:
    before = _rss_mb()
    start = time.perf_counter()
    _detector()
    guess("hallo, ik heb een vraag over mijn uitkering")  # loads the Latin-script models
    guess("مرحبا عندي سؤال")  # and the Arabic-script ones
    build = time.perf_counter() - start
    after = _rss_mb()

    corpus = {lang: messages(lang) for lang in LAUNCH if (ROOT / "data" / "nlu" / lang).exists()}
    lines = [
        "# Language detection on short messages",
        "",
        f"`bench/language_detection.py` (`make bench`), {date.today().isoformat()}. "
        "Messages: the NLU examples of each language. *Right* = detected language is the",
        "message's language; *asked* = below the threshold and not Dutch, so on a first message",
        "the bot shows the language menu (an unsure Dutch guess is answered in Dutch, the",
        "default); *wrong* = confidently another language; *silent* = no",
        'words to go on ("ok", a number), the bot keeps the conversation\'s language.',
        "",
        f"Threshold in use: {THRESHOLD}. Building the detector and loading its models took "
        f"{build:.1f} s; peak memory went from {before:.0f} MB to {after:.0f} MB "
        f"({after / before:.1f}× the process before loading).",
        "",
        "## Per language, at the threshold in use",
        "",
        "| language | messages | right | asked | wrong | silent |"
        + "".join(f" right, {name} |" for name, _, _ in LENGTHS),
        "|---|---|---|---|---|---|" + "---|" * len(LENGTHS),
    ]
    checked = 0
    wrong_pairs: Counter[tuple[str, str]] = Counter()
    for lang, texts in corpus.items():
        counts = Counter(outcome(t, lang, THRESHOLD) for t in texts)
        checked += len(texts)
        for text in texts:
            if outcome(text, lang, THRESHOLD) == "wrong":
                wrong_pairs[(lang, guess(text).language or "?")] += 1
        by_length = []
        for _, low, high in LENGTHS:
            bucket = [t for t in texts if low <= len(t.split()) <= high]
            right = sum(outcome(t, lang, THRESHOLD) == "right" for t in bucket)
            by_length.append(f" {right / len(bucket):.0%} of {len(bucket)} |" if bucket else " – |")
        share = {k: counts[k] / len(texts) for k in ("right", "asked", "wrong", "silent")}
        lines.append(
            f"| {lang} | {len(texts)} | {share['right']:.1%} | {share['asked']:.1%} "
            f"| {share['wrong']:.1%} | {share['silent']:.1%} |" + "".join(by_length)
        )
    start = time.perf_counter()
    for texts in corpus.values():
        for text in texts:
            guess.__wrapped__(text)  # uncached: the cost of a message seen for the first time
    per_message_ms = (time.perf_counter() - start) / max(checked, 1) * 1000
    lines += [
        "",
        f"About {per_message_ms:.2f} ms per message.",
        "",
        conversation_cost(corpus["ar"][:40]),
        "",
        "Most frequent confident mistakes (language → detected, count): "
        + ", ".join(f"{a} → {b} {n}" for (a, b), n in wrong_pairs.most_common(8)),
        "",
        "## Threshold sweep (all languages together)",
        "",
        "| threshold | right | asked | wrong |",
        "|---|---|---|---|",
    ]
    everything = [(t, lang) for lang, texts in corpus.items() for t in texts]
    for threshold in THRESHOLDS:
        counts = Counter(outcome(t, lang, threshold) for t, lang in everything)
        total = len(everything)
        lines.append(
            f"| {threshold} | {counts['right'] / total:.1%} | {counts['asked'] / total:.1%} "
            f"| {counts['wrong'] / total:.1%} |"
        )
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
