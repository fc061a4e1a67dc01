"""Reading the minima questions' answers as people type them, and building the household.

Slots hold plain strings ("34", "1200.50", "unknown") so a conversation can be stored and
replayed; ``household_from_answers`` turns them into the engine's input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from bot.melding.parsing import normalise_digits, numbers, parse_ages
from bot.minima.household import Household

UNKNOWN = "unknown"
STUDENT_AGE_LIMIT = 30  # studiefinanciering stops at 30 (Wet studiefinanciering 2000 art. 3.1)
# "no one" / "none" and "month" in the launch languages (nl, en, ar, tr, uk, pl, fa, ti, so)
_NONE = re.compile(
    r"\b(nee|niemand|geen|no|none|nobody|لا|ما في|مافي|لا أحد|لا احد|hayır|hayir|kimse|yok"
    r"|ні|нікого|немає|nie|nikt|nikogo|نه|هیچ کس|هیچکس|هیچ‌کس|የለን|ኣይፋል|ዋላ ሓደ|maya|qofna)\b"
)
_MONTHS = re.compile(r"maand|month|شهر|اشهر|أشهر|\bay\b|місяц|miesi|ماه|ወርሒ|ኣዋርሕ|\bbil")
_HALF = re.compile(r"(\d+)[.,]5")


def parse_age(text: str) -> int | None:
    """A plausible age in years: "34", "34 jaar", "٣٤"."""
    found = numbers(text)
    return found[0] if len(found) == 1 and 0 < found[0] < 120 else None


def parse_count(text: str) -> int | None:
    """How many people: "2", "twee" is not understood, "nee"/"niemand" is 0."""
    found = numbers(text)
    if found:
        return found[0] if found[0] < 20 else None
    return 0 if _NONE.search(text.casefold()) else None


def parse_months(text: str) -> int | None:
    """A duration in months: "2 jaar", "1,5 jaar", "8 maanden", "3 jaar of langer"."""
    cleaned = normalise_digits(text).casefold()
    half = _HALF.search(cleaned)
    found = numbers(cleaned)
    if not found:
        return None
    if _MONTHS.search(cleaned):
        return found[0]
    return found[0] * 12 + (6 if half else 0)


def parse_children(text: str) -> list[int] | None:
    ages = parse_ages(text)
    return ages if ages is not None and all(age < 30 for age in ages) else None


def _money(value: str | None) -> Decimal | None:
    return None if value in (None, UNKNOWN) else Decimal(value)


def _int(value: str | None) -> int | None:
    return None if value in (None, UNKNOWN) else int(value)


def _bool(value: str | None) -> bool | None:
    return None if value in (None, UNKNOWN) else value == "yes"


def household_from_answers(answers: Mapping[str, str | None], on: date) -> Household:
    """The slots of the minima form (without the ``minima_`` prefix) as a Household."""
    age = int(answers["age"])
    adults = (age,) if answers.get("partner_age") is None else (age, int(answers["partner_age"]))
    children = tuple(int(a) for a in (answers.get("children_ages") or "").split() if a.isdigit())
    student = answers.get("student")
    return Household(
        on=on,
        adults=adults,
        children=children,
        net_income=_money(answers.get("income")),
        assets=_money(answers.get("assets")),
        low_income_months=_int(answers.get("low_income_months")),
        student=False if student is None and age >= STUDENT_AGE_LIMIT else _bool(student),
        renting=_bool(answers.get("renting")),
        co_residents=_int(answers.get("co_residents")),
        has_debts=_bool(answers.get("debts")),
    )
