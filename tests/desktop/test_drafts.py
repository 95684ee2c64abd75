"""The intake on screen survives a kill: the next login offers it back, Enter restores."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake.views import MaterialState
from tests.desktop.drive import decide, login, options_for

HERE = Path(__file__).parent


def test_the_draft_comes_back_after_the_process_is_killed(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    run = subprocess.run(
        [sys.executable, str(HERE / "kill_during_intake.py"), str(station_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    name = run.stdout.strip().splitlines()[-1]
    assert name

    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk)
    qtbot.waitUntil(lambda: window.draft_box is not None and window.draft_box.isVisible())
    box = window.draft_box
    assert (
        QApplication.focusWidget() is box.defaultButton()
        or box.focusWidget() is box.defaultButton()
    )
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter restores
    screen = window.screen_
    qtbot.waitUntil(lambda: screen.applicant.person.name.text() == name)
    assert screen.flow.matters and screen.flow.merged is not None
    assert all(e.state is MaterialState.ORIGINAL for e in screen.flow.materials.values())
    case = decide(qtbot, desk)  # and it can be finished as if nothing happened
    assert case.applicant.name == name
    assert desk.ctx.station.drafts.get("clerk01") is None


def test_discarding_the_offer_removes_the_draft(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    from intake.station import Station

    with Station.open(station_dir) as station:
        station.drafts.save("clerk01", {"applicant": {"name": "王芳"}, "matters": []})
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk)
    qtbot.waitUntil(lambda: window.draft_box is not None and window.draft_box.isVisible())
    qtbot.keyClick(window.draft_box, Qt.Key.Key_Escape)  # Esc: the discard button
    qtbot.waitUntil(lambda: desk.runner.pending == 0)
    assert desk.ctx.station.drafts.get("clerk01") is None
    assert window.screen_.applicant.person.name.text() == ""
