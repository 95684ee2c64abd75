"""The document camera (高拍仪) from the case detail: on this camera-less machine the action
is not offered; with a file source standing in for the camera, Ctrl+Shift+C, the material,
Enter: the picture is attached to that material inside the store, queued for sync, and the
detail shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from desktop.cases.page import CasesPage
from tests.desktop.drive import focus, login, options_for, wait_idle


def _detail(qtbot: Any, desk: Any) -> tuple[CasesPage, Any]:
    window = desk.window
    target = desk.ctx.station.cases.get(desk.ctx.station.cases.list(limit=1)[0].id)
    page = window.show_page("cases")
    assert isinstance(page, CasesPage)
    page.open_case(target.case_number)
    qtbot.waitUntil(lambda: page.open_detail is not None, timeout=10_000)
    wait_idle(qtbot, desk)
    return page, target


def test_without_a_camera_the_action_is_not_offered(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    assert not QMediaDevices.videoInputs(), "this test expects a machine without a camera"
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page, _case = _detail(qtbot, desk)
    assert not page.scan_button.isVisible() and not page.scan_key.isEnabled()
    qtbot.keyClick(
        focus(qtbot),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_idle(qtbot, desk)
    assert page.camera_dialog is None


def test_a_capture_from_the_file_source_is_attached_to_the_material(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "id-card.png"
    image = QImage(800, 500, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe8f0"))
    assert image.save(str(picture))
    desk = start_desk(options_for(station_dir, "--camera-file", str(picture)))
    login(qtbot, desk)
    page, case = _detail(qtbot, desk)
    qtbot.waitUntil(lambda: page.scan_button.isVisible(), timeout=10_000)
    before = [i.op for i in desk.ctx.station.outbox.pending(limit=1000)].count("case.materials")
    qtbot.keyClick(
        focus(qtbot),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.camera_dialog is not None and page.camera_dialog.isVisible())
    dialog = page.camera_dialog
    qtbot.waitUntil(lambda: dialog._image is not None, timeout=10_000)
    material = case.materials[-1]
    dialog.material.setCurrentIndex(dialog.material.findData(material.material_id))
    qtbot.keyClick(dialog.material, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, desk)
    station = desk.ctx.station
    stored = station.attachments.for_case(case.id)
    assert [(a.material_id, a.mime) for a in stored] == [(material.material_id, "image/jpeg")]
    data = station.attachments.read(stored[0].sha256, operator="clerk01")
    assert data.startswith(b"\xff\xd8")  # a JPEG, kept inside the encrypted store
    assert stored[0].sha256 in {a.sha256 for a, _data in station.attachments.pending()}
    ops = [i.op for i in station.outbox.pending(limit=1000)]
    assert ops.count("case.materials") == before + 1  # the new version naming it, to send
    qtbot.waitUntil(lambda: "已附扫描件 1 份" in page.detail_view.toPlainText(), timeout=10_000)
