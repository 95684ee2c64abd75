"""A small window-modal form dialog the supervisor's pages share: fields, an OK that runs a
command off the UI thread, the core's answer shown inside the dialog (it stays open on an
error, nothing is lost of what was typed). Enter = OK, Esc = back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import for_exception


class FormDialog(QDialog):
    """``submit(values, on_done, on_error)`` runs the command; ``values()`` reads the fields."""

    def __init__(
        self,
        title: str,
        rows: list[tuple[str, QWidget]],
        submit: Callable[[Callable[[Any], None], Callable[[BaseException], None]], None],
        parent: QWidget | None = None,
        *,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._submit = submit
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for label, widget in rows:
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("OK (Enter)"))
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if rows:
            rows[0][1].setFocus()

    def _ok(self) -> None:
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Saving…"))
        self._submit(self._done, self._failed)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(for_exception(exc))
