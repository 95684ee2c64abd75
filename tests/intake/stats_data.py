"""A data set of 20 cases built one by one through the real services, whose figures are
written by hand in tests/intake/test_stats.py (and read back from the exports).

The period is 2026-09-24 (Thu) … 2026-10-12 (Mon), "today" 2026-10-12. It spans the
中秋节 holiday (Fri 09-25), a weekend, the 国庆节 week (10-01 … 10-07) and the 调休 make-up
Saturday 10-10, so the working-day figures only come out right with the real calendar.

Matters (tests/intake/conftest.py's mini catalog): G 高龄津贴 (5 working days, 容缺 allowed
for the 户口簿), I 居民身份证补领 (即办件, here authorised for the window to complete), Y 养老保险
参保登记 (3 working days), B the bundle G + Y.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, insert, select

from intake.clock import CST
from intake.demo import DEMO_OPERATORS, DEMO_PASSWORD, DEMO_SETTINGS
from intake.requests import MaterialInput, parse_request
from intake.services.operators import OperatorService
from intake.station import Station
from intake.status import Actor, Status
from intake.store.models import CaseHistoryRow, table_of
from intake.views import MaterialState
from tests.intake.conftest import APPLICANT, mini_catalog

START = dt.date(2026, 9, 24)
END = dt.date(2026, 10, 12)
TODAY = END

G, IM, Y = "MZ-GLJT", "GA-SFZBL", "RS-YLCB"


class Clock:
    def __init__(self) -> None:
        self.at = dt.datetime(2026, 9, 1, tzinfo=CST)

    def __call__(self) -> dt.datetime:
        return self.at


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CST)


def open_station(folder: Path) -> tuple[Station, Clock]:
    station = Station.open(folder)
    station.operators = OperatorService(station.db, PasswordHasher(time_cost=1, memory_cost=1024))
    station.set_up(DEMO_SETTINGS)
    for op_id, name, role in DEMO_OPERATORS:
        station.operators.add(op_id, name, role, DEMO_PASSWORD)
    catalog = mini_catalog("T-STATS")
    for matter in catalog["matters"]:
        if matter["code"] == IM:
            matter["window_completes"] = True
    station.catalogs.load(json.dumps(catalog, ensure_ascii=False).encode("utf-8"))
    clock = Clock()
    station.cases._now = clock
    station.stats._now = clock
    return station, clock


def _materials(codes: list[str], **overrides: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if G in codes or Y in codes:
        out.update({"M_ID": "original", "M_HKB": "original"})
    if IM in codes:
        out["M_PHOTO"] = {"state": "original", "copies": 2}
    out.update(overrides)
    return out


def _form(codes: list[str]) -> dict[str, Any]:
    form: dict[str, Any] = {}
    if G in codes:
        form["bank_account"] = "6228480012345678901"
    if Y in codes:
        form["relation"] = "本人"
    return form


def build(folder: Path) -> tuple[Station, dict[int, str]]:
    """The 20 cases; returns the station and case number by the test's case index."""
    station, clock = open_station(folder)
    cases = station.cases
    numbers: dict[int, str] = {}

    def accept(
        n: int,
        when: dt.datetime,
        operator: str,
        what: str,
        decision: str = "accept",
        **materials: Any,
    ) -> str:
        codes = [G, Y] if what == "B" else [{"G": G, "I": IM, "Y": Y}[what]]
        raw: dict[str, Any] = {
            "applicant": dict(APPLICANT),
            "materials": _materials(codes, **materials),
            "form": _form(codes),
            "decision": decision,
            "operator": operator,
            "received_at": when.isoformat(),
        }
        if what == "B":
            raw["bundle"] = "YJS-TEST"
        else:
            raw["matters"] = codes
        if decision == "reject":
            raw["reason"] = "不属于本机关职权范围"
            raw["legal_basis"] = "《行政许可法》第三十二条"
        clock.at = when
        numbers[n] = cases.accept(parse_request(raw, today=when.date())).case_number
        return numbers[n]

    def step(n: int, when: dt.datetime, *targets: Status, actor: Actor = Actor.PLATFORM) -> None:
        clock.at = when
        for target in targets:
            cases.transition(numbers[n], target, actor=actor, operator="县民政局", at=when)

    def window_done(n: int, when: dt.datetime) -> None:
        clock.at = when
        cases.transition(numbers[n], Status.COMPLETED, actor=Actor.STATION, operator="clerk01")

    def rate(n: int, when: dt.datetime, level: int, reason: str = "") -> None:
        clock.at = when
        low = ("waiting",) if level <= 2 else ()  # a low rating names its reasons
        first = cases.get(numbers[n]).departments[0]  # a bundle is rated per department
        cases.evaluate(numbers[n], level, reason, operator="clerk01", reasons=low, department=first)

    def brought(n: int, when: dt.datetime, material: str) -> None:
        clock.at = when
        cases.update_materials(
            numbers[n],
            {material: MaterialInput(MaterialState.ORIGINAL, 1)},
            operator="clerk01",
            accept=True,
        )

    missing = {"state": "missing", "note": "户口簿未带"}
    # 09-24 Thu (the day before 中秋节)
    accept(1, at(9, 24, 9), "clerk01", "I")
    window_done(1, at(9, 24, 9, 10))
    rate(1, at(9, 24, 9, 15), 5)
    accept(2, at(9, 24, 10), "clerk01", "G")
    step(2, at(9, 28, 10), Status.UNDERTAKEN, Status.COMPLETED)
    rate(2, at(9, 28, 11), 4)
    accept(3, at(9, 24, 11), "clerk02", "G", "supplement", M_HKB=missing)
    brought(3, at(9, 28, 9), "M_HKB")
    accept(4, at(9, 24, 14), "clerk02", "I")
    window_done(4, at(9, 28, 9))  # after the holiday and the weekend: not the same day
    # 09-28 Mon
    accept(
        5, at(9, 28, 9), "clerk01", "G", M_HKB={"state": "deferred", "promised_date": "2026-10-09"}
    )
    accept(6, at(9, 28, 10), "clerk01", "Y", "reject")
    accept(7, at(9, 28, 11), "clerk02", "B")
    step(7, at(9, 29, 9), Status.UNDERTAKEN)
    step(7, at(10, 8, 16), Status.COMPLETED)
    rate(7, at(10, 8, 16, 30), 2, "等候时间长")
    # 09-29 Tue
    accept(8, at(9, 29, 9), "clerk01", "I")
    window_done(8, at(9, 29, 9, 5))
    rate(8, at(9, 29, 9, 10), 3)
    accept(9, at(9, 29, 10), "clerk01", "I")
    window_done(9, at(9, 29, 10, 20))
    rate(9, at(9, 29, 10, 30), 1, "态度差")
    # 09-30 Wed (the day before 国庆节)
    accept(10, at(9, 30, 9), "clerk02", "G", "supplement", M_HKB=missing)
    accept(11, at(9, 30, 15), "clerk02", "G")
    step(11, at(10, 8, 9), Status.UNDERTAKEN, Status.COMPLETED)
    rate(11, at(10, 8, 10), 5)
    # 10-08 Thu
    accept(12, at(10, 8, 9), "clerk01", "Y")
    accept(13, at(10, 8, 10), "clerk01", "I")
    window_done(13, at(10, 8, 10, 15))
    rate(13, at(10, 8, 10, 20), 5)
    # 10-09 Fri
    accept(14, at(10, 9, 9), "clerk02", "G")
    step(14, at(10, 12, 15), Status.UNDERTAKEN, Status.COMPLETED)
    rate(14, at(10, 12, 15, 30), 4)
    accept(15, at(10, 9, 10), "clerk02", "Y", "supplement", M_HKB=missing)
    brought(15, at(10, 10, 9), "M_HKB")
    # 10-10 Sat, a 调休 working day
    accept(16, at(10, 10, 9), "clerk01", "I")
    window_done(16, at(10, 10, 9, 30))
    rate(16, at(10, 10, 9, 40), 5)
    accept(
        17,
        at(10, 10, 10),
        "clerk01",
        "G",
        M_HKB={"state": "deferred", "promised_date": "2026-10-13"},
    )
    # 10-12 Mon ("today")
    accept(18, at(10, 12, 9), "clerk02", "I")
    accept(19, at(10, 12, 10), "clerk01", "Y")
    # outside the period: ten minutes before it starts (Beijing time; 15:50 UTC)
    accept(20, at(9, 23, 23, 50), "clerk01", "G")

    # 跑动次数: the intake itself is every case's first visit (the core records it); the
    # applicants of 3 and 7 came back 1 and 2 more times (history rows as the core writes)
    visits = {3: 1, 7: 2}
    with station.db.write() as session:
        for n, count in visits.items():
            case_id = cases.case_id_in(session, numbers[n])
            last = session.scalar(
                select(func.max(CaseHistoryRow.seq)).where(CaseHistoryRow.case_id == case_id)
            )
            for k in range(count):
                session.execute(
                    insert(table_of(CaseHistoryRow)),
                    {
                        "case_id": case_id,
                        "seq": (last or 0) + k + 1,
                        "at": "2026-10-12T01:00:00.000000+00:00",
                        "status": "accepted",
                        "event": "visited",
                        "actor": "station",
                        "operator": "clerk01",
                        "note": "submit",
                    },
                )
    clock.at = at(10, 12, 16)
    return station, numbers


Builder = Callable[[Path], tuple[Station, dict[int, str]]]
