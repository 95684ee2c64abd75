"""行政许可法第三十二条: a 接件 not accepted or told what to supplement within five working
days counts as accepted from the day of receipt. The station lists those waiting with their
day, and a late decision starts the clock at receipt (法制审核: issue 10, item 5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from intake.clock import CST
from intake.requests import parse_request
from intake.station import Station
from intake.status import Actor, Event, Status

Req = Callable[..., dict[str, Any]]
FRIDAY = date(2026, 11, 20)  # the fixture's today; the fifth working day after is 11-27


def _kiosk(station: Station, make_request: Req) -> Any:
    raw = make_request(channel="kiosk", decision="receive")
    return station.cases.accept(parse_request(raw, today=FRIDAY))


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 10, 0, tzinfo=CST)


def test_a_receipt_lists_its_decision_day_and_is_marked_once_it_passed(
    station: Station, make_request: Req
) -> None:
    case = _kiosk(station, make_request)
    waiting = station.cases.undecided(date(2026, 11, 27))
    assert [(w.case.case_number, w.decide_by, w.deemed_accepted) for w in waiting] == [
        (case.case_number, date(2026, 11, 27), False)
    ]
    assert station.cases.undecided(date(2026, 11, 30))[0].deemed_accepted


def test_a_decision_within_five_working_days_starts_the_clock_that_day(
    station: Station, make_request: Req
) -> None:
    case = _kiosk(station, make_request)
    station.cases._now = lambda: _at(27)
    view = station.cases.transition(
        case.case_id, Status.ACCEPTED, actor=Actor.STATION, operator="clerk01"
    )
    assert view.accepted_at == _at(27)
    assert Event.DEEMED_ACCEPTED.value not in [h.event for h in view.history]
    assert station.cases.undecided(date(2026, 12, 10)) == []


def test_a_late_acceptance_counts_from_the_day_of_receipt(
    station: Station, make_request: Req
) -> None:
    case = _kiosk(station, make_request)
    on_time = _kiosk(station, make_request)
    station.cases._now = lambda: _at(27)
    prompt = station.cases.transition(
        on_time.case_id, Status.ACCEPTED, actor=Actor.STATION, operator="clerk01"
    )
    station.cases._now = lambda: _at(30)
    view = station.cases.transition(
        case.case_id, Status.ACCEPTED, actor=Actor.STATION, operator="clerk01"
    )
    assert view.accepted_at == case_received(station, case.case_id)
    deemed = [h for h in view.history if h.event == Event.DEEMED_ACCEPTED.value]
    assert len(deemed) == 1 and "第三十二条" in deemed[0].note
    assert view.deadline is not None and prompt.deadline is not None
    # the clock ran from 11-20, not from 11-30: due five working days before the prompt one
    assert view.deadline.promised_due is not None and prompt.deadline.promised_due is not None
    assert view.deadline.promised_due < prompt.deadline.promised_due


def test_a_late_supplement_request_pauses_a_clock_that_started_at_receipt(
    station: Station, make_request: Req
) -> None:
    raw = make_request(channel="kiosk", decision="receive")
    case = station.cases.accept(parse_request(raw, today=FRIDAY))
    station.cases._now = lambda: _at(30)
    view = station.cases.transition(
        case.case_id, Status.SUPPLEMENT, actor=Actor.STATION, operator="clerk01", note="缺户口簿"
    )
    assert view.status is Status.SUPPLEMENT
    assert [h.event for h in view.history][-2:] == [Event.DEEMED_ACCEPTED.value, "supplement"]


def case_received(station: Station, case_id: str) -> datetime:
    return station.cases.get(case_id).received_at
