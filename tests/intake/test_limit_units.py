"""Time limits in their own unit: 工作日 or 自然日 (行政许可法第八十二条, 居民身份证法's 60 日)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from intake.catalog import load_demo_catalog, merge_requirements, parse_catalog
from intake.deadlines import compute_deadline, limit_due, longest_limit
from intake.errors import CatalogError
from intake.requests import parse_request
from intake.station import Station
from intake.workdays import LimitUnit, WorkCalendar
from tests.intake.conftest import mini_catalog, request

CAL = WorkCalendar()
W, C = LimitUnit.WORKING, LimitUnit.CALENDAR
MONDAY = date(2026, 3, 2)


def test_calendar_days_count_every_day_and_end_on_a_working_day() -> None:
    # 60 自然日 from Mon 2 March 2026 is Fri 1 May: 劳动节 (1-5 May) → Wed 6 May
    assert limit_due(MONDAY, 60, C, CAL) == date(2026, 5, 6)
    assert limit_due(MONDAY, 10, C, CAL) == date(2026, 3, 12)  # a Thursday: kept
    assert limit_due(MONDAY, 20, W, CAL) == date(2026, 3, 30)
    assert limit_due(MONDAY, 0, C, CAL) == MONDAY


def test_a_pause_pushes_a_calendar_limit_back_by_every_day_it_lasted() -> None:
    info = compute_deadline(
        MONDAY,
        30,
        20,
        [(date(2026, 3, 10), date(2026, 3, 13))],
        CAL,
        date(2026, 3, 20),
        legal_unit=C,
    )
    assert info.legal_due == date(2026, 4, 7)  # 1 April + 3 paused days = Sat 4 April → 清明 → 7th
    assert info.promised_due == date(2026, 4, 2)  # 20 working days + 3 paused working days


def test_days_left_are_counted_in_the_promised_unit() -> None:
    working = compute_deadline(MONDAY, 60, 30, [], CAL, date(2026, 3, 20))
    calendar = compute_deadline(
        MONDAY, 60, 30, [], CAL, date(2026, 3, 20), legal_unit=C, promised_unit=C
    )
    assert calendar.promised_due == date(2026, 4, 1)
    assert calendar.days_left == 12  # 20 March → 1 April, every day
    assert working.days_left == CAL.working_days_between(date(2026, 3, 20), working.promised_due)


def test_the_longest_limit_compares_by_date_not_by_number() -> None:
    assert longest_limit([(20, W), (60, C)], MONDAY, CAL) == (60, C)
    assert longest_limit([(50, W), (60, C)], MONDAY, CAL) == (50, W)


def test_the_demo_id_card_limits_are_calendar_days() -> None:
    demo = load_demo_catalog()
    cards = [m for m in demo.matters.values() if m.name.startswith("居民身份证")]
    assert len(cards) == 3
    for m in cards:
        assert (m.legal_limit_days, m.legal_limit_unit) == (60, C)
        assert m.promised_limit_unit is W  # the county promises 20 working days
    others = [m for m in demo.matters.values() if m not in cards]
    assert all(m.legal_limit_unit is W and m.promised_limit_unit is W for m in others)


def _catalog(**matter: Any) -> dict[str, Any]:
    doc = mini_catalog()
    doc["matters"][0].update(matter)
    return doc


def test_the_unit_is_optional_and_checked() -> None:
    m = parse_catalog(json.dumps(_catalog()).encode()).matters["MZ-GLJT"]
    assert (m.legal_limit_unit, m.promised_limit_unit) == (W, W)
    with pytest.raises(CatalogError) as err:
        parse_catalog(json.dumps(_catalog(legal_limit_unit="lunar")).encode())
    assert [p.where for p in err.value.problems] == ["matters[0].legal_limit_unit"]


def test_limit_order_compares_across_units() -> None:
    # 18 working days (~25 calendar) promised against 20 calendar days of law: too long
    with pytest.raises(CatalogError) as err:
        parse_catalog(
            json.dumps(_catalog(legal_limit_unit="calendar", promised_limit_days=18)).encode()
        )
    assert [p.code for p in err.value.problems] == ["catalog.limit_order"]
    parse_catalog(
        json.dumps(_catalog(legal_limit_unit="calendar", promised_limit_days=10)).encode()
    )


def test_a_bundle_reports_its_slowest_limit_with_its_unit() -> None:
    doc = _catalog(legal_limit_unit="calendar", legal_limit_days=60)
    merged = merge_requirements(parse_catalog(json.dumps(doc).encode()), ["MZ-GLJT", "RS-YLCB"])
    assert (merged.legal_limit_days, merged.legal_limit_unit) == (60, C)
    assert (merged.promised_limit_days, merged.promised_limit_unit) == (5, W)


def test_a_case_keeps_and_follows_its_matters_units(station: Station) -> None:
    doc = _catalog(legal_limit_unit="calendar")
    doc["version"] = "T-cal"
    station.catalogs.load(json.dumps(doc, ensure_ascii=False).encode())
    result = station.cases.accept(parse_request(request(), today=date(2026, 11, 20)))
    # 20 自然日 after Fri 20 Nov 2026 is Thu 10 Dec (20 工作日 would be 18 Dec)
    assert result.legal_date == date(2026, 12, 10)
    assert result.promised_date == date(2026, 11, 27)
    view = station.cases.get(result.case_id)
    assert view.matters[0].legal_limit_unit is C and view.matters[0].promised_limit_unit is W
    assert view.deadline is not None and view.deadline.legal_due == date(2026, 12, 10)
