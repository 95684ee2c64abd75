"""The statistics page shows the core's figures for the hand-counted data set, exports them,
and is the supervisor's alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.app import DesktopApp
from intake.stats import Period
from intake.stats.export import read_csv, read_xlsx
from intake.store.models import AuditRow
from tests.desktop.drive import login, options_for, wait_idle
from tests.intake.stats_data import END, START, build

Start = Callable[..., DesktopApp]


@pytest.fixture
def stats_dir(tmp_path: Path) -> Path:
    station, _ = build(tmp_path / "station")
    station.close()
    return tmp_path / "station"


def _open_custom_period(qtbot: Any, desk: DesktopApp) -> Any:
    window = desk.window
    page = window.show_page("stats")
    assert page is not None
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=30_000)
    page.preset.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.preset, timeout=15_000)
    qtbot.wait(100)  # let the window system's own events for the activation go through
    qtbot.keyClick(page.preset, Qt.Key.Key_End)  # the last choice: a custom period
    assert page.preset.currentData() == "custom" and page.start.isEnabled()
    qtbot.keyClick(page.preset, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.start  # the filters are reachable by Tab
    page.start.setDate(QDate(START.year, START.month, START.day))
    page.end.setDate(QDate(END.year, END.month, END.day))
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: (
            page.dashboard is not None
            and page.dashboard.period == Period(START, END)
            and not page.busy.isVisible()
        ),
        timeout=30_000,
    )
    return page


def test_the_page_shows_the_hand_counted_figures(
    qtbot: Any, start_desk: Start, stats_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(stats_dir))
    login(qtbot, desk, "super01")
    page = _open_custom_period(qtbot, desk)
    tiles = {k: t.value.text() for k, t in page.tiles.items()}
    # tests/intake/test_stats.py counts these by hand
    assert tiles["cases"] == "19"
    assert tiles["immediate"] == "71.4%"  # 5 of 7
    assert tiles["first_time"] == "83.3%"  # 15 of 18
    assert tiles["visits"] == f"{22 / 19:.2f}"  # 22 visits over the 19 cases (by hand)
    assert tiles["ratings"] == "77.8%"  # 7 of 9
    assert tiles["low"] == "2"
    assert page.tiles["immediate"].detail.text() == "即办件 7 件中 5 件"
    assert page.chart_days.values[:5] == [4, 0, 0, 0, 3]
    assert page.chart_days.labels[:3] == ["24", "25", "26"]  # day of the month past ten days
    assert sum(page.chart_days.values) == 19 and len(page.chart_days.values) == 19
    assert page.chart_ratings.labels == ["非常不满意", "不满意", "基本满意", "满意", "非常满意"]
    assert page.chart_ratings.values == [1, 1, 1, 2, 4]  # 非常满意 drawn on top
    assert page.chart_matters.values == [5, 7, 8]  # largest drawn on top
    # the figures that depend on today equal the core's as of today
    core = desk.ctx.station.stats.dashboard(Period(START, END))
    assert tiles["overdue"] == str(core.overdue)
    assert page.low.rowCount() == 2
    assert [page.low.item(r, 0).text() for r in range(2)] == [
        r.case_number for r in core.low_ratings
    ]

    # one operator: the figures follow the filter
    index = page.operator.findData("clerk02")
    page.operator.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: page.dashboard is not None and page.dashboard.period.operator_id == "clerk02",
        timeout=30_000,
    )
    assert page.tiles["cases"].value.text() == "8"
    assert page.tiles["immediate"].value.text() == "0.0%"


def test_export_to_excel_and_csv_reads_back(
    qtbot: Any, start_desk: Start, stats_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(stats_dir))
    login(qtbot, desk, "super01")
    page = _open_custom_period(qtbot, desk)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.save_dialog is not None and page.save_dialog.isVisible(), timeout=15_000
    )
    dialog = page.save_dialog
    assert dialog.selectedFiles()[0].endswith("统计报表_2026-09-24_2026-10-12.xlsx")
    target = tmp_path / "十月报表.xlsx"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: page.last_export == target, timeout=30_000)
    wait_idle(qtbot, desk)
    book = read_xlsx(target)
    summary = {r[0]: r[1] for r in book["概况"][1:]}
    assert summary["收件总数"] == 19 and summary["超期件"] == page.dashboard.overdue
    assert [r[1] for r in book["每日收件"][1:]] == page.chart_days.values
    with desk.ctx.station.db.read() as session:  # the export is audited
        details = session.scalars(select(AuditRow.detail).where(AuditRow.action == "export")).all()
    assert details == ["stats 2026-09-24..2026-10-12 xlsx"]

    desk.window.activateWindow()
    qtbot.waitUntil(lambda: desk.window.isActiveWindow(), timeout=15_000)
    page.preset.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.preset, timeout=15_000)
    qtbot.wait(100)  # let the window system's own events for the activation go through
    qtbot.keyClick(
        page.focusWidget() or page,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: page.save_dialog is not None and page.save_dialog.isVisible(), timeout=15_000
    )
    csv_target = tmp_path / "十月报表.csv"
    page.save_dialog.selectFile(str(csv_target))
    page.save_dialog.accept()
    qtbot.waitUntil(lambda: page.last_export == csv_target, timeout=30_000)
    found = read_csv(csv_target)
    assert [int(r[2]) for r in found["好差评"][1:]] == [4, 2, 1, 1, 1]


def test_a_clerk_cannot_open_the_statistics(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "clerk01")
    assert window.show_page("stats") is None
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "统计" not in titles and "Statistics" not in titles
    assert "stats" not in window.pages


def test_today_is_the_default_month(qtbot: Any, start_desk: Start, station_dir: Path) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "super01")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "统计" in titles
    page = window.show_page("stats")
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=30_000)
    today = desk.ctx.station.stats.today()
    assert page.dashboard.period == Period(today.replace(day=1), today)
    assert page.dashboard.cases == desk.ctx.station.stats.dashboard(page.dashboard.period).cases
