"""Login (offline: argon2 verifiers in the store) and the lock screen after idle time.

Focus starts in the operator field: ``clerk01`` Tab ``windowdesk`` Enter. The check runs
on the writer (it records an audit row), never on the UI thread. While the station is still
opening, the login waits for it and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import for_exception

if TYPE_CHECKING:  # the store's modules load after the first paint
    from intake.services.operators import Operator


class LoginDialog(QDialog):
    """``verify(operator_id, password, on_done, on_error)`` is supplied by the app."""

    logged_in = Signal(object)  # Operator

    def __init__(
        self,
        *,
        title: str,
        locked_operator: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._verify: Callable[..., None] | None = None
        self._change: Callable[..., None] | None = None
        self._waiting = False
        self._pending: Operator | None = None  # logged in, but must change the password
        self._typed = ""
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.subtitle = QLabel(
            self.tr("Locked — log in again, or as another operator.")
            if locked_operator
            else self.tr("Log in with your operator id and password.")
        )
        self.operator = QLineEdit(locked_operator or "")
        self.operator.setObjectName("operator")
        self.operator.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.button = QPushButton(self.tr("Log in (Enter)"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setMaxLength(128)
        self.repeat_password = QLineEdit()
        self.repeat_password.setObjectName("repeatPassword")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password.setMaxLength(128)
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("New password again"), self.repeat_password)
        self._form = form
        form.setRowVisible(self.new_password, False)
        form.setRowVisible(self.repeat_password, False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        (self.password if locked_operator else self.operator).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def ready(
        self, verify: Callable[..., None], change_password: Callable[..., None] | None = None
    ) -> None:
        """The station is open: logins can be checked (a pending one is checked now).
        ``change_password(operator_id, old, new, on_done, on_error)`` completes a login whose
        password a supervisor reset."""
        self._verify = verify
        self._change = change_password
        if self._waiting:
            self._waiting = False
            self.submit()

    def submit(self) -> None:
        if self._pending is not None:
            self._submit_change()
            return
        operator_id = self.operator.text().strip()
        if not operator_id or not self.password.text():
            self.error.setText(self.tr("Enter the operator id and the password."))
            return
        if self._verify is None:
            self._waiting = True
            self.error.setText(
                self.tr("Starting… you are logged in as soon as the station is open.")
            )
            return
        self.button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self._typed = self.password.text()
        self._verify(operator_id, self._typed, self._ok, self._failed)

    def _ok(self, operator: Operator) -> None:
        if operator.must_change_password and self._change is not None:
            self._ask_new_password(operator)
            return
        self._typed = ""
        self.password.clear()
        self.error.clear()
        self.button.setEnabled(True)
        self.logged_in.emit(operator)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(for_exception(exc))

    # -- a password reset by a supervisor must be changed before work starts ---------------

    def _ask_new_password(self, operator: Operator) -> None:
        self._pending = operator
        self.button.setEnabled(True)
        self.password.clear()
        self.operator.setReadOnly(True)
        self._form.setRowVisible(self.password, False)
        self._form.setRowVisible(self.new_password, True)
        self._form.setRowVisible(self.repeat_password, True)
        self.subtitle.setText(
            self.tr("Your password was reset by a supervisor: choose a new one to continue.")
        )
        self.button.setText(self.tr("Change password (Enter)"))
        self.error.clear()
        self.new_password.setFocus()

    def _submit_change(self) -> None:
        assert self._pending is not None and self._change is not None
        new, again = self.new_password.text(), self.repeat_password.text()
        if new != again:
            self.error.setText(self.tr("The two new passwords differ."))
            self.repeat_password.clear()
            self.repeat_password.setFocus()
            return
        self.button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self._change(self._pending.id, self._typed, new, self._changed, self._change_failed)

    def _changed(self, operator: Operator) -> None:
        self._pending, self._typed = None, ""
        for field in (self.new_password, self.repeat_password):
            field.clear()
        self._form.setRowVisible(self.password, True)
        self._form.setRowVisible(self.new_password, False)
        self._form.setRowVisible(self.repeat_password, False)
        self.operator.setReadOnly(False)
        self.button.setText(self.tr("Log in (Enter)"))
        self._ok(operator)

    def _change_failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.new_password.clear()
        self.repeat_password.clear()
        self.new_password.setFocus()
        self.error.setText(for_exception(exc))
