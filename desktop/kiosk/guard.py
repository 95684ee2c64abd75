"""What keeps a citizen inside the kiosk: the keys and menus that would leave it are eaten,
closing is refused, and the only way out is a supervisor's PIN behind a hidden gesture
(five taps in the top-left corner within three seconds).

The OS-level lockdown (a kiosk account, no desktop shell) is the hall's part: see
docs/deployment.md. This guard covers what the app itself can do.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

#: The hidden gesture: this many taps …
EXIT_TAPS = 5
#: … within this many seconds …
EXIT_WINDOW_S = 3.0
#: … inside this square (px) at the window's top-left corner.
CORNER_PX = 100

_ESCAPE_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_F4,  # Alt+F4 (and F4 alone: nothing of ours uses it here)
    Qt.Key.Key_Tab,  # only with Alt: Alt+Tab (see below)
    Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_Menu,
    Qt.Key.Key_F11,
}


def leaves_kiosk(event: QKeyEvent) -> bool:
    """Whether a key would leave (or break) the kiosk: Alt+F4, Esc, Alt+Tab, Ctrl+W/Q, Meta."""
    key = Qt.Key(event.key())
    mods = event.modifiers()
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    if key == Qt.Key.Key_Tab:
        return alt
    if key in (Qt.Key.Key_W, Qt.Key.Key_Q):
        return ctrl
    if mods & Qt.KeyboardModifier.MetaModifier:
        return True
    return key in _ESCAPE_KEYS


class CornerTaps:
    """Counts taps in the corner; calls ``on_gesture`` at the fifth within the window."""

    def __init__(
        self, on_gesture: Callable[[], None], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._on_gesture = on_gesture
        self._clock = clock
        self._taps: list[float] = []

    def tap(self, pos: QPoint) -> None:
        if pos.x() > CORNER_PX or pos.y() > CORNER_PX or pos.x() < 0 or pos.y() < 0:
            self._taps.clear()
            return
        at = self._clock()
        self._taps = [t for t in self._taps if at - t <= EXIT_WINDOW_S] + [at]
        if len(self._taps) >= EXIT_TAPS:
            self._taps.clear()
            self._on_gesture()


class KioskGuard(QObject):
    """An application-wide event filter while the kiosk runs."""

    def __init__(self, window: QWidget, taps: CornerTaps, allow_escape: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._taps = taps
        self._allow_escape = allow_escape
        self.eaten = 0  # how many leaving keys were refused (the tests read it)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self._allow_escape():
                return False  # Esc closes the PIN dialog, not the kiosk
            if leaves_kiosk(event):
                if kind == QEvent.Type.KeyPress:
                    self.eaten += 1
                event.accept()
                return True
        elif kind == QEvent.Type.ContextMenu:
            return True
        elif kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            assert isinstance(event, QMouseEvent)
            if watched.window() is self._window:
                self._taps.tap(self._window.mapFromGlobal(event.globalPosition().toPoint()))
        return False


def install(guard: KioskGuard) -> None:
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(guard)


def remove(guard: KioskGuard) -> None:
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(guard)
