"""Rows ↔ plain views. The only place that knows both the ORM rows and ``intake.cases``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from intake.canonical import to_jsonable
from intake.cases import (
    ApplicantKind,
    CaseOutcome,
    CaseSummary,
    CaseView,
    Channel,
    DeadlineInfo,
    Evaluation,
    HistoryEntry,
    MaterialRecord,
    MaterialState,
    MatterRef,
    Person,
)
from intake.clock import from_iso
from intake.identity import DocType
from intake.status import Outcome, Status
from intake.store.models import CaseHistoryRow, CaseMaterialRow, CaseMatterRow, CaseRow
from intake.workdays import LimitUnit


def person_to_json(person: Person) -> str:
    return json.dumps(to_jsonable(person), ensure_ascii=False, sort_keys=True)


def person_from_json(text: str) -> Person:
    data: dict[str, Any] = json.loads(text)
    birth = data.get("birth_date")
    return Person(
        name=data["name"],
        doc_type=DocType(data["doc_type"]),
        id_number=data["id_number"],
        phone=data.get("phone", ""),
        kind=ApplicantKind(data.get("kind", "person")),
        sex=data.get("sex"),
        birth_date=date.fromisoformat(birth) if birth else None,
        address=data.get("address", ""),
        org_name=data.get("org_name", ""),
        org_code=data.get("org_code", ""),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def material_from_row(row: CaseMaterialRow, attachments: Sequence[str] = ()) -> MaterialRecord:
    return MaterialRecord(
        material_id=row.material_id,
        name=row.name,
        state=MaterialState(row.state),
        copies=row.copies,
        required=row.required,
        promised_date=_day(row.promised_date),
        licence_number=row.licence_number,
        note=row.note,
        matters=tuple(json.loads(row.matters)),
        attachments=tuple(sorted(set(attachments))),
    )


def matter_from_row(row: CaseMatterRow) -> MatterRef:
    return MatterRef(
        code=row.code,
        basic_code=row.basic_code,
        version=row.version,
        name=row.name,
        department=row.department,
        immediate=row.immediate,
        legal_limit_days=row.legal_limit_days,
        promised_limit_days=row.promised_limit_days,
        legal_limit_unit=LimitUnit(row.legal_limit_unit),
        promised_limit_unit=LimitUnit(row.promised_limit_unit),
        window_completes=row.window_completes,
    )


def history_from_row(row: CaseHistoryRow) -> HistoryEntry:
    return HistoryEntry(
        seq=row.seq,
        at=from_iso(row.at),
        status=Status(row.status),
        event=row.event,
        actor=row.actor,
        operator=row.operator,
        note=row.note,
    )


def evaluation_from_json(text: str | None) -> Evaluation | None:
    if not text:
        return None
    data = json.loads(text)
    return Evaluation(
        level=int(data["level"]),
        reason=data.get("reason", ""),
        channel=data.get("channel", "window"),
        at=from_iso(data["at"]) if data.get("at") else None,
    )


def outcome_to_json(outcome: CaseOutcome) -> str:
    return json.dumps(to_jsonable(outcome), ensure_ascii=False, sort_keys=True)


def outcome_from_json(text: str | None) -> CaseOutcome | None:
    if not text:
        return None
    data = json.loads(text)
    return CaseOutcome(
        result=Outcome(data["result"]),
        reason=data.get("reason", ""),
        legal_basis=data.get("legal_basis", ""),
        decided_by=data.get("decided_by", ""),
        at=from_iso(data["at"]) if data.get("at") else None,
    )


def case_view(
    row: CaseRow,
    matters: Sequence[CaseMatterRow],
    materials: Sequence[CaseMaterialRow],
    history: Sequence[CaseHistoryRow],
    deadline: DeadlineInfo | None,
    attachments: Sequence[tuple[str | None, str]] = (),
) -> CaseView:
    """``attachments``: (material_id, sha256) pairs of the case's attachments (no bytes).
    Those without a material are not part of the content (see intake/services/attachments.py).
    """
    by_material: dict[str, list[str]] = {}
    for material_id, sha in attachments:
        if material_id is not None:
            by_material.setdefault(material_id, []).append(sha)
    return CaseView(
        id=row.id,
        case_number=row.case_number,
        station_code=row.station_code,
        channel=Channel(row.channel),
        status=Status(row.status),
        applicant=person_from_json(row.applicant),
        agent=person_from_json(row.agent) if row.agent else None,
        matters=tuple(matter_from_row(m) for m in sorted(matters, key=lambda m: m.position)),
        bundle_code=row.bundle_code,
        bundle_name=row.bundle_name,
        materials=tuple(
            material_from_row(m, by_material.get(m.material_id, ()))
            for m in sorted(materials, key=lambda m: m.position)
        ),
        form_data=json.loads(row.form_data),
        catalog_version=row.catalog_version,
        received_at=from_iso(row.received_at),
        accepted_at=from_iso(row.accepted_at) if row.accepted_at else None,
        received_area=row.received_area,
        handled_area=row.handled_area,
        operator_id=row.operator_id,
        operator_name=row.operator_name,
        decision_reason=row.decision_reason,
        legal_basis=row.legal_basis,
        deadline=deadline,
        history=tuple(history_from_row(h) for h in sorted(history, key=lambda h: h.seq)),
        evaluation=evaluation_from_json(row.evaluation),
        outcome=outcome_from_json(row.outcome),
        special_procedure=row.special_procedure,
        version=row.version,
        sync_state=row.sync_state,
    )


def case_summary(row: CaseRow) -> CaseSummary:
    return CaseSummary(
        id=row.id,
        case_number=row.case_number,
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        title=row.title,
        status=Status(row.status),
        received_at=from_iso(row.received_at),
        promised_due=_day(row.promised_due),
        sync_state=row.sync_state,
    )
