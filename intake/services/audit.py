"""The audit log: who viewed, printed, exported or changed which case.

Each row stores the hash of the previous row and its own hash over (previous hash, its
fields), so deleting or editing any row breaks the chain at that point and ``verify``
finds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from intake.clock import CST, from_iso, now, to_iso
from intake.errors import ClockBehind
from intake.services.audit_anchor import HEAD_KEY, Anchor, AnchorState, AuditAnchor
from intake.services.caseref import case_id_for
from intake.store.db import Database
from intake.store.models import AuditRow, CaseRow, OperatorRow, SyncStateRow, table_of

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


class Break(StrEnum):
    """How the chain is broken where ``verify`` stopped."""

    ALTERED = "altered"  # the row's own fields or hash were changed
    REMOVED = "removed"  # rows are missing before this one (a gap in the sequence)
    RELINKED = "relinked"  # the link to the previous row does not match (it was altered)
    TRUNCATED = "truncated"  # the chain ends before the anchored row: the newest rows removed
    REWRITTEN = "rewritten"  # the anchored row is there with another hash (tail replaced)
    ANCHOR_FORGED = "anchor_forged"  # the anchor file is not one this station wrote


@dataclass(frozen=True)
class AuditVerdict:
    """``ok``: every row checked matched. Otherwise ``first_bad_seq`` is the first row that
    does not (``problem`` says how; for removed rows, ``missing_from`` … ``first_bad_seq`` - 1
    are gone). ``cancelled``: stopped on request after ``rows`` rows, nothing found so far."""

    ok: bool
    rows: int
    first_bad_seq: int | None = None
    problem: Break | None = None
    missing_from: int | None = None
    cancelled: bool = False
    total: int = 0
    #: the anchor outside the database (audit_anchor): ok / missing / forged / truncated …
    anchor: AnchorState = AnchorState.OK
    last_seq: int = 0  # the chain's last row as found
    removed: int = 0  # TRUNCATED: how many of the newest rows are gone (at least)


@dataclass(frozen=True)
class AuditFilter:
    operator_id: str | None = None
    action: str | None = None
    case_ref: str | None = None  # case id or case number
    since: date | None = None  # local (China) dates, inclusive
    until: date | None = None


@dataclass(frozen=True)
class AuditLine:
    """One row of the audit viewer (the case shown by its number when it has one)."""

    seq: int
    at: datetime
    operator_id: str
    operator_name: str
    action: str
    case_id: str | None
    case_number: str | None
    detail: str


Progress = Callable[[int, int], None]  # (rows checked, rows in the chain)


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
    digest = _row_hash(prev, at, operator_id, action, case_id, detail)
    inserted: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        insert(table_of(AuditRow)),
        {
            "at": at,
            "operator_id": operator_id,
            "action": action,
            "case_id": case_id,
            "detail": detail,
            "prev_hash": prev,
            "hash": digest,
        },
    )
    # the head the after-commit hook anchors outside the database (audit_anchor)
    key = inserted.inserted_primary_key
    assert key is not None  # a single-row INSERT always has its rowid
    session.info[HEAD_KEY] = (key[0], digest)


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
    def __init__(self, db: Database, anchor: AuditAnchor | None = None) -> None:
        self._db = db
        self._anchor = anchor

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

    def verify(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        *,
        every: int = 2000,
    ) -> AuditVerdict:
        """Walk the chain in order (one read snapshot, streamed); report the first row whose
        links or hash do not match. ``progress(done, total)`` is called every ``every`` rows
        (from the calling thread); ``cancelled()`` is asked as often and stops the walk.

        A removed row shows as a gap in the sequence with the next row's link broken; an
        edited row as its own hash no longer matching (or, if the editor recomputed it, the
        next row's link). Removing the newest rows leaves no trace in the chain itself: the
        anchor outside the database (``audit_anchor``, read before the snapshot so it is never
        ahead of it) names the newest row known, and a chain ending before it was truncated."""
        anchor, anchor_state = (
            self._anchor.read() if self._anchor is not None else (None, AnchorState.MISSING)
        )
        anchored_hash: str | None = None
        prev, last_seq, count = GENESIS, 0, 0
        columns = (
            AuditRow.seq,
            AuditRow.at,
            AuditRow.operator_id,
            AuditRow.action,
            AuditRow.case_id,
            AuditRow.detail,
            AuditRow.prev_hash,
            AuditRow.hash,
        )
        with self._db.read() as session:
            total = session.scalar(select(func.count()).select_from(AuditRow)) or 0
            if progress is not None:
                progress(0, total)
            result = session.execute(select(*columns).order_by(AuditRow.seq)).yield_per(every)
            for seq, at, operator_id, action, case_id, detail, prev_hash, own in result:
                count += 1
                expected = _row_hash(prev_hash, at, operator_id, action, case_id, detail)
                if own != expected:
                    return AuditVerdict(False, count, seq, Break.ALTERED, total=total)
                if seq > last_seq + 1:  # a gap, linked over or not (tail cut, then appended)
                    return AuditVerdict(False, count, seq, Break.REMOVED, last_seq + 1, total=total)
                if prev_hash != prev:
                    return AuditVerdict(False, count, seq, Break.RELINKED, total=total)
                if anchor is not None and seq == anchor.seq:
                    anchored_hash = own
                prev, last_seq = own, seq
                if count % every == 0:
                    if progress is not None:
                        progress(count, total)
                    if cancelled():
                        return AuditVerdict(False, count, cancelled=True, total=total)
        if progress is not None:
            progress(count, total)
        return self._against_anchor(count, total, last_seq, anchor, anchor_state, anchored_hash)

    @staticmethod
    def _against_anchor(
        count: int,
        total: int,
        last_seq: int,
        anchor: Anchor | None,
        state: AnchorState,
        anchored_hash: str | None,
    ) -> AuditVerdict:
        """A whole chain, checked against its anchor: shorter than it (rows after
        ``last_seq`` are missing), or with another row where it points, or whole."""
        if state is AnchorState.FORGED:
            return AuditVerdict(False, count, None, Break.ANCHOR_FORGED, total=total, anchor=state)
        if anchor is None:  # no anchor: the chain alone (a store from before anchors)
            return AuditVerdict(True, count, total=total, anchor=state, last_seq=last_seq)
        if anchor.seq > last_seq:
            return AuditVerdict(
                False,
                count,
                last_seq + 1,
                Break.TRUNCATED,
                last_seq + 1,
                total=total,
                anchor=AnchorState.TRUNCATED,
                last_seq=last_seq,
                removed=anchor.seq - last_seq,
            )
        if anchored_hash != anchor.hash:
            return AuditVerdict(
                False,
                count,
                anchor.seq,
                Break.REWRITTEN,
                total=total,
                anchor=AnchorState.REWRITTEN,
                last_seq=last_seq,
            )
        return AuditVerdict(True, count, total=total, last_seq=last_seq)

    def search(
        self, where: AuditFilter, *, before_seq: int | None = None, limit: int = 200
    ) -> list[AuditLine]:
        """A page of the log, newest first; the next page starts ``before_seq`` the last
        row's seq (keyset paging: each page costs the same however deep the viewer scrolls)."""
        query = (
            select(AuditRow, CaseRow.case_number, OperatorRow.name)
            .outerjoin(CaseRow, CaseRow.id == AuditRow.case_id)
            .outerjoin(OperatorRow, OperatorRow.id == AuditRow.operator_id)
            .order_by(AuditRow.seq.desc())
            .limit(limit)
        )
        if before_seq is not None:
            query = query.where(AuditRow.seq < before_seq)
        if where.operator_id:
            query = query.where(AuditRow.operator_id == where.operator_id)
        if where.action:
            query = query.where(AuditRow.action == where.action)
        if where.since is not None:
            query = query.where(AuditRow.at >= to_iso(_local_midnight(where.since)))
        if where.until is not None:
            query = query.where(
                AuditRow.at < to_iso(_local_midnight(where.until + timedelta(days=1)))
            )
        with self._db.read() as session:
            if where.case_ref:
                case_id = case_id_for(session, where.case_ref)  # unknown: case.not_found
                query = query.where(AuditRow.case_id == case_id)
            return [
                AuditLine(
                    r.seq,
                    from_iso(r.at),
                    r.operator_id,
                    name or "",
                    r.action,
                    r.case_id,
                    number,
                    r.detail,
                )
                for r, number, name in session.execute(query)
            ]

    def actions(self) -> list[str]:
        """The actions the log holds (for the viewer's filter)."""
        with self._db.read() as session:
            return list(
                session.scalars(select(AuditRow.action).distinct().order_by(AuditRow.action))
            )


def describe(verdict: AuditVerdict) -> str:
    """The verdict in one English sentence (the CLI's; the app says it in Chinese)."""
    if verdict.cancelled:
        return f"cancelled after {verdict.rows} rows, nothing wrong so far"
    if verdict.ok:
        missing = verdict.anchor is not AnchorState.OK
        note = " (no anchor yet: a cut tail would not show)" if missing else ""
        return f"intact: {verdict.rows} rows{note}"
    match verdict.problem:
        case Break.TRUNCATED:
            return (
                f"the newest {verdict.removed} rows were removed: "
                f"rows after seq {verdict.last_seq} are missing"
            )
        case Break.REWRITTEN:
            return f"row {verdict.first_bad_seq} differs from the anchor: the tail was replaced"
        case Break.ANCHOR_FORGED:
            return "the anchor file was not written by this station"
        case Break.REMOVED:
            return f"rows {verdict.missing_from} to {(verdict.first_bad_seq or 1) - 1} were removed"
        case Break.RELINKED:
            return f"the row before row {verdict.first_bad_seq} was altered"
        case _:
            return f"row {verdict.first_bad_seq} was altered"


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=CST)
