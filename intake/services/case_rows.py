"""The rows a case is stored as, built without a database: a new case's rows from the clerk's
request, one history row, and what an outbox row carries.

Kept apart from the commands so that the write path's shape (which rows, which columns) is
read in one place, and so that a bulk load (bench, demo) builds exactly what an intake writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from intake.canonical import canonical_json, case_payload, sha256_hex, to_jsonable
from intake.catalog.merge import MergedRequirements
from intake.clock import to_iso
from intake.confirmation import Confirmation
from intake.requests import IntakeRequest, MaterialInput
from intake.status import Actor, Event, Status, VisitKind
from intake.store.mapping import person_to_json
from intake.store.models import (
    CaseHistoryRow,
    CaseMaterialRow,
    CaseMatterRow,
    CaseRow,
    DeliveryRow,
    table_of,
)
from intake.views import CaseView, DeadlineInfo, Decision, MaterialState

#: The status a clerk's decision gives a new case.
DECISION_STATUS = {
    Decision.ACCEPT: Status.ACCEPTED,
    Decision.SUPPLEMENT: Status.SUPPLEMENT,
    Decision.REJECT: Status.REJECTED,
    Decision.RECEIVE: Status.RECEIVED,
}


def name_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a name, for pinyin search ("zhangsan", "zs")."""
    from pypinyin import Style, lazy_pinyin  # its tables cost 55 MB: load on first intake

    syllables = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower(), "".join(initials).lower()


def columns(row: Any) -> dict[str, Any]:
    """An ORM object's column values, for a plain INSERT (None autoincrement ids left out)."""
    return {
        c.key: getattr(row, c.key)
        for c in row.__table__.columns
        if not (c.autoincrement is True and getattr(row, c.key) is None)
    }


def store_deadline(row: CaseRow, info: DeadlineInfo | None) -> None:
    """The due dates kept on the row for the overdue list and provisional recomputation."""
    row.legal_due = info.legal_due.isoformat() if info and info.legal_due else None
    row.promised_due = info.promised_due.isoformat() if info and info.promised_due else None
    row.deadline_provisional = bool(info and info.provisional)


def history_row(
    case_id: str,
    seq: int,
    at: datetime | str,
    status: Status,
    event: str,
    operator: str,
    note: str,
    actor: Actor = Actor.STATION,
) -> CaseHistoryRow:
    """One line of a case's history (a status step or an event that keeps the status)."""
    return CaseHistoryRow(
        case_id=case_id,
        seq=seq,
        at=at if isinstance(at, str) else to_iso(at),
        status=status.value,
        event=event,
        actor=actor.value,
        operator=operator,
        note=note,
    )


@dataclass(frozen=True)
class NewCase:
    """Everything one intake inserts, before it is inserted."""

    case: CaseRow
    matters: list[CaseMatterRow]
    materials: list[CaseMaterialRow]
    history: list[CaseHistoryRow]


@dataclass(frozen=True)
class Intake:
    """Who, where and when of a new case: what the station and the writer decided."""

    case_id: str
    case_number: str
    station_code: str
    area_code: str
    operator_id: str
    operator_name: str
    received_at: datetime
    catalog_version: str
    pinyin: str
    initials: str


def new_case_rows(
    request: IntakeRequest,
    merged: MergedRequirements,
    intake: Intake,
    *,
    confirmation: Confirmation | None = None,
) -> NewCase:
    """The rows of a new case: the case, its matters and materials, and its history (the
    receipt, the clerk's decision, the applicant's first visit for 跑动次数, and the
    applicant's 信息确认 when one was taken)."""
    status = DECISION_STATUS[request.decision]
    stamp = to_iso(intake.received_at)
    case_id = intake.case_id
    row = CaseRow(
        id=case_id,
        case_number=intake.case_number,
        station_code=intake.station_code,
        channel=request.channel.value,
        status=status.value,
        title=merged.bundle.name if merged.bundle else "、".join(m.name for m in merged.matters),
        applicant=person_to_json(request.applicant),
        applicant_name=request.applicant.name,
        applicant_pinyin=intake.pinyin,
        applicant_initials=intake.initials,
        applicant_id_number=request.applicant.id_number,
        applicant_phone=request.applicant.phone,
        agent=person_to_json(request.agent) if request.agent else None,
        agent_id_number=request.agent.id_number if request.agent else None,
        bundle_code=merged.bundle.code if merged.bundle else None,
        bundle_name=merged.bundle.name if merged.bundle else None,
        form_data=json.dumps(to_jsonable(request.form), ensure_ascii=False, sort_keys=True),
        catalog_version=intake.catalog_version,
        received_at=stamp,
        accepted_at=stamp if status is Status.ACCEPTED else None,
        received_area=intake.area_code,
        handled_area=request.handled_area or intake.area_code,
        operator_id=intake.operator_id,
        operator_name=intake.operator_name,
        decision_reason=request.reason,
        legal_basis=request.legal_basis,
        special_procedure=False,
        evaluation=None,
        version=1,
        sync_state="waiting",
        updated_at=stamp,
    )
    matters = [
        CaseMatterRow(
            case_id=case_id,
            position=position,
            code=matter.code,
            basic_code=matter.basic_code,
            version=matter.version,
            name=matter.name,
            department=matter.department.name,
            immediate=matter.immediate,
            legal_limit_days=matter.legal_limit_days,
            promised_limit_days=matter.promised_limit_days,
            legal_limit_unit=matter.legal_limit_unit.value,
            promised_limit_unit=matter.promised_limit_unit.value,
            window_completes=matter.window_completes,
        )
        for position, matter in enumerate(merged.matters)
    ]
    materials = []
    for position, need in enumerate(merged.materials):
        given = request.materials.get(need.id, MaterialInput(MaterialState.MISSING))
        materials.append(
            CaseMaterialRow(
                case_id=case_id,
                material_id=need.id,
                position=position,
                name=need.material.name,
                state=given.state.value,
                copies=given.copies,
                required=need.required,
                promised_date=given.promised_date.isoformat() if given.promised_date else None,
                licence_number=given.licence_number,
                note=given.note,
                matters=json.dumps(list(need.matters), ensure_ascii=False),
            )
        )
    late_reason = str(request.extras.get("late_entry_reason", "")).strip()
    steps = [Status.RECEIVED] if status is Status.RECEIVED else [Status.RECEIVED, status]
    events: list[tuple[Status, str, str]] = [
        (step, step.value, request.reason if step is not Status.RECEIVED else late_reason)
        for step in steps
    ]
    events.append((status, Event.VISITED.value, VisitKind.INTAKE.value))
    if confirmation is not None:
        events.append((status, confirmation.event.value, confirmation.note))
    history = [
        history_row(case_id, seq, stamp, step, event, intake.operator_id, note)
        for seq, (step, event, note) in enumerate(events, start=1)
    ]
    return NewCase(row, matters, materials, history)


def insert_new_case(session: Session, new: NewCase) -> None:
    """The rows go in with plain INSERTs (no ORM identity-map work): the whole accept stays
    within a few ms, and every other save waits for the single writer."""
    session.execute(insert(table_of(CaseRow)), [columns(new.case)])
    session.execute(insert(table_of(CaseMatterRow)), [columns(r) for r in new.matters])
    session.execute(insert(table_of(CaseMaterialRow)), [columns(r) for r in new.materials])
    session.execute(insert(table_of(CaseHistoryRow)), [columns(r) for r in new.history])


def op_payload(view: CaseView, op: str) -> dict[str, Any]:
    """What an outbox row carries: the full content (so the platform's digest can be
    checked after every change), the status, the history and the evaluation."""
    content = case_payload(view)
    return {
        "op": op,
        "case_id": view.id,
        "case_number": view.case_number,
        "version": view.version,
        "status": view.status.value,
        "special_procedure": view.special_procedure,
        "history": [to_jsonable(h) for h in view.history],
        "evaluation": to_jsonable(view.evaluation),
        "outcome": to_jsonable(view.outcome),
        "evaluations": [to_jsonable(e) for e in view.evaluations],
        "content": content,
        "content_sha256": sha256_hex(canonical_json(content)),
    }


def delivery_json(row: DeliveryRow) -> dict[str, Any]:
    """A delivery record as ``CaseView.extras["delivery"]`` carries it (the 送达回证 reads it)."""
    return {
        "method": row.method,
        "collector": row.collector,
        "collector_name": row.collector_name,
        "collector_id_masked": row.collector_id_masked,
        "tracking_number": row.tracking_number,
        "note": row.note,
        "at": row.at,
        "operator_id": row.operator_id,
    }
