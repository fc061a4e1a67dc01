"""When each reminder is due: plain Python, Europe/Amsterdam, Dutch working days.

The moments come from Deventer's process (seed 004 §7.5): an SMS the day before every
appointment (screening, ambitiegesprek, kick-off, kennismakingsgesprek, home visit), three
working days before a questionnaire must be filled in, and the day before a document
deadline ends. No SMS between 21:00 and 08:00: a message due then waits until 08:00. An
appointment made less than a day ahead gets one reminder now (or at 08:00), unless that
would be after it starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from bot.municipality.calendar import AMSTERDAM, is_working_day

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
DEADLINE_REMINDER_AT = time(10, 0)  # date-only deadlines: the reminder goes out mid-morning
APPOINTMENT_KINDS = (
    "screening",
    "ambitiegesprek",
    "kick_off",
    "kennismakingsgesprek",
    "huisbezoek",
    "gesprek",
)
DEADLINE_KINDS = {"vragenlijst": 3, "documenten": 0}  # working days before (0: the day before)


@dataclass(frozen=True)
class Planned:
    """One reminder: ``due`` is aware UTC; ``step`` names it in the idempotency key."""

    step: str
    due: datetime


def outside_quiet_hours(moment: datetime) -> datetime:
    """``moment``, or 08:00 Amsterdam time when it falls between 21:00 and 08:00."""
    local = moment.astimezone(AMSTERDAM)
    if local.time() >= QUIET_FROM:
        local = datetime.combine(local.date() + timedelta(days=1), QUIET_UNTIL, AMSTERDAM)
    elif local.time() < QUIET_UNTIL:
        local = datetime.combine(local.date(), QUIET_UNTIL, AMSTERDAM)
    return local.astimezone(timezone.utc)


def working_days_before(day: date, count: int, closed: Iterable[date] = ()) -> date:
    closed = set(closed)
    found = day
    for _ in range(count):
        found -= timedelta(days=1)
        while not is_working_day(found, closed):
            found -= timedelta(days=1)
    return found


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, AMSTERDAM).astimezone(timezone.utc)


def plan(
    kind: str, starts_at: datetime, now: datetime, closed: Iterable[date] = ()
) -> list[Planned]:
    """The reminders still to send for an appointment or deadline, as seen at ``now``.

    ``starts_at`` is aware; for a deadline kind only its Amsterdam date counts (the
    deadline is the end of that day)."""
    if kind in DEADLINE_KINDS:
        deadline = starts_at.astimezone(AMSTERDAM).date()
        ends = _at(deadline + timedelta(days=1), time(0, 0))
        days = DEADLINE_KINDS[kind]
        day = working_days_before(deadline, days, closed) if days else deadline - timedelta(1)
        regular = _at(day, DEADLINE_REMINDER_AT)
    else:
        ends = starts_at
        regular = outside_quiet_hours(starts_at - timedelta(days=1))
    if now >= ends:
        return []
    if regular > now:
        return [Planned("regular", regular)]
    soon = outside_quiet_hours(now)
    return [Planned("short_notice", soon)] if soon < ends else []
