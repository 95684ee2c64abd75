"""ORM tables of the local store. Nothing here leaves ``intake``: services map rows to
the plain views in ``intake.views``.

Times are stored as timezone-aware ISO strings in UTC ("…Z" free, "+00:00"), dates as ISO
dates, JSON as text; ids are UUIDv7 strings so they sort by creation time.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import (
    Boolean,
    ForeignKey,
    ForeignKeyConstraint,
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
    applicant: Mapped[str] = mapped_column(Text)  # JSON of intake.views.Person
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
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of CaseOutcome
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


class SignatureRow(Base):
    """The kind of an attachment that is the applicant's signature: the document it signs
    (printing draws it on that document's signature line)."""

    __tablename__ = "case_signatures"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document: Mapped[str] = mapped_column(String(40), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), server_default="signature")
    strokes: Mapped[int] = mapped_column(Integer, server_default="0")
    operator: Mapped[str] = mapped_column(String(40))
    signed_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        ForeignKeyConstraint(
            ["case_id", "sha256"],
            ["attachments.case_id", "attachments.sha256"],
            ondelete="CASCADE",
        ),
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

    __table_args__ = (
        Index("ix_audit_operator_seq", "operator_id", "seq"),
        Index("ix_audit_at", "at"),
    )


class DraftRow(Base):
    """The intake a clerk is entering, saved as they work so a crash or power cut loses
    nothing (one open draft per operator; inside the encrypted store like everything else)."""

    __tablename__ = "drafts"
    operator_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)


class HandoverBatchRow(Base):
    """交接: paper materials a village station handed on to the town, once (who, to whom)."""

    __tablename__ = "handover_batches"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    handed_at: Mapped[str] = mapped_column(String(40))
    handed_by: Mapped[str] = mapped_column(String(60))  # 移交人
    received_by: Mapped[str] = mapped_column(String(60))  # 接收人
    operator_id: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")


class HandoverItemRow(Base):
    """One material of one case in a hand-over; a material is handed over once."""

    __tablename__ = "handover_items"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    material_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    batch_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("handover_batches.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16))  # original / copy
    copies: Mapped[int] = mapped_column(Integer, default=1)


class AgentCardRow(Base):
    """帮办代办: a village agent's own identity, read once from their card, so that every case
    they take on someone's behalf records them as the 代办人."""

    __tablename__ = "agent_cards"
    operator_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    person: Mapped[str] = mapped_column(Text)  # JSON: name, doc_type, id_number, phone, …
    updated_at: Mapped[str] = mapped_column(String(40))


class DeliveryRow(Base):
    """送达 / 出件: how the result left the station and who took it (the ID number masked:
    the proof of collection needs no more)."""

    __tablename__ = "deliveries"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    method: Mapped[str] = mapped_column(String(16))  # intake.services.followups.DeliveryMethod
    collector: Mapped[str] = mapped_column(String(16))  # applicant / agent / post
    collector_name: Mapped[str] = mapped_column(String(120), default="")
    collector_id_masked: Mapped[str] = mapped_column(String(40), default="")
    tracking_number: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[str] = mapped_column(String(40))
    operator_id: Mapped[str] = mapped_column(String(40))


class CommitmentCheckRow(Base):
    """The 核查 of a material accepted by 告知承诺: verified, or failed with its outcome."""

    __tablename__ = "commitment_checks"
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    material_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    verified: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[str] = mapped_column(String(40))
    operator_id: Mapped[str] = mapped_column(String(40))


class InboxRow(Base):
    """One change the platform sent and the station applied (decisions, 补正 requests,
    catalog and calendar updates, notices, operator list changes), for the inbox page."""

    __tablename__ = "inbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    case_number: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[str] = mapped_column(String(40))  # when it arrived here

    __table_args__ = (Index("ix_inbox_case", "case_id"),)


class InboxSeenRow(Base):
    """Up to which inbox item each operator has looked."""

    __tablename__ = "inbox_seen"
    operator_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class OperatorLoginRow(Base):
    """What only this station knows about an operator's logins (lock-out, forced change);
    the platform's operator list never writes here."""

    __tablename__ = "operator_logins"
    operator_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(40), nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[str] = mapped_column(String(40))


class SettingRow(Base):
    """One station-local setting (intake.settings names and types them); JSON value."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(40))


class ComplaintRow(Base):
    """A 办不成事 complaint and its follow-up under the 125 rule (intake.services.complaints).

    Times are UTC ISO strings; ``close_due`` is the Beijing date it must be closed by.
    """

    __tablename__ = "complaints"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    recorded_at: Mapped[str] = mapped_column(String(40))
    operator_id: Mapped[str] = mapped_column(String(40))
    citizen_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40))
    what: Mapped[str] = mapped_column(Text)  # what could not be done
    where_failed: Mapped[str] = mapped_column(Text)  # where / at which step it failed
    complex: Mapped[bool] = mapped_column(Boolean, default=False)
    case_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    state: Mapped[str] = mapped_column(String(16))
    dispatch_due: Mapped[str] = mapped_column(String(40))
    close_due: Mapped[str] = mapped_column(String(10))
    dispatched_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    dispatched_to: Mapped[str] = mapped_column(String(120), default="")
    handled_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    handling_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    closing_note: Mapped[str] = mapped_column(Text, default="")
    hotline_ticket: Mapped[str] = mapped_column(String(40), default="")  # 12345 工单号
    hotline_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        Index("ix_complaints_state_due", "state", "close_due"),
        Index("ix_complaints_operator", "operator_id", "recorded_at"),
        Index("ix_complaints_recorded", "recorded_at"),
    )


class RectificationRow(Base):
    """A 差评's rectification (整改): what was done, the call-back (回访) and an appeal (申诉)
    against a mistaken rating, within 15 working days (intake.services.rectifications).

    One per rated case and department; times are UTC ISO strings, ``due`` a Beijing date.
    """

    __tablename__ = "rectifications"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36))
    case_number: Mapped[str] = mapped_column(String(40))
    department: Mapped[str] = mapped_column(String(120), default="")
    level: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")  # the citizen's words
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of reason codes
    rated_at: Mapped[str] = mapped_column(String(40))
    due: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(16))
    rectified_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    rectified_by: Mapped[str] = mapped_column(String(40), default="")
    rectification: Mapped[str] = mapped_column(Text, default="")
    callback_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    callback_by: Mapped[str] = mapped_column(String(40), default="")
    callback_reached: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    callback_view: Mapped[str] = mapped_column(Text, default="")
    callback_attempts: Mapped[int] = mapped_column(Integer, default=0)
    appeal_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    appeal_by: Mapped[str] = mapped_column(String(40), default="")
    appeal_reason: Mapped[str] = mapped_column(Text, default="")
    appeal_outcome: Mapped[str] = mapped_column(String(16), default="")  # upheld / rejected
    appeal_decided_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    appeal_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        UniqueConstraint("case_id", "department", name="uq_rectifications_case_department"),
        Index("ix_rectifications_state_due", "state", "due"),
    )


# The statistics' indexes (intake.stats.figures, migration 0080): a year of the dashboard
# reads these instead of every case row (a case row carries its form and applicant JSON).
Index(
    "ix_cases_stats",
    CaseRow.received_at,
    CaseRow.operator_id,
    CaseRow.status,
    CaseRow.accepted_at,
    CaseRow.promised_due,
    CaseRow.id,
)
Index(
    "ix_cases_rated",
    CaseRow.received_at,
    CaseRow.operator_id,
    sqlite_where=CaseRow.evaluation.is_not(None),
)
