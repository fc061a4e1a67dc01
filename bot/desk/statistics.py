"""The team leads' numbers: tickets per kind and municipality per week, time to first
response, SLA met, hand-overs per reason, "did this help?" votes per topic, reminder
delivery and no-shows.

Each table is a list of rows with fixed columns, so the page can draw it and the CSV
download gives exactly the same numbers. The counting happens in Python over the
period's rows: a municipality has a few hundred tickets a month, and the same code then
runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.municipality.calendar import AMSTERDAM
from bot.store.models import Appointment, AuditEvent, FaqVote, OutboxMessage, Ticket

FIRST_RESPONSE_ACTIONS = (
    "ticket.claimed",
    "ticket.assigned",
    "ticket.note",
    "ticket.status",
    "ticket.takeover",
    "ticket.closed",
)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple]


def _week(moment: datetime) -> str:
    year, week, _ = moment.astimezone(AMSTERDAM).isocalendar()
    return f"{year}-W{week:02d}"


def tickets_per_week(tickets: Sequence[Ticket]) -> Table:
    counts = Counter((_week(t.created_at), t.municipality, t.kind) for t in tickets)
    rows = [(*key, n) for key, n in sorted(counts.items())]
    return Table("tickets", "Tickets per week", ("week", "gemeente", "soort", "aantal"), rows)


def first_responses(session: Session, tickets: Sequence[Ticket]) -> tuple[Table, dict[str, float]]:
    """Minutes from a ticket's creation to the first thing a consultant did with it, and
    whether that was within its SLA."""
    by_reference = {t.reference: t for t in tickets}
    first: dict[str, datetime] = {}
    if by_reference:
        events = session.execute(
            select(AuditEvent.object_id, AuditEvent.at).where(
                AuditEvent.object_type == "ticket",
                AuditEvent.action.in_(FIRST_RESPONSE_ACTIONS),
                AuditEvent.object_id.in_(list(by_reference)),
            )
        )
        for reference, at in events:
            if reference not in first or at < first[reference]:
                first[reference] = at
    per_municipality: dict[str, list[float]] = defaultdict(list)
    met: Counter = Counter()
    due: Counter = Counter()
    for reference, ticket in by_reference.items():
        answered = first.get(reference)
        if answered is None:
            continue
        minutes = (answered - ticket.created_at).total_seconds() / 60
        per_municipality[ticket.municipality].append(minutes)
        if ticket.sla_due_at is not None:
            due[ticket.municipality] += 1
            met[ticket.municipality] += answered <= ticket.sla_due_at
    rows = []
    summary: dict[str, float] = {}
    for municipality, values in sorted(per_municipality.items()):
        share = round(100 * met[municipality] / due[municipality]) if due[municipality] else None
        rows.append((municipality, len(values), round(median(values)), share))
        if share is not None:
            summary[municipality] = share
    table = Table(
        "response",
        "Eerste reactie en SLA",
        ("gemeente", "tickets met reactie", "mediaan minuten", "SLA gehaald %"),
        rows,
    )
    return table, summary


def handovers(tickets: Sequence[Ticket]) -> Table:
    counts = Counter((t.kind, t.queue) for t in tickets)
    rows = [(*key, n) for key, n in counts.most_common()]
    return Table("handovers", "Overdrachten per reden", ("soort", "wachtrij", "aantal"), rows)


def faq_votes(session: Session, since: datetime) -> Table:
    votes = session.execute(select(FaqVote.topic, FaqVote.helped).where(FaqVote.at >= since)).all()
    helped: Counter = Counter()
    total: Counter = Counter()
    for topic, was_helped in votes:
        total[topic] += 1
        helped[topic] += bool(was_helped)
    rows = [
        (topic, total[topic], helped[topic], round(100 * helped[topic] / total[topic]))
        for topic in sorted(total)
    ]
    return Table(
        "faq", "Heeft het antwoord geholpen?", ("onderwerp", "stemmen", "ja", "ja %"), rows
    )


def reminders(session: Session, since: datetime) -> Table:
    statuses = Counter(
        status
        for (status,) in session.execute(
            select(OutboxMessage.status).where(
                OutboxMessage.appointment_id.is_not(None), OutboxMessage.send_after >= since
            )
        )
    )
    outcomes = Counter(
        status
        for (status,) in session.execute(
            select(Appointment.status).where(Appointment.starts_at >= since)
        )
    )
    sent = statuses["sent"] + statuses["delivered"] + statuses["failed"]
    held = outcomes["done"] + outcomes["no_show"]
    rows = [
        ("herinneringen verstuurd", sent),
        ("afgeleverd", statuses["delivered"]),
        ("mislukt", statuses["failed"]),
        ("afgeleverd %", round(100 * statuses["delivered"] / sent) if sent else 0),
        ("afspraken geweest of niet gekomen", held),
        ("niet gekomen %", round(100 * outcomes["no_show"] / held) if held else 0),
    ]
    return Table("reminders", "Herinneringen en afspraken", ("cijfer", "waarde"), rows)


def all_tables(session: Session, now: datetime, weeks: int = 8) -> list[Table]:
    since = now - timedelta(weeks=weeks)
    tickets = list(session.execute(select(Ticket).where(Ticket.created_at >= since)).scalars())
    response, _ = first_responses(session, tickets)
    return [
        tickets_per_week(tickets),
        response,
        handovers(tickets),
        faq_votes(session, since),
        reminders(session, since),
    ]
