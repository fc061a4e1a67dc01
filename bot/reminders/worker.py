"""The reminder worker: claim due outbox rows, send them, record the result.

Several workers may run at once. On PostgreSQL a row is claimed with
``SELECT ... FOR UPDATE SKIP LOCKED``; on SQLite the database allows one writer at a
time, and the claim (status ``pending`` -> ``sending``) is a conditional UPDATE, so a row
is never sent twice either way. A row stuck in ``sending`` (a worker died mid-send) is
retried after ``STALE_AFTER``.
"""

from __future__ import annotations

import logging
import random
import signal
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.reminders.senders import Outgoing, PermanentError, Sender
from bot.store import live_chat
from bot.store.db import session_scope
from bot.store.models import InboundMessage, OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
STALE_AFTER = timedelta(minutes=10)
MAX_BACKOFF = timedelta(minutes=30)
WHATSAPP_WINDOW = timedelta(hours=24)
SQLITE_SPREAD = 5  # with 10 attempts: about 3 hours of provider trouble


def _claimable(now: datetime):
    return or_(
        OutboxMessage.status == "pending",
        (OutboxMessage.status == "sending") & (OutboxMessage.claimed_at < now - STALE_AFTER),
    )


@dataclass(frozen=True)
class Claimed:
    id: int
    message: Outgoing
    attempts: int
    interrupted_at: datetime | None  # a worker claimed it before and died mid-send
    due: datetime


def in_whatsapp_session(session: Session, phone: str, now: datetime) -> bool:
    """WhatsApp's customer-service window: 24 hours after the client's last message."""
    return bool(
        session.execute(
            select(InboundMessage.id)
            .where(
                InboundMessage.sender == phone,
                InboundMessage.channel == "twilio_whatsapp",
                InboundMessage.received_at > now - WHATSAPP_WINDOW,
            )
            .limit(1)
        ).first()
    )


def claim(session: Session, now: datetime, limit: int = 20) -> list[Claimed]:
    """Up to ``limit`` due rows for this worker alone. SQLite has no SKIP LOCKED, so there a
    worker looks at ``SQLITE_SPREAD`` times as many of the oldest rows in random order:
    several workers then rarely reach for the same rows, and the conditional update still
    gives each row to one of them."""
    postgres = session.bind.dialect.name == "postgresql"
    query = (
        select(OutboxMessage)
        .where(_claimable(now), OutboxMessage.send_after <= now)
        .order_by(OutboxMessage.send_after)
        .limit(limit if postgres else limit * SQLITE_SPREAD)
    )
    if postgres:
        query = query.with_for_update(skip_locked=True)
    rows = list(session.execute(query).scalars())
    if not postgres:
        random.shuffle(rows)
    claimed: list[Claimed] = []
    for row in rows:
        if len(claimed) == limit:
            break
        interrupted_at = row.claimed_at if row.status == "sending" else None
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id, _claimable(now))
            .values(status="sending", claimed_at=now, attempts=OutboxMessage.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            session.refresh(row)
            message = Outgoing(
                row.channel,
                row.to,
                row.body,
                row.idempotency_key,
                row.template,
                row.channel == "whatsapp" and in_whatsapp_session(session, row.to, now),
            )
            claimed.append(Claimed(row.id, message, row.attempts, interrupted_at, row.send_after))
    return sorted(claimed, key=lambda item: (item.due, item.id))  # the oldest first


def _deliver(sender: Sender, item: Claimed) -> str:
    if item.interrupted_at is not None:
        earlier = sender.already_sent(item.message, item.interrupted_at)
        if earlier:
            return earlier
    return sender.send(item.message)


def run_once(sender: Sender, now: datetime | None = None) -> int:
    """Send what is due now; return how many were sent."""
    now = now or datetime.now(timezone.utc)
    with session_scope() as session:
        batch = claim(session, now)
    sent = 0
    for item in batch:
        row_id = item.id
        try:
            provider_id = _deliver(sender, item)
        except PermanentError as error:
            logger.warning("outbox message %s refused: %s", row_id, error)
            values = {"status": "failed", "error": str(error)[:500]}
        except Exception as error:
            logger.warning("sending outbox message %s failed: %s", row_id, error)
            status = "failed" if item.attempts >= MAX_ATTEMPTS else "pending"
            retry_at = now + min(timedelta(seconds=30 * 2**item.attempts), MAX_BACKOFF)
            values = {"status": status, "error": str(error)[:500], "send_after": retry_at}
        else:
            sent += 1
            values = {"status": "sent", "provider_id": provider_id, "sent_at": now, "error": None}
        with session_scope() as session:  # a delivery callback may have been quicker
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == row_id, OutboxMessage.status == "sending")
                .values(**values)
            )
    return sent


def run_forever(sender: Sender, interval: float = 5.0) -> None:
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    logger.info("reminder worker started; checking the outbox every %.0f s", interval)
    while not stopping:
        try:
            with session_scope() as session:  # takeovers whose timeout passed go back to the bot
                live_chat.end_expired(session, datetime.now(timezone.utc))
            if run_once(sender):
                continue  # there may be more due right now
        except Exception:
            logger.exception("outbox round failed; trying again")
        for _ in range(int(interval * 10)):
            if stopping:
                break
            time.sleep(0.1)
    logger.info("reminder worker stopped")
