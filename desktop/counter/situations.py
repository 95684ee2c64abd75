"""一件事 情形: the bundle's questions, asked before its material list (一次告知), so the
applicant is told only what their own situation needs. Tab moves between the questions,
the arrow keys choose, Enter confirms once every question has an answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from intake.catalog.model import Situation


class SituationsDialog(QDialog):
    def __init__(
        self, title: str, situations: tuple[Situation, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Situation — {title}").format(title=title))
        self.setMinimumWidth(680)
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for s in situations:
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), None)
            for option in s.options:
                combo.addItem(option.label, option.value)
            if s.help:
                combo.setToolTip(s.help)
            caption = QLabel(s.question)  # short questions: one line each
            caption.setBuddy(combo)
            form.addRow(caption, combo)
            combo.currentIndexChanged.connect(self._refresh)
            self.choices[s.key] = combo
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Show the materials (Enter)"))
        self.ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Answer these first: they decide which matters and materials apply."))
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._refresh()
        first = next(iter(self.choices.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def answers(self) -> dict[str, str]:
        return {k: str(c.currentData()) for k, c in self.choices.items() if c.currentData()}

    def _refresh(self, *_: object) -> None:
        self.ok.setEnabled(len(self.answers()) == len(self.choices))
