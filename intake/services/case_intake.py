"""The clerk's intake: check a request against the catalog, then record the new case with
the clerk's decision (受理 / 补正 / 不予受理 / kiosk 接件) in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from uuid6 import uuid7

from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.clock import local_date
from intake.confirmation import Confirmation
from intake.errors import CatalogError, Problem, RequestError, WindowDeskError
from intake.numbering import next_case_number
from intake.requests import IntakeRequest
from intake.rules import check_area, check_request, normalize_request
from intake.services import audit, notice_terms
from intake.services.case_base import CaseBase
from intake.services.case_rows import (
    Intake,
    insert_new_case,
    name_keys,
    new_case_rows,
    op_payload,
    store_deadline,
)
from intake.services.outbox import enqueue
from intake.status import Status
from intake.store.mapping import case_view
from intake.store.models import OperatorRow, StationRow

#: What an intake needs of the station and the clerk (plain rows: no ORM identity map work).
_STATION_FOR_INTAKE = select(StationRow.code, StationRow.area_code).where(StationRow.id == 1)
_OPERATOR_FOR_INTAKE = select(OperatorRow.id, OperatorRow.name, OperatorRow.active).where(
    OperatorRow.id == bindparam("id")
)


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


class IntakeCommands(CaseBase):
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
            intake = Intake(
                case_id=str(uuid7()),
                case_number=next_case_number(session, station.code, local_date(received_at)),
                station_code=station.code,
                area_code=station.area_code,
                operator_id=operator.id,
                operator_name=operator.name,
                received_at=received_at,
                catalog_version=self._catalog().version,
                pinyin=pinyin,
                initials=initials,
            )
            new = new_case_rows(request, merged, intake, confirmation=confirmation)
            # The view is built from what is about to be written (no read-back).
            view = case_view(new.case, new.matters, new.materials, new.history, None)
            deadline = self._deadline(view)
            terms = notice_terms.intake_fields(merged, request)
            view = replace(view, deadline=deadline, **terms)
            store_deadline(new.case, deadline)
            insert_new_case(session, new)
            notice_terms.record_intake_in(session, intake.case_id, terms)
            enqueue(
                session,
                case_id=intake.case_id,
                case_number=intake.case_number,
                op="case.create",
                base_version=0,
                payload=op_payload(view, "case.create"),
            )
            audit.append(session, operator.id, "create", intake.case_id, view.status.value)
        return AcceptResult(
            intake.case_id,
            intake.case_number,
            view.status,
            deadline.promised_due if deadline else None,
            deadline.legal_due if deadline else None,
            deadline.provisional if deadline else False,
        )
