"""The citizen screen on a second monitor (run by test_citizen_screen.py in a process of its
own whose offscreen platform has two screens: a QApplication cannot gain a screen later)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.messages import message
from intake.citizen import Step
from intake.status import Event, Status
from intake.views import MaterialState
from tests.desktop.citizen_steps import ask_to_decide, fill_retirement_intake, sign, tap
from tests.desktop.drive import login, options_for, pdfs, type_text, wait_idle


def _citizen(desk: Any) -> Any:
    citizen = desk.window.citizen
    assert citizen.mode == "screen" and citizen.window is not None
    return citizen


def test_confirm_then_rate_on_the_citizen_screen(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    assert len(QGuiApplication.screens()) == 2
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    citizen = _citizen(desk)
    window, panel = citizen.window, citizen.window.panel
    assert window.target is not QGuiApplication.primaryScreen()
    # its own monitor, full screen, frameless, the clerk keeps the keyboard
    qtbot.waitUntil(lambda: window.isVisible())
    other = next(s for s in QGuiApplication.screens() if s is not QGuiApplication.primaryScreen())
    assert window.screen() is other and window.geometry() == other.geometry()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert desk.window.screen() is QGuiApplication.primaryScreen()
    assert panel.step is Step.WELCOME
    operator = desk.ctx.operator
    assert operator.name in panel.welcome_clerk.text() and operator.id in panel.welcome_clerk.text()
    # live, masked
    fill_retirement_intake(qtbot, screen)
    assert panel.step is Step.LIVE
    shown = panel.live_summary
    texts = " ".join(w.text() for w in shown.findChildren(type(panel.clerk)) if w.isVisible())
    full = screen.flow.applicant
    assert full["name"] not in texts and full["id_number"] not in texts
    assert full["id_number"][-4:] in texts and "*" in texts
    assert "退休" in shown.matter.text() and "✔" in shown.materials.text()
    # 信息确认: the save waits for the citizen; 有误 goes back to editing
    before = screen.last_case
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    assert screen.last_case == before and not screen.decide_button.isEnabled()
    tap(qtbot, panel.wrong)
    qtbot.waitUntil(lambda: panel.step is Step.LIVE and screen.decide_button.isEnabled())
    assert screen.last_case == before  # nothing saved
    # the clerk edits while the citizen reads: the confirmation is withdrawn, asked again
    desk.window.activateWindow()
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    employer = screen.form.widget_for("employer")
    employer.setFocus()
    type_text(qtbot, employer, "附属")
    qtbot.waitUntil(lambda: panel.step is Step.LIVE and screen.decide_button.isEnabled())
    assert screen.last_case == before
    assert "附属" in panel.live_summary.form.text()
    desk.window.activateWindow()
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    assert "附属" in panel.confirm_summary.form.text()
    tap(qtbot, panel.right)
    qtbot.waitUntil(lambda: screen.last_case not in (None, before), timeout=15_000)
    case = desk.ctx.station.cases.get(screen.last_case)
    assert case.status is Status.ACCEPTED
    assert (case.history[-1].event, case.history[-1].note) == (
        Event.CONFIRMED.value,
        "citizen_screen",
    )
    # 好差评: no level is chosen for the citizen; a low one needs reasons and a comment
    qtbot.waitUntil(lambda: panel.step is Step.RATING)
    rating = panel.rating
    assert rating.level() is None and not rating.submit.isEnabled()
    assert case.departments[0] in rating.heading.text()
    tap(qtbot, rating.level_buttons[2])
    assert rating.low_box.isVisible()
    tap(qtbot, rating.submit)
    assert rating.problem.text() == message("evaluation.reason_required")
    wait_idle(qtbot, desk)
    assert desk.ctx.station.cases.get(case.case_number).evaluations == ()
    tap(qtbot, rating.chips["waiting"])
    tap(qtbot, rating.submit)
    assert rating.problem.text() == message("evaluation.reason_required")  # still no comment
    rating.comment.setFocus()
    type_text(qtbot, rating.comment, "排队等了四十分钟")
    tap(qtbot, rating.submit)
    qtbot.waitUntil(lambda: panel.step is Step.THANKS, timeout=15_000)
    [given] = desk.ctx.station.cases.get(case.case_number).evaluations
    assert (given.level, given.reasons, given.reason) == (2, ("waiting",), "排队等了四十分钟")
    assert given.department == case.departments[0] and given.channel == "window_device"
    # the citizen's monitor is unplugged: the window closes (never onto the clerk's screen)
    # and saves go ahead without it
    citizen._screen_removed(window.target)
    assert citizen.window is None and citizen.mode is None
    assert screen.confirmation_gate is None and screen.after_save is None


def test_the_promise_is_signed_on_the_citizen_screen_and_printed_with_it(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    panel = _citizen(desk).window.panel
    fill_retirement_intake(qtbot, screen, defer=True)
    ask_to_decide(qtbot, desk)
    qtbot.waitUntil(lambda: panel.step is Step.CONFIRMING)
    tap(qtbot, panel.right)
    qtbot.waitUntil(lambda: panel.step is Step.SIGNING, timeout=15_000)
    number = screen.last_case
    wait_idle(qtbot, desk)
    assert not [p for p in pdfs(station_dir / "prints") if number in p.name]  # waits for it
    assert not panel.sign_done.isEnabled()  # nothing drawn yet
    sign(qtbot, panel.pad)
    assert panel.pad.stroke_count == 2
    tap(qtbot, panel.sign_done)
    qtbot.waitUntil(lambda: panel.step is Step.RATING, timeout=15_000)
    qtbot.waitUntil(
        lambda: any("promise" in p.name for p in pdfs(station_dir / "prints") if number in p.name),
        timeout=30_000,
    )
    wait_idle(qtbot, desk)
    station = desk.ctx.station
    [signature] = station.attachments.for_case(number)
    assert signature.kind == "signature" and set(signature.documents) == {"promise", "acceptance"}
    assert signature.mime == "image/png" and not signature.uploaded  # waits for sync
    [promise] = [
        p for p in pdfs(station_dir / "prints") if number in p.name and "promise" in p.name
    ]
    listed = subprocess.run(
        ["pdfimages", "-list", str(promise)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert [row.split()[2] for row in listed] == ["image", "smask"]
    # the clerk skips the rating with a reason: recorded, no rating invented
    desk.window.activateWindow()
    qtbot.keyClick(
        desk.window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    citizen = desk.window.citizen
    qtbot.waitUntil(lambda: citizen.skip_dialog is not None and citizen.skip_dialog.isVisible())
    qtbot.keyClick(citizen.skip_dialog, Qt.Key.Key_Return)
    wait_idle(qtbot, desk)
    case = station.cases.get(number)
    assert case.evaluations == () and case.history[-1].event == Event.EVALUATION_SKIPPED.value
    assert case.history[-1].note
    assert any(m.state is MaterialState.DEFERRED for m in case.materials)
