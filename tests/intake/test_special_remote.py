"""A department's 特别程序 as the station pulls it (``case.special``): the clock pauses and
resumes, the same page applied twice changes nothing, and a malformed or refused step is a
pull conflict that never stops the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from intake.clock import CST
from intake.requests import parse_request
from intake.services.remote import change_problem
from intake.station import Station

Req = Callable[..., dict[str, Any]]
BASIS = "《中华人民共和国行政许可法》第四十五条"


def _special(case_id: str, active: bool, at: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "case.special",
        "case_id": case_id,
        "case_number": "",
        "active": active,
        "special_kind": "expert_review" if active else "",
        "reason": "申请人年龄信息需专家评审核实" if active else "评审结束",
        "legal_basis": BASIS if active else "",
        "at": at.isoformat(),
        "department": "县民政局",
        **extra,
    }


def test_a_pulled_special_procedure_pauses_the_clock_once(
    station: Station, make_request: Req
) -> None:
    case = station.cases.accept(parse_request(make_request(), today=date(2026, 11, 20)))
    start = _special(case.case_id, True, datetime(2026, 11, 23, 9, tzinfo=CST))
    end = _special(case.case_id, False, datetime(2026, 11, 25, 9, tzinfo=CST))
    assert station.apply_remote([start], "c1") == {"applied": 1, "skipped": 0, "conflicts": 0}
    view = station.cases.get(case.case_id)
    assert view.special_procedure is True
    assert view.history[-1].note == f"专家评审：申请人年龄信息需专家评审核实（依据：{BASIS}）"
    assert (view.history[-1].actor, view.history[-1].operator) == ("platform", "县民政局")
    assert station.apply_remote([start, end], "c2") == {"applied": 1, "skipped": 1, "conflicts": 0}
    view = station.cases.get(case.case_id)
    assert view.special_procedure is False
    assert view.deadline is not None and view.deadline.paused_days == 2
    assert view.deadline.promised_due == date(2026, 12, 1)  # as the core's own test computes
    items = station.inbox.items("clerk01")
    assert [i.summary.split("（")[0] for i in items[:2]] == [
        "县民政局：特别程序结束",
        "县民政局：特别程序开始",
    ]


def test_a_refused_or_malformed_step_is_a_conflict(station: Station, make_request: Req) -> None:
    case = station.cases.accept(parse_request(make_request(), today=date(2026, 11, 20)))
    at = datetime(2026, 11, 23, 9, tzinfo=CST)
    incomplete = _special(case.case_id, True, at, legal_basis="")
    not_running = _special(case.case_id, False, at)
    counts = station.apply_remote([incomplete, not_running], "c1")
    assert counts == {"applied": 0, "skipped": 0, "conflicts": 2}
    codes = [c["code"] for c in station.sync_state.get("pull_conflicts")]
    assert codes == ["case.special_procedure_incomplete", "case.special_procedure_state"]
    assert station.cases.get(case.case_id).special_procedure is False
    assert change_problem({**_special(case.case_id, True, at), "active": "yes"}) == (
        "active must be true or false"
    )
    assert "unknown special procedure" in str(
        change_problem(_special(case.case_id, True, at, special_kind="picnic"))
    )
    assert change_problem({**_special(case.case_id, True, at), "at": "2026-11-23T09:00"}) == (
        "at has no UTC offset"
    )
    assert change_problem(_special(case.case_id, True, at)) is None
