"""A keyboard-wedge scanner against the real window, with real key events: a receipt's QR
or barcode scanned into any field opens its case (and leaves the field as it was); the same
characters typed at a person's pace stay typed; a code that is not a receipt stays text; a
QR whose check code does not match opens nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.cases.page import CasesPage
from printing.context import tracking_url, verify_code
from tests.desktop.drive import (
    go_to_page,
    scan,
    stamped_keys,
    start_logged_in,
    type_by_hand,
    wait_idle,
)

TEMPLATE = "https://zwfw.example.gov.cn/track?no={case_number}&v={verify}"


def _name_field(desk: Any) -> Any:
    field = desk.window.screen_.applicant.person.name
    field.setFocus()
    return field


def _scan(qtbot: Any, field: Any, code: str) -> None:
    """What a scanner does: the code's keys a few ms apart (by their time stamps), then Enter."""
    scan(qtbot, field, code)


def _opened(qtbot: Any, desk: Any, case_id: str) -> CasesPage:
    window = desk.window
    qtbot.waitUntil(lambda: isinstance(window.pages.get("cases"), CasesPage), timeout=10_000)
    page = window.pages["cases"]
    qtbot.waitUntil(
        lambda: page.open_detail is not None and page.open_detail.case.id == case_id,
        timeout=10_000,
    )
    return page


def test_a_receipt_qr_scanned_into_the_intake_opens_its_case(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=3)[1]
    field = _name_field(desk)
    type_before = "王"
    field.insert(type_before)  # the clerk had typed something already
    _scan(qtbot, field, tracking_url(TEMPLATE, target.case_number, target.id))
    page = _opened(qtbot, desk, target.id)
    assert desk.window.current_page() is page
    assert field.text() == type_before  # the scanned characters were taken back out
    views = [e for e in desk.ctx.station.audit.for_case(target.id) if e.action == "view"]
    assert views[-1].detail == "scanner"


def test_a_case_number_barcode_opens_its_case(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    _scan(qtbot, _name_field(desk), target.case_number)
    _opened(qtbot, desk, target.id)


def test_the_same_characters_typed_slowly_stay_in_the_field(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    field = _name_field(desk)
    qtbot.keyClicks(field, target.case_number, delay=60)  # a person's pace
    qtbot.wait(80)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_idle(qtbot, desk)
    assert field.text() == target.case_number
    assert desk.window.current_page() is None  # still the intake
    assert desk.window.scanner.scans == []


def test_keys_typed_while_the_window_was_busy_stay_typed(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    """A person's keys that queued up while the UI thread was busy reach it back to back:
    they were pressed 120 ms apart, so they are typing, and Enter searches."""
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    page = go_to_page(qtbot, desk.window, "cases")
    page.search.setFocus()
    type_by_hand(qtbot, page.search, target.case_number)  # handed over all at once
    qtbot.waitUntil(lambda: page.model.filter.text == target.case_number, timeout=10_000)
    wait_idle(qtbot, desk)
    assert page.search.text() == target.case_number
    assert desk.window.scanner.scans == [] and page.stack.currentIndex() == 0


def test_a_scan_handled_slowly_still_opens_its_case(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    """A scanner's keys, pressed 4 ms apart, handled 50 ms apart (each key's field updates on
    a slow computer): still a scan."""
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    field = _name_field(desk)
    stamped_keys(qtbot, field, target.case_number, 4, pause_ms=50)
    _opened(qtbot, desk, target.id)
    assert field.text() == ""


def test_a_locked_window_opens_no_scanned_case(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    qtbot.keyClick(_name_field(desk), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not desk.window.isEnabled(), timeout=10_000)
    lock = desk._lock_dialog
    lock.password.setFocus()
    qtbot.waitUntil(lock.password.hasFocus)
    _scan(qtbot, lock.password, target.case_number)
    qtbot.waitUntil(lambda: bool(lock.error.text()), timeout=15_000)  # a wrong password
    wait_idle(qtbot, desk)
    assert desk.window.scanner.scans == []
    assert "cases" not in desk.window.pages
    assert not [e for e in desk.ctx.station.audit.for_case(target.id) if e.action == "view"]


def test_a_code_that_is_no_receipt_stays_typed(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    page = go_to_page(qtbot, desk.window, "cases")
    page.search.setFocus()
    _scan(qtbot, page.search, "6901234567892")  # a product's EAN-13
    assert page.search.text() == "6901234567892"
    assert page.stack.currentIndex() == 0


def test_a_qr_with_a_wrong_check_code_opens_nothing(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir)
    target = desk.ctx.station.cases.list(limit=1)[0]
    wrong = "AAAAAA" if verify_code(target.id) != "AAAAAA" else "BBBBBB"
    _scan(qtbot, _name_field(desk), TEMPLATE.format(case_number=target.case_number, verify=wrong))
    wait_idle(qtbot, desk)
    assert "校验码" in desk.window.status.message.text()
    assert "cases" not in desk.window.pages or desk.window.pages["cases"].open_detail is None


def test_a_serial_scanner_on_a_real_pty_opens_the_case(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    import os

    master, slave = os.openpty()
    try:
        desk = start_logged_in(qtbot, start_desk, station_dir, "--scanner-port", os.ttyname(slave))
        target = desk.ctx.station.cases.list(limit=2)[1]
        os.write(master, (tracking_url(TEMPLATE, target.case_number, target.id) + "\r\n").encode())
        page = _opened(qtbot, desk, target.id)
        assert desk.ctx.station.audit.for_case(target.id)[-1].detail == "scanner"
        field = _name_field(desk)
        desk.window.show_page(None)
        field.setFocus()
        qtbot.waitUntil(lambda: field.hasFocus())
        os.write(master, b"6901234567892\r")  # not a receipt: typed into the field
        qtbot.waitUntil(lambda: field.text() == "6901234567892", timeout=10_000)
        assert page.open_detail is not None and page.open_detail.case.id == target.id
    finally:
        os.close(master)
        os.close(slave)


def test_a_serial_scanner_that_is_not_there_says_so(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_logged_in(qtbot, start_desk, station_dir, "--scanner-port", "/dev/ttyNOSCANNER9")
    qtbot.waitUntil(lambda: "扫描枪" in desk.window.status.message.text(), timeout=10_000)
    assert "/dev/ttyNOSCANNER9" in desk.window.status.message.text()
