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
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake.clock import now, to_iso
from intake.errors import CatalogError, WindowDeskError
from intake.services import appointments, audit, complaints, inbox, notice_terms
from intake.services.catalogs import CatalogService, store_catalog
from intake.services.operators import Role
from intake.status import Actor, Event, Outcome, SpecialKind, Status
from intake.store.db import Database
from intake.store.models import (
    CalendarRow,
    CaseHistoryRow,
    OperatorLoginRow,
    OperatorRow,
    SyncStateRow,
)
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
        special_in: TransitionFn | None = None,
    ) -> None:
        self._db = db
        self._special_in = special_in
        self._catalogs = catalogs
        self._calendars = calendars
        self._transition_in = transition_in
        self._recompute = recompute

    def apply(self, changes: Sequence[Mapping[str, Any]], next_cursor: str) -> dict[str, int]:
        """Apply a page and store ``next_cursor`` with it. A change that is malformed or
        cannot apply becomes a pull conflict with its reason (``pull_conflicts``) and never
        stops the page: one bad change must not stall the station's sync for ever."""
        counts = {"applied": 0, "skipped": 0, "conflicts": 0}
        calendar_changed = catalog_changed = False
        with self._db.write() as session:
            for change in changes:
                problem = change_problem(change)
                if problem is not None:
                    counts[self._conflict(session, change, "sync.change_invalid", problem)] += 1
                    continue
                kind = change["kind"]
                try:
                    # A savepoint per change: a change that fails half-way leaves nothing.
                    with session.begin_nested():
                        outcome = self._one(session, kind, change)
                        if outcome == "applied":  # the inbox shows what applied, with it
                            inbox.record_in(session, change)
                except (ValueError, TypeError, KeyError, AttributeError, IntegrityError) as exc:
                    reason = f"{type(exc).__name__}: {exc}"[:300]
                    outcome = self._conflict(session, change, "sync.change_invalid", reason)
                catalog_changed = catalog_changed or (kind == "catalog" and outcome == "applied")
                calendar_changed = calendar_changed or (kind == "calendar" and outcome == "applied")
                counts[outcome] += 1
            kv_set(session, CURSOR_KEY, next_cursor)
        if catalog_changed:
            self._catalogs.invalidate()
        if calendar_changed:
            self._calendars.invalidate()
            self._recompute()
        return counts

    def _one(self, session: Session, kind: str, change: Mapping[str, Any]) -> str:
        if kind == "case.status":
            return self._case_status(session, change)
        if kind == SPECIAL_CHANGE:
            return self._case_special(session, change)
        if kind == "catalog":
            return self._catalog(session, change)
        if kind == "calendar":
            self._calendars.merge_in(session, change["document"])
            return "applied"
        if kind == "operator":
            return self._operator(session, change)
        if kind == "appointment":
            return appointments.apply_pushed_in(session, change)
        if kind == "complaint.followup":
            try:
                return complaints.apply_followup(session, change)
            except WindowDeskError as exc:  # an unknown complaint: kept, never blocks
                return self._conflict(session, change, exc.code, exc.message)
        notices = kv_get(session, "notices", [])
        if change.get("id") not in {n.get("id") for n in notices}:
            notices.append(dict(change))
        kv_set(session, "notices", notices[-200:])
        return "applied"

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
                outcome=Outcome(change["outcome"]) if change.get("outcome") else None,
                reason=str(change.get("reason", "")),
                legal_basis=str(change.get("legal_basis", "")),
            )
        except WindowDeskError as exc:  # IllegalTransition, NotFound, any other refusal
            return self._conflict(session, change, exc.code, exc.message)
        asked = change.get("supplement_request")
        if target is Status.SUPPLEMENT and asked is not None:  # what the department asks for
            notice_terms.record_supplement_request_in(
                session,
                change["case_id"],
                asked,
                at=at,
                department=operator,
                calendar=self._calendars.calendar(),
            )
        return "applied"

    def _case_special(self, session: Session, change: Mapping[str, Any]) -> str:
        """A department's 特别程序 start or end: the case's clock pauses or resumes."""
        active = bool(change["active"])
        at = datetime.fromisoformat(change["at"])
        event = Event.SPECIAL_START if active else Event.SPECIAL_END
        seen = session.scalar(
            select(CaseHistoryRow.id).where(
                CaseHistoryRow.case_id == change["case_id"],
                CaseHistoryRow.actor == Actor.PLATFORM.value,
                CaseHistoryRow.event == event.value,
                CaseHistoryRow.at == to_iso(at),
            )
        )
        if seen is not None:
            return "skipped"
        if self._special_in is None:
            return self._conflict(session, change, "sync.change_invalid", "not supported here")
        kind = str(change.get("special_kind") or "")
        try:
            self._special_in(
                session,
                change["case_id"],
                active,
                actor=Actor.PLATFORM,
                operator=str(change.get("department") or "platform"),
                note=str(change.get("reason", "")),
                at=at,
                kind=SpecialKind(kind) if kind else None,
                legal_basis=str(change.get("legal_basis", "")),
            )
        except WindowDeskError as exc:  # already running, not being handled, incomplete …
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
        """The platform's operator list wins when it arrives: name, role, active and (when
        sent) the password verifier become the platform's, whatever was changed here since.
        A locally disabled operator the platform lists as active is active again, and the
        other way round. The station's own login state (a lock-out, a forced change) stays,
        except that a new verifier from the platform ends a forced change of the old one."""
        row = session.get(OperatorRow, change["id"])
        before = None if row is None else (row.name, row.role, row.active)
        if row is None:
            row = OperatorRow(id=change["id"], created_at=to_iso(now()))
            session.add(row)
        new_hash = change.get("password_hash")
        if new_hash is not None and new_hash != row.password_hash:
            login = session.get(OperatorLoginRow, change["id"])
            if login is not None:
                login.must_change_password = False
        row.name = change["name"]
        row.role = change["role"]
        row.password_hash = change.get("password_hash", row.password_hash or "")
        row.active = bool(change.get("active", True))
        after = (row.name, row.role, row.active)
        if before != after or new_hash is not None:
            detail = f"{row.id}: {_op_text(before)} → {_op_text(after)}"
            audit.append(session, "platform", "operator.platform", None, detail)
        return "applied"

    @staticmethod
    def _conflict(session: Session, change: Mapping[str, Any], code: str, message: str) -> str:
        """A change that cannot apply is kept for the supervisor, never blocks the page."""
        kept: dict[str, Any] = dict(change) if isinstance(change, Mapping) else {}
        try:
            json.dumps(kept, ensure_ascii=False).encode("utf-8")
        except (TypeError, ValueError):  # not JSON, or a lone surrogate: keep an escaped copy
            kept = {"raw": json.dumps(change, ensure_ascii=True, default=repr)[:4000]}
        conflicts = kv_get(session, PULL_CONFLICTS_KEY, [])
        conflicts.append({"change": kept, "code": code, "message": message, "at": to_iso(now())})
        kv_set(session, PULL_CONFLICTS_KEY, conflicts[-500:])
        return "conflicts"


def _op_text(state: tuple[str, str, bool] | None) -> str:
    if state is None:
        return "(new)"
    name, role, active = state
    return f"{name} {role} {'active' if active else 'disabled'}"


#: Where pull conflicts are kept (the latest 500), for the supervisor and ``sync status``.
PULL_CONFLICTS_KEY = "pull_conflicts"
#: A department's 特别程序 start or end (``sync.hub.special``).
SPECIAL_CHANGE = "case.special"
_KINDS = frozenset(
    {
        "case.status",
        SPECIAL_CHANGE,
        "catalog",
        "calendar",
        "operator",
        "notice",
        "appointment",
        "complaint.followup",
    }
)
_SPECIAL_KINDS = frozenset(k.value for k in SpecialKind)
_FOLLOWUP_STATES = frozenset({"dispatched", "handled", "closed"})
_DECISIONS = frozenset(s.value for s in Status)
_OUTCOMES = frozenset(o.value for o in Outcome)
_ROLES = frozenset(r.value for r in Role)


def _text(change: Mapping[str, Any], name: str, *, required: bool = True) -> str | None:
    value = change.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        return f"{name} must be a non-empty string" if required else f"{name} must be a string"
    return None


def change_problem(change: Any) -> str | None:
    """Why a pulled change cannot be applied as it stands, or None. Checks shape only; the
    rules (state machine, catalog loader) still decide whether a well-formed change applies."""
    if not isinstance(change, Mapping):
        return "a change must be an object"
    kind = change.get("kind")
    if kind not in _KINDS:
        return f"unknown change kind {str(kind)[:40]!r}"
    if kind == "case.status":
        for name in ("case_id", "status", "at"):
            if (problem := _text(change, name)) is not None:
                return problem
        for name in ("department", "note"):
            if (problem := _text(change, name, required=False)) is not None:
                return problem
        if change["status"] not in _DECISIONS:
            return f"unknown status {change['status'][:40]!r}"
        for name in ("outcome", "reason", "legal_basis"):
            if (problem := _text(change, name, required=False)) is not None:
                return problem
        if change.get("outcome") and change["outcome"] not in _OUTCOMES:
            return f"unknown outcome {change['outcome'][:40]!r}"
        if change.get("supplement_request") is not None:
            if change["status"] != Status.SUPPLEMENT.value:
                return "a supplement_request belongs to a 补正 (status supplement)"
            if problem := notice_terms.supplement_request_problem(change["supplement_request"]):
                return problem
        try:
            at = datetime.fromisoformat(change["at"])
        except ValueError:
            return f"at is not an ISO 8601 time: {change['at'][:40]!r}"
        if at.tzinfo is None:
            return "at has no UTC offset"
    elif kind == SPECIAL_CHANGE:
        for name in ("case_id", "at"):
            if (problem := _text(change, name)) is not None:
                return problem
        for name in ("department", "reason", "legal_basis", "special_kind"):
            if (problem := _text(change, name, required=False)) is not None:
                return problem
        if not isinstance(change.get("active"), bool):
            return "active must be true or false"
        if change.get("special_kind") and change["special_kind"] not in _SPECIAL_KINDS:
            return f"unknown special procedure {change['special_kind'][:40]!r}"
        try:
            at = datetime.fromisoformat(change["at"])
        except ValueError:
            return f"at is not an ISO 8601 time: {change['at'][:40]!r}"
        if at.tzinfo is None:
            return "at has no UTC offset"
    elif kind == "appointment":
        return appointments.pushed_problem(change)
    elif kind == "catalog":
        if not isinstance(change.get("document"), str | bytes):
            return "a catalog change needs its document"
    elif kind == "calendar":
        if not isinstance(change.get("document"), Mapping):
            return "a calendar change needs its document (an object)"
    elif kind == "operator":
        for name in ("id", "name", "role"):
            if (problem := _text(change, name)) is not None:
                return f"operator change: {problem}"
        if change["role"] not in _ROLES:
            return f"operator change: unknown role {change['role'][:20]!r}"
        if (problem := _text(change, "password_hash", required=False)) is not None:
            return f"operator change: {problem}"
        if not isinstance(change.get("active", True), bool):
            return "operator change: active must be true or false"
    elif kind == "complaint.followup":
        for name in ("complaint_id", "state", "at"):
            if (problem := _text(change, name)) is not None:
                return f"complaint follow-up: {problem}"
        for name in ("number", "note", "by"):
            if (problem := _text(change, name, required=False)) is not None:
                return f"complaint follow-up: {problem}"
        if change["state"] not in _FOLLOWUP_STATES:
            return f"complaint follow-up: unknown state {change['state'][:20]!r}"
        try:
            at = datetime.fromisoformat(change["at"])
        except ValueError:
            return f"complaint follow-up: at is not an ISO 8601 time: {change['at'][:40]!r}"
        if at.tzinfo is None:
            return "complaint follow-up: at has no UTC offset"
    return None


__all__ = [
    "CURSOR_KEY",
    "PULL_CONFLICTS_KEY",
    "SPECIAL_CHANGE",
    "CalendarStore",
    "RemoteApplier",
    "SyncStateStore",
    "change_problem",
]
