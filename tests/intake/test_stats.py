"""The dashboard's figures equal the ones worked out by hand for tests/intake/stats_data.py.

Each expected value below is counted from the case list in that file (the comments say which
cases), not computed by code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.station import Station
from intake.stats import Period, period_for
from tests.intake.stats_data import END, IM, START, TODAY, G, Y, build


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Station, dict[int, str]]]:
    station, numbers = build(tmp_path_factory.mktemp("stats") / "station")
    yield station, numbers
    station.close()


def test_the_period_and_its_days_by_hand(seeded: tuple[Station, dict[int, str]]) -> None:
    station, _ = seeded
    d = station.stats.dashboard(Period(START, END), today=TODAY)
    assert d.cases == 19  # case 20 came ten minutes before the period (Beijing time)
    per_day = {c.key: c.count for c in d.per_day}
    assert len(per_day) == 19  # every day of the period, the holidays included
    assert per_day == {
        "2026-09-24": 4,  # 1 2 3 4
        "2026-09-25": 0,
        "2026-09-26": 0,
        "2026-09-27": 0,
        "2026-09-28": 3,  # 5 6 7
        "2026-09-29": 2,  # 8 9
        "2026-09-30": 2,  # 10 11
        "2026-10-01": 0,
        "2026-10-02": 0,
        "2026-10-03": 0,
        "2026-10-04": 0,
        "2026-10-05": 0,
        "2026-10-06": 0,
        "2026-10-07": 0,
        "2026-10-08": 2,  # 12 13
        "2026-10-09": 2,  # 14 15
        "2026-10-10": 2,  # 16 17
        "2026-10-11": 0,
        "2026-10-12": 2,  # 18 19
    }
    # the bundle (case 7) counts for both of its matters
    assert [(c.key, c.label, c.count) for c in d.per_matter] == [
        (G, "高龄津贴申请", 8),  # 2 3 5 7 10 11 14 17
        (IM, "居民身份证补领", 7),  # 1 4 8 9 13 16 18
        (Y, "城乡居民养老保险参保登记", 5),  # 6 7 12 15 19
    ]
    assert [(c.key, c.count) for c in d.per_operator] == [("clerk01", 11), ("clerk02", 8)]


def test_rates_by_hand(seeded: tuple[Station, dict[int, str]]) -> None:
    station, _ = seeded
    d = station.stats.dashboard(Period(START, END), today=TODAY)
    # 即办件 accepted: 1 4 8 9 13 16 18; done at the window that day: 1 8 9 13 16 (4 was done
    # after the holiday, 18 not yet)
    assert (d.immediate.numerator, d.immediate.denominator) == (5, 7)
    # reached 受理 or 补正: all but the rejected 6 (18); 补正 in 3 10 15 -> 15 without
    assert (d.first_time.numerator, d.first_time.denominator) == (15, 18)
    assert d.first_time.rate == pytest.approx(15 / 18)
    # every one of the 19 cases in the period was one visit at intake; 3 had 2, 7 had 3
    assert (d.visits.cases, d.visits.visits) == (19, 22)
    assert (d.visits.at_most_one.numerator, d.visits.at_most_one.denominator) == (17, 19)
    assert d.visits.average == pytest.approx(22 / 19)


def test_handling_time_in_working_days_across_holidays(
    seeded: tuple[Station, dict[int, str]],
) -> None:
    station, _ = seeded
    h = station.stats.dashboard(Period(START, END), today=TODAY).handling
    # completed: 1 8 9 13 16 the same day (0); 2: 09-24 -> 09-28 over 中秋节 and the weekend
    # (1); 4: the same (1); 7: 09-28 -> 10-08 over 国庆节 (3: 09-29 09-30 10-08); 11: 09-30 ->
    # 10-08 (1); 14: 10-09 -> 10-12 with the make-up Saturday (2: 10-10 10-12)
    assert h.completed == 10
    assert h.working_days == 8
    assert h.average_working_days == pytest.approx(0.8)
    # hours: 96 + 91 + 245 + 186 + 78, and 10 + 5 + 20 + 15 + 30 minutes
    assert h.hours == pytest.approx(696 + 80 / 60)


def test_overdue_deferred_and_ratings_by_hand(seeded: tuple[Station, dict[int, str]]) -> None:
    station, numbers = seeded
    d = station.stats.dashboard(Period(START, END), today=TODAY)
    # 3 (accepted 09-28, due 10-10) and 5 (due 10-10) are still being handled
    assert d.overdue == 2
    # 容缺: 5 promised 10-09 (past), 17 promised 10-13 (within three days)
    assert (d.deferred.overdue, d.deferred.due_soon) == (1, 1)
    assert dict(d.ratings.counts) == {5: 4, 4: 2, 3: 1, 2: 1, 1: 1}
    assert (d.ratings.good.numerator, d.ratings.good.denominator) == (7, 9)
    # 差评: 9 rated 09-29 -> due 10-26 (15 working days skip 国庆节), 10 left on 10-12;
    # 7 rated 10-08 -> due 10-28 (10-10 counts), 12 left
    assert [
        (r.case_number, r.level, r.reason, r.rated_on, r.due, r.days_left) for r in d.low_ratings
    ] == [
        (numbers[9], 1, "态度差", dt.date(2026, 9, 29), dt.date(2026, 10, 26), 10),
        (numbers[7], 2, "等候时间长", dt.date(2026, 10, 8), dt.date(2026, 10, 28), 12),
    ]
    late = station.stats.dashboard(Period(START, END), today=dt.date(2026, 10, 27))
    assert [(r.case_number, r.overdue) for r in late.low_ratings] == [
        (numbers[9], True),
        (numbers[7], False),
    ]


def test_operator_and_matter_filters(seeded: tuple[Station, dict[int, str]]) -> None:
    station, _ = seeded
    mine = station.stats.dashboard(Period(START, END, operator_id="clerk02"), today=TODAY)
    assert mine.cases == 8  # 3 4 7 10 11 14 15 18
    assert (mine.immediate.numerator, mine.immediate.denominator) == (0, 2)  # 4 18
    # all 8 reached 受理 or 补正; without 补正: 4 7 11 14 18
    assert (mine.first_time.numerator, mine.first_time.denominator) == (5, 8)
    assert mine.overdue == 1  # 3
    g = station.stats.dashboard(Period(START, END, matter_code=G), today=TODAY)
    assert g.cases == 8
    assert [(c.key, c.count) for c in g.per_matter] == [(G, 8), (Y, 1)]  # the bundle's Y
    assert g.immediate.denominator == 0 and g.immediate.rate is None
    one_day = station.stats.dashboard(Period(START, START), today=TODAY)
    assert one_day.cases == 4 and [c.count for c in one_day.per_day] == [4]


def test_preset_periods() -> None:
    today = dt.date(2026, 10, 8)  # a Thursday
    assert period_for("today", today) == Period(today, today)
    assert period_for("week", today) == Period(dt.date(2026, 10, 5), today)
    assert period_for("month", today) == Period(dt.date(2026, 10, 1), today)
    assert period_for("year", today) == Period(dt.date(2026, 1, 1), today)
    with pytest.raises(ValueError):
        Period(today, today - dt.timedelta(days=1))


def test_an_empty_store_gives_zeros_not_errors(tmp_path: Path) -> None:
    from tests.intake.stats_data import open_station

    station, _ = open_station(tmp_path / "empty")
    with station:
        d = station.stats.dashboard(Period(START, END), today=TODAY)
    assert d.cases == 0 and all(c.count == 0 for c in d.per_day)
    assert d.immediate.rate is None and d.handling.average_hours is None
    assert d.ratings.total == 0 and d.low_ratings == ()
