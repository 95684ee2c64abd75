"""办不成事 under the 125 rule: limits across a weekend, 中秋节 and 国庆节, the states, the
12345 hand-over, the marks, and input that is refused without writing anything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from intake.clock import CST
from intake.errors import RequestError, WindowDeskError
from intake.services.complaints import (
    ComplaintService,
    ComplaintState,
    Mark,
    timing,
)
from intake.station import Station
from intake.store.models import AuditRow, ComplaintRow
from intake.workdays import WorkCalendar

CAL = WorkCalendar()


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CST)


@pytest.mark.parametrize(
    ("recorded", "complex_", "due"),
    [
        # Thu 09-24: Fri 09-25 is 中秋节, then the weekend -> Mon 09-28, Tue 09-29
        (at(9, 24, 15), False, dt.date(2026, 9, 29)),
        # Wed 09-30: 国庆节 10-01..10-07 -> Thu 10-08, Fri 10-09
        (at(9, 30, 10), False, dt.date(2026, 10, 9)),
        # complex: 10-08 10-09 10-10 (make-up Saturday) 10-12 10-13
        (at(9, 30, 10), True, dt.date(2026, 10, 13)),
        # recorded on a holiday (a village station open on 10-03): counted from the next
        # working day on
        (at(10, 3, 9), False, dt.date(2026, 10, 9)),
        # Fri 10-09: the make-up Saturday counts, the Sunday not -> 10-10, 10-12
        (at(10, 9, 16), False, dt.date(2026, 10, 12)),
        # an ordinary week: Fri 11-20 -> Mon 11-23, Tue 11-24
        (at(11, 20, 9), False, dt.date(2026, 11, 24)),
        # 23:30 Beijing time is still that day (15:30 UTC)
        (at(11, 20, 23, 30), False, dt.date(2026, 11, 24)),
    ],
)
def test_close_limit_in_working_days(recorded: dt.datetime, complex_: bool, due: dt.date) -> None:
    t = timing(recorded, complex_, CAL)
    assert t.close_due == due
    assert t.dispatch_due == recorded + dt.timedelta(hours=1)


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.at = start

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def setup(station: Station) -> Iterator[tuple[ComplaintService, Clock, Station]]:
    clock = Clock(at(9, 30, 10))
    service = ComplaintService(station.db, station.calendars.calendar, clock=clock)
    yield service, clock, station


def test_a_complaint_through_its_states_with_marks(
    setup: tuple[ComplaintService, Clock, Station],
) -> None:
    service, clock, station = setup
    c = service.record(
        what="办理居住证被告知需回户籍地开证明",
        where_failed="综合窗口，材料审核环节",
        phone="13812345678",
        citizen_name="张三",
        operator_id="clerk01",
    )
    assert c.number == "CSX001-BC-20260930-001"
    assert c.state is ComplaintState.RECORDED
    assert (c.dispatch_due, c.close_due) == (at(9, 30, 11), dt.date(2026, 10, 9))
    assert c.mark(at(9, 30, 10, 30), CAL) is Mark.NONE
    assert c.mark(at(9, 30, 10, 50), CAL) is Mark.AMBER  # dispatch due in 10 minutes
    assert c.mark(at(9, 30, 11, 1), CAL) is Mark.RED  # not dispatched within the hour

    clock.at = at(9, 30, 10, 40)
    c = service.advance(c.number, ComplaintState.DISPATCHED, operator_id="super01", note="县公安局")
    assert c.dispatched_to == "县公安局" and not c.dispatch_late(at(10, 9, 9))
    assert c.mark(at(10, 7, 12), CAL) is Mark.NONE  # 国庆节: two working days still ahead
    assert c.mark(at(10, 8, 9), CAL) is Mark.AMBER  # due the next working day
    assert c.mark(at(10, 10, 9), CAL) is Mark.RED  # past Fri 10-09

    clock.at = at(10, 8, 9)
    c = service.hand_over_12345(c.id, "GD202610080001", operator_id="super01")
    assert c.hotline_ticket == "GD202610080001" and c.hotline_at == at(10, 8, 9)
    with pytest.raises(WindowDeskError) as twice:
        service.hand_over_12345(c.id, "GD2", operator_id="super01")
    assert twice.value.code == "complaint.hotline_done"

    c = service.advance(c.id, ComplaintState.HANDLED, operator_id="super01", note="已开具证明")
    clock.at = at(10, 9, 17)
    c = service.advance(c.id, ComplaintState.CLOSED, operator_id="super01", note="已回访，满意")
    assert c.state is ComplaintState.CLOSED and not c.close_late(clock.at)
    assert c.mark(at(10, 20, 9), CAL) is Mark.NONE  # closed in time stays unmarked
    with pytest.raises(WindowDeskError) as again:
        service.advance(c.id, ComplaintState.CLOSED, operator_id="super01", note="x")
    assert again.value.code == "complaint.state"
    with station.db.read() as s:
        details = s.scalars(
            select(AuditRow.detail).where(AuditRow.action == "complaint").order_by(AuditRow.seq)
        ).all()
    assert [d.split()[0] for d in details] == ["record", "dispatched", "12345", "handled", "closed"]


def test_skipping_a_step_and_a_late_close(setup: tuple[ComplaintService, Clock, Station]) -> None:
    service, clock, _ = setup
    c = service.record(
        what="x", where_failed="y", phone="0731-84011234", operator_id="clerk02", complex_=True
    )
    assert c.close_due == dt.date(2026, 10, 13)
    with pytest.raises(WindowDeskError) as skip:
        service.advance(c.id, ComplaintState.CLOSED, operator_id="super01", note="z")
    assert skip.value.code == "complaint.state"
    clock.at = at(9, 30, 12)  # dispatched two hours later: late
    c = service.advance(c.id, ComplaintState.DISPATCHED, operator_id="super01", note="县人社局")
    assert c.dispatch_late(clock.at)
    c = service.advance(c.id, ComplaintState.HANDLED, operator_id="super01", note="ok")
    clock.at = at(10, 14, 9)
    c = service.advance(c.id, ComplaintState.CLOSED, operator_id="super01", note="ok")
    assert c.close_late(clock.at) and c.mark(clock.at, CAL) is Mark.RED


def test_bad_input_lists_every_problem_and_writes_nothing(
    setup: tuple[ComplaintService, Clock, Station],
) -> None:
    service, _, station = setup
    with pytest.raises(RequestError) as err:
        service.record(what=" ", where_failed="", phone="12345", operator_id="clerk01")
    assert {(p.where, p.code) for p in err.value.problems} == {
        ("complaint.what", "request.required"),
        ("complaint.where_failed", "request.required"),
        ("complaint.phone", "request.phone"),
    }
    with pytest.raises(RequestError) as err:
        service.record(what="a\x1b[2J", where_failed="b", phone="", operator_id="clerk01")
    assert {p.code for p in err.value.problems} == {"request.control_char", "request.required"}
    with station.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 0


def test_each_operator_sees_their_own_a_supervisor_all(
    setup: tuple[ComplaintService, Clock, Station],
) -> None:
    service, clock, _ = setup
    a = service.record(what="a", where_failed="w", phone="13812345678", operator_id="clerk01")
    clock.at = at(9, 30, 11)
    b = service.record(
        what="b", where_failed="w", phone="13812345679", operator_id="clerk02", complex_=True
    )
    assert [c.number for c in service.list(operator_id="clerk01")] == [a.number]
    assert [c.number for c in service.list()] == [a.number, b.number]  # earliest due first
    assert b.number.endswith("-002")
    with pytest.raises(WindowDeskError) as missing:
        service.get("CSX001-BC-20260930-009")
    assert missing.value.code == "complaint.not_found"


def test_a_pulled_follow_up_moves_forward_never_back_and_an_unknown_one_is_kept(
    station: Station,
) -> None:
    """The platform's follow-up (sync ``complaint.followup``) as the pull applies it."""
    from intake.services.remote import PULL_CONFLICTS_KEY, kv_get

    c = station.complaints.record(
        what="证明开不出", where_failed="窗口", phone="13812345678", operator_id="clerk01"
    )
    assert [i.op for i in station.outbox.pending() if i.entity == "complaint"] == [
        "complaint.record"
    ]

    def followup(complaint_id: str, state: str, note: str) -> dict[str, int]:
        change = {
            "kind": "complaint.followup",
            "complaint_id": complaint_id,
            "number": c.number,
            "state": state,
            "at": "2026-12-01T08:00:00+00:00",
            "note": note,
            "by": "12345",
        }
        return station._remote.apply([change], "cursor-1")

    assert followup(c.id, "handled", "已处理")["applied"] == 1
    got = station.complaints.get(c.id)
    assert got.state is ComplaintState.HANDLED and got.handling_note == "已处理"
    assert got.dispatched_at is not None and got.dispatched_to == "12345"  # the skipped step
    assert followup(c.id, "dispatched", "重派")["applied"] == 1  # older: nothing moves back
    assert station.complaints.get(c.id).state is ComplaintState.HANDLED
    assert followup("no-such-id", "closed", "x")["conflicts"] == 1
    with station.db.read() as s:
        kept = kv_get(s, PULL_CONFLICTS_KEY, [])
    assert kept[-1]["code"] == "complaint.not_found"
    assert followup(c.id, "reopened", "x")["conflicts"] == 1  # not a follow-up state
