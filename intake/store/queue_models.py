"""ORM tables of the hall's queue (叫号) and the kiosk's pre-intakes (预受理).

Kept apart from ``models.py`` so the queue is one self-contained piece (migration 0100);
they share its ``Base``, so the store's metadata knows them once this module is imported.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from intake.store.models import Base


class QueueServiceRow(Base):
    """One service queue of the hall (综合窗口, 不动产, 社保 …, and the priority queue)."""

    __tablename__ = "queue_services"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    prefix: Mapped[str] = mapped_column(String(2), unique=True)
    priority: Mapped[bool] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer)
    departments: Mapped[str] = mapped_column(Text)  # JSON list: codes or name parts routed here


class QueueTicketRow(Base):
    """One ticket: numbered per queue per day; no name on it (it is left on counters)."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("day", "prefix", "seq", name="uq_queue_ticket_number"),
        Index("ix_queue_tickets_waiting", "day", "status", "queue_code"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10))  # the local (China) date it was taken
    prefix: Mapped[str] = mapped_column(String(2))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))  # A012
    queue_code: Mapped[str] = mapped_column(String(20))  # where it waits now
    first_queue: Mapped[str] = mapped_column(String(20))  # where it was taken
    status: Mapped[str] = mapped_column(String(12))  # waiting / called / done / no_show
    title: Mapped[str] = mapped_column(String(200))  # the matter, as printed
    channel: Mapped[str] = mapped_column(String(12))  # kiosk / counter
    taken_at: Mapped[str] = mapped_column(String(40))
    queued_at: Mapped[str] = mapped_column(String(40))  # its place in line (kept on transfer)
    called_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    called_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    counter: Mapped[str | None] = mapped_column(String(40), nullable=True)
    recalls: Mapped[int] = mapped_column(Integer)
    finished_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    pre_intake_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class PreIntakeRow(Base):
    """What a citizen filled at the kiosk: an intake on screen, never a case until a clerk
    decides (inside the encrypted store like everything personal)."""

    __tablename__ = "pre_intakes"
    __table_args__ = (
        Index("ix_pre_intakes_id_number", "id_number"),
        Index("ix_pre_intakes_day_status", "day", "status"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))  # pending / taken / discarded
    title: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    content: Mapped[str] = mapped_column(Text)  # the intake flow, as a draft holds it
    ticket_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    case_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    taken_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    taken_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
