"""notice terms: the delivery choice, a 不予受理's referral, the departments' 补正 requests

Revision ID: 0120
Revises: 0060
Create Date: 2026-12-01

What the notices must say (法制审核 items 10-12) needs three facts the case row does not
hold: how the applicant chose to receive the result (邮寄送达 and its address), the kind of
a 不予受理 and the authority the applicant is told to apply to, and what a department asked
for when it sent a case back for 补正 (materials, note, 补正期限). Self-contained: it
creates only its own two tables (intake/store/notice_models.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0120"
down_revision: str | None = "0060"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_notice_terms",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("delivery_way", sa.String(length=16), nullable=True),
        sa.Column("delivery_address", sa.Text(), nullable=False),
        sa.Column("delivery_recipient", sa.String(length=120), nullable=False),
        sa.Column("delivery_phone", sa.String(length=40), nullable=False),
        sa.Column("rejection_kind", sa.String(length=20), nullable=True),
        sa.Column("refer_to", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_table(
        "case_supplement_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("department", sa.String(length=120), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_case_supplement_requests_case", "case_supplement_requests", ["case_id", "at"]
    )


def downgrade() -> None:
    op.drop_index("ix_case_supplement_requests_case", table_name="case_supplement_requests")
    op.drop_table("case_supplement_requests")
    op.drop_table("case_notice_terms")
