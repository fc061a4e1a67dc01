"""A readability score for Dutch answers: LIX (Björnsson), language-independent.

LIX = words per sentence + percentage of long words (more than 6 letters). Below about 40
a text is easy; B1 texts for the public typically score 30-40. Dutch compounds make words
long, so the score is a guard against drift, not a proof of B1.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)|\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def lix(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / len(words)
