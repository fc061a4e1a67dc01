"""Dates and euros in every launch language: Babel has CLDR data for all nine, Tigrinya
and Somali included, so no hand-made fallback format is needed (this test fails when one
goes missing)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel import Locale

from bot.i18n.formatting import format_day, format_money, format_valid_from
from bot.i18n.languages import LAUNCH
from bot.melding.parsing import normalise_digits

DECEMBER = {
    "nl": "december",
    "en": "December",
    "tr": "Aralık",
    "uk": "грудня",
    "pl": "grudnia",
    "ar": "ديسمبر",
    "fa": "دسامبر",
    "ti": "ታሕሳስ",
    "so": "Diseembar",
}


@pytest.mark.parametrize("lang", LAUNCH)
def test_every_launch_language_has_its_own_dates_and_money(lang: str) -> None:
    assert Locale.parse(lang).language == lang  # CLDR data, not a silent fallback
    day = format_day(date(2026, 12, 1), lang, with_year=True)
    assert DECEMBER[lang] in day and "2026" in normalise_digits(day)
    assert "1" in normalise_digits(format_valid_from(date(2025, 7, 1), lang))
    money = normalise_digits(format_money(Decimal("1234.50"), lang))
    assert ("€" in money or "EUR" in money) and "234" in money and "50" in money
    whole = normalise_digits(format_money(Decimal("25"), lang))
    assert "25" in whole and "00" not in whole  # whole euros without cents
