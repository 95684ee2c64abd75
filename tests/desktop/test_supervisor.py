"""The supervisor's pages through the real window: settings (validation, audit, absent for a
clerk), operators (lock-out at the login, unlock, reset and forced change), the audit viewer
(verification finds an edited and a deleted row), and the quarantine's retry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, text

from desktop.pages import PAGES
from intake.services.operators import MAX_FAILURES
from intake.store.models import AuditRow
from tests.desktop.drive import (
    go_to_page,
    login,
    options_for,
    start_logged_in,
    type_text,
    wait_idle,
)

SUPERVISOR_KEYS = ["operators", "audit", "settings", "health"]


def _settings_changes(desk: Any) -> list[str]:
    with desk.ctx.station.db.read() as session:
        return list(
            session.scalars(
                select(AuditRow.detail)
                .where(AuditRow.action == "settings.change")
                .order_by(AuditRow.seq)
            )
        )


def _open(qtbot: Any, desk: Any, key: str) -> Any:
    """The page by its Ctrl+number; the pages after Ctrl+9's (operators, audit log, settings
    for a supervisor) by Ctrl+PgUp from the intake, which steps back around the tabs."""
    window = desk.window
    keys = [s.key for s in window.page_specs]
    if keys.index(key) + 2 <= 9:
        page = go_to_page(qtbot, window, key)
    else:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        for _ in range(len(keys) - keys.index(key)):
            window.activateWindow()
            qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == keys.index(key) + 1, key
        page = window.page(key)
    assert page is not None, key
    wait_idle(qtbot, desk)
    return page


def _keys(
    qtbot: Any, widget: Any, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def test_a_clerk_cannot_reach_settings(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="clerk01")
    window = desk.window
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "设置" not in titles and "操作员" not in titles and "审计日志" not in titles
    for key in SUPERVISOR_KEYS:
        assert window.show_page(key) is None
    assert {p.key for p in PAGES} >= set(SUPERVISOR_KEYS)


def test_a_supervisor_sees_the_pages_in_chinese(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    window = desk.window
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert {"操作员", "审计日志", "设置", "同步与设备"} <= set(titles)
    for key in SUPERVISOR_KEYS:
        _open(qtbot, desk, key)


def test_every_page_is_reachable_from_the_keyboard(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    """A supervisor has more pages than Ctrl+2…9: all are in the View menu, and Ctrl+PgDown
    steps through every one of them and back to the intake."""
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    window = desk.window
    assert len(window.page_specs) > 8
    view = [a.text() for a in window.page_actions]
    for spec in window.page_specs:
        assert any(QApplication.translate("pages", spec.title) in t for t in view), spec.key
    seen = []
    for _ in range(window.tabs.count()):
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        seen.append(window.tabs.currentIndex())
    assert seen == [*range(1, window.tabs.count()), 0]
    assert set(window.pages) == {s.key for s in window.page_specs}  # each was built on show


def test_settings_refuse_a_bad_value_then_save_and_audit(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    page = _open(qtbot, desk, "settings")
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    abbr = page.edits["agency_abbr"]
    abbr.clear()
    type_text(qtbot, abbr, "长政务")
    qtbot.keyClicks(abbr, "123")  # digits are not allowed in a 机关代字
    page.idle.setFocus()
    page.idle.selectAll()
    qtbot.keyClicks(page.idle, "500")  # the spin box allows it; the core does not
    _keys(qtbot, abbr, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.errors["agency_abbr"].isVisible(), timeout=15_000)
    assert "机关代字" in page.errors["agency_abbr"].text()
    assert "0–120" in page.errors["idle_lock_minutes"].text()
    assert "未保存" in page.status.text()
    assert desk.ctx.station.local_settings.local().agency_abbr == ""  # nothing saved
    assert _settings_changes(desk) == []
    abbr.clear()
    type_text(qtbot, abbr, "长政务")
    page.idle.selectAll()
    qtbot.keyClicks(page.idle, "5")
    _keys(qtbot, abbr, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已保存" in page.status.text(), timeout=15_000)
    local = desk.ctx.station.local_settings.local()
    assert local.agency_abbr == "长政务" and local.idle_lock_minutes == 5
    assert set(_settings_changes(desk)) == {
        "agency_abbr:  → 长政务",
        "idle_lock_minutes: 10 → 5",
    }
    assert not page.errors["agency_abbr"].isVisible()


def test_the_core_refuses_a_clerks_settings_change(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="clerk01")
    from intake.errors import AuthError

    try:
        desk.ctx.station.local_settings.save(desk.ctx.operator_id, {"idle_lock_minutes": 1})
    except AuthError as exc:
        assert exc.code == "auth.forbidden"
    else:
        raise AssertionError("a clerk changed a setting")


def _type_login(qtbot: Any, dialog: Any, operator: str, password: str) -> None:
    dialog.operator.setFocus()
    dialog.operator.clear()
    qtbot.keyClicks(dialog.operator, operator)
    qtbot.keyClick(dialog.operator, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.button.isEnabled(), timeout=15_000)


def test_repeated_failures_lock_the_login_and_a_supervisor_unlocks(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    dialog = desk.login
    for _ in range(MAX_FAILURES):
        _type_login(qtbot, dialog, "clerk01", "wrong-one")
    assert "锁定" in dialog.error.text() and "15" in dialog.error.text()
    _type_login(qtbot, dialog, "clerk01", "windowdesk")  # the right one, still locked
    assert "锁定" in dialog.error.text() and desk.window is None
    dialog.operator.clear()
    window = login(qtbot, desk, "super01")
    page = _open(qtbot, desk, "operators")
    qtbot.waitUntil(lambda: any(s.id == "clerk01" and s.locked for s in page.rows))
    row = next(i for i, s in enumerate(page.rows) if s.id == "clerk01")
    assert "锁定" in page.table.item(row, 3).text()
    page.table.selectRow(row)
    _keys(qtbot, page.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已解锁" in page.message.text(), timeout=15_000)
    qtbot.waitUntil(lambda: any(s.id == "clerk01" and not s.locked for s in page.rows))
    assert window is desk.window
    assert desk.ctx.station.operators.verify("clerk01", "windowdesk").id == "clerk01"


def test_a_reset_password_is_changed_at_the_next_login(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    page = _open(qtbot, desk, "operators")
    qtbot.waitUntil(lambda: bool(page.rows))
    page.table.selectRow(next(i for i, s in enumerate(page.rows) if s.id == "clerk02"))
    _keys(
        qtbot,
        page.table,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    from PySide6.QtWidgets import QLineEdit

    temp = dialog.findChild(QLineEdit, "temporaryPassword")
    temp.setFocus()
    qtbot.keyClicks(temp, "temp-4321")
    qtbot.keyClick(temp, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)
    qtbot.waitUntil(lambda: any(s.id == "clerk02" and s.must_change_password for s in page.rows))
    # the next login of clerk02 asks for a new password before the window opens
    from desktop.login import LoginDialog

    gate = LoginDialog(title="t")
    qtbot.addWidget(gate)
    gate.ready(desk._verify, desk._change_password)
    entered: list[Any] = []
    gate.logged_in.connect(entered.append)
    gate.show()
    _type_login(qtbot, gate, "clerk02", "temp-4321")
    assert gate.new_password.isVisible() and not entered
    assert "重置" in gate.subtitle.text()
    qtbot.keyClicks(gate.new_password, "mine-5678")
    qtbot.keyClick(gate.new_password, Qt.Key.Key_Tab)
    qtbot.keyClicks(gate.repeat_password, "mine-5678")
    qtbot.keyClick(gate.repeat_password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(entered), timeout=15_000)
    assert entered[0].id == "clerk02" and not entered[0].must_change_password
    assert desk.ctx.station.operators.verify("clerk02", "mine-5678").id == "clerk02"


def _verify(qtbot: Any, desk: Any) -> Any:
    page = _open(qtbot, desk, "audit")
    _keys(
        qtbot,
        page.table,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.verdict is not None and page._cancel is None, timeout=60_000)
    return page


def test_the_audit_viewer_lists_filters_and_verifies(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    page = _verify(qtbot, desk)
    assert page.verdict.ok and "完整" in page.verdict_label.text()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.lines[0].seq > page.model.lines[-1].seq  # newest first
    page.operator.setCurrentIndex(page.operator.findData("super01"))
    page.apply()
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.rowCount() > 0
    assert {x.operator_id for x in page.model.lines} == {"super01"}
    assert page.model.data(page.model.index(0, 3)) in ("登录", "校验审计链")
    page.case.setText("NOPE-404")
    page.apply()
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert page.model.rowCount() == 0


def test_verification_finds_an_edited_row(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    with desk.ctx.station.db.write() as s:
        s.execute(text("UPDATE audit_log SET detail = 'tampered' WHERE seq = 5"))
    page = _verify(qtbot, desk)
    assert not page.verdict.ok and page.verdict.first_bad_seq == 5
    assert "第 5 行已被改动" in page.verdict_label.text()


def test_verification_finds_a_deleted_row(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    with desk.ctx.station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq = 7"))
    page = _verify(qtbot, desk)
    assert not page.verdict.ok and page.verdict.first_bad_seq == 8
    assert "第 7 至 7 行已被删除" in page.verdict_label.text()


def test_a_quarantined_change_is_sent_again_from_the_health_page(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    outbox = desk.ctx.station.outbox
    item = outbox.pending()[0]
    outbox.mark_rejected(item.op_id, "sync.rejected", "材料目录版本过旧")
    page = _open(qtbot, desk, "health")
    page.refresh()
    qtbot.waitUntil(lambda: page.quarantine.rowCount() == 1, timeout=15_000)
    assert page.quarantine.item(0, 0).text() == item.case_number
    assert page.quarantine.item(0, 3).text() == "材料目录版本过旧"
    assert "1" in page.quarantine_title.text()
    _keys(qtbot, page.quarantine, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.quarantine.rowCount() == 0, timeout=15_000)
    assert "重新排队" in page.message.text()
    assert outbox.quarantined() == []
    assert desk.ctx.station.cases.get(item.case_number).sync_state == "waiting"
    assert not _open_dialogs(desk.window)  # the retry asks nothing


def _open_dialogs(window: Any) -> list[Any]:
    """The visible modal dialogs of ``window`` (not those an earlier test's window left)."""

    def of_window(widget: Any) -> bool:
        while widget is not None:
            if widget is window:
                return True
            widget = widget.parentWidget()
        return False

    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.isModal() and w is not window and of_window(w)
    ]


def test_test_connection_says_refused_in_chinese(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    import socket

    desk = start_logged_in(qtbot, start_desk, station_dir, operator="super01")
    page = _open(qtbot, desk, "settings")
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # bound, not listening: the connection is refused
        url = page.edits["hub_url"]
        url.clear()
        qtbot.keyClicks(url, f"http://127.0.0.1:{s.getsockname()[1]}")
        _keys(qtbot, url, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
    assert "连接被拒绝" in page.connection.text()
    assert desk.ctx.station.settings.hub_url != url.text()  # testing saves nothing
