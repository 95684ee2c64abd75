"""The hand-over list (交接清单): paper a village station carries on to the town.

A case accepted at a village station (channel ``village``) leaves its paper originals and
copies with the agent; they travel to the town's service centre in batches. ``pending()`` is
what is still to carry, by case and material; ``hand_over()`` records one batch — which
materials, who handed them over (移交人) and who received them (接收人) — in one transaction
with an audit row per case, so a material is handed over exactly once. ``batches()`` lists
the past hand-overs for reprinting and for the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import WindowDeskError
from intake.services import audit
from intake.services.caseref import case_id_for
from intake.status import Status
from intake.store.db import Database
from intake.store.models import (
    CaseMaterialRow,
    CaseRow,
    HandoverBatchRow,
    HandoverItemRow,
    StationRow,
    table_of,
)
from intake.views import Channel, MaterialState

#: Statuses whose papers go on to the town: accepted, and every step the departments take
#: after. Not 补正 (the papers wait with the agent until the file is complete), not 接件 only,
#: 不予受理 or 撤件 (the papers go back to the applicant).
HANDED_ON = frozenset(
    {
        Status.ACCEPTED,
        Status.UNDERTAKEN,
        Status.REVIEWED,
        Status.APPROVED,
        Status.COMPLETED,
        Status.DELIVERED,
    }
)
PAPER = (MaterialState.ORIGINAL.value, MaterialState.COPY.value)
MAX_NAME = 60


@dataclass(frozen=True)
class PaperMaterial:
    material_id: str
    name: str
    state: str  # original / copy
    copies: int


@dataclass(frozen=True)
class HandoverCase:
    case_id: str
    case_number: str
    applicant_name: str
    title: str
    accepted_at: datetime | None
    operator_name: str
    materials: tuple[PaperMaterial, ...]

    @property
    def copies(self) -> int:
        return sum(m.copies for m in self.materials)


@dataclass(frozen=True)
class HandoverBatch:
    id: str
    number: str  # <station code>-JJ-YYYYMMDD-NN
    handed_at: datetime
    handed_by: str
    received_by: str
    operator_id: str
    note: str
    cases: tuple[HandoverCase, ...]

    @property
    def copies(self) -> int:
        return sum(c.copies for c in self.cases)


def _cases(
    session: Session, rows: Sequence[tuple[CaseRow, PaperMaterial]]
) -> tuple[HandoverCase, ...]:
    by_case: dict[str, tuple[CaseRow, list[PaperMaterial]]] = {}
    for case, material in rows:
        by_case.setdefault(case.id, (case, []))[1].append(material)
    return tuple(
        HandoverCase(
            case.id,
            case.case_number,
            case.applicant_name,
            case.title,
            from_iso(case.accepted_at) if case.accepted_at else None,
            case.operator_name,
            tuple(materials),
        )
        for case, materials in by_case.values()
    )


def _pending_rows(
    session: Session, case_ids: Sequence[str] | None = None
) -> list[tuple[CaseRow, PaperMaterial]]:
    handed = select(HandoverItemRow.case_id).where(
        HandoverItemRow.case_id == CaseMaterialRow.case_id,
        HandoverItemRow.material_id == CaseMaterialRow.material_id,
    )
    query = (
        select(CaseRow, CaseMaterialRow)
        .join(CaseMaterialRow, CaseMaterialRow.case_id == CaseRow.id)
        .where(
            CaseRow.channel == Channel.VILLAGE.value,
            CaseRow.status.in_([s.value for s in HANDED_ON]),
            CaseMaterialRow.state.in_(PAPER),
            ~handed.exists(),
        )
        .order_by(CaseRow.accepted_at, CaseRow.case_number, CaseMaterialRow.position)
    )
    if case_ids is not None:
        query = query.where(CaseRow.id.in_(case_ids))
    return [
        (case, PaperMaterial(m.material_id, m.name, m.state, max(1, m.copies)))
        for case, m in session.execute(query).all()
    ]


class HandoverService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(self) -> list[HandoverCase]:
        """Cases whose paper has not been handed over yet, oldest acceptance first."""
        with self._db.read() as session:
            return list(_cases(session, _pending_rows(session)))

    def hand_over(
        self,
        case_refs: Sequence[str],
        *,
        handed_by: str,
        received_by: str,
        operator_id: str,
        note: str = "",
    ) -> HandoverBatch:
        """Record that the paper of these cases (ids or numbers) went to the town."""
        handed_by, received_by = handed_by.strip(), received_by.strip()
        if not handed_by or not received_by:
            raise WindowDeskError(
                "who handed over and who received are both required",
                code="handover.names_required",
            )
        if len(handed_by) > MAX_NAME or len(received_by) > MAX_NAME:
            raise WindowDeskError("a name is too long", code="handover.name_too_long")
        with self._db.write() as session:
            ids = [case_id_for(session, ref) for ref in case_refs]
            rows = _pending_rows(session, ids)
            if not ids or not rows:
                raise WindowDeskError(
                    "nothing of these cases is waiting to be handed over",
                    code="handover.nothing",
                )
            done = {c.id for c, _ in rows}
            already = [ref for ref, i in zip(case_refs, ids, strict=True) if i not in done]
            if already:
                raise WindowDeskError(
                    "a case's paper was already handed over",
                    code="handover.already",
                    details={"cases": already},
                )
            at = now()
            day = local_date(at).strftime("%Y%m%d")
            station = session.get(StationRow, 1)
            code = station.code if station is not None else "STATION"
            prefix = f"{code}-JJ-{day}-"
            count = session.scalar(
                select(func.count()).where(HandoverBatchRow.number.like(f"{prefix}%"))
            )
            batch_id = str(uuid7())
            number = f"{prefix}{int(count or 0) + 1:02d}"
            session.execute(
                insert(table_of(HandoverBatchRow)),
                {
                    "id": batch_id,
                    "number": number,
                    "handed_at": to_iso(at),
                    "handed_by": handed_by,
                    "received_by": received_by,
                    "operator_id": operator_id,
                    "note": note.strip(),
                },
            )
            session.execute(
                insert(table_of(HandoverItemRow)),
                [
                    {
                        "case_id": case.id,
                        "material_id": m.material_id,
                        "batch_id": batch_id,
                        "position": i,
                        "name": m.name,
                        "state": m.state,
                        "copies": m.copies,
                    }
                    for i, (case, m) in enumerate(rows)
                ],
            )
            for case_id in dict.fromkeys(c.id for c, _ in rows):
                audit.append(
                    session, operator_id, "handover", case_id, f"{number} {handed_by}→{received_by}"
                )
            return self._batch(session, session.get_one(HandoverBatchRow, batch_id))

    def batches(self, limit: int = 50) -> list[HandoverBatch]:
        """Past hand-overs, newest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(HandoverBatchRow).order_by(HandoverBatchRow.handed_at.desc()).limit(limit)
            ).all()
            return [self._batch(session, r) for r in rows]

    def batch(self, number_or_id: str) -> HandoverBatch:
        with self._db.read() as session:
            row = session.get(HandoverBatchRow, number_or_id) or session.scalar(
                select(HandoverBatchRow).where(HandoverBatchRow.number == number_or_id)
            )
            if row is None:
                raise WindowDeskError("no such hand-over", code="handover.not_found")
            return self._batch(session, row)

    @staticmethod
    def _batch(session: Session, row: HandoverBatchRow) -> HandoverBatch:
        items = session.execute(
            select(CaseRow, HandoverItemRow)
            .join(HandoverItemRow, HandoverItemRow.case_id == CaseRow.id)
            .where(HandoverItemRow.batch_id == row.id)
            .order_by(HandoverItemRow.position)
        ).all()
        cases = _cases(
            session,
            [(c, PaperMaterial(i.material_id, i.name, i.state, i.copies)) for c, i in items],
        )
        return HandoverBatch(
            row.id,
            row.number,
            from_iso(row.handed_at),
            row.handed_by,
            row.received_by,
            row.operator_id,
            row.note,
            cases,
        )
