"""The team leads' numbers, counted from real rows (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from bot.desk.charts import bar_chart
from bot.desk.statistics import all_tables
from bot.store.db import session_scope
from bot.store.models import Appointment, AuditEvent, FaqVote, OutboxMessage, Ticket

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)  # a Wednesday, week 48


def ticket(reference: str, municipality: str, kind: str, created: datetime, sla_hours: int):
    return Ticket(
        reference=reference,
        kind=kind,
        queue="intake" if kind == "melding" else "algemeen",
        municipality=municipality,
        language="nl",
        summary="-",
        created_at=created,
        sla_due_at=created + timedelta(hours=sla_hours),
    )


def claimed(reference: str, at: datetime) -> AuditEvent:
    return AuditEvent(
        actor="anna", action="ticket.claimed", object_type="ticket", object_id=reference, at=at
    )


@pytest.mark.usefixtures("database_url")
def test_the_numbers_a_team_lead_sees() -> None:
    monday = NOW - timedelta(days=2)
    with session_scope() as session:
        session.add_all(
            [
                ticket("T-2026-000001", "deventer", "melding", monday, 24),
                ticket("T-2026-000002", "deventer", "vraag", monday, 24),
                ticket("T-2026-000003", "steenwijkerland", "melding", monday, 24),
                ticket("T-2026-000004", "deventer", "vraag", monday - timedelta(days=7), 24),
                claimed("T-2026-000001", monday + timedelta(minutes=30)),  # in time
                claimed("T-2026-000002", monday + timedelta(hours=30)),  # too late
                FaqVote(topic="voorschot", language="nl", helped=True, at=NOW),
                FaqVote(topic="voorschot", language="ar", helped=False, at=NOW),
                FaqVote(topic="bezwaar", language="nl", helped=True, at=NOW),
            ]
        )
        session.flush()
        for number, status in enumerate(("done", "no_show", "done", "done")):
            appointment = Appointment(
                phone_e164="+31612345678",
                municipality="deventer",
                kind="screening",
                starts_at=NOW - timedelta(days=number + 1),
                status=status,
            )
            session.add(appointment)
            session.flush()
            session.add(
                OutboxMessage(
                    channel="sms",
                    to="+31612345678",
                    body="herinnering",
                    send_after=NOW - timedelta(days=number + 2),
                    status="delivered" if number else "failed",
                    idempotency_key=f"k{number}",
                    appointment_id=appointment.id,
                )
            )
    with session_scope() as session:
        tables = {t.name: t for t in all_tables(session, NOW)}
    assert ("2026-W48", "deventer", "melding", 1) in tables["tickets"].rows
    assert ("2026-W47", "deventer", "vraag", 1) in tables["tickets"].rows
    assert tables["response"].rows == [("deventer", 2, 915, 50)]  # median of 30 and 1800 min
    assert ("melding", "intake", 2) in tables["handovers"].rows
    assert tables["faq"].rows == [("bezwaar", 1, 1, 100), ("voorschot", 2, 1, 50)]
    reminders = dict(tables["reminders"].rows)
    assert reminders["herinneringen verstuurd"] == 4 and reminders["afgeleverd %"] == 75
    assert reminders["niet gekomen %"] == 25


def test_a_bar_chart_says_its_numbers_to_a_screen_reader() -> None:
    svg = bar_chart("Tickets per week", [("2026-W47", 3), ("2026-W48", 6)], ident="tickets")
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title id='tickets-t'>Tickets per week</title>" in svg
    assert 'aria-labelledby="tickets-t tickets-d"' in svg
    assert "2026-W47: 3; 2026-W48: 6" in svg
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths[1] == 2 * widths[0]
