"""Issue 10: 告知承诺 only where the catalog allows it, 容缺 within the promised limit, and
受审分离 (the window completes only authorised 即办件; 特别程序 comes from the platform)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest

from intake.catalog import load_demo_catalog, merge_bundle, merge_requirements, parse_catalog
from intake.catalog.model import Catalog
from intake.clock import CST
from intake.errors import CatalogError, IllegalTransition, WindowDeskError
from intake.requests import MaterialInput, parse_request
from intake.rules import allowed_decision, check_materials, latest_promise_date
from intake.station import Station
from intake.status import Actor, SpecialKind, Status, allowed_targets, check_transition
from intake.views import Decision, MaterialState
from intake.workdays import WorkCalendar
from tests.intake.conftest import mini_catalog, request

TODAY = date(2026, 11, 20)  # a Friday
COMMITMENT = {
    "allowed": True,
    "basis": "国办发〔2020〕42号",
    "verification": "户籍信息共享核查",
    "verify_within_days": 10,
}


def catalog_doc(version: str = "T-2") -> dict[str, Any]:
    """The mini catalog with 告知承诺 allowed for M_PROOF and M_HKB (高龄津贴 only), and the
    window allowed to complete 居民身份证补领 (an immediate matter)."""
    doc = mini_catalog(version)
    gljt, sfz, _ylcb = doc["matters"]
    gljt["materials"][1]["commitment"] = COMMITMENT
    gljt["materials"][2]["commitment"] = COMMITMENT
    sfz["window_completes"] = True
    return doc


def parsed(doc: dict[str, Any]) -> Catalog:
    return parse_catalog(json.dumps(doc, ensure_ascii=False).encode())


CATALOG = parsed(catalog_doc())


def codes(problems: list[Any]) -> list[str]:
    return [p.code for p in problems]


# -- 告知承诺 ------------------------------------------------------------------------------


def test_a_commitment_is_refused_where_the_catalog_does_not_allow_it() -> None:
    merged = merge_requirements(CATALOG, ["MZ-GLJT"])
    given = {
        "M_ID": MaterialInput(MaterialState.COMMITMENT),  # an identity document: never
        "M_HKB": MaterialInput(MaterialState.COMMITMENT),
    }
    problems = check_materials(merged, given, TODAY, decision=Decision.ACCEPT)
    assert [(p.where, p.code) for p in problems] == [("materials.M_ID", "material.no_commitment")]
    assert allowed_decision(merged, given) is Decision.ACCEPT  # covered by the promise


def test_the_commitment_carries_what_the_promise_names() -> None:
    [_, hukou, _] = CATALOG.matters["MZ-GLJT"].materials
    assert hukou.commitment.allowed and hukou.commitment.verify_within_days == 10
    assert hukou.commitment.basis == "国办发〔2020〕42号"
    assert not CATALOG.matters["MZ-GLJT"].materials[0].commitment.allowed


def test_a_bundle_allows_a_commitment_only_if_every_requiring_matter_does() -> None:
    merged = merge_bundle(CATALOG, "YJS-TEST")  # RS-YLCB requires M_HKB without 告知承诺
    hukou = next(m for m in merged.materials if m.id == "M_HKB")
    assert not hukou.commitment.allowed
    proof = next(m for m in merged.materials if m.id == "M_PROOF")
    assert proof.commitment.allowed  # only 高龄津贴 lists it


def test_an_allowed_commitment_must_name_its_basis_and_verification() -> None:
    doc = catalog_doc()
    doc["matters"][0]["materials"][1]["commitment"] = {"allowed": True, "basis": " "}
    with pytest.raises(CatalogError) as err:
        parsed(doc)
    [problem] = err.value.problems
    assert problem.code == "catalog.commitment"
    assert problem.where == "matters[0].materials[1].commitment"
    assert problem.params["missing"] == ["basis", "verification", "verify_within_days"]
    doc["matters"][0]["materials"][1]["commitment"] = {"allowed": False}
    assert not parsed(doc).matters["MZ-GLJT"].materials[1].commitment.allowed


def test_the_demo_allows_commitments_only_for_certificates_of_facts() -> None:
    demo = load_demo_catalog()
    allowed = {
        need.id for m in demo.matters.values() for need in m.materials if need.commitment.allowed
    }
    assert allowed == {"residence_proof", "kinship_proof", "only_child_proof"}
    for m in demo.matters.values():
        for need in m.materials:
            if need.commitment.allowed:
                c = need.commitment
                assert c.basis and c.verification and c.verify_within_days > 0


def test_a_commitment_case_is_saved(station: Station) -> None:
    station.catalogs.load(json.dumps(catalog_doc(), ensure_ascii=False).encode())
    raw = request(materials={"M_ID": "original", "M_HKB": "commitment"})
    result = station.cases.accept(parse_request(raw, today=TODAY))
    assert result.status is Status.ACCEPTED
    refused = request(materials={"M_ID": "commitment", "M_HKB": "original"})
    with pytest.raises(WindowDeskError) as err:
        station.cases.accept(parse_request(refused, today=TODAY))
    assert "material.no_commitment" in {p["code"] for p in err.value.details["problems"]}


# -- 容缺 within the promised limit ---------------------------------------------------------


def test_a_deferral_must_be_kept_within_the_promised_limit() -> None:
    merged = merge_requirements(CATALOG, ["MZ-GLJT"])  # promised: 5 working days
    assert latest_promise_date(merged, "M_HKB", TODAY) == date(2026, 11, 27)

    def deferred(day: date) -> list[str]:
        given = {
            "M_ID": MaterialInput(MaterialState.ORIGINAL),
            "M_HKB": MaterialInput(MaterialState.DEFERRED, promised_date=day),
        }
        return codes(check_materials(merged, given, TODAY, decision=Decision.ACCEPT))

    assert deferred(date(2026, 11, 27)) == []
    assert deferred(date(2026, 11, 28)) == ["material.promise_date"]
    assert deferred(TODAY) == ["material.promise_date"]


def test_the_promise_bound_names_the_latest_date() -> None:
    merged = merge_requirements(CATALOG, ["MZ-GLJT"])
    given = {"M_HKB": MaterialInput(MaterialState.DEFERRED, promised_date=date(2027, 1, 1))}
    [problem] = [
        p
        for p in check_materials(merged, given, TODAY, decision=Decision.SUPPLEMENT)
        if p.code == "material.promise_date"
    ]
    assert problem.params == {"latest": "2026-11-27"}


def test_the_promise_bound_follows_the_limit_unit_and_the_quickest_matter() -> None:
    doc = catalog_doc()
    doc["matters"][0]["promised_limit_unit"] = "calendar"  # 5 自然日: Wed 25 Nov
    merged = merge_requirements(parsed(doc), ["MZ-GLJT", "RS-YLCB"])
    # RS-YLCB requires M_HKB within 3 working days (Wed 25 Nov as well); M_ID likewise
    assert latest_promise_date(merged, "M_HKB", TODAY, WorkCalendar()) == date(2026, 11, 25)
    doc["matters"][2]["promised_limit_days"] = 2
    merged = merge_requirements(parsed(doc), ["MZ-GLJT", "RS-YLCB"])
    assert latest_promise_date(merged, "M_HKB", TODAY) == date(2026, 11, 24)


def test_an_immediate_matter_leaves_no_room_for_a_promise() -> None:
    merged = merge_requirements(CATALOG, ["GA-SFZBL"])
    assert latest_promise_date(merged, "M_PHOTO", TODAY) == TODAY


# -- 受审分离 ------------------------------------------------------------------------------


def test_the_station_completes_only_authorised_immediate_matters() -> None:
    check_transition(Status.ACCEPTED, Status.COMPLETED, Actor.STATION, window_completes=True)
    with pytest.raises(IllegalTransition) as err:
        check_transition(Status.ACCEPTED, Status.COMPLETED, Actor.STATION, window_completes=False)
    assert err.value.code == "case.window_cannot_complete"
    check_transition(Status.ACCEPTED, Status.COMPLETED, Actor.PLATFORM, window_completes=False)
    assert Status.COMPLETED not in allowed_targets(
        Status.ACCEPTED, Actor.STATION, window_completes=False
    )
    assert Status.COMPLETED in allowed_targets(
        Status.ACCEPTED, Actor.STATION, window_completes=True
    )


def test_window_completes_needs_an_immediate_matter() -> None:
    doc = catalog_doc()
    doc["matters"][0]["window_completes"] = True  # 高龄津贴 is a 承诺件
    with pytest.raises(CatalogError) as err:
        parsed(doc)
    assert codes(list(err.value.problems)) == ["catalog.window_completes"]


def test_the_service_applies_the_separation(station: Station) -> None:
    station.catalogs.load(json.dumps(catalog_doc(), ensure_ascii=False).encode())
    commitment_case = station.cases.accept(parse_request(request(), today=TODAY))
    assert Status.COMPLETED not in station.cases.next_statuses(commitment_case.case_id)
    with pytest.raises(IllegalTransition) as err:
        station.cases.transition(
            commitment_case.case_id, Status.COMPLETED, actor=Actor.STATION, operator="clerk01"
        )
    assert err.value.code == "case.window_cannot_complete"
    immediate = station.cases.accept(
        parse_request(
            request(matters=["GA-SFZBL"], materials={"M_PHOTO": "original"}, form={}),
            today=TODAY,
        )
    )
    assert Status.COMPLETED in station.cases.next_statuses(immediate.case_id)
    done = station.cases.transition(
        immediate.case_id, Status.COMPLETED, actor=Actor.STATION, operator="clerk01"
    )
    assert done.status is Status.COMPLETED and done.matters[0].window_completes
    # the department's own 办结 of the other case still arrives from the platform
    station.cases.transition(
        commitment_case.case_id, Status.COMPLETED, actor=Actor.PLATFORM, operator="县民政局"
    )


def test_an_immediate_matter_without_authorisation_waits_for_the_department(
    station: Station,
) -> None:
    case = station.cases.accept(  # the fixture's catalog: GA-SFZBL without window_completes
        parse_request(
            request(matters=["GA-SFZBL"], materials={"M_PHOTO": "original"}, form={}),
            today=TODAY,
        )
    )
    with pytest.raises(IllegalTransition) as err:
        station.cases.transition(
            case.case_id, Status.COMPLETED, actor=Actor.STATION, operator="clerk01"
        )
    assert err.value.code == "case.window_cannot_complete"


def test_the_special_procedure_comes_from_the_platform_with_its_grounds(
    station: Station,
) -> None:
    case = station.cases.accept(parse_request(request(), today=TODAY))
    at = datetime(2026, 11, 23, 9, tzinfo=CST)
    with pytest.raises(IllegalTransition) as err:
        station.cases.set_special_procedure(
            case.case_id,
            True,
            actor=Actor.STATION,
            operator="clerk01",
            kind=SpecialKind.HEARING,
            note="听证",
            legal_basis="行政许可法第四十六条",
            at=at,
        )
    assert err.value.code == "case.special_procedure_station"
    with pytest.raises(WindowDeskError) as err2:
        station.cases.set_special_procedure(
            case.case_id, True, actor=Actor.PLATFORM, operator="县民政局", note="听证", at=at
        )
    assert err2.value.code == "case.special_procedure_incomplete"
    assert err2.value.details["missing"] == ["kind", "legal_basis"]
    view = station.cases.set_special_procedure(
        case.case_id,
        True,
        actor=Actor.PLATFORM,
        operator="县民政局",
        kind=SpecialKind.HEARING,
        note="涉及他人重大利益，依申请举行听证",
        legal_basis="《中华人民共和国行政许可法》第四十七条",
        at=at,
    )
    assert view.special_procedure
    assert view.history[-1].note == (
        "听证：涉及他人重大利益，依申请举行听证（依据：《中华人民共和国行政许可法》第四十七条）"
    )


def test_the_demo_authorises_only_immediate_matters_and_no_police_ones() -> None:
    demo = load_demo_catalog()
    window = [m for m in demo.matters.values() if m.window_completes]
    assert len(window) == 7 and all(m.immediate for m in window)
    assert not any("公安" in m.department.name for m in window)


def test_materials_handed_in_later_follow_the_same_rules(station: Station) -> None:
    raw = request(
        materials={"M_ID": "original", "M_HKB": {"state": "missing", "note": "户口簿未带"}},
        decision="supplement",
    )
    case = station.cases.accept(parse_request(raw, today=TODAY))
    bad = {
        "M_ID": MaterialInput(MaterialState.COMMITMENT),
        "M_HKB": MaterialInput(
            MaterialState.DEFERRED, promised_date=date(2027, 1, 1), note="下周\x1b[2J补交"
        ),
    }
    with pytest.raises(WindowDeskError) as err:
        station.cases.update_materials(case.case_id, bad, operator="clerk01", accept=True)
    assert sorted((p["where"], p["code"]) for p in err.value.details["problems"]) == [
        ("materials.M_HKB", "material.promise_date"),
        ("materials.M_HKB.note", "request.control_char"),
        ("materials.M_ID", "material.no_commitment"),
    ]
    good = {"M_HKB": MaterialInput(MaterialState.DEFERRED, promised_date=date(2026, 11, 25))}
    view = station.cases.update_materials(case.case_id, good, operator="clerk01", accept=True)
    assert view.status is Status.ACCEPTED
