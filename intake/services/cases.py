"""Recording and changing cases: every change is one transaction writing the case, its
history row(s), an outbox row for sync and an audit row.

The clerk's accept (受理 / 补正 / 不予受理 / kiosk 接件), the station's later transitions
(送达, 撤件, 补正 materials handed in) and the platform's department decisions (承办 …
办结, which sync applies) all pass through here, so the state machine is enforced once.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.canonical import canonical_json, case_payload, sha256_hex, to_jsonable
from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.catalog.model import Catalog
from intake.clock import from_iso, local_date, now, to_iso
from intake.confirmation import Confirmation
from intake.deadlines import deadline_for_case, longest_limit
from intake.errors import (
    CatalogError,
    IllegalTransition,
    NotFound,
    Problem,
    RequestError,
    WindowDeskError,
)
from intake.evaluation import (
    LEVELS,
    EvaluationChannel,
    check_rating,
    department_for,
    skip_reason_problems,
)
from intake.numbering import CASE_NUMBER, next_case_number
from intake.requests import IntakeRequest, MaterialInput
from intake.rules import check_area, check_materials, check_request, normalize_request
from intake.services import audit, rectifications
from intake.services.outbox import enqueue
from intake.status import (
    DECIDE_WITHIN_WORKING_DAYS,
    SPECIAL_KIND_LABELS,
    Actor,
    Event,
    Outcome,
    SpecialKind,
    Status,
    VisitKind,
    allowed_targets,
    check_outcome,
    check_transition,
)
from intake.store.db import Database
from intake.store.mapping import (
    case_summary,
    case_view,
    material_from_row,
    outcome_to_json,
    person_to_json,
)
from intake.store.models import (
    AttachmentRow,
    CaseHistoryRow,
    CaseMaterialRow,
    CaseMatterRow,
    CaseRow,
    DeliveryRow,
    OperatorRow,
    StationRow,
    table_of,
)
from intake.textcheck import DEFAULT_LIMITS as LIMITS
from intake.textcheck import text_problems
from intake.views import (
    SATISFIED,
    CaseOutcome,
    CaseSummary,
    CaseView,
    DeadlineInfo,
    Decision,
    Evaluation,
    MaterialRecord,
    MaterialState,
    needs_supplement,
)
from intake.workdays import WorkCalendar

EVALUATION_LEVELS = LEVELS  # intake.evaluation.LEVELS


@dataclass(frozen=True)
class AcceptResult:
    case_id: str
    case_number: str
    status: Status
    promised_date: date | None
    legal_date: date | None
    provisional: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_number": self.case_number,
            "status": self.status.value,
            "promised_date": self.promised_date.isoformat() if self.promised_date else None,
            "legal_date": self.legal_date.isoformat() if self.legal_date else None,
            "deadline_provisional": self.provisional,
        }


def _columns(row: Any) -> dict[str, Any]:
    """An ORM object's column values, for a plain INSERT (None autoincrement ids left out)."""
    return {
        c.key: getattr(row, c.key)
        for c in row.__table__.columns
        if not (c.autoincrement is True and getattr(row, c.key) is None)
    }


def _store_deadline(row: CaseRow, info: DeadlineInfo | None) -> None:
    """The due dates kept on the row for the overdue list and provisional recomputation."""
    row.legal_due = info.legal_due.isoformat() if info and info.legal_due else None
    row.promised_due = info.promised_due.isoformat() if info and info.promised_due else None
    row.deadline_provisional = bool(info and info.provisional)


#: What an intake needs of the station and the clerk (plain rows: no ORM identity map work).
_STATION_FOR_INTAKE = select(StationRow.code, StationRow.area_code).where(StationRow.id == 1)
_OPERATOR_FOR_INTAKE = select(OperatorRow.id, OperatorRow.name, OperatorRow.active).where(
    OperatorRow.id == bindparam("id")
)


def name_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a name, for pinyin search ("zhangsan", "zs")."""
    from pypinyin import Style, lazy_pinyin  # its tables cost 55 MB: load on first intake

    syllables = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower(), "".join(initials).lower()


DEEMED_NOTE = (
    "逾期未告知补正，依法自收到申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）"
)


@dataclass(frozen=True)
class UndecidedReceipt:
    """A 接件 still waiting for 受理 / 补正 / 不予受理."""

    case: CaseSummary
    decide_by: date  # the fifth working day after receipt
    deemed_accepted: bool  # that day has passed: it counts as accepted from receipt


class CaseService:
    def __init__(
        self,
        db: Database,
        catalog: Callable[[], Catalog],
        calendar: Callable[[], WorkCalendar],
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = db
        self._catalog = catalog
        self._calendar = calendar
        self._now = clock

    # -- intake -------------------------------------------------------------------------------

    def check(self, request: IntakeRequest) -> tuple[MergedRequirements, list[Problem]]:
        """Every problem the catalog rules find in a request (empty list = it may be saved).

        The checks themselves are the pure functions of ``intake.rules``; this adds the
        catalog lookup and the station's clock.
        """
        catalog = self._catalog()
        problems: list[Problem] = []
        try:
            if request.bundle:
                merged = merge_bundle(catalog, request.bundle, request.answers or None)
            else:
                merged = merge_requirements(catalog, request.matters)
        except RequestError:
            raise  # 情形 answers that do not fit the bundle's questions: already problems
        except (CatalogError, KeyError, WindowDeskError) as exc:
            code = getattr(exc, "code", "request.unknown_matter")
            where = "bundle" if request.bundle else "matters"
            raise RequestError([Problem(where, code, str(exc))]) from exc
        request = normalize_request(request, merged)
        clock = self._now()
        today = local_date(request.received_at or clock)
        problems.extend(check_request(merged, request, today, now=clock, calendar=self._calendar()))
        return merged, problems

    def accept(
        self, request: IntakeRequest, *, confirmation: Confirmation | None = None
    ) -> AcceptResult:
        """Record a new case with the clerk's decision; nothing is written on any problem.

        ``confirmation``: the applicant's 信息确认 (or why it was skipped), recorded as a
        history event of the same transaction (intake.confirmation)."""
        if confirmation is not None:
            confirmation.check()
        merged, problems = self.check(request)
        request = normalize_request(request, merged)
        received_at = request.received_at or self._now()
        # pypinyin costs ~0.1 ms a name (and its tables on first use): never inside the
        # single writer's transaction, which every other save waits for.
        pinyin, initials = name_keys(request.applicant.name)
        late_reason = str(request.extras.get("late_entry_reason", "")).strip()
        with self._db.write() as session:
            station = session.execute(_STATION_FOR_INTAKE).first()
            if station is None:
                raise WindowDeskError("this station is not set up", code="station.not_set_up")
            problems.extend(check_area(merged, station.area_code, where="station.area_code"))
            operator = session.execute(_OPERATOR_FOR_INTAKE, {"id": request.operator_id}).first()
            if operator is None or not operator.active:
                problems.append(Problem("operator", "request.operator", "unknown operator"))
            if problems:
                raise RequestError(problems)
            assert operator is not None
            case_id = str(uuid7())
            number = next_case_number(session, station.code, local_date(received_at))
            status = {
                Decision.ACCEPT: Status.ACCEPTED,
                Decision.SUPPLEMENT: Status.SUPPLEMENT,
                Decision.REJECT: Status.REJECTED,
                Decision.RECEIVE: Status.RECEIVED,
            }[request.decision]
            stamp = to_iso(received_at)
            row = CaseRow(
                id=case_id,
                case_number=number,
                station_code=station.code,
                channel=request.channel.value,
                status=status.value,
                title=merged.bundle.name
                if merged.bundle
                else "、".join(m.name for m in merged.matters),
                applicant=person_to_json(request.applicant),
                applicant_name=request.applicant.name,
                applicant_pinyin=pinyin,
                applicant_initials=initials,
                applicant_id_number=request.applicant.id_number,
                applicant_phone=request.applicant.phone,
                agent=person_to_json(request.agent) if request.agent else None,
                agent_id_number=request.agent.id_number if request.agent else None,
                bundle_code=merged.bundle.code if merged.bundle else None,
                bundle_name=merged.bundle.name if merged.bundle else None,
                form_data=json.dumps(to_jsonable(request.form), ensure_ascii=False, sort_keys=True),
                catalog_version=self._catalog().version,
                received_at=stamp,
                accepted_at=stamp if status is Status.ACCEPTED else None,
                received_area=station.area_code,
                handled_area=request.handled_area or station.area_code,
                operator_id=operator.id,
                operator_name=operator.name,
                decision_reason=request.reason,
                legal_basis=request.legal_basis,
                special_procedure=False,
                evaluation=None,
                version=1,
                sync_state="waiting",
                updated_at=stamp,
            )
            matter_rows = [
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
            material_rows = []
            for position, need in enumerate(merged.materials):
                given = request.materials.get(need.id, MaterialInput(MaterialState.MISSING))
                material_rows.append(
                    CaseMaterialRow(
                        case_id=case_id,
                        material_id=need.id,
                        position=position,
                        name=need.material.name,
                        state=given.state.value,
                        copies=given.copies,
                        required=need.required,
                        promised_date=given.promised_date.isoformat()
                        if given.promised_date
                        else None,
                        licence_number=given.licence_number,
                        note=given.note,
                        matters=json.dumps(list(need.matters), ensure_ascii=False),
                    )
                )
            steps = [Status.RECEIVED] if status is Status.RECEIVED else [Status.RECEIVED, status]
            history_rows = [
                CaseHistoryRow(
                    case_id=case_id,
                    seq=seq,
                    at=stamp,
                    status=step.value,
                    event=step.value,
                    actor=Actor.STATION.value,
                    operator=operator.id,
                    note=request.reason if step is not Status.RECEIVED else late_reason,
                )
                for seq, step in enumerate(steps, start=1)
            ]
            # The applicant's first visit (跑动次数), in the same transaction as the case.
            history_rows.append(
                CaseHistoryRow(
                    case_id=case_id,
                    seq=len(history_rows) + 1,
                    at=stamp,
                    status=status.value,
                    event=Event.VISITED.value,
                    actor=Actor.STATION.value,
                    operator=operator.id,
                    note=VisitKind.INTAKE.value,
                )
            )
            if confirmation is not None:
                history_rows.append(
                    CaseHistoryRow(
                        case_id=case_id,
                        seq=len(history_rows) + 1,
                        at=stamp,
                        status=status.value,
                        event=confirmation.event.value,
                        actor=Actor.STATION.value,
                        operator=operator.id,
                        note=confirmation.note,
                    )
                )
            # The view is built from what is about to be written (no read-back), then the
            # rows go in with plain INSERTs: the whole accept stays within a few ms.
            view = case_view(row, matter_rows, material_rows, history_rows, None)
            deadline = self._deadline(view)
            view = replace(view, deadline=deadline)
            _store_deadline(row, deadline)
            session.execute(insert(table_of(CaseRow)), [_columns(row)])
            session.execute(insert(table_of(CaseMatterRow)), [_columns(r) for r in matter_rows])
            session.execute(insert(table_of(CaseMaterialRow)), [_columns(r) for r in material_rows])
            session.execute(insert(table_of(CaseHistoryRow)), [_columns(r) for r in history_rows])
            enqueue(
                session,
                case_id=case_id,
                case_number=number,
                op="case.create",
                base_version=0,
                payload=self._op_payload(view, "case.create"),
            )
            audit.append(session, operator.id, "create", case_id, status.value)
        return AcceptResult(
            case_id,
            number,
            status,
            deadline.promised_due if deadline else None,
            deadline.legal_due if deadline else None,
            deadline.provisional if deadline else False,
        )

    # -- changes after intake -------------------------------------------------------------------

    def transition(
        self,
        case_ref: str,
        target: Status,
        *,
        actor: Actor,
        operator: str,
        note: str = "",
        at: datetime | None = None,
        outcome: Outcome | None = None,
        reason: str = "",
        legal_basis: str = "",
        visit: VisitKind | None = None,
    ) -> CaseView:
        """Move a case to ``target`` if the state machine lets ``actor`` do it; a 办结 names
        its ``outcome`` (with ``reason`` and ``legal_basis`` unless granted)."""
        with self._db.write() as session:
            return self.transition_in(
                session,
                case_ref,
                target,
                actor=actor,
                operator=operator,
                note=note,
                at=at,
                outcome=outcome,
                reason=reason,
                legal_basis=legal_basis,
                visit=visit,
            )

    def transition_in(
        self,
        session: Session,
        case_ref: str,
        target: Status,
        *,
        actor: Actor,
        operator: str,
        note: str = "",
        at: datetime | None = None,
        outcome: Outcome | None = None,
        reason: str = "",
        legal_basis: str = "",
        visit: VisitKind | None = None,
    ) -> CaseView:
        """``transition`` inside the caller's transaction (sync applies a page at once).

        A platform decision is recorded but not queued for sending back: the platform
        already has it. The window's 办结 of an authorised 即办件 grants it (the only result
        the window may reach); a platform 办结 without its result (an older platform) is
        recorded without one, and its notice then claims none. ``visit``: the applicant came
        for this act (recorded with it).
        """
        row = self._row(session, case_ref)
        window = self._window_completes(session, row.id) if actor is Actor.STATION else None
        check_transition(Status(row.status), target, actor, window_completes=window)
        if target is Status.COMPLETED and actor is Actor.STATION and outcome is None:
            outcome = Outcome.GRANTED
        if not (target is Status.COMPLETED and actor is Actor.PLATFORM and outcome is None):
            check_outcome(target, outcome, reason, legal_basis, actor)
        if target is Status.SUPPLEMENT and actor is Actor.STATION:
            self._check_first_supplement(session, row.id)
        stamp = at or self._now()
        if actor is Actor.STATION and self.deemed_accepted(row, stamp):
            # §32: too late to ask for 补正 without the clock having started at receipt
            self._add_history(
                session,
                row,
                Status.RECEIVED,
                Event.DEEMED_ACCEPTED.value,
                actor,
                operator,
                DEEMED_NOTE,
                from_iso(row.received_at),
            )
            if target is Status.ACCEPTED:
                row.accepted_at = row.received_at
        row.status = target.value
        if target is Status.ACCEPTED and row.accepted_at is None:
            row.accepted_at = to_iso(stamp)
        if outcome is not None:
            row.outcome = outcome_to_json(
                CaseOutcome(outcome, reason.strip(), legal_basis.strip(), operator, stamp)
            )
        self._add_history(session, row, target, target.value, actor, operator, note, stamp)
        if visit is not None:
            self._add_visit(session, row, visit, operator, stamp)
        return self._commit_change(
            session, row, "case.transition", operator, target.value, queue=actor is Actor.STATION
        )

    def decide_by(self, received_at: datetime) -> date:
        """The last day to accept a 接件 or tell the applicant what to supplement (行政许可法
        第三十二条: five working days after receipt, the day of receipt not counted)."""
        start = local_date(received_at)
        return self._calendar().add_working_days(start, DECIDE_WITHIN_WORKING_DAYS).date

    def deemed_accepted(self, row: CaseRow, at: datetime) -> bool:
        """Whether a 接件 decided at ``at`` already counts as accepted from its receipt."""
        return Status(row.status) is Status.RECEIVED and local_date(at) > self.decide_by(
            from_iso(row.received_at)
        )

    def undecided(
        self, today: date | None = None, *, limit: int = 200
    ) -> builtins.list[UndecidedReceipt]:
        """接件 waiting for a clerk's decision (kiosk 预受理 and the like), oldest first, each
        with its §32 day and whether that day has passed (then it counts as accepted from
        receipt, and its clock is running)."""
        day = today or local_date(self._now())
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status == Status.RECEIVED.value)
                .order_by(CaseRow.status, CaseRow.received_at)
                .limit(limit)
            ).all()
            items = []
            for row in rows:
                by = self.decide_by(from_iso(row.received_at))
                items.append(UndecidedReceipt(case_summary(row), by, day > by))
            return items

    def next_statuses(self, case_ref: str) -> builtins.list[Status]:
        """What the station may move this case to now (the buttons the desktop offers):
        the state machine's answer with 办结 only for an authorised 即办件 (受审分离)."""
        with self._db.read() as session:
            row = self._row(session, case_ref)
            return allowed_targets(
                Status(row.status),
                Actor.STATION,
                window_completes=self._window_completes(session, row.id),
            )

    def set_special_procedure(
        self,
        case_ref: str,
        active: bool,
        *,
        actor: Actor,
        operator: str,
        note: str = "",
        at: datetime | None = None,
        kind: SpecialKind | None = None,
        legal_basis: str = "",
    ) -> CaseView:
        """特别程序 start/end: the clock pauses while it is active.

        受审分离: the implementing department decides it, so only the platform may record it,
        and a start names its ``kind``, its reason (``note``) and its ``legal_basis`` (the
        applicant is told all three; 行政许可法第四十五条).
        """
        if actor is not Actor.PLATFORM:
            raise IllegalTransition(
                "a special procedure is decided by the department, through the platform",
                code="case.special_procedure_station",
                details={"actor": actor.value},
            )
        if active:
            missing = [
                name
                for name, value in (("kind", kind), ("note", note), ("legal_basis", legal_basis))
                if not (value.strip() if isinstance(value, str) else value)
            ]
            if missing:
                raise WindowDeskError(
                    "a special procedure states its kind, reason and legal basis",
                    code="case.special_procedure_incomplete",
                    details={"missing": missing},
                )
            assert kind is not None
            label = SPECIAL_KIND_LABELS[SpecialKind(kind)]
            note = f"{label}：{note.strip()}（依据：{legal_basis.strip()}）"
        with self._db.write() as session:
            row = self._row(session, case_ref)
            if row.special_procedure == active:
                raise WindowDeskError(
                    "the special procedure is already " + ("running" if active else "stopped"),
                    code="case.special_procedure_state",
                )
            if Status(row.status) not in (
                Status.ACCEPTED,
                Status.UNDERTAKEN,
                Status.REVIEWED,
                Status.APPROVED,
            ):
                raise WindowDeskError(
                    "only a case being handled can pause its clock",
                    code="case.special_procedure_state",
                )
            row.special_procedure = active
            event = Event.SPECIAL_START if active else Event.SPECIAL_END
            self._add_history(
                session,
                row,
                Status(row.status),
                event.value,
                actor,
                operator,
                note,
                at or self._now(),
            )
            return self._commit_change(session, row, "case.transition", operator, event.value)

    def update_materials(
        self,
        case_ref: str,
        updates: Mapping[str, MaterialInput],
        *,
        operator: str,
        accept: bool = False,
        visit: VisitKind | None = None,
    ) -> CaseView:
        """Record materials handed in (补正 or a 容缺 promise kept); optionally 受理 at once.

        一次性告知: while a case waits on the window's own 补正 notice, a hand-in may not
        ask for anything that notice did not list (``supplement.not_listed``); a 补正 the
        department asked for (through the platform) is the department's list, not checked
        here. ``visit``: the applicant came to hand them in (recorded in the same
        transaction, for 跑动次数)."""
        with self._db.write() as session:
            row = self._row(session, case_ref)
            materials = {
                m.material_id: m
                for m in session.scalars(
                    select(CaseMaterialRow).where(CaseMaterialRow.case_id == row.id)
                )
            }
            problems = [
                Problem(f"materials.{mid}", "request.unknown_material", "not on this case")
                for mid in updates
                if mid not in materials
            ]
            if not problems and self._station_supplement(session, row):
                problems = [
                    Problem(
                        f"materials.{mid}",
                        "supplement.not_listed",
                        "the one-time notice did not ask for this material",
                        {"material": materials[mid].name},
                    )
                    for mid, given in updates.items()
                    if not needs_supplement(material_from_row(materials[mid]))
                    and needs_supplement(
                        replace(
                            material_from_row(materials[mid]), state=given.state, note=given.note
                        )
                    )
                ]
            if not problems:
                problems = self._material_update_problems(session, row.id, updates, accept)
            if problems:
                raise RequestError(problems)
            for mid, given in updates.items():
                m = materials[mid]
                m.state = given.state.value
                m.copies = given.copies
                m.promised_date = given.promised_date.isoformat() if given.promised_date else None
                m.licence_number = given.licence_number
                m.note = given.note
            stamp = self._now()
            self._add_history(
                session,
                row,
                Status(row.status),
                Event.MATERIALS_UPDATED.value,
                Actor.STATION,
                operator,
                "",
                stamp,
            )
            if visit is not None:
                self._add_visit(session, row, visit, operator, stamp)
            if accept:
                missing = [
                    m.material_id
                    for m in materials.values()
                    if m.required
                    and MaterialState(m.state) not in SATISFIED
                    and m.state != MaterialState.DEFERRED.value
                ]
                if missing:
                    raise RequestError(
                        [
                            Problem(
                                "materials",
                                "decision.materials_missing",
                                "required materials are still missing",
                                {"materials": missing},
                            )
                        ]
                    )
                check_transition(Status(row.status), Status.ACCEPTED, Actor.STATION)
                row.status = Status.ACCEPTED.value
                row.accepted_at = row.accepted_at or to_iso(stamp)
                self._add_history(
                    session,
                    row,
                    Status.ACCEPTED,
                    Status.ACCEPTED.value,
                    Actor.STATION,
                    operator,
                    "",
                    stamp,
                )
            return self._commit_change(session, row, "case.materials", operator, "materials")

    def evaluate(
        self,
        case_ref: str,
        level: int,
        reason: str = "",
        *,
        channel: str = EvaluationChannel.WINDOW_DEVICE.value,
        operator: str,
        department: str | None = None,
        reasons: Sequence[str] = (),
    ) -> CaseView:
        """好差评: one rating per case and department (``department`` may be left out when the
        case has only one); 不满意 and 非常不满意 need reasons and a comment (``reason``),
        because they are followed up. See intake.evaluation for the rules."""
        check_rating(level, tuple(reasons), reason)
        if channel not in {c.value for c in EvaluationChannel}:
            raise WindowDeskError("unknown evaluation channel", code="evaluation.channel")
        with self._db.write() as session:
            row = self._row(session, case_ref)
            view = self._view(session, row)
            rated = department_for(view, department)
            if rated in {e.department for e in view.evaluations} or (
                # an older case rated once, before ratings named their department
                len(view.departments) == 1 and any(not e.department for e in view.evaluations)
            ):
                raise WindowDeskError(
                    "this case was already rated for this department",
                    code="evaluation.duplicate",
                    details={"department": rated},
                )
            stamp = self._now()
            given = Evaluation(
                level, reason.strip(), channel, stamp, department=rated, reasons=tuple(reasons)
            )
            row.evaluation = json.dumps(
                [to_jsonable(e) for e in (*view.evaluations, given)], ensure_ascii=False
            )
            self._add_history(
                session,
                row,
                Status(row.status),
                Event.EVALUATED.value,
                Actor.STATION,
                operator,
                f"{level}:{rated}",
                stamp,
            )
            rectifications.open_in(  # a 差评 opens its 整改 item (intake.services.rectifications)
                session, case_id=row.id, case_number=row.case_number, department=rated,
                level=level, comment=given.reason, reasons=given.reasons, rated_at=stamp,
                calendar=self._calendar(), by=operator,
            )  # fmt: skip
            return self._commit_change(session, row, "case.evaluation", operator, "evaluation")

    def skip_evaluation(self, case_ref: str, reason: str, *, operator: str) -> CaseView:
        """The clerk records why no rating was taken (the applicant declined, no device …):
        an event with the reason, synced; the case stays 未评价 (no rating is invented)."""
        problems = skip_reason_problems(reason)
        if problems:
            raise WindowDeskError("a skipped rating needs its reason", code=problems[0])
        with self._db.write() as session:
            row = self._row(session, case_ref)
            self._add_history(
                session,
                row,
                Status(row.status),
                Event.EVALUATION_SKIPPED.value,
                Actor.STATION,
                operator,
                reason.strip(),
                self._now(),
            )
            return self._commit_change(
                session, row, "case.evaluation", operator, "evaluation_skipped"
            )

    def record_signature_in(
        self, session: Session, case_ref: str, document: str, sha256: str, operator: str
    ) -> CaseView:
        """Inside the caller's transaction, after it stored a signature attachment: an event
        naming the signed document and the blob, queued for the platform."""
        row = self._row(session, case_ref)
        self._add_history(
            session,
            row,
            Status(row.status),
            Event.SIGNED.value,
            Actor.STATION,
            operator,
            f"{document}:{sha256}",
            self._now(),
        )
        return self._commit_change(session, row, "case.materials", operator, "signature")

    def append_event_in(
        self,
        session: Session,
        case_ref: str,
        event: Event,
        note: str,
        *,
        operator: str,
        op: str = "case.materials",
        at: datetime | None = None,
    ) -> CaseView:
        """Inside the caller's transaction: a history record that does not move the status
        (a 核查 result, a visit), as a new version queued for the platform."""
        row = self._row(session, case_ref)
        self._add_history(
            session,
            row,
            Status(row.status),
            event.value,
            Actor.STATION,
            operator,
            note,
            at or self._now(),
        )
        return self._commit_change(session, row, op, operator, event.value)

    def case_id_in(self, session: Session, case_ref: str) -> str:
        """The id of a case given its id or case number (``case.not_found`` otherwise)."""
        return self._row(session, case_ref).id

    def record_attachments_in(self, session: Session, case_ref: str, operator: str) -> CaseView:
        """Inside the caller's transaction, after it changed the case's attachments: a new
        version whose content names them, queued for the platform as ``case.materials``."""
        row = self._row(session, case_ref)
        return self._commit_change(session, row, "case.materials", operator, "attachments")

    # -- reads ----------------------------------------------------------------------------------

    def get(self, case_ref: str) -> CaseView:
        with self._db.read() as session:
            return self._view(session, self._row(session, case_ref))

    def view(self, case_ref: str, *, operator: str, via: str) -> CaseView:
        """A person looks at the case: the view, and its audit row ("view", ``via`` saying
        where: "cli", "desktop", "scanner" …) in the same transaction, so nobody sees a
        case without it being recorded. A write: run it on the writer."""
        with self._db.write() as session:
            view = self._view(session, self._row(session, case_ref))
            audit.append(session, operator, "view", view.id, via)
            return view

    def list(
        self, status: Status | None = None, *, limit: int = 50, offset: int = 0
    ) -> builtins.list[CaseSummary]:
        query = select(CaseRow)
        if status is not None:
            query = query.where(CaseRow.status == status.value).order_by(
                CaseRow.status, CaseRow.received_at.desc()
            )
        else:
            query = query.order_by(CaseRow.received_at.desc())
        with self._db.read() as session:
            rows = session.scalars(query.limit(limit).offset(offset)).all()
            return [case_summary(r) for r in rows]

    def search(self, text: str, *, limit: int = 50) -> builtins.list[CaseSummary]:
        """What the clerk typed: an ID number, a case number, a phone, a name or its pinyin.

        Exact matches come first, newest first (each column has an index on (column,
        received_at), so that is an index walk); prefix matches fill the rest in the index's
        order. Sorting every prefix match by date would read tens of thousands of rows for
        a common surname at a million cases.
        """
        q = text.strip()
        if not q:
            return []
        upper = q.upper()
        columns: builtins.list[tuple[Any, str]]
        if CASE_NUMBER.fullmatch(upper):
            columns = [(CaseRow.case_number, upper)]
        elif upper[:17].isdigit() and len(upper) in (15, 18):
            columns = [(CaseRow.applicant_id_number, upper)]
        elif q.isdigit() and len(q) >= 7:
            columns = [(CaseRow.applicant_phone, q)]
        elif q.isascii() and q.isalpha():
            columns = [
                (CaseRow.applicant_pinyin, q.lower()),
                (CaseRow.applicant_initials, q.lower()),
            ]
        elif "-" in upper and upper.replace("-", "").isalnum():
            columns = [(CaseRow.case_number, upper)]
        else:
            columns = [(CaseRow.applicant_name, q)]
        found: dict[str, CaseRow] = {}
        with self._db.read() as session:
            for column, value in columns:  # exact, newest first
                for row in session.scalars(
                    select(CaseRow)
                    .where(column == value)
                    .order_by(column, CaseRow.received_at.desc())
                    .limit(limit)
                ):
                    found.setdefault(row.id, row)
            for column, value in columns:  # then prefixes, in index order
                if len(found) >= limit:
                    break
                for row in session.scalars(
                    select(CaseRow)
                    .where(column > value, column < value + "\U0010ffff")
                    .order_by(column, CaseRow.received_at.desc())
                    .limit(limit - len(found))
                ):
                    found.setdefault(row.id, row)
            return [case_summary(r) for r in builtins.list(found.values())[:limit]]

    def overdue(self, today: date | None = None, *, limit: int = 200) -> builtins.list[CaseSummary]:
        """Cases still being handled whose promised date has passed."""
        day = (today or local_date(self._now())).isoformat()
        running = [
            s.value for s in (Status.ACCEPTED, Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED)
        ]
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status.in_(running), CaseRow.promised_due < day)
                .order_by(CaseRow.promised_due)
                .limit(limit)
            ).all()
            return [case_summary(r) for r in rows]

    def deferred_due(
        self, today: date | None = None, *, within_days: int = 0, limit: int = 200
    ) -> builtins.list[tuple[CaseSummary, MaterialRecord]]:
        """容缺 promises due by ``today + within_days`` (overdue ones first)."""
        until = ((today or local_date(self._now())) + timedelta(days=within_days)).isoformat()
        with self._db.read() as session:
            pairs = session.execute(
                select(CaseRow, CaseMaterialRow)
                .join(CaseMaterialRow, CaseMaterialRow.case_id == CaseRow.id)
                .where(
                    CaseMaterialRow.state == MaterialState.DEFERRED.value,
                    CaseMaterialRow.promised_date <= until,
                )
                .order_by(CaseMaterialRow.promised_date)
                .limit(limit)
            ).all()
            return [(case_summary(c), material_from_row(m)) for c, m in pairs]

    def recompute_deadlines(self, *, provisional_only: bool = True) -> int:
        """After new official calendar data: recompute stored due dates; return how many."""
        with self._db.write() as session:
            query = select(CaseRow).where(CaseRow.accepted_at.is_not(None))
            if provisional_only:
                query = query.where(CaseRow.deadline_provisional.is_(True))
            rows = session.scalars(query).all()
            for row in rows:
                self._refresh_deadline(session, row)
            return len(rows)

    # -- internals ------------------------------------------------------------------------------

    def _material_update_problems(
        self, session: Session, case_id: str, updates: Mapping[str, MaterialInput], accept: bool
    ) -> builtins.list[Problem]:
        """The intake rules for materials handed in later: the same text limits, and (when the
        active catalog still has the case's matters) 容缺, 告知承诺, 电子证照 and original rules."""
        problems: builtins.list[Problem] = []
        for mid, given in updates.items():
            where = f"materials.{mid}"
            problems += text_problems(f"{where}.note", given.note, LIMITS.note, multiline=True)
            problems += text_problems(
                f"{where}.licence_number", given.licence_number, LIMITS.licence_number
            )
        codes = session.scalars(
            select(CaseMatterRow.code)
            .where(CaseMatterRow.case_id == case_id)
            .order_by(CaseMatterRow.position)
        ).all()
        try:
            merged = merge_requirements(self._catalog(), codes)
        except WindowDeskError:
            return problems  # a catalog without these matters any more: nothing to judge by
        decision = Decision.ACCEPT if accept else Decision.SUPPLEMENT
        found = check_materials(
            merged,
            updates,
            local_date(self._now()),
            decision=decision,
            calendar=self._calendar(),
        )
        wanted = {f"materials.{mid}" for mid in updates}
        return problems + [p for p in found if p.where in wanted]

    @staticmethod
    def _supplement_entries(session: Session, case_id: str) -> builtins.list[str]:
        """Who put the case into 补正, each time (actors, oldest first)."""
        return builtins.list(
            session.scalars(
                select(CaseHistoryRow.actor)
                .where(
                    CaseHistoryRow.case_id == case_id,
                    CaseHistoryRow.event == Status.SUPPLEMENT.value,
                )
                .order_by(CaseHistoryRow.seq)
            )
        )

    def _station_supplement(self, session: Session, row: CaseRow) -> bool:
        """Whether the case waits on the window's own one-time notice (not a department's)."""
        if row.status != Status.SUPPLEMENT.value:
            return False
        entries = self._supplement_entries(session, row.id)
        return bool(entries) and entries[-1] == Actor.STATION.value

    def _check_first_supplement(self, session: Session, case_id: str) -> None:
        """一次性告知: the window tells everything to supplement once; a second 补正 of the
        same case by the window is refused (only the department may ask again)."""
        if Actor.STATION.value in self._supplement_entries(session, case_id):
            raise IllegalTransition(
                "the window already gave this case its one-time 补正 notice",
                code="supplement.second_notice",
            )

    def _add_visit(
        self, session: Session, row: CaseRow, kind: VisitKind, operator: str, at: datetime
    ) -> None:
        self._add_history(
            session,
            row,
            Status(row.status),
            Event.VISITED.value,
            Actor.STATION,
            operator,
            VisitKind(kind).value,
            at,
        )

    @staticmethod
    def _window_completes(session: Session, case_id: str) -> bool:
        """Whether every matter of the case is a 即办件 the window may complete itself."""
        flags = session.execute(
            select(CaseMatterRow.immediate, CaseMatterRow.window_completes).where(
                CaseMatterRow.case_id == case_id
            )
        ).all()
        return bool(flags) and all(immediate and window for immediate, window in flags)

    def snapshot_in(
        self, session: Session, case_ref: str, op: str
    ) -> tuple[CaseView, dict[str, Any]]:
        """The case as it is now and the outbox payload that carries it whole (a returned
        item is resent as the case's current content, inside the caller's transaction)."""
        view = self._view(session, self._row(session, case_ref))
        return view, self._op_payload(view, op)

    def _row(self, session: Session, case_ref: str) -> CaseRow:
        ref = case_ref.strip()
        row = session.get(CaseRow, ref) or session.scalar(
            select(CaseRow).where(CaseRow.case_number == ref.upper())
        )
        if row is None:
            raise NotFound("no such case", code="case.not_found", details={"case": ref})
        return row

    def _view(self, session: Session, row: CaseRow) -> CaseView:
        matters = session.scalars(
            select(CaseMatterRow).where(CaseMatterRow.case_id == row.id)
        ).all()
        materials = session.scalars(
            select(CaseMaterialRow).where(CaseMaterialRow.case_id == row.id)
        ).all()
        history = session.scalars(
            select(CaseHistoryRow).where(CaseHistoryRow.case_id == row.id)
        ).all()
        attached = session.execute(  # names only: the bytes stay in the table
            select(AttachmentRow.material_id, AttachmentRow.sha256).where(
                AttachmentRow.case_id == row.id
            )
        ).all()
        view = case_view(row, matters, materials, history, None, [(m, sha) for m, sha in attached])
        delivery = session.get(DeliveryRow, row.id)
        extras = {"delivery": delivery_json(delivery)} if delivery is not None else {}
        return replace(view, deadline=self._deadline(view), extras=extras)

    def _deadline(self, view: CaseView) -> DeadlineInfo | None:
        if view.accepted_at is None or not view.matters:
            return None
        calendar = self._calendar()
        start = local_date(view.accepted_at)
        legal_days, legal_unit = longest_limit(
            ((m.legal_limit_days, m.legal_limit_unit) for m in view.matters), start, calendar
        )
        promised_days, promised_unit = longest_limit(
            ((m.promised_limit_days, m.promised_limit_unit) for m in view.matters), start, calendar
        )
        return deadline_for_case(
            view.history,
            legal_days=legal_days,
            promised_days=promised_days,
            calendar=calendar,
            today=local_date(self._now()),
            legal_unit=legal_unit,
            promised_unit=promised_unit,
        ).info

    def _refresh_deadline(self, session: Session, row: CaseRow) -> CaseView:
        view = self._view(session, row)
        info = view.deadline
        _store_deadline(row, info)
        return view

    def _add_history(
        self,
        session: Session,
        row: CaseRow,
        status: Status,
        event: str,
        actor: Actor,
        operator: str,
        note: str,
        at: datetime,
    ) -> None:
        last = (
            session.scalar(
                select(CaseHistoryRow.seq)
                .where(CaseHistoryRow.case_id == row.id)
                .order_by(CaseHistoryRow.seq.desc())
                .limit(1)
            )
            or 0
        )
        session.add(
            CaseHistoryRow(
                case_id=row.id,
                seq=last + 1,
                at=to_iso(at),
                status=status.value,
                event=event,
                actor=actor.value,
                operator=operator,
                note=note,
            )
        )

    def _commit_change(
        self,
        session: Session,
        row: CaseRow,
        op: str,
        operator: str,
        detail: str,
        *,
        queue: bool = True,
    ) -> CaseView:
        base = row.version
        row.version = base + 1
        row.updated_at = to_iso(self._now())
        if queue:
            row.sync_state = "waiting"
        session.flush()
        view = self._refresh_deadline(session, row)
        if queue:
            enqueue(
                session,
                case_id=row.id,
                case_number=row.case_number,
                op=op,
                base_version=base,
                payload=self._op_payload(view, op),
            )
        audit.append(session, operator, "change", row.id, detail)
        return view

    @staticmethod
    def _op_payload(view: CaseView, op: str) -> dict[str, Any]:
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


def summaries_json(items: Sequence[CaseSummary]) -> builtins.list[dict[str, Any]]:
    return [to_jsonable(s) for s in items]
