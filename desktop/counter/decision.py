"""The decision: 受理 / 补正 / 不予受理, preselected with what the materials allow.

Enter confirms (the default button), Esc goes back to the screen with nothing lost. The
dialog re-checks the chosen decision with the store's rules and says what stops it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import DECISIONS, label
from desktop.messages import message
from intake.flow import FlowCheck
from intake.views import Decision


@dataclass(frozen=True)
class DecisionChoice:
    decision: Decision
    reason: str
    legal_basis: str


class DecisionDialog(QDialog):
    def __init__(
        self,
        *,
        allowed: Decision,
        missing: tuple[str, ...],
        rejection_choices: list[tuple[str, str]],
        check: Callable[[Decision, str, str], FlowCheck],
        summary: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decision"))
        self.setMinimumWidth(560)
        self._check = check
        self._choices = rejection_choices
        self.buttons_group = QButtonGroup(self)
        self.radios: dict[Decision, QRadioButton] = {}
        layout = QVBoxLayout(self)
        if summary:
            head = QLabel(summary)
            head.setWordWrap(True)
            head.setStyleSheet("font-weight: bold;")
            layout.addWidget(head)
        for d in (Decision.ACCEPT, Decision.SUPPLEMENT, Decision.REJECT):
            radio = QRadioButton(label(DECISIONS, d))
            self.buttons_group.addButton(radio)
            self.radios[d] = radio
            layout.addWidget(radio)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        if missing:
            self.missing.setText(self.tr("Missing: {names}").format(names="、".join(missing)))
        layout.addWidget(self.missing)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.basis = QComboBox()
        self.basis.setEditable(True)
        for reason, basis in rejection_choices:
            self.reason.addItem(reason, basis)
        for basis in dict.fromkeys(b for _, b in rejection_choices if b):
            self.basis.addItem(basis)
        self.reason_box = QWidget()
        form = QFormLayout(self.reason_box)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Legal basis"), self.basis)
        layout.addWidget(self.reason_box)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Save (Enter)"))
        self.ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.buttons_group.buttonToggled.connect(lambda *_: self._refresh())
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.reason.editTextChanged.connect(lambda *_: self._refresh())
        self.basis.editTextChanged.connect(lambda *_: self._refresh())
        self.radios[allowed].setChecked(True)
        self._reason_chosen(0)
        self._refresh()
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)

    def decision(self) -> Decision:
        return next(d for d, r in self.radios.items() if r.isChecked())

    def choice(self) -> DecisionChoice:
        rejecting = self.decision() is Decision.REJECT
        return DecisionChoice(
            self.decision(),
            self.reason.currentText().strip() if rejecting else "",
            self.basis.currentText().strip() if rejecting else "",
        )

    def _reason_chosen(self, index: int) -> None:
        basis = self.reason.itemData(index)
        if basis:
            self.basis.setEditText(str(basis))
        self._refresh()

    def _refresh(self) -> None:
        if not self.radios or not any(r.isChecked() for r in self.radios.values()):
            return
        choice = self.choice()
        self.reason_box.setVisible(choice.decision is Decision.REJECT)
        self.missing.setVisible(
            choice.decision is Decision.SUPPLEMENT and bool(self.missing.text())
        )
        result = self._check(choice.decision, choice.reason, choice.legal_basis)
        texts = list(dict.fromkeys(message(p.code, p.params) for p in result.problems))
        self.problems.setText("\n".join(texts))
        self.ok.setEnabled(not texts)
