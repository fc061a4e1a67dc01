"""Dutch public holidays and working days, for promises like "next working day".

Bevrijdingsdag (5 May) is counted as a day off every year: a promise made on that basis
is at worst one day late, never one day early.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # every municipality served keeps Dutch time


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> set[date]:
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to Saturday
        kings_day = date(year, 4, 26)
    return {
        date(year, 1, 1),
        easter,
        easter + timedelta(days=1),
        kings_day,
        date(year, 5, 5),
        easter + timedelta(days=39),  # Hemelvaartsdag
        easter + timedelta(days=49),  # Pinksteren
        easter + timedelta(days=50),
        date(year, 12, 25),
        date(year, 12, 26),
    }


def is_working_day(day: date, extra_closed: Iterable[date] = ()) -> bool:
    return (
        day.weekday() < 5 and day not in public_holidays(day.year) and day not in set(extra_closed)
    )


def next_working_day(after: date, extra_closed: Iterable[date] = ()) -> date:
    closed = set(extra_closed)
    day = after + timedelta(days=1)
    while not is_working_day(day, closed):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int, extra_closed: Iterable[date] = ()) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    closed = list(extra_closed)
    day = start
    for _ in range(days):
        day = next_working_day(day, closed)
    return day


def end_of_day(day: date) -> datetime:
    """The last moment of ``day`` in Amsterdam, in UTC: the deadline of "before the end of"."""
    return datetime.combine(day, datetime.max.time(), AMSTERDAM).astimezone(timezone.utc)
