"""The cases page at 1366×768 with demo data: the list (case-list.png) and a case's detail
(case-detail.png), reached with real keys (Ctrl+2, typing, Down, Enter).

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file .venv/bin/python \\
        scripts/screenshots_cases.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.app import DesktopApp
from desktop.options import ReaderSpec, parse_args
from intake.cases import MaterialState
from scripts.screenshots import SIZE, focus, settle, shot, wait  # also sets the platform


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-cases-"))
    i18n.set_default_locale()
    app = QApplication([])
    keep = i18n.install(app)
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data)])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.login._verify is not None, 120)
    QTest.keyClicks(desk.login.operator, "clerk01")
    QTest.keyClicks(desk.login.password, "windowdesk")
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    wait(app, lambda: desk.window is not None and desk.ctx.choices is not None)
    window = desk.window
    window.resize(*SIZE)
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
    window.close()
    desk.shutdown()
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
