"""The SMS reply words of the contract, in every launch language (plain Python).

``1``/``JA``/``YES`` confirm, ``2``/``NEE``/``NO`` cancel, ``3`` asks for another time;
``STOP`` opts out of SMS and ``START`` opts in again, also in each language's own words.
Only a whole message counts ("ja" is a reply, "ja maar ik ben ziek" goes to the NLU).
The Tigrinya words for STOP and START still need a native speaker; until then the Latin
STOP and START work for everyone.
"""

from __future__ import annotations

import re
import unicodedata

from bot.melding.parsing import normalise_digits

CONFIRM = "afspraak_bevestigen"
CANCEL = "afspraak_afzeggen"
MOVE = "afspraak_verzetten"
OPT_OUT = "sms_stop"
OPT_IN = "sms_start"

WORDS: dict[str, str] = {
    # confirm
    **dict.fromkeys(
        ["1", "ja", "yes", "نعم", "evet", "tak", "так", "haa", "ii", "بله", "آره", "እወ"],
        CONFIRM,
    ),
    # cancel
    **dict.fromkeys(
        ["2", "nee", "no", "لا", "hayir", "hayır", "nie", "ні", "maya", "نه", "ኣይፋል"], CANCEL
    ),
    "3": MOVE,
    # opt out / in
    **dict.fromkeys(["stop", "stopp", "توقف", "ايقاف", "إيقاف", "dur", "стоп", "jooji"], OPT_OUT),
    **dict.fromkeys(["start", "ابدأ", "ابدا", "başla", "basla", "старт", "bilow"], OPT_IN),
}


def _normal(text: str) -> str:
    folded = unicodedata.normalize("NFKC", normalise_digits(text)).casefold()
    return re.sub(r"[\s.!?,]+", " ", folded).strip()


def reply_intent(text: str) -> str | None:
    """The contract intent of a whole-message reply word, or ``None``."""
    return WORDS.get(_normal(text))
