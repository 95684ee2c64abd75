"""The follow-up acts, one window-modal dialog each: Enter records (the default button),
Esc goes back with nothing recorded. Each dialog collects what the act needs, runs it on the
writer through desktop.followups.ops and says in its own words what the core refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.followups import ops
from desktop.labels import MATERIAL_STATES, label
from desktop.messages import for_exception, message
from intake.masking import mask_name
from intake.requests import MaterialInput
from intake.services.followups import (
    Collector,
    DeferredDue,
    Delivery,
    DeliveryMethod,
    VerificationDue,
)
from intake.views import CaseView, MaterialRecord, MaterialState, needs_supplement


class ActDialog(QDialog):
    """The frame every follow-up dialog shares: a header, a body, the problem, OK / Esc."""

    recorded = Signal(object)  # desktop.followups.ops.Done

    def __init__(self, ctx: AppContext, title: str, header: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(620)
        self._layout = QVBoxLayout(self)
        head = QLabel(header)
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold;")
        self._layout.addWidget(head)
        self.body = QVBoxLayout()
        self._layout.addLayout(self.body)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self._layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox()
        self.ok = QPushButton(self.tr("Record (Enter)"))
        self.ok.setDefault(True)
        self.ok.setAutoDefault(True)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Back (Esc)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.busy = False

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.ok.setEnabled(False)
        self.problem.hide()
        self.run(self._recorded, self._failed)

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        raise NotImplementedError

    def _recorded(self, done: ops.Done) -> None:
        assert_ui_thread()
        self.busy = False
        self.recorded.emit(done)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        assert_ui_thread()
        self.busy = False
        self.ok.setEnabled(True)
        self.problem.setText(for_exception(exc))
        self.problem.show()


def _case_line(case: CaseView) -> str:
    return f"{case.case_number}  {mask_name(case.applicant.name)}  {case.title}"


class SupplementDialog(ActDialog):
    """补正 materials handed in: only what the one-time notice listed is asked here."""

    def __init__(self, ctx: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Receive 补正 materials"),
            self.tr("{case}\nThe one-time notice (一次性告知) listed the materials below.").format(
                case=_case_line(case)
            ),
            parent,
        )
        self.case = case
        asked = [h for h in case.history if h.event == "supplement"]
        self.by_department = bool(asked) and asked[-1].actor == "platform"
        if self.by_department:
            # the department's own list (its note): every material may be handed in again
            self.listed: list[MaterialRecord] = [
                m for m in case.materials if m.state is not MaterialState.NOT_APPLICABLE
            ]
            said = QLabel(
                self.tr("{department} asked for 补正: {note}").format(
                    department=asked[-1].operator, note=asked[-1].note
                )
            )
            said.setWordWrap(True)
            self.body.addWidget(said)
        else:
            self.listed = [m for m in case.materials if needs_supplement(m)]
        box = QGroupBox(self.tr("Materials listed in the 补正 notice"))
        grid = QGridLayout(box)
        self.states: dict[str, QComboBox] = {}
        self.copies: dict[str, QSpinBox] = {}
        for row, m in enumerate(self.listed):
            name = QLabel(("＊" if m.required else "") + m.name)
            note = QLabel(m.note)
            note.setStyleSheet("color: #555;")
            state = QComboBox()
            for st in (MaterialState.ORIGINAL, MaterialState.COPY, MaterialState.MISSING):
                state.addItem(label(MATERIAL_STATES, st), st.value)
            if self.by_department and m.state in (MaterialState.ORIGINAL, MaterialState.COPY):
                state.setCurrentIndex(state.findData(m.state.value))  # as it was received
            elif self.by_department and m.state is not MaterialState.MISSING:
                state.addItem(label(MATERIAL_STATES, m.state), m.state.value)
                state.setCurrentIndex(state.count() - 1)  # 电子证照 / 告知承诺 / 容缺: unchanged
            copies = QSpinBox()
            copies.setRange(1, 99)
            copies.setValue(max(m.copies, 1))
            name.setBuddy(state)
            grid.addWidget(name, row, 0)
            grid.addWidget(state, row, 1)
            grid.addWidget(copies, row, 2)
            grid.addWidget(note, row, 3)
            state.currentIndexChanged.connect(self._update)
            self.states[m.material_id] = state
            self.copies[m.material_id] = copies
        if not self.listed:
            grid.addWidget(QLabel(self.tr("Nothing is listed: the case can be accepted.")), 0, 0)
        self.body.addWidget(box)
        self.outcome = QLabel()
        self.body.addWidget(self.outcome)
        self._update()
        if self.states:
            next(iter(self.states.values())).setFocus()

    def updates(self) -> dict[str, MaterialInput]:
        received = (MaterialState.ORIGINAL, MaterialState.COPY, MaterialState.MISSING)
        out: dict[str, MaterialInput] = {}
        for mid, combo in self.states.items():
            state = MaterialState(combo.currentData())
            listed = next(m for m in self.listed if m.material_id == mid)
            if state not in received:
                continue  # 电子证照 / 告知承诺 / 容缺 left as it was (a department's 补正)
            if state is MaterialState.MISSING:
                out[mid] = MaterialInput(state, note=listed.note)
            else:
                out[mid] = MaterialInput(state, copies=self.copies[mid].value())
        return out

    def _update(self) -> None:
        complete = all(
            MaterialState(c.currentData()) is not MaterialState.MISSING
            for c in self.states.values()
        )
        if complete:
            self.ok.setText(self.tr("Accept (受理) and print (Enter)"))
            self.outcome.setText(self.tr("Everything listed is here: the case is accepted."))
        else:
            self.ok.setText(self.tr("Record what was brought (Enter)"))
            self.outcome.setText(
                self.tr("The case keeps waiting for the rest of the same list (no new notice).")
            )

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        ops.receive_supplement(self.ctx, self.case.case_number, self.updates(), on_done, on_error)


class DeferredDialog(ActDialog):
    """A 容缺 material brought: how it was received."""

    def __init__(self, ctx: AppContext, due: DeferredDue, parent: QWidget | None = None) -> None:
        promised = due.material.promised_date.isoformat() if due.material.promised_date else ""
        header = self.tr("{case}\n{material}: promised (容缺) by {date}").format(
            case=f"{due.case.case_number}  {mask_name(due.case.applicant_name)}  {due.case.title}",
            material=due.material.name,
            date=promised,
        )
        super().__init__(ctx, self.tr("容缺 material received"), header, parent)
        self.due = due
        self.late = QLabel(self.tr("The promise is overdue."))
        self.late.setStyleSheet("color: #b00020;")
        self.late.setVisible(due.overdue)
        self.body.addWidget(self.late)
        form = QFormLayout()
        self.state = QComboBox()
        for st in (MaterialState.ORIGINAL, MaterialState.COPY):
            self.state.addItem(label(MATERIAL_STATES, st), st.value)
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        form.addRow(self.tr("&Received as"), self.state)
        form.addRow(self.tr("&Copies"), self.copies)
        self.body.addLayout(form)
        self.ok.setText(self.tr("Mark received and print the receipt (Enter)"))
        self.state.setFocus()

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        ops.receive_deferred(
            self.ctx,
            self.due.case.case_number,
            self.due.material.material_id,
            MaterialState(self.state.currentData()),
            self.copies.value(),
            on_done,
            on_error,
        )


class VerificationDialog(ActDialog):
    """The 核查 result of a 告知承诺: verified, or not with what follows."""

    def __init__(
        self, ctx: AppContext, due: VerificationDue, parent: QWidget | None = None
    ) -> None:
        header = self.tr("{case}\n{material}: verify by {date} — {how}").format(
            case=f"{due.case.case_number}  {mask_name(due.case.applicant_name)}  {due.case.title}",
            material=due.material.name,
            date=due.due.isoformat(),
            how=due.verification,
        )
        super().__init__(ctx, self.tr("Record the 核查 of a commitment"), header, parent)
        self.due = due
        self.group = QButtonGroup(self)
        self.verified = QRadioButton(self.tr("&Verified: the promise is true (核查属实)"))
        self.failed = QRadioButton(self.tr("&Not true (核查不实)"))
        self.verified.setChecked(True)
        self.group.addButton(self.verified)
        self.group.addButton(self.failed)
        self.body.addWidget(self.verified)
        self.body.addWidget(self.failed)
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText(
            self.tr("What follows (required when not true): 撤销, 信用记录 …")
        )
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(90)
        self.body.addWidget(self.outcome)
        self.verified.setFocus()

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        ops.record_verification(
            self.ctx,
            self.due.case.case_number,
            self.due.material.material_id,
            self.verified.isChecked(),
            self.outcome.toPlainText(),
            on_done,
            on_error,
        )


class DeliverDialog(ActDialog):
    """送达 / 出件: who took the result and how. F2 reads the collecting agent's card."""

    def __init__(self, ctx: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Deliver the result (送达 / 出件)"),
            self.tr("{case}\nApplicant: {name}").format(
                case=_case_line(case), name=case.applicant.name
            ),
            parent,
        )
        self.case = case
        self.group = QButtonGroup(self)
        self.applicant = QRadioButton(self.tr("The &applicant collects it at the window"))
        self.agent = QRadioButton(self.tr("An a&gent collects it (their ID is read or typed)"))
        self.mail = QRadioButton(self.tr("Sent by &mail (EMS / courier)"))
        for radio in (self.applicant, self.agent, self.mail):
            self.group.addButton(radio)
            self.body.addWidget(radio)
            radio.toggled.connect(self._update)
        form = QFormLayout()
        self.agent_name = QLineEdit()
        self.agent_name.setMaxLength(60)
        self.agent_id = QLineEdit()
        self.agent_id.setMaxLength(18)
        self.agent_id.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.tracking = QLineEdit()
        self.tracking.setMaxLength(40)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        form.addRow(self.tr("Agent's &name"), self.agent_name)
        form.addRow(self.tr("Agent's &ID number (F2 reads the card)"), self.agent_id)
        form.addRow(self.tr("&Tracking number"), self.tracking)
        form.addRow(self.tr("N&ote"), self.note)
        self.body.addLayout(form)
        read = QShortcut(QKeySequence("F2"), self)
        read.activated.connect(self.read_card)
        self.applicant.setChecked(True)
        self.ok.setText(self.tr("Record the delivery and print the 送达回证 (Enter)"))
        self.applicant.setFocus()

    def _update(self) -> None:
        agent, mail = self.agent.isChecked(), self.mail.isChecked()
        self.agent_name.setEnabled(agent)
        self.agent_id.setEnabled(agent)
        self.tracking.setEnabled(mail)

    def delivery(self) -> Delivery:
        if self.mail.isChecked():
            return Delivery(
                DeliveryMethod.MAIL,
                Collector.POST,
                tracking_number=self.tracking.text(),
                note=self.note.text(),
            )
        if self.agent.isChecked():
            return Delivery(
                DeliveryMethod.WINDOW,
                Collector.AGENT,
                collector_name=self.agent_name.text(),
                collector_id_number=self.agent_id.text(),
                note=self.note.text(),
            )
        return Delivery(DeliveryMethod.WINDOW, Collector.APPLICANT, note=self.note.text())

    def read_card(self) -> None:
        devices = self.ctx.devices
        if devices is None:
            self._failed_text(message("reader.none"))
            return
        self.agent.setChecked(True)
        future = devices.read()
        future.add_done_callback(lambda f: self.ctx.bridge.post(lambda: self._card_read(f)))

    def _card_read(self, future: Any) -> None:
        exc = future.exception()
        if exc is not None:
            self._failed_text(for_exception(exc))
            return
        identity = future.result()
        self.agent_name.setText(identity.name)
        self.agent_id.setText(identity.id_number)
        self.ok.setFocus()

    def _failed_text(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        ops.deliver(self.ctx, self.case.case_number, self.delivery(), on_done, on_error)


class WithdrawDialog(ActDialog):
    """撤件 on the applicant's request, with the reason."""

    def __init__(self, ctx: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Withdraw the application (撤件)"),
            self.tr("{case}\nThe applicant asks to withdraw this application.").format(
                case=_case_line(case)
            ),
            parent,
        )
        self.case = case
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("The applicant's reason (required)"))
        self.in_person = QCheckBox(self.tr("The applicant came in &person"))
        self.in_person.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        self.body.addLayout(form)
        self.body.addWidget(self.in_person)
        self.ok.setText(self.tr("Withdraw and print the receipt (Enter)"))
        self.reason.setFocus()

    def run(self, on_done: Callable[[ops.Done], None], on_error: ops.Failed) -> None:
        ops.withdraw(
            self.ctx,
            self.case.case_number,
            self.reason.text(),
            self.in_person.isChecked(),
            on_done,
            on_error,
        )
