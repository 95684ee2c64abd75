"""The citizen screen in each step, on a second (virtual) monitor of 1366×768, and the promise
the citizen signed on it, as printed.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \\
        .venv/bin/python scripts/screenshots_citizen.py docs/screenshots

The offscreen platform gets two screens from a config file (``offscreen:configfile=…``); the
clerk's keys are real key events, the citizen's taps are mouse clicks, the signature is drawn
with mouse moves on the pad. Writes citizen-welcome, citizen-confirm, citizen-signature,
citizen-rating and signed-promise (the PDF page through pdftoppm).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

_SCREENS = Path(tempfile.mkdtemp(prefix="wd-screens-")) / "screens.json"
_SCREENS.write_text(
    json.dumps(
        {
            "screens": [
                {"name": "A-clerk", "x": 0, "y": 0, "width": 1366, "height": 768},
                {"name": "B-citizen", "x": 1366, "y": 0, "width": 1366, "height": 768},
            ]
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox  # noqa: E402
from screenshots import (  # noqa: E402
    close_demo,
    focus,
    open_demo_window,
    qt_app,
    settle,
    shot,
    wait,
)

from intake.citizen import Step  # noqa: E402
from intake.clock import local_date, now  # noqa: E402
from intake.views import MaterialState  # noqa: E402


def draw_signature(pad: object) -> None:
    """A two-character signature with the 'pen' (press, moves, release)."""
    w, h = pad.width(), pad.height()  # type: ignore[attr-defined]
    strokes = [
        [(0.22, 0.3), (0.3, 0.28), (0.27, 0.45), (0.2, 0.62), (0.33, 0.58)],
        [(0.28, 0.4), (0.36, 0.7)],
        [(0.45, 0.3), (0.52, 0.32), (0.5, 0.5), (0.44, 0.66)],
        [(0.5, 0.45), (0.6, 0.42), (0.66, 0.6), (0.75, 0.55)],
    ]
    for stroke in strokes:
        points = [QPoint(int(w * x), int(h * y)) for x, y in stroke]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])  # type: ignore[arg-type]
        for a, b in itertools.pairwise(points):
            for i in range(1, 9):
                QTest.mouseMove(pad, a + (b - a) * (i / 8))  # type: ignore[arg-type]
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])  # type: ignore[arg-type]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-citizen-"))
    app, keep = qt_app()
    assert len(app.screens()) == 2, "the offscreen platform did not take the screen config"
    desk = open_demo_window(app, data, size=(1366, 740))
    window = desk.window
    screen = window.screen_
    citizen = window.citizen
    assert citizen.window is not None, "no citizen window on the second screen"
    cw, panel = citizen.window, citizen.window.panel
    wait(app, cw.isVisible)
    settle(app, 0.5)
    shot(cw, out, "citizen-welcome")
    # the clerk records: card, matter, materials (one 容缺), form
    window.activateWindow()
    QTest.keyClick(focus(), Qt.Key.Key_F2)
    wait(app, lambda: screen.applicant.person.phone.text() != "")
    QTest.keyClick(focus(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus(), "zgybtxrydyhd")
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    settle(app)
    QTest.keyClick(focus(), Qt.Key.Key_F4)
    row = screen.materials._rows["retirement_proof"]
    row.state.setCurrentIndex(row.state.findData(MaterialState.DEFERRED.value))
    QTest.keyClicks(row.extra, (local_date(now()) + timedelta(days=5)).isoformat())
    for key in ("retirement_date", "employer"):
        widget = screen.form.widget_for(key)
        widget.setFocus()
        if isinstance(widget, QComboBox):
            QTest.keyClick(widget, Qt.Key.Key_Down)
        elif key == "retirement_date":
            QTest.keyClicks(widget, "2026-10-31")
        else:
            from PySide6.QtGui import QInputMethodEvent

            event = QInputMethodEvent()
            event.setCommitString("长沙县第一中学")
            QApplication.sendEvent(widget, event)
    settle(app)
    shot(cw, out, "citizen-live")
    # decide: the citizen confirms on their screen
    screen.setFocus()
    QTest.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible())
    QTest.keyClick(screen.decision_dialog, Qt.Key.Key_Return)
    wait(app, lambda: panel.step is Step.CONFIRMING)
    settle(app, 0.5)
    shot(cw, out, "citizen-confirm")
    QTest.mouseClick(panel.right, Qt.MouseButton.LeftButton)
    wait(app, lambda: panel.step is Step.SIGNING)
    draw_signature(panel.pad)
    settle(app, 0.5)
    shot(cw, out, "citizen-signature")
    number = screen.last_case
    QTest.mouseClick(panel.sign_done, Qt.MouseButton.LeftButton)
    wait(app, lambda: panel.step is Step.RATING)
    prints = data / "prints"
    wait(app, lambda: any("promise" in p.name and number in p.name for p in prints.glob("*.pdf")))
    QTest.mouseClick(panel.rating.level_buttons[2], Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.rating.chips["waiting"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.rating.chips["not_told_once"], Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QInputMethodEvent

    panel.rating.comment.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("取号后等了四十分钟，材料要求没有一次说清楚")
    QApplication.sendEvent(panel.rating.comment, event)
    settle(app, 0.5)
    shot(cw, out, "citizen-rating")
    promise = next(p for p in prints.glob("*.pdf") if "promise" in p.name and number in p.name)
    subprocess.run(
        ["pdftoppm", "-r", "90", "-png", "-singlefile", str(promise), str(out / "signed-promise")],
        check=True,
    )
    print(out / "signed-promise.png")
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
