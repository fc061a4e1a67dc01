"""contact, inbound_message, ticket, ticket_message, audit_event, outbox_message

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from bot.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("channel_user_id", sa.String(128), nullable=False),
        sa.Column("phone_e164", sa.String(20)),
        sa.Column("language", sa.String(8)),
        sa.Column("municipality", sa.String(64)),
        sa.Column("consent", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("sms_opt_out", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("last_seen_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("channel", "channel_user_id"),
    )
    op.create_table(
        "inbound_message",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact.id"), index=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("sender", sa.String(128), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(16), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("queue", sa.String(32), nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False, index=True),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("sla_due_at", UTCDateTime),
        sa.Column("assignee", sa.String(64)),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact.id"), index=True),
        sa.Column("conversation_id", sa.String(128), index=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("closed_at", UTCDateTime),
        sa.Column("outcome", sa.String(32)),
    )
    op.create_table(
        "ticket_message",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("ticket.id"), nullable=False, index=True),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON),
        sa.Column("at", UTCDateTime, nullable=False, index=True),
    )
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("to", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("send_after", UTCDateTime, nullable=False, index=True),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("provider_id", sa.String(64)),
        sa.Column("idempotency_key", sa.String(128), nullable=False, unique=True),
        sa.Column("error", sa.Text),
        sa.Column("claimed_at", UTCDateTime),
        sa.Column("sent_at", UTCDateTime),
    )


def downgrade() -> None:
    for table in (
        "outbox_message",
        "audit_event",
        "ticket_message",
        "ticket",
        "inbound_message",
        "contact",
    ):
        op.drop_table(table)
