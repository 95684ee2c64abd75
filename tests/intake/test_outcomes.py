"""A 办结 carries its result (准予 / 不予 / 终止): the state machine's rule, the record the
station keeps, what a pulled platform decision brings (法制审核: issue 10, item 3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from intake.clock import CST
from intake.errors import IllegalTransition
from intake.requests import parse_request
from intake.station import Station
from intake.status import Actor, Outcome, Status, check_outcome

Req = Callable[..., dict[str, Any]]
AT = datetime(2026, 11, 21, 9, 0, tzinfo=CST)
TODAY = date(2026, 11, 20)


def _code(target: Status, outcome: Outcome | None, reason: str, basis: str, actor: Actor) -> str:
    with pytest.raises(IllegalTransition) as err:
        check_outcome(target, outcome, reason, basis, actor)
    return err.value.code


def test_a_completion_names_its_result_and_a_refusal_its_grounds() -> None:
    p, s = Actor.PLATFORM, Actor.STATION
    assert _code(Status.COMPLETED, None, "", "", p) == "case.outcome_required"
    assert _code(Status.COMPLETED, Outcome.REFUSED, "", "某法", p) == "case.outcome_reason"
    assert _code(Status.COMPLETED, Outcome.TERMINATED, "撤回", " ", p) == "case.outcome_reason"
    assert _code(Status.COMPLETED, Outcome.REFUSED, "不符合", "某法", s) == "case.window_outcome"
    assert _code(Status.UNDERTAKEN, Outcome.GRANTED, "", "", p) == "case.outcome_not_here"
    check_outcome(Status.COMPLETED, Outcome.GRANTED, "", "", p)
    check_outcome(Status.COMPLETED, Outcome.REFUSED, "不符合条件", "《社会保险法》第五十八条", p)
    check_outcome(Status.UNDERTAKEN, None, "", "", p)


def _decisions(case_id: str, last: dict[str, Any]) -> list[dict[str, Any]]:
    steps = [
        {"kind": "case.status", "case_id": case_id, "status": s, "department": "县民政局"}
        for s in ("undertaken", "reviewed", "approved")
    ]
    steps.append({"kind": "case.status", "case_id": case_id, "department": "县民政局", **last})
    return [{**c, "at": (AT + timedelta(hours=i)).isoformat()} for i, c in enumerate(steps)]


def _accepted(station: Station, make_request: Req) -> Any:
    return station.cases.accept(parse_request(make_request(), today=TODAY))


def test_a_pulled_refusal_is_kept_with_its_reason_and_basis(
    station: Station, make_request: Req
) -> None:
    case = _accepted(station, make_request)
    refused = {
        "status": "completed",
        "outcome": "refused",
        "reason": "申请人年龄未满八十周岁",
        "legal_basis": "《湖南省高龄津贴发放办法》第五条",
    }
    assert station.apply_remote(_decisions(case.case_id, refused), "c1")["applied"] == 4
    view = station.cases.get(case.case_id)
    assert view.status is Status.COMPLETED and view.outcome is not None
    assert view.outcome.result is Outcome.REFUSED
    assert view.outcome.reason == "申请人年龄未满八十周岁"
    assert view.outcome.legal_basis == "《湖南省高龄津贴发放办法》第五条"
    assert view.outcome.decided_by == "县民政局"


def test_a_pulled_refusal_without_grounds_is_a_conflict_not_a_silent_grant(
    station: Station, make_request: Req
) -> None:
    case = _accepted(station, make_request)
    bare = {"status": "completed", "outcome": "refused"}
    assert station.apply_remote(_decisions(case.case_id, bare), "c1") == {
        "applied": 3,
        "skipped": 0,
        "conflicts": 1,
    }
    assert station.sync_state.get("pull_conflicts")[-1]["code"] == "case.outcome_reason"
    assert station.cases.get(case.case_id).status is Status.APPROVED
    odd = {"status": "completed", "outcome": "maybe"}
    assert station.apply_remote(_decisions(case.case_id, odd)[-1:], "c2")["conflicts"] == 1
    assert "unknown outcome" in station.sync_state.get("pull_conflicts")[-1]["message"]


def test_a_completion_from_an_older_platform_is_recorded_without_a_result(
    station: Station, make_request: Req
) -> None:
    case = _accepted(station, make_request)
    station.apply_remote(_decisions(case.case_id, {"status": "completed"}), "c1")
    view = station.cases.get(case.case_id)
    assert view.status is Status.COMPLETED and view.outcome is None


def test_the_outcome_travels_with_the_case_to_the_platform(
    station: Station, make_request: Req
) -> None:
    case = _accepted(station, make_request)
    granted = {"status": "completed", "outcome": "granted"}
    station.apply_remote(_decisions(case.case_id, granted), "c1")
    view = station.cases.transition(
        case.case_id, Status.DELIVERED, actor=Actor.STATION, operator="clerk01"
    )
    assert view.outcome is not None and view.outcome.result is Outcome.GRANTED
    payload = station.outbox.pending()[-1].payload
    assert payload["outcome"]["result"] == "granted"
