"""Safety net for emergencies the NLU model might miss.

The model has ``urgent_broodnood`` and ``urgent_crisis`` intents; these words make sure a
message about suicide, violence or no food is never handled as an ordinary answer, even
inside a form where free text is expected. Matching is on whole words, case-insensitive.
"""

from __future__ import annotations

import re

_CRISIS = [
    # nl
    "zelfmoord",
    "suïcide",
    "suicide",
    "dood willen",
    "niet meer leven",
    "wil dood",
    "mezelf iets aandoen",
    "mij iets aandoen",
    "slaat mij",
    "slaat me",
    "mishandeld",
    "huiselijk geweld",
    "bedreigd",
    "niet veilig",
    "voor de trein springen",
    "van de brug springen",
    "van het balkon springen",
    "wil springen",
    "pillen genomen",
    "niet meer wakker worden",
    "stoppen met leven",
    "gewurgd",
    "wurgt mij",
    "wurgt me",
    # en
    "kill myself",
    "want to die",
    "end my life",
    "hurt myself",
    "not safe",
    "beats me",
    "hits me",
    "domestic violence",
    "abuse",
    "jump off",
    "jump in front of",
    "took pills",
    "overdose",
    "strangled",
    "strangles me",
    # ar
    "انتحار",
    "أنتحر",
    "انتحر",
    "أموت",
    "اموت",
    "بدي موت",
    "يضربني",
    "عنف",
    "مش آمن",
    "لست آمن",
]
_BROODNOOD = [
    "geen eten",
    "geen geld voor eten",
    "honger",
    "uit huis gezet",
    "huisuitzetting",
    "ontruiming",
    "afgesloten",
    "afsluiting",
    "deurwaarder",
    "no food",
    "no money for food",
    "hungry",
    "evicted",
    "eviction",
    "cut off",
    "ما عندي أكل",
    "ما في أكل",
    "جوعان",
    "جوعانين",
    "طرد من البيت",
    "يطردوني",
    "قطعوا الكهرباء",
    "قطعوا الماء",
    "قطعوا الغاز",
]


def _pattern(words: list[str]) -> re.Pattern[str]:
    joined = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{joined})(?![^\W_])", re.IGNORECASE)


_CRISIS_RE, _BROODNOOD_RE = _pattern(_CRISIS), _pattern(_BROODNOOD)


def urgency(text: str) -> str | None:
    """``"crisis"``, ``"broodnood"`` or ``None``. Crisis wins when both match."""
    if _CRISIS_RE.search(text):
        return "crisis"
    if _BROODNOOD_RE.search(text):
        return "broodnood"
    return None
