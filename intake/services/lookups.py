"""Small read-only queries the intake screen asks while a citizen waits.

A returning applicant's phone and past cases (the clerk need not type the phone again), and
this station's most frequent matters (the search list's top). Each is one indexed query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from intake.clock import now, to_iso
from intake.errors import InvalidIdNumber
from intake.identity import DocType, normalize_document_number
from intake.store.db import Database
from intake.store.mapping import case_summary
from intake.store.models import CaseMatterRow, CaseRow
from intake.views import CaseSummary


@dataclass(frozen=True)
class ReturningApplicant:
    phone: str  # the phone given on the latest case ("" if none)
    cases: tuple[CaseSummary, ...]  # newest first


class LookupService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def returning_applicant(
        self, id_number: str, *, doc_type: DocType = DocType.RESIDENT, limit: int = 5
    ) -> ReturningApplicant:
        try:
            number = normalize_document_number(doc_type, id_number)
        except InvalidIdNumber:
            number = id_number.strip().upper()
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.applicant_id_number == number)
                .order_by(CaseRow.received_at.desc())
                .limit(limit)
            ).all()
            cases = tuple(case_summary(r) for r in rows)
            phone = next((r.applicant_phone for r in rows if r.applicant_phone), "")
        return ReturningApplicant(phone, cases)

    def frequent_matters(self, *, days: int = 90, limit: int = 12) -> dict[str, int]:
        """Matter code → cases received here in the last ``days`` days (the busiest first)."""
        since = to_iso(now() - timedelta(days=days))
        with self._db.read() as session:
            rows = session.execute(
                select(CaseMatterRow.code, func.count())
                .join(CaseRow, CaseRow.id == CaseMatterRow.case_id)
                .where(CaseRow.received_at >= since)
                .group_by(CaseMatterRow.code)
                .order_by(func.count().desc())
                .limit(limit)
            ).all()
        return {code: int(n) for code, n in rows}
