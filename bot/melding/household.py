"""Reading "met wie woont u?" from buttons or free text, in the launch languages."""

from __future__ import annotations

from bot.melding.answers import HOUSEHOLDS

_PARTNER = (
    "partner",
    "vrouw",
    "man",
    "echtgeno",
    "wife",
    "husband",
    "زوج",
    "زوجة",
    "مرت",
    "eşim",
    "karım",
    "kocam",
    "дружин",
    "чолов",
    "żon",
    "mąż",
    "męż",
    "همسر",
    "شوهر",
    "መጻምድቲ",
    "ሰበይተይ",
    "ሰብኣየይ",
    "xaas",
    "ninkayga",
    "naagtayda",
)
_CHILDREN = (
    "kind",
    "kinderen",
    "zoon",
    "dochter",
    "child",
    "kids",
    "son",
    "daughter",
    "اولاد",
    "أولاد",
    "أطفال",
    "اطفال",
    "ولد",
    "بنت",
    "çocu",
    "oğl",
    "kızım",
    "діт",
    "дитин",
    "dzieci",
    "dziecko",
    "dzieć",
    "córk",
    "بچه",
    "فرزند",
    "ቆልዑ",
    "ውላድ",
    "carruur",
    "caruur",
    "ilmo",
)
_ALONE = (
    "alleen",
    "alone",
    "myself",
    "لوحدي",
    "وحدي",
    "بمفردي",
    "yalnız",
    "tek başıma",
    "один",
    "одна",
    "самотн",
    "sama",
    "samotnie",
    "تنها",
    "በይነይ",
    "ብሕቲ",
    "kali",
)


def parse_household(text: str) -> str | None:
    lowered = text.casefold().strip()
    if lowered in HOUSEHOLDS:
        return lowered
    partner = any(word in lowered for word in _PARTNER)
    children = any(word in lowered for word in _CHILDREN)
    if partner and children:
        return "partner_children"
    if children:
        return "single_parent"
    if partner:
        return "partner"
    if any(word in lowered for word in _ALONE):
        return "single"
    return None
