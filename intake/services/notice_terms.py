"""The facts the notices need beyond the case row: the applicant's delivery choice and a
不予受理's referral (recorded with the intake), and the departments' 补正 requests (recorded
when the pulled change applies). Functions inside the caller's transaction; the case view
carries what they store (``view_fields``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.catalog.merge import MergedRequirements
from intake.clock import from_iso, local_date, to_iso
from intake.notice_rules import delivery_choice, refer_to, supplement_request_problem
from intake.requests import IntakeRequest
from intake.store.notice_models import NoticeTermsRow, SupplementRequestRow
from intake.views import (
    DeliveryChoice,
    DeliveryWay,
    RejectionKind,
    RequestedMaterial,
    SupplementRequest,
)
from intake.workdays import WorkCalendar


def intake_fields(merged: MergedRequirements, request: IntakeRequest) -> dict[str, Any]:
    """The ``CaseView`` fields an intake request sets (before its rows are written)."""
    kind = request.reason_kind if request.decision.value == "reject" else None
    return {
        "delivery_choice": delivery_choice(request)[0],
        "rejection_kind": kind,
        "refer_to": refer_to(merged, request),
    }


def record_intake_in(session: Session, case_id: str, fields: Mapping[str, Any]) -> None:
    """Store what ``intake_fields`` computed, after the case row (nothing when empty)."""
    choice: DeliveryChoice | None = fields["delivery_choice"]
    kind: RejectionKind | None = fields["rejection_kind"]
    if choice is None and kind is None and not fields["refer_to"]:
        return
    session.add(
        NoticeTermsRow(
            case_id=case_id,
            delivery_way=choice.way.value if choice else None,
            delivery_address=choice.address if choice else "",
            delivery_recipient=choice.recipient if choice else "",
            delivery_phone=choice.phone if choice else "",
            rejection_kind=kind.value if kind else None,
            refer_to=fields["refer_to"],
        )
    )
    session.flush()


def view_fields(session: Session, case_id: str) -> dict[str, Any]:
    """The ``CaseView`` fields of what is stored for this case."""
    out: dict[str, Any] = {}
    row = session.get(NoticeTermsRow, case_id)
    if row is not None:
        out["delivery_choice"] = (
            DeliveryChoice(
                DeliveryWay(row.delivery_way),
                row.delivery_address,
                row.delivery_recipient,
                row.delivery_phone,
            )
            if row.delivery_way
            else None
        )
        out["rejection_kind"] = RejectionKind(row.rejection_kind) if row.rejection_kind else None
        out["refer_to"] = row.refer_to
    requests = session.scalars(
        select(SupplementRequestRow)
        .where(SupplementRequestRow.case_id == case_id)
        .order_by(SupplementRequestRow.at, SupplementRequestRow.id)
    ).all()
    if requests:
        out["supplement_requests"] = tuple(_request(r) for r in requests)
    return out


def _request(row: SupplementRequestRow) -> SupplementRequest:
    materials = tuple(
        RequestedMaterial(str(m.get("name", "")), str(m.get("requirement", "")))
        for m in json.loads(row.materials)
    )
    return SupplementRequest(
        at=from_iso(row.at),
        department=row.department,
        materials=materials,
        note=row.note,
        due=date.fromisoformat(row.due) if row.due else None,
    )


def supplement_due(request: Mapping[str, Any], at: datetime, calendar: WorkCalendar) -> date | None:
    """The 补正期限 of a pulled request: its date, or its days counted from the request's
    day (working days when ``due_unit`` says so, calendar days otherwise)."""
    if request.get("due_date"):
        return date.fromisoformat(str(request["due_date"]))
    days = request.get("due_days")
    if not days:
        return None
    start = local_date(at)
    if request.get("due_unit") == "working":
        return calendar.add_working_days(start, int(days)).date
    return date.fromordinal(start.toordinal() + int(days))


def record_supplement_request_in(
    session: Session,
    case_id: str,
    request: Mapping[str, Any],
    *,
    at: datetime,
    department: str,
    calendar: WorkCalendar,
) -> None:
    """Store a department's 补正 request as the pulled change carried it (its shape already
    checked by ``supplement_request_problem``)."""
    materials = [
        {"name": str(m["name"]).strip(), "requirement": str(m.get("requirement", "")).strip()}
        for m in request.get("materials", [])
    ]
    due = supplement_due(request, at, calendar)
    session.add(
        SupplementRequestRow(
            case_id=case_id,
            at=to_iso(at),
            department=department,
            materials=json.dumps(materials, ensure_ascii=False),
            note=str(request.get("note", "")).strip(),
            due=due.isoformat() if due else None,
        )
    )


__all__ = [
    "intake_fields",
    "record_intake_in",
    "record_supplement_request_in",
    "supplement_due",
    "supplement_request_problem",
    "view_fields",
]
