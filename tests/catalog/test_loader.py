"""The loader accepts a good catalog and lists every problem of a bad one."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from intake.catalog import (
    FieldType,
    MaterialForm,
    Scope,
    catalog_schema,
    catalog_summary,
    load_catalog_file,
    parse_catalog,
)
from intake.errors import CatalogError, Problem
from tests.catalog.catalog_docs import encode, small_doc


def problems_of(raw: bytes) -> list[Problem]:
    with pytest.raises(CatalogError) as info:
        parse_catalog(raw)
    assert info.value.code == "catalog.invalid"
    assert info.value.details["problems"] == [p.to_json() for p in info.value.problems]
    return list(info.value.problems)


def pairs(raw: bytes) -> set[tuple[str, str]]:
    return {(p.where, p.code) for p in problems_of(raw)}


def test_published_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(dict(catalog_schema()))


def test_schema_enums_match_the_model() -> None:
    defs = catalog_schema()["$defs"]
    assert set(defs["materialForm"]["enum"]) == {f.value for f in MaterialForm}
    assert set(defs["field"]["properties"]["type"]["enum"]) == {t.value for t in FieldType}
    assert set(defs["matter"]["properties"]["scope"]["enum"]) == {s.value for s in Scope}


def test_small_catalog_builds_the_model(doc: dict[str, Any]) -> None:
    raw = encode(doc)
    catalog = parse_catalog(raw)
    assert catalog.sha256 == hashlib.sha256(raw).hexdigest()
    assert list(catalog.matters) == ["M1", "M2", "M3"]
    m1 = catalog.matters["M1"]
    assert m1.department.name == "县公安局"
    hukou = m1.materials[1]
    assert (hukou.id, hukou.form, hukou.copies, hukou.may_defer) == (
        "hukou",
        MaterialForm.COPY,
        2,
        True,
    )  # form from the library, copies overridden by the matter
    assert m1.materials[0].material.licence_type == "id_card"
    assert [(f.key, f.required) for f in m1.fields] == [("phone", True), ("address", True)]
    income = catalog.fields["income"]
    assert (income.type, income.min_value, income.max_value) == (
        FieldType.MONEY,
        Decimal("0"),
        Decimal("5000"),
    )
    assert catalog.matters["M2"].fee.amount == Decimal("0")
    with pytest.raises(TypeError):
        catalog.matters["X"] = m1  # type: ignore[index]


def test_summary_counts(small_catalog: Any) -> None:
    summary = catalog_summary(small_catalog)
    assert summary["version"] == "t1"
    assert summary["counts"] == {
        "departments": 2,
        "licence_types": 1,
        "materials": 4,
        "fields": 4,
        "matters": 3,
        "bundles": 1,
        "immediate_matters": 1,
        "village_matters": 3,
    }
    json.dumps(summary)


def test_load_from_file_and_missing_file(tmp_path: Path, doc: dict[str, Any]) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(encode(doc))
    assert load_catalog_file(path).version == "t1"
    with pytest.raises(CatalogError) as info:
        load_catalog_file(tmp_path / "missing.json")
    assert [p.code for p in info.value.problems] == ["catalog.io"]


def test_not_utf8() -> None:
    problems = problems_of(b'{"schema": "\xff\xfe"}')
    assert [(p.code, p.params["offset"]) for p in problems] == [("catalog.encoding", 12)]


def test_utf8_bom_is_tolerated(doc: dict[str, Any]) -> None:
    assert parse_catalog(b"\xef\xbb\xbf" + encode(doc)).version == "t1"


@pytest.mark.parametrize("raw", [b"", b"{", b'{"a": 1,}', b'{"a": NaN}', b"[1, 2"])
def test_bad_json(raw: bytes) -> None:
    assert [p.code for p in problems_of(raw)] == ["catalog.json"]


def test_bad_json_reports_line_and_column() -> None:
    (problem,) = problems_of(b'{\n  "version": 1,\n  oops\n}')
    assert (problem.params["line"], problem.params["column"]) == (3, 3)


@pytest.mark.parametrize("raw", [b"[]", b'"catalog"', b"null"])
def test_top_level_must_be_an_object(raw: bytes) -> None:
    assert pairs(raw) == {("$", "catalog.schema")}


def test_wrong_schema_id_stops_early(doc: dict[str, Any]) -> None:
    doc["schema"] = "windowdesk.catalog/2"
    doc["matters"] = "whatever"
    problems = problems_of(encode(doc))
    assert [(p.where, p.code) for p in problems] == [("schema", "catalog.schema_id")]
    assert problems[0].params == {
        "found": "windowdesk.catalog/2",
        "expected": "windowdesk.catalog/1",
    }


def test_duplicate_json_keys_are_reported(doc: dict[str, Any]) -> None:
    raw = encode(doc).replace(b'"version": "t1"', b'"version": "t1", "version": "t2"')
    assert pairs(raw) == {("$", "catalog.json_duplicate_key")}


def test_missing_keys_and_wrong_types_all_reported(doc: dict[str, Any]) -> None:
    del doc["publisher"]
    del doc["matters"][0]["name"]
    doc["matters"][1]["legal_limit_days"] = "20"
    doc["matters"][2]["immediate"] = "yes"
    doc["materials"][0]["copies"] = 0
    doc["fields"][0]["type"] = "phone_number"
    doc["matters"][0]["surprise"] = 1
    found = pairs(encode(doc))
    assert found == {
        ("publisher", "catalog.schema"),
        ("matters[0].name", "catalog.schema"),
        ("matters[1].legal_limit_days", "catalog.schema"),
        ("matters[2].immediate", "catalog.schema"),
        ("materials[0].copies", "catalog.schema"),
        ("fields[0].type", "catalog.schema"),
        ("matters[0].surprise", "catalog.schema"),
    }


def test_area_code_fee_and_dates_are_checked(doc: dict[str, Any]) -> None:
    doc["matters"][0]["area_code"] = "4301210000"
    doc["matters"][1]["fee"]["amount"] = "20.005"
    doc["matters"][2]["levels"] = ["village", "village"]
    doc["published_at"] = "2026-13-01T08:00:00+08:00"
    assert pairs(encode(doc)) == {
        ("matters[0].area_code", "catalog.schema"),
        ("matters[1].fee.amount", "catalog.schema"),
        ("matters[2].levels", "catalog.schema"),
        ("published_at", "catalog.published_at"),
    }


def test_duplicates_and_dangling_refs_all_reported(doc: dict[str, Any]) -> None:
    doc["departments"].append({"code": "GA", "name": "重复"})
    doc["materials"].append(dict(doc["materials"][1]))
    doc["fields"].append({"key": "phone", "label": "又一个", "type": "text"})
    doc["matters"][2]["code"] = "M1"
    doc["bundles"].append(dict(doc["bundles"][0]))
    doc["matters"][0]["department"] = "XX"
    doc["matters"][0]["materials"][1]["ref"] = "passport"
    doc["matters"][1]["materials"].append({"ref": "proof", "required": True, "may_defer": False})
    doc["matters"][1]["fields"][1]["ref"] = "nickname"
    doc["materials"][3]["licence_type"] = "no_such_licence"
    problems = problems_of(encode(doc))
    assert {(p.where, p.code) for p in problems} == {
        ("departments[2].code", "catalog.duplicate_code"),
        ("materials[4].id", "catalog.duplicate_code"),
        ("fields[4].key", "catalog.duplicate_code"),
        ("matters[2].code", "catalog.duplicate_code"),
        ("bundles[1].code", "catalog.duplicate_code"),
        ("matters[0].department", "catalog.unknown_ref"),
        ("matters[0].materials[1].ref", "catalog.unknown_ref"),
        ("matters[1].materials[3].ref", "catalog.duplicate_ref"),
        ("matters[1].fields[1].ref", "catalog.unknown_ref"),
        ("materials[3].licence_type", "catalog.unknown_ref"),
    }
    dup = next(p for p in problems if p.where == "matters[2].code")
    assert dup.params == {"value": "M1", "first": "matters[0]"}


def test_bad_bundles(doc: dict[str, Any]) -> None:
    doc["bundles"] = [
        {
            "code": "B1",
            "name": "一个",
            "matters": ["M1"],
            "description": "",
            "lead_department": None,
        },
        {
            "code": "B2",
            "name": "重复",
            "matters": ["M1", "M1"],
            "description": "",
            "lead_department": "GA",
        },
        {
            "code": "B3",
            "name": "悬空",
            "matters": ["M1", "M9"],
            "description": "",
            "lead_department": "XX",
        },
        {
            "code": "B4",
            "name": "牵头",
            "matters": ["M2", "M3"],
            "description": "",
            "lead_department": "GA",
        },
    ]
    assert pairs(encode(doc)) == {
        ("bundles[0].matters", "catalog.schema"),
        ("bundles[1].matters[1]", "catalog.duplicate_ref"),
        ("bundles[1].matters", "catalog.bundle_too_small"),
        ("bundles[2].matters[1]", "catalog.unknown_ref"),
        ("bundles[2].lead_department", "catalog.unknown_ref"),
        ("bundles[3].lead_department", "catalog.lead_department"),
    }


def test_limits_and_deferral_rules(doc: dict[str, Any]) -> None:
    doc["matters"][1]["promised_limit_days"] = 30  # legal is 20
    doc["matters"][0]["promised_limit_days"] = 5  # 即办件 with a promised limit
    doc["matters"][0]["legal_limit_days"] = 5
    doc["matters"][2]["promised_limit_days"] = 0  # 承诺件 without one
    doc["matters"][0]["materials"][2]["may_defer"] = True  # optional material 容缺
    assert pairs(encode(doc)) == {
        ("matters[1].promised_limit_days", "catalog.limit_order"),
        ("matters[0].promised_limit_days", "catalog.immediate_limit"),
        ("matters[2].promised_limit_days", "catalog.immediate_limit"),
        ("matters[0].materials[2].may_defer", "catalog.defer_optional"),
    }


def test_field_definition_rules(doc: dict[str, Any]) -> None:
    doc["fields"] = [
        {"key": "a", "label": "A", "type": "select"},
        {"key": "b", "label": "B", "type": "multiselect", "options": ["x", "x"]},
        {"key": "c", "label": "C", "type": "text", "pattern": "([a-z"},
        {"key": "d", "label": "D", "type": "number", "min": 10, "max": "2"},
        {
            "key": "e",
            "label": "E",
            "type": "date",
            "pattern": "\\d+",
            "max_length": 3,
            "options": ["x"],
            "min": 1,
        },
        {"key": "phone", "label": "电话", "type": "phone"},
        {"key": "address", "label": "地址", "type": "address"},
        {"key": "kind", "label": "类别", "type": "select", "options": ["甲"]},
        {"key": "income", "label": "收入", "type": "money"},
    ]
    assert pairs(encode(doc)) == {
        ("fields[0].options", "catalog.field_options"),
        ("fields[1].options", "catalog.field_options"),
        ("fields[2].pattern", "catalog.field_pattern"),
        ("fields[3].min", "catalog.field_range"),
        ("fields[4].pattern", "catalog.field_constraint"),
        ("fields[4].max_length", "catalog.field_constraint"),
        ("fields[4].options", "catalog.field_constraint"),
        ("fields[4].min", "catalog.field_constraint"),
    }


def test_an_infinite_bound_is_refused(doc: dict[str, Any]) -> None:
    raw = encode(doc).replace(b'"max": "5000"', b'"max": 1e400')  # parses as float("inf")
    assert pairs(raw) == {("fields[3].max", "catalog.field_range")}


def test_a_document_with_many_kinds_of_problem_lists_them_all(doc: dict[str, Any]) -> None:
    """Schema and consistency problems in different sections arrive in one error."""
    del doc["version"]
    doc["matters"][0]["area_code"] = "43"
    doc["matters"][2]["department"] = "nobody"
    doc["bundles"][0]["matters"] = ["M2", "ghost"]
    doc["fields"][2]["options"] = []
    problems = problems_of(encode(doc))
    assert len(problems) == 5
    assert {p.code for p in problems} == {
        "catalog.schema",
        "catalog.unknown_ref",
        "catalog.field_options",
    }
    assert all(p.message for p in problems)
    json.dumps([p.to_json() for p in problems], ensure_ascii=False)


def test_loading_is_pure(doc: dict[str, Any]) -> None:
    raw = encode(doc)
    first, second = parse_catalog(raw), parse_catalog(raw)
    assert first == second
    assert first is not second


# --------------------------------------------------------------------------- robustness

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 40)
    | st.text(max_size=6)
    | st.sampled_from(["GA", "M1", "id_card", "phone", "original", "select", "county", "20", "(["]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out.extend(_paths(child, (*prefix, i)))
    return out


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_any_mutation_gives_a_catalog_or_a_catalog_error(data: st.DataObject) -> None:
    """Whatever a broken publisher sends, the loader answers with problems, never a crash."""
    doc = small_doc()
    for _ in range(data.draw(st.integers(1, 4))):
        paths = _paths(doc)
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON_VALUES)
    try:
        parse_catalog(encode(doc))
    except CatalogError as exc:
        assert exc.problems
        assert all(p.where and p.code.startswith("catalog.") for p in exc.problems)
        json.dumps(exc.to_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("path", "length"),
    [
        (("matters", 0, "name"), 201),
        (("matters", 0, "code"), 81),
        (("materials", 0, "name"), 201),
        (("departments", 0, "name"), 121),
        (("matters", 0, "legal_basis"), 1001),
        (("version",), 41),
    ],
)
def test_catalog_texts_are_bounded(doc: dict[str, Any], path: tuple[Any, ...], length: int) -> None:
    """A case copies these texts; a published catalog cannot make one too big to store or
    to send (the limits follow the store's columns)."""
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "长" * length if path[-1] != "code" else "C" * length
    with pytest.raises(CatalogError) as err:
        parse_catalog(encode(doc))
    assert any(
        p.code == "catalog.schema" and p.params.get("keyword") == "maxLength"
        for p in err.value.problems
    )
    target[path[-1]] = target[path[-1]][:-1]
    assert not any(p.params.get("keyword") == "maxLength" for p in _problems_or_none(doc))


def _problems_or_none(doc: dict[str, Any]) -> list[Any]:
    try:
        parse_catalog(encode(doc))
    except CatalogError as exc:
        return list(exc.problems)
    return []
