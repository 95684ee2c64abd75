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
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop import i18n
from desktop.app import DesktopApp
from desktop.options import ReaderSpec, parse_args
from intake.demo import DEMO_PASSWORD

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


def qt_app() -> tuple[QApplication, list[object]]:
    """The QApplication with the app's translators (zh_CN by default), as ``desktop.app.main``
    makes it; keep the translators as long as the app runs."""
    i18n.set_default_locale()
    app = QApplication([])
    return app, i18n.install(app)


def start_demo(app: QApplication, data: Path, *extra: str, hub: bool = False) -> DesktopApp:
    """The real app on the demo station in ``data`` (seeded at its first start) with the
    simulated reader on the station's card file; returns when the login can be checked.
    ``hub``: with the demo platform on loopback (real sync rounds)."""
    args = ["--demo", *([] if hub else ["--no-hub"]), "--data-dir", str(data), *extra]
    opts = replace(parse_args(args), reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.login._verify is not None, 180)
    return desk


def log_in(
    app: QApplication, desk: DesktopApp, operator: str = "clerk01", size: tuple[int, ...] = SIZE
) -> Any:
    """Type the operator and the demo password, Enter; the counter window at ``size`` once
    the matter search is ready."""
    QTest.keyClicks(desk.login.operator, operator)
    QTest.keyClicks(desk.login.password, DEMO_PASSWORD)
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    wait(app, lambda: desk.window is not None and desk.ctx.choices is not None, 120)
    desk.window.resize(*size)
    settle(app)
    return desk.window


def open_demo_window(
    app: QApplication,
    data: Path,
    *extra: str,
    operator: str = "clerk01",
    hub: bool = False,
    size: tuple[int, ...] = SIZE,
) -> DesktopApp:
    """``start_demo`` then ``log_in``: the app with ``operator``'s counter window open."""
    desk = start_demo(app, data, *extra, hub=hub)
    log_in(app, desk, operator, size)
    return desk


def close_demo(desk: DesktopApp) -> None:
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-"))
    app, keep = qt_app()
    desk = start_demo(app, data)
    settle(app)
    shot(desk.login, out, "01-login")
    window = log_in(app, desk)
    screen = window.screen_
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
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
