"""signatures: which attachment is the applicant's signature of which document

Revision ID: 0110
Revises: 0056
Create Date: 2026-12-01

A signature drawn on the citizen screen is an attachment like a scan (its bytes inside the
encrypted store, uploaded by SHA-256); this table gives it its kind: the document it signs
(容缺受理承诺书, 告知承诺书, the 签收 line of a notice), so printing can draw it on that
document's signature line. Self-contained: it creates only its own table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0110"
down_revision: str | None = "0056"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_signatures",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("document", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False, server_default="signature"),
        sa.Column("strokes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("operator", sa.String(length=40), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id", "sha256"],
            ["attachments.case_id", "attachments.sha256"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "document", "sha256"),
    )


def downgrade() -> None:
    op.drop_table("case_signatures")
