"""Reminder moments, worked out by hand in Amsterdam time."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.planning import AMSTERDAM, outside_quiet_hours, plan, working_days_before


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def local(planned) -> list[tuple[str, datetime]]:
    return [(p.step, p.due.astimezone(AMSTERDAM).replace(tzinfo=None)) for p in planned]


NOW = ams(2026, 11, 20, 12, 0)  # a Friday


def test_appointment_gets_a_reminder_24_hours_before() -> None:
    found = local(plan("screening", ams(2026, 12, 1, 10, 0), NOW))
    assert found == [("regular", datetime(2026, 11, 30, 10, 0))]


def test_an_early_appointment_is_not_reminded_in_the_night() -> None:
    assert local(plan("kick_off", ams(2026, 12, 1, 7, 30), NOW)) == [
        ("regular", datetime(2026, 11, 30, 8, 0))
    ]
    assert local(plan("huisbezoek", ams(2026, 12, 1, 21, 30), NOW)) == [
        ("regular", datetime(2026, 12, 1, 8, 0))
    ]


def test_questionnaire_three_working_days_before_skips_weekend_and_holidays() -> None:
    # Deadline Tuesday 29 December 2026: 28 Mon, (26-27 weekend, 25-26 Christmas) 24 Thu, 23 Wed.
    found = local(plan("vragenlijst", ams(2026, 12, 29, 0, 0), NOW))
    assert found == [("regular", datetime(2026, 12, 23, 10, 0))]


def test_document_deadline_the_day_before() -> None:
    found = local(plan("documenten", ams(2026, 12, 7, 0, 0), NOW))
    assert found == [("regular", datetime(2026, 12, 6, 10, 0))]


def test_municipal_closing_day_counts_as_not_working() -> None:
    closed = [date(2026, 12, 24)]
    assert working_days_before(date(2026, 12, 29), 3, closed) == date(2026, 12, 22)


def test_made_less_than_a_day_ahead_gets_one_reminder_now() -> None:
    now = ams(2026, 11, 20, 15, 0)
    assert local(plan("gesprek", ams(2026, 11, 21, 10, 0), now)) == [
        ("short_notice", datetime(2026, 11, 20, 15, 0))
    ]


def test_short_notice_at_night_waits_for_the_morning_unless_too_late() -> None:
    night = ams(2026, 11, 20, 23, 0)
    assert local(plan("gesprek", ams(2026, 11, 21, 9, 0), night)) == [
        ("short_notice", datetime(2026, 11, 21, 8, 0))
    ]
    assert plan("gesprek", ams(2026, 11, 21, 7, 45), night) == []


def test_nothing_for_the_past() -> None:
    assert plan("screening", ams(2026, 11, 20, 11, 0), NOW) == []


def test_summer_time_is_handled() -> None:
    # 29 March 2026 the clocks go forward: the day-before reminder is still at 10:00 local.
    found = local(plan("screening", ams(2026, 3, 30, 10, 0), ams(2026, 3, 1, 12, 0)))
    assert found == [("regular", datetime(2026, 3, 29, 10, 0))]


@given(st.datetimes(datetime(2025, 1, 1), datetime(2028, 1, 1)))
def test_never_in_quiet_hours(moment: datetime) -> None:
    found = outside_quiet_hours(moment.replace(tzinfo=AMSTERDAM)).astimezone(AMSTERDAM)
    assert 8 <= found.hour < 21
    assert found >= moment.replace(tzinfo=AMSTERDAM) - timedelta(seconds=1)


@pytest.mark.parametrize("kind", ["screening", "vragenlijst", "documenten"])
@given(offset=st.integers(0, 60 * 24 * 30))
def test_every_reminder_is_before_the_end_and_not_in_the_night(kind: str, offset: int) -> None:
    starts = ams(2026, 12, 15, 10, 0)
    now = starts - timedelta(minutes=offset)
    for planned in plan(kind, starts, now):
        due = planned.due.astimezone(AMSTERDAM)
        assert due >= now - timedelta(seconds=1)
        assert 8 <= due.hour < 21
        assert due < starts + timedelta(days=1)
