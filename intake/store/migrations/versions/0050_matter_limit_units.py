"""case matters: the unit of each limit and whether the window may complete it

Revision ID: 0050
Revises: 0002
Create Date: 2026-12-01

A case keeps what its catalog said when it was recorded: the unit of its legal and promised
limits (工作日 / 自然日, the 居民身份证法's 60 日 being calendar days) and whether the
window may record 办结 itself (受审分离). Existing rows were all counted in working days and
never window-completed by authorisation, hence the defaults.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0050"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_matters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "legal_limit_unit", sa.String(length=10), nullable=False, server_default="working"
            )
        )
        batch_op.add_column(
            sa.Column(
                "promised_limit_unit",
                sa.String(length=10),
                nullable=False,
                server_default="working",
            )
        )
        batch_op.add_column(
            sa.Column("window_completes", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("case_matters", schema=None) as batch_op:
        batch_op.drop_column("window_completes")
        batch_op.drop_column("promised_limit_unit")
        batch_op.drop_column("legal_limit_unit")
