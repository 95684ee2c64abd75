"""预约 (appointments) the platform pushes: when one may be checked in, and its place in line.

The rules, Qt-free and without the store:

- **Window.** Check-in opens ``EARLY_MINUTES`` (30) before the slot starts and closes when
  the slot ends. Earlier is ``appointment.too_early`` (come back at …), later
  ``appointment.missed`` (take an ordinary ticket), another day's appointment is not
  today's; a card without one today is ``appointment.none``.
- **Place in line.** A checked-in appointment gets an ordinary ticket of the appointment's
  queue whose place in line (``queued_at``, what call-next orders by) is the slot's start:
  it goes ahead of every walk-in who took a ticket since its slot began, and behind those
  who were already waiting before. Checked in early, it waits as if it had arrived at its
  slot's start (walk-ins who came before the slot go first, as they were there first).
  The priority queue's rule (the elderly and disabled first, an ordinary one after three
  priority calls) is unchanged: an appointment is an ordinary ticket with an earlier place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from intake.clock import CST
from intake.errors import WindowDeskError

#: Check-in opens this many minutes before the slot starts.
EARLY_MINUTES = 30
#: The ticket channel of a checked-in appointment (the counter marks it 预约).
APPOINTMENT_CHANNEL = "appointment"
#: The outbox op that tells the platform an appointment was checked in.
CHECKIN_OP = "appointment.checkin"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"


class CheckInState(StrEnum):
    """Where an appointment stands at a given instant (what the kiosk offers)."""

    OPEN = "open"  # check in now
    TOO_EARLY = "too_early"
    MISSED = "missed"
    DONE = "done"  # already checked in
    CANCELLED = "cancelled"


class AppointmentError(WindowDeskError):
    code = "appointment.error"


@dataclass(frozen=True)
class Appointment:
    id: str
    day: date
    start: time
    end: time
    id_number: str
    name: str
    matter: str
    title: str
    queue: str
    status: AppointmentStatus
    ticket_number: str | None = None
    checked_in_at: datetime | None = None

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start, tzinfo=CST)

    @property
    def ends_at(self) -> datetime:
        return datetime.combine(self.day, self.end, tzinfo=CST)

    @property
    def opens_at(self) -> datetime:
        return self.starts_at - timedelta(minutes=EARLY_MINUTES)

    @property
    def slot(self) -> str:
        """09:00–09:30, as shown and printed."""
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def check_in_state(appointment: Appointment, at: datetime) -> CheckInState:
    if appointment.status is AppointmentStatus.CHECKED_IN:
        return CheckInState.DONE
    if appointment.status is AppointmentStatus.CANCELLED:
        return CheckInState.CANCELLED
    if at < appointment.opens_at:
        return CheckInState.TOO_EARLY
    if at >= appointment.ends_at:
        return CheckInState.MISSED
    return CheckInState.OPEN


#: The refusal each state that is not OPEN gives, with its English text.
REFUSALS: dict[CheckInState, tuple[str, str]] = {
    CheckInState.TOO_EARLY: ("appointment.too_early", "check-in opens 30 minutes before the slot"),
    CheckInState.MISSED: ("appointment.missed", "the appointment's slot has passed"),
    CheckInState.DONE: ("appointment.already_checked_in", "this appointment was checked in"),
    CheckInState.CANCELLED: ("appointment.cancelled", "this appointment was cancelled"),
}


def refusal(appointment: Appointment, at: datetime) -> AppointmentError | None:
    """Why ``appointment`` cannot be checked in at ``at`` (None: it can)."""
    state = check_in_state(appointment, at)
    if state is CheckInState.OPEN:
        return None
    code, text = REFUSALS[state]
    return AppointmentError(
        text,
        code=code,
        details={
            "slot": appointment.slot,
            "opens": f"{appointment.opens_at:%H:%M}",
            "ticket": appointment.ticket_number or "",
        },
    )


def place_in_line(appointment: Appointment) -> datetime:
    """The ticket's place in line: its slot's start (see the module's docstring)."""
    return appointment.starts_at


def parse_slot(day: str, start: str, end: str) -> tuple[date, time, time]:
    """A pushed slot (``2026-12-01``, ``09:00``, ``09:30``), checked; ValueError otherwise."""
    parsed_day = date.fromisoformat(day)
    first, last = time.fromisoformat(start), time.fromisoformat(end)
    if len(start) != 5 or len(end) != 5 or last <= first:
        raise ValueError(f"bad slot {start!r}–{end!r}")
    return parsed_day, first, last
