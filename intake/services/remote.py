"""What sync needs from the store besides the outbox: a key-value state and ``apply``.

``apply`` takes one pulled page and stores its changes and the next cursor in ONE local
transaction: a crash leaves either the page applied with its cursor or neither, so pulling
again is always safe. Applying is idempotent: a decision already recorded is skipped.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.clock import now, to_iso
from intake.errors import CatalogError, IllegalTransition, NotFound, WindowDeskError
from intake.services.catalogs import CatalogService, store_catalog
from intake.status import Actor, Status
from intake.store.db import Database
from intake.store.models import CalendarRow, CaseHistoryRow, OperatorRow, SyncStateRow
from intake.workdays import CalendarOverride, WorkCalendar

CURSOR_KEY = "pull_cursor"


def kv_get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SyncStateRow, key)
    return json.loads(row.value) if row else default


def kv_set(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(SyncStateRow, key)
    if row is None:
        session.add(SyncStateRow(key=key, value=text))
    else:
        row.value = text


class SyncStateStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self._db.read() as session:
            return kv_get(session, key, default)

    def set(self, key: str, value: Any) -> None:
        with self._db.write() as session:
            kv_set(session, key, value)


class CalendarStore:
    """The platform-pushed calendar data and the WorkCalendar built from it (cached)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._calendar: WorkCalendar | None = None

    def calendar(self) -> WorkCalendar:
        with self._lock:
            if self._calendar is not None:
                return self._calendar
        with self._db.read() as session:
            doc = session.scalar(select(CalendarRow.document).where(CalendarRow.id == 1))
        calendar = WorkCalendar(CalendarOverride.from_json(json.loads(doc)) if doc else None)
        with self._lock:
            self._calendar = calendar
        return calendar

    def merge_in(self, session: Session, pushed: Mapping[str, Any]) -> None:
        """Merge one push into the stored table (inside the caller's transaction)."""
        newer = CalendarOverride.from_json(pushed)
        row = session.get(CalendarRow, 1)
        current = CalendarOverride.from_json(json.loads(row.document)) if row else None
        merged = current.merged(newer) if current else newer
        text = json.dumps(merged.to_json(), ensure_ascii=False, sort_keys=True)
        if row is None:
            session.add(CalendarRow(id=1, document=text, updated_at=to_iso(now())))
        else:
            row.document, row.updated_at = text, to_iso(now())

    def invalidate(self) -> None:
        with self._lock:
            self._calendar = None


TransitionFn = Callable[..., Any]


class RemoteApplier:
    """Applies pulled pages (department decisions, catalogs, calendars, operators, notices)."""

    def __init__(
        self,
        db: Database,
        catalogs: CatalogService,
        calendars: CalendarStore,
        transition_in: TransitionFn,
        recompute: Callable[[], int],
    ) -> None:
        self._db = db
        self._catalogs = catalogs
        self._calendars = calendars
        self._transition_in = transition_in
        self._recompute = recompute

    def apply(self, changes: Sequence[Mapping[str, Any]], next_cursor: str) -> dict[str, int]:
        counts = {"applied": 0, "skipped": 0, "conflicts": 0}
        calendar_changed = catalog_changed = False
        with self._db.write() as session:
            for change in changes:
                kind = change.get("kind")
                if kind == "case.status":
                    outcome = self._case_status(session, change)
                elif kind == "catalog":
                    outcome = self._catalog(session, change)
                    catalog_changed = catalog_changed or outcome == "applied"
                elif kind == "calendar":
                    self._calendars.merge_in(session, change["document"])
                    calendar_changed, outcome = True, "applied"
                elif kind == "operator":
                    outcome = self._operator(session, change)
                elif kind == "notice":
                    notices = kv_get(session, "notices", [])
                    if change.get("id") not in {n.get("id") for n in notices}:
                        notices.append(dict(change))
                    kv_set(session, "notices", notices[-200:])
                    outcome = "applied"
                else:
                    outcome = self._conflict(
                        session, change, "sync.unknown_change", f"unknown change kind {kind!r}"
                    )
                counts[outcome] += 1
            kv_set(session, CURSOR_KEY, next_cursor)
        if catalog_changed:
            self._catalogs.invalidate()
        if calendar_changed:
            self._calendars.invalidate()
            self._recompute()
        return counts

    def _case_status(self, session: Session, change: Mapping[str, Any]) -> str:
        target = Status(change["status"])
        at = datetime.fromisoformat(change["at"])
        operator = str(change.get("department", "platform"))
        seen = session.scalar(
            select(CaseHistoryRow.id).where(
                CaseHistoryRow.case_id == change["case_id"],
                CaseHistoryRow.actor == Actor.PLATFORM.value,
                CaseHistoryRow.event == target.value,
                CaseHistoryRow.at == to_iso(at),
            )
        )
        if seen is not None:
            return "skipped"
        try:
            self._transition_in(
                session,
                change["case_id"],
                target,
                actor=Actor.PLATFORM,
                operator=operator,
                note=str(change.get("note", "")),
                at=at,
            )
        except (IllegalTransition, NotFound) as exc:
            return self._conflict(session, change, exc.code, exc.message)
        return "applied"

    def _catalog(self, session: Session, change: Mapping[str, Any]) -> str:
        document = change["document"]
        raw = document.encode("utf-8") if isinstance(document, str) else bytes(document)
        try:
            store_catalog(session, raw)
        except (CatalogError, WindowDeskError) as exc:
            return self._conflict(session, {"kind": "catalog"}, exc.code, exc.message)
        return "applied"

    def _operator(self, session: Session, change: Mapping[str, Any]) -> str:
        row = session.get(OperatorRow, change["id"])
        if row is None:
            row = OperatorRow(id=change["id"], created_at=to_iso(now()))
            session.add(row)
        row.name = change["name"]
        row.role = change["role"]
        row.password_hash = change.get("password_hash", row.password_hash or "")
        row.active = bool(change.get("active", True))
        return "applied"

    @staticmethod
    def _conflict(session: Session, change: Mapping[str, Any], code: str, message: str) -> str:
        """A change that cannot apply is kept for the supervisor, never blocks the page."""
        conflicts = kv_get(session, "pull_conflicts", [])
        conflicts.append(
            {"change": dict(change), "code": code, "message": message, "at": to_iso(now())}
        )
        kv_set(session, "pull_conflicts", conflicts[-500:])
        return "conflicts"


__all__ = ["CURSOR_KEY", "CalendarStore", "RemoteApplier", "SyncStateStore"]
