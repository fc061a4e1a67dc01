"""live_chat: a consultant's takeover of a conversation; ticket_message.dutch

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from bot.store.models import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "live_chat",
        sa.Column("conversation_id", sa.String(128), primary_key=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("ticket.id"), nullable=False),
        sa.Column("consultant", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.Column("ends_at", UTCDateTime),
    )
    with op.batch_alter_table("ticket_message") as batch:
        batch.add_column(sa.Column("dutch", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_message") as batch:
        batch.drop_column("dutch")
    op.drop_table("live_chat")
