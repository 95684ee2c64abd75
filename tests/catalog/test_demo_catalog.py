"""The demo catalog: loads cleanly and is as rich as issue 2 asks."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from decimal import Decimal

from stdnum.cn import uscc

from intake.catalog import (
    Catalog,
    catalog_summary,
    demo_catalog_path,
    load_catalog_file,
    merge_bundle,
)
from intake.catalog.model import Situation, SituationOption, SituationType

NATIONAL_BUNDLES = [
    "新生儿出生",
    "退休",
    "残疾人服务",
    "社会保障卡居民服务",
    "开办餐饮店",
    "个人身后",
    "军人退役",
    "教育入学",
    "户口迁移",
    "申领居住证",
    "水电气网联合报装",
    "企业信息变更",
    "二手房转移登记及水电气网联动过户",
    "开办运输企业",
    "企业上市合法合规信息核查",
    "企业破产信息核查",
    "信用修复",
    "个体工商户登记",
    "就医费用报销",
    "企业迁移登记",
    "科技型企业创新政策扶持",
]
VILLAGE_MATTERS = [
    "高龄津贴申请",
    "城乡居民基本养老保险参保登记",
    "城乡居民基本养老保险待遇申领",
    "城乡居民基本医疗保险参保缴费",
    "临时救助申请",
    "最低生活保障申请",
    "困难残疾人生活补贴申请",
    "重度残疾人护理补贴申请",
    "农村村民宅基地和建房（规划许可）审批",
    "农村部分计划生育家庭奖励扶助",
]
DEPARTMENT_WORDS = [
    "公安",
    "人力资源和社会保障",
    "医疗保障",
    "民政",
    "卫生健康",
    "教育",
    "市场监督管理",
    "不动产",
    "残疾人联合会",
    "税务",
    "住房公积金",
    "退役军人",
    "消防",
    "城市管理",
]


def test_file_and_resource_agree(demo: Catalog) -> None:
    path = demo_catalog_path()
    assert path.is_file()
    assert demo.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_catalog_file(path) == demo


def test_counts(demo: Catalog) -> None:
    counts = catalog_summary(demo)["counts"]
    assert counts["matters"] >= 45
    assert counts["departments"] >= 10
    assert counts["bundles"] >= 12
    assert counts["village_matters"] >= 10
    assert 10 <= counts["immediate_matters"] <= counts["matters"] - 10  # a real mix
    assert len({m.department.code for m in demo.matters.values()}) >= 10


def test_departments(demo: Catalog) -> None:
    names = [d.name for d in demo.departments.values()]
    for word in DEPARTMENT_WORDS:
        assert any(word in n for n in names), word
    assert any("供电" in n for n in names) and any("燃气" in n for n in names)
    for code in demo.departments:
        assert uscc.is_valid(code), code  # 统一社会信用代码 of the implementing body


def test_national_bundles(demo: Catalog) -> None:
    names = [b.name for b in demo.bundles.values()]
    for wanted in NATIONAL_BUNDLES:
        assert f"{wanted}一件事" in names, wanted
    for bundle in demo.bundles.values():
        merged = merge_bundle(demo, bundle.code)
        departments = {m.department.code for m in merged.matters}
        assert len(merged.matters) >= 2
        if bundle.name != "社会保障卡居民服务一件事":  # one department's card services
            assert len(departments) >= 2, bundle.name
        # Shared materials really are shared refs: the merged list is shorter.
        assert len(merged.materials) < sum(len(m.materials) for m in merged.matters), bundle.name


def test_village_matters(demo: Catalog) -> None:
    by_name = {m.name: m for m in demo.matters.values()}
    for name in VILLAGE_MATTERS:
        assert "village" in by_name[name].levels, name


def test_codes_follow_the_gb_t_39554_shape(demo: Catalog) -> None:
    basic_by_department: dict[str, set[str]] = defaultdict(set)
    for matter in demo.matters.values():
        assert re.fullmatch(r"\d{12}", matter.area_code)
        parts = matter.code.split("-")
        assert parts[0] == matter.basic_code and parts[1] == matter.area_code
        assert parts[3] == matter.department.code
        assert re.fullmatch(r"[0-9A-Z]{14}-\d{12}-\d{3}-[0-9A-Z]{18}-\d-\d{2}", matter.code)
        basic_by_department[matter.department.code].add(matter.basic_code[6:8])
    # one department number per department inside its basic codes
    assert all(len(numbers) == 1 for numbers in basic_by_department.values())


def test_fees_limits_and_basis(demo: Catalog) -> None:
    matters = list(demo.matters.values())
    paid = {m.name: m.fee.amount for m in matters if m.fee.amount > 0}
    assert paid["居民身份证换领"] == Decimal("20")
    assert paid["居民身份证补领"] == Decimal("40")
    assert sum(1 for m in matters if m.fee.amount == 0) > len(matters) * 0.8
    assert all(m.legal_basis and m.result and m.keywords for m in matters)
    assert all(m.promised_limit_days <= m.legal_limit_days for m in matters)
    assert {m.scope.value for m in matters} >= {"local", "county", "city", "province", "national"}


def test_materials_and_fields_are_credible(demo: Catalog) -> None:
    names = {m.name for m in demo.materials.values()}
    for wanted in [
        "申请人居民身份证",
        "居民户口簿",
        "结婚证",
        "出生医学证明",
        "营业执照",
        "不动产权证书",
        "中华人民共和国残疾人证",
        "退出现役证",
    ]:
        assert wanted in names, wanted
    assert sum(1 for m in demo.materials.values() if m.licence_type) >= 10
    labels = {f.label for f in demo.fields.values()}
    for wanted in [
        "联系电话",
        "现居住地址",
        "开户银行",
        "银行账号",
        "与申请人关系",
        "出生日期",
        "婴儿姓名",
        "经营场所面积（平方米）",
    ]:
        assert wanted in labels, wanted
    used = {r.id for m in demo.matters.values() for r in m.materials}
    assert used == set(demo.materials)  # no dead library entries
    asked = {r.key for m in demo.matters.values() for r in m.fields}
    assert asked == set(demo.fields)
    deferrable = [r for m in demo.matters.values() for r in m.materials if r.may_defer]
    assert deferrable and all(r.required for r in deferrable)
    key_materials = {"id_card", "hukou", "death_cert", "birth_cert", "property_cert"}
    assert not {r.id for r in deferrable} & key_materials  # 容缺 only for non-key materials


def test_every_bundle_and_matter_has_a_full_guide(demo: Catalog) -> None:
    """办事指南: 办理时间, 办理地点, 咨询电话, 监督电话, 办理流程 for everything a citizen may
    choose (the hall's defaults, a matter's or bundle's own where they differ)."""
    assert demo.guide.hours and demo.guide.place and "12345" in demo.guide.supervise_phone
    for code in [*demo.bundles, *demo.matters]:
        guide = demo.guide_for(code)
        assert guide.hours and guide.place and guide.consult_phone, code
        assert "12345" in guide.supervise_phone and len(guide.steps) >= 3, code
    medical = next(b for b in demo.bundles.values() if b.name == "就医费用报销一件事")
    assert "医保窗口" in demo.guide_for(medical.code).place  # its own hall, not the default


def test_the_second_batch_bundles_ask_their_situations(demo: Catalog) -> None:
    """Each bundle added for the national batches asks 情形, and each answer that should
    change the bundle (leave a matter out, skip a material) really does."""

    def value(situation: Situation, option: SituationOption) -> str | bool:
        return option.value == "yes" if situation.type is SituationType.BOOL else option.value

    def shape(answers: dict[str, str | bool]) -> tuple[set[str], set[str]]:
        merged = merge_bundle(demo, bundle.code, answers)
        return {m.code for m in merged.matters}, {m.id for m in merged.materials}

    for name in NATIONAL_BUNDLES[-8:]:
        bundle = next(b for b in demo.bundles.values() if b.name == f"{name}一件事")
        assert bundle.situations, name
        base = {s.key: value(s, s.options[0]) for s in bundle.situations}
        for situation in bundle.situations:
            first = situation.options[0]
            for option in situation.options[1:]:
                effects = (option.drop_matters, option.skip_materials)
                if effects != (first.drop_matters, first.skip_materials):
                    other = {**base, situation.key: value(situation, option)}
                    assert shape(other) != shape(base), (name, situation.key, option.value)


def test_marriage_registration_follows_the_2025_regulation(demo: Catalog) -> None:
    """婚姻登记条例 (2025 修订): the 户口簿 is no longer asked; the signed declaration is."""
    marriage = next(m for m in demo.matters.values() if m.name == "内地居民结婚登记")
    asked = {r.material.id for r in marriage.materials}
    assert "hukou" not in asked and "marriage_declaration" in asked
    assert "2025年修订" in marriage.legal_basis
