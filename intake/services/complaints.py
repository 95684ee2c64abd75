"""办不成事: a citizen who could not get something done records it, and the "125" rule
(../shared/DOMAIN.md) times its follow-up: dispatched within 1 hour, closed within 2 working
days (ordinary) or 5 (complex).

States: recorded → dispatched (to whoever must solve it) → handled → closed. The hand-over
to the 12345 hotline (its 工单号) may be recorded at any time before closing; it does not stop
the station's own clock. Anyone may record a complaint and follow up the ones they recorded;
supervisors see and follow up all of them (``list(operator_id=None)``).

Timing: the dispatch limit is one clock hour after recording; the close limit is counted in
working days from the Beijing date of recording, which itself does not count (a complaint
recorded on a holiday or a weekend is due 2 working days after it, e.g. recorded Wed 09-30
before 国庆节 → due Fri 10-09). Marks: red when a limit has passed, amber when the dispatch
limit is less than 15 minutes away or the close limit is today or the next working day.

Synced: every step queues the whole complaint for the platform in its own transaction
(outbox entity ``complaint``: ``complaint.record`` then ``complaint.update``), recorded
offline like everything else. The platform (the 12345 centre or the department it was
dispatched to) follows it up and the station pulls that back as ``complaint.followup``
(``apply_followup``): the state moves forward to the platform's, never back, with the
platform's note, audited by ``platform``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound, Problem, RequestError, WindowDeskError
from intake.numbering import next_value
from intake.requests import PHONE
from intake.services import audit
from intake.services.outbox import enqueue
from intake.store.db import Database
from intake.store.models import ComplaintRow, StationRow
from intake.textcheck import DEFAULT_LIMITS as LIMITS
from intake.textcheck import text_problems
from intake.workdays import WorkCalendar

DISPATCH_WITHIN = dt.timedelta(hours=1)
ORDINARY_DAYS = 2
COMPLEX_DAYS = 5
DISPATCH_WARNING = dt.timedelta(minutes=15)
TEXT_LIMIT = 1000


class ComplaintState(StrEnum):
    RECORDED = "recorded"  # 已登记
    DISPATCHED = "dispatched"  # 已派单
    HANDLED = "handled"  # 已处理
    CLOSED = "closed"  # 已办结（已回访）


class Mark(StrEnum):
    NONE = ""
    AMBER = "amber"  # a limit is near
    RED = "red"  # a limit has passed


_NEXT = {
    ComplaintState.RECORDED: ComplaintState.DISPATCHED,
    ComplaintState.DISPATCHED: ComplaintState.HANDLED,
    ComplaintState.HANDLED: ComplaintState.CLOSED,
}


class ComplaintError(WindowDeskError):
    code = "complaint.error"


@dataclass(frozen=True)
class Timing:
    dispatch_due: dt.datetime
    close_due: dt.date


def timing(recorded_at: dt.datetime, complex_: bool, calendar: WorkCalendar) -> Timing:
    """The 125 limits of a complaint recorded at ``recorded_at``."""
    days = COMPLEX_DAYS if complex_ else ORDINARY_DAYS
    return Timing(
        recorded_at + DISPATCH_WITHIN,
        calendar.add_working_days(local_date(recorded_at), days).date,
    )


@dataclass(frozen=True)
class Complaint:
    id: str
    number: str
    recorded_at: dt.datetime
    operator_id: str
    citizen_name: str
    phone: str
    what: str
    where_failed: str
    complex: bool
    case_number: str | None
    state: ComplaintState
    dispatch_due: dt.datetime
    close_due: dt.date
    dispatched_at: dt.datetime | None
    dispatched_to: str
    handled_at: dt.datetime | None
    handling_note: str
    closed_at: dt.datetime | None
    closing_note: str
    hotline_ticket: str
    hotline_at: dt.datetime | None

    def dispatch_late(self, at: dt.datetime) -> bool:
        done = self.dispatched_at or at
        return done > self.dispatch_due

    def close_late(self, at: dt.datetime) -> bool:
        done = self.closed_at or at
        return local_date(done) > self.close_due

    def working_days_left(self, today: dt.date, calendar: WorkCalendar) -> int:
        return calendar.working_days_between(today, self.close_due)

    def mark(self, at: dt.datetime, calendar: WorkCalendar) -> Mark:
        """Red / amber / none for a list, as of ``at`` (a closed one keeps red if it was late)."""
        if self.state is ComplaintState.CLOSED:
            return Mark.RED if self.close_late(at) or self.dispatch_late(at) else Mark.NONE
        if self.close_late(at) or (self.dispatched_at is None and at > self.dispatch_due):
            return Mark.RED
        if self.dispatched_at is None and at > self.dispatch_due - DISPATCH_WARNING:
            return Mark.AMBER
        if self.working_days_left(local_date(at), calendar) <= 1:
            return Mark.AMBER
        return Mark.NONE


def _complaint(row: ComplaintRow) -> Complaint:
    def when(v: str | None) -> dt.datetime | None:
        return from_iso(v) if v else None

    return Complaint(
        id=row.id,
        number=row.number,
        recorded_at=from_iso(row.recorded_at),
        operator_id=row.operator_id,
        citizen_name=row.citizen_name,
        phone=row.phone,
        what=row.what,
        where_failed=row.where_failed,
        complex=bool(row.complex),
        case_number=row.case_number,
        state=ComplaintState(row.state),
        dispatch_due=from_iso(row.dispatch_due),
        close_due=dt.date.fromisoformat(row.close_due),
        dispatched_at=when(row.dispatched_at),
        dispatched_to=row.dispatched_to,
        handled_at=when(row.handled_at),
        handling_note=row.handling_note,
        closed_at=when(row.closed_at),
        closing_note=row.closing_note,
        hotline_ticket=row.hotline_ticket,
        hotline_at=when(row.hotline_at),
    )


def wire(row: ComplaintRow) -> dict[str, Any]:
    """The complaint as the platform receives it (docs/sync-openapi.yaml, ComplaintPayload)."""
    return {
        "complaint": {
            "id": row.id,
            "number": row.number,
            "recorded_at": row.recorded_at,
            "operator_id": row.operator_id,
            "citizen_name": row.citizen_name,
            "phone": row.phone,
            "what": row.what,
            "where_failed": row.where_failed,
            "complex": bool(row.complex),
            "case_number": row.case_number,
            "state": row.state,
            "dispatch_due": row.dispatch_due,
            "close_due": row.close_due,
            "dispatched_at": row.dispatched_at,
            "dispatched_to": row.dispatched_to,
            "handled_at": row.handled_at,
            "handling_note": row.handling_note,
            "closed_at": row.closed_at,
            "closing_note": row.closing_note,
            "hotline_ticket": row.hotline_ticket,
            "hotline_at": row.hotline_at,
            "updated_at": row.updated_at,
        }
    }


def _queue(session: Session, row: ComplaintRow, op: str) -> None:
    """Queue the complaint for the platform in the caller's transaction."""
    enqueue(
        session,
        case_id=row.id,
        case_number=row.number,
        op=op,
        base_version=0,
        payload=wire(row),
        entity="complaint",
    )


#: The platform's follow-up states, in order (a pulled one moves the complaint forward only)
_ORDER = {s: i for i, s in enumerate(ComplaintState)}


def _text(where: str, value: str, *, required: bool, limit: int = TEXT_LIMIT) -> list[Problem]:
    if required and not value.strip():
        return [Problem(where, "request.required", "this value is required")]
    return text_problems(where, value, limit, multiline=True)


class ComplaintService:
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

    def record(
        self,
        *,
        what: str,
        where_failed: str,
        phone: str,
        operator_id: str,
        citizen_name: str = "",
        complex_: bool = False,
        case_number: str | None = None,
    ) -> Complaint:
        """Record a complaint; every problem with the input is listed, nothing is written."""
        what, where_failed, phone = what.strip(), where_failed.strip(), phone.strip()
        citizen_name = citizen_name.strip()
        problems = [
            *_text("complaint.what", what, required=True),
            *_text("complaint.where_failed", where_failed, required=True),
            *_text("complaint.citizen_name", citizen_name, required=False, limit=LIMITS.name),
        ]
        if not phone:
            problems.append(Problem("complaint.phone", "request.required", "a contact phone"))
        elif not PHONE.fullmatch(phone):
            problems.append(Problem("complaint.phone", "request.phone", "not a phone number"))
        if problems:
            raise RequestError(problems)
        stamp = self._now()
        limits = timing(stamp, complex_, self._calendar())
        with self._db.write() as session:
            code = session.scalar(select(StationRow.code).where(StationRow.id == 1)) or "WD"
            day = local_date(stamp)
            seq = next_value(session, f"complaint:{day:%Y%m%d}")
            row = ComplaintRow(
                id=str(uuid7()),
                number=f"{code}-BC-{day:%Y%m%d}-{seq:03d}",
                recorded_at=to_iso(stamp),
                operator_id=operator_id,
                citizen_name=citizen_name,
                phone=phone,
                what=what,
                where_failed=where_failed,
                complex=complex_,
                case_number=(case_number or "").strip().upper() or None,
                state=ComplaintState.RECORDED.value,
                dispatch_due=to_iso(limits.dispatch_due),
                close_due=limits.close_due.isoformat(),
                dispatched_to="",
                handling_note="",
                closing_note="",
                hotline_ticket="",
                updated_at=to_iso(stamp),
            )
            session.add(row)
            audit.append(session, operator_id, "complaint", None, f"record {row.number}")
            _queue(session, row, "complaint.record")
            session.flush()
            return _complaint(row)

    def advance(
        self, ref: str, target: ComplaintState, *, operator_id: str, note: str = ""
    ) -> Complaint:
        """Move a complaint one step: dispatched (``note`` names to whom), handled (what was
        done), closed (the outcome told to the citizen)."""
        problems = _text(f"complaint.{target.value}", note, required=True)
        if problems:
            raise RequestError(problems)
        stamp = to_iso(self._now())
        with self._db.write() as session:
            row = self._row(session, ref)
            current = ComplaintState(row.state)
            if _NEXT.get(current) is not target:
                raise ComplaintError(
                    f"a complaint {current.value} cannot become {target.value}",
                    code="complaint.state",
                    details={"from": current.value, "to": target.value},
                )
            row.state = target.value
            if target is ComplaintState.DISPATCHED:
                row.dispatched_at, row.dispatched_to = stamp, note.strip()
            elif target is ComplaintState.HANDLED:
                row.handled_at, row.handling_note = stamp, note.strip()
            else:
                row.closed_at, row.closing_note = stamp, note.strip()
            row.updated_at = stamp
            audit.append(session, operator_id, "complaint", None, f"{target.value} {row.number}")
            _queue(session, row, "complaint.update")
            session.flush()
            return _complaint(row)

    def hand_over_12345(self, ref: str, ticket: str, *, operator_id: str) -> Complaint:
        """Record the hand-over to the 12345 hotline with its 工单号 (once)."""
        ticket = ticket.strip()
        problems = _text("complaint.hotline_ticket", ticket, required=True, limit=40)
        if problems:
            raise RequestError(problems)
        stamp = to_iso(self._now())
        with self._db.write() as session:
            row = self._row(session, ref)
            if row.hotline_ticket:
                raise ComplaintError("already handed over to 12345", code="complaint.hotline_done")
            if row.state == ComplaintState.CLOSED.value:
                raise ComplaintError(
                    "a closed complaint is not handed over",
                    code="complaint.state",
                    details={"from": row.state, "to": "12345"},
                )
            row.hotline_ticket, row.hotline_at, row.updated_at = ticket, stamp, stamp
            audit.append(session, operator_id, "complaint", None, f"12345 {row.number}")
            _queue(session, row, "complaint.update")
            session.flush()
            return _complaint(row)

    def get(self, ref: str) -> Complaint:
        with self._db.read() as session:
            return _complaint(self._row(session, ref))

    def list(
        self, *, operator_id: str | None = None, open_only: bool = False, limit: int = 500
    ) -> list[Complaint]:
        """Open ones first, each group by close date. ``operator_id``
        None: all (a supervisor); otherwise the ones that operator recorded."""
        query = select(ComplaintRow)
        if operator_id is not None:
            query = query.where(ComplaintRow.operator_id == operator_id)
        if open_only:
            query = query.where(ComplaintRow.state != ComplaintState.CLOSED.value)
        query = query.order_by(
            (ComplaintRow.state == ComplaintState.CLOSED.value),
            ComplaintRow.close_due,
            ComplaintRow.recorded_at,
        ).limit(limit)
        with self._db.read() as session:
            return [_complaint(r) for r in session.scalars(query)]

    @staticmethod
    def _row(session: Session, ref: str) -> ComplaintRow:
        ref = ref.strip()
        row = session.get(ComplaintRow, ref) or session.scalar(
            select(ComplaintRow).where(ComplaintRow.number == ref.upper())
        )
        if row is None:
            raise NotFound("no such complaint", code="complaint.not_found", details={"ref": ref})
        return row


def apply_followup(session: Session, change: Mapping[str, Any]) -> str:
    """A pulled ``complaint.followup`` inside the applier's transaction: the platform's
    state (dispatched / handled / closed) and note. The complaint moves forward to it (the
    steps it skipped take the platform's time); a state it has reached already changes
    nothing but is audited. Returns "applied", or raises NotFound for an unknown one."""
    row = session.get(ComplaintRow, str(change["complaint_id"]))
    if row is None:
        raise NotFound(
            "no such complaint at this station",
            code="complaint.not_found",
            details={"ref": str(change["complaint_id"])},
        )
    target = ComplaintState(str(change["state"]))
    note = str(change.get("note") or "").strip()
    who = str(change.get("by") or "platform")
    at = to_iso(from_iso(str(change["at"])))
    current = ComplaintState(row.state)
    if _ORDER[target] > _ORDER[current]:
        for state in list(ComplaintState)[_ORDER[current] + 1 : _ORDER[target] + 1]:
            text = note if state is target else ""
            if state is ComplaintState.DISPATCHED:
                row.dispatched_at, row.dispatched_to = at, text or who
            elif state is ComplaintState.HANDLED:
                row.handled_at, row.handling_note = at, text
            elif state is ComplaintState.CLOSED:
                row.closed_at, row.closing_note = at, text
        row.state = target.value
        row.updated_at = to_iso(now())
        detail = f"platform {target.value} {row.number}"
    else:
        detail = f"platform {target.value} {row.number} (already {current.value})"
    audit.append(session, "platform", "complaint", None, detail)
    return "applied"
