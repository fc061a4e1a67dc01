"""Which languages Baken speaks.

``LAUNCH`` is the target list from ARCHITECTURE.md; ``SHIPPED`` is what has complete
catalogs and NLU data today. A language moves from one to the other when its catalog is
complete (the catalog test enforces that) and its NLU data is in ``data/nlu/<lang>/``.
"""

from __future__ import annotations

SOURCE = "nl"
LAUNCH: tuple[str, ...] = ("nl", "en", "ar", "tr", "uk", "pl", "fa", "ti", "so")
SHIPPED: tuple[str, ...] = LAUNCH
RIGHT_TO_LEFT = frozenset({"ar", "fa"})

# Each language's own name, shown in the language menu.
ENDONYMS = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "uk": "Українська",
    "pl": "Polski",
    "fa": "فارسی",
    "ti": "ትግርኛ",
    "so": "Soomaali",
}


def is_shipped(code: str | None) -> bool:
    return code in SHIPPED


def direction(code: str) -> str:
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"
