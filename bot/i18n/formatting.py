"""Dates and times in the user's language, via Babel (CLDR)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def format_day(day: date, lang: str) -> str:
    """ "donderdag 26 november", "Thursday 26 November", "الخميس 26 نوفمبر"."""
    return format_date(day, format="EEEE d MMMM", locale=lang)
