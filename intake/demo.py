"""A demo station: its settings, operators, the demo catalog and realistic cases.

Cases are made through the same ``CaseService.accept`` a clerk's screen uses, so the demo,
the benchmarks and the tests exercise the real rules. Every person is invented; ID numbers
are valid in form (real region codes, real dates, correct check characters) but random.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from intake.catalog import load_demo_catalog
from intake.catalog.forms import check_value
from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.catalog.model import Catalog, FieldDef, FieldType, MaterialForm
from intake.clock import CST, now
from intake.errors import RequestError
from intake.identity import check_char
from intake.notice_rules import referral_for
from intake.requests import MaterialInput, parse_request
from intake.rules import latest_promise_date
from intake.services.operators import Role
from intake.station import Station, StationSettings
from intake.status import Actor, Status
from intake.views import Decision, MaterialState

DEMO_SETTINGS = StationSettings(
    station_code="CSX001",
    office_name="长沙县政务服务中心",
    area_code="430121000000",
    level="county",
    phone="0731-84011234",
    address="长沙县星沙街道开元东路1号",
    tracking_url_template="https://zwfw.example.gov.cn/track?no={case_number}&v={verify}",
    hub_url=None,
)
DEMO_OPERATORS = (
    ("clerk01", "李明", Role.CLERK),
    ("clerk02", "陈静", Role.CLERK),
    ("agent01", "王芳", Role.AGENT),
    ("super01", "赵强", Role.SUPERVISOR),
)
DEMO_PASSWORD = "windowdesk"  # demo only; documented in the README

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国建华志强文斌海燕"
    "春梅小红晓东丹宇浩然子轩欣怡梓涵一诺雨桐思远嘉怡俊杰佳豪"
)
RARE = ("𠮷", "䶮", "𡈼", "堃", "喆", "昇")  # incl. characters outside the BMP
REGIONS = (
    "430121",
    "430102",
    "430103",
    "430104",
    "430105",
    "430111",
    "430181",
    "430182",
    "430124",
    "430223",
    "430321",
    "430521",
    "430621",
    "431021",
    "110105",
    "440106",
)
STREETS = (
    "星沙街道开元东路",
    "湘龙街道湘府路",
    "榔梨街道陶公庙路",
    "黄兴镇黄兴大道",
    "果园镇浔龙河村",
    "金井镇金井村",
    "春华镇春华山村",
    "安沙镇和平村",
)


@dataclass(frozen=True)
class DemoPerson:
    name: str
    id_number: str
    birth: date
    sex: str
    phone: str
    address: str


def make_id_number(rng: random.Random, birth: date, sex: str, region: str) -> str:
    seq = rng.randrange(0, 999)
    if (seq % 2 == 1) != (sex == "1"):
        seq = (seq + 1) % 1000
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def make_person(
    rng: random.Random, *, min_age: int = 18, max_age: int = 90, today: date | None = None
) -> DemoPerson:
    today = today or date.today()
    sex = rng.choice("12")
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    if rng.random() < 0.02:
        given = given[:1] + rng.choice(RARE)
    birth = today - timedelta(days=rng.randrange(min_age * 365 + 5, max_age * 365))
    phone = "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
    address = f"湖南省长沙县{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
    name = rng.choice(SURNAMES) + given
    return DemoPerson(
        name, make_id_number(rng, birth, sex, rng.choice(REGIONS)), birth, sex, phone, address
    )


def _field_value(rng: random.Random, f: FieldDef, person: DemoPerson, today: date) -> Any:
    label = f.label
    candidates: list[Any]
    if f.type is FieldType.SELECT:
        return rng.choice(f.options) if f.options else None
    if f.type is FieldType.MULTISELECT:
        return rng.sample(list(f.options), k=min(len(f.options), rng.randint(1, 2)))
    if f.type is FieldType.BOOL:
        return rng.random() < 0.5
    if f.type is FieldType.DATE:
        if "出生" in label:
            return (today - timedelta(days=rng.randrange(1, 60))).isoformat()
        return (today - timedelta(days=rng.randrange(1, 400))).isoformat()
    if f.type is FieldType.PHONE:
        return person.phone
    if f.type is FieldType.ID_NUMBER:
        other = make_person(rng, today=today)
        return other.id_number
    if f.type in (FieldType.NUMBER, FieldType.MONEY):
        low = f.min_value if f.min_value is not None else Decimal(1)
        high = f.max_value if f.max_value is not None else low + 200
        value = Decimal(rng.randint(int(low), max(int(low), int(high))))
        return str(value) if f.type is FieldType.MONEY else int(value)
    if f.type is FieldType.ADDRESS or "地址" in label or "住址" in label:
        candidates = [person.address]
    elif "姓名" in label:
        candidates = [make_person(rng, today=today).name]
    elif "账号" in label or "卡号" in label:
        candidates = ["6228" + "".join(rng.choice("0123456789") for _ in range(15))]
    elif "银行" in label:
        candidates = ["中国农业银行长沙县支行", "长沙农村商业银行星沙支行", "中国工商银行星沙支行"]
    elif "名称" in label or "字号" in label:
        candidates = ["长沙县星沙" + rng.choice(("湘味", "和顺", "福满楼", "老街")) + "餐饮店"]
    elif "代码" in label:
        candidates = ["91430121MA4" + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(7))]
    else:
        candidates = ["详见申请材料", "无", "家庭困难，申请救助", "本人申请"]
    for value in candidates:
        if not check_value(f, value, today=today):
            return value
    return None


def _requests(
    rng: random.Random,
    catalog: Catalog,
    station: StationSettings,
    operators: list[str],
    agents: list[str],
    days_back: int,
    today: date,
) -> Iterator[dict[str, Any]]:
    matters = sorted(catalog.matters.values(), key=lambda m: m.code)
    bundles = sorted(catalog.bundles.values(), key=lambda b: b.code)
    # every fourth case is a 承诺件 with a 容缺 material, so that however large the catalog
    # grows the demo shows the 容缺 promises (the follow-up lists, the promise notice)
    deferrable = [
        m
        for m in matters
        if m.promised_limit_days > 1 and any(r.may_defer and r.required for r in m.materials)
    ]
    # and every fourth another a 即办件 the window completes and delivers at once (送达)
    done_at_once = [m for m in matters if m.immediate and m.window_completes]
    serial = 0
    while True:
        serial += 1
        with_promise = bool(deferrable) and serial % 4 == 2
        at_once = bool(done_at_once) and serial % 4 == 0
        village = not (with_promise or at_once) and rng.random() < 0.15
        kiosk = not village and not (with_promise or at_once) and rng.random() < 0.05
        merged: MergedRequirements
        target: dict[str, Any]
        if with_promise or at_once:
            matter = rng.choice(deferrable if with_promise else done_at_once)
            merged = merge_requirements(catalog, [matter.code])
            target = {"matters": [matter.code]}
        elif not village and bundles and rng.random() < 0.25:
            bundle = rng.choice(bundles)
            merged = merge_bundle(catalog, bundle.code)
            target = {"bundle": bundle.code}
        else:
            pool = [m for m in matters if "village" in m.levels] if village else matters
            matter = rng.choice(pool or matters)
            merged = merge_requirements(catalog, [matter.code])
            target = {"matters": [matter.code]}
        applicant = make_person(rng, min_age=60 if village else 18, today=today)
        received = datetime.combine(
            today - timedelta(days=rng.randrange(0, days_back + 1)), datetime.min.time(), CST
        )
        received += timedelta(
            hours=rng.randint(8, 16), minutes=rng.randrange(60), seconds=rng.randrange(60)
        )
        received = min(received, now() - timedelta(minutes=1))  # never ahead of the clock
        roll = 0.0 if with_promise or at_once else rng.random()
        decision = (
            Decision.RECEIVE
            if kiosk
            else Decision.ACCEPT
            if roll < 0.72
            else Decision.SUPPLEMENT
            if roll < 0.93
            else Decision.REJECT
        )
        materials: dict[str, Any] = {}
        required = [n for n in merged.materials if n.required]
        short = rng.choice(required).id if required and decision is Decision.SUPPLEMENT else None
        for need in merged.materials:
            state = MaterialState.COPY if need.form is MaterialForm.COPY else MaterialState.ORIGINAL
            entry: dict[str, Any] = {"state": state.value, "copies": need.copies}
            if need.id == short:
                entry = {"state": "missing", "note": f"未提供{need.material.name}，请补齐后提交"}
            elif need.material.licence_type and rng.random() < 0.25:
                entry = {
                    "state": "licence",
                    "licence_number": f"DZZZ-{rng.randrange(10**9, 10**10)}",
                }
            elif (
                need.may_defer
                and decision is Decision.ACCEPT
                and (with_promise or rng.random() < 0.7)
            ):
                latest = latest_promise_date(merged, need.id, received.date())
                room = (latest - received.date()).days
                if room >= 1:  # within the promised limit (none for a 即办件)
                    entry = {
                        "state": "deferred",
                        "promised_date": (
                            received.date() + timedelta(days=rng.randint(1, room))
                        ).isoformat(),
                    }
            elif not need.required and rng.random() < 0.4:
                entry = {"state": "not_applicable"}
            materials[need.id] = entry
        form = {}
        for req in merged.fields:
            value = _field_value(rng, req.field, applicant, received.date())
            if value is not None:
                form[req.key] = value
        person = {
            "name": applicant.name,
            "doc_type": "resident",
            "id_number": applicant.id_number,
            "phone": applicant.phone,
            "sex": applicant.sex,
            "birth_date": applicant.birth.isoformat(),
            "address": applicant.address,
        }
        request: dict[str, Any] = {
            **target,
            "applicant": person,
            "channel": "village" if village else "kiosk" if kiosk else "counter",
            "materials": materials,
            "form": form,
            "decision": decision.value,
            "operator": rng.choice(agents if village else operators),
            "received_at": received.isoformat(),
        }
        if received.date() < today:  # demo history: recorded now, received days ago
            request["extras"] = {"late_entry_reason": "演示数据：补录的历史收件"}
        if village:
            agent = make_person(rng, min_age=25, max_age=55, today=today)
            request["agent"] = {
                "name": agent.name,
                "doc_type": "resident",
                "id_number": agent.id_number,
                "phone": agent.phone,
            }
        if decision is Decision.REJECT:
            request["reason"] = "申请事项依法不属于本行政机关职权范围"
            request["reason_kind"] = "not_competent"
            licensing = all(m.type == "行政许可" for m in merged.matters)
            request["legal_basis"] = (
                "《中华人民共和国行政许可法》第三十二条第一款第（二）项"
                if licensing
                else "；".join(dict.fromkeys(m.legal_basis for m in merged.matters))
                or "申请事项所依据的法律、法规的有关规定"
            )
            if not referral_for(merged):
                request["refer_to"] = "申请人户籍所在地的有关主管部门"
        yield request


def seed_station(station: Station, *, settings: StationSettings = DEMO_SETTINGS) -> None:
    """Settings, operators and the demo catalog, unless the station already has them."""
    if not station.is_set_up:
        station.set_up(settings)
    known = {op.id for op in station.operators.list()}
    for op_id, name, role in DEMO_OPERATORS:
        if op_id not in known:
            station.operators.add(op_id, name, role, DEMO_PASSWORD)
    if not station.catalogs.versions():
        station.catalogs.load(load_demo_catalog_bytes())


def load_demo_catalog_bytes() -> bytes:
    from importlib import resources

    return resources.files("intake.catalog").joinpath("demo_catalog.json").read_bytes()


def add_demo_cases(
    station: Station,
    count: int,
    *,
    seed: int = 2026,
    days_back: int = 30,
    today: date | None = None,
) -> list[str]:
    """Add ``count`` realistic cases; return their case numbers."""
    rng = random.Random(seed)
    today = today or now().astimezone(CST).date()
    catalog = station.catalog
    ops = [op.id for op in station.operators.list() if op.role is not Role.AGENT]
    agents = [op.id for op in station.operators.list() if op.role is Role.AGENT] or ops
    numbers: list[str] = []
    requests = _requests(rng, catalog, station.settings, ops, agents, days_back, today)
    attempts = 0
    kept_supplement = False
    while len(numbers) < count:
        attempts += 1
        if attempts > count * 5 + 20:
            raise RuntimeError("the demo generator cannot satisfy the catalog's forms")
        raw = next(requests)
        try:
            request = parse_request(raw, today=today)
            result = station.cases.accept(request)
        except RequestError:
            continue  # a generated form the catalog's rules refuse: try another case
        numbers.append(result.case_number)
        # the first 补正 stays waiting, so that the demo always shows one to follow up
        first_supplement = result.status is Status.SUPPLEMENT and not kept_supplement
        kept_supplement = kept_supplement or first_supplement
        _progress_case(station, rng, result.case_number, raw, resolve=not first_supplement)
    return numbers


def _progress_case(
    station: Station,
    rng: random.Random,
    case_number: str,
    raw: dict[str, Any],
    *,
    resolve: bool = True,
) -> None:
    """Station-side steps a demo case may have gone through since (即办件 done at once)."""
    view = station.cases.get(case_number)
    # 受审分离: the window completes only the 即办件 it is authorised for; the rest is decided
    # by the departments and arrives through sync.
    if view.status is Status.ACCEPTED and all(
        m.immediate and m.window_completes for m in view.matters
    ):
        operator = raw["operator"]
        station.cases.transition(
            case_number,
            Status.COMPLETED,
            actor=Actor.STATION,
            operator=operator,
            at=view.received_at + timedelta(minutes=8),
        )
        station.cases.transition(
            case_number,
            Status.DELIVERED,
            actor=Actor.STATION,
            operator=operator,
            at=view.received_at + timedelta(minutes=9),
        )
        if rng.random() < 0.6:
            level = rng.choice((5, 5, 5, 4, 4, 3, 2))
            station.cases.evaluate(
                case_number,
                level,
                "等候时间较长" if level <= 2 else "",
                operator=operator,
                reasons=("waiting",) if level <= 2 else (),
            )
    elif view.status is Status.SUPPLEMENT and rng.random() < 0.6 and resolve:
        # the applicant came back with what the 一次性告知 listed: 补正 received, 受理
        brought = {
            m.material_id: MaterialInput(
                MaterialState.ORIGINAL, max(m.copies, 1), note="补正材料已收"
            )
            for m in view.materials
            if m.required and m.state is MaterialState.MISSING
        }
        with contextlib.suppress(RequestError):  # a rule the generator missed: stays 补正
            station.cases.update_materials(
                case_number, brought, operator=raw["operator"], accept=True
            )


def add_followup_cases(
    station: Station, *, seed: int = 1212, today: date | None = None
) -> dict[str, list[str]]:
    """Cases in every state the follow-ups page lists, made through the core as a clerk's
    day makes them: 补正 waiting, 容缺 due and overdue, a 告知承诺 whose 核查 is near, results
    ready to deliver (办结 by the department), and open cases to withdraw. Returns the case
    numbers by list. Deterministic for a given seed and day."""
    rng = random.Random(seed)
    today = today or now().astimezone(CST).date()
    catalog = station.catalog
    ops = [op.id for op in station.operators.list() if op.role is not Role.AGENT]
    calendar = station.calendars.calendar()
    made: dict[str, list[str]] = {"supplement": [], "deferred": [], "commitment": [], "ready": []}
    wanted = {"supplement": 2, "deferred": 2, "commitment": 1, "ready": 2}
    generated = _requests(rng, catalog, station.settings, ops, ops, 20, today)
    for _attempt in range(400):
        open_slots = [k for k, n in wanted.items() if len(made[k]) < n]
        if not open_slots:
            break
        raw = next(generated)
        if raw.get("channel") != "counter":
            continue
        codes = raw.get("matters") or list(catalog.bundles[raw["bundle"]].matters)
        if raw.get("bundle"):
            continue  # single matters keep the demo lists readable
        merged = merge_requirements(catalog, codes)
        slot = open_slots[0]
        materials = {
            need.id: {"state": "original", "copies": need.copies}
            for need in merged.materials
            if need.required
        }
        days_ago = {"supplement": 3, "deferred": 6, "commitment": 0, "ready": 9}[slot]
        if slot == "commitment":
            need = next((n for n in merged.materials if n.commitment.allowed), None)
            if need is None:
                continue
            # 核查 due in two working days: accepted (limit - 2) working days ago
            back = max(need.commitment.verify_within_days - 2, 0)
            day = today
            while calendar.working_days_between(day, today) < back:
                day -= timedelta(days=1)
            days_ago = (today - day).days
            materials[need.id] = {"state": "commitment"}
        received = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), CST)
        received += timedelta(hours=9 + len(made[slot]), minutes=rng.randrange(60))
        received = min(received, now() - timedelta(minutes=1))
        if slot == "supplement":
            need = next((n for n in merged.materials if n.required), None)
            if need is None:
                continue
            materials[need.id] = {"state": "missing", "note": f"未提供{need.material.name}"}
            raw["decision"] = "supplement"
        elif slot == "deferred":
            need = next((n for n in merged.materials if n.may_defer and n.required), None)
            if need is None:
                continue
            latest = latest_promise_date(merged, need.id, received.date())
            # the first promise is overdue, the second due tomorrow (or as late as allowed)
            promised = received.date() + timedelta(days=2 if not made[slot] else days_ago + 1)
            if promised > latest or promised <= received.date():
                continue
            materials[need.id] = {"state": "deferred", "promised_date": promised.isoformat()}
            raw["decision"] = "accept"
        else:
            raw["decision"] = "accept"
        raw.update(materials=materials, received_at=received.isoformat())
        raw.pop("reason", None)
        raw.pop("legal_basis", None)
        raw.pop("agent", None)
        if received.date() < today:
            raw["extras"] = {"late_entry_reason": "演示数据：补录的历史收件"}
        else:
            raw.pop("extras", None)
        try:
            result = station.cases.accept(parse_request(raw, today=today))
        except RequestError:
            continue
        if slot == "ready":
            view = station.cases.get(result.case_number)
            station.cases.transition(
                result.case_number,
                Status.COMPLETED,
                actor=Actor.PLATFORM,
                operator=view.matters[0].department,
                note="准予许可",
                at=received + timedelta(days=days_ago - 1),
            )
        made[slot].append(result.case_number)
    return made


__all__ = [
    "DEMO_SETTINGS",
    "add_demo_cases",
    "add_followup_cases",
    "load_demo_catalog",
    "make_person",
    "seed_station",
]
