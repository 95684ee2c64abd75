"""The window's follow-ups (issue 12): 补正 → 受理 with the one-time-notice rule, 容缺 due →
received, 告知承诺 核查, 送达 with the collector recorded, 撤件 with its reason, and the
applicant's visits counted (跑动次数) in the same transaction as each act."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from intake.errors import IllegalTransition, RequestError, WindowDeskError
from intake.requests import MaterialInput, parse_request
from intake.services.followups import Collector, Delivery, DeliveryMethod
from intake.station import Station
from intake.status import Actor, Event, Status, VisitKind
from intake.store.models import CaseHistoryRow, DeliveryRow, OutboxRow
from intake.views import MaterialState
from tests.intake.conftest import request
from tests.intake.test_legal_substance import catalog_doc

TODAY = date(2026, 11, 20)


def _supplement_case(station: Station) -> str:
    raw = request(
        materials={"M_ID": "original", "M_HKB": {"state": "missing", "note": "户口簿未带"}},
        decision="supplement",
    )
    return station.cases.accept(parse_request(raw, today=TODAY)).case_number


def _visits(station: Station, ref: str) -> list[str]:
    view = station.cases.get(ref)
    return [h.note for h in view.history if h.event == Event.VISITED.value]


def test_every_intake_records_the_applicants_visit(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    assert _visits(station, number) == ["intake"]
    assert station.visits.count(number) == 1
    assert station.visits.for_case(number) == {VisitKind.INTAKE: 1}
    # the visit travels to the platform with the case (in the create's history)
    [item] = station.outbox.pending()
    assert [h["event"] for h in item.payload["history"]][-1] == "visited"


def test_supplement_materials_handed_in_then_accepted(station: Station) -> None:
    number = _supplement_case(station)
    assert [c.case_number for c in station.followups.supplement_waiting()] == [number]
    view = station.followups.receive_supplement(
        number, {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    assert view.status is Status.ACCEPTED
    assert view.accepted_at is not None and view.deadline is not None
    assert _visits(station, number) == ["intake", "supplement"]
    assert station.visits.count(number) == 2
    assert station.followups.supplement_waiting() == []


def test_a_partial_hand_in_keeps_the_case_waiting_on_the_same_list(station: Station) -> None:
    raw = request(
        materials={"M_ID": "missing", "M_HKB": "missing"},
        decision="supplement",
    )
    number = station.cases.accept(parse_request(raw, today=TODAY)).case_number
    view = station.followups.receive_supplement(
        number, {"M_ID": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    assert view.status is Status.SUPPLEMENT  # M_HKB still to come
    view = station.followups.receive_supplement(
        number, {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    assert view.status is Status.ACCEPTED
    assert station.visits.for_case(number) == {VisitKind.INTAKE: 1, VisitKind.SUPPLEMENT: 2}


def test_the_one_time_notice_forbids_asking_for_more(station: Station) -> None:
    number = _supplement_case(station)
    before = station.cases.get(number)
    # M_ID was received and not listed: the station may not now find it missing or wanting
    for given in (
        MaterialInput(MaterialState.MISSING),
        MaterialInput(MaterialState.ORIGINAL, copies=1, note="复印件不清晰，请补交"),
    ):
        with pytest.raises(RequestError) as err:
            station.followups.receive_supplement(
                number,
                {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1), "M_ID": given},
                operator="clerk01",
            )
        [problem] = err.value.details["problems"]
        assert (problem["where"], problem["code"]) == ("materials.M_ID", "supplement.not_listed")
    after = station.cases.get(number)
    assert after.version == before.version and after.materials == before.materials  # nothing


def test_a_second_supplement_by_the_window_is_refused(station: Station) -> None:
    number = _supplement_case(station)
    station.followups.receive_supplement(
        number, {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    # the state machine never offers 受理 → 补正 to the station, and the core refuses a
    # second notice even where a path would exist
    with pytest.raises(IllegalTransition):
        station.cases.transition(number, Status.SUPPLEMENT, actor=Actor.STATION, operator="c")
    with station.db.write() as session, pytest.raises(IllegalTransition) as err:
        station.cases._check_first_supplement(session, station.cases.get(number).id)
    assert err.value.code == "supplement.second_notice"


def test_a_department_supplement_request_is_the_departments_list(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    station.cases.transition(
        number, Status.SUPPLEMENT, actor=Actor.PLATFORM, operator="县民政局", note="请补户口簿首页"
    )
    # the department asked: the window records what the department listed, even a material
    # it had received at intake
    view = station.followups.receive_supplement(
        number,
        {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1, note="首页缺失，已补")},
        operator="clerk01",
    )
    assert view.status is Status.SUPPLEMENT
    view = station.followups.receive_supplement(
        number, {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    assert view.status is Status.ACCEPTED


def test_receive_supplement_only_on_a_waiting_case(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    with pytest.raises(WindowDeskError) as err:
        station.followups.receive_supplement(number, {}, operator="clerk01")
    assert err.value.code == "supplement.not_waiting"


def _deferred_case(station: Station, promised: date) -> str:
    raw = request(
        materials={
            "M_ID": "original",
            "M_HKB": {"state": "deferred", "promised_date": promised.isoformat()},
        }
    )
    return station.cases.accept(parse_request(raw, today=TODAY)).case_number


def test_deferred_due_and_overdue_then_received(station: Station) -> None:
    due = _deferred_case(station, date(2026, 11, 23))
    later = _deferred_case(station, date(2026, 11, 26))
    listed = station.followups.deferred_due(date(2026, 11, 24), within_days=1)
    assert [(d.case.case_number, d.overdue) for d in listed] == [(due, True)]
    assert [d.case.case_number for d in station.followups.deferred_due(TODAY, within_days=6)] == [
        due,
        later,
    ]
    view = station.followups.receive_deferred(due, "M_HKB", operator="clerk01")
    hkb = next(m for m in view.materials if m.material_id == "M_HKB")
    assert hkb.state is MaterialState.ORIGINAL and hkb.promised_date is None
    assert view.status is Status.ACCEPTED
    assert _visits(station, due) == ["intake", "supplement"]
    assert [d.case.case_number for d in station.followups.deferred_due(TODAY, within_days=6)] == [
        later
    ]
    with pytest.raises(WindowDeskError) as err:
        station.followups.receive_deferred(due, "M_HKB", operator="clerk01")
    assert err.value.code == "deferred.not_promised"


def test_a_withdrawn_case_owes_no_deferred_material(station: Station) -> None:
    number = _deferred_case(station, date(2026, 11, 23))
    station.followups.withdraw(number, "不再申请", operator="clerk01")
    assert station.followups.deferred_due(date(2026, 11, 30)) == []


def test_commitment_verifications_due_then_recorded(station: Station) -> None:
    station.catalogs.load(json.dumps(catalog_doc(), ensure_ascii=False).encode())
    raw = request(materials={"M_ID": "original", "M_HKB": "commitment"})
    number = station.cases.accept(parse_request(raw, today=TODAY)).case_number
    # 核查时限: 10 working days from Fri 2026-11-20 → Fri 2026-12-04
    assert station.followups.verifications_due(date(2026, 11, 25), within_days=3) == []
    [due] = station.followups.verifications_due(date(2026, 12, 1), within_days=3)
    assert (due.case.case_number, due.material.material_id, due.due) == (
        number,
        "M_HKB",
        date(2026, 12, 4),
    )
    assert due.verification == "户籍信息共享核查" and not due.overdue
    [late] = station.followups.verifications_due(date(2026, 12, 7), within_days=0)
    assert late.overdue
    with pytest.raises(RequestError) as err:
        station.followups.record_verification(number, "M_HKB", verified=False, operator="c")
    assert [p["code"] for p in err.value.details["problems"]] == ["verification.outcome_required"]
    view = station.followups.record_verification(
        number,
        "M_HKB",
        verified=False,
        outcome="户籍信息不符，撤销决定并记入信用记录",
        operator="c",
    )
    assert view.history[-1].event == Event.COMMITMENT_CHECKED.value
    assert "核查不实" in view.history[-1].note
    assert station.followups.verifications_due(date(2026, 12, 7)) == []
    with pytest.raises(WindowDeskError) as err2:
        station.followups.record_verification(number, "M_HKB", verified=True, operator="c")
    assert err2.value.code == "verification.duplicate"
    with pytest.raises(WindowDeskError) as err3:
        station.followups.record_verification(number, "M_ID", verified=True, operator="c")
    assert err3.value.code == "verification.not_commitment"


def _completed_case(station: Station) -> str:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    station.cases.transition(number, Status.COMPLETED, actor=Actor.PLATFORM, operator="县民政局")
    return number


def test_delivery_at_the_window_to_an_agent_records_who_collected(station: Station) -> None:
    number = _completed_case(station)
    assert [c.case_number for c in station.followups.ready_to_deliver()] == [number]
    view = station.followups.deliver(
        number,
        Delivery(
            DeliveryMethod.WINDOW,
            Collector.AGENT,
            collector_name="王代领",
            collector_id_number="11010519491231002x",
        ),
        operator="clerk01",
    )
    assert view.status is Status.DELIVERED
    assert view.extras["delivery"]["collector_id_masked"] == "1101**********002X"
    assert view.extras["delivery"]["collector_name"] == "王代领"
    assert "1101**********002X" in view.history[-2].note  # the 送达 row, then the visit
    assert _visits(station, number) == ["intake", "collection"]
    with station.db.read() as session:
        row = session.get(DeliveryRow, view.id)
        assert row is not None and row.collector == "agent"
        # the full ID number of the collector is nowhere in the store's delivery record
        assert "11010519491231002X" not in json.dumps(
            {c.key: getattr(row, c.key) for c in row.__table__.columns}
        )
    assert station.followups.ready_to_deliver() == []


def test_delivery_by_mail_needs_a_tracking_number_and_is_not_a_visit(station: Station) -> None:
    number = _completed_case(station)
    with pytest.raises(RequestError) as err:
        station.followups.deliver(
            number, Delivery(DeliveryMethod.MAIL, Collector.POST), operator="clerk01"
        )
    assert [p["code"] for p in err.value.details["problems"]] == ["delivery.tracking_required"]
    assert station.cases.get(number).status is Status.COMPLETED  # nothing recorded
    view = station.followups.deliver(
        number,
        Delivery(DeliveryMethod.MAIL, Collector.POST, tracking_number="ee123456789cn"),
        operator="clerk01",
    )
    assert view.extras["delivery"]["tracking_number"] == "EE123456789CN"
    assert _visits(station, number) == ["intake"]


def test_an_agent_collector_needs_a_valid_id_number(station: Station) -> None:
    number = _completed_case(station)
    with pytest.raises(RequestError) as err:
        station.followups.deliver(
            number,
            Delivery(
                DeliveryMethod.WINDOW,
                Collector.AGENT,
                collector_name="王代领",
                collector_id_number="110105194912310021",
            ),
            operator="clerk01",
        )
    assert [p["where"] for p in err.value.details["problems"]] == ["collector_id_number"]


def test_a_case_not_completed_cannot_be_delivered(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    with pytest.raises(IllegalTransition):
        station.followups.deliver(
            number, Delivery(DeliveryMethod.WINDOW, Collector.APPLICANT), operator="clerk01"
        )
    with station.db.read() as session:
        assert session.scalars(select(DeliveryRow)).all() == []


def test_withdrawal_needs_a_reason_and_is_queued(station: Station) -> None:
    number = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    assert number in [c.case_number for c in station.followups.withdrawable()]
    with pytest.raises(RequestError):
        station.followups.withdraw(number, "  ", operator="clerk01")
    view = station.followups.withdraw(number, "材料需重新准备", operator="clerk01")
    assert view.status is Status.WITHDRAWN
    withdrawn = next(h for h in view.history if h.event == "withdrawn")
    assert withdrawn.note == "申请人申请撤回：材料需重新准备"
    assert _visits(station, number) == ["intake", "other"]
    with station.db.read() as session:
        ops = session.scalars(select(OutboxRow.op).where(OutboxRow.entity_id == view.id)).all()
    assert ops == ["case.create", "case.transition"]
    with pytest.raises(IllegalTransition):
        station.followups.withdraw(number, "再撤一次", operator="clerk01")


def test_visits_counted_for_many_cases_at_once(station: Station) -> None:
    a = _supplement_case(station)
    b = station.cases.accept(parse_request(request(), today=TODAY)).case_number
    station.followups.receive_supplement(
        a, {"M_HKB": MaterialInput(MaterialState.ORIGINAL, copies=1)}, operator="clerk01"
    )
    ids = {n: station.cases.get(n).id for n in (a, b)}
    assert station.visits.counts([ids[a], ids[b], "nope"]) == {ids[a]: 2, ids[b]: 1, "nope": 0}
    with station.db.read() as session:
        kinds = session.scalars(
            select(CaseHistoryRow.note).where(CaseHistoryRow.event == "visited")
        ).all()
    assert sorted(kinds) == ["intake", "intake", "supplement"]


def test_a_visit_is_in_the_same_transaction_as_its_act(station: Station) -> None:
    """A hand-in refused by the rules writes no visit either (nothing half-recorded)."""
    number = _supplement_case(station)
    with pytest.raises(RequestError):
        station.followups.receive_supplement(
            number, {"M_HKB": MaterialInput(MaterialState.COMMITMENT)}, operator="clerk01"
        )
    assert _visits(station, number) == ["intake"]
