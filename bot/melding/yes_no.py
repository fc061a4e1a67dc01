"""Yes or no, as people type it in the launch languages."""

from __future__ import annotations

import re

_YES = {
    "ja",
    "jaa",
    "jawel",
    "yes",
    "yep",
    "yeah",
    "ok",
    "oke",
    "oké",
    "klopt",
    "نعم",
    "اه",
    "أيوه",
    "ايوه",
    "ايه",
    "أجل",
    "صح",
    "evet",
    "tak",
    "так",
    "haa",
    "haan",
    "1",
}
_NO = {
    "nee",
    "neen",
    "no",
    "nope",
    "niet",
    "geen",
    "لا",
    "لأ",
    "مش",
    "hayır",
    "hayir",
    "nie",
    "ні",
    "maya",
    "2",
}


def parse_yes_no(text: str) -> bool | None:
    words = re.findall(r"[^\W_]+", text.casefold())
    if not words:
        return None
    first = words[0]
    if first in _YES:
        return True
    if first in _NO:
        return False
    return None
