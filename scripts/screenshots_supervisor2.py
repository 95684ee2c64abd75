"""The supervisor's 差评整改 page at 1366×768 with demo data.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \\
        .venv/bin/python scripts/screenshots_supervisor2.py docs/screenshots

A throwaway demo station; five 差评 given through the core at different points of their
15-working-day clock (one past, one near, three with time left); on one the rectification
is recorded and a call-back did not reach the citizen, on another an appeal is filed — all
through the real app with real key events. QWidget.grab() of the window.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screenshots import SIZE, settle, shot, wait

from desktop import i18n
from desktop.app import DesktopApp
from desktop.demo import prepare_demo_station, write_demo_cards
from desktop.options import ReaderSpec, parse_args
from desktop.rectifications.demo import seed_low_ratings
from intake.station import Station

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def seed(data: Path) -> None:
    with Station.open(data) as station:
        prepare_demo_station(station, cases=40)
        write_demo_cards(station)
        seed_low_ratings(station, (-3, 2, 6, 9, 13))


def step(app: QApplication, page: object, row: int, key: Qt.Key, text: str) -> None:
    """Select ``row``, open the step's dialog with its key, type ``text``, Enter."""
    page.window().activateWindow()  # type: ignore[attr-defined]
    page.table.setFocus()  # type: ignore[attr-defined]
    page.table.selectRow(row)  # type: ignore[attr-defined]
    settle(app, 0.2)
    QTest.keyClick(page.table, key, SHIFT_CTRL)  # type: ignore[attr-defined]
    wait(app, lambda: page.dialog is not None and page.dialog.isVisible())  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    if key == Qt.Key.Key_B:
        QTest.keyClick(dialog.choice, Qt.Key.Key_Down)  # 未联系上
    dialog.note.insert(text)  # Chinese text as an input method commits it
    QTest.keyClick(dialog.note, Qt.Key.Key_Return)
    wait(app, lambda: page.dialog is None, 30)  # type: ignore[attr-defined]
    settle(app, 0.5)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-sup2-"))
    seed(data)
    i18n.set_default_locale()
    app = QApplication([])
    keep = i18n.install(app)
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data)])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.login._verify is not None, 120)
    QTest.keyClicks(desk.login.operator, "super01")
    QTest.keyClicks(desk.login.password, "windowdesk")
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    wait(app, lambda: desk.window is not None and desk.ctx.choices is not None)
    window = desk.window
    window.resize(*SIZE)
    settle(app)
    window.show_page("rectifications")
    page = window.page("rectifications")
    wait(app, lambda: page is not None and len(page.items) == 5, 30)
    step(app, page, 0, Qt.Key.Key_G, "高峰时段加开两个窗口，叫号屏公示预计等候时间")
    wait(app, lambda: page.items[0].rectification != "", 30)
    step(app, page, 0, Qt.Key.Key_B, "电话无人接听，明日再回访")
    step(app, page, 2, Qt.Key.Key_A, "群众误按评价器，已当场书面说明")
    page.table.setFocus()
    page.table.selectRow(2)  # the appealed one: its appeal shows below; the marks stay visible
    settle(app, 0.8)
    shot(window, out, "rectification")
    desk.window.close()
    desk.shutdown()
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
