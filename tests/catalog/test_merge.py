"""Bundle merging: one material list, one form, one set of figures for the notice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.catalog import (
    Catalog,
    MaterialForm,
    MergedRequirements,
    Scope,
    merge_bundle,
    merge_requirements,
)
from intake.catalog.merge import stricter_form
from intake.errors import NotFound, WindowDeskError


def by_id(merged: MergedRequirements) -> dict[str, tuple[object, ...]]:
    return {m.id: (m.required, m.may_defer, m.form, m.copies, m.matters) for m in merged.materials}


def test_shared_material_collected_once_with_merged_attributes(small_catalog: Catalog) -> None:
    merged = merge_requirements(small_catalog, ["M1", "M2", "M3"])
    assert [m.id for m in merged.materials] == ["id_card", "hukou", "photo", "proof"]
    assert by_id(merged) == {
        # original (M1) vs copy (M3): the stricter wins
        "id_card": (True, False, MaterialForm.ORIGINAL, 1, ("M1", "M3")),
        # M1 allows 容缺 but M2 does not; copy vs original; copies = max(2, 1)
        "hukou": (True, False, MaterialForm.ORIGINAL, 2, ("M1", "M2")),
        # optional for M1, required and 容缺 for M2: required, and deferrable
        "photo": (True, True, MaterialForm.ELECTRONIC, 2, ("M1", "M2")),
        # both requiring matters allow 容缺
        "proof": (True, True, MaterialForm.COPY, 1, ("M2", "M3")),
    }


def test_shared_field_asked_once_required_if_any_requires(small_catalog: Catalog) -> None:
    merged = merge_requirements(small_catalog, ["M3", "M1", "M2"])
    assert [(f.key, f.required, f.matters) for f in merged.fields] == [
        ("phone", True, ("M1", "M2")),
        ("address", True, ("M1", "M3")),  # required by M1 only
        ("kind", True, ("M2",)),
        ("income", True, ("M2", "M3")),  # optional in M2, required in M3
    ]


def test_optional_everywhere_stays_optional_and_never_deferred(small_catalog: Catalog) -> None:
    merged = merge_requirements(small_catalog, ["M1"])
    photo = next(m for m in merged.materials if m.id == "photo")
    assert (photo.required, photo.may_defer) == (False, False)
    assert [m.id for m in merged.required_materials] == ["id_card", "hukou"]


def test_totals(small_catalog: Catalog) -> None:
    merged = merge_requirements(small_catalog, ["M1", "M2", "M3"])
    assert merged.legal_limit_days == 20
    assert merged.promised_limit_days == 15
    assert merged.immediate is False
    assert merge_requirements(small_catalog, ["M1"]).immediate is True
    assert merged.fee_total == Decimal("0")
    assert merged.scope is Scope.COUNTY
    assert merged.levels == ("county", "village")
    assert [d.code for d in merged.departments] == ["GA", "MZ"]
    assert merged.matter_codes == ("M1", "M2", "M3")


def test_bundle(small_catalog: Catalog) -> None:
    merged = merge_bundle(small_catalog, "B1")
    assert merged.bundle is not None and merged.bundle.code == "B1"
    assert merged.matter_codes == ("M1", "M2")


def test_errors(small_catalog: Catalog) -> None:
    with pytest.raises(NotFound) as info:
        merge_requirements(small_catalog, ["M1", "M9"])
    assert info.value.code == "catalog.unknown_matter"
    assert info.value.details["matter"] == "M9"
    with pytest.raises(NotFound) as info:
        merge_bundle(small_catalog, "B9")
    assert info.value.code == "catalog.unknown_bundle"
    with pytest.raises(WindowDeskError) as err:
        merge_requirements(small_catalog, [])
    assert err.value.code == "catalog.empty_selection"


def test_form_strictness_order() -> None:
    order = [
        MaterialForm.ELECTRONIC,
        MaterialForm.COPY,
        MaterialForm.ORIGINAL,
        MaterialForm.ORIGINAL_AND_COPY,
    ]
    for i, weaker in enumerate(order):
        for stronger in order[i:]:
            assert stricter_form(weaker, stronger) is stronger
            assert stricter_form(stronger, weaker) is stronger


def test_demo_newborn_bundle_collects_shared_materials_once(demo: Catalog) -> None:
    bundle = next(b for b in demo.bundles.values() if b.name == "新生儿出生一件事")
    merged = merge_bundle(demo, bundle.code)
    ids = [m.id for m in merged.materials]
    assert len(ids) == len(set(ids))
    total = sum(len(m.materials) for m in merged.matters)
    assert len(ids) < total  # something was actually shared
    shared = {m.id: len(m.matters) for m in merged.materials}
    assert shared["parents_id_cards"] >= 3
    assert shared["birth_cert"] >= 2
    assert shared["hukou"] >= 2
    keys = [f.key for f in merged.fields]
    assert len(keys) == len(set(keys))
    assert {"baby_name", "birth_date", "applicant_phone"} <= set(keys)


# --------------------------------------------------------------------------- properties

DEMO_CODES: list[str] = []


def _codes(demo: Catalog) -> list[str]:
    if not DEMO_CODES:
        DEMO_CODES.extend(demo.matters)
    return DEMO_CODES


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_merging_is_order_independent_and_complete(demo: Catalog, data: st.DataObject) -> None:
    codes = data.draw(st.lists(st.sampled_from(_codes(demo)), min_size=1, max_size=8))
    shuffled = data.draw(st.permutations(codes))
    merged = merge_requirements(demo, codes)
    assert merge_requirements(demo, shuffled) == merged
    by_material = {m.id: m for m in merged.materials}
    by_field = {f.key: f for f in merged.fields}
    assert len(by_material) == len(merged.materials)
    assert len(by_field) == len(merged.fields)
    for matter in merged.matters:
        for need in matter.materials:
            got = by_material[need.id]
            assert matter.code in got.matters
            assert got.copies >= need.copies
            assert stricter_form(got.form, need.form) is got.form
            if need.required:
                assert got.required
                if not need.may_defer:
                    assert not got.may_defer
        for ask in matter.fields:
            assert matter.code in by_field[ask.key].matters
            if ask.required:
                assert by_field[ask.key].required
    # Nothing appears that no selected matter asked for.
    selected = set(merged.matter_codes)
    assert all(set(m.matters) <= selected for m in merged.materials)
    assert merged.promised_limit_days == max(m.promised_limit_days for m in merged.matters)
    assert merged.fee_total == sum((m.fee.amount for m in merged.matters), Decimal(0))
    assert merged.immediate == all(m.immediate for m in merged.matters)
