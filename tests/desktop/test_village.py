"""The village station: the offline/online banner, the waiting list, the quarantine, the
hand-over list and 帮办代办 — the real app driven with keys against a real store and hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.desktop.drive import focus, go_to_page, login, options_for, wait_idle


def test_offline_the_banner_says_so_with_the_waiting_count_that_opens_the_list(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    banner = window.banner
    assert banner is not None and banner.isVisible()
    assert banner.y() < window.tabs.y()  # above the pages
    waiting = desk.ctx.station.outbox.stats()["pending"]
    assert waiting > 0  # the demo's cases were never sent
    qtbot.waitUntil(lambda: banner.waiting.text() == f"待上传 {waiting} 条", timeout=10_000)
    assert banner.state.text() == "离线" and banner.look == "offline"
    assert "未配置" in banner.detail.text()
    assert banner.last_sync.text() == "最后同步：从未同步"
    qtbot.mouseClick(banner.waiting, Qt.MouseButton.LeftButton)
    page = window.pages["village"]
    qtbot.waitUntil(lambda: page.isVisible() and page.waiting.tree.topLevelItemCount() == waiting)
    assert page.tabs.currentWidget() is page.waiting
    first = page.waiting.tree.topLevelItem(0)
    assert first.text(0).startswith(desk.ctx.station.settings.station_code)
    assert "*" in first.text(1)  # names masked on a list
    assert "条数据已保存在本机" in page.waiting.summary.text()


def test_the_village_pages_are_reached_by_keys_and_only_in_village_mode(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    page = go_to_page(qtbot, window, "village")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "便民服务站"
    quarantine = go_to_page(qtbot, window, "quarantine")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "平台退回"
    assert quarantine.title.text() == "没有被平台退回的数据。"
    assert page is not quarantine
    wait_idle(qtbot, desk)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
