"""The decision: 受理 / 补正 / 不予受理, preselected with what the materials allow.

Enter confirms (the default button), Esc goes back to the screen with nothing lost. The
dialog re-checks the chosen decision with the store's rules and says what stops it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import DECISIONS, QT_TRANSLATE_NOOP, label
from desktop.messages import message
from intake.flow import FlowCheck, reason_kind
from intake.notice_rules import FORM_WAYS
from intake.views import Decision, DeliveryWay, RejectionKind

#: How the result may reach the applicant (送达方式确认), as the dialog offers them.
WAY_LABELS = {
    DeliveryWay.WINDOW: QT_TRANSLATE_NOOP("DecisionDialog", "Collect at the window"),
    DeliveryWay.POST: QT_TRANSLATE_NOOP("DecisionDialog", "By post (邮寄送达)"),
    DeliveryWay.ELECTRONIC: QT_TRANSLATE_NOOP("DecisionDialog", "Electronic delivery"),
}


@dataclass(frozen=True)
class DecisionChoice:
    decision: Decision
    reason: str
    legal_basis: str
    reason_kind: str = ""  # a RejectionKind value for a refusal
    refer_to: str = ""  # a refusal as not this authority's: where to apply
    delivery: Mapping[str, str] | None = field(default=None)  # {"way", "address"}


class DecisionDialog(QDialog):
    def __init__(
        self,
        *,
        allowed: Decision,
        missing: tuple[str, ...],
        rejection_choices: list[tuple[str, str]],
        check: Callable[[DecisionChoice], FlowCheck],
        summary: str = "",
        delivery_ways: tuple[DeliveryWay, ...] = (DeliveryWay.WINDOW,),
        way: str = "",
        address: str = "",
        referral: str = "",
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
        # §32 (二): a refusal as not this authority's tells the applicant where to apply
        self.refer_to = QLineEdit(referral)
        self.refer_to.setObjectName("referTo")
        self.refer_to.setPlaceholderText(self.tr("The authority the applicant should apply to"))
        self.refer_label = QLabel(self.tr("Apply to"))
        self.refer_label.setBuddy(self.refer_to)
        form.addRow(self.refer_label, self.refer_to)
        layout.addWidget(self.reason_box)
        # 送达方式确认: how the result reaches the applicant (the notices follow it)
        self.delivery_box = QWidget()
        ways = QFormLayout(self.delivery_box)
        self.way = QComboBox()
        self.way.setObjectName("deliveryWay")
        for way in delivery_ways:
            self.way.addItem(
                QCoreApplication.translate("DecisionDialog", WAY_LABELS[way]), way.value
            )
        chosen = FORM_WAYS.get(way)  # the matter's form asked it already
        if chosen is not None and self.way.findData(chosen.value) >= 0:
            self.way.setCurrentIndex(self.way.findData(chosen.value))
        self.address = QLineEdit(address)
        self.address.setObjectName("deliveryAddress")
        self.address.setPlaceholderText(self.tr("Postal address"))
        self.address_label = QLabel(self.tr("Postal address"))
        self.address_label.setBuddy(self.address)
        ways.addRow(self.tr("Result delivery"), self.way)
        ways.addRow(self.address_label, self.address)
        layout.addWidget(self.delivery_box)
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
        self.refer_to.textChanged.connect(lambda *_: self._refresh())
        self.way.currentIndexChanged.connect(lambda *_: self._refresh())
        self.address.textChanged.connect(lambda *_: self._refresh())
        self.radios[allowed].setChecked(True)
        self._reason_chosen(0)
        self._refresh()
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)

    def decision(self) -> Decision:
        return next(d for d, r in self.radios.items() if r.isChecked())

    def choice(self) -> DecisionChoice:
        rejecting = self.decision() is Decision.REJECT
        reason = self.reason.currentText().strip() if rejecting else ""
        kind = reason_kind(reason) if rejecting else None
        way = self.way.currentData()
        delivery = None
        if not rejecting and isinstance(way, str):
            post = way == DeliveryWay.POST.value
            delivery = {"way": way, "address": self.address.text().strip() if post else ""}
        return DecisionChoice(
            self.decision(),
            reason,
            self.basis.currentText().strip() if rejecting else "",
            kind.value if kind else "",
            self.refer_to.text().strip() if kind is RejectionKind.NOT_COMPETENT else "",
            delivery,
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
        not_ours = choice.reason_kind == RejectionKind.NOT_COMPETENT.value
        self.refer_label.setVisible(not_ours)
        self.refer_to.setVisible(not_ours)
        self.delivery_box.setVisible(choice.decision is not Decision.REJECT)
        post = self.way.currentData() == DeliveryWay.POST.value
        self.address_label.setVisible(post)
        self.address.setVisible(post)
        self.missing.setVisible(
            choice.decision is Decision.SUPPLEMENT and bool(self.missing.text())
        )
        result = self._check(choice)
        texts = list(dict.fromkeys(message(p.code, p.params) for p in result.problems))
        self.problems.setText("\n".join(texts))
        self.ok.setEnabled(not texts)
