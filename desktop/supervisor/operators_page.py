"""Operators (supervisors only): the list with each one's state, and the commands — add,
disable / enable, change role, reset the password, unlock. Each runs on the writer; the core
checks the acting operator's role and audits it. Works offline like everything else.

Keys: Insert adds, Ctrl+D disables / enables, Ctrl+R changes the role, Ctrl+Shift+R resets
the password, Ctrl+U unlocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from desktop.supervisor.forms import FormDialog
from desktop.supervisor.words import ROLES, role_name
from intake.services.operators import OperatorStatus, Role


class OperatorsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[OperatorStatus] = []
        self.dialog: FormDialog | None = None
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("operators")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Operator"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Failed logins"),
                self.tr("Added"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("operatorsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, keys, slot in (
            ("add", self.tr("Add (Ins)"), "Ins", self.add),
            ("active", self.tr("Disable / enable (Ctrl+D)"), "Ctrl+D", self.toggle_active),
            ("role", self.tr("Change role (Ctrl+R)"), "Ctrl+R", self.change_role),
            ("reset", self.tr("Reset password (Ctrl+Shift+R)"), "Ctrl+Shift+R", self.reset),
            ("unlock", self.tr("Unlock (Ctrl+U)"), "Ctrl+U", self.unlock),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        buttons.addStretch(1)
        heading = QLabel(self.tr("Operators of this station"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        hint = QLabel(
            self.tr(
                "After 5 wrong passwords in a row an operator is locked for 15 minutes, or "
                "until a supervisor unlocks them. A reset password must be changed at the "
                "next login. The platform's operator list wins when it arrives."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.refresh()

    def page_shown(self) -> None:
        self.refresh()
        self.table.setFocus()

    # -- list -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        station = self.ctx.station
        self.ctx.runner.read(station.operators.roster, lambda rows: self._show(rows, select))

    def _state(self, s: OperatorStatus) -> str:
        if not s.active:
            return self.tr("Disabled")
        if s.locked_until is not None:
            return self.tr("Locked until {time}").format(
                time=s.locked_until.astimezone().strftime("%H:%M")
            )
        if s.must_change_password:
            return self.tr("Active · must change password")
        return self.tr("Active")

    def _show(self, rows: list[OperatorStatus], select: str | None) -> None:
        chosen = self.selected()
        current = select or (chosen.id if chosen is not None else None)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            values = [
                s.id,
                s.name,
                role_name(s.role.value),
                self._state(s),
                str(s.failed_logins),
                s.created_at.astimezone().strftime("%Y-%m-%d"),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 3 and (s.locked or not s.active):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        index = next((i for i, s in enumerate(rows) if s.id == current), 0)
        if rows:
            self.table.selectRow(index)

    def selected(self) -> OperatorStatus | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- commands -------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done_text: str, target: str) -> None:
        def done(_result: Any) -> None:
            self.message.setText(done_text)
            self.refresh(target)

        def failed(exc: BaseException) -> None:
            self.message.setText(for_exception(exc))

        self.ctx.runner.write(work, done, failed)

    def _open(self, dialog: FormDialog, target: str | None = None) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.refresh(target))
        dialog.finished.connect(lambda _r: self._closed())
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None
        window = self.window()
        window.activateWindow()
        self.table.setFocus()

    def add(self) -> None:
        op_id, name, password = QLineEdit(), QLineEdit(), QLineEdit()
        op_id.setObjectName("newOperatorId")
        name.setObjectName("newOperatorName")
        password.setObjectName("newOperatorPassword")
        op_id.setMaxLength(40)
        name.setMaxLength(40)
        password.setEchoMode(QLineEdit.EchoMode.Password)
        role = self._role_box(Role.CLERK)
        station, by = self.ctx.station, self.ctx.operator_id

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            values = (op_id.text().strip(), name.text().strip(), Role(role.currentData()))
            secret = password.text()

            def added(status: OperatorStatus) -> None:
                self.message.setText(self.tr("Operator {id} added.").format(id=status.id))
                done(status)

            self.ctx.runner.write(
                lambda: station.operators.create(by, values[0], values[1], values[2], secret),
                added,
                failed,
            )

        self._open(
            FormDialog(
                self.tr("Add an operator"),
                [
                    (self.tr("Operator id"), op_id),
                    (self.tr("Name"), name),
                    (self.tr("Role"), role),
                    (self.tr("First password"), password),
                ],
                submit,
                self,
                intro=self.tr("The operator changes this password at their first login."),
            ),
            None,
        )

    def _role_box(self, current: Role) -> QComboBox:
        box = QComboBox()
        box.setObjectName("roleChoice")
        for value in ROLES:
            box.addItem(role_name(value), value)
        box.setCurrentIndex(box.findData(current.value))
        return box

    def toggle_active(self) -> None:
        s = self.selected()
        if s is None:
            return
        station, by = self.ctx.station, self.ctx.operator_id
        if not s.active:
            self._run(
                lambda: station.operators.set_active(by, s.id, True),
                self.tr("{name} is enabled.").format(name=s.name),
                s.id,
            )
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Disable an operator"))
        box.setText(
            self.tr("Disable {name} ({id})? They can no longer log in.").format(
                name=s.name, id=s.id
            )
        )
        yes = box.addButton(self.tr("Disable (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Back (Esc)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is yes:
                self._run(
                    lambda: station.operators.set_active(by, s.id, False),
                    self.tr("{name} is disabled.").format(name=s.name),
                    s.id,
                )
            self._closed()

        box.finished.connect(lambda _r: answered())
        self.confirm = box
        box.open()

    def change_role(self) -> None:
        s = self.selected()
        if s is None:
            return
        role = self._role_box(s.role)
        station, by = self.ctx.station, self.ctx.operator_id

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            chosen = Role(role.currentData())
            self.ctx.runner.write(
                lambda: station.operators.set_role(by, s.id, chosen), done, failed
            )

        self._open(
            FormDialog(
                self.tr("Change the role of {name}").format(name=s.name),
                [(self.tr("Role"), role)],
                submit,
                self,
            ),
            s.id,
        )

    def reset(self) -> None:
        s = self.selected()
        if s is None:
            return
        password = QLineEdit()
        password.setObjectName("temporaryPassword")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        station, by = self.ctx.station, self.ctx.operator_id

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            secret = password.text()
            self.ctx.runner.write(
                lambda: station.operators.reset_password(by, s.id, secret), done, failed
            )

        self._open(
            FormDialog(
                self.tr("Reset the password of {name}").format(name=s.name),
                [(self.tr("Temporary password"), password)],
                submit,
                self,
                intro=self.tr(
                    "Tell the operator this password; they must change it at their next login."
                ),
            ),
            s.id,
        )

    def unlock(self) -> None:
        s = self.selected()
        if s is None:
            return
        station, by = self.ctx.station, self.ctx.operator_id
        self._run(
            lambda: station.operators.unlock(by, s.id),
            self.tr("{name} is unlocked.").format(name=s.name),
            s.id,
        )
