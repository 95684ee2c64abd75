"""The citizen-facing screen: on a second monitor (in a process whose offscreen platform has
two screens), on the clerk's screen turned to the citizen, or off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.citizen.texts import LEVEL_TEXTS, REASON_TEXTS, SKIP_REASONS, tr
from desktop.options import OptionError, citizen_screen_index, parse_citizen_screen
from intake.citizen import Step
from intake.evaluation import LEVELS, LOW_REASONS
from intake.status import Event
from tests.desktop.citizen_steps import ask_to_decide, fill_retirement_intake, tap
from tests.desktop.drive import login, options_for, wait_idle

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def test_with_a_second_monitor(tmp_path: Path) -> None:
    """citizen_two_screens.py: confirm then rate; sign the promise and find it in the PDF."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'two_screens.json'}"
    env["WINDOWDESK_KEYRING"] = "file"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "t"),
            str(HERE / "citizen_two_screens.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    tail = "\n".join(run.stdout.splitlines()[-30:])
    assert run.returncode == 0, tail + run.stderr[-3000:]
    assert "2 passed" in run.stdout, tail


def test_the_screen_option() -> None:
    assert [parse_citizen_screen(s) for s in ("auto", "off", "turn", "1")] == [
        "auto",
        "off",
        "turn",
        "1",
    ]
    with pytest.raises(OptionError):
        parse_citizen_screen("left")
    assert citizen_screen_index("auto", 1, 0) is None  # one monitor: no citizen window
    assert citizen_screen_index("auto", 2, 0) == 1
    assert citizen_screen_index("auto", 3, 1) == 0
    assert citizen_screen_index("2", 2, 0) is None  # no such screen
    assert citizen_screen_index("0", 2, 0) is None  # that is the clerk's
    assert citizen_screen_index("off", 2, 0) is None


def test_the_levels_and_reasons_read_as_the_national_terms() -> None:
    assert {level: tr(text) for level, text in LEVEL_TEXTS.items()} == dict(LEVELS)
    assert {code: tr(text) for code, text in REASON_TEXTS.items()} == dict(LOW_REASONS)


def test_one_monitor_and_auto_saves_as_before(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    assert len(QGuiApplication.screens()) == 1
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    assert desk.window.citizen.mode is None and desk.window.screen_.confirmation_gate is None


def test_the_turned_screen_skips_the_confirmation_with_a_reason_then_rates(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--citizen-screen", "turn"))
    screen = login(qtbot, desk).screen_
    citizen = desk.window.citizen
    assert citizen.mode == "turn" and citizen.window is None
    fill_retirement_intake(qtbot, screen)
    before = screen.last_case
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: citizen.dialog is not None and citizen.dialog.isVisible())
    assert citizen.dialog.panel.step is Step.CONFIRMING and screen.last_case == before
    # the applicant cannot read the screen: the clerk skips, and must say why
    qtbot.keyClick(
        citizen.dialog,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: citizen.skip_dialog is not None and citizen.skip_dialog.isVisible())
    skip = citizen.skip_dialog
    skip.reason.setEditText("")
    qtbot.keyClick(skip, Qt.Key.Key_Return)
    assert skip.isVisible() and skip.problem.text()  # no reason: not skipped
    assert screen.last_case == before
    skip.reason.setCurrentIndex(0)
    reason = skip.text()
    assert reason == tr(SKIP_REASONS[0]) and reason.isascii() is False  # shown in Chinese
    qtbot.keyClick(skip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_case not in (None, before), timeout=15_000)
    wait_idle(qtbot, desk)
    case = desk.ctx.station.cases.get(screen.last_case)
    skipped = next(h for h in case.history if h.event == Event.CONFIRMATION_SKIPPED.value)
    assert skipped.note == reason
    # the rating on the turned screen
    qtbot.waitUntil(lambda: citizen.dialog is not None and citizen.dialog.panel.step is Step.RATING)
    rating = citizen.dialog.panel.rating
    tap(qtbot, rating.level_buttons[5])
    assert not rating.low_box.isVisible()
    tap(qtbot, rating.submit)
    qtbot.waitUntil(
        lambda: bool(desk.ctx.station.cases.get(case.case_number).evaluations), timeout=15_000
    )
    [given] = desk.ctx.station.cases.get(case.case_number).evaluations
    assert given.level == 5 and given.reasons == () and given.channel == "window_device"
    # one rating per case and department: the thanks page, and the dialog goes away
    qtbot.waitUntil(lambda: citizen.session.step is Step.THANKS)
    citizen._next_citizen()
    qtbot.waitUntil(lambda: citizen.dialog is None)


def test_locking_withdraws_a_pending_confirmation_and_saves_nothing(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--citizen-screen", "turn"))
    screen = login(qtbot, desk).screen_
    citizen = desk.window.citizen
    fill_retirement_intake(qtbot, screen)
    before = screen.last_case
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: citizen.dialog is not None and citizen.dialog.isVisible())
    desk.lock()  # Ctrl+L or the idle lock, while the applicant has not answered
    qtbot.waitUntil(lambda: citizen.dialog is None)
    assert citizen.session.step is Step.WELCOME and citizen.session.view.is_empty
    # the window is disabled under the lock; its decide button is back for after the login
    assert screen.decide_button.isEnabledTo(desk.window) and not screen._saving
    assert screen.last_case == before
    wait_idle(qtbot, desk)
    assert screen.flow.applicant.get("name")  # the clerk's intake is kept for after the login
