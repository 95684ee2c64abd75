"""The clerk's routine intake, from the keyboard only, as the issue's contract states it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake.status import Status
from tests.desktop.drive import focus, login, options_for, pdfs, wait_idle


class Keys:
    """Sends real key events to whatever has focus, and counts them."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> Any:
        return focus(self.qtbot)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(self.focus(), ch)
            self.count += 1


def test_login_card_matter_materials_decide_print_next(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    assert desk.login.focusWidget() is desk.login.operator  # focus starts in the operator field
    window = login(qtbot, desk)  # clerk01 Tab windowdesk Enter
    screen = window.screen_
    assert QApplication.focusWidget() is screen.applicant.person.name  # a new intake, focused

    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F2)  # the first demo card: a returning applicant
    qtbot.waitUntil(lambda: screen.applicant.person.name.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: screen.applicant.person.phone.text() != "", timeout=10_000)
    after_card = keys.count
    keys.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.picker.search
    keys.type("shbzkqy")  # the pinyin initials of 社会保障卡启用
    assert "社会保障卡启用" in screen.picker.results.item(0).text()
    keys.press(Qt.Key.Key_Return)
    assert screen.flow.matters and screen.flow.merged is not None
    keys.press(Qt.Key.Key_F4)
    assert screen.last_check is not None and screen.last_check.ready
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible()
    )
    dialog = screen.decision_dialog
    assert dialog.decision().value == "accept"  # what the materials allow, preselected
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_case is not None, timeout=15_000)
    wait_idle(qtbot, desk)
    assert keys.count - after_card <= 12, keys.count - after_card

    case = desk.ctx.station.cases.get(screen.last_case)
    assert case.status is Status.ACCEPTED
    assert case.operator_id == "clerk01"
    assert case.applicant.phone  # offered from the applicant's earlier case
    printed = pdfs(station_dir / "prints")
    assert any(case.case_number in p.name and "acceptance" in p.name for p in printed)
    assert "printed" in window.status.message.text() or "已打印" in window.status.message.text()
    # the next citizen gets a clean screen, nothing of this one left in any widget
    assert screen.applicant.person.name.text() == ""
    assert screen.applicant.person.id_number.text() == ""
    assert screen.flow.is_empty and screen.picker.search.text() == ""
    assert desk.ctx.station.drafts.get("clerk01") is None
