"""The inbox: every applied platform change becomes one item in the same transaction, and
each operator's "last seen" mark says what is new to them."""

from __future__ import annotations

from datetime import date

from intake.requests import parse_request
from intake.services.inbox import InboxKind
from intake.station import Station
from intake.status import Status
from tests.intake.conftest import mini_catalog_bytes, request

TODAY = date(2026, 11, 20)


def _decision(case_id: str, status: str, at: str, note: str = "") -> dict[str, object]:
    return {
        "kind": "case.status",
        "case_id": case_id,
        "status": status,
        "at": at,
        "department": "县民政局",
        "note": note,
    }


def test_applied_changes_arrive_in_the_inbox_unseen_until_looked_at(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    case_id = station.cases.get(number).id
    counts = station.apply_remote(
        [
            _decision(case_id, "undertaken", "2026-11-21T01:00:00+00:00"),
            _decision(case_id, "supplement", "2026-11-22T01:00:00+00:00", "请补户口簿首页"),
            {"kind": "catalog", "document": mini_catalog_bytes("T-9").decode()},
            {"kind": "operator", "id": "clerk09", "name": "新同事", "role": "clerk"},
            {"kind": "notice", "id": "n1", "title": "明日系统维护"},
        ],
        "c1",
    )
    assert counts["applied"] == 5
    items = station.inbox.items("clerk01")
    assert [i.kind for i in items] == [
        InboxKind.NOTICE,
        InboxKind.OPERATOR,
        InboxKind.CATALOG,
        InboxKind.SUPPLEMENT_REQUEST,
        InboxKind.DECISION,
    ]
    assert all(i.unseen for i in items)
    request_item = items[3]
    assert request_item.case_number == number and request_item.case_id == case_id
    assert "县民政局" in request_item.summary and "请补户口簿首页" in request_item.summary
    assert items[0].summary == "明日系统维护"
    assert station.inbox.unseen_count("clerk01") == 5
    mark = station.inbox.mark_seen("clerk01")
    assert station.inbox.unseen_count("clerk01") == 0
    assert station.inbox.unseen_count("clerk02") == 5  # per operator
    assert station.inbox.mark_seen("clerk01", upto=1) == mark  # the mark never moves back
    assert station.cases.get(number).status is Status.SUPPLEMENT


def test_a_skipped_or_conflicting_change_is_not_in_the_inbox(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    case_id = station.cases.get(number).id
    decision = _decision(case_id, "undertaken", "2026-11-21T01:00:00+00:00")
    station.apply_remote([decision], "c1")
    counts = station.apply_remote(
        [decision, _decision(case_id, "delivered", "2026-11-21T02:00:00+00:00")], "c2"
    )
    assert counts == {"applied": 0, "skipped": 1, "conflicts": 1}
    assert len(station.inbox.items("clerk01")) == 1
    before = station.inbox.last_seq()
    station.apply_remote([_decision(case_id, "reviewed", "2026-11-23T01:00:00+00:00")], "c3")
    [new] = station.inbox.since(before)
    assert new.kind is InboxKind.DECISION and new.case_number == number
