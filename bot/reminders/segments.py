"""How many SMS segments a text costs: GSM-7 when every character fits, else UCS-2.

GSM 03.38: one segment holds 160 septets, a multipart segment 153 (7 go to the header);
characters of the extension table (``^{}\\[~]|€``) take two septets. UCS-2: 70 code units,
67 per multipart segment; a character outside the BMP (most emoji) takes two. Arabic is
always UCS-2, so its reminder has less than half the room of a Dutch one.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets or UTF-16 code units
    count: int


def _count(units: int, single: int, multi: int) -> int:
    if units <= single:
        return 1
    return -(-units // multi)


def segments(text: str) -> Segments:
    if all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text):
        septets = sum(2 if ch in GSM_EXTENSION else 1 for ch in text)
        return Segments("GSM-7", septets, _count(septets, 160, 153))
    units = len(text.encode("utf-16-le")) // 2
    return Segments("UCS-2", units, _count(units, 70, 67))
