"""ORM tables of what the notices need beyond the case row (法制审核 items 10-12): the
applicant's delivery choice and a 不予受理's referral, and the departments' 补正 requests.

Kept apart from ``models.py`` as one self-contained piece (migration 0120); they share its
``Base``, so the store's metadata knows them once this module is imported.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from intake.store.models import Base


class NoticeTermsRow(Base):
    """Recorded at intake: how the result is to reach the applicant (送达方式确认), and for a
    不予受理 its kind and the authority the applicant is told to apply to."""

    __tablename__ = "case_notice_terms"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    delivery_way: Mapped[str | None] = mapped_column(String(16), nullable=True)
    delivery_address: Mapped[str] = mapped_column(Text, default="")
    delivery_recipient: Mapped[str] = mapped_column(String(120), default="")
    delivery_phone: Mapped[str] = mapped_column(String(40), default="")
    rejection_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    refer_to: Mapped[str] = mapped_column(Text, default="")


class SupplementRequestRow(Base):
    """A department's 补正 after acceptance, as the pulled change carried it."""

    __tablename__ = "case_supplement_requests"
    __table_args__ = (Index("ix_case_supplement_requests_case", "case_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[str] = mapped_column(String(40))
    department: Mapped[str] = mapped_column(String(120), default="")
    materials: Mapped[str] = mapped_column(Text)  # JSON list of {name, requirement}
    note: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[str | None] = mapped_column(String(10), nullable=True)  # ISO date
