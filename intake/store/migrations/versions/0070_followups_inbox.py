"""follow-ups and inbox: deliveries, 告知承诺 checks, the inbox and who has seen it

Revision ID: 0070
Revises: 0075
Create Date: 2026-12-01

Own tables only (the lead re-chains the branches at merge time).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0070"
down_revision: str | None = "0075"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("collector", sa.String(length=16), nullable=False),
        sa.Column("collector_name", sa.String(length=120), nullable=False),
        sa.Column("collector_id_masked", sa.String(length=40), nullable=False),
        sa.Column("tracking_number", sa.String(length=60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_table(
        "commitment_checks",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("material_id", sa.String(length=60), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "material_id"),
    )
    op.create_table(
        "inbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("case_number", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_inbox_case", "inbox", ["case_id"])
    op.create_table(
        "inbox_seen",
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("operator_id"),
    )


def downgrade() -> None:
    op.drop_table("inbox_seen")
    op.drop_index("ix_inbox_case", table_name="inbox")
    op.drop_table("inbox")
    op.drop_table("commitment_checks")
    op.drop_table("deliveries")
