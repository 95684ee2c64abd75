"""rectifications: a 差评's rectification (整改), call-back (回访) and appeal (申诉)

Revision ID: 0140
Revises: 0060
Create Date: 2026-12-01

A table of its own, one row per rated case and department with a 不满意 / 非常不满意 rating:
its 15-working-day clock, what was done, the call-back and an appeal with its outcome.
Ratings recorded before this table are opened the first time the supervisor's page asks
(``RectificationService.open_missing``, once: it needs the working-day calendar).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0140"
down_revision: str | None = "0130"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rectifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_number", sa.String(length=40), nullable=False),
        sa.Column("department", sa.String(length=120), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("rated_at", sa.String(length=40), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("rectified_at", sa.String(length=40), nullable=True),
        sa.Column("rectified_by", sa.String(length=40), nullable=False),
        sa.Column("rectification", sa.Text(), nullable=False),
        sa.Column("callback_at", sa.String(length=40), nullable=True),
        sa.Column("callback_by", sa.String(length=40), nullable=False),
        sa.Column("callback_reached", sa.Boolean(), nullable=True),
        sa.Column("callback_view", sa.Text(), nullable=False),
        sa.Column("callback_attempts", sa.Integer(), nullable=False),
        sa.Column("appeal_at", sa.String(length=40), nullable=True),
        sa.Column("appeal_by", sa.String(length=40), nullable=False),
        sa.Column("appeal_reason", sa.Text(), nullable=False),
        sa.Column("appeal_outcome", sa.String(length=16), nullable=False),
        sa.Column("appeal_decided_at", sa.String(length=40), nullable=True),
        sa.Column("appeal_note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "department", name="uq_rectifications_case_department"),
    )
    op.create_index("ix_rectifications_state_due", "rectifications", ["state", "due"])


def downgrade() -> None:
    op.drop_index("ix_rectifications_state_due", table_name="rectifications")
    op.drop_table("rectifications")
