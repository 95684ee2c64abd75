"""cases: the result of a 办结 (准予 / 不予 / 终止) with its reasons and basis

Revision ID: 0056
Revises: 0050
Create Date: 2026-12-01

Before this, every 办结 was printed as a positive result. A case now keeps the outcome the
department (or the window, for an authorised 即办件) reached; existing 办结 rows have none,
and their notices refer to the department's decision document instead of claiming one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0056"
down_revision: str | None = "0050"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("outcome")
