from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.municipality.calendar import (
    easter_sunday,
    is_working_day,
    next_working_day,
    public_holidays,
)
from bot.municipality.hours import callback_promise
from bot.municipality.schema import ContactPoint, WeeklyHours

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5))],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_kings_day_moves_to_saturday_when_on_sunday() -> None:
    assert date(2025, 4, 26) in public_holidays(2025)  # 27 April 2025 is a Sunday
    assert date(2026, 4, 27) in public_holidays(2026)


def test_next_working_day_skips_weekend_and_christmas() -> None:
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)
    assert next_working_day(date(2026, 11, 27)) == date(2026, 11, 30)
    assert not is_working_day(date(2026, 5, 14))  # Hemelvaartsdag
    assert next_working_day(date(2026, 11, 25), [date(2026, 11, 26)]) == date(2026, 11, 27)


def _point(hours: object) -> ContactPoint:
    return ContactPoint(id="x", name="X", purpose="p", phone="14 0570", hours=hours, source="s")


OFFICE = WeeklyHours(
    **{d: ["09:00-16:00"] for d in ("monday", "tuesday", "wednesday", "thursday", "friday")}
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


def test_inside_opening_hours_is_today_and_due_at_closing() -> None:
    promise = callback_promise(_point(OFFICE), at("2026-11-25T10:00"), [])
    assert promise.when == "today"
    assert promise.due_at == datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)


def test_less_than_an_hour_before_closing_is_next_working_day() -> None:
    promise = callback_promise(_point(OFFICE), at("2026-11-25T15:30"), [])
    assert (promise.when, promise.day) == ("next_working_day", date(2026, 11, 26))


def test_friday_evening_is_monday() -> None:
    promise = callback_promise(_point(OFFICE), at("2026-11-27T19:00"), [])
    assert (promise.when, promise.day) == ("next_working_day", date(2026, 11, 30))


def test_a_holiday_during_office_hours_is_not_today() -> None:
    promise = callback_promise(_point(OFFICE), at("2026-12-25T10:00"), [])
    assert (promise.when, promise.day) == ("next_working_day", date(2026, 12, 28))


def test_unknown_hours_promise_a_working_day_only() -> None:
    promise = callback_promise(_point("unknown"), at("2026-11-25T10:00"), [])
    assert (promise.when, promise.day) == ("working_day", date(2026, 11, 26))
