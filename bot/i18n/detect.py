"""Guess the language of a short chat message.

Chat messages are short and informal, so statistical detectors trained on prose do badly
on them. This uses the script first (Arabic letters are unambiguous for our languages),
then counts common function words and chat words per language. It returns ``None`` when
the message gives no clear signal ("ok", "👍", a number), so the caller can look at the
next message instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORDS: dict[str, frozenset[str]] = {
    "nl": _vocabulary(
        """
        hallo hoi hoii goedemorgen goedemiddag goedenavond dag doei dank bedankt dankjewel
        dankuwel ik je jij u uw mijn het een de en is zijn ben bent wil wilt kan kun kunt
        niet geen wat waar wanneer hoe waarom wie met van voor naar op aan bij ook maar
        graag alstublieft alsjeblieft aub ja nee nou even praten medewerker iemand gemeente
        uitkering bijstand afspraak hulp help vraag vragen heb hebt heeft moet mag taal
        nederlands engels arabisch spreken spreek mensen persoon echt goed welke woon wonen
        geld werk brief hoeveel krijg krijgen
        """
    ),
    "en": _vocabulary(
        """
        hello hi hey good morning evening afternoon bye goodbye thanks thank you yes no not
        i my me the a an and is are am want can could would please what where when how why
        who with from for to on at also but talk speak person human someone employee agent
        help question appointment money benefit language english dutch arabic really do
        does have has need get which live work letter how much
        """
    ),
}

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script_language(text: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    arabic = sum(1 for c in letters if "ARABIC" in unicodedata.name(c, ""))
    return "ar" if arabic / len(letters) > 0.5 else None


def detect(text: str) -> str | None:
    """The language code of ``text`` or ``None`` when it is not clear."""
    by_script = _script_language(text)
    if by_script:
        return by_script
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _WORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score == 0 or best_score == second_score:
        return None
    return best
