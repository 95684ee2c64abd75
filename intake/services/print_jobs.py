"""Print jobs stored with their case: a notice that failed to print stays visible."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound, WindowDeskError
from intake.numbering import next_value
from intake.services import audit
from intake.services.caseref import case_id_for
from intake.store.db import Database
from intake.store.models import CaseRow, PrintJobRow

STATES = ("queued", "rendered", "sent", "printed", "failed", "cancelled")
FINISHED = ("printed", "cancelled")


@dataclass(frozen=True)
class PrintJob:
    id: str
    case_id: str
    case_number: str
    kind: str
    doc_number: int
    year: int
    state: str
    printer: str
    reprint: bool
    attempts: int
    error: str
    created_at: datetime
    updated_at: datetime
    operator_id: str


def _job(row: PrintJobRow, case_number: str) -> PrintJob:
    return PrintJob(
        id=row.id,
        case_id=row.case_id,
        case_number=case_number,
        kind=row.kind,
        doc_number=row.doc_number,
        year=row.year,
        state=row.state,
        printer=row.printer,
        reprint=row.reprint,
        attempts=row.attempts,
        error=row.error,
        created_at=from_iso(row.created_at),
        updated_at=from_iso(row.updated_at),
        operator_id=row.operator_id,
    )


class PrintJobService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(
        self, case_id: str, kind: str, *, printer: str, reprint: bool, operator_id: str
    ) -> PrintJob:
        """A new job with the next document number of its kind for this year."""
        with self._db.write() as session:
            case = session.get(CaseRow, case_id) or session.scalar(
                select(CaseRow).where(CaseRow.case_number == case_id)
            )
            if case is None:
                raise NotFound("no such case", code="case.not_found")
            at = now()
            year = local_date(at).year
            row = PrintJobRow(
                id=str(uuid7()),
                case_id=case.id,
                kind=kind,
                doc_number=next_value(session, f"doc:{kind}:{year}"),
                year=year,
                state="queued",
                printer=printer,
                reprint=reprint,
                attempts=0,
                error="",
                operator_id=operator_id,
                created_at=to_iso(at),
                updated_at=to_iso(at),
            )
            session.add(row)
            audit.append(
                session, operator_id, "print", case.id, f"{kind}{' reprint' if reprint else ''}"
            )
            session.flush()
            return _job(row, case.case_number)

    def mark(
        self, job_id: str, state: str, *, error: str = "", printer: str | None = None
    ) -> PrintJob:
        if state not in STATES:
            raise WindowDeskError(f"unknown print job state {state}", code="print.state")
        with self._db.write() as session:
            row = session.get(PrintJobRow, job_id)
            if row is None:
                raise NotFound("no such print job", code="print.not_found")
            previous = row.state
            row.error = error
            if printer is not None:
                row.printer = printer
            # one try = one "sent", or one "failed" that never got as far as sending
            if state == "sent" or (state == "failed" and previous != "sent"):
                row.attempts += 1
            row.state = state
            row.updated_at = to_iso(now())
            case_number = (
                session.scalar(select(CaseRow.case_number).where(CaseRow.id == row.case_id)) or ""
            )
            session.flush()
            return _job(row, case_number)

    def for_case(self, case_ref: str) -> list[PrintJob]:
        """The case's print jobs, oldest first; ``case_ref`` is its id or case number."""
        with self._db.read() as session:
            case_id = case_id_for(session, case_ref)
            pairs = session.execute(
                select(PrintJobRow, CaseRow.case_number)
                .join(CaseRow, CaseRow.id == PrintJobRow.case_id)
                .where(PrintJobRow.case_id == case_id)
                .order_by(PrintJobRow.created_at)
            ).all()
            return [_job(r, n) for r, n in pairs]

    def unfinished(self) -> list[PrintJob]:
        """Jobs not printed yet: the case shows "accepted, notice not printed"."""
        with self._db.read() as session:
            pairs = session.execute(
                select(PrintJobRow, CaseRow.case_number)
                .join(CaseRow, CaseRow.id == PrintJobRow.case_id)
                .where(PrintJobRow.state.not_in(FINISHED))
                .order_by(PrintJobRow.created_at)
            ).all()
            return [_job(r, n) for r, n in pairs]
