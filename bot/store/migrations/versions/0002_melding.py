"""melding

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from bot.store.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "melding",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(16), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("melded_at", UTCDateTime, nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("urgency", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("on_behalf_of", sa.String(200)),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact.id"), index=True),
        sa.Column("conversation_id", sa.String(128), index=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("ticket.id")),
    )


def downgrade() -> None:
    op.drop_table("melding")
