"""Line edits that move on with Enter, and the inline problem label under a field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


class NextLineEdit(QLineEdit):
    """Enter moves to the next field, as Tab does (clerks type, Enter, type, Enter)."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.entered.emit()
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class ProblemLabel(QLabel):
    """A field's problem in red under it; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_problems(self, texts: list[str]) -> None:
        if texts:
            self.setText("；".join(texts))
            self.show()
        else:
            self.clear()
            self.hide()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet("border: 1px solid #b00020;" if invalid else "")
