"""Phone numbers as clients type them ("06-12345678", "+31 6 1234 5678") to E.164."""

from __future__ import annotations

import phonenumbers


def to_e164(text: str, region: str = "NL") -> str | None:
    """The number in E.164, or ``None`` when it is not a possible, valid number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
