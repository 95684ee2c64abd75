"""The clerk's follow-ups after intake: the lists they work through and the window's own acts
on them — 补正 materials handed in, 容缺 materials brought, 告知承诺 核查 results, 送达 / 出件
and 撤件 on the applicant's request.

Each act is one transaction through ``CaseService`` (the state machine, the history, the
outbox and the audit row), with the applicant's visit recorded in it when they came in
person (跑动次数). Lists are plain queries returning frozen rows.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select

from intake.catalog.merge import merge_requirements
from intake.catalog.model import Catalog, Commitment
from intake.clock import local_date, now, to_iso
from intake.errors import InvalidIdNumber, Problem, RequestError, WindowDeskError
from intake.identity import parse_id_number
from intake.masking import mask_id_number
from intake.requests import MaterialInput
from intake.services.cases import CaseService
from intake.status import WITHDRAWABLE, Actor, Event, Status, VisitKind
from intake.store.db import Database
from intake.store.mapping import case_summary, material_from_row
from intake.store.models import (
    CaseMaterialRow,
    CaseMatterRow,
    CaseRow,
    CommitmentCheckRow,
    DeliveryRow,
)
from intake.textcheck import text_problems
from intake.views import (
    CaseSummary,
    CaseView,
    MaterialRecord,
    MaterialState,
    needs_supplement,
)
from intake.workdays import WorkCalendar

#: Longest texts a follow-up takes (reason, outcome, names, tracking numbers).
REASON_LIMIT = 500
NAME_LIMIT = 60
TRACKING_LIMIT = 40


class DeliveryMethod(StrEnum):
    WINDOW = "window"  # 窗口领取 (the applicant or an agent at the counter)
    MAIL = "mail"  # 邮寄送达 (EMS / 快递, with its tracking number)


class Collector(StrEnum):
    APPLICANT = "applicant"  # 申请人本人
    AGENT = "agent"  # 代领人 (with their ID number, read or typed)
    POST = "post"  # 邮寄: nobody collects at the window


COLLECTOR_LABELS: Mapping[Collector, str] = {
    Collector.APPLICANT: "申请人本人领取",
    Collector.AGENT: "代领",
    Collector.POST: "邮寄送达",
}


@dataclass(frozen=True)
class Delivery:
    """What the clerk records at 送达 / 出件."""

    method: DeliveryMethod
    collector: Collector
    collector_name: str = ""  # the agent's name (the applicant's own name otherwise)
    collector_id_number: str = ""  # the agent's ID number; kept masked only
    tracking_number: str = ""  # mail only
    note: str = ""


@dataclass(frozen=True)
class DeferredDue:
    """A 容缺 promise due (or overdue) by the list's day."""

    case: CaseSummary
    material: MaterialRecord
    overdue: bool


@dataclass(frozen=True)
class VerificationDue:
    """A material accepted on a signed 告知承诺 whose 核查 is due by ``due``."""

    case: CaseSummary
    material: MaterialRecord
    due: date
    verification: str  # 核查方式, from the catalog
    overdue: bool


class FollowupService:
    def __init__(
        self,
        db: Database,
        cases: CaseService,
        catalog: Callable[[], Catalog],
        calendar: Callable[[], WorkCalendar],
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = db
        self._cases = cases
        self._catalog = catalog
        self._calendar = calendar
        self._now = clock

    # -- the lists -----------------------------------------------------------------------------

    def supplement_waiting(self, *, limit: int = 200) -> builtins.list[CaseSummary]:
        """Cases waiting for their 补正 materials, the oldest notice first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status == Status.SUPPLEMENT.value)
                .order_by(CaseRow.status, CaseRow.received_at)
                .limit(limit)
            ).all()
            return [case_summary(r) for r in rows]

    def deferred_due(
        self, today: date | None = None, *, within_days: int = 3, limit: int = 200
    ) -> builtins.list[DeferredDue]:
        """容缺 promises due within ``within_days`` (calendar days) and the overdue ones,
        overdue first; only on cases still open (a withdrawn case owes nothing)."""
        day = today or local_date(self._now())
        open_statuses = {
            Status.ACCEPTED,
            Status.UNDERTAKEN,
            Status.REVIEWED,
            Status.APPROVED,
            Status.COMPLETED,
            Status.SUPPLEMENT,
        }
        pairs = self._cases.deferred_due(day, within_days=within_days, limit=limit)
        return [
            DeferredDue(c, m, bool(m.promised_date and m.promised_date < day))
            for c, m in pairs
            if c.status in open_statuses
        ]

    def verifications_due(
        self, today: date | None = None, *, within_days: int = 3, limit: int = 200
    ) -> builtins.list[VerificationDue]:
        """告知承诺 materials whose 核查 deadline (the catalog's 核查时限 in working days from
        acceptance) falls within ``within_days`` working days, or has passed, with no result
        recorded yet; the earliest first."""
        day = today or local_date(self._now())
        calendar = self._calendar()
        horizon = calendar.add_working_days(day, within_days).date
        catalog = self._catalog()
        running = [s.value for s in (*WITHDRAWABLE, Status.APPROVED, Status.COMPLETED)]
        found: builtins.list[VerificationDue] = []
        with self._db.read() as session:
            checked = select(CommitmentCheckRow.case_id).where(
                CommitmentCheckRow.case_id == CaseMaterialRow.case_id,
                CommitmentCheckRow.material_id == CaseMaterialRow.material_id,
            )
            pairs = session.execute(
                select(CaseRow, CaseMaterialRow)
                .join(CaseMaterialRow, CaseMaterialRow.case_id == CaseRow.id)
                .where(
                    CaseMaterialRow.state == MaterialState.COMMITMENT.value,
                    CaseRow.accepted_at.is_not(None),
                    CaseRow.status.in_(running),
                    ~checked.exists(),
                )
                .order_by(CaseRow.accepted_at)
                .limit(limit * 4)
            ).all()
            codes: dict[str, builtins.list[str]] = {}
            for case_id in {c.id for c, _ in pairs}:
                codes[case_id] = builtins.list(
                    session.scalars(
                        select(CaseMatterRow.code)
                        .where(CaseMatterRow.case_id == case_id)
                        .order_by(CaseMatterRow.position)
                    )
                )
            for case, material in pairs:
                terms = _commitment_terms(catalog, codes[case.id], material.material_id)
                assert case.accepted_at is not None  # the query asks for accepted cases
                accepted = local_date(datetime.fromisoformat(case.accepted_at))
                due = calendar.add_working_days(accepted, terms.verify_within_days).date
                if due <= horizon:
                    found.append(
                        VerificationDue(
                            case_summary(case),
                            material_from_row(material),
                            due,
                            terms.verification,
                            due < day,
                        )
                    )
        found.sort(key=lambda v: v.due)
        return found[:limit]

    def ready_to_deliver(self, *, limit: int = 200) -> builtins.list[CaseSummary]:
        """办结 cases whose result waits at the station (送达 / 出件), the oldest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status == Status.COMPLETED.value)
                .order_by(CaseRow.status, CaseRow.received_at)
                .limit(limit)
            ).all()
            return [case_summary(r) for r in rows]

    def withdrawable(self, *, limit: int = 200) -> builtins.list[CaseSummary]:
        """Cases the applicant may still withdraw (撤件), newest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status.in_([s.value for s in WITHDRAWABLE]))
                .order_by(CaseRow.received_at.desc())
                .limit(limit)
            ).all()
            return [case_summary(r) for r in rows]

    def delivery(self, case_ref: str) -> Mapping[str, str] | None:
        """The case's delivery record, or None."""
        view = self._cases.get(case_ref)
        record = view.extras.get("delivery")
        return dict(record) if record else None

    # -- the acts ------------------------------------------------------------------------------

    def receive_supplement(
        self, case_ref: str, updates: Mapping[str, MaterialInput], *, operator: str
    ) -> CaseView:
        """补正 materials handed in by the applicant: recorded with their visit, and 受理 at
        once when every required material is then here (or promised, 容缺); otherwise the
        case stays in 补正 waiting for the rest of the same list (一次性告知)."""
        case = self._cases.get(case_ref)
        if case.status is not Status.SUPPLEMENT:
            raise WindowDeskError(
                "this case is not waiting for 补正 materials",
                code="supplement.not_waiting",
                details={"status": case.status.value},
            )
        merged = {m.material_id: m for m in case.materials}
        for mid, given in updates.items():
            if mid in merged:
                merged[mid] = replace(merged[mid], state=given.state, note=given.note)
        complete = not any(needs_supplement(m) for m in merged.values())
        return self._cases.update_materials(
            case_ref, updates, operator=operator, accept=complete, visit=VisitKind.SUPPLEMENT
        )

    def receive_deferred(
        self,
        case_ref: str,
        material_id: str,
        *,
        state: MaterialState = MaterialState.ORIGINAL,
        copies: int = 1,
        operator: str,
    ) -> CaseView:
        """A 容缺 material brought as promised (or late): marked received, with the visit."""
        case = self._cases.get(case_ref)
        material = next((m for m in case.materials if m.material_id == material_id), None)
        if material is None or material.state is not MaterialState.DEFERRED:
            raise WindowDeskError(
                "this material is not promised (容缺) on this case",
                code="deferred.not_promised",
                details={"material": material_id},
            )
        if state not in (MaterialState.ORIGINAL, MaterialState.COPY):
            raise WindowDeskError(
                "a brought material is an original or a copy", code="deferred.state"
            )
        if case.status in (Status.WITHDRAWN, Status.REJECTED):
            raise WindowDeskError("this case is closed", code="deferred.case_closed")
        return self._cases.update_materials(
            case_ref,
            {material_id: MaterialInput(state, copies=max(copies, 1))},
            operator=operator,
            visit=VisitKind.SUPPLEMENT,
        )

    def record_verification(
        self,
        case_ref: str,
        material_id: str,
        *,
        verified: bool,
        outcome: str = "",
        operator: str,
    ) -> CaseView:
        """The 核查 of a 告知承诺: verified, or failed with its outcome (what follows a false
        promise: 撤销, 信用记录 … as the 告知承诺书 said). One result per material."""
        outcome = outcome.strip()
        problems = text_problems("outcome", outcome, REASON_LIMIT, multiline=True)
        if not verified and not outcome:
            problems.append(Problem("outcome", "verification.outcome_required", "say what follows"))
        if problems:
            raise RequestError(problems)
        with self._db.write() as session:
            case_id = self._cases.case_id_in(session, case_ref)
            material = session.get(CaseMaterialRow, (case_id, material_id))
            if material is None or material.state != MaterialState.COMMITMENT.value:
                raise WindowDeskError(
                    "this material was not accepted on a 告知承诺",
                    code="verification.not_commitment",
                    details={"material": material_id},
                )
            if session.get(CommitmentCheckRow, (case_id, material_id)) is not None:
                raise WindowDeskError(
                    "the 核查 of this material is already recorded", code="verification.duplicate"
                )
            stamp = self._now()
            session.add(
                CommitmentCheckRow(
                    case_id=case_id,
                    material_id=material_id,
                    verified=verified,
                    outcome=outcome,
                    at=to_iso(stamp),
                    operator_id=operator,
                )
            )
            result = "核查属实" if verified else f"核查不实：{outcome}"
            note = f"{material.name}：{result}" + (f"（{outcome}）" if verified and outcome else "")
            return self._cases.append_event_in(
                session, case_id, Event.COMMITMENT_CHECKED, note, operator=operator, at=stamp
            )

    def deliver(self, case_ref: str, delivery: Delivery, *, operator: str) -> CaseView:
        """送达 / 出件 of a 办结 case: who took the result and how, in the 送达 transaction;
        a collection at the window counts as the applicant's visit."""
        record = self._checked_delivery(delivery)
        case = self._cases.get(case_ref)
        name = record.collector_name or case.applicant.name
        masked = mask_id_number(record.collector_id_number) if record.collector_id_number else ""
        parts = [COLLECTOR_LABELS[record.collector]]
        if record.collector is Collector.AGENT:
            parts.append(f"代领人：{name}（{masked}）")
        elif record.collector is Collector.APPLICANT:
            parts.append(f"领取人：{name}")
        if record.tracking_number:
            parts.append(f"邮件号：{record.tracking_number}")
        if record.note:
            parts.append(record.note)
        stamp = self._now()
        visit = VisitKind.COLLECTION if record.method is DeliveryMethod.WINDOW else None
        with self._db.write() as session:
            view = self._cases.transition_in(
                session,
                case_ref,
                Status.DELIVERED,
                actor=Actor.STATION,
                operator=operator,
                note="；".join(parts),
                at=stamp,
                visit=visit,
            )
            session.add(
                DeliveryRow(
                    case_id=view.id,
                    method=record.method.value,
                    collector=record.collector.value,
                    collector_name=name if record.collector is not Collector.POST else "",
                    collector_id_masked=masked,
                    tracking_number=record.tracking_number,
                    note=record.note,
                    at=to_iso(stamp),
                    operator_id=operator,
                )
            )
        return self._cases.get(view.id)

    def withdraw(
        self, case_ref: str, reason: str, *, operator: str, in_person: bool = True
    ) -> CaseView:
        """撤件 on the applicant's request, with its reason (before the department decides)."""
        reason = reason.strip()
        problems = text_problems("reason", reason, REASON_LIMIT, multiline=True)
        if not reason:
            problems.append(Problem("reason", "withdraw.reason_required", "a reason is needed"))
        if problems:
            raise RequestError(problems)
        return self._cases.transition(
            case_ref,
            Status.WITHDRAWN,
            actor=Actor.STATION,
            operator=operator,
            note=f"申请人申请撤回：{reason}",
            visit=VisitKind.OTHER if in_person else None,
        )

    # -- internals -----------------------------------------------------------------------------

    @staticmethod
    def _checked_delivery(d: Delivery) -> Delivery:
        problems: builtins.list[Problem] = []
        name = d.collector_name.strip()
        tracking = d.tracking_number.strip().upper()
        number = d.collector_id_number.strip().upper()
        problems += text_problems("collector_name", name, NAME_LIMIT)
        problems += text_problems("note", d.note.strip(), REASON_LIMIT, multiline=True)
        if d.method is DeliveryMethod.MAIL:
            if d.collector is not Collector.POST:
                problems.append(Problem("collector", "delivery.mail_collector", "mail is posted"))
            if not tracking:
                problems.append(Problem("tracking_number", "delivery.tracking_required", ""))
            elif len(tracking) > TRACKING_LIMIT or not tracking.isalnum() or not tracking.isascii():
                problems.append(Problem("tracking_number", "delivery.tracking_number", ""))
        else:
            if d.collector is Collector.POST:
                problems.append(Problem("collector", "delivery.window_collector", ""))
            if tracking:
                problems.append(Problem("tracking_number", "delivery.tracking_not_mail", ""))
        if d.collector is Collector.AGENT:
            if not name:
                problems.append(Problem("collector_name", "delivery.agent_name", ""))
            if not number:
                problems.append(Problem("collector_id_number", "delivery.agent_id", ""))
            else:
                try:
                    number = parse_id_number(number).normalized
                except InvalidIdNumber as exc:
                    problems.append(Problem("collector_id_number", exc.code, exc.message))
        if problems:
            raise RequestError(problems)
        return Delivery(d.method, d.collector, name, number, tracking, d.note.strip())


def _commitment_terms(catalog: Catalog, codes: builtins.list[str], material_id: str) -> Commitment:
    """The 告知承诺 terms of a material on the case's matters (the catalog as it is now; a
    matter gone from the catalog: verify by the next working day, flagged at once)."""
    try:
        merged = merge_requirements(catalog, codes)
    except WindowDeskError:
        return Commitment(True, "", "", 0)
    for need in merged.materials:
        if need.id == material_id and need.commitment.allowed:
            return need.commitment
    return Commitment(True, "", "", 0)


__all__ = [
    "COLLECTOR_LABELS",
    "Collector",
    "DeferredDue",
    "Delivery",
    "DeliveryMethod",
    "FollowupService",
    "VerificationDue",
]
