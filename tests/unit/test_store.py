"""Tickets, inbound messages and the outbox on SQLite and on a real PostgreSQL."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.channels.inbound import clean, mark_inbound, store_inbound
from bot.handover.reference import REFERENCE_RE
from bot.handover.transcript import transcript
from bot.reminders.senders import LogSender, Outgoing
from bot.reminders.worker import MAX_ATTEMPTS, run_once
from bot.store.db import session_scope
from bot.store.models import AuditEvent, Contact, InboundMessage, OutboxMessage, Ticket
from bot.store.tickets import NewTicket, create_ticket

EVENTS = [
    {"event": "user", "text": "hallo, mijn bsn is 111222333", "timestamp": 1764000000.0},
    {"event": "bot", "text": "Hallo! Ik ben Baken.", "timestamp": 1764000001.0},
    {"event": "user", "text": "/human_handoff", "timestamp": 1764000002.0},
    {"event": "user", "text": "bel me op 0612345678", "timestamp": 1764000003.0},
]


def new_ticket(conversation: str = "web-1") -> NewTicket:
    return NewTicket(
        kind="vraag",
        queue="algemeen",
        municipality="deventer",
        language="ar",
        summary="Klant vraagt om contact.",
        sla_due_at=datetime.now(timezone.utc),
        conversation_id=conversation,
        channel="rest",
    )


def test_ticket_with_masked_transcript_and_audit(database_url: str) -> None:
    with session_scope() as session:
        reference = create_ticket(session, new_ticket(), transcript(EVENTS)).reference
    assert REFERENCE_RE.match(reference)
    with session_scope() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        texts = [(m.direction, m.text) for m in ticket.messages]
        audit = session.execute(select(AuditEvent)).scalar_one()
        contact = session.get(Contact, ticket.contact_id)
    assert texts == [
        ("client", "hallo, mijn bsn is [BSN]"),
        ("bot", "Hallo! Ik ben Baken."),
        ("client", "bel me op [telefoonnummer]"),
    ]
    assert ticket.status == "open" and ticket.language == "ar"
    assert ticket.sla_due_at.tzinfo is not None
    assert (audit.action, audit.object_id) == ("ticket.created", reference)
    assert (contact.channel, contact.channel_user_id, contact.municipality) == (
        "rest",
        "web-1",
        "deventer",
    )


def test_many_tickets_get_distinct_references(database_url: str) -> None:
    with session_scope() as session:
        refs = {create_ticket(session, new_ticket(f"c{i}"), []).reference for i in range(50)}
    assert len(refs) == 50


def test_inbound_is_stored_masked_before_processing(database_url: str) -> None:
    message_id = store_inbound("rest", "web-2", clean("iban NL91ABNA0417164300 graag"))
    mark_inbound(message_id, "failed", "boom")
    with session_scope() as session:
        stored = session.get(InboundMessage, message_id)
    assert (stored.text, stored.status, stored.error) == ("iban [IBAN] graag", "failed", "boom")


def _queue(n: int, send_after: datetime) -> None:
    with session_scope() as session:
        for i in range(n):
            session.add(
                OutboxMessage(
                    channel="sms",
                    to=f"+3161234567{i}",
                    body=f"bericht {i}",
                    send_after=send_after,
                    idempotency_key=f"k{i}",
                )
            )


def test_worker_sends_due_messages_once(database_url: str, tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    _queue(3, now - timedelta(minutes=1))
    with session_scope() as session:
        session.add(
            OutboxMessage(
                channel="sms",
                to="+31600000000",
                body="later",
                send_after=now + timedelta(hours=1),
                idempotency_key="later",
            )
        )
    sender = LogSender(tmp_path / "outbox.log")
    assert run_once(sender) == 3
    assert run_once(sender) == 0
    lines = (tmp_path / "outbox.log").read_text().splitlines()
    assert len(lines) == 3 and "bericht 0" in lines[0]
    with session_scope() as session:
        statuses = dict(
            session.execute(select(OutboxMessage.idempotency_key, OutboxMessage.status)).all()
        )
    assert statuses == {"k0": "sent", "k1": "sent", "k2": "sent", "later": "pending"}


class Flaky:
    def __init__(self) -> None:
        self.calls = 0

    def send(self, message: Outgoing) -> str:
        self.calls += 1
        raise ConnectionError("provider down")


def test_failed_sends_back_off_and_give_up(database_url: str) -> None:
    now = datetime.now(timezone.utc)
    _queue(1, now)
    sender = Flaky()
    for attempt in range(MAX_ATTEMPTS):
        run_once(sender, now + timedelta(days=attempt + 1))
    with session_scope() as session:
        row = session.execute(select(OutboxMessage)).scalar_one()
    assert sender.calls == MAX_ATTEMPTS
    assert (row.status, row.attempts, row.error) == ("failed", MAX_ATTEMPTS, "provider down")


@pytest.mark.parametrize("workers", [4])
def test_parallel_workers_never_send_twice(database_url: str, tmp_path: Path, workers: int) -> None:
    from concurrent.futures import ThreadPoolExecutor

    _queue(40, datetime.now(timezone.utc) - timedelta(seconds=1))
    sender = LogSender(tmp_path / "outbox.log")
    with ThreadPoolExecutor(workers) as pool:
        sent = sum(pool.map(lambda _: sum(run_once(sender) for _ in range(5)), range(workers)))
    keys = [
        line.split('"key": "')[1].split('"')[0]
        for line in (tmp_path / "outbox.log").read_text().splitlines()
    ]
    assert sent == 40
    assert sorted(keys) == sorted(f"k{i}" for i in range(40))


def test_migrations_match_the_models(database_url: str) -> None:
    """Every model change has its Alembic migration (both databases)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.store.db import engine_for
    from bot.store.models import Base

    with engine_for(database_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
