"""Dutch postcodes: find one in a message, and the municipality its four digits belong to.

Clients often answer "waar woont u?" with their postcode. Only the four digits (PC4)
matter for the municipality. A PC4 that is not in any municipality's list is *not*
taken as "somewhere else": the lists are kept to areas we are sure of, so an unknown PC4
makes the bot ask for the place name instead of turning someone away.
"""

from __future__ import annotations

import re

from bot.melding.parsing import normalise_digits
from bot.municipality.schema import Municipality

_POSTCODE = re.compile(r"(?<![\d])([1-9]\d{3})\s?([A-Za-z]{2})?(?![\dA-Za-z])")


def find_postcode(text: str) -> int | None:
    """The PC4 of the first postcode-like number in ``text`` ("7415 AB", "7415ab", "٧٤١٥")."""
    match = _POSTCODE.search(normalise_digits(text))
    return int(match.group(1)) if match else None


def find_by_postcode(pc4: int, known: dict[str, Municipality]) -> Municipality | None:
    """The municipality whose postcode areas include ``pc4``, if we know it for sure."""
    return next((m for m in known.values() if m.postcodes and m.postcodes.contains(pc4)), None)
