"""queue: the hall's service queues, their tickets, and the kiosk's pre-intakes

Revision ID: 0100
Revises: 0070
Create Date: 2026-12-01

Self-contained: creates only its own three tables (intake/store/queue_models.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0100"
down_revision: str | None = "0070"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "queue_services",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("departments", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("prefix"),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("queue_code", sa.String(length=20), nullable=False),
        sa.Column("first_queue", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("taken_at", sa.String(length=40), nullable=False),
        sa.Column("queued_at", sa.String(length=40), nullable=False),
        sa.Column("called_at", sa.String(length=40), nullable=True),
        sa.Column("called_by", sa.String(length=40), nullable=True),
        sa.Column("counter", sa.String(length=40), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.String(length=40), nullable=True),
        sa.Column("pre_intake_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "prefix", "seq", name="uq_queue_ticket_number"),
    )
    op.create_index(
        "ix_queue_tickets_waiting", "queue_tickets", ["day", "status", "queue_code"], unique=False
    )
    op.create_table(
        "pre_intakes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("case_number", sa.String(length=40), nullable=True),
        sa.Column("taken_by", sa.String(length=40), nullable=True),
        sa.Column("taken_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pre_intakes_id_number", "pre_intakes", ["id_number"], unique=False)
    op.create_index("ix_pre_intakes_day_status", "pre_intakes", ["day", "status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_pre_intakes_day_status", table_name="pre_intakes")
    op.drop_index("ix_pre_intakes_id_number", table_name="pre_intakes")
    op.drop_table("pre_intakes")
    op.drop_index("ix_queue_tickets_waiting", table_name="queue_tickets")
    op.drop_table("queue_tickets")
    op.drop_table("queue_services")
