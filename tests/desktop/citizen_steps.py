"""Driving the citizen screen in tests: the clerk's side with keys, the citizen's with taps
(mouse clicks on the citizen window: the offscreen platform has no touch screen) and a pen
drawn with mouse moves on the signature pad."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from intake.clock import local_date, now
from intake.views import MaterialState
from tests.desktop.drive import choose, focus, read_card, type_text


def fill_retirement_intake(qtbot: Any, screen: Any, *, defer: bool = False) -> None:
    """A card, the 退休 matter, the materials (one 容缺 with a promise if ``defer``), the form."""
    read_card(qtbot, screen)
    choose(qtbot, screen, "zgybtxrydyhd")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    if defer:
        row = screen.materials._rows["retirement_proof"]
        row.state.setCurrentIndex(row.state.findData(MaterialState.DEFERRED.value))
        promised = local_date(now()) + timedelta(days=5)
        qtbot.keyClicks(row.extra, promised.isoformat())
    for key, text in {"retirement_date": "2026-10-31", "employer": "长沙县第一中学"}.items():
        widget = screen.form.widget_for(key)
        widget.setFocus()
        if isinstance(widget, QComboBox):
            qtbot.keyClick(widget, Qt.Key.Key_Down)
        else:
            type_text(qtbot, widget, text)


def ask_to_decide(qtbot: Any, desk: Any) -> None:
    """Ctrl+Enter then Enter: the decision is taken; with a citizen screen it now waits."""
    screen = desk.window.screen_
    screen.setFocus()
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible()
    )
    dialog = screen.decision_dialog
    assert dialog.ok.isEnabled(), dialog.problems.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def tap(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sign(qtbot: Any, pad: Any) -> None:
    """Two strokes with the 'pen' (mouse press, moves, release)."""
    w, h = pad.width(), pad.height()
    for row in (0.35, 0.6):
        points = [
            QPoint(int(w * (0.15 + 0.07 * i)), int(h * (row + (0.12 if i % 2 else 0))))
            for i in range(9)
        ]
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
        for p in points[1:]:
            qtbot.mouseMove(pad, p)
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])
