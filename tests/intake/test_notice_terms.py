"""Issue 10 items 10 and 12 at intake: a 不予受理 as not this authority's names the authority
to apply to (the catalog's, or the clerk's), and the applicant's delivery choice is recorded
with the case (邮寄送达 needs its address; only ways the matters offer)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from intake.catalog import parse_catalog
from intake.errors import RequestError
from intake.requests import parse_request
from intake.station import Station
from intake.views import DeliveryChoice, DeliveryWay, RejectionKind
from tests.intake.conftest import mini_catalog, request

TODAY = date(2026, 11, 20)
NOT_OURS = "申请事项依法不属于本行政机关职权范围"


def catalog_with_referral() -> bytes:
    doc: dict[str, Any] = mini_catalog("T-REF")
    gljt, _sfz, _ = doc["matters"]
    gljt["referral"] = "申请人户籍所在地乡镇人民政府（街道办事处）"
    gljt["delivery"] = ["window", "post"]
    return json.dumps(doc, ensure_ascii=False).encode()


def codes(exc: pytest.ExceptionInfo[RequestError]) -> list[str]:
    return [p.code for p in exc.value.problems]


def rejection(**extra: Any) -> dict[str, Any]:
    base = {
        "decision": "reject",
        "reason": NOT_OURS,
        "legal_basis": "《测试条例》",
        "reason_kind": "not_competent",
    }
    return request(**{**base, **extra})


def test_a_refusal_as_not_ours_without_an_authority_is_refused(station: Station) -> None:
    # the mini catalog names no authority for 居民身份证补领: the clerk must
    raw = rejection(matters=["GA-SFZBL"], materials={"M_PHOTO": "original"}, form={})
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(raw, today=TODAY))
    assert codes(exc) == ["decision.refer_to_required"]
    view = station.cases.accept(
        parse_request({**raw, "refer_to": "户籍所在地县级公安机关"}, today=TODAY)
    )
    stored = station.cases.get(view.case_number)
    assert stored.rejection_kind is RejectionKind.NOT_COMPETENT
    assert stored.refer_to == "户籍所在地县级公安机关"


def test_the_catalog_names_the_authority_when_the_clerk_does_not(station: Station) -> None:
    station.catalogs.load(catalog_with_referral())
    view = station.cases.accept(parse_request(rejection(), today=TODAY))
    assert station.cases.get(view.case_id).refer_to == "申请人户籍所在地乡镇人民政府（街道办事处）"


def test_an_authority_belongs_only_to_a_refusal_as_not_ours(station: Station) -> None:
    raw = request(refer_to="县公安局")  # an acceptance naming another authority
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(raw, today=TODAY))
    assert codes(exc) == ["decision.refer_to_unexpected"]
    other = rejection(
        reason_kind="not_eligible", reason="申请人不具备申请资格", refer_to="县公安局"
    )
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(other, today=TODAY))
    assert codes(exc) == ["decision.refer_to_unexpected"]
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(request(reason_kind="other"), today=TODAY))
    assert codes(exc) == ["decision.reason_kind_unexpected"]


def test_the_delivery_choice_is_recorded_and_travels(station: Station) -> None:
    station.catalogs.load(catalog_with_referral())
    posted = {"way": "post", "address": "长沙县星沙街道松雅村3组12号", "recipient": "张晓"}
    view = station.cases.accept(parse_request(request(delivery=posted), today=TODAY))
    stored = station.cases.get(view.case_id)
    assert stored.delivery_choice == DeliveryChoice(
        DeliveryWay.POST, "长沙县星沙街道松雅村3组12号", "张晓", ""
    )
    item = station.outbox.pending()[-1]
    assert item.payload["content"]["notice_terms"]["delivery_choice"]["address"].startswith(
        "长沙县"
    )


def test_post_needs_an_address_and_a_way_the_matters_offer(station: Station) -> None:
    with pytest.raises(RequestError) as exc:  # the mini catalog's 高龄津贴 is window only
        station.cases.accept(parse_request(request(delivery="post"), today=TODAY))
    assert codes(exc) == ["delivery.not_offered", "delivery.address_required"]
    assert exc.value.problems[0].params == {"ways": ["window"]}
    station.catalogs.load(catalog_with_referral())
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(request(delivery={"way": "post"}), today=TODAY))
    assert codes(exc) == ["delivery.address_required"]
    with pytest.raises(RequestError) as exc:
        raw = request(delivery={"way": "window", "address": "长沙县某地"})
        station.cases.accept(parse_request(raw, today=TODAY))
    assert codes(exc) == ["delivery.address_not_post"]
    with pytest.raises(RequestError) as exc:
        parse_request(request(delivery={"way": "pigeon"}), today=TODAY)
    assert codes(exc) == ["request.choice"]


def test_a_case_without_the_new_terms_keeps_its_digest(station: Station) -> None:
    view = station.cases.accept(parse_request(request(), today=TODAY))
    item = station.outbox.pending()[-1]
    assert "notice_terms" not in item.payload["content"]
    assert station.cases.get(view.case_id).delivery_choice is None


def test_the_catalog_carries_its_supplement_terms() -> None:
    doc: dict[str, Any] = mini_catalog("T-SUP")
    doc["supplement"] = {"days": 20, "unit": "working", "basis": "《测试县一次性告知办法》"}
    doc["matters"][0]["supplement"] = {"days": 10, "department_lapse": "withdrawn"}
    cat = parse_catalog(json.dumps(doc, ensure_ascii=False).encode())
    assert cat.supplement.days == 20 and cat.supplement.basis == "《测试县一次性告知办法》"
    own = cat.supplement_terms(["MZ-GLJT", "GA-SFZBL"])
    assert own.days == 10 and own.department_lapse.value == "withdrawn"
    assert cat.supplement_terms(["GA-SFZBL"]) is cat.supplement


def test_a_form_that_asks_the_choice_records_it(station: Station) -> None:
    """Matters whose form asks 结果送达方式 (the demo's 身份证、居住证 …) give the same record."""
    doc: dict[str, Any] = mini_catalog("T-FORM")
    doc["fields"] += [
        {
            "key": "delivery_choice",
            "label": "结果送达方式",
            "type": "select",
            "options": ["窗口领取", "邮寄送达"],
        },
        {"key": "postal_address", "label": "邮寄地址", "type": "address"},
    ]
    doc["matters"][0]["fields"] += [{"ref": "delivery_choice"}, {"ref": "postal_address"}]
    station.catalogs.load(json.dumps(doc, ensure_ascii=False).encode())
    form = {"bank_account": "6228480012345678901", "delivery_choice": "邮寄送达"}
    with pytest.raises(RequestError) as exc:
        station.cases.accept(parse_request(request(form=form), today=TODAY))
    assert [(p.where, p.code) for p in exc.value.problems] == [
        ("postal_address", "delivery.address_required")
    ]
    form["postal_address"] = "长沙县星沙街道松雅村3组12号"
    made = station.cases.accept(parse_request(request(form=form), today=TODAY))
    choice = station.cases.get(made.case_id).delivery_choice
    assert choice == DeliveryChoice(DeliveryWay.POST, "长沙县星沙街道松雅村3组12号")
