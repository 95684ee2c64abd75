"""appointments: the 预约 the platform pushes, and their check-in at the kiosk

Revision ID: 0130
Revises: 0060
Create Date: 2026-12-01

Self-contained: creates only its own table (intake/store/appointment_models.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0130"
down_revision: str | None = "0120"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("slot_start", sa.String(length=5), nullable=False),
        sa.Column("slot_end", sa.String(length=5), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("matter", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("queue_code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("ticket_number", sa.String(length=8), nullable=True),
        sa.Column("checked_in_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_appointments_id_number_day", "appointments", ["id_number", "day"])


def downgrade() -> None:
    op.drop_index("ix_appointments_id_number_day", table_name="appointments")
    op.drop_table("appointments")
