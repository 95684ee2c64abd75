"""差评整改: a low rating opens its item with the 15-working-day clock; the supervisor records
what was done, the call-back and an appeal with its outcome; each step is audited; a clerk
is refused; the dashboard stops listing a 差评 once it is closed or withdrawn."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from intake.clock import CST
from intake.errors import AuthError, RequestError, WindowDeskError
from intake.requests import parse_request
from intake.services.complaints import Mark
from intake.services.rectifications import RectificationError as RectificationStateError
from intake.services.rectifications import RectificationState
from intake.station import Station
from intake.stats.figures import Period
from intake.store.models import AuditRow, RectificationRow, SyncStateRow, table_of
from tests.intake.conftest import NOW

TODAY = NOW.astimezone(CST).date()  # Friday 2026-11-20


def _rated(station: Station, make_request: Any, level: int) -> str:
    case = station.cases.accept(parse_request(make_request(), today=TODAY))
    reasons = ("waiting",) if level <= 2 else ()
    comment = "等了一个小时" if level <= 2 else ""
    station.cases.evaluate(case.case_id, level, comment, operator="clerk01", reasons=reasons)
    return str(case.case_number)


def _details(station: Station) -> list[str]:
    with station.db.read() as s:
        return list(s.scalars(select(AuditRow.detail).where(AuditRow.action == "rectification")))


def test_a_low_rating_opens_an_item_with_its_clock(station: Station, make_request: Any) -> None:
    low = _rated(station, make_request, 1)
    _rated(station, make_request, 4)  # a good rating opens nothing
    items = station.rectifications.list()
    assert [i.case_number for i in items] == [low]
    item = items[0]
    assert item.state is RectificationState.OPEN and item.level == 1
    assert item.comment == "等了一个小时" and item.reasons == ("waiting",)
    # rated Fri 11-20 (not counted): 15 working days → Fri 12-11 (no holiday in between)
    assert item.due == dt.date(2026, 12, 11)
    calendar = station.rectifications.calendar()
    at = dt.datetime(2026, 11, 23, 9, tzinfo=CST)
    assert (
        item.working_days_left(at.date(), calendar) == 14 and item.mark(at, calendar) is Mark.NONE
    )
    amber = dt.datetime(2026, 12, 8, 9, tzinfo=CST)  # 3 working days left
    assert item.mark(amber, calendar) is Mark.AMBER
    red = dt.datetime(2026, 12, 14, 9, tzinfo=CST)
    assert item.mark(red, calendar) is Mark.RED
    assert _details(station) == [f"open {low} {item.department}".strip()]


def test_rectified_then_called_back(station: Station, make_request: Any) -> None:
    number = _rated(station, make_request, 2)
    svc = station.rectifications
    with pytest.raises(RectificationStateError):
        svc.call_back(number, reached=True, view="满意", by="super01")  # not rectified yet
    with pytest.raises(RequestError):
        svc.rectify(number, "  ", by="super01")
    item = svc.rectify(number, "增设取号提醒，高峰期加开窗口", by="super01")
    assert item.state is RectificationState.RECTIFIED and item.rectified_at is not None
    item = svc.call_back(number, reached=False, view="电话无人接听", by="super01")
    assert item.state is RectificationState.RECTIFIED and item.callback_attempts == 1
    with pytest.raises(RequestError):  # reached: the citizen's view is required
        svc.call_back(number, reached=True, view="", by="super01")
    item = svc.call_back(number, reached=True, view="群众表示满意", by="super01")
    assert item.state is RectificationState.CLOSED and item.callback_attempts == 2
    assert item.callback_reached is True and item.callback_view == "群众表示满意"
    assert svc.list(open_only=True) == []
    dept = item.department
    assert _details(station)[1:] == [
        f"{step} {number} {dept}".strip()
        for step in ("rectified", "callback not_reached", "callback reached")
    ]


def test_an_appeal_upheld_withdraws_the_rating(station: Station, make_request: Any) -> None:
    number = _rated(station, make_request, 1)
    svc = station.rectifications
    item = svc.appeal(number, "群众误按评价器，已书面确认", by="super01")
    assert item.state is RectificationState.APPEALING
    with pytest.raises(WindowDeskError) as err:
        svc.rectify(number, "…", by="super01")  # while appealing
    assert err.value.code == "rectification.state"
    item = svc.decide_appeal(number, upheld=True, note="申诉成立，差评不计", by="super01")
    assert item.state is RectificationState.WITHDRAWN and item.appeal_outcome == "upheld"
    at = dt.datetime(2027, 1, 4, 9, tzinfo=CST)
    assert item.mark(at, svc.calendar()) is Mark.NONE  # withdrawn: no clock


def test_an_appeal_rejected_returns_and_is_filed_once(station: Station, make_request: Any) -> None:
    number = _rated(station, make_request, 2)
    svc = station.rectifications
    svc.rectify(number, "约谈窗口人员", by="super01")
    svc.appeal(number, "评价对象有误", by="super01")
    item = svc.decide_appeal(number, upheld=False, note="申诉不成立", by="super01")
    assert item.state is RectificationState.RECTIFIED and item.appeal_outcome == "rejected"
    with pytest.raises(WindowDeskError) as err:
        svc.appeal(number, "再次申诉", by="super01")
    assert err.value.code == "rectification.appeal_done"


def test_a_clerk_is_refused(station: Station, make_request: Any) -> None:
    number = _rated(station, make_request, 1)
    with pytest.raises(AuthError):
        station.rectifications.rectify(number, "x", by="clerk01")
    assert station.rectifications.get(number).state is RectificationState.OPEN


def test_ratings_from_before_the_table_are_opened_once(station: Station, make_request: Any) -> None:
    number = _rated(station, make_request, 1)
    with station.db.write() as s:  # as if rated before migration 0140
        s.execute(table_of(RectificationRow).delete())
    assert station.rectifications.list() == []
    assert station.rectifications.open_missing() == 1
    assert [i.case_number for i in station.rectifications.list()] == [number]
    assert station.rectifications.open_missing() == 0  # once per store
    with station.db.read() as s:
        assert s.get(SyncStateRow, "rectifications.backfilled") is not None


def test_the_dashboard_stops_listing_a_closed_one(station: Station, make_request: Any) -> None:
    first = _rated(station, make_request, 1)
    second = _rated(station, make_request, 2)
    period = Period(TODAY, TODAY)
    listed = {r.case_number for r in station.stats.dashboard(period, today=TODAY).low_ratings}
    assert listed == {first, second}
    svc = station.rectifications
    svc.rectify(first, "已整改", by="super01")
    svc.call_back(first, reached=True, view="认可", by="super01")
    svc.appeal(second, "误评", by="super01")
    listed = {r.case_number for r in station.stats.dashboard(period, today=TODAY).low_ratings}
    assert listed == {second}  # appealing: still awaiting
    svc.decide_appeal(second, upheld=True, note="成立", by="super01")
    assert station.stats.dashboard(period, today=TODAY).low_ratings == ()
