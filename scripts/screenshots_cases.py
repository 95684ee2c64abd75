"""The cases page at 1366×768 with demo data: the list (case-list.png), a case's detail
(case-detail.png) and the document camera's capture dialog on a file source
(camera-capture.png), reached with real keys (Ctrl+2, typing, Down, Enter, Ctrl+Shift+C).

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file .venv/bin/python \\
        scripts/screenshots_cases.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from intake.views import MaterialState
from scripts.screenshots import (  # also sets the platform
    close_demo,
    focus,
    open_demo_window,
    qt_app,
    settle,
    shot,
    wait,
)


def _sample_document(path: Path) -> Path:
    """A stand-in for what the document camera sees: a sheet with a form on it."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#5b6b73"))
    painter = QPainter(image)
    painter.fillRect(150, 80, 900, 640, QColor("#fbfaf5"))
    painter.setPen(QColor("#222222"))
    painter.setFont(QFont("Noto Sans CJK SC", 34))
    painter.drawText(330, 170, "授权委托书（样张）")
    painter.setFont(QFont("Noto Sans CJK SC", 20))
    for i, line in enumerate(
        ["委托人：何春萍", "受托人：王芳", "委托事项：最低生活保障申请", "签名："]
    ):
        painter.drawText(220, 280 + i * 80, line)
    painter.end()
    image.save(str(path))
    return path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-cases-"))
    app, keep = qt_app()
    picture = _sample_document(data.parent / f"{data.name}-document.png")
    desk = open_demo_window(app, data, "--camera-file", str(picture))
    window = desk.window
    station = desk.ctx.station
    # a case with a 容缺 promise, its notice printed and reprinted (补打)
    cases = [station.cases.get(s.id) for s in station.cases.list(limit=100)]
    rich = next(
        (c for c in cases if any(m.state is MaterialState.DEFERRED for m in c.materials)),
        next(c for c in cases if c.status.value == "accepted"),
    )
    for _ in range(2):
        kind = "acceptance" if rich.status.value == "accepted" else "materials"
        desk.ctx.printing.print_case(rich.id, kind, operator_id="clerk01")
    QTest.keyClick(focus(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: "cases" in window.pages)
    page = window.pages["cases"]
    wait(app, lambda: page.model.total is not None and page.model.rowCount() > 0)
    settle(app, 0.5)
    shot(window, out, "case-list")
    QTest.keyClicks(page.search, rich.case_number)
    wait(app, lambda: page.model.filter.text == rich.case_number and page.model.rowCount() == 1)
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    wait(app, lambda: page.open_detail is not None)
    settle(app, 0.5)
    shot(window, out, "case-detail")
    wait(app, lambda: page.scan_button.isVisible())
    QTest.keyClick(
        focus(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait(app, lambda: page.camera_dialog is not None and page.camera_dialog._image is not None)
    settle(app, 0.5)
    shot(page.camera_dialog, out, "camera-capture")
    page.camera_dialog.reject()
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
