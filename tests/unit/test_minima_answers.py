"""Answers to the minima questions typed in any launch language: "8 months" is months,
"no one" is zero."""

from __future__ import annotations

import pytest

from bot.minima.answers import parse_count, parse_months


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2 jaar", 24),
        ("1,5 jaar", 18),
        ("8 maanden", 8),
        ("8 months", 8),
        ("٨ أشهر", 8),
        ("8 ay", 8),
        ("8 місяців", 8),
        ("8 miesięcy", 8),
        ("۸ ماه", 8),
        ("8 ኣዋርሕ", 8),
        ("8 bilood", 8),
        ("3 yıl", 36),  # years in Turkish: "ay" must be a whole word
        ("3 роки", 36),
    ],
)
def test_a_duration_in_months_or_years(text: str, months: int) -> None:
    assert parse_months(text) == months


@pytest.mark.parametrize(
    "text", ["niemand", "no one, nobody", "لا أحد", "kimse yok", "нікого", "nikt", "هیچ کس", "maya"]
)
def test_no_one_is_zero(text: str) -> None:
    assert parse_count(text) == 0


def test_a_number_still_wins() -> None:
    assert parse_count("2") == 2 and parse_count("ja, 1") == 1 and parse_count("soms") is None
