"""跑动次数: how many times the applicant came for a case, from its history.

Contract (the statistics depend on it): every visit is a ``case_history`` row with
``event = "visited"`` (``Event.VISITED``) and the note holding its ``VisitKind`` (``intake``,
``supplement``, ``collection``, ``other``); the service that records the act records the
visit in the same transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from sqlalchemy import func, select

from intake.status import Event, VisitKind
from intake.store.db import Database
from intake.store.models import CaseHistoryRow, CaseRow


class VisitService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def for_case(self, case_ref: str) -> Mapping[VisitKind, int]:
        """The case's visits by kind (a kind never visited is absent)."""
        with self._db.read() as session:
            case_id = session.scalar(
                select(CaseRow.id).where(
                    (CaseRow.id == case_ref) | (CaseRow.case_number == case_ref.strip().upper())
                )
            )
            if case_id is None:
                return {}
            notes = session.scalars(
                select(CaseHistoryRow.note).where(
                    CaseHistoryRow.case_id == case_id,
                    CaseHistoryRow.event == Event.VISITED.value,
                )
            ).all()
        return dict(Counter(_kind(n) for n in notes))

    def count(self, case_ref: str) -> int:
        """跑动次数 of one case."""
        return sum(self.for_case(case_ref).values())

    def counts(self, case_ids: Iterable[str]) -> Mapping[str, int]:
        """跑动次数 of several cases at once (by case id; a case with none maps to 0)."""
        ids = list(dict.fromkeys(case_ids))
        result = dict.fromkeys(ids, 0)
        with self._db.read() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for case_id, n in session.execute(
                    select(CaseHistoryRow.case_id, func.count())
                    .where(
                        CaseHistoryRow.case_id.in_(chunk),
                        CaseHistoryRow.event == Event.VISITED.value,
                    )
                    .group_by(CaseHistoryRow.case_id)
                ):
                    result[case_id] = int(n)
        return result


def _kind(note: str) -> VisitKind:
    try:
        return VisitKind(note)
    except ValueError:
        return VisitKind.OTHER
