"""Reading cases: one case whole (and the audited look at it), the short lists the CLI and
the follow-up pages use (by status, search, overdue, 容缺 due). The desktop's paged case list
with its filters is ``intake.services.case_queries``."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from intake.canonical import to_jsonable
from intake.clock import local_date
from intake.numbering import CASE_NUMBER
from intake.services import audit
from intake.services.case_base import HANDLING, CaseBase
from intake.status import Status
from intake.store.mapping import case_summary, material_from_row
from intake.store.models import CaseMaterialRow, CaseRow
from intake.views import CaseSummary, CaseView, MaterialRecord, MaterialState


class CaseReads(CaseBase):
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
        columns = _search_columns(q)
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
        with self._db.read() as session:
            rows = session.scalars(
                select(CaseRow)
                .where(CaseRow.status.in_([s.value for s in HANDLING]), CaseRow.promised_due < day)
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


def _search_columns(q: str) -> builtins.list[tuple[Any, str]]:
    """Which indexed column(s) a typed text is looked up in, by its shape."""
    upper = q.upper()
    if CASE_NUMBER.fullmatch(upper):
        return [(CaseRow.case_number, upper)]
    if upper[:17].isdigit() and len(upper) in (15, 18):
        return [(CaseRow.applicant_id_number, upper)]
    if q.isdigit() and len(q) >= 7:
        return [(CaseRow.applicant_phone, q)]
    if q.isascii() and q.isalpha():
        return [(CaseRow.applicant_pinyin, q.lower()), (CaseRow.applicant_initials, q.lower())]
    if "-" in upper and upper.replace("-", "").isalnum():
        return [(CaseRow.case_number, upper)]
    return [(CaseRow.applicant_name, q)]


def summaries_json(items: Sequence[CaseSummary]) -> builtins.list[dict[str, Any]]:
    return [to_jsonable(s) for s in items]
