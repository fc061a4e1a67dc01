"""Buttons on channels that only carry text (SMS, WhatsApp): numbered options.

CONTRACT.md: "Channels without buttons show numbered options ("Stuur 1 voor …"). A reply
that is only a number picks that option of the last menu sent to this sender." This
module is the plain-text half of that: the lines to show and the number in a reply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.i18n.catalog import N_, translate
from bot.melding.parsing import normalise_digits

NUMBERED_CHANNELS = frozenset({"twilio_sms", "twilio_whatsapp"})
OPTION_LINE = N_("channel", "Stuur {number} voor {title}")

_ONLY_A_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def option_lines(buttons: Sequence[dict[str, Any]], lang: str | None) -> str:
    """ "Stuur 1 voor …" per button, in the reader's language; "1 - Türkçe" when the
    reader's language is not known yet (the language menu)."""
    line = translate(lang, "channel", OPTION_LINE) if lang else "{number} - {title}"
    return "\n".join(
        line.format(number=number, title=button["title"])
        for number, button in enumerate(buttons, start=1)
    )


def with_options(text: str, buttons: Sequence[dict[str, Any]], lang: str | None) -> str:
    if not buttons:
        return text
    return f"{text}\n\n{option_lines(buttons, lang)}" if text else option_lines(buttons, lang)


def chosen_number(text: str) -> int | None:
    """The number in a reply that is only a number ("2", " 2. ", "٢"), else ``None``."""
    match = _ONLY_A_NUMBER.match(normalise_digits(text))
    return int(match.group(1)) if match else None
