"""The 办不成事 window: a clerk records a complaint from the keyboard and sees only their own;
the supervisor sees all, with red / amber marks, and follows one up to closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.app import DesktopApp
from intake.clock import now
from intake.services.complaints import ComplaintService, ComplaintState
from intake.station import Station
from intake.store.models import ComplaintRow
from tests.desktop.drive import focus, login, options_for, type_text, wait_idle

Start = Callable[..., DesktopApp]


def _seed_late_and_near(station_dir: Path) -> None:
    """Two complaints recorded by clerk02 earlier: one not dispatched for two hours (red),
    one dispatch due in ten minutes (amber)."""
    with Station.open(station_dir) as station:
        for minutes_ago in (120, 50):
            at = now() - dt.timedelta(minutes=minutes_ago)
            ComplaintService(station.db, station.calendars.calendar, clock=lambda a=at: a).record(
                what=f"{minutes_ago} 分钟前登记",
                where_failed="综合窗口",
                phone="13812345678",
                operator_id="clerk02",
            )


def _ready(qtbot: Any, desk: DesktopApp, page: Any, row: int | None = None) -> None:
    """The window active again (a dialog just closed) and the list focused, so the page's
    shortcuts reach it."""
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: desk.window.isActiveWindow(), timeout=15_000)
    page.table.setFocus()
    # the page's shortcuts follow the keyboard focus: wait until it is really there (the
    # window may still be settling after login or a dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=15_000)
    qtbot.wait(100)  # let the window system's own events for the activation go through
    if row is not None:
        page.table.selectRow(row)


def _count(desk: DesktopApp) -> int:
    with desk.ctx.station.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ComplaintRow)) or 0)


def test_a_clerk_records_from_the_keyboard_and_sees_their_own(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    _seed_late_and_near(station_dir)
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "clerk01")
    page = window.show_page("complaints")
    assert page is not None and not page.sees_all
    qtbot.waitUntil(lambda: "0" in page.state.text(), timeout=15_000)
    assert page.items == []  # clerk02's complaints are not shown to clerk01
    _ready(qtbot, desk, page)
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    dialog = page.dialog
    assert focus(qtbot) is dialog.what
    type_text(qtbot, dialog.what, "办理居住证被要求回户籍地开证明")
    qtbot.keyClick(dialog.what, Qt.Key.Key_Tab)
    type_text(qtbot, focus(qtbot), "综合窗口材料审核")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(qtbot), "12345")  # not a phone number
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.problems.text() != "", timeout=15_000)
    assert "手机号" in dialog.problems.text() or "电话" in dialog.problems.text()
    assert _count(desk) == 2  # nothing written
    dialog.phone.clear()
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "13912345678")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and len(page.items) == 1, timeout=15_000)
    c = page.items[0]
    assert c.operator_id == "clerk01" and c.state is ComplaintState.RECORDED
    assert page.table.item(0, 3).text() == "139****5678"  # masked in the list
    assert page.table.item(0, 6).text() == "已登记"
    assert page.marks() == [""]


def test_the_supervisor_sees_all_with_marks_and_follows_up(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    _seed_late_and_near(station_dir)
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "super01")
    page = window.show_page("complaints")
    assert page.sees_all
    qtbot.waitUntil(lambda: len(page.items) == 2, timeout=15_000)
    assert page.marks() == ["red", "amber"]  # two hours undispatched; due in ten minutes
    assert "1" in page.state.text()
    _ready(qtbot, desk, page, 0)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    steps = [
        ("县公安局户政科", "已派单"),
        ("已开具证明", "已处理"),
        ("已电话回访，群众满意", "已办结"),
    ]
    for note, shown in steps:
        qtbot.keyClick(page.table, Qt.Key.Key_D, shift_ctrl)
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
        assert page.dialog is not None, (shown, page.state.text(), QApplication.focusWidget())
        dialog = page.dialog
        type_text(qtbot, dialog.note, note)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)
        wait_idle(qtbot, desk)
        if shown != "已办结":
            qtbot.waitUntil(
                lambda s=shown: page.table.item(0, 6).text().startswith(s), timeout=15_000
            )
            _ready(qtbot, desk, page, 0)
    qtbot.waitUntil(lambda: len(page.items) == 1, timeout=15_000)  # open only: closed left
    closed = [c for c in desk.ctx.station.complaints.list() if c.state is ComplaintState.CLOSED]
    assert len(closed) == 1 and closed[0].dispatched_to == "县公安局户政科"
    assert closed[0].closing_note == "已电话回访，群众满意"

    _ready(qtbot, desk, page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_H, shift_ctrl)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    qtbot.keyClicks(page.dialog.note, "GD2026120100017")
    qtbot.keyClick(page.dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: bool(page.items) and page.items[0].hotline_ticket == "GD2026120100017",
        timeout=15_000,
    )
    assert page.table.item(0, 9).text() == "GD2026120100017"


def test_the_minute_refresh_runs_only_while_the_page_is_shown(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    """A timer left running after the page is hidden (or the app closed) would ask a shut
    runner for work; the marks only need to move while someone looks at them."""
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "super01")
    page = window.show_page("complaints")
    qtbot.waitUntil(lambda: page.timer.isActive(), timeout=15_000)
    window.show_page(None)  # back to the intake
    qtbot.waitUntil(lambda: not page.timer.isActive(), timeout=15_000)
    window.show_page("complaints")
    qtbot.waitUntil(lambda: page.timer.isActive(), timeout=15_000)
