"""Dates and money in the user's language, via Babel (CLDR)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency


def format_day(day: date, lang: str, with_year: bool = False) -> str:
    """For example "donderdag 26 november" or "Thursday 26 November"; a date of birth or
    of a melding also gets its year ("donderdag 26 november 2026")."""
    return format_date(day, format="EEEE d MMMM y" if with_year else "EEEE d MMMM", locale=lang)


def format_money(amount: Decimal, lang: str) -> str:
    """Euros the way the user's language writes them: "€ 1.300,61", "€1,300.61"."""
    if amount != amount.to_integral_value():
        return format_currency(amount, "EUR", locale=lang)
    pattern = Locale.parse(lang).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, "EUR", format=pattern, locale=lang, currency_digits=False)


def format_valid_from(day: date, lang: str) -> str:
    """The date an amount is valid from: "1 juli 2025", without the weekday."""
    return format_date(day, format="d MMMM y", locale=lang)
