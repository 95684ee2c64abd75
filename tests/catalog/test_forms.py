"""Form validation: every problem listed, one stable code per kind of mistake."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from intake.catalog import FieldDef, FieldRequirement, FieldType, validate_form
from intake.identity import check_char

TODAY = date(2026, 11, 22)


def req(key: str, ftype: FieldType, *, required: bool = False, **kw: Any) -> FieldRequirement:
    return FieldRequirement(FieldDef(key=key, label=key, type=ftype, **kw), required)


def codes(fields: list[FieldRequirement], data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.where, p.code) for p in validate_form(fields, data, today=TODAY)]


def valid_id(first17: str = "43012119900307123") -> str:
    return first17 + check_char(first17)


def test_required_blank_and_unknown() -> None:
    fields = [
        req("a", FieldType.TEXT, required=True),
        req("b", FieldType.MULTISELECT, required=True, options=("x",)),
        req("c", FieldType.TEXT),
    ]
    assert codes(fields, {"a": "  ", "b": [], "c": None, "zzz": 1}) == [
        ("zzz", "form.unknown_field"),
        ("a", "form.required"),
        ("b", "form.required"),
    ]
    assert codes(fields, {"a": "ok", "b": ["x"]}) == []


@pytest.mark.parametrize(
    ("ftype", "kw", "good", "bad", "code"),
    [
        (FieldType.TEXT, {"max_length": 3}, "张三", "张三丰李", "form.length"),
        (FieldType.TEXT, {}, "x", 5, "form.type"),
        (FieldType.TEXTAREA, {"max_length": 5}, "一二三", "一二三四五六", "form.length"),
        (FieldType.ADDRESS, {"pattern": r".*县.*"}, "长沙县星沙街道", "长沙市", "form.pattern"),
        (FieldType.TEXT, {"pattern": r"\d{12,30}"}, "622202190000123456", "6222x", "form.pattern"),
        (
            FieldType.NUMBER,
            {"min_value": Decimal(1), "max_value": Decimal(20)},
            3,
            21,
            "form.range",
        ),
        (FieldType.NUMBER, {"min_value": Decimal(1)}, "2.5", "0", "form.range"),
        (FieldType.NUMBER, {}, 2, "two", "form.type"),
        (FieldType.NUMBER, {}, 2.5, True, "form.type"),
        (FieldType.MONEY, {"min_value": Decimal(0)}, "12.50", "-1", "form.range"),
        (FieldType.MONEY, {}, Decimal("3.10"), "3.105", "form.type"),
        (FieldType.DATE, {}, "2024-02-29", "2023-02-29", "form.date"),
        (FieldType.DATE, {}, date(2024, 1, 1), "20240101", "form.type"),
        (FieldType.PHONE, {}, "13812345678", "12812345678", "form.phone"),
        (FieldType.PHONE, {}, "0731-84012345", "110", "form.phone"),
        (FieldType.PHONE, {}, "138 1234 5678", 13812345678, "form.type"),
        (FieldType.ID_NUMBER, {}, valid_id(), valid_id()[:17] + "0", "form.id_number"),
        (FieldType.ID_NUMBER, {}, valid_id().lower(), 430121, "form.type"),
        (FieldType.SELECT, {"options": ("男", "女")}, "女", "其他", "form.option"),
        (FieldType.SELECT, {"options": ("男",)}, "男", ["男"], "form.type"),
        (FieldType.MULTISELECT, {"options": ("a", "b")}, ["a", "b"], ["a", "c"], "form.option"),
        (FieldType.MULTISELECT, {"options": ("a", "b")}, ("b",), ["a", "a"], "form.option"),
        (FieldType.MULTISELECT, {"options": ("a",)}, ["a"], "a", "form.type"),
        (FieldType.BOOL, {}, False, "yes", "form.type"),
    ],
)
def test_each_type(ftype: FieldType, kw: dict[str, Any], good: Any, bad: Any, code: str) -> None:
    fields = [req("f", ftype, **kw)]
    assert codes(fields, {"f": good}) == []
    assert codes(fields, {"f": bad}) == [("f", code)]


def test_landline_forms() -> None:
    fields = [req("p", FieldType.PHONE)]
    for number in ["073184012345", "010-62345678", "0731-8401234-802", "0551-6234567"]:
        assert codes(fields, {"p": number}) == [], number
    for number in ["4008001234", "0731-0401234", "1381234567", "138123456789"]:
        assert codes(fields, {"p": number}) == [("p", "form.phone")], number


def test_id_number_problem_carries_the_reason_not_the_number() -> None:
    bad = valid_id("43012120300101123")  # born in 2030
    (problem,) = validate_form([req("id", FieldType.ID_NUMBER)], {"id": bad}, today=TODAY)
    assert problem.params == {"reason": "id.future_birth"}
    assert bad not in repr(problem.to_json())


def test_every_problem_of_a_form_is_listed() -> None:
    fields = [
        req("name", FieldType.TEXT, required=True, max_length=4),
        req("phone", FieldType.PHONE, required=True),
        req("born", FieldType.DATE),
        req("size", FieldType.NUMBER, min_value=Decimal(1), max_value=Decimal(20)),
        req("sex", FieldType.SELECT, options=("男", "女")),
    ]
    data = {"name": "欧阳娜娜娜", "born": "2024-13-01", "size": 0, "sex": "x", "extra": ""}
    assert codes(fields, data) == [
        ("extra", "form.unknown_field"),
        ("name", "form.length"),
        ("phone", "form.required"),
        ("born", "form.date"),
        ("size", "form.range"),
        ("sex", "form.option"),
    ]


def test_rare_characters_count_as_one() -> None:
    fields = [req("name", FieldType.TEXT, max_length=2)]
    assert codes(fields, {"name": "𠀀𪚥"}) == []  # two characters outside the BMP


def test_demo_fields_validate(demo: Any) -> None:
    """The demo catalog's own patterns accept the values a clerk would type."""
    fields = [
        FieldRequirement(demo.fields[k], True)
        for k in ("bank_account", "credit_code", "sign_size", "applicant_phone", "homestead_area")
    ]
    data = {
        "bank_account": "6228480402564890018",
        "credit_code": "91430121MA4L221656",
        "sign_size": "6×1.2",
        "applicant_phone": "0731-84012345",
        "homestead_area": 120,
    }
    assert validate_form(fields, data) == []
    data["homestead_area"] = 300
    data["credit_code"] = "9143012"
    assert codes(fields, data) == [
        ("credit_code", "form.pattern"),
        ("homestead_area", "form.range"),
    ]
