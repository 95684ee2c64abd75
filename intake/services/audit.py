"""The audit log: who viewed, printed, exported or changed which case.

Each row stores the hash of the previous row and its own hash over (previous hash, its
fields), so deleting or editing any row breaks the chain at that point and ``verify``
finds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from intake.clock import from_iso, now, to_iso
from intake.errors import ClockBehind
from intake.services.caseref import case_id_for
from intake.store.db import Database
from intake.store.models import AuditRow, SyncStateRow, table_of

GENESIS = "0" * 64
#: A clock this much earlier than the latest recorded event refuses to save (``clock.behind``);
#: less is an NTP correction or two writers' clocks a little apart, and harmless.
CLOCK_BEHIND_TOLERANCE_S = 60.0
#: Where sync keeps the hub-minus-station offset it measured last (``sync_state``).
CLOCK_OFFSET_KEY = "sync.clock_offset_s"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    operator_id: str
    action: str  # view / print / export / create / change / login ...
    case_id: str | None
    detail: str


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    rows: int
    first_bad_seq: int | None = None


def _row_hash(
    prev: str, at: str, operator_id: str, action: str, case_id: str | None, detail: str
) -> str:
    body = json.dumps([prev, at, operator_id, action, case_id, detail], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session, operator_id: str, action: str, case_id: str | None, detail: str = ""
) -> None:
    """Add a row inside the caller's write transaction (so it commits with the change).

    Every write that records an event comes here, so this is where a clock set back is
    refused: ``ClockBehind`` rolls the caller's whole transaction back."""
    last = session.execute(
        select(AuditRow.hash, AuditRow.at).order_by(AuditRow.seq.desc()).limit(1)
    ).first()
    current = now()
    if last is not None:
        _refuse_if_behind(session, current, last.at)
    prev = last.hash if last is not None else GENESIS
    at = to_iso(current)
    session.execute(
        insert(table_of(AuditRow)),
        {
            "at": at,
            "operator_id": operator_id,
            "action": action,
            "case_id": case_id,
            "detail": detail,
            "prev_hash": prev,
            "hash": _row_hash(prev, at, operator_id, action, case_id, detail),
        },
    )


def _refuse_if_behind(session: Session, current: datetime, latest_text: str) -> None:
    latest = from_iso(latest_text)
    behind = (latest - current).total_seconds()
    if behind <= CLOCK_BEHIND_TOLERANCE_S:
        return
    details: dict[str, Any] = {
        "latest_event_at": latest_text,
        "station_clock": to_iso(current),
        "behind_s": round(behind),
    }
    offset = session.get(SyncStateRow, CLOCK_OFFSET_KEY)
    if offset is not None:
        details["hub_offset_s"] = json.loads(offset.value)
    raise ClockBehind(
        f"the station clock is {round(behind)} s earlier than the latest recorded event: "
        "set the clock right before saving",
        details=details,
    )


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, operator_id: str, action: str, case_id: str | None, detail: str = "") -> None:
        with self._db.write() as session:
            append(session, operator_id, action, case_id, detail)

    def record_many(
        self, operator_id: str, action: str, case_ids: Sequence[str], detail: str = ""
    ) -> None:
        """One row per case, in one transaction (an export of several cases' data)."""
        with self._db.write() as session:
            for case_id in case_ids:
                append(session, operator_id, action, case_id, detail)

    def for_case(self, case_ref: str) -> list[AuditEntry]:
        """The case's audit entries in order; ``case_ref`` is its id or case number."""
        with self._db.read() as session:
            case_id = case_id_for(session, case_ref)
            rows = session.scalars(
                select(AuditRow).where(AuditRow.case_id == case_id).order_by(AuditRow.seq)
            ).all()
            return [
                AuditEntry(r.seq, from_iso(r.at), r.operator_id, r.action, r.case_id, r.detail)
                for r in rows
            ]

    def verify(self) -> AuditVerdict:
        """Walk the chain; report the first row whose links or hash do not match."""
        prev = GENESIS
        count = 0
        with self._db.read() as session:
            for row in session.scalars(select(AuditRow).order_by(AuditRow.seq)):
                count += 1
                expected = _row_hash(
                    prev, row.at, row.operator_id, row.action, row.case_id, row.detail
                )
                if row.prev_hash != prev or row.hash != expected:
                    return AuditVerdict(False, count, row.seq)
                prev = row.hash
        return AuditVerdict(True, count)
