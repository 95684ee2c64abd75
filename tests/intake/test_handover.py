"""The hand-over list (交接清单): village cases' paper, by case and material, handed on once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.errors import WindowDeskError
from intake.requests import parse_request
from intake.station import Station
from intake.store.models import AuditRow, HandoverItemRow

TODAY = date(2026, 11, 20)
Req = Callable[..., dict[str, Any]]


def village(station: Station, make_request: Req, **overrides: Any) -> str:
    raw = make_request(channel="village", operator="agent01", **overrides)
    return station.cases.accept(parse_request(raw, today=TODAY)).case_number


def test_the_list_holds_accepted_village_cases_with_their_paper(
    station: Station, make_request: Req
) -> None:
    first = village(
        station,
        make_request,
        materials={
            "M_ID": "original",
            "M_HKB": "original",
            "M_PROOF": {"state": "copy", "copies": 3},
        },
    )
    licence = village(
        station,
        make_request,
        materials={"M_ID": "original", "M_HKB": {"state": "licence", "licence_number": "HK1"}},
    )
    station.cases.accept(parse_request(make_request(), today=TODAY))  # at the counter: not listed
    village(  # 补正: the papers wait with the agent
        station,
        make_request,
        materials={"M_ID": "original", "M_HKB": "missing"},
        decision="supplement",
    )
    pending = station.handover.pending()
    assert [c.case_number for c in pending] == [first, licence]
    by_id = {m.material_id: m for m in pending[0].materials}
    assert set(by_id) == {"M_ID", "M_HKB", "M_PROOF"}
    assert (by_id["M_PROOF"].state, by_id["M_PROOF"].copies) == ("copy", 3)
    assert pending[0].copies == 5
    assert [m.material_id for m in pending[1].materials] == ["M_ID"]  # 电子证照: no paper
    assert pending[0].applicant_name and pending[0].title == "高龄津贴申请"


def test_handing_over_records_who_and_to_whom_once(station: Station, make_request: Req) -> None:
    a = village(station, make_request)
    b = village(station, make_request)
    batch = station.handover.hand_over(
        [a], handed_by="王芳", received_by="刘洋", operator_id="agent01"
    )
    assert batch.number.endswith("-01") and "-JJ-" in batch.number
    assert (batch.handed_by, batch.received_by) == ("王芳", "刘洋")
    assert [c.case_number for c in batch.cases] == [a]
    assert batch.copies == 2
    assert [c.case_number for c in station.handover.pending()] == [b]
    with pytest.raises(WindowDeskError) as again:
        station.handover.hand_over([a, b], handed_by="王芳", received_by="刘洋", operator_id="x")
    assert again.value.code == "handover.already"
    assert [c.case_number for c in station.handover.pending()] == [b]  # nothing half-done
    second = station.handover.hand_over(
        [b], handed_by="王芳", received_by="刘洋", operator_id="agent01", note="第二批"
    )
    assert second.number.endswith("-02")
    assert station.handover.pending() == []
    assert [x.number for x in station.handover.batches()] == [second.number, batch.number]
    assert station.handover.batch(batch.number) == batch
    actions = [e.action for e in station.audit.for_case(a)]
    assert actions.count("handover") == 1


def test_a_hand_over_needs_both_names_and_something_to_hand(
    station: Station, make_request: Req
) -> None:
    a = village(station, make_request)
    with station.db.read() as s:
        audits = s.scalar(select(func.count()).select_from(AuditRow))
    for handed_by, received_by in (("", "刘洋"), ("王芳", "  ")):
        with pytest.raises(WindowDeskError) as missing:
            station.handover.hand_over(
                [a], handed_by=handed_by, received_by=received_by, operator_id="agent01"
            )
        assert missing.value.code == "handover.names_required"
    with pytest.raises(WindowDeskError) as nothing:
        station.handover.hand_over([], handed_by="王芳", received_by="刘洋", operator_id="a")
    assert nothing.value.code == "handover.nothing"
    with pytest.raises(WindowDeskError) as unknown:
        station.handover.hand_over(["NOPE"], handed_by="王芳", received_by="刘洋", operator_id="a")
    assert unknown.value.code == "case.not_found"
    with station.db.read() as s:
        assert s.scalar(select(func.count()).select_from(HandoverItemRow)) == 0
        assert s.scalar(select(func.count()).select_from(AuditRow)) == audits
    with pytest.raises(WindowDeskError) as gone:
        station.handover.batch("NOPE")
    assert gone.value.code == "handover.not_found"
