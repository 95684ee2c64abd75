"""一件事 情形: questions asked before the material list select the matters and materials."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from intake.catalog import Catalog, SituationType, load_demo_catalog, merge_bundle, parse_catalog
from intake.errors import CatalogError, RequestError
from tests.intake.conftest import mini_catalog

NEWBORN = "YJS-430121-01"
CARD = "430A1102004000-430121000000-000-11430121006123028D-1-00"
BIRTH_CERT = "430A1105001000-430121000000-000-11430121MB1C48058N-1-00"

SITUATIONS = [
    {
        "key": "pension",
        "question": "是否同时办理养老保险参保登记？",
        "type": "bool",
        "options": [
            {"value": "yes", "label": "是"},
            {"value": "no", "label": "否", "drop_matters": ["RS-YLCB"]},
        ],
    },
    {
        "key": "proof",
        "question": "有无其他证明材料？",
        "type": "choice",
        "options": [
            {"value": "has", "label": "有"},
            {"value": "none", "label": "无", "skip_materials": ["M_PROOF"]},
        ],
    },
]


def doc_with(situations: list[dict[str, Any]], version: str = "T-S") -> dict[str, Any]:
    doc = mini_catalog(version)
    doc["bundles"][0]["situations"] = copy.deepcopy(situations)
    return doc


def parsed(doc: dict[str, Any]) -> Catalog:
    return parse_catalog(json.dumps(doc, ensure_ascii=False).encode())


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_demo_catalog()


def test_the_newborn_bundle_asks_its_questions_first(demo: Catalog) -> None:
    bundle = demo.bundles[NEWBORN]
    assert [s.key for s in bundle.situations] == [
        "birth_place",
        "social_security_card",
        "parents_married",
    ]
    assert bundle.situations[1].type is SituationType.BOOL
    assert bundle.situations[0].type is SituationType.CHOICE


def test_answers_select_the_matters_and_materials(demo: Catalog) -> None:
    everything = merge_bundle(demo, NEWBORN)
    assert len(everything.matters) == 6 and everything.answers == {}
    answers = {"birth_place": "elsewhere", "social_security_card": False, "parents_married": "no"}
    merged = merge_bundle(demo, NEWBORN, answers)
    assert CARD not in merged.matter_codes and BIRTH_CERT not in merged.matter_codes
    ids = [m.id for m in merged.materials]
    assert "photo" not in ids  # only the card needed it
    assert "delivery_record" not in ids  # only the 出生医学证明 签发 needed it
    assert "marriage_cert" not in ids  # not asked of unmarried parents
    assert merged.answers == {
        "birth_place": "elsewhere",
        "social_security_card": "no",
        "parents_married": "no",
    }
    all_yes = {
        "birth_place": "county_hospital",
        "social_security_card": "yes",
        "parents_married": True,
    }
    assert merge_bundle(demo, NEWBORN, all_yes).matter_codes == everything.matter_codes


def test_every_question_needs_a_valid_answer(demo: Catalog) -> None:
    with pytest.raises(RequestError) as err:
        merge_bundle(demo, NEWBORN, {"birth_place": "moon", "pets": "yes"})
    found = {(p.where, p.code) for p in err.value.problems}
    assert found == {
        ("answers.pets", "bundle.unknown_situation"),
        ("answers.birth_place", "bundle.answer"),
        ("answers.social_security_card", "bundle.unanswered"),
        ("answers.parents_married", "bundle.unanswered"),
    }


def test_a_bundle_without_questions_takes_empty_answers(demo: Catalog) -> None:
    other = next(b for b in demo.bundles.values() if not b.situations)
    assert (
        merge_bundle(demo, other.code, {}).matter_codes
        == merge_bundle(demo, other.code).matter_codes
    )


@pytest.mark.parametrize(
    ("change", "where", "code"),
    [
        (
            lambda s: s[0]["options"][1].update(value="nope"),
            "bundles[0].situations[0].options",
            "catalog.situation_options",
        ),
        (
            lambda s: s[1].update(key="pension"),
            "bundles[0].situations[1].key",
            "catalog.duplicate_code",
        ),
        (
            lambda s: s[1]["options"][1].update(value="has"),
            "bundles[0].situations[1].options",
            "catalog.situation_options",
        ),
        (
            lambda s: s[0]["options"][1].update(drop_matters=["GA-SFZBL"]),
            "bundles[0].situations[0].options[1].drop_matters[0]",
            "catalog.unknown_ref",
        ),
        (
            lambda s: s[1]["options"][1].update(skip_materials=["M_PHOTO"]),
            "bundles[0].situations[1].options[1].skip_materials[0]",
            "catalog.unknown_ref",
        ),
        (
            lambda s: s[0].update(type="scale"),
            "bundles[0].situations[0].type",
            "catalog.schema",
        ),
    ],
)
def test_the_loader_checks_the_questions(change: Any, where: str, code: str) -> None:
    situations = copy.deepcopy(SITUATIONS)
    change(situations)
    with pytest.raises(CatalogError) as err:
        parsed(doc_with(situations))
    assert (where, code) in {(p.where, p.code) for p in err.value.problems}
