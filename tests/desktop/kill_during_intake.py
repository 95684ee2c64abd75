"""Run by test_drafts: a clerk is half-way through an intake when the process is killed.

    python tests/desktop/kill_during_intake.py DATA_DIR

Starts the real app offscreen, logs in, reads the card, chooses a matter, types part of
the form, waits until the draft is in the store, prints the applicant's name and SIGKILLs
itself (no clean shutdown, no atexit: as after a crash or a power cut).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import DesktopApp
from desktop.options import ReaderSpec, parse_args


def until(app: QApplication, predicate: object, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    data = Path(sys.argv[1])
    app = QApplication([])
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data)])
    desk = DesktopApp(
        app, replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    )
    desk.start()
    until(app, lambda: desk.login._verify is not None)
    QTest.keyClicks(desk.login.operator, "clerk01")
    QTest.keyClicks(desk.login.password, "windowdesk")
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    until(app, lambda: desk.window is not None and desk.ctx.choices is not None)
    screen = desk.window.screen_
    screen.read_card()
    until(app, lambda: bool(screen.applicant.person.name.text()))
    screen.picker.search.setText("shbzkqy")
    screen.picker._search("shbzkqy")
    screen.picker._take_current()
    screen.mark_required_received()
    station = desk.ctx.station
    until(
        app, lambda: (d := station.drafts.get("clerk01")) is not None and d.content.get("matters")
    )
    print(screen.applicant.person.name.text(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main()
