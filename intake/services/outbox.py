"""The outbox: every case change, queued in the same transaction for sync to push.

Rows are never deleted by sync: acknowledged rows stay as the record of what the platform
has (their id, digest and result; the payload is dropped on acknowledgement, since the case
itself holds the content and a busy hall would otherwise keep every change twice); rejected
rows keep their payload and form the quarantine the app shows, never blocking later rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.canonical import PAYLOAD_SCHEMA_VERSION, canonical_json, sha256_hex
from intake.clock import from_iso, now, to_iso
from intake.errors import NotFound
from intake.services import audit
from intake.services.authz import require_supervisor
from intake.services.caseref import case_id_for
from intake.store.db import Database
from intake.store.models import CaseRow, OutboxRow, table_of

PENDING, INFLIGHT, ACKED, REJECTED = "pending", "inflight", "acked", "rejected"
COMPACTED = b"{}"  # the payload of an acknowledged row (its sha256 still names the original)


@dataclass(frozen=True)
class OutboxItem:
    op_id: str
    seq: int
    entity: str
    entity_id: str
    case_number: str
    op: str
    base_version: int
    payload_json: bytes  # the canonical bytes its sha256 names; sync sends them as they are
    sha256: str
    schema_version: int
    state: str
    batch_id: str | None
    attempts: int
    created_at: datetime
    result: dict[str, Any] | None

    @property
    def payload(self) -> dict[str, Any]:
        """Decoded on demand: pushing a batch needs only the bytes."""
        decoded: dict[str, Any] = json.loads(self.payload_json)
        return decoded


@dataclass(frozen=True)
class OutboxResult:
    """The platform's answer for one item: acknowledged (with its result) or rejected."""

    op_id: str
    acked: bool
    result: dict[str, Any] = field(default_factory=dict)
    code: str = ""
    message: str = ""


def _item(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        op_id=row.op_id,
        seq=row.seq,
        entity=row.entity,
        entity_id=row.entity_id,
        case_number=row.case_number,
        op=row.op,
        base_version=row.base_version,
        payload_json=row.payload_json,
        sha256=row.sha256,
        schema_version=row.schema_version,
        state=row.state,
        batch_id=row.batch_id,
        attempts=row.attempts,
        created_at=from_iso(row.created_at),
        result=json.loads(row.result) if row.result else None,
    )


def _case_sync_state(pending: int, inflight: int, rejected: int) -> str:
    """What a case shows once one of its changes is answered: a later change of it may
    already be at the hub (the next batch travels while this answer is recorded)."""
    if rejected:
        return "rejected"
    if pending:
        return "waiting"
    return "sent" if inflight else "acknowledged"


def _open_rows(session: Session, op_ids: Sequence[str]) -> dict[str, str]:
    """op id → case id of those ``op_ids`` still pending or in flight.

    Looked up by op id and filtered here: given ``op_id IN (…) AND state IN (…)``, SQLite
    picks the (state, seq) index and walks every pending row, which made each batch of a
    large backlog cost time in proportion to the backlog.
    """
    rows = session.execute(
        select(OutboxRow.op_id, OutboxRow.entity_id, OutboxRow.state).where(
            OutboxRow.op_id.in_(op_ids)
        )
    ).all()
    return {op: entity for op, entity, state in rows if state in (PENDING, INFLIGHT)}


def enqueue(
    session: Session,
    *,
    case_id: str,
    case_number: str,
    op: str,
    base_version: int,
    payload: dict[str, Any],
    entity: str = "case",
) -> str:
    """Queue one operation inside the caller's transaction; return its op id (UUIDv7).
    ``entity``: ``case`` (``case_id`` is the case's id), ``appointment`` (its id) or
    ``complaint`` (``case_id`` is the complaint's id, ``case_number`` its number)."""
    body = canonical_json(payload)
    op_id = str(uuid7())
    stamp = to_iso(now())
    session.execute(
        insert(table_of(OutboxRow)),
        {
            "op_id": op_id,
            "entity": entity,
            "entity_id": case_id,
            "case_number": case_number,
            "op": op,
            "base_version": base_version,
            "payload_json": body,
            "sha256": sha256_hex(body),
            "schema_version": PAYLOAD_SCHEMA_VERSION,
            "state": PENDING,
            "attempts": 0,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    return op_id


class OutboxService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(self, limit: int = 200, *, after_seq: int = 0) -> list[OutboxItem]:
        """Pending and in-flight items in local order (in-flight ones are resent as frozen);
        ``after_seq`` skips what the caller already holds (a batch still at the hub)."""
        with self._db.read() as session:
            rows = session.scalars(
                select(OutboxRow)
                .where(OutboxRow.state.in_((PENDING, INFLIGHT)), OutboxRow.seq > after_seq)
                .order_by(OutboxRow.seq)
                .limit(limit)
            ).all()
            return [_item(r) for r in rows]

    def mark_inflight(self, op_ids: list[str], batch_id: str) -> None:
        with self._db.write() as session:
            live = _open_rows(session, op_ids)
            if not live:
                return
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.op_id.in_(live))
                .values(
                    state=INFLIGHT,
                    batch_id=batch_id,
                    attempts=OutboxRow.attempts + 1,
                    updated_at=to_iso(now()),
                )
            )
            session.execute(
                update(CaseRow).where(CaseRow.id.in_(set(live.values()))).values(sync_state="sent")
            )

    @staticmethod
    def _finish_in(session: Session, results: Sequence[OutboxResult]) -> None:
        """Set-based: one UPDATE per outcome, one grouped count, one UPDATE of the cases.

        An answer for a row already acknowledged or rejected changes nothing (idempotent).
        A case whose change sits in quarantine stays "rejected" until that is resolved.
        """
        live = _open_rows(session, [r.op_id for r in results])
        if not live:
            return
        stamp = to_iso(now())
        table = table_of(OutboxRow)
        acked = [
            {"b_op": r.op_id, "b_result": json.dumps(r.result, ensure_ascii=False, sort_keys=True)}
            for r in results
            if r.acked and r.op_id in live
        ]
        rejected = [
            {
                "b_op": r.op_id,
                "b_result": json.dumps(
                    {"code": r.code, "message": r.message}, ensure_ascii=False, sort_keys=True
                ),
            }
            for r in results
            if not r.acked and r.op_id in live
        ]
        if acked:
            session.execute(
                update(table)
                .where(table.c.op_id == bindparam("b_op"))
                .values(
                    state=ACKED,
                    result=bindparam("b_result"),
                    payload_json=COMPACTED,
                    updated_at=stamp,
                ),
                acked,
            )
        if rejected:
            session.execute(
                update(table)
                .where(table.c.op_id == bindparam("b_op"))
                .values(state=REJECTED, result=bindparam("b_result"), updated_at=stamp),
                rejected,
            )
        counts = session.execute(
            select(
                OutboxRow.entity_id,
                func.sum(case((OutboxRow.state == PENDING, 1), else_=0)),
                func.sum(case((OutboxRow.state == INFLIGHT, 1), else_=0)),
                func.sum(case((OutboxRow.state == REJECTED, 1), else_=0)),
            )
            .where(OutboxRow.entity_id.in_(set(live.values())))
            .group_by(OutboxRow.entity_id)
        ).all()
        cases = table_of(CaseRow)
        session.execute(
            update(cases)
            .where(cases.c.id == bindparam("b_id"))
            .values(sync_state=bindparam("b_state")),
            [{"b_id": entity, "b_state": _case_sync_state(*tally)} for entity, *tally in counts],
        )

    def mark_results(self, results: Sequence[OutboxResult]) -> None:
        """Record a whole push answer in one transaction (one fsync, a few statements)."""
        if not results:
            return
        with self._db.write() as session:
            self._finish_in(session, results)

    def mark_acked(self, op_id: str, result: dict[str, Any]) -> None:
        self.mark_results([OutboxResult(op_id, True, result)])

    def mark_rejected(self, op_id: str, code: str, message: str) -> None:
        self.mark_results([OutboxResult(op_id, False, code=code, message=message)])

    def quarantined(self) -> list[OutboxItem]:
        with self._db.read() as session:
            rows = session.scalars(
                select(OutboxRow).where(OutboxRow.state == REJECTED).order_by(OutboxRow.seq)
            ).all()
            return [_item(r) for r in rows]

    def retry(self, by: str, op_id: str) -> OutboxItem:
        """A supervisor sends a quarantined change again (after the cause was fixed at the
        platform): it is pending once more, in its original place in the order, and its
        case shows "waiting". Audited with the reason it had been refused."""
        with self._db.write() as session:
            require_supervisor(session, by)
            row = session.scalar(select(OutboxRow).where(OutboxRow.op_id == op_id))
            if row is None or row.state != REJECTED:
                raise NotFound("no such quarantined change", code="outbox.not_quarantined")
            reason = (json.loads(row.result) if row.result else {}).get("code", "")
            row.state, row.batch_id, row.updated_at = PENDING, None, to_iso(now())
            left = session.scalar(
                select(func.count()).where(
                    OutboxRow.entity_id == row.entity_id, OutboxRow.state == REJECTED
                )
            )
            session.execute(
                update(CaseRow)
                .where(CaseRow.id == row.entity_id)
                .values(sync_state="rejected" if left else "waiting")
            )
            audit.append(session, by, "outbox.retry", row.entity_id, f"{row.op} {reason}")
            return _item(row)

    def for_case(self, case_ref: str) -> list[OutboxItem]:
        """The case's outbox rows in order; ``case_ref`` is its id or case number."""
        with self._db.read() as session:
            case_id = case_id_for(session, case_ref)
            rows = session.scalars(
                select(OutboxRow).where(OutboxRow.entity_id == case_id).order_by(OutboxRow.seq)
            ).all()
            return [_item(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        with self._db.read() as session:
            rows = session.execute(
                select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
            ).all()
            counts = {state: count for state, count in rows}
            oldest = session.scalar(
                select(func.min(OutboxRow.created_at)).where(
                    OutboxRow.state.in_((PENDING, INFLIGHT))
                )
            )
        return {
            "pending": counts.get(PENDING, 0),
            "inflight": counts.get(INFLIGHT, 0),
            "quarantined": counts.get(REJECTED, 0),
            "acknowledged": counts.get(ACKED, 0),
            "oldest_pending_at": oldest,
        }
