"""差评整改: a 不满意 / 非常不满意 rating opens a rectification item with its clock.

GB/T 39735 and 国办发〔2019〕51号: every 差评 is rectified and called back (回访) within 15
working days of the rating; a rating given by mistake (the wrong button, a rating of
another office's matter) may be appealed (申诉), and an upheld appeal takes the 差评 out of
the figures. The station records its own part: what was done, the call-back and the
appeal with the outcome it was told.

States: ``open`` (待整改) → ``rectified`` (已整改，待回访) → ``closed`` (已回访办结), the
call-back closing it only once the citizen was reached (an attempt that did not reach them
is counted and the item stays to be called again). An appeal may be filed once, from
``open`` or ``rectified`` (→ ``appealing``); upheld → ``withdrawn`` (申诉成立), rejected →
back where it was, its clock never stopped. Only a supervisor records these; each step is
an audit row in the same transaction.

Marks, as for 办不成事: red once the due date has passed without closing (a closed one stays
red if it closed late), amber when 3 working days or fewer are left.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound, Problem, RequestError, WindowDeskError
from intake.evaluation import LOW_LEVELS
from intake.services import audit
from intake.services.authz import require_supervisor
from intake.services.complaints import Mark
from intake.store.db import Database
from intake.store.models import CaseRow, RectificationRow, SyncStateRow
from intake.textcheck import text_problems
from intake.workdays import WorkCalendar

RECTIFY_WORKING_DAYS = 15
AMBER_DAYS = 3
TEXT_LIMIT = 500
_BACKFILLED = "rectifications.backfilled"


class RectificationState(StrEnum):
    OPEN = "open"  # 待整改
    RECTIFIED = "rectified"  # 已整改，待回访
    APPEALING = "appealing"  # 申诉中
    CLOSED = "closed"  # 已回访，办结
    WITHDRAWN = "withdrawn"  # 申诉成立，差评不计


DONE = frozenset({RectificationState.CLOSED, RectificationState.WITHDRAWN})


class RectificationError(WindowDeskError):
    code = "rectification.state"


@dataclass(frozen=True)
class Rectification:
    id: str
    case_id: str
    case_number: str
    department: str
    level: int
    comment: str
    reasons: tuple[str, ...]
    rated_at: dt.datetime
    due: dt.date
    state: RectificationState
    rectified_at: dt.datetime | None
    rectification: str
    callback_at: dt.datetime | None
    callback_reached: bool | None
    callback_view: str
    callback_attempts: int
    appeal_at: dt.datetime | None
    appeal_reason: str
    appeal_outcome: str  # "" / upheld / rejected
    appeal_note: str
    closed_at: dt.datetime | None

    def working_days_left(self, today: dt.date, calendar: WorkCalendar) -> int:
        return calendar.working_days_between(today, self.due)

    def late(self, at: dt.datetime) -> bool:
        return local_date(self.closed_at or at) > self.due

    def mark(self, at: dt.datetime, calendar: WorkCalendar) -> Mark:
        if self.state is RectificationState.WITHDRAWN:
            return Mark.NONE
        if self.late(at):
            return Mark.RED
        if self.state in DONE:
            return Mark.NONE
        if self.working_days_left(local_date(at), calendar) <= AMBER_DAYS:
            return Mark.AMBER
        return Mark.NONE


def _when(value: str | None) -> dt.datetime | None:
    return from_iso(value) if value else None


def _item(row: RectificationRow) -> Rectification:
    return Rectification(
        id=row.id,
        case_id=row.case_id,
        case_number=row.case_number,
        department=row.department,
        level=row.level,
        comment=row.comment,
        reasons=tuple(json.loads(row.reasons or "[]")),
        rated_at=from_iso(row.rated_at),
        due=dt.date.fromisoformat(row.due),
        state=RectificationState(row.state),
        rectified_at=_when(row.rectified_at),
        rectification=row.rectification,
        callback_at=_when(row.callback_at),
        callback_reached=row.callback_reached,
        callback_view=row.callback_view,
        callback_attempts=row.callback_attempts,
        appeal_at=_when(row.appeal_at),
        appeal_reason=row.appeal_reason,
        appeal_outcome=row.appeal_outcome,
        appeal_note=row.appeal_note,
        closed_at=_when(row.closed_at),
    )


def due_date(rated_at: dt.datetime, calendar: WorkCalendar) -> dt.date:
    """15 working days after the Beijing date of the rating (which does not count)."""
    return calendar.add_working_days(local_date(rated_at), RECTIFY_WORKING_DAYS).date


def open_in(
    session: Session,
    *,
    case_id: str,
    case_number: str,
    department: str,
    level: int,
    comment: str,
    reasons: Iterable[str],
    rated_at: dt.datetime,
    calendar: WorkCalendar,
    by: str = "system",
) -> bool:
    """Inside the rating's transaction: open the item for a 差评 (once per case and
    department). Returns whether one was opened."""
    if level not in LOW_LEVELS:
        return False
    exists = session.scalar(
        select(RectificationRow.id).where(
            RectificationRow.case_id == case_id, RectificationRow.department == department
        )
    )
    if exists is not None:
        return False
    stamp = to_iso(now())
    session.add(
        RectificationRow(
            id=str(uuid7()),
            case_id=case_id,
            case_number=case_number,
            department=department,
            level=level,
            comment=comment,
            reasons=json.dumps(list(reasons), ensure_ascii=False),
            rated_at=to_iso(rated_at),
            due=due_date(rated_at, calendar).isoformat(),
            state=RectificationState.OPEN.value,
            rectified_by="",
            rectification="",
            callback_by="",
            callback_view="",
            callback_attempts=0,
            appeal_by="",
            appeal_reason="",
            appeal_outcome="",
            appeal_note="",
            updated_at=stamp,
        )
    )
    audit.append(session, by, "rectification", case_id, f"open {case_number} {department}")
    return True


def _ratings(raw: str | None) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw) if raw else []
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    return [e for e in items if isinstance(e, dict)]


def _text(where: str, value: str, *, required: bool = True) -> list[Problem]:
    if required and not value.strip():
        return [Problem(where, "request.required", "this value is required")]
    return text_problems(where, value, TEXT_LIMIT, multiline=True)


def _check(problems: list[Problem]) -> None:
    if problems:
        raise RequestError(problems)


def _set(row: RectificationRow, **values: Any) -> None:
    for key, value in values.items():
        setattr(row, key, value)


class RectificationService:
    def __init__(
        self,
        db: Database,
        calendar: Callable[[], WorkCalendar],
        *,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._now = clock

    def calendar(self) -> WorkCalendar:
        return self._calendar()

    def now(self) -> dt.datetime:
        return self._now()

    # -- opening ------------------------------------------------------------------------------

    def open_missing(self) -> int:
        """Open the items of 差评 recorded before this table existed (once per store; later
        ratings open theirs in their own transaction). Returns how many were opened."""
        with self._db.write() as session:
            if session.get(SyncStateRow, _BACKFILLED) is not None:
                return 0
            calendar = self._calendar()
            opened = 0
            rows = session.execute(
                select(CaseRow.id, CaseRow.case_number, CaseRow.evaluation).where(
                    CaseRow.evaluation.is_not(None)
                )
            ).all()
            for case_id, number, raw in rows:
                for e in _ratings(raw):
                    level, at = e.get("level"), e.get("at")
                    if level not in LOW_LEVELS or not isinstance(at, str):
                        continue
                    opened += open_in(
                        session,
                        case_id=case_id,
                        case_number=number,
                        department=str(e.get("department") or ""),
                        level=int(level),
                        comment=str(e.get("reason") or ""),
                        reasons=[str(r) for r in e.get("reasons") or []],
                        rated_at=from_iso(at),
                        calendar=calendar,
                    )
            session.add(SyncStateRow(key=_BACKFILLED, value=json.dumps(opened)))
            return opened

    # -- the supervisor's steps ---------------------------------------------------------------

    def rectify(self, ref: str, what: str, *, by: str) -> Rectification:
        """What was done about the 差评 (整改措施)."""
        _check(_text("rectification.what", what))
        return self._step(
            ref,
            by,
            "rectified",
            {RectificationState.OPEN},
            lambda row, stamp: _set(
                row,
                state=RectificationState.RECTIFIED.value,
                rectified_at=stamp,
                rectified_by=by,
                rectification=what.strip(),
            ),
        )

    def call_back(self, ref: str, *, reached: bool, view: str, by: str) -> Rectification:
        """The call-back (回访): reached, with the citizen's view of the rectification (it
        closes the item); or not reached, counted, with what happened (the item stays)."""
        _check(_text("rectification.view", view, required=reached))

        def apply(row: RectificationRow, stamp: str) -> None:
            row.callback_at, row.callback_by = stamp, by
            row.callback_reached, row.callback_view = reached, view.strip()
            row.callback_attempts += 1
            if reached:
                row.state, row.closed_at = RectificationState.CLOSED.value, stamp

        what = "callback reached" if reached else "callback not_reached"
        return self._step(ref, by, what, {RectificationState.RECTIFIED}, apply)

    def appeal(self, ref: str, reason: str, *, by: str) -> Rectification:
        """申诉: the rating was given by mistake; once per item, before it is closed."""
        _check(_text("rectification.appeal_reason", reason))

        def apply(row: RectificationRow, stamp: str) -> None:
            if row.appeal_at is not None:
                raise RectificationError(
                    "this rating was appealed already", code="rectification.appeal_done"
                )
            row.state = RectificationState.APPEALING.value
            row.appeal_at, row.appeal_by, row.appeal_reason = stamp, by, reason.strip()

        allowed = {RectificationState.OPEN, RectificationState.RECTIFIED}
        return self._step(ref, by, "appeal", allowed, apply)

    def decide_appeal(self, ref: str, *, upheld: bool, note: str, by: str) -> Rectification:
        """The appeal's outcome as the platform's reviewer decided it: upheld withdraws the
        差评 (申诉成立); rejected returns the item to where it was, its clock still running."""
        _check(_text("rectification.appeal_note", note))

        def apply(row: RectificationRow, stamp: str) -> None:
            row.appeal_outcome = "upheld" if upheld else "rejected"
            row.appeal_decided_at, row.appeal_note = stamp, note.strip()
            if upheld:
                row.state, row.closed_at = RectificationState.WITHDRAWN.value, stamp
            else:
                back = RectificationState.RECTIFIED if row.rectified_at else RectificationState.OPEN
                row.state = back.value

        what = "appeal upheld" if upheld else "appeal rejected"
        return self._step(ref, by, what, {RectificationState.APPEALING}, apply)

    # -- reading ------------------------------------------------------------------------------

    def get(self, ref: str) -> Rectification:
        with self._db.read() as session:
            return _item(self._row(session, ref))

    def list(self, *, open_only: bool = False, limit: int = 500) -> list[Rectification]:
        """Open ones first, each group by due date."""
        query = select(RectificationRow)
        if open_only:
            query = query.where(RectificationRow.state.not_in([s.value for s in DONE]))
        query = query.order_by(
            RectificationRow.state.in_([s.value for s in DONE]),
            RectificationRow.due,
            RectificationRow.case_number,
        ).limit(limit)
        with self._db.read() as session:
            return [_item(r) for r in session.scalars(query)]

    # -- helpers ------------------------------------------------------------------------------

    def _step(
        self,
        ref: str,
        by: str,
        what: str,
        allowed: set[RectificationState],
        apply: Callable[[RectificationRow, str], None],
    ) -> Rectification:
        stamp = to_iso(self._now())
        with self._db.write() as session:
            require_supervisor(session, by)
            row = self._row(session, ref)
            current = RectificationState(row.state)
            if current not in allowed:
                raise RectificationError(
                    f"a rectification {current.value} cannot take this step ({what})",
                    details={"from": current.value, "step": what.split()[0]},
                )
            apply(row, stamp)
            row.updated_at = stamp
            audit.append(
                session,
                by,
                "rectification",
                row.case_id,
                f"{what} {row.case_number} {row.department}".strip(),
            )
            session.flush()
            return _item(row)

    @staticmethod
    def _row(session: Session, ref: str) -> RectificationRow:
        ref = ref.strip()
        row = session.get(RectificationRow, ref)
        if row is None:  # a case number: its first item (one per department)
            row = session.scalar(
                select(RectificationRow)
                .where(RectificationRow.case_number == ref.upper())
                .order_by(RectificationRow.department)
                .limit(1)
            )
        if row is None:
            raise NotFound(
                "no such rectification", code="rectification.not_found", details={"ref": ref}
            )
        return row
