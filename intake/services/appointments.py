"""Appointments (预约) at the station: stored as the platform pushes them, checked in by card.

A pushed appointment is upserted by its platform id (pulling a page twice is harmless); a
check-in is one transaction: the appointment's ticket (intake.appointments: its place in
line is the slot's start), the appointment marked checked in, and an outbox row
``appointment.checkin`` that tells the platform. Rules: intake/appointments.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.appointments import (
    APPOINTMENT_CHANNEL,
    CHECKIN_OP,
    Appointment,
    AppointmentError,
    AppointmentStatus,
    CheckInState,
    check_in_state,
    parse_slot,
    place_in_line,
    refusal,
)
from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound
from intake.identity import clean_number
from intake.services import outbox
from intake.services.queue import QueueService, Ticket
from intake.store.appointment_models import AppointmentRow
from intake.store.db import Database

_TEXT_LIMITS = {"id": 36, "name": 120, "matter": 80, "title": 200, "queue": 20}


def pushed_problem(change: Mapping[str, Any]) -> str | None:
    """Why a pulled ``appointment`` change is malformed (None: it is well formed)."""
    for name in ("id", "id_number", "name", "title", "date", "start", "end", "queue"):
        value = change.get(name)
        if not isinstance(value, str) or not value.strip():
            return f"appointment: {name} must be a non-empty string"
        if len(value) > _TEXT_LIMITS.get(name, 40):
            return f"appointment: {name} is too long"
    if not isinstance(change.get("matter", ""), str):
        return "appointment: matter must be a string"
    if change.get("status", "booked") not in {"booked", "cancelled"}:
        return "appointment: status is booked or cancelled"
    try:
        parse_slot(change["date"], change["start"], change["end"])
    except ValueError as exc:
        return f"appointment: {exc}"[:200]
    return None


def apply_pushed_in(session: Session, change: Mapping[str, Any]) -> str:
    """Inside the pull's transaction: store or update one pushed appointment. A check-in
    already made here is never undone by a later push (the citizen holds the ticket)."""
    row = session.get(AppointmentRow, change["id"])
    fields = {
        "day": change["date"],
        "slot_start": change["start"],
        "slot_end": change["end"],
        "id_number": change["id_number"].strip().upper(),
        "name": change["name"].strip(),
        "matter": str(change.get("matter", "")),
        "title": change["title"].strip(),
        "queue_code": change["queue"],
    }
    status = change.get("status", AppointmentStatus.BOOKED.value)
    if row is None:
        session.add(
            AppointmentRow(id=change["id"], status=status, received_at=to_iso(now()), **fields)
        )
        return "applied"
    if row.status == AppointmentStatus.CHECKED_IN.value:
        return "skipped"
    before = (row.status, *(getattr(row, k) for k in fields))
    for key, value in fields.items():
        setattr(row, key, value)
    row.status = status
    return "applied" if before != (row.status, *fields.values()) else "skipped"


def _appointment(row: AppointmentRow) -> Appointment:
    day, start, end = parse_slot(row.day, row.slot_start, row.slot_end)
    return Appointment(
        id=row.id,
        day=day,
        start=start,
        end=end,
        id_number=row.id_number,
        name=row.name,
        matter=row.matter,
        title=row.title,
        queue=row.queue_code,
        status=AppointmentStatus(row.status),
        ticket_number=row.ticket_number,
        checked_in_at=from_iso(row.checked_in_at) if row.checked_in_at else None,
    )


#: Which of a citizen's appointments today the kiosk offers first.
_OFFER_ORDER = {
    CheckInState.OPEN: 0,
    CheckInState.TOO_EARLY: 1,
    CheckInState.DONE: 2,
    CheckInState.MISSED: 3,
    CheckInState.CANCELLED: 4,
}


class AppointmentService:
    def __init__(
        self, db: Database, queue: QueueService, *, clock: Callable[[], datetime] = now
    ) -> None:
        self._db = db
        self._queue = queue
        self._clock = clock

    def today_for(self, id_number: str) -> Appointment | None:
        """The appointment today of the card's holder the kiosk offers: one open for
        check-in first, else the next to open, else one already checked in or missed."""
        key = id_number.strip().upper()
        at = self._clock()
        day = local_date(at).isoformat()
        with self._db.read() as session:
            rows = session.scalars(
                select(AppointmentRow).where(
                    AppointmentRow.id_number == key, AppointmentRow.day == day
                )
            ).all()
            found = [_appointment(r) for r in rows]
        found.sort(key=lambda a: (_OFFER_ORDER[check_in_state(a, at)], a.start))
        return found[0] if found else None

    def get(self, appointment_id: str) -> Appointment:
        with self._db.read() as session:
            return _appointment(self._row(session, appointment_id))

    @staticmethod
    def _row(session: Session, appointment_id: str) -> AppointmentRow:
        row = session.get(AppointmentRow, appointment_id)
        if row is None:
            raise NotFound(
                "no such appointment",
                code="appointment.none",
                details={"appointment": appointment_id},
            )
        return row

    def day(self, on: str | None = None) -> list[Appointment]:
        """Every appointment of a day (today by default), by slot."""
        day = on or local_date(self._clock()).isoformat()
        with self._db.read() as session:
            rows = session.scalars(
                select(AppointmentRow)
                .where(AppointmentRow.day == day)
                .order_by(AppointmentRow.slot_start, AppointmentRow.id)
            ).all()
            return [_appointment(r) for r in rows]

    def check_in(
        self, appointment_id: str, id_number: str, *, channel: str = "kiosk"
    ) -> tuple[Appointment, Ticket]:
        """Check in by card: the ticket in the appointment's queue (placed at the slot's
        start), the appointment marked, the platform told; all in one transaction. The card
        read must be the appointment's holder's (``appointment.not_yours``)."""
        at = self._clock()
        with self._db.write() as session:
            row = self._row(session, appointment_id)
            if row.id_number != clean_number(id_number).upper():
                raise AppointmentError(
                    "the card read is not the appointment's holder's",
                    code="appointment.not_yours",
                )
            appointment = _appointment(row)
            if local_date(at) != appointment.day:
                raise AppointmentError(
                    "the appointment is for another day",
                    code="appointment.other_day",
                    details={"day": appointment.day.isoformat(), "slot": appointment.slot},
                )
            refused = refusal(appointment, at)
            if refused is not None:
                raise refused
            queues = {q.code: q for q in self._queue.queues_in(session)}
            queue = row.queue_code
            if queue not in queues or queues[queue].priority:
                queue = next(code for code, q in queues.items() if not q.priority)
            ticket = self._queue.take_in(
                session,
                queue,
                title=row.title,
                channel=APPOINTMENT_CHANNEL,
                queued_at=place_in_line(appointment),
            )
            row.status = AppointmentStatus.CHECKED_IN.value
            row.ticket_id = ticket.id
            row.ticket_number = ticket.number
            row.checked_in_at = to_iso(at)
            outbox.enqueue(
                session,
                entity="appointment",
                case_id=row.id,
                case_number=row.id,  # the wire wants one; an appointment has no case
                op=CHECKIN_OP,
                base_version=0,
                payload={
                    "appointment_id": row.id,
                    "checked_in_at": row.checked_in_at,
                    "ticket_number": ticket.number,
                    "queue": queue,
                    "channel": channel,
                },
            )
            session.flush()
            return _appointment(row), ticket


__all__ = ["AppointmentService", "apply_pushed_in", "pushed_problem"]
