"""complaints: 办不成事 and their follow-up under the 125 rule

Revision ID: 0080
Revises: 0090
Create Date: 2026-12-01

A table of its own: a citizen's complaint that something could not be done, when it must be
dispatched (1 hour) and closed (2 or 5 working days), who handled it and the 12345 hand-over.

Two indexes on ``cases`` for the statistics (intake.stats.figures): a covering one over the
columns the figures read, and a partial one over the rated cases. Without them a year of
the dashboard reads every case row of the year (about 33 s at a million cases,
docs/performance.md). They only add entries: no existing table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0080"
down_revision: str | None = "0090"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.Column("citizen_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("where_failed", sa.Text(), nullable=False),
        sa.Column("complex", sa.Boolean(), nullable=False),
        sa.Column("case_number", sa.String(length=40), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("dispatch_due", sa.String(length=40), nullable=False),
        sa.Column("close_due", sa.String(length=10), nullable=False),
        sa.Column("dispatched_at", sa.String(length=40), nullable=True),
        sa.Column("dispatched_to", sa.String(length=120), nullable=False),
        sa.Column("handled_at", sa.String(length=40), nullable=True),
        sa.Column("handling_note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("hotline_ticket", sa.String(length=40), nullable=False),
        sa.Column("hotline_at", sa.String(length=40), nullable=True),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    op.create_index("ix_complaints_state_due", "complaints", ["state", "close_due"])
    op.create_index("ix_complaints_operator", "complaints", ["operator_id", "recorded_at"])
    op.create_index("ix_complaints_recorded", "complaints", ["recorded_at"])
    op.create_index(
        "ix_cases_stats",
        "cases",
        ["received_at", "operator_id", "status", "accepted_at", "promised_due", "id"],
    )
    op.create_index(
        "ix_cases_rated",
        "cases",
        ["received_at", "operator_id"],
        sqlite_where=sa.text("evaluation IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_rated", table_name="cases")
    op.drop_index("ix_cases_stats", table_name="cases")
    op.drop_index("ix_complaints_recorded", table_name="complaints")
    op.drop_index("ix_complaints_operator", table_name="complaints")
    op.drop_index("ix_complaints_state_due", table_name="complaints")
    op.drop_table("complaints")
