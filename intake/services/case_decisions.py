"""Status changes after intake: the window's own acts (受理 / 补正 / 不予受理 of a 接件, 送达,
撤件, 办结 of an authorised 即办件) and the platform's decisions (承办 … 办结, 特别程序), with
§32's five days for a 接件. The state machine (``intake.status``) is enforced here, once."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.clock import from_iso, local_date, to_iso
from intake.errors import IllegalTransition, WindowDeskError
from intake.services.case_base import HANDLING, CaseBase
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
from intake.store.mapping import case_summary, outcome_to_json
from intake.store.models import CaseRow
from intake.views import CaseOutcome, CaseSummary, CaseView

DEEMED_NOTE = (
    "逾期未告知补正，依法自收到申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）"
)


@dataclass(frozen=True)
class UndecidedReceipt:
    """A 接件 still waiting for 受理 / 补正 / 不予受理."""

    case: CaseSummary
    decide_by: date  # the fifth working day after receipt
    deemed_accepted: bool  # that day has passed: it counts as accepted from receipt


class DecisionCommands(CaseBase):
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

    # -- §32: a 接件 is decided within five working days -------------------------------------

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

    # -- 特别程序 (the department's, through the platform) ---------------------------------

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
        with self._db.write() as session:
            return self.set_special_procedure_in(
                session,
                case_ref,
                active,
                actor=actor,
                operator=operator,
                note=note,
                at=at,
                kind=kind,
                legal_basis=legal_basis,
            )

    def set_special_procedure_in(
        self,
        session: Session,
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
        """``set_special_procedure`` inside the caller's transaction (sync applies a page at
        once); the platform's step is not queued back (the platform has it)."""
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
        row = self._row(session, case_ref)
        if row.special_procedure == active:
            raise WindowDeskError(
                "the special procedure is already " + ("running" if active else "stopped"),
                code="case.special_procedure_state",
            )
        if Status(row.status) not in HANDLING:
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
        # only the platform gets here, and its step is not sent back
        return self._commit_change(
            session, row, "case.transition", operator, event.value, queue=False
        )
