"""cases: the indexes the case list's filters walk

Revision ID: 0060
Revises: 0080
Create Date: 2026-12-01

The case list (``intake.services.case_queries``) pages newest first under any filter. Each
filter gets an index whose second column is ``received_at``, so a page is one index walk
that stops after its rows: channel, operator, sync state. "Awaiting rating" and "notice not
printed" are partial indexes over the few statuses they concern, so their count does not
read the finished millions.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0060"
down_revision: str | None = "0080"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AWAITING_RATING = "evaluation IS NULL AND status IN ('completed', 'delivered')"
NEEDS_NOTICE = "status IN ('accepted', 'supplement', 'rejected')"


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_channel", ["channel", "received_at"], unique=False)
        batch_op.create_index("ix_cases_operator", ["operator_id", "received_at"], unique=False)
        batch_op.create_index("ix_cases_sync_state", ["sync_state", "received_at"], unique=False)
        batch_op.create_index(
            "ix_cases_awaiting_rating",
            ["received_at"],
            unique=False,
            sqlite_where=sa.text(AWAITING_RATING),
        )
        batch_op.create_index(
            "ix_cases_needs_notice",
            ["received_at"],
            unique=False,
            sqlite_where=sa.text(NEEDS_NOTICE),
        )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index("ix_print_jobs_case_kind", ["case_id", "kind", "state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_case_kind")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_needs_notice")
        batch_op.drop_index("ix_cases_awaiting_rating")
        batch_op.drop_index("ix_cases_sync_state")
        batch_op.drop_index("ix_cases_operator")
        batch_op.drop_index("ix_cases_channel")
