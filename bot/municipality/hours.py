"""When will a person get back to the client? Derived from the opening hours.

Inside opening hours (with at least an hour left) a colleague can act today; otherwise
the next working day. When a municipality's hours are not known we do not pretend: the
promise is "on a working day", with the due date for the ticket set to the end of the
next working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.municipality.calendar import AMSTERDAM, is_working_day, next_working_day
from bot.municipality.schema import ContactPoint

MIN_TIME_LEFT = timedelta(hours=1)
END_OF_DAY_WHEN_UNKNOWN = time(17, 0)


@dataclass(frozen=True)
class CallbackPromise:
    when: Literal["today", "next_working_day", "working_day"]
    day: date
    due_at: datetime  # aware, UTC: the ticket's SLA


def _closing_today(point: ContactPoint, now_local: datetime) -> time | None:
    if point.hours == "unknown":
        return None
    for span in point.hours.spans(now_local.weekday()):
        opens = datetime.combine(now_local.date(), span.opens, AMSTERDAM)
        closes = datetime.combine(now_local.date(), span.closes, AMSTERDAM)
        if opens <= now_local and now_local + MIN_TIME_LEFT <= closes:
            return span.closes
    return None


def _last_closing(point: ContactPoint, day: date) -> time:
    if point.hours == "unknown":
        return END_OF_DAY_WHEN_UNKNOWN
    spans = point.hours.spans(day.weekday())
    return max(s.closes for s in spans) if spans else END_OF_DAY_WHEN_UNKNOWN


def _next_open_day(point: ContactPoint, after: date, closed: list[date]) -> date:
    day = next_working_day(after, closed)
    if point.hours == "unknown":
        return day
    for _ in range(31):
        if point.hours.spans(day.weekday()):
            return day
        day = next_working_day(day, closed)
    raise ValueError(f"{point.id}: no opening hours on any working day")


def callback_promise(point: ContactPoint, now: datetime, closed: list[date]) -> CallbackPromise:
    now_local = now.astimezone(AMSTERDAM)
    today = now_local.date()
    if point.hours != "unknown" and is_working_day(today, closed):
        closing = _closing_today(point, now_local)
        if closing is not None:
            due = datetime.combine(today, closing, AMSTERDAM)
            return CallbackPromise("today", today, due.astimezone(ZoneInfo("UTC")))
    day = _next_open_day(point, today, closed)
    due = datetime.combine(day, _last_closing(point, day), AMSTERDAM).astimezone(ZoneInfo("UTC"))
    when = "working_day" if point.hours == "unknown" else "next_working_day"
    return CallbackPromise(when, day, due)
