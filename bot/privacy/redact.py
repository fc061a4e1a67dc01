"""Mask BSN, IBAN and phone numbers in free text.

Clients type these into a chat without being asked. Baken never needs a BSN, so it is
masked before a message is stored or reaches the NLU model; IBANs likewise. Phone
numbers are masked in transcripts and logs, but not before the NLU (a form may need one).
A number only counts as a BSN when it passes the 11-proef, so dates, amounts and
reference numbers stay readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BSN_MASK = "[BSN]"
IBAN_MASK = "[IBAN]"
PHONE_MASK = "[telefoonnummer]"

# 9 digits, optionally grouped with dots, spaces or dashes (e.g. 1234.56.782).
_BSN_RE = re.compile(
    r"(?<![\d.\-])(\d{4}[ .\-]?\d{2}[ .\-]?\d{3}|\d{3}[ .\-]?\d{3}[ .\-]?\d{3})(?![\d\-]|\.\d)"
)
# Country code, check digits, then 11-30 alphanumerics in optional groups of four.
_IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)\b", re.I)
# Dutch mobile and landline numbers, and international numbers with a plus sign.
_PHONE_RE = re.compile(
    r"(?<![\w+])("
    r"\+\d{1,3}[\s\-]?(?:\(0\))?[\s\-]?\d(?:[\s\-]?\d){6,12}"
    r"|00\d{1,3}[\s\-]?\d(?:[\s\-]?\d){6,12}"
    r"|0\d(?:[\s\-]?\d){8}"
    r")(?!\w)"
)


def is_valid_bsn(candidate: str) -> bool:
    """The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be a multiple of 11 (and not 0)."""
    digits = [int(c) for c in candidate if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    weighted = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
    total = weighted - digits[8]
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    """ISO 13616 mod-97 check."""
    iban = re.sub(r"\s", "", candidate).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


@dataclass(frozen=True)
class Redaction:
    text: str
    found_bsn: bool = False
    found_iban: bool = False
    found_phone: bool = False


def redact(text: str, *, phones: bool = True) -> Redaction:
    """Mask BSN and IBAN always, phone numbers unless ``phones`` is False."""
    found = {"bsn": False, "iban": False, "phone": False}

    def _iban(match: re.Match[str]) -> str:
        if is_valid_iban(match.group(1)):
            found["iban"] = True
            return IBAN_MASK
        return match.group(0)

    def _bsn(match: re.Match[str]) -> str:
        if is_valid_bsn(match.group(1)):
            found["bsn"] = True
            return BSN_MASK
        return match.group(0)

    def _phone(match: re.Match[str]) -> str:
        found["phone"] = True
        return PHONE_MASK

    text = _IBAN_RE.sub(_iban, text)
    text = _BSN_RE.sub(_bsn, text)
    if phones:
        text = _PHONE_RE.sub(_phone, text)
    return Redaction(text, found["bsn"], found["iban"], found["phone"])


def mask(text: str) -> str:
    """Everything masked: for transcripts, ticket texts and logs."""
    return redact(text).text
