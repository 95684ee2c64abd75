"""The intake flow the clerk's screen shows: choice, card, materials, decision, draft."""

from __future__ import annotations

from datetime import date

import pytest

from intake.catalog import load_demo_catalog
from intake.catalog.choices import ChoiceIndex
from intake.catalog.model import Catalog
from intake.demo import seed_station
from intake.flow import IntakeFlow
from intake.identity import DocType, Identity
from intake.requests import MaterialInput, parse_request
from intake.station import Station
from intake.views import Channel, Decision, MaterialState

TODAY = date(2026, 11, 20)
CARD = Identity(
    doc_type=DocType.RESIDENT,
    name="张𠮷祥",
    id_number="11010519491231002X",
    sex="2",
    birth_date=date(1949, 12, 31),
    address="湖南省长沙县星沙街道开元东路1号",
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_demo_catalog()


def _code(catalog: Catalog, name: str) -> str:
    return next(m.code for m in catalog.matters.values() if m.name == name)


def test_the_card_fills_the_applicant_and_the_form_where_it_asks(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "社会保障卡启用"))
    flow.fill_from_identity(CARD)
    assert flow.applicant["name"] == "张𠮷祥" and flow.applicant["sex"] == "2"
    assert flow.offer_phone("13812345678") is True
    assert flow.form["applicant_phone"] == "13812345678"
    assert flow.offer_phone("13900000000") is False  # a phone already there is kept


def test_the_materials_decide_between_acceptance_and_supplement(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "内地居民结婚登记"))
    allowed, missing = flow.allowed_decision()
    assert allowed is Decision.SUPPLEMENT and len(missing) == 3
    changed = flow.mark_required_received()
    assert len(changed) == 3
    assert all(flow.materials[m].state is MaterialState.ORIGINAL for m in changed)
    assert flow.allowed_decision() == (Decision.ACCEPT, ())
    flow.set_material("marriage_declaration", MaterialInput(MaterialState.MISSING))
    allowed, missing = flow.allowed_decision()
    assert allowed is Decision.SUPPLEMENT and len(missing) == 1 and "签字声明" in missing[0]


def test_check_uses_the_stores_own_rules(catalog: Catalog, data_dir: object) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "社会保障卡启用"))
    with Station.open(data_dir) as station:  # type: ignore[arg-type]
        seed_station(station)
        checker = station.cases.check
        first = flow.check(checker, operator="clerk01", today=TODAY)
        assert not first.ready
        assert "applicant.name" in first.by_place and "applicant.phone" in first.by_place
        flow.fill_from_identity(CARD)
        flow.offer_phone("13812345678")
        flow.mark_required_received()
        ready = flow.check(checker, operator="clerk01", today=TODAY)
        assert ready.ready and ready.allowed is Decision.ACCEPT
        request = parse_request(flow.request_json(Decision.ACCEPT, operator="clerk01"), today=TODAY)
        result = station.cases.accept(request)
        assert result.status.value == "accepted"


def test_an_invalid_id_number_is_a_problem_at_its_place(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "社会保障卡启用"))
    flow.applicant = {"name": "李四", "doc_type": "resident", "id_number": "110105194912310021"}
    check = flow.check(lambda r: (None, []), operator="clerk01", today=TODAY)  # type: ignore[arg-type, return-value]
    assert [p.code for p in check.by_place["applicant.id_number"]] == ["id.checksum"]


def test_a_draft_round_trips_and_drops_what_the_catalog_lost(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog, channel=Channel.VILLAGE)
    flow.choose_matter(_code(catalog, "内地居民结婚登记"))
    flow.fill_from_identity(CARD)
    flow.set_material(
        "marriage_declaration", MaterialInput(MaterialState.DEFERRED, promised_date=TODAY)
    )
    content = flow.to_draft()
    content["materials"]["no_such_material"] = {"state": "original"}
    again = IntakeFlow.from_draft(catalog, content)
    assert again.channel is Channel.VILLAGE
    assert again.matters == flow.matters and again.applicant == flow.applicant
    assert again.materials["marriage_declaration"].promised_date == TODAY
    assert "no_such_material" not in again.materials
    gone = IntakeFlow.from_draft(catalog, {**content, "matters": ["NOT-IN-CATALOG"]})
    assert gone.matters == () and gone.applicant["name"] == "张𠮷祥"


def test_choosing_another_matter_keeps_what_both_ask(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "内地居民结婚登记"))
    flow.mark_required_received()
    flow.choose_matter(_code(catalog, "不动产登记资料查询"))
    assert flow.materials == {"id_card": MaterialInput(MaterialState.ORIGINAL, copies=1)}
    assert flow.first_empty_required_field() is None


def test_a_bundle_merges_shared_materials_once(catalog: Catalog) -> None:
    flow = IntakeFlow(catalog)
    code = next(iter(catalog.bundles))
    merged = flow.choose_bundle(code)
    assert len(merged.matters) > 1 and flow.bundle == code
    ids = [need.id for need in merged.materials]
    assert len(ids) == len(set(ids))


def test_the_search_offers_bundles_first_and_frequent_matters_on_top(catalog: Catalog) -> None:
    shbk = _code(catalog, "社会保障卡启用")
    index = ChoiceIndex(catalog, {shbk: 30})
    assert index.search("")[0].code == shbk  # nothing typed: the station's usual matter
    first = index.search("出生")[0]
    assert first.kind == "bundle" and "出生" in first.name
    assert index.search("shbzk")[0].code == shbk
    assert index.search("bdc")[0].name.startswith("不动产")


def test_the_index_holds_matters_and_bundles_and_finds_nothing_for_nonsense(
    catalog: Catalog,
) -> None:
    index = ChoiceIndex(catalog)
    assert len(index) == len(catalog.matters) + len(catalog.bundles)
    assert index.search("zzzzzzz") == []


def test_lookups_offer_a_returning_applicants_phone_and_the_usual_matters(
    data_dir: object,
) -> None:
    from intake.demo import add_demo_cases

    with Station.open(data_dir) as station:  # type: ignore[arg-type]
        seed_station(station)
        numbers = add_demo_cases(station, 12, days_back=10)
        case = station.cases.get(numbers[0])
        back = station.lookups.returning_applicant(case.applicant.id_number.lower())
        assert back.phone == case.applicant.phone
        assert numbers[0] in [c.case_number for c in back.cases]
        assert station.lookups.returning_applicant("110105194912310021").cases == ()
        usual = station.lookups.frequent_matters()
        assert sum(usual.values()) >= 12 and all(code in station.catalog.matters for code in usual)


def test_rejection_choices_cite_the_licensing_law_only_for_a_licence(catalog: Catalog) -> None:
    from intake.flow import rejection_choices

    permit = next(m for m in catalog.matters.values() if m.type == "行政许可")
    other = next(m for m in catalog.matters.values() if m.type != "行政许可" and m.legal_basis)
    flow = IntakeFlow(catalog)
    licensed = rejection_choices(flow.choose_matter(permit.code))
    assert "行政许可法》第三十二条" in licensed[1][1]
    plain = rejection_choices(flow.choose_matter(other.code))
    assert all("行政许可法" not in basis for _, basis in plain)
    assert plain[0][1] == other.legal_basis


def test_checking_a_chosen_decision_reports_its_own_problems(
    catalog: Catalog, data_dir: object
) -> None:
    flow = IntakeFlow(catalog)
    flow.choose_matter(_code(catalog, "社会保障卡启用"))
    flow.fill_from_identity(CARD)
    flow.offer_phone("13812345678")
    with Station.open(data_dir) as station:  # type: ignore[arg-type]
        seed_station(station)
        accept = flow.check(
            station.cases.check, operator="clerk01", today=TODAY, decision=Decision.ACCEPT
        )
        assert "decision.materials_missing" in [p.code for p in accept.problems]
        reject = flow.check(
            station.cases.check, operator="clerk01", today=TODAY, decision=Decision.REJECT
        )
        assert {"decision.reason_required", "decision.legal_basis_required"} <= {
            p.code for p in reject.problems
        }


def test_a_village_station_is_offered_village_matters_only(catalog: Catalog) -> None:
    index = ChoiceIndex(catalog, level="village")
    village = {m.code for m in catalog.matters.values() if "village" in m.levels}
    found = index.search("登记", limit=100) + index.search("证明", limit=100)
    assert found and all(c.code in village for c in found if c.kind == "matter")
    assert len(index) < len(ChoiceIndex(catalog))


def test_a_bundles_situations_select_what_is_asked_and_travel_with_the_request(
    catalog: Catalog, data_dir: object
) -> None:
    code, bundle = next((c, b) for c, b in catalog.bundles.items() if b.situations)
    flow = IntakeFlow(catalog)
    whole = flow.choose_bundle(code)
    questions = flow.situations(code)
    assert questions == bundle.situations
    # the answers that leave out the most: each question's option dropping the most matters
    answers = {
        s.key: max(s.options, key=lambda o: len(o.drop_matters) + len(o.skip_materials)).value
        for s in questions
    }
    narrow = flow.choose_bundle(code, answers)
    assert len(narrow.matters) + len(narrow.materials) < len(whole.matters) + len(whole.materials)
    assert flow.request_json(Decision.ACCEPT, operator="x")["answers"] == answers
    again = IntakeFlow.from_draft(catalog, flow.to_draft())
    assert again.answers == answers and again.merged == narrow
