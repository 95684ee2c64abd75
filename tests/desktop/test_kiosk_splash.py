"""Kiosk start-up: "正在启动" paints at once, before the station is open, and gives way to the
kiosk window; the keyboard cannot close it meanwhile (the real app, offscreen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel

from tests.desktop.drive import options_for


def test_the_splash_paints_first_then_the_kiosk_replaces_it(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    from desktop.app import DesktopApp

    shown: list[Any] = []
    original = DesktopApp.start

    def start_and_look(self: Any) -> None:
        original(self)
        # right after start(): the backend is still opening on a worker thread
        shown.append((self.splash, self.backend, self.kiosk))

    DesktopApp.start = start_and_look  # type: ignore[method-assign]
    try:
        desk = start_desk(options_for(station_dir, "--mode", "kiosk"))
    finally:
        DesktopApp.start = original  # type: ignore[method-assign]
    splash, backend, kiosk = shown[0]
    assert splash is not None and backend is None and kiosk is None
    assert not desk.login.isVisible()  # no login window at a kiosk
    qtbot.waitUntil(lambda: desk.kiosk is not None and desk.kiosk.isVisible(), timeout=30_000)
    assert desk.splash is None
    assert desk.first_paint_ms is not None and desk.kiosk_ready_ms is not None
    assert desk.first_paint_ms <= desk.kiosk_ready_ms


def test_the_splash_says_it_is_starting_in_chinese_and_refuses_to_close(qtbot: Any) -> None:
    from desktop.kiosk.splash import KioskSplash

    splash = KioskSplash()
    qtbot.addWidget(splash)
    splash.show_splash()
    qtbot.waitUntil(splash.isVisible, timeout=5_000)
    texts = " ".join(label.text() for label in splash.findChildren(QLabel))
    assert "正在启动" in texts and "正在启动" in splash.windowTitle(), texts
    assert splash.isFullScreen()
    assert splash.windowFlags() & Qt.WindowType.FramelessWindowHint
    qtbot.keyClick(splash, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(splash, Qt.Key.Key_Escape)
    event = QCloseEvent()
    splash.closeEvent(event)
    assert not event.isAccepted() and splash.isVisible()
    splash.finish()
    qtbot.waitUntil(lambda: not splash.isVisible(), timeout=5_000)
