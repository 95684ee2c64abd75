"""The on-screen keyboard: Qt Virtual Keyboard (PySide6-Addons) in a Qt Widgets app.

``prepare_environment`` runs before the QApplication exists: ``QT_IM_MODULE=qtvirtualkeyboard``
(the keyboard opens as its own top-level window when an editable field gets focus). The
default locale is zh_CN (``desktop.i18n``), so it starts in Pinyin (space bar 简体中文);
``restrict_languages`` limits the globe key to 简体中文 and English through the process-wide
``VirtualKeyboardSettings`` singleton, set from a tiny QML object (no QML UI of ours).

Fields say what they take: ID numbers and phones get digit hints (no Pinyin predictions
after digits); ``KeyboardFollower`` keeps the focused field above the keyboard, which covers
the bottom ~400 px of a 1280×800 screen. It needs Debian's libpulse0 (scripts/system-deps.sh):
without it the keyboard silently never appears.
"""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget

log = logging.getLogger(__name__)

MODULE = "qtvirtualkeyboard"
LOCALES = ("zh_CN", "en_US")

_SETTINGS_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard.Settings
QtObject {
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = "zh_CN"
    }
}
"""

#: ID numbers: digits and a final X (Latin only, upper case, no predictions).
ID_HINTS = (
    Qt.InputMethodHint.ImhPreferNumbers
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhLatinOnly
    | Qt.InputMethodHint.ImhPreferUppercase
)
#: Phones and PINs: digits only.
DIGIT_HINTS = Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhNoPredictiveText


def prepare_environment(env: MutableMapping[str, str] | None = None) -> bool:
    """Select the virtual keyboard unless the environment chose another input method (a
    hall with a physical keyboard sets ``QT_IM_MODULE`` to something else, or to "none")."""
    env = os.environ if env is None else env
    current = env.get("QT_IM_MODULE")
    if current is None:
        env["QT_IM_MODULE"] = MODULE
        current = MODULE
    elif current == "none":
        env.pop("QT_IM_MODULE")
        return False
    return current == MODULE


def active() -> bool:
    return os.environ.get("QT_IM_MODULE") == MODULE


def restrict_languages(parent: QObject) -> Any:
    """简体中文 and English only on the globe key; returns what must stay alive (or None)."""
    if not active():
        return None
    try:
        from PySide6.QtQml import QQmlComponent, QQmlEngine
    except ImportError:  # PySide6-Addons missing: the keyboard is not there either
        return None
    engine = QQmlEngine(parent)
    component = QQmlComponent(engine)
    component.setData(_SETTINGS_QML, QUrl())
    obj = component.create()
    if obj is None:
        log.warning("virtual keyboard settings not applied: %s", component.errorString())
        return None
    return (engine, component, obj)


def hint_digits(edit: QLineEdit) -> None:
    edit.setInputMethodHints(DIGIT_HINTS)


def hint_id_number(edit: QLineEdit) -> None:
    edit.setInputMethodHints(ID_HINTS)


class KeyboardFollower(QObject):
    """While the keyboard is up, a spacer of its height ends ``scroll``'s page and the
    focused field is scrolled into the visible part above it."""

    def __init__(
        self, scroll: QScrollArea, spacer: QWidget, fold: tuple[QWidget, ...] = ()
    ) -> None:
        """``fold``: widgets hidden while the keyboard is up (titles: room for the field)."""
        super().__init__(scroll)
        self._scroll = scroll
        self._spacer = spacer
        self._fold = fold
        spacer.setFixedHeight(0)
        im = QGuiApplication.inputMethod()
        im.keyboardRectangleChanged.connect(self._moved)
        im.visibleChanged.connect(self._moved)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)  # a method: gone with the page

    def _focus_changed(self, _old: object, _new: object) -> None:
        QTimer.singleShot(0, self, self._moved)

    def covered(self) -> int:
        """How many px at the bottom of the screen the keyboard covers now."""
        im = QGuiApplication.inputMethod()
        rect: QRectF = im.keyboardRectangle()
        return int(rect.height()) if im.isVisible() and rect.height() > 0 else 0

    def _moved(self) -> None:
        try:
            height = self.covered()
            self._spacer.setFixedHeight(height)
            for w in self._fold:
                w.setVisible(not height)
            if height:  # once the layout has made room
                QTimer.singleShot(0, self, self._reveal)
        except RuntimeError:  # the page was wiped (its widgets deleted) meanwhile
            pass

    def _reveal(self) -> None:
        try:
            focused = QApplication.focusWidget()
            body = self._scroll.widget()
            if focused is None or body is None or not body.isAncestorOf(focused):
                return
            parent = focused.parentWidget()
            while parent is not None:  # inner scroll areas first (the form has its own)
                if isinstance(parent, QScrollArea):
                    parent.ensureWidgetVisible(focused, 20, 20)
                if parent is self._scroll:
                    break
                parent = parent.parentWidget()
        except RuntimeError:  # the page was wiped (its widgets deleted) meanwhile
            pass
