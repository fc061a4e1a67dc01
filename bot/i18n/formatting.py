"""Dates and times in the user's language, via Babel (CLDR)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def format_day(day: date, lang: str, with_year: bool = False) -> str:
    """For example "donderdag 26 november" or "Thursday 26 November"; a date of birth or
    of a melding also gets its year ("donderdag 26 november 2026")."""
    return format_date(day, format="EEEE d MMMM y" if with_year else "EEEE d MMMM", locale=lang)
