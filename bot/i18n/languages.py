"""Which languages Baken speaks.

``LAUNCH`` is the target list from ARCHITECTURE.md; ``SHIPPED`` is what has complete
catalogs and NLU data today. A language moves from one to the other when its catalog is
complete (the catalog test enforces that) and its NLU data is in ``data/nlu/<lang>/``.
"""

from __future__ import annotations

import re
import unicodedata

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


# What people type to name a language, in each of the nine languages (the Tigrinya and
# Somali names are machine-drafted: review with a native speaker). The model tags a
# language name and maps it through the synonyms in data/nlu/languages.yml; this table
# resolves what those miss ("Arapça", "po polsku", "англійською") and is the list the
# synonyms are checked against (tests/unit/test_language_names.py).
# fmt: off
NAMES: dict[str, tuple[str, ...]] = {
    "nl": (
        "nederlands", "hollands", "dutch", "هولندي", "الهولندية", "هولندية", "felemenkçe",
        "hollandaca", "нідерландська", "нідерландською", "голландська", "голландською",
        "нидерландский", "голландский", "niderlandzki", "holenderski", "po holendersku",
        "po niderlandzku", "هلندی", "ሆላንድኛ", "af holandi", "holandi", "af holandays",
        "holandays",
    ),
    "en": (
        "engels", "english", "انجليزي", "إنجليزي", "الإنجليزية", "الانجليزية", "انكليزي",
        "ingilizce", "англійська", "англійською", "английский", "angielski", "po angielsku",
        "انگلیسی", "እንግሊዝኛ", "ingiriisi", "af ingiriis", "af ingiriisi",
    ),
    "ar": (
        "arabisch", "arabic", "عربي", "العربية", "عربية", "arapça", "арабська", "арабською",
        "арабский", "arabski", "po arabsku", "عربی", "ዓረብኛ", "ዐረብኛ", "carabi", "af carabi",
    ),
    "tr": (
        "turks", "turkish", "türkçe", "تركي", "التركية", "تركية", "турецька", "турецькою",
        "турецкий", "turecki", "po turecku", "ترکی", "ترکی استانبولی", "ቱርክኛ", "turki",
        "af turki",
    ),
    "uk": (
        "oekraïens", "ukrainian", "українська", "українською", "украинский", "أوكراني",
        "الأوكرانية", "ukraynaca", "ukraiński", "po ukraińsku", "اوکراینی", "ዩክሬንኛ",
        "yukreeni", "af yukreeni",
    ),
    "pl": (
        "pools", "polish", "polski", "po polsku", "بولندي", "البولندية", "lehçe", "польська",
        "польською", "польский", "لهستانی", "ፖላንድኛ", "boolish", "af boolish",
    ),
    "fa": (
        "perzisch", "farsi", "dari", "persian", "فارسی", "الفارسية", "فارسي", "دري", "farsça",
        "перська", "перською", "фарсі", "дарі", "персидский", "perski", "po persku", "دری",
        "ፋርስኛ", "faarisi", "af faarisi",
    ),
    "ti": (
        "tigrinya", "tigrinja", "tigrinia", "ትግርኛ", "التيغرينية", "تيغرينية", "tigrinyaca",
        "тигринья", "تیگرینیا", "af tigrinya",
    ),
    "so": (
        "somalisch", "somali", "soomaali", "af soomaali", "الصومالية", "صومالي", "somalice",
        "сомалійська", "сомалі", "somalijski", "po somalijsku", "سومالیایی", "سومالی", "ሶማልኛ",
    ),
}
# fmt: on


def normalise_name(text: str) -> str:
    """Case, accents, hyphens and the Arabic/Persian letter variants do not matter when a
    language is named: "İngilizce", "ingilizce" and "Ingilizce" are one name, as are
    "فارسي" and "فارسی"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.translate(_LETTER_VARIANTS).replace("-", " ")
    return " ".join(bare.split())


_LETTER_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_CODE_BY_NAME = {normalise_name(name): code for code, names in NAMES.items() for name in names}
_NAME_PATTERN = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(n) for n in sorted(_CODE_BY_NAME, key=len, reverse=True))
    + r")(?!\w)"
)


def code_for_name(name: str) -> str | None:
    """The code of a language name on its own ("Arapça" → "ar"), or of a code itself."""
    normal = normalise_name(name)
    return normal if normal in LAUNCH else _CODE_BY_NAME.get(normal)


def language_named_in(text: str) -> str | None:
    """The one language a sentence names ("kunt u Engels praten" → "en"); None when it
    names none or several, so the caller can ask instead of guessing."""
    codes = {_CODE_BY_NAME[m] for m in _NAME_PATTERN.findall(normalise_name(text))}
    return codes.pop() if len(codes) == 1 else None
