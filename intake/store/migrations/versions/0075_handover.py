"""village: the paper a station handed on to the town (交接清单), and the agents' own cards

Revision ID: 0075
Revises: 0110
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0075"
down_revision: str | None = "0110"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handover_batches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("handed_at", sa.String(length=40), nullable=False),
        sa.Column("handed_by", sa.String(length=60), nullable=False),
        sa.Column("received_by", sa.String(length=60), nullable=False),
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "handover_items",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("material_id", sa.String(length=60), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["handover_batches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "material_id"),
    )
    op.create_index("ix_handover_items_batch_id", "handover_items", ["batch_id"])
    op.create_table(
        "agent_cards",
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.Column("person", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("operator_id"),
    )


def downgrade() -> None:
    op.drop_table("agent_cards")
    op.drop_index("ix_handover_items_batch_id", table_name="handover_items")
    op.drop_table("handover_items")
    op.drop_table("handover_batches")
