"""At most ``PER_MINUTE`` answered messages per sender per minute, on every channel.

A stuck phone, a script or an angry client can send hundreds of messages; each one costs
an NLU run and, on SMS, money for the answers. The count comes from the stored inbound
messages, so it holds across rasa servers. Over the limit the client gets one polite
message; the rest are stored (nothing is lost) but not answered.
"""

from __future__ import annotations

import enum
import os
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store.models import InboundMessage

WINDOW = timedelta(minutes=1)


def per_minute() -> int:
    return int(os.environ.get("BAKEN_RATE_LIMIT_PER_MINUTE", "20"))


class Verdict(enum.Enum):
    ANSWER = "answer"
    WARN = "warn"  # the first message over the limit: say so once
    SILENT = "silent"


def verdict(session: Session, sender: str, now: datetime, limit: int | None = None) -> Verdict:
    """For a message already stored: answer it, warn, or stay silent."""
    limit = per_minute() if limit is None else limit
    count = session.execute(
        select(func.count())
        .select_from(InboundMessage)
        .where(InboundMessage.sender == sender, InboundMessage.received_at > now - WINDOW)
    ).scalar_one()
    if count <= limit:
        return Verdict.ANSWER
    return Verdict.WARN if count == limit + 1 else Verdict.SILENT
