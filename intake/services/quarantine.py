"""What is still to send, and what the platform sent back (the quarantine).

The outbox keeps a rejected item with its reason and never lets it block the items behind
it (``intake.services.outbox``). Here a clerk resolves one: *resend* re-queues the case as it
is now (after the clerk fixed it) as a fresh outbox item, or *discard* drops the returned
item with a reason. Both are one transaction with an audit row; the returned row stays, in
the state ``resent`` or ``discarded``, as the record of what happened to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from intake.clock import from_iso, now, to_iso
from intake.errors import WindowDeskError
from intake.services import audit
from intake.services.cases import CaseService
from intake.services.outbox import INFLIGHT, PENDING, REJECTED, enqueue
from intake.store.db import Database
from intake.store.models import CaseRow, OutboxRow

RESENT, DISCARDED = "resent", "discarded"


@dataclass(frozen=True)
class QueuedItem:
    """One outbox item as the village station lists it (waiting or returned)."""

    op_id: str
    seq: int
    case_id: str
    case_number: str
    title: str
    applicant_name: str
    op: str
    state: str
    created_at: datetime
    updated_at: datetime
    attempts: int
    code: str = ""  # the platform's reason code (returned items)
    message: str = ""  # its own words (English, for the log and the expert)


def _rows(session: Session, states: tuple[str, ...], limit: int) -> list[QueuedItem]:
    rows = session.execute(
        select(
            OutboxRow.op_id,
            OutboxRow.seq,
            OutboxRow.entity_id,
            OutboxRow.case_number,
            CaseRow.title,
            CaseRow.applicant_name,
            OutboxRow.op,
            OutboxRow.state,
            OutboxRow.created_at,
            OutboxRow.updated_at,
            OutboxRow.attempts,
            OutboxRow.result,
        )
        .join(CaseRow, CaseRow.id == OutboxRow.entity_id, isouter=True)
        .where(OutboxRow.state.in_(states))
        .order_by(OutboxRow.seq)
        .limit(limit)
    ).all()
    out = []
    for op_id, seq, case_id, number, title, name, op, state, made, changed, tries, result in rows:
        reason = json.loads(result) if result and state == REJECTED else {}
        out.append(
            QueuedItem(
                op_id,
                seq,
                case_id,
                number,
                title or "",
                name or "",
                op,
                state,
                from_iso(made),
                from_iso(changed),
                tries,
                str(reason.get("code", "")),
                str(reason.get("message", "")),
            )
        )
    return out


def _code(row: OutboxRow) -> str:
    return str(json.loads(row.result or "{}").get("code", ""))


class QuarantineService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    # -- queries --------------------------------------------------------------------------

    def waiting(self, limit: int = 500) -> list[QueuedItem]:
        """Items not yet acknowledged by the platform, oldest first."""
        with self._db.read() as session:
            return _rows(session, (PENDING, INFLIGHT), limit)

    def returned(self, limit: int = 500) -> list[QueuedItem]:
        """Items the platform rejected and nobody resolved yet, oldest first."""
        with self._db.read() as session:
            return _rows(session, (REJECTED,), limit)

    # -- commands -------------------------------------------------------------------------

    def resend(self, op_id: str, operator_id: str) -> str:
        """Queue the case of a returned item again, as it is now; returns the new op id.

        Every returned item of that case is resolved by it (the new item carries the whole
        case). If the platform never took the case (its creation was returned), the new
        item creates it; otherwise it carries the case's newest change."""
        with self._db.write() as session:
            row = self._returned(session, op_id)
            case_id = row.entity_id
            returned = session.scalars(
                select(OutboxRow).where(OutboxRow.entity_id == case_id, OutboxRow.state == REJECTED)
            ).all()
            created = session.scalar(
                select(func.count()).where(
                    OutboxRow.entity_id == case_id,
                    OutboxRow.op == "case.create",
                    OutboxRow.state != REJECTED,
                    OutboxRow.state != RESENT,
                    OutboxRow.state != DISCARDED,
                )
            )
            op = "case.create" if not created else returned[-1].op
            view, payload = self._cases.snapshot_in(session, case_id, op)
            new_op = enqueue(
                session,
                case_id=case_id,
                case_number=view.case_number,
                op=op,
                base_version=0 if op == "case.create" else row.base_version,
                payload=payload,
            )
            self._resolve(session, [r.op_id for r in returned], RESENT, {"resent_as": new_op})
            session.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(sync_state="waiting")
            )
            codes = ",".join(sorted({_code(r) for r in returned}))
            audit.append(session, operator_id, "quarantine_resend", case_id, codes)
            return new_op

    def discard(self, op_id: str, reason: str, operator_id: str) -> None:
        """Drop one returned item for good, with the clerk's reason (audited)."""
        reason = reason.strip()
        if not reason:
            raise WindowDeskError(
                "say why the returned item is discarded", code="quarantine.reason_required"
            )
        with self._db.write() as session:
            row = self._returned(session, op_id)
            previous = json.loads(row.result or "{}")
            self._resolve(session, [op_id], DISCARDED, {"discarded": reason})
            left = (
                session.execute(
                    select(OutboxRow.state).where(
                        OutboxRow.entity_id == row.entity_id,
                        OutboxRow.state.in_((PENDING, INFLIGHT, REJECTED)),
                    )
                )
                .scalars()
                .all()
            )
            state = "rejected" if REJECTED in left else "waiting" if left else "saved"
            session.execute(
                update(CaseRow).where(CaseRow.id == row.entity_id).values(sync_state=state)
            )
            audit.append(
                session,
                operator_id,
                "quarantine_discard",
                row.entity_id,
                f"{previous.get('code', '')}: {reason}",
            )

    # -- helpers --------------------------------------------------------------------------

    @staticmethod
    def _returned(session: Session, op_id: str) -> OutboxRow:
        row = session.scalar(select(OutboxRow).where(OutboxRow.op_id == op_id))
        if row is None or row.state != REJECTED:
            raise WindowDeskError(
                "no such returned item (already resolved?)",
                code="quarantine.not_found",
                details={"op_id": op_id},
            )
        return row

    @staticmethod
    def _resolve(session: Session, op_ids: list[str], state: str, note: dict[str, str]) -> None:
        rows = session.scalars(select(OutboxRow).where(OutboxRow.op_id.in_(op_ids))).all()
        stamp = to_iso(now())
        for r in rows:
            result = {**json.loads(r.result or "{}"), **note}
            r.state = state
            r.result = json.dumps(result, ensure_ascii=False, sort_keys=True)
            r.updated_at = stamp
