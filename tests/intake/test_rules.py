"""intake.rules: the pure request checks the clerk's screen runs without a database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from intake.catalog import merge_requirements, parse_catalog
from intake.catalog.merge import MergedRequirements
from intake.requests import IntakeRequest, MaterialInput, parse_request
from intake.rules import (
    allowed_decision,
    check_channel,
    check_decision,
    check_form,
    check_materials,
    check_request,
    missing_required,
)
from intake.views import Channel, Decision, MaterialState
from tests.intake.conftest import mini_catalog_bytes, request

TODAY = date(2026, 11, 20)
CATALOG = parse_catalog(mini_catalog_bytes())


def merged(*codes: str) -> MergedRequirements:
    return merge_requirements(CATALOG, codes or ("MZ-GLJT",))


def req(**overrides: Any) -> IntakeRequest:
    return parse_request(request(**overrides), today=TODAY)


def codes(problems: list[Any]) -> set[str]:
    return {p.code for p in problems}


def test_a_complete_request_has_no_problem() -> None:
    assert check_request(merged(), req(), TODAY) == []


def test_missing_required_lists_what_a_supplement_notice_must_name() -> None:
    m = merged("MZ-GLJT", "RS-YLCB")
    given = {
        "M_ID": MaterialInput(MaterialState.ORIGINAL),
        "M_PROOF": MaterialInput(MaterialState.MISSING),  # optional: not listed
    }
    assert missing_required(m, given) == ["M_HKB"]
    deferred = {**given, "M_HKB": MaterialInput(MaterialState.DEFERRED, promised_date=TODAY)}
    assert missing_required(m, deferred) == []


def test_allowed_decision_follows_the_required_materials() -> None:
    m = merged()
    assert allowed_decision(m, {"M_ID": MaterialInput(MaterialState.ORIGINAL)}) is (
        Decision.SUPPLEMENT
    )
    full = {
        "M_ID": MaterialInput(MaterialState.ORIGINAL),
        "M_HKB": MaterialInput(MaterialState.LICENCE, licence_number="HKB-1"),
    }
    assert allowed_decision(m, full) is Decision.ACCEPT
    assert allowed_decision(m, {}) is Decision.SUPPLEMENT


def test_check_channel() -> None:
    assert codes(check_channel(merged("GA-SFZBL"), Channel.VILLAGE, Decision.ACCEPT)) == {
        "request.level"
    }
    assert codes(check_channel(merged(), Channel.KIOSK, Decision.ACCEPT)) == {"request.kiosk"}
    assert check_channel(merged(), Channel.KIOSK, Decision.RECEIVE) == []


def test_check_materials() -> None:
    given = {
        "M_ID": MaterialInput(MaterialState.DEFERRED, promised_date=TODAY),
        "M_HKB": MaterialInput(MaterialState.LICENCE),
        "M_NOPE": MaterialInput(MaterialState.ORIGINAL),
    }
    assert codes(check_materials(merged(), given, TODAY, decision=Decision.ACCEPT)) == {
        "request.unknown_material",
        "material.not_deferrable",
        "material.promise_date",
        "material.licence_number",
    }
    copy = {"M_ID": MaterialInput(MaterialState.COPY)}
    assert codes(check_materials(merged(), copy, TODAY, decision=Decision.ACCEPT)) == {
        "material.original_required"
    }
    assert check_materials(merged(), copy, TODAY, decision=Decision.SUPPLEMENT) == []


def test_check_decision() -> None:
    m = merged()
    short = {"M_ID": "original"}
    assert codes(check_decision(m, req(materials=short))) == {"decision.materials_missing"}
    assert codes(check_decision(m, req(decision="supplement"))) == {
        "decision.nothing_to_supplement"
    }
    assert check_decision(m, req(decision="supplement", materials=short)) == []
    assert codes(check_decision(m, req(decision="reject"))) == {
        "decision.reason_required",
        "decision.legal_basis_required",
    }


def test_check_form_lets_a_pending_case_keep_blanks() -> None:
    blank = req(form={})
    assert codes(check_form(merged(), blank, TODAY)) == {"form.required"}
    pending = req(form={}, decision="supplement", materials={"M_ID": "original"})
    assert check_form(merged(), pending, TODAY) == []


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"materials": {"M_ID": "original"}}, "decision.materials_missing"),
        ({"form": {"bank_account": "12"}}, "form.pattern"),
        ({"channel": "kiosk"}, "request.kiosk"),
    ],
)
def test_check_request_collects_every_kind(overrides: dict[str, Any], code: str) -> None:
    assert code in codes(check_request(merged(), req(**overrides), TODAY))
