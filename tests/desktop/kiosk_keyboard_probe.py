"""Run under Xvfb by test_kiosk_keyboard.py: the Qt Virtual Keyboard in a widgets window
with the kiosk's follower; prints what it saw as JSON."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from desktop import i18n
from desktop.kiosk.keyboard import (
    KeyboardFollower,
    hint_digits,
    prepare_environment,
    restrict_languages,
)

prepare_environment()  # before the QApplication exists
i18n.set_default_locale()
app = QApplication([])
window = QWidget()
window.resize(1280, 800)
outer = QVBoxLayout(window)
scroll = QScrollArea()
scroll.setWidgetResizable(True)
body = QWidget()
inner = QVBoxLayout(body)
fields = [QLineEdit() for _ in range(12)]
for f in fields:
    f.setMinimumHeight(64)
    inner.addWidget(f)
hint_digits(fields[-1])
scroll.setWidget(body)
outer.addWidget(scroll)
spacer = QWidget()
outer.addWidget(spacer)
follower = KeyboardFollower(scroll, spacer)
keep = restrict_languages(window)
window.show()
seen: dict[str, object] = {}


def focus_last() -> None:
    window.activateWindow()
    fields[-1].setFocus()
    QGuiApplication.inputMethod().show()


def report() -> None:
    im = QGuiApplication.inputMethod()
    rect = im.keyboardRectangle()
    field = fields[-1]
    bottom = field.mapToGlobal(field.rect().bottomLeft()).y()
    seen.update(
        visible=im.isVisible(),
        keyboard_top=rect.top(),
        keyboard_height=rect.height(),
        field_bottom=bottom,
        locale=im.locale().name(),
        settings=keep is not None,
    )
    print(json.dumps(seen), flush=True)
    app.quit()


QTimer.singleShot(300, focus_last)
QTimer.singleShot(5000, report)
app.exec()
sys.stdout.flush()
os._exit(0)  # the keyboard's QML objects outlive the app: no teardown
