"""CSV and XLSX exports read back equal the core's figures (the hand-counted data set)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.stats import Dashboard, Period
from intake.stats.export import (
    default_file_name,
    read_csv,
    read_xlsx,
    write_csv,
    write_xlsx,
)
from tests.intake.stats_data import END, START, TODAY, G, build


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    station, _ = build(tmp_path_factory.mktemp("stats-export") / "station")
    with station:
        yield station.stats.dashboard(Period(START, END), today=TODAY)


def _summary(rows: list[list[object]]) -> dict[str, object]:
    return {str(r[0]): r[1] for r in rows[1:]}


def test_xlsx_reads_back_as_the_figures(dashboard: Dashboard, tmp_path: Path) -> None:
    path = write_xlsx(dashboard, tmp_path / default_file_name(dashboard, "xlsx"))
    assert path.name == "统计报表_2026-09-24_2026-10-12.xlsx"
    book = read_xlsx(path)
    assert list(book) == ["概况", "每日收件", "按事项", "按经办人", "好差评", "差评整改"]
    s = _summary(book["概况"])
    assert s["收件总数"] == dashboard.cases == 19
    assert s["即办率"] == round(5 / 7 * 100, 1)
    assert s["一次办结率"] == round(15 / 18 * 100, 1)
    assert s["平均办理时长（工作日）"] == 0.8
    assert s["超期件"] == 2
    days = {r[0]: r[1] for r in book["每日收件"][1:]}
    assert days == {c.key: c.count for c in dashboard.per_day}
    assert book["按事项"][1] == [G, "高龄津贴申请", 8]
    assert [r[2] for r in book["好差评"][1:]] == [4, 2, 1, 1, 1]
    assert [r[0] for r in book["差评整改"][1:]] == [r.case_number for r in dashboard.low_ratings]
    assert [r[5] for r in book["差评整改"][1:]] == [10, 12]


def test_csv_reads_back_as_the_figures(dashboard: Dashboard, tmp_path: Path) -> None:
    path = write_csv(dashboard, tmp_path / default_file_name(dashboard, "csv"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Chinese
    found = read_csv(path)
    assert list(found) == ["概况", "每日收件", "按事项", "按经办人", "好差评", "差评整改"]
    s = _summary(found["概况"])
    assert s["收件总数"] == "19"
    assert float(str(s["好评率"])) == round(7 / 9 * 100, 1)
    assert {r[0]: int(r[1]) for r in found["每日收件"][1:]} == {
        c.key: c.count for c in dashboard.per_day
    }
    assert [(r[0], int(r[1])) for r in [[x[0], x[2]] for x in found["按经办人"][1:]]] == [
        ("clerk01", 11),
        ("clerk02", 8),
    ]


def test_a_failed_export_leaves_no_file(dashboard: Dashboard, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "报表.xlsx"
    with pytest.raises(OSError):
        write_xlsx(dashboard, missing)
    assert not missing.exists()
    target = tmp_path / "报表.csv"
    target.write_text("older export", encoding="utf-8")
    (tmp_path / "报表.csv").chmod(0o600)
    write_csv(dashboard, target)
    assert "收件总数" in target.read_text(encoding="utf-8-sig")
    assert [p.name for p in tmp_path.iterdir()] == ["报表.csv"]  # no temporary left behind
