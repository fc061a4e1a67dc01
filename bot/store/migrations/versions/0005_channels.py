"""channels: inbound_message.provider_id (replays), channel_menu (numbered replies),
outbox_message.template (WhatsApp templates)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from bot.store.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_message") as batch:
        batch.add_column(sa.Column("provider_id", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_inbound_message_provider_id", ["provider_id"])
        batch.create_index("ix_inbound_message_received_at", ["received_at"])
    with op.batch_alter_table("outbox_message") as batch:
        batch.add_column(sa.Column("template", sa.JSON, nullable=True))
    op.create_table(
        "channel_menu",
        sa.Column("sender", sa.String(128), primary_key=True),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("channel_menu")
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_column("template")
    with op.batch_alter_table("inbound_message") as batch:
        batch.drop_index("ix_inbound_message_received_at")
        batch.drop_constraint("uq_inbound_message_provider_id", type_="unique")
        batch.drop_column("provider_id")
