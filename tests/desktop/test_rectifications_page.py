"""差评整改 on the supervisor's page, from the keyboard: low ratings listed with red / amber
marks; a rectification recorded, a call-back that did not reach the citizen, one that did
(closed: it leaves the open list); an appeal filed and upheld (an outcome must be chosen);
every step audited; a clerk has no such page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.app import DesktopApp
from desktop.rectifications.demo import seed_low_ratings
from intake.services.complaints import Mark
from intake.services.rectifications import RectificationState
from intake.station import Station
from intake.store.models import AuditRow
from tests.desktop.drive import focus, login, options_for, type_text
from tests.desktop.test_complaints_page import _ready

Start = Callable[..., DesktopApp]
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _seed(station_dir: Path) -> list[str]:
    with Station.open(station_dir) as station:
        return seed_low_ratings(station, (-2, 2, 12))


def _dialog(qtbot: Any, desk: DesktopApp, page: Any, row: int, key: Qt.Key) -> Any:
    _ready(qtbot, desk, page, row)
    qtbot.keyClick(page.table, key, SHIFT_CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focus(qtbot)), timeout=15_000)
    return dialog


def _row_of(page: Any, number: str) -> int:
    return next(i for i, r in enumerate(page.items) if r.case_number == number)


def _state(desk: DesktopApp, number: str) -> RectificationState:
    return desk.ctx.station.rectifications.get(number).state


def test_the_supervisor_follows_low_ratings_from_the_keyboard(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    late, near, fresh = _seed(station_dir)
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "super01")
    page = window.show_page("rectifications")
    qtbot.waitUntil(lambda: len(page.items) == 3, timeout=15_000)
    marks = dict(zip((r.case_number for r in page.items), page.marks(), strict=True))
    assert marks == {late: Mark.RED.value, near: Mark.AMBER.value, fresh: Mark.NONE.value}
    assert page.items[0].case_number == late  # earliest due first
    assert "1 " in page.state.text() or "1" in page.state.text()

    # the rectification (整改): Ctrl+Shift+G, type, Enter
    dialog = _dialog(qtbot, desk, page, _row_of(page, late), Qt.Key.Key_G)
    assert focus(qtbot) is dialog.note
    type_text(qtbot, dialog.note, "高峰时段加开两个窗口，并公示等候时间")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(desk, late) is RectificationState.RECTIFIED, timeout=15_000)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)

    # a call-back that did not reach the citizen: the item stays
    qtbot.waitUntil(lambda: page.items and page.items[0].rectification != "", timeout=15_000)
    dialog = _dialog(qtbot, desk, page, _row_of(page, late), Qt.Key.Key_B)
    assert focus(qtbot) is dialog.note
    dialog.choice.setFocus()
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)  # 未联系上
    assert dialog.choice.currentData() is False
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Tab)
    type_text(qtbot, focus(qtbot), "电话无人接听")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: desk.ctx.station.rectifications.get(late).callback_attempts == 1, timeout=15_000
    )
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)
    assert _state(desk, late) is RectificationState.RECTIFIED

    # reached: the citizen's view closes it, and it leaves the open list
    dialog = _dialog(qtbot, desk, page, _row_of(page, late), Qt.Key.Key_B)
    assert dialog.choice.currentData() is True  # 已联系上
    type_text(qtbot, dialog.note, "群众对整改表示满意")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(desk, late) is RectificationState.CLOSED, timeout=15_000)
    qtbot.waitUntil(lambda: len(page.items) == 2, timeout=15_000)

    # an appeal (申诉) and its outcome, which is never assumed
    dialog = _dialog(qtbot, desk, page, _row_of(page, near), Qt.Key.Key_A)
    type_text(qtbot, dialog.note, "群众误按评价器，已书面说明")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(desk, near) is RectificationState.APPEALING, timeout=15_000)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)
    qtbot.waitUntil(
        lambda: page.items[_row_of(page, near)].state is RectificationState.APPEALING,
        timeout=15_000,
    )
    dialog = _dialog(qtbot, desk, page, _row_of(page, near), Qt.Key.Key_J)
    assert focus(qtbot) is dialog.choice and dialog.choice.currentIndex() == -1
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Tab)
    type_text(qtbot, focus(qtbot), "复核认定误评")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "申诉结果" in dialog.problems.text(), timeout=15_000)
    assert _state(desk, near) is RectificationState.APPEALING  # nothing saved
    dialog.choice.setFocus()
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)  # 申诉成立
    assert dialog.choice.currentData() is True
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(desk, near) is RectificationState.WITHDRAWN, timeout=15_000)
    qtbot.waitUntil(lambda: len(page.items) == 1, timeout=15_000)

    with desk.ctx.station.db.read() as s:
        steps = list(
            s.scalars(
                select(AuditRow.detail)
                .where(AuditRow.action == "rectification", AuditRow.operator_id == "super01")
                .order_by(AuditRow.seq)
            )
        )
    assert [d.split(" ")[0] for d in steps] == [
        "rectified",
        "callback",
        "callback",
        "appeal",
        "appeal",
    ]


def test_a_clerk_has_no_rectification_page(
    qtbot: Any, start_desk: Start, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk, "clerk01")
    assert window.show_page("rectifications") is None
