"""Long bot answers cut into messages that fit a phone channel.

Twilio joins a long SMS from up to ten segments, but a message of more than a few
segments often arrives out of order or not at all on older phones, and costs per segment.
So an SMS part is at most ``SMS_MAX_SEGMENTS`` segments (GSM-7 or UCS-2, see
``bot.reminders.segments``), WhatsApp allows 1,600 characters per message. The text is
cut between paragraphs first, then between sentences, then between words, and only a
word longer than a whole part is cut inside.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.reminders.segments import segments

SMS_MAX_SEGMENTS = 3
WHATSAPP_MAX_CHARS = 1600


def fits_sms(text: str) -> bool:
    return segments(text).count <= SMS_MAX_SEGMENTS


def fits_whatsapp(text: str) -> bool:
    return len(text) <= WHATSAPP_MAX_CHARS


_LEVELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\n\s*\n"), "\n\n"),  # paragraphs
    (re.compile(r"\n"), "\n"),  # lines (numbered options)
    (re.compile(r"(?<=[.!?؟])\s+"), " "),  # sentences
    (re.compile(r" +"), " "),  # words
)


def _hard_cut(text: str, fits: Callable[[str], bool]) -> list[str]:
    parts, current = [], ""
    for ch in text:
        if current and not fits(current + ch):
            parts.append(current)
            current = ""
        current += ch
    return [*parts, current] if current else parts


def split(text: str, fits: Callable[[str], bool], level: int = 0) -> list[str]:
    """``text`` as few parts as possible, each of which ``fits``."""
    text = text.strip()
    if not text or fits(text):
        return [text] if text else []
    if level == len(_LEVELS):
        return _hard_cut(text, fits)
    pattern, joiner = _LEVELS[level]
    parts: list[str] = []
    current = ""
    for piece in (p.strip() for p in pattern.split(text) if p.strip()):
        candidate = f"{current}{joiner}{piece}" if current else piece
        if fits(candidate):
            current = candidate
            continue
        if current:
            parts.append(current)
        if fits(piece):
            current = piece
        else:
            smaller = split(piece, fits, level + 1)
            parts.extend(smaller[:-1])
            current = smaller[-1] if smaller else ""
    if current:
        parts.append(current)
    return parts
