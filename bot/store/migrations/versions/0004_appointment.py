"""appointment; outbox_message.appointment_id

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from bot.store.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("external_id", sa.String(64), unique=True),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact.id")),
        sa.Column("phone_e164", sa.String(20), nullable=False, index=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("consultant", sa.String(64)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("starts_at", UTCDateTime, nullable=False, index=True),
        sa.Column("location", sa.String(200)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    with op.batch_alter_table("outbox_message") as batch:
        batch.add_column(sa.Column("appointment_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_outbox_message_appointment", "appointment", ["appointment_id"], ["id"]
        )
        batch.create_index("ix_outbox_message_appointment_id", ["appointment_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_index("ix_outbox_message_appointment_id")
        batch.drop_constraint("fk_outbox_message_appointment", type_="foreignkey")
        batch.drop_column("appointment_id")
    op.drop_table("appointment")
