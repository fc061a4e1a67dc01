"""What Twilio tells us after sending: delivered, or failed with its error code."""

from __future__ import annotations

from sqlalchemy import update

from bot.store.db import session_scope
from bot.store.models import OutboxMessage

FINAL = {"delivered": "delivered", "undelivered": "failed", "failed": "failed"}


def record_delivery(
    key: str, provider_id: str, provider_status: str, error_code: str | None
) -> bool:
    """Move a ``sending`` or ``sent`` row on (the callback can beat the worker's own update);
    a later or repeated callback never undoes a final status."""
    status = FINAL.get(provider_status)
    if not key or not provider_id or status is None:
        return False
    values = {"status": status, "provider_id": provider_id}
    if status == "failed":
        values["error"] = f"Twilio delivery failed (error {error_code or 'unknown'})"
    with session_scope() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.idempotency_key == key,
                OutboxMessage.status.in_(("sending", "sent")),
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return result.rowcount == 1
