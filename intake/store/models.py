"""ORM tables of the local store. Nothing here leaves ``intake``: services map rows to
the plain views in ``intake.cases``.

Times are stored as timezone-aware ISO strings in UTC ("…Z" free, "+00:00"), dates as ISO
dates, JSON as text; ids are UUIDv7 strings so they sort by creation time.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """A model's Core table: INSERT/UPDATE through it skip the ORM's per-row bookkeeping,
    which on the save path cost more than SQLite's own work."""
    return cast(Table, model.__table__)


class StationRow(Base):
    """The one row describing this station (its code prefixes every case number)."""

    __tablename__ = "station"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    office_name: Mapped[str] = mapped_column(String(200))
    area_code: Mapped[str] = mapped_column(String(12))
    level: Mapped[str] = mapped_column(String(16))  # county / town / village / kiosk
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    tracking_url_template: Mapped[str] = mapped_column(String(300), default="")
    hub_url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))


class CatalogRow(Base):
    __tablename__ = "catalogs"
    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[bytes] = mapped_column(LargeBinary)
    loaded_at: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=False)


class OperatorRow(Base):
    __tablename__ = "operators"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    station_code: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    applicant: Mapped[str] = mapped_column(Text)  # JSON of intake.cases.Person
    applicant_name: Mapped[str] = mapped_column(String(120))
    applicant_pinyin: Mapped[str] = mapped_column(String(240))  # "zhangsan"
    applicant_initials: Mapped[str] = mapped_column(String(60))  # "zs"
    applicant_id_number: Mapped[str] = mapped_column(String(40))
    applicant_phone: Mapped[str] = mapped_column(String(40))
    agent: Mapped[str | None] = mapped_column(Text, nullable=True)
    agent_id_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    bundle_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    bundle_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    form_data: Mapped[str] = mapped_column(Text)
    catalog_version: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[str] = mapped_column(String(40))
    accepted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    received_area: Mapped[str] = mapped_column(String(12))
    handled_area: Mapped[str] = mapped_column(String(12))
    operator_id: Mapped[str] = mapped_column(String(40))
    operator_name: Mapped[str] = mapped_column(String(60))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    legal_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    promised_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    deadline_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    special_procedure: Mapped[bool] = mapped_column(Boolean, default=False)
    evaluation: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="waiting")
    updated_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        # (column, received_at): exact matches come out newest first without a sort
        Index("ix_cases_id_number", "applicant_id_number", "received_at"),
        Index("ix_cases_name", "applicant_name", "received_at"),
        Index("ix_cases_pinyin", "applicant_pinyin", "received_at"),
        Index("ix_cases_initials", "applicant_initials", "received_at"),
        Index("ix_cases_phone", "applicant_phone", "received_at"),
        Index("ix_cases_agent_id_number", "agent_id_number"),
        Index("ix_cases_status_received", "status", "received_at"),
        Index("ix_cases_received", "received_at"),
        Index("ix_cases_promised_due", "status", "promised_due"),
        Index("ix_cases_provisional", "deadline_provisional"),
        # the case list's filters (migration 0060, intake.services.case_queries)
        Index("ix_cases_channel", "channel", "received_at"),
        Index("ix_cases_operator", "operator_id", "received_at"),
        Index("ix_cases_sync_state", "sync_state", "received_at"),
        Index(
            "ix_cases_awaiting_rating",
            "received_at",
            sqlite_where=text("evaluation IS NULL AND status IN ('completed', 'delivered')"),
        ),
        Index(
            "ix_cases_needs_notice",
            "received_at",
            sqlite_where=text("status IN ('accepted', 'supplement', 'rejected')"),
        ),
    )


class CaseMatterRow(Base):
    __tablename__ = "case_matters"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    basic_code: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(120))
    immediate: Mapped[bool] = mapped_column(Boolean)
    legal_limit_days: Mapped[int] = mapped_column(Integer)
    promised_limit_days: Mapped[int] = mapped_column(Integer)
    legal_limit_unit: Mapped[str] = mapped_column(String(10), server_default="working")
    promised_limit_unit: Mapped[str] = mapped_column(String(10), server_default="working")
    window_completes: Mapped[bool] = mapped_column(Boolean, server_default=false())


class CaseMaterialRow(Base):
    __tablename__ = "case_materials"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    material_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16))
    copies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    promised_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    licence_number: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    matters: Mapped[str] = mapped_column(Text, default="[]")

    __table_args__ = (Index("ix_case_materials_deferred", "state", "promised_date"),)


class CaseHistoryRow(Base):
    __tablename__ = "case_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("case_id", "seq"),)


class OutboxRow(Base):
    """One operation waiting for (or done with) the central platform, in local order."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    case_number: Mapped[str] = mapped_column(String(40))
    op: Mapped[str] = mapped_column(String(32))
    base_version: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    result: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)


class SequenceRow(Base):
    """Counters (case numbers per day, document numbers per kind and year)."""

    __tablename__ = "sequences"
    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class PrintJobRow(Base):
    __tablename__ = "print_jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    doc_number: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    printer: Mapped[str] = mapped_column(String(120), default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (Index("ix_print_jobs_case_kind", "case_id", "kind", "state"),)


class SyncStateRow(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CalendarRow(Base):
    """The official calendar data the platform pushed (a ``CalendarOverride`` document)."""

    __tablename__ = "calendar"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


class AttachmentRow(Base):
    """A scan or photo of a material, kept inside the encrypted store (personal documents
    stay encrypted at rest) until sync has uploaded it by its SHA-256.

    Keyed by (case, sha256), not sha256 alone: the same file attached to two cases belongs to
    both; sync uploads the bytes once (the hub keys blobs by hash).
    """

    __tablename__ = "attachments"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    material_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))
    uploaded_at: Mapped[str | None] = mapped_column(String(40), nullable=True)

    __table_args__ = (
        Index("ix_attachments_sha256", "sha256"),
        Index("ix_attachments_uploaded", "uploaded", "created_at"),
    )


class AuditRow(Base):
    """Who viewed, printed, exported or changed which case; each row hashes the previous."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))
    operator_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(24))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DraftRow(Base):
    """The intake a clerk is entering, saved as they work so a crash or power cut loses
    nothing (one open draft per operator; inside the encrypted store like everything else)."""

    __tablename__ = "drafts"
    operator_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)
