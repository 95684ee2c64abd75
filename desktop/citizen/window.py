"""Where the citizen panel is shown: full screen on the second monitor, or in a dialog on the
clerk's screen turned to the citizen; and the clerk's "skip, with a reason" question."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.citizen.panel import CitizenPanel
from desktop.citizen.texts import SKIP_REASONS, tr
from desktop.messages import message
from intake.evaluation import skip_reason_problems


class CitizenWindow(QWidget):
    """Frameless and full screen on the citizen's monitor. It never takes the clerk's
    keyboard when it appears; the citizen answers by touch, pen or mouse."""

    def __init__(self, screen: QScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("citizenWindow")
        self.setWindowTitle(self.tr("Citizen screen"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.panel = CitizenPanel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.place(screen)

    def place(self, screen: QScreen) -> None:
        self.target = screen
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def open_full_screen(self) -> None:
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()  # Esc and Alt+F4 from a stray keyboard do not close it

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.parent() is not None and self.parent().isVisible():  # type: ignore[union-attr]
            event.ignore()  # it closes with the clerk's window
            return
        event.accept()


class TurnedDialog(QDialog):
    """No second monitor: the clerk turns their screen; the same pages in a dialog, with the
    clerk's skip button."""

    skip = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("For the applicant"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.panel = CitizenPanel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox()
        self.skip_button = buttons.addButton(
            self.tr("Skip (with a reason)… Ctrl+Shift+K"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.skip_button.clicked.connect(self.skip)
        layout.addWidget(buttons)
        self.resize(1200, 680)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.skip.emit()  # Esc = the clerk's way back: skip, with a reason
            return
        if event.key() == Qt.Key.Key_K and event.modifiers() == (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            self.skip.emit()
            return
        super().keyPressEvent(event)


class SkipDialog(QDialog):
    """Why the citizen's step was skipped (recorded with the case)."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skip the citizen's step"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        text = QLabel(question)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        for source in SKIP_REASONS:
            self.reason.addItem(tr(source))
        layout.addWidget(self.reason)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Skip (Enter)"))
        self.ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.currentText().strip()

    def _accept(self) -> None:
        problems = skip_reason_problems(self.text())
        if problems:
            self.problem.setText(message(problems[0]))
            return
        self.accept()
