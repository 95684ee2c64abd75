"""Station input hardening: length limits, control characters, digits, receipt times,
area codes, and the pinyin kept out of the write transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from intake.catalog import merge_requirements, parse_catalog
from intake.catalog.forms import check_value
from intake.catalog.model import FieldDef, FieldType, Scope
from intake.clock import CST
from intake.errors import RequestError
from intake.requests import parse_request
from intake.rules import (
    check_area,
    check_received_at,
    check_request,
    check_text,
    normalize_request,
    within_scope,
)
from intake.services import case_intake as cases_module
from intake.station import Station
from intake.textcheck import DEFAULT_LIMITS, bad_character
from tests.intake.conftest import NOW, mini_catalog_bytes, request

TODAY = date(2026, 11, 20)
CATALOG = parse_catalog(mini_catalog_bytes())
MERGED = merge_requirements(CATALOG, ["MZ-GLJT"])
Req = Callable[..., dict[str, Any]]


def problems_of(raw: dict[str, Any]) -> dict[str, str]:
    """where → code of every problem parse_request finds."""
    with pytest.raises(RequestError) as err:
        parse_request(raw, today=TODAY)
    return {p.where: p.code for p in err.value.problems}


def person(**fields: Any) -> dict[str, Any]:
    return {**request()["applicant"], **fields}


# -- length limits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "raw"),
    [
        ("applicant.name", request(applicant=person(name="张" * 65))),
        ("applicant.address", request(applicant=person(address="路" * 201))),
        (
            "applicant.org_name",
            request(
                applicant=person(
                    kind="legal_person", org_name="公" * 101, org_code="91430121MA4L221656"
                )
            ),
        ),
        ("applicant.phone", request(applicant=person(phone="1" * 33))),
        ("reason", request(reason="因" * 501)),
        ("legal_basis", request(legal_basis="法" * 501)),
        (
            "materials.M_HKB.note",
            request(
                materials={"M_ID": "original", "M_HKB": {"state": "missing", "note": "x" * 501}}
            ),
        ),
        ("extras.late_entry_reason", request(extras={"late_entry_reason": "停" * 501})),
    ],
)
def test_every_free_text_has_a_length_limit(where: str, raw: dict[str, Any]) -> None:
    assert problems_of(raw)[where] == "request.too_long"


def test_limits_count_characters_and_allow_the_limit_itself() -> None:
    name = "𠮷" * DEFAULT_LIMITS.name  # outside the BMP: one character each
    parsed = parse_request(request(applicant=person(name=name)), today=TODAY)
    assert parsed.applicant.name == name


def test_a_directly_built_request_is_checked_too() -> None:
    parsed = parse_request(request(), today=TODAY)
    long_name = replace(parsed, applicant=replace(parsed.applicant, name="张" * 65))
    assert [(p.where, p.code) for p in check_text(long_name)] == [
        ("applicant.name", "request.too_long")
    ]
    assert "request.too_long" in {p.code for p in check_request(MERGED, long_name, TODAY)}


@pytest.mark.parametrize(
    ("ftype", "limit"),
    [(FieldType.TEXT, 200), (FieldType.ADDRESS, 200), (FieldType.TEXTAREA, 1000)],
)
def test_form_text_without_its_own_max_length_has_a_default(ftype: FieldType, limit: int) -> None:
    f = FieldDef("note", "备注", ftype)
    assert check_value(f, "字" * limit) == []
    [problem] = check_value(f, "字" * (limit + 1))
    assert problem.code == "form.length" and problem.params["max_length"] == limit
    assert check_value(replace(f, max_length=5000), "字" * (limit + 1)) == []


# -- digits ---------------------------------------------------------------------------------


def test_full_width_digits_become_ascii() -> None:
    parsed = parse_request(
        request(
            applicant=person(
                id_number="１１０１０５１９４９１２３１００２ｘ", phone="１３８１２３４５６７８"
            )
        ),
        today=TODAY,
    )
    assert parsed.applicant.id_number == "11010519491231002X"
    assert parsed.applicant.phone == "13812345678"


def test_normalize_request_turns_full_width_digits_of_a_built_request_into_ascii() -> None:
    parsed = parse_request(request(), today=TODAY)
    typed = replace(
        parsed,
        applicant=replace(parsed.applicant, phone="１３８１２３４５６７８"),
        form={"bank_account": "６２２８４８００１２３４５６７８９０１"},
        handled_area="４３０１２１０００００",
    )
    clean = normalize_request(typed, MERGED)
    assert clean.applicant.phone == "13812345678"
    assert clean.handled_area == "43012100000"
    # bank_account is a text field: it is not the rules' business to rewrite it
    assert clean.form["bank_account"] == typed.form["bank_account"]


@pytest.mark.parametrize(
    "digits",
    ["١٣٨١٢٣٤٥٦٧٨", "۱۳۸۱۲۳۴۵۶۷۸", "१३८१२३४५६७८"],  # Arabic-Indic, Persian, Devanagari
)
def test_other_scripts_digits_are_refused(digits: str) -> None:
    found = problems_of(request(applicant=person(phone=digits)))
    assert found["applicant.phone"] == "request.digits"
    id_number = digits[:11] + "19491231002X"[5:]
    assert (
        problems_of(request(applicant=person(id_number=id_number)))["applicant.id_number"]
        == "request.digits"
    )


def test_forms_refuse_foreign_digits() -> None:
    assert (
        check_value(FieldDef("p", "电话", FieldType.PHONE), "١٣٨١٢٣٤٥٦٧٨")[0].code == "form.phone"
    )
    assert check_value(FieldDef("n", "人数", FieldType.NUMBER), "١٢")[0].code == "form.type"
    assert check_value(FieldDef("d", "日期", FieldType.DATE), "٢٠٢٦-١١-٢٠")[0].code == "form.type"


# -- control characters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "张\x00三",
        "张\x1b[31m三",
        "张三\u202e",
        "\u2066张三\u2069",
        "张\x7f三",
        "张\u0085三",
        "张\n三",
    ],
)
def test_control_characters_in_a_name_are_refused(name: str) -> None:
    assert problems_of(request(applicant=person(name=name)))["applicant.name"] == (
        "request.control_char"
    )


def test_control_characters_in_numbers_are_refused() -> None:
    found = problems_of(request(applicant=person(id_number="110105194912310\x1b02X")))
    assert found["applicant.id_number"] == "request.control_char"
    assert problems_of(request(applicant=person(phone="138\x0012345678")))["applicant.phone"] == (
        "request.control_char"
    )


def test_a_multi_line_note_may_break_lines_but_not_escape() -> None:
    ok = request(
        materials={
            "M_ID": "original",
            "M_HKB": {"state": "missing", "note": "一、缺户口簿\n二、…"},
        },
        decision="supplement",
    )
    assert parse_request(ok, today=TODAY).materials["M_HKB"].note.startswith("一、")
    bad = request(reason="不符合\x1b]0;owned\x07条件", decision="reject")
    assert problems_of(bad)["reason"] == "request.control_char"
    assert bad_character("a\ud800b") == "U+D800"  # a lone surrogate cannot even be stored


def test_form_text_refuses_control_characters() -> None:
    [problem] = check_value(FieldDef("addr", "地址", FieldType.ADDRESS), "星沙\u202e街道")
    assert problem.code == "form.control_char"
    assert check_value(FieldDef("memo", "说明", FieldType.TEXTAREA), "第一行\n第二行") == []


# -- received_at ----------------------------------------------------------------------------


def test_received_at_may_not_run_ahead_of_the_clock() -> None:
    assert check_received_at(NOW + timedelta(minutes=4), NOW, {}) == []
    [problem] = check_received_at(NOW + timedelta(minutes=6), NOW, {})
    assert (problem.code, problem.params["reason"]) == ("request.received_at", "future")


def test_an_old_receipt_needs_a_late_entry_reason() -> None:
    three_days = NOW - timedelta(days=3)
    assert check_received_at(three_days, NOW, {}) == []
    [problem] = check_received_at(NOW - timedelta(days=4), NOW, {})
    assert (problem.code, problem.params["reason"]) == ("request.received_at", "late")
    assert check_received_at(NOW - timedelta(days=40), NOW, {"late_entry_reason": "停电补录"}) == []
    assert check_received_at(NOW - timedelta(days=40), NOW, {"late_entry_reason": "  "}) != []


def test_a_late_entry_is_saved_with_its_reason(station: Station, make_request: Req) -> None:
    old = datetime(2026, 11, 10, 9, tzinfo=CST).isoformat()
    with pytest.raises(RequestError) as err:
        station.cases.accept(parse_request(make_request(received_at=old), today=TODAY))
    assert [p.code for p in err.value.problems] == ["request.received_at"]
    raw = make_request(
        received_at=old, extras={"late_entry_reason": "停电期间纸质收件，来电后补录"}
    )
    result = station.cases.accept(parse_request(raw, today=TODAY))
    view = station.cases.get(result.case_id)
    assert view.history[0].note == "停电期间纸质收件，来电后补录"


def test_unknown_extras_are_refused() -> None:
    assert problems_of(request(extras={"shell": "rm -rf /"}))["extras.shell"] == (
        "request.unknown_key"
    )


# -- area codes -----------------------------------------------------------------------------


def test_handled_area_is_twelve_digits() -> None:
    assert problems_of(request(handled_area="١٢٣"))["handled_area"] == "request.digits"
    parsed = parse_request(request(handled_area="43012100000"), today=TODAY)
    assert [p.code for p in check_request(MERGED, parsed, TODAY)] == ["request.area_code"]


def test_handled_area_within_the_matters_scope() -> None:
    other_county = parse_request(request(handled_area="430181000000"), today=TODAY)
    [problem] = check_area(MERGED, other_county.handled_area)
    assert problem.code == "request.area_scope" and problem.params["matters"] == ["MZ-GLJT"]
    town = parse_request(request(handled_area="430121101000"), today=TODAY)
    assert check_request(MERGED, town, TODAY) == []


@pytest.mark.parametrize(
    ("area", "matter_area", "scope", "inside"),
    [
        ("440300000000", "430121000000", Scope.NATIONAL, True),
        ("430181000000", "430121000000", Scope.PROVINCE, True),
        ("430181000000", "430121000000", Scope.CITY, True),
        ("430181000000", "430121000000", Scope.COUNTY, False),
        ("430121101000", "430121000000", Scope.LOCAL, True),
        ("430121102000", "430121101000", Scope.LOCAL, False),
    ],
)
def test_within_scope(area: str, matter_area: str, scope: Scope, inside: bool) -> None:
    assert within_scope(area, matter_area, scope) is inside


def test_the_receiving_station_must_be_within_the_scope(
    station: Station, make_request: Req
) -> None:
    with station.db.write() as s:
        s.execute(text("UPDATE station SET area_code = '440300000000'"))
    with pytest.raises(RequestError) as err:
        station.cases.accept(parse_request(make_request(), today=TODAY))
    assert [(p.where, p.code) for p in err.value.problems] == [
        ("station.area_code", "request.area_scope")
    ]


# -- pinyin outside the write transaction ----------------------------------------------------


def test_pinyin_is_computed_before_the_write_transaction(
    station: Station, make_request: Req, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing = False
    seen: list[bool] = []
    real_write, real_keys = station.db.write, cases_module.name_keys

    @contextlib.contextmanager
    def write() -> Iterator[Any]:
        nonlocal writing
        with real_write() as session:
            writing = True
            try:
                yield session
            finally:
                writing = False

    def keys(name: str) -> tuple[str, str]:
        seen.append(writing)
        return real_keys(name)

    monkeypatch.setattr(station.db, "write", write)
    monkeypatch.setattr(cases_module, "name_keys", keys)
    station.cases.accept(parse_request(make_request(), today=TODAY))
    assert seen == [False]


def test_the_id_number_rules_themselves_refuse_other_scripts_digits() -> None:
    from intake.errors import InvalidIdNumber
    from intake.identity import parse_id_number

    arabic = "".join(chr(0x0660 + int(d)) for d in "11010519491231002") + "X"
    with pytest.raises(InvalidIdNumber) as err:
        parse_id_number(arabic)
    assert err.value.code == "id.format"
    assert (
        parse_id_number("１１０１０５１９４９１２３１００２ｘ").normalized == "11010519491231002X"
    )


def test_a_number_field_without_bounds_still_refuses_a_megabyte_of_digits() -> None:
    number = FieldDef("n", "人数", FieldType.NUMBER)
    assert check_value(number, "1" * 30) == []
    assert check_value(number, "1" * 100_000)[0].code == "form.type"
    assert check_value(FieldDef("m", "金额", FieldType.MONEY), "9" * 41)[0].code == "form.type"


def test_a_station_enrolled_without_an_area_is_not_held_to_a_scope(
    station: Station, make_request: Req
) -> None:
    with station.db.write() as s:
        s.execute(text("UPDATE station SET area_code = '000000000000'"))
    result = station.cases.accept(parse_request(make_request(), today=TODAY))
    assert result.case_number
    with pytest.raises(RequestError):  # an explicit 办理地 of zeros is still out of scope
        station.cases.accept(parse_request(make_request(handled_area="000000000000"), today=TODAY))
