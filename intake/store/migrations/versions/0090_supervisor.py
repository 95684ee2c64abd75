"""supervisor: operator lock-out state, station-local settings, audit viewer indexes

Revision ID: 0090
Revises: 0100
Create Date: 2026-12-01

``operator_logins`` holds what only this station knows about an operator's logins (failed
attempts, a lock-out until a time, a password reset that must be changed at next login); the
platform's operator list never touches it. ``settings`` holds the station-local settings
(one typed value per key, JSON, with a version counted per change). The audit indexes let the
viewer filter a long log by operator and by date without walking it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0090"
down_revision: str | None = "0100"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "operator_logins",
        sa.Column("operator_id", sa.String(length=40), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.String(length=40), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("operator_id"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_audit_operator_seq", "audit_log", ["operator_id", "seq"])
    op.create_index("ix_audit_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_at", table_name="audit_log")
    op.drop_index("ix_audit_operator_seq", table_name="audit_log")
    op.drop_table("settings")
    op.drop_table("operator_logins")
