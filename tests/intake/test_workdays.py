"""The working-day calendar: official data, the provisional rule, overrides, arithmetic."""

from __future__ import annotations

import datetime as dt
import time

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.workdays import (
    OFFICIAL_LAST_YEAR,
    CalendarError,
    CalendarOverride,
    CalendarUnavailable,
    DayKind,
    OverrideDay,
    Source,
    WorkCalendar,
    provisional_holidays,
    qingming,
)

D = dt.date
CAL = WorkCalendar()


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


# -- official data (chinese-calendar) --------------------------------------------------------------


def test_official_years_agree_with_chinese_calendar_day_by_day() -> None:
    # We read chinese-calendar's tables directly (for speed); this pins that to its own API.
    for y in (2004, 2015, 2020, 2025, 2026):
        for d in days(D(y, 1, 1), D(y, 12, 31)):
            assert CAL.is_workday(d) == chinese_calendar.is_workday(d), d
        assert not CAL.is_provisional_year(y)


def test_spring_festival_2026_as_published() -> None:
    # chinese-calendar 1.11.0: 2026-02-15..23 off, 调休 workdays Sat 02-14 and Sat 02-28.
    for d in days(D(2026, 2, 15), D(2026, 2, 23)):
        assert not CAL.is_workday(d), d
        assert CAL.day(d).name == "春节"
    assert CAL.is_workday(D(2026, 2, 14)) and D(2026, 2, 14).weekday() == 5
    assert CAL.is_workday(D(2026, 2, 28)) and D(2026, 2, 28).weekday() == 5
    assert CAL.day(D(2026, 2, 28)).source is Source.OFFICIAL
    # Accepted Friday 02-13: 1st working day is the 调休 Saturday, then nothing until 02-24.
    assert CAL.add_working_days(D(2026, 2, 13), 1).date == D(2026, 2, 14)
    assert CAL.add_working_days(D(2026, 2, 13), 2).date == D(2026, 2, 24)
    assert CAL.add_working_days(D(2026, 2, 13), 5).date == D(2026, 2, 27)
    assert CAL.add_working_days(D(2026, 2, 13), 6).date == D(2026, 2, 28)
    assert CAL.add_working_days(D(2026, 2, 13), 7).date == D(2026, 3, 2)
    assert not CAL.add_working_days(D(2026, 2, 13), 7).provisional


def test_national_day_2025_and_2026_with_tiaoxiu() -> None:
    # 2025: 10-01..08 off (中秋 10-06 inside), 调休 workdays Sun 09-28 and Sat 10-11.
    start = D(2025, 9, 26)  # Friday
    got = [CAL.add_working_days(start, n).date for n in range(1, 8)]
    assert got == [
        D(2025, 9, 28),
        D(2025, 9, 29),
        D(2025, 9, 30),
        D(2025, 10, 9),
        D(2025, 10, 10),
        D(2025, 10, 11),
        D(2025, 10, 13),
    ]
    # 2026: 10-01..07 off, 调休 workdays Sun 09-20 and Sat 10-10; 中秋 09-25 (Fri) off.
    start = D(2026, 9, 29)  # Tuesday
    got = [CAL.add_working_days(start, n).date for n in range(1, 6)]
    assert got == [D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10), D(2026, 10, 12)]
    assert CAL.is_workday(D(2026, 9, 20)) and not CAL.is_workday(D(2026, 9, 25))
    assert CAL.working_days_between(D(2026, 9, 30), D(2026, 10, 8)) == 1


# -- the provisional rule ------------------------------------------------------------------------


def test_provisional_2027_placed_by_rule() -> None:
    # 正月初一 2027 is Sat 02-06, so 除夕 (腊月30) is Fri 02-05; 清明 falls on 04-05;
    # 端午 (5/5) 06-09; 中秋 (8/15) 09-15.
    assert provisional_holidays(2027) == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
        D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 1): "国庆节",
        D(2027, 10, 2): "国庆节",
        D(2027, 10, 3): "国庆节",
    }
    assert CAL.is_provisional(D(2027, 3, 1)) and CAL.is_provisional_year(2030)
    assert not CAL.is_workday(D(2027, 2, 8)) and CAL.is_workday(D(2027, 2, 9))
    assert CAL.day(D(2027, 6, 9)).source is Source.PROVISIONAL
    assert CAL.provisional_years(D(2028, 5, 1), D(2025, 1, 1)) == (2027, 2028)


def test_chuxi_is_the_day_before_new_year_whether_29th_or_30th() -> None:
    # 2025-2029 have no 腊月30 (除夕 is 腊月29); 2024 and 2030 do.
    from lunardate import LunarDate

    for chuxi, lunar_day in ((D(2024, 2, 9), 30), (D(2027, 2, 5), 29), (D(2030, 2, 2), 30)):
        lunar = LunarDate.from_solar_date(chuxi.year, chuxi.month, chuxi.day)
        assert (lunar.month, lunar.day) == (12, lunar_day)
        rule = provisional_holidays(chuxi.year)
        assert rule[chuxi] == "春节" and chuxi - dt.timedelta(days=1) not in rule
        assert [chuxi + dt.timedelta(days=i) in rule for i in range(4)] == [True] * 4


def test_qingming_is_the_solar_term() -> None:
    assert [qingming(y) for y in range(2025, 2031)] == [
        D(2025, 4, 4),
        D(2026, 4, 5),
        D(2027, 4, 5),
        D(2028, 4, 4),
        D(2029, 4, 4),
        D(2030, 4, 5),
    ]
    assert all(qingming(y).month == 4 and qingming(y).day in (4, 5) for y in range(2027, 2100))


@pytest.mark.parametrize("year", range(2019, 2027))
def test_rule_places_lunar_and_solar_term_holidays_where_the_official_data_has_them(
    year: int,
) -> None:
    # The official arrangement may have MORE days off (调休 blocks), never these on a workday.
    # Before the 2024 revision (effective 2025) 除夕 was not statutory, and 2024 made it a
    # workday, so 除夕 is only checked from 2025 on.
    expected_names = {"春节": {"春节"}, "清明节": {"清明节"}, "端午节": {"端午节"}}
    expected_names["中秋节"] = {"中秋节", "国庆节"}  # 2020: 中秋 = 10-01, named 国庆 officially
    chuxi = _lunar_new_year(year) - dt.timedelta(days=1)
    checked = 0
    for d, name in provisional_holidays(year).items():
        if name not in expected_names or (d == chuxi and year < 2025):
            continue
        assert not chinese_calendar.is_workday(d), (d, name)
        assert CAL.day(d).name in expected_names[name], (d, name, CAL.day(d).name)
        checked += 1
    assert checked == (7 if year >= 2025 else 6)


def test_chuxi_2024_was_a_workday_before_the_revision() -> None:
    assert chinese_calendar.is_workday(D(2024, 2, 9))
    assert not chinese_calendar.is_workday(D(2025, 1, 28))


def _lunar_new_year(year: int) -> dt.date:
    from lunardate import LunarDate

    d = LunarDate(year, 1, 1).to_solar_date()
    return D(d.year, d.month, d.day)


@pytest.mark.parametrize("year", [2025, 2026])
def test_rule_is_the_2025_statutory_set(year: int) -> None:
    """Against the first two years published under the 2024 revision (13 days)."""
    rule = provisional_holidays(year)
    assert len(rule) == 13
    official_off = {d for d in days(D(year, 1, 1), D(year, 12, 31)) if not CAL.is_workday(d)}
    assert set(rule) <= official_off
    # What the official calendar has on top, apart from weekends: 调休 days off (in lieu of a
    # worked weekend day) and 补假 for a statutory day that fell on a weekend. The 补假 days
    # are the only weekday holidays our rule lacks that chinese-calendar does not mark in lieu.
    extra = {
        d
        for d in official_off
        if d.weekday() < 5 and d not in rule and d not in chinese_calendar.in_lieu_days
    }
    bujia = {
        2025: {D(2025, 6, 2)},  # 端午 Sat 05-31 → Mon 06-02
        2026: {D(2026, 4, 6), D(2026, 5, 4), D(2026, 10, 5)},  # 清明 Sun, 5-2 Sat, 10-3 Sat
    }
    assert extra == bujia[year]
    for d in extra:  # each is the first weekday after a statutory day on a weekend
        weekend_statutory = [h for h in rule if h.weekday() >= 5 and 0 < (d - h).days <= 3]
        assert weekend_statutory, d


def test_twenty_working_days_from_mid_december_2026_reach_provisional_2027() -> None:
    # By hand: from Tue 2026-12-15 (not counted), December 2026 has no holiday:
    # 16,17,18 (3) 21-25 (8) 28-31 (12); 2027-01-01 Fri is 元旦 (provisional rule), 01-02/03
    # weekend; 01-04..08 (17); 01-11, 12, 13 (20). Due Wed 2027-01-13, provisional.
    got = CAL.add_working_days(D(2026, 12, 15), 20)
    assert got.date == D(2027, 1, 13) and got.provisional
    assert CAL.working_days_between(D(2026, 12, 15), D(2027, 1, 13)) == 20
    # Staying in 2026 is official.
    assert not CAL.add_working_days(D(2026, 12, 1), 10).provisional


# -- overrides pushed by the platform -------------------------------------------------------------

# A HYPOTHETICAL 2027 notice (the real one is not published): 元旦 01-01..03, a 调休 workday on
# Sat 01-09, 春节 02-05..02-12 with workday Sat 02-20.
OVERRIDE_2027 = {
    "schema": 1,
    "source": "test: hypothetical 2027 arrangement",
    "complete_years": [2027],
    "days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-02", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-03", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-09", "kind": "workday", "name": "元旦"},
        *({"date": f"2027-02-{d:02d}", "kind": "holiday", "name": "春节"} for d in range(5, 13)),
        {"date": "2027-02-20", "kind": "workday", "name": "春节"},
    ],
}


def test_override_makes_2027_official_and_moves_the_date() -> None:
    cal = WorkCalendar(CalendarOverride.from_json(OVERRIDE_2027))
    assert not cal.is_provisional_year(2027)
    # Same count as the provisional case, but Sat 01-09 now counts: 16..31 (12), 01-04..08 (17),
    # 01-09 (18), 01-11 (19), 01-12 (20).
    got = cal.add_working_days(D(2026, 12, 15), 20)
    assert got == type(got)(D(2027, 1, 12), False)
    # A complete year comes from the table alone: 端午 etc. are not in it, so they are workdays.
    assert cal.is_workday(D(2027, 6, 9))
    assert not cal.is_workday(D(2027, 2, 10)) and cal.is_workday(D(2027, 2, 20))
    assert cal.day(D(2027, 1, 9)).source is Source.OVERRIDE
    assert cal.day(D(2027, 1, 9)).name == "元旦"
    assert cal.is_provisional_year(2028)


def test_partial_override_keeps_the_year_provisional() -> None:
    partial = CalendarOverride({D(2027, 2, 20): OverrideDay(DayKind.WORKDAY, "春节")})
    cal = WorkCalendar(partial)
    assert cal.is_workday(D(2027, 2, 20)) and cal.is_provisional_year(2027)
    assert not cal.is_workday(D(2027, 6, 9))  # the rule still places 端午
    assert cal.day(D(2027, 2, 20)).source is Source.OVERRIDE


def test_override_wins_over_chinese_calendar() -> None:
    fix = CalendarOverride({D(2026, 3, 2): OverrideDay(DayKind.HOLIDAY, "correction")})
    cal = WorkCalendar(fix)
    assert not cal.is_workday(D(2026, 3, 2)) and CAL.is_workday(D(2026, 3, 2))
    assert not cal.is_provisional_year(2026)


def test_merging_pushes_newer_wins_and_complete_years_replace() -> None:
    first = CalendarOverride(
        {
            D(2027, 6, 9): OverrideDay(DayKind.HOLIDAY, "端午节"),
            D(2028, 1, 1): OverrideDay(DayKind.HOLIDAY, "元旦"),
        }
    )
    cal = WorkCalendar(first).with_override(CalendarOverride.from_json(OVERRIDE_2027))
    assert D(2027, 6, 9) not in cal.override.days  # 2027 replaced whole
    assert D(2028, 1, 1) in cal.override.days
    assert cal.override.complete_years == {2027}
    assert cal.override.source == "test: hypothetical 2027 arrangement"


def test_override_json_round_trips() -> None:
    ov = CalendarOverride.from_json(OVERRIDE_2027)
    assert CalendarOverride.from_json(ov.to_json()) == ov


def test_bad_override_lists_every_problem() -> None:
    bad = {
        "schema": 2,
        "complete_years": [2027, "2028"],
        "days": [
            {"date": "2027-02-30", "kind": "holiday", "name": "春节"},
            {"date": "2027-02-05", "kind": "off", "name": "春节"},
            {"date": "2027-02-06", "kind": "holiday", "name": " "},
            {"date": "2027-02-07", "kind": "holiday", "name": "春节"},
            {"date": "2027-02-07", "kind": "workday", "name": "春节"},
            "2027-02-08",
        ],
    }
    with pytest.raises(CalendarError) as err:
        CalendarOverride.from_json(bad)
    codes = [p.code for p in err.value.problems]
    assert err.value.code == "calendar.invalid"
    assert codes == [
        "calendar.schema",
        "calendar.year",
        "calendar.date",
        "calendar.kind",
        "calendar.name",
        "calendar.duplicate",
        "calendar.type",
    ]
    with pytest.raises(CalendarError) as err:
        CalendarOverride.from_json({"schema": 1, "complete_years": [2027], "days": []})
    assert [p.code for p in err.value.problems] == ["calendar.empty_year"]
    with pytest.raises(CalendarError):
        CalendarOverride.from_json([])


def test_years_no_source_knows_raise_a_typed_error() -> None:
    for d in (D(2003, 12, 31), D(2100, 1, 4)):
        with pytest.raises(CalendarUnavailable) as err:
            CAL.is_workday(d)
        assert err.value.code == "calendar.year_unsupported"
    with pytest.raises(CalendarUnavailable):
        CAL.add_working_days(D(2099, 12, 30), 5)
    # ... unless the platform declared the year complete.
    old = WorkCalendar(
        CalendarOverride(
            {D(2003, 1, 1): OverrideDay(DayKind.HOLIDAY, "元旦")}, complete_years=frozenset({2003})
        )
    )
    assert old.is_workday(D(2003, 12, 31)) and not old.is_workday(D(2003, 1, 1))


def test_negative_count_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 1, 5), -1)


def test_zero_days_is_the_start_day() -> None:
    assert CAL.add_working_days(D(2026, 2, 15), 0).date == D(2026, 2, 15)
    assert CAL.add_working_days(D(2027, 3, 1), 0).provisional


def test_a_twenty_day_addition_takes_microseconds() -> None:
    cal = WorkCalendar()
    cal.add_working_days(D(2026, 12, 15), 20)  # build 2026 and 2027 once
    rounds = 2000
    t0 = time.perf_counter()
    for _ in range(rounds):
        cal.add_working_days(D(2026, 12, 15), 20)
    per_call = (time.perf_counter() - t0) / rounds
    assert per_call < 50e-6, per_call  # ~2 µs here; generous for a busy CI machine


# -- properties ----------------------------------------------------------------------------------

dates = st.dates(min_value=D(2004, 1, 1), max_value=D(OFFICIAL_LAST_YEAR + 4, 12, 31))
counts = st.integers(min_value=0, max_value=300)


@settings(max_examples=300, deadline=None)
@given(dates, dates, counts, counts)
def test_add_is_monotonic(a: dt.date, b: dt.date, m: int, n: int) -> None:
    a, b = min(a, b), max(a, b)
    m, n = min(m, n), max(m, n)
    assert CAL.add_working_days(a, n).date <= CAL.add_working_days(b, n).date
    assert CAL.add_working_days(a, m).date <= CAL.add_working_days(a, n).date


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=1, max_value=300))
def test_result_is_a_working_day_after_start(start: dt.date, n: int) -> None:
    got = CAL.add_working_days(start, n)
    assert got.date > start and CAL.is_workday(got.date)
    assert got.provisional == bool(CAL.provisional_years(start, got.date))


@settings(max_examples=300, deadline=None)
@given(dates, counts)
def test_between_inverts_add(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n).date
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(end, start) == -n


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(min_value=0, max_value=40))
def test_add_agrees_with_walking_day_by_day(start: dt.date, n: int) -> None:
    d, left = start, n
    while left:
        d += dt.timedelta(days=1)
        left -= CAL.is_workday(d)
    assert CAL.add_working_days(start, n).date == d


def test_a_calendar_does_not_see_later_changes_to_the_callers_dict() -> None:
    table = {D(2027, 3, 1): OverrideDay(DayKind.HOLIDAY, "test")}
    cal = WorkCalendar(CalendarOverride(table))
    assert not cal.is_workday(D(2027, 3, 1))
    table[D(2027, 3, 2)] = OverrideDay(DayKind.HOLIDAY, "test")
    assert D(2027, 3, 2) not in cal.override.days
    assert cal.day(D(2027, 3, 2)).source is Source.PROVISIONAL
