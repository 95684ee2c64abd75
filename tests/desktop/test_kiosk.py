"""The kiosk (``--mode kiosk``) through the real app offscreen: a citizen's whole path to a
printed ticket, the idle wipe (no widget or model keeps the name or ID number), the exit
behind the hidden gesture and a supervisor's PIN, Alt+F4 and friends refused, touch sizes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.kiosk.style import TOUCH_MIN
from intake.services.pre_intakes import QR_PREFIX
from tests.desktop.drive import options_for, pdfs, type_text, wait_idle
from tests.desktop.kiosk_walk import all_text

#: What a citizen types into a form field of each type (text: Chinese).
SAMPLE = {"phone": "13912345678", "date": "2020-01-01", "number": "1", "money": "1"}


def start_kiosk(qtbot: Any, start_desk: Any, station_dir: Path, *extra: str) -> Any:
    desk = start_desk(options_for(station_dir, "--mode", "kiosk", *extra))
    qtbot.waitUntil(lambda: desk.kiosk is not None and desk.kiosk.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: desk.ctx.choices is not None, timeout=30_000)
    wait_idle(qtbot, desk)
    return desk


def card(station_dir: Path) -> dict[str, Any]:
    """The simulated reader's first card (what the session will show)."""
    cards = json.loads((station_dir / "demo-cards.json").read_text(encoding="utf-8"))
    first: dict[str, Any] = cards["cards"][0]
    return first


def tap(qtbot: Any, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def read_card(qtbot: Any, kiosk: Any) -> Any:
    session = kiosk.session
    tap(qtbot, session.read_button)
    qtbot.waitUntil(lambda: session.identity is not None, timeout=15_000)
    assert session.stack.currentWidget() is session.events
    return session


def fill_and_submit(qtbot: Any, desk: Any, session: Any, matter: str) -> Any:
    """Search ``matter``, take the first result, fill the form, submit; the receipt."""
    type_text(qtbot, session.search, matter)
    qtbot.keyClick(session.search, Qt.Key.Key_Return)
    assert session.stack.currentWidget() is session.choices_page
    first = session.choices_page.findChildren(
        QPushButton, options=Qt.FindChildOption.FindChildrenRecursively
    )
    choice = next(b for b in first if b.objectName().startswith("choice_"))
    tap(qtbot, choice)
    assert session.stack.currentWidget() is session.guide_page
    assert "材料" in session.guide.toPlainText()  # the guide lists what to bring
    tap(qtbot, session.fill_button)
    assert session.stack.currentWidget() is session.form_page
    session.phone.setFocus()
    qtbot.keyClicks(session.phone, "13912345678")
    merged = session.flow.merged
    for req in merged.fields:
        if not req.required or session.flow.form.get(req.key):
            continue
        widget = session.form.widget_for(req.key)
        if req.field.options:
            widget.setCurrentIndex(1)
        else:
            widget.setFocus()
            type_text(qtbot, widget, SAMPLE.get(req.field.type.value, "测试"))
    printed: list[Any] = []
    desk.kiosk.ticket_printed.connect(lambda r, p: printed.append((r, p)))
    tap(qtbot, session.submit_button)
    qtbot.waitUntil(lambda: bool(printed) or session.submit_button.isEnabled(), timeout=30_000)
    assert printed, (session.form_problem.text(), session.flow.form, session.flow.applicant)
    return printed[0]


def test_kiosk_full_path_to_a_printed_ticket(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    kiosk = desk.kiosk
    assert kiosk.isFullScreen() and desk.window is None  # no counter window, no login
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    cases_before = len(desk.ctx.station.cases.list(limit=500))
    session = read_card(qtbot, kiosk)
    person = card(station_dir)
    assert person["name"] not in session.greeting.text()  # masked even on its own screen
    receipt, printed = fill_and_submit(qtbot, desk, session, "社会保障卡申领")
    assert printed.ok, printed.error
    assert receipt.ticket.number.startswith(("C", "P")) and receipt.pre_intake_id
    # the pre-intake is stored for the counter, and no case exists without a clerk
    found = desk.ctx.station.pre_intakes.find(receipt.ticket.number)
    assert found.content["applicant"]["id_number"] == person["id_number"]
    assert found.content["applicant"]["phone"] == "13912345678"
    assert found.content["channel"] == "kiosk"
    assert len(desk.ctx.station.cases.list(limit=500)) == cases_before
    # the 80 mm ticket: number, matter, people ahead, the pre-intake's QR, no personal data
    ticket = Path(printed.handle)
    assert ticket in pdfs(station_dir / "prints")
    text = subprocess.run(
        ["pdftotext", str(ticket), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    for wanted in (receipt.ticket.number, "社会保障卡申领", "前面等候", "预受理"):
        assert wanted in flat, wanted
    assert person["name"] not in flat and person["id_number"] not in flat
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(_png(ticket, tmp_path))],
        capture_output=True,
        text=True,
    ).stdout
    assert QR_PREFIX + receipt.pre_intake_id in scanned
    # after printing the session is wiped: the banner says the number, nothing personal
    assert kiosk.session is not session and kiosk.session.identity is None
    assert receipt.ticket.number in kiosk.banner.text()
    _assert_nothing_personal(qtbot, person)


def _png(pdf: Path, tmp: Path) -> Path:
    out = tmp / "ticket"
    subprocess.run(["pdftoppm", "-png", "-r", "203", str(pdf), str(out)], check=True)
    return next(tmp.glob("ticket*.png"))


def _assert_nothing_personal(qtbot: Any, person: dict[str, Any]) -> None:
    qtbot.wait(50)
    QApplication.processEvents()  # let the old session's widgets be deleted
    texts = all_text()
    secrets = [person["name"], person["id_number"], person["id_number"][-6:], "13912345678"]
    leaks = [(where, t) for where, t in texts for s in secrets if s and s in t]
    assert not leaks, leaks[:5]
    assert texts, "the walk found no text at all: it would prove nothing"


def test_idle_wipe_with_countdown_leaves_no_personal_data(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir, "--kiosk-idle-seconds", "15")
    kiosk = desk.kiosk
    session = read_card(qtbot, kiosk)
    person = card(station_dir)
    type_text(qtbot, session.search, "结婚")
    qtbot.keyClick(session.search, Qt.Key.Key_Return)
    choice = next(
        b
        for b in session.choices_page.findChildren(QPushButton)
        if b.objectName().startswith("choice_")
    )
    tap(qtbot, choice)
    tap(qtbot, session.fill_button)
    qtbot.keyClicks(session.phone, "13912345678")
    assert any(person["name"] in t for _, t in all_text()) or session.identity is not None
    assert kiosk.idle.armed
    qtbot.waitUntil(lambda: kiosk.countdown.isVisible(), timeout=20_000)
    assert "秒" in kiosk.countdown.text() or "s" in kiosk.countdown.text()
    qtbot.waitUntil(lambda: kiosk.session is not session, timeout=15_000)
    assert not kiosk.countdown.isVisible() and not kiosk.idle.armed
    assert kiosk.session.stack.currentWidget() is kiosk.session.welcome
    _assert_nothing_personal(qtbot, person)


def test_a_touch_during_the_countdown_keeps_the_session(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir, "--kiosk-idle-seconds", "15")
    kiosk = desk.kiosk
    session = read_card(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.countdown.isVisible(), timeout=20_000)
    qtbot.mouseClick(session.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk.countdown.isVisible(), timeout=5_000)
    assert kiosk.session is session and session.identity is not None


def test_alt_f4_esc_alt_tab_and_close_do_not_leave_the_kiosk(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    kiosk = desk.kiosk
    target = kiosk.session.read_button
    before = kiosk.guard.eaten
    qtbot.keyClick(target, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    qtbot.keyClick(target, Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.guard.eaten - before == 4
    assert not kiosk.close()  # what a window manager's Alt+F4 does: refused
    kiosk.showMinimized()
    qtbot.waitUntil(lambda: kiosk.isFullScreen(), timeout=5_000)
    assert kiosk.isVisible() and desk.kiosk is kiosk


def test_leaving_kiosk_mode_needs_the_gesture_and_a_supervisor_pin(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    kiosk = desk.kiosk
    corner = QPoint(20, 20)
    for _ in range(4):
        qtbot.mouseClick(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    assert kiosk.exit_dialog is None  # four taps are not the gesture
    qtbot.mouseClick(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: kiosk.exit_dialog is not None and kiosk.exit_dialog.isVisible())
    dialog = kiosk.exit_dialog
    # a clerk's own password does not open the kiosk
    qtbot.keyClicks(dialog.operator, "clerk01")
    qtbot.keyClicks(dialog.pin, "windowdesk")
    tap(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=15_000)
    assert "主管" in dialog.problem.text() and kiosk.isVisible()
    dialog.operator.clear()
    qtbot.keyClicks(dialog.operator, "super01")
    qtbot.keyClicks(dialog.pin, "wrong-pin")
    tap(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.pin.text() == "" and dialog.ok.isEnabled(), timeout=15_000)
    assert kiosk.isVisible() and not kiosk.allow_close
    left: list[bool] = []
    kiosk.left.connect(lambda: left.append(True))
    qtbot.keyClicks(dialog.pin, "windowdesk")
    tap(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: bool(left), timeout=15_000)
    assert not kiosk.isVisible()


def test_touch_targets_and_the_elder_mode(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    kiosk = desk.kiosk
    read_card(qtbot, kiosk)
    qtbot.wait(50)
    buttons = [b for b in kiosk.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 10
    small = [(b.text(), b.height()) for b in buttons if b.height() < TOUCH_MIN]
    assert not small, small
    size = kiosk.session.event_buttons["birth"].font().pixelSize()
    tap(qtbot, kiosk.elder_button)
    assert kiosk.elder
    qtbot.wait(50)
    bigger = kiosk.session.event_buttons["birth"].font().pixelSize()
    assert bigger > size
    assert "#000000" in kiosk.styleSheet()  # high contrast: yellow on black


def test_a_bundle_guide_asks_its_situations_before_the_form(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    session = read_card(qtbot, desk.kiosk)
    tap(qtbot, session.event_buttons["birth"])  # 生育
    bundle = session.choices_page.findChild(QPushButton, "choice_YJS-430121-01")
    tap(qtbot, bundle)
    assert len(session.situation_groups) == 3
    assert not session.fill_button.isEnabled()  # 情形 first (一次告知)
    full = len(session.flow.merged.matters)
    for name in (
        "situation_birth_place_elsewhere",
        "situation_social_security_card_no",
        "situation_parents_married_yes",
    ):
        tap(qtbot, session.guide_page.findChild(QPushButton, name))
    assert session.fill_button.isEnabled()
    assert len(session.flow.merged.matters) == full - 2  # only what this family needs
    assert "出生医学证明首次签发" not in session.guide.toPlainText()


def test_id_and_phone_fields_ask_the_keyboard_for_digits(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_kiosk(qtbot, start_desk, station_dir)
    session = read_card(qtbot, desk.kiosk)
    type_text(qtbot, session.search, "出生登记")
    qtbot.keyClick(session.search, Qt.Key.Key_Return)
    choice = next(
        b
        for b in session.choices_page.findChildren(QPushButton)
        if b.objectName().startswith("choice_")
    )
    tap(qtbot, choice)
    tap(qtbot, session.fill_button)
    digits = Qt.InputMethodHint.ImhDigitsOnly
    assert session.phone.inputMethodHints() & digits
    kinds = {req.field.type.value for req in session.flow.merged.fields}
    assert "id_number" in kinds  # the parents' ID numbers
    for req in session.flow.merged.fields:
        widget = session.form.widget_for(req.key)
        if req.field.type.value == "phone":
            assert widget.inputMethodHints() & digits, req.key
        if req.field.type.value == "id_number":
            assert widget.inputMethodHints() & Qt.InputMethodHint.ImhPreferNumbers, req.key
    # Chinese text fields keep the default (Pinyin): no Latin-only hint
    assert not session.search.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly


def test_the_kiosk_shows_the_reader_unplugged_and_back(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    from devices.sam_simulator import SimulatedSamReader

    sam = SimulatedSamReader(tmp_path / "ttyWD0")
    sam.start()
    try:
        desk = start_kiosk(qtbot, start_desk, station_dir, "--reader", f"sam-serial:{sam.port}")
        kiosk = desk.kiosk
        qtbot.waitUntil(lambda: kiosk.reader_state.text() == "读卡器就绪", timeout=20_000)
        sam.unplug()
        qtbot.waitUntil(lambda: kiosk.reader_state.text() == "读卡器不可用", timeout=20_000)
        assert "取号" in kiosk.session.card_problem.text()  # a ticket still works
        sam.replug()
        qtbot.waitUntil(lambda: kiosk.reader_state.text() == "读卡器就绪", timeout=30_000)
        assert kiosk.session.card_problem.text() == ""
    finally:
        sam.stop()


def test_kiosk_smoke_run_and_its_options(station_dir: Path) -> None:
    import os
    import sys

    import pytest

    from desktop.options import parse_args

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINDOWDESK_KEYRING": "file"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--demo",
            "--no-hub",
            "--mode",
            "kiosk",
            "--smoke",
            "--data-dir",
            str(station_dir),
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1].isdigit()  # ms until the kiosk was shown
    assert parse_args(["--kiosk-idle-seconds", "90"]).kiosk_idle_seconds == 90
    assert parse_args(["--counter", "3号窗口"]).counter == "3号窗口"
    with pytest.raises(SystemExit):
        parse_args(["--kiosk-idle-seconds", "5"])  # a citizen needs time to read
