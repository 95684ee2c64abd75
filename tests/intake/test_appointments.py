"""预约: pushed appointments stored, checked in by card in one transaction, placed in line at
their slot's start; early, late, another's card, twice and none refused with typed codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.appointments import APPOINTMENT_CHANNEL, AppointmentError, CheckInState
from intake.appointments import check_in_state as state_of
from intake.errors import NotFound
from intake.services.appointments import AppointmentService
from intake.services.queue import QueueService
from intake.station import Station
from intake.store.appointment_models import AppointmentRow
from intake.store.models import OutboxRow

ID = "11010519491231002X"
OTHER = "110105194912310029"
DAY = "2026-11-20"


class Clock:
    """Local time in Changsha on DAY, moved by the test; a moment later at each read."""

    def __init__(self, hhmm: str) -> None:
        self.set(hhmm)

    def set(self, hhmm: str) -> None:
        hours, minutes = map(int, hhmm.split(":"))
        self.at = datetime(2026, 11, 20, hours - 8, minutes, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.at += timedelta(milliseconds=1)
        return self.at


def pushed(**overrides: Any) -> dict[str, Any]:
    change = {
        "kind": "appointment",
        "id": "a0000000-0000-4000-8000-000000000001",
        "id_number": ID,
        "name": "王秀英",
        "matter": "MZ-GLJT",
        "title": "高龄津贴申领",
        "date": DAY,
        "start": "10:00",
        "end": "10:30",
        "queue": "general",
        "status": "booked",
    }
    change.update(overrides)
    return change


@pytest.fixture
def station(data_dir: Path) -> Iterator[Station]:
    st = Station.open(data_dir)
    yield st
    st.close()


@pytest.fixture
def clock() -> Clock:
    return Clock("09:50")


@pytest.fixture
def service(station: Station, clock: Clock) -> AppointmentService:
    queue = QueueService(station.db, clock=clock)
    return AppointmentService(station.db, queue, clock=clock)


def pull(station: Station, *changes: dict[str, Any]) -> dict[str, int]:
    return station.apply_remote([{"seq": i + 1, **c} for i, c in enumerate(changes)], "c1")


def test_a_pushed_appointment_is_stored_once_and_offered_to_its_card(
    station: Station, service: AppointmentService
) -> None:
    assert pull(station, pushed())["applied"] == 1
    assert pull(station, pushed())["skipped"] == 1  # pulling the page again is harmless
    found = service.today_for(ID.lower())
    assert found is not None and (found.title, found.slot, found.name) == (
        "高龄津贴申领",
        "10:00–10:30",
        "王秀英",
    )
    assert service.today_for(OTHER) is None
    [item] = station.inbox.items("clerk01")[:1]
    assert "预约" in item.summary and "王*英" in item.summary and "王秀英" not in item.summary


def test_malformed_pushes_are_kept_aside_and_never_stored(station: Station) -> None:
    counts = pull(
        station,
        pushed(id="x1", start="10:30", end="10:00"),
        pushed(id="x2", date="2026-13-01"),
        pushed(id="x3", name=""),
        pushed(id="x" * 40),
    )
    assert counts == {"applied": 0, "skipped": 0, "conflicts": 4}
    with station.db.read() as session:
        assert session.scalars(select(AppointmentRow)).all() == []


def test_check_in_makes_the_ticket_marks_the_appointment_and_tells_the_platform(
    station: Station, service: AppointmentService, clock: Clock
) -> None:
    pull(station, pushed())
    queue = QueueService(station.db, clock=clock)
    clock.set("09:40")
    walk_in_before = queue.take("general", title="户籍证明")
    clock.set("10:05")
    walk_in_after = queue.take("general", title="户籍证明")
    appointment, ticket = service.check_in(pushed()["id"], ID)
    assert ticket.channel == APPOINTMENT_CHANNEL and ticket.queue == "general"
    assert ticket.title == "高龄津贴申领"
    # placed at its slot's start: after who waited since 09:40, before who came at 10:05
    assert ticket.ahead == 1
    assert queue.get(walk_in_after.id).ahead == 2
    called = [queue.call_next("1号窗口", "clerk01").number for _ in range(3)]
    assert called == [walk_in_before.number, ticket.number, walk_in_after.number]
    assert appointment.ticket_number == ticket.number
    assert state_of(appointment, clock()) is CheckInState.DONE
    with station.db.read() as session:
        [row] = session.scalars(select(OutboxRow).where(OutboxRow.entity == "appointment")).all()
    body = json.loads(row.payload_json)
    assert (row.op, row.entity_id, body["ticket_number"]) == (
        "appointment.checkin",
        appointment.id,
        ticket.number,
    )
    with pytest.raises(AppointmentError) as twice:
        service.check_in(appointment.id, ID)
    assert twice.value.code == "appointment.already_checked_in"


def test_an_early_check_in_waits_for_its_slot(
    station: Station, service: AppointmentService, clock: Clock
) -> None:
    pull(station, pushed())
    queue = QueueService(station.db, clock=clock)
    clock.set("09:35")
    _, ticket = service.check_in(pushed()["id"], ID)
    clock.set("09:45")
    walk_in = queue.take("general")
    assert queue.get(ticket.id).ahead == 1  # the 09:45 walk-in was there before 10:00
    assert walk_in.ahead == 0


@pytest.mark.parametrize(
    ("at", "code"),
    [("09:29", "appointment.too_early"), ("10:30", "appointment.missed")],
)
def test_too_early_and_too_late_are_refused_and_change_nothing(
    station: Station, service: AppointmentService, clock: Clock, at: str, code: str
) -> None:
    pull(station, pushed())
    clock.set(at)
    with pytest.raises(AppointmentError) as refused:
        service.check_in(pushed()["id"], ID)
    assert refused.value.code == code
    assert refused.value.details["slot"] == "10:00–10:30"
    assert refused.value.details["opens"] == "09:30"
    assert service.get(pushed()["id"]).ticket_number is None
    with station.db.read() as session:
        assert session.scalars(select(OutboxRow)).all() == []


def test_another_card_another_day_a_cancelled_or_unknown_appointment_is_refused(
    station: Station, service: AppointmentService
) -> None:
    pull(
        station,
        pushed(),
        pushed(id="tomorrow", date="2026-11-21"),
        pushed(id="cancelled", status="cancelled"),
    )
    for ref, card, code in (
        (pushed()["id"], OTHER, "appointment.not_yours"),
        ("tomorrow", ID, "appointment.other_day"),
        ("cancelled", ID, "appointment.cancelled"),
    ):
        with pytest.raises(AppointmentError) as refused:
            service.check_in(ref, card)
        assert refused.value.code == code
    with pytest.raises(NotFound) as unknown:
        service.check_in("nobody", ID)
    assert unknown.value.code == "appointment.none"


def test_the_open_appointment_is_offered_before_a_missed_one(
    station: Station, service: AppointmentService, clock: Clock
) -> None:
    pull(station, pushed(id="early", start="08:00", end="08:30"), pushed())
    found = service.today_for(ID)
    assert found is not None and found.id == pushed()["id"]


def test_a_later_push_never_undoes_a_check_in(
    station: Station, service: AppointmentService
) -> None:
    pull(station, pushed())
    service.check_in(pushed()["id"], ID)
    assert pull(station, pushed(status="cancelled", start="11:00", end="11:30"))["skipped"] == 1
    kept = service.get(pushed()["id"])
    assert kept.ticket_number is not None and kept.slot == "10:00–10:30"
