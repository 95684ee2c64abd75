"""ORM table of the appointments (预约) the platform pushes to the station.

Kept apart (migration 0130, its own table). The citizen's name and ID number live in the
encrypted store like a case's applicant; no other table refers to this one.
"""

from __future__ import annotations

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from intake.store.models import Base


class AppointmentRow(Base):
    """One booked slot: who, for what, when, in which queue; its check-in once made."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_id_number_day", "id_number", "day"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the platform's id
    day: Mapped[str] = mapped_column(String(10))  # local (China) date of the slot
    slot_start: Mapped[str] = mapped_column(String(5))  # HH:MM, local time
    slot_end: Mapped[str] = mapped_column(String(5))
    id_number: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    matter: Mapped[str] = mapped_column(String(80))  # 事项 code as the platform booked it
    title: Mapped[str] = mapped_column(String(200))  # the matter's name, as shown
    queue_code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))  # booked / checked_in / cancelled
    received_at: Mapped[str] = mapped_column(String(40))
    ticket_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    ticket_number: Mapped[str | None] = mapped_column(String(8), nullable=True)
    checked_in_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
