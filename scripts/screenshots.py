"""Render each main screen at 1366×768 with demo data into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]

Uses a throwaway copy of the demo station, the real app (DesktopApp), real key events and
QWidget.grab(). Look at every PNG: Chinese renders, nothing clipped, no English a clerk sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop import i18n
from desktop.app import DesktopApp
from desktop.options import ReaderSpec, parse_args

#: WINDOWDESK_SHOT_SIZE=1920x1080 (with QT_SCALE_FACTOR=1.5 for a high-DPI check)
SIZE = tuple(int(v) for v in os.environ.get("WINDOWDESK_SHOT_SIZE", "1366x768").split("x"))


def wait(app: QApplication, predicate: object, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise TimeoutError("the screen did not get there")


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def focus() -> QWidget:
    modal = QApplication.activeModalWidget()
    return (modal.focusWidget() or modal) if modal else QApplication.focusWidget()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-"))
    i18n.set_default_locale()
    app = QApplication([])
    keep = i18n.install(app)
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data)])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.login._verify is not None, 120)
    settle(app)
    shot(desk.login, out, "01-login")
    QTest.keyClicks(desk.login.operator, "clerk01")
    QTest.keyClicks(desk.login.password, "windowdesk")
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    wait(app, lambda: desk.window is not None and desk.ctx.choices is not None)
    window = desk.window
    window.resize(*SIZE)
    screen = window.screen_
    settle(app)
    shot(window, out, "02-counter-empty")
    QTest.keyClick(focus(), Qt.Key.Key_F2)
    wait(app, lambda: screen.applicant.person.phone.text() != "")
    QTest.keyClick(focus(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus(), "jhdj")
    settle(app)
    shot(window, out, "03-matter-search")
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    settle(app)
    shot(window, out, "04-materials-and-form")
    QTest.keyClick(focus(), Qt.Key.Key_F4)
    QTest.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: screen.decision_dialog is not None)
    settle(app)
    dialog = screen.decision_dialog
    shot(dialog, out, "05-decision")
    dialog.reject()
    settle(app)
    window.activateWindow()
    screen.applicant.person.id_number.setFocus()
    screen.applicant.person.id_number.selectAll()
    QTest.keyClicks(screen.applicant.person.id_number, "110105194912310021")
    settle(app)
    shot(window, out, "06-invalid-id-number")
    # a bundle with 情形: the questions come before the material list
    code = next(c for c, b in desk.ctx.catalog.bundles.items() if b.situations)
    screen.choose("bundle", code)
    wait(app, lambda: screen.situations_dialog is not None)
    settle(app)
    shot(screen.situations_dialog, out, "07-situations")
    screen.situations_dialog.reject()
    settle(app)
    desk.window.close()
    desk.shutdown()
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
