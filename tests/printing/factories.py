"""Realistic cases for printing tests (built by hand until they come from the store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from intake.catalog.model import (
    Catalog,
    Department,
    Fee,
    MaterialDef,
    MaterialForm,
    MaterialRequirement,
    Matter,
    Scope,
)
from intake.identity import DocType
from intake.status import Outcome, Status
from intake.views import (
    CaseOutcome,
    CaseView,
    Channel,
    DeadlineInfo,
    HistoryEntry,
    MaterialRecord,
    MaterialState,
    MatterRef,
    Person,
)
from printing.context import Office

OFFICE = Office(
    station_code="430302001",
    name="湘潭市雨湖区政务服务中心",
    phone="0731-58581234",
    address="湘潭市雨湖区建设北路 88 号政务服务中心一楼综合窗口",
    tracking_url_template="https://zwfw.example.gov.cn/track?no={case_number}&v={verify}",
)

RARE_NAME = "𠮷祥云"  # U+20BB7 is outside the BMP and missing from WenQuanYi

MATTERS = (
    MatterRef(
        "430302-XK-0101",
        "000101001000",
        "3",
        "出生医学证明首次签发",
        "市卫生健康委员会",
        False,
        20,
        5,
    ),
    MatterRef(
        "430302-GG-0102", "000102002000", "2", "出生登记（户口）", "市公安局雨湖分局", False, 20, 3
    ),
    MatterRef(
        "430302-GG-0103", "000103003000", "1", "城乡居民医保参保登记", "区医疗保障局", True, 1, 0
    ),
    MatterRef(
        "430302-GG-0104",
        "000104004000",
        "4",
        "社会保障卡申领",
        "区人力资源和社会保障局",
        False,
        20,
        7,
    ),
)


def _material(i: int, name: str, state: MaterialState, **kw: object) -> MaterialRecord:
    return MaterialRecord(f"M{i:03d}", name, state, **kw)  # type: ignore[arg-type]


BASE_MATERIALS = (
    _material(
        1,
        "父母双方居民身份证",
        MaterialState.ORIGINAL,
        copies=2,
        matters=("430302-XK-0101", "430302-GG-0102"),
    ),
    _material(2, "居民户口簿", MaterialState.COPY, copies=1, matters=("430302-GG-0102",)),
    _material(
        3,
        "结婚证",
        MaterialState.LICENCE,
        licence_number="DZZZ-430302-2019-001234",
        matters=("430302-GG-0102",),
    ),
    _material(
        4,
        "出生医学证明（医院存根）",
        MaterialState.DEFERRED,
        promised_date=date(2026, 12, 4),
        matters=("430302-XK-0101",),
    ),
    _material(5, "新生儿免冠照片", MaterialState.COMMITMENT, matters=("430302-GG-0104",)),
    _material(6, "医保参保登记表", MaterialState.ORIGINAL, copies=1, matters=("430302-GG-0103",)),
)


def make_case(**changes: object) -> CaseView:
    received = datetime(2026, 11, 20, 1, 35, tzinfo=UTC)  # 09:35 Beijing time
    accepted = datetime(2026, 11, 20, 1, 52, tzinfo=UTC)
    view = CaseView(
        id="0193a5e2-7c1d-7b3e-9f21-5d8c0a1b2c3d",
        case_number="430302202611200017",
        station_code=OFFICE.station_code,
        channel=Channel.COUNTER,
        status=Status.ACCEPTED,
        applicant=Person(RARE_NAME, DocType.RESIDENT, "430302199203154518", "13812345678"),
        agent=None,
        matters=MATTERS,
        bundle_code="XSECS",
        bundle_name="新生儿出生“一件事”",
        materials=BASE_MATERIALS,
        form_data={},
        catalog_version="2026.11.1",
        received_at=received,
        accepted_at=accepted,
        received_area="430302000000",
        handled_area="430302000000",
        operator_id="op-007",
        operator_name="李晓梅",
        deadline=DeadlineInfo(date(2026, 12, 1), date(2026, 11, 27), False, 0, 5, False),
        history=(
            HistoryEntry(1, received, Status.RECEIVED, "received", "station", "op-007"),
            HistoryEntry(2, accepted, Status.ACCEPTED, "accepted", "station", "op-007"),
        ),
    )
    return replace(view, **changes)  # type: ignore[arg-type]


def long_case(n: int = 45) -> CaseView:
    """A bundle whose material list cannot fit on one page."""
    mats = tuple(
        _material(
            100 + i,
            f"第{i}项证明材料（含原件核验及复印件留存）",
            MaterialState.ORIGINAL,
            copies=1 + i % 3,
        )
        for i in range(1, n + 1)
    )
    return make_case(materials=BASE_MATERIALS + mats)


def supplement_case() -> CaseView:
    at = datetime(2026, 11, 21, 2, 10, tzinfo=UTC)
    mats = (
        *BASE_MATERIALS[:3],
        _material(7, "出生医学证明", MaterialState.MISSING),
        _material(
            8,
            "新生儿免冠照片",
            MaterialState.COPY,
            copies=1,
            note="照片背景须为白色，近六个月内拍摄",
        ),
    )
    return make_case(
        status=Status.SUPPLEMENT,
        accepted_at=None,
        materials=mats,
        deadline=None,
        decision_reason="出生医学证明尚未提交，照片不符合规格",
        history=(HistoryEntry(1, at, Status.SUPPLEMENT, "supplement", "station", "op-007"),),
    )


def rejected_case() -> CaseView:
    at = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
    return make_case(
        status=Status.REJECTED,
        accepted_at=None,
        deadline=None,
        applicant=Person("欧阳小明", DocType.RESIDENT, "430302198805061234", "13900001111"),
        decision_reason="申请事项依法不属于本机关职权范围，应向户籍所在地公安机关申请",
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        history=(HistoryEntry(1, at, Status.REJECTED, "rejected", "station", "op-007"),),
    )


def completed_case(outcome: CaseOutcome | None = None) -> CaseView:
    """A 办结 the department granted (or ``outcome``: refused, terminated, or None for a
    platform that sent no result)."""
    done = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
    base = make_case()
    return replace(
        base,
        status=Status.COMPLETED,
        outcome=outcome,
        history=(
            *base.history,
            HistoryEntry(
                3, done, Status.COMPLETED, "completed", "platform", "区人力资源和社会保障局"
            ),
        ),
    )


GRANTED = CaseOutcome(Outcome.GRANTED, decided_by="区人力资源和社会保障局")
REFUSED = CaseOutcome(
    Outcome.REFUSED,
    reason="申请人不符合本市参保登记条件，已在外省参保",
    legal_basis="《社会保险法》第五十八条",
    decided_by="区人力资源和社会保障局",
)
TERMINATED = CaseOutcome(
    Outcome.TERMINATED,
    reason="申请人在审查期间书面撤回申请",
    legal_basis="《湖南省政务服务管理办法》第二十二条",
    decided_by="区人力资源和社会保障局",
)


def delivered_case() -> CaseView:
    at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    base = completed_case()
    return replace(
        base,
        status=Status.DELIVERED,
        history=(
            *base.history,
            HistoryEntry(4, at, Status.DELIVERED, "delivered", "station", "clerk01", "代领"),
        ),
        extras={
            "delivery": {
                "method": "window",
                "collector": "agent",
                "collector_name": "王代领",
                "collector_id_masked": "4301**********0012",
                "tracking_number": "",
            }
        },
    )


def withdrawn_case() -> CaseView:
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    base = make_case()
    return replace(
        base,
        status=Status.WITHDRAWN,
        history=(
            *base.history,
            HistoryEntry(
                3,
                at,
                Status.WITHDRAWN,
                "withdrawn",
                "station",
                "clerk01",
                "申请人申请撤回：材料需重新准备",
            ),
        ),
    )


def provisional_case() -> CaseView:
    return make_case(deadline=DeadlineInfo(date(2027, 1, 8), date(2027, 1, 5), True, 0, 30, False))


def catalog() -> Catalog:
    dept = Department("D1", "区人力资源和社会保障局")
    photo = MaterialDef("M005", "新生儿免冠照片", MaterialForm.ORIGINAL, 1, note="白底近期照片")
    birth = MaterialDef("M007", "出生医学证明", MaterialForm.ORIGINAL, 1)
    matters = {}
    for ref in MATTERS:
        matters[ref.code] = Matter(
            code=ref.code,
            basic_code=ref.basic_code,
            version=ref.version,
            area_code="430302000000",
            name=ref.name,
            type="公共服务",
            department=dept,
            legal_limit_days=ref.legal_limit_days,
            promised_limit_days=ref.promised_limit_days,
            immediate=ref.immediate,
            scope=Scope.CITY,
            fee=Fee(Decimal("10"), "社保卡工本费") if ref.code.endswith("0104") else Fee(),
            materials=(MaterialRequirement(photo), MaterialRequirement(birth)),
            fields=(),
            result="社会保障卡" if ref.code.endswith("0104") else "户口簿登记页",
            delivery=("window", "post"),
            legal_basis="《社会保险法》第五十八条",
        )
    return Catalog("2026.11.1", "2026-11-01", "湖南省政务服务平台", matters, {}, {"D1": dept}, {})
