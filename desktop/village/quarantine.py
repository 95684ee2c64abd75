"""The quarantine page (key ``quarantine``, "Returned by the platform"): each item the
platform rejected, with its reason in Chinese and what to do — open the case (Enter) to fix
it, resend it as it is now (Alt+R), or discard it with a reason (Alt+D, audited). The items
behind a returned one are sent regardless: the queue never waits for this page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.labels import OUTBOX_OPS, label
from desktop.messages import for_exception, message
from desktop.village import actions
from desktop.village.handover import _shortcut
from desktop.widgets.tables import select_first, tree_list
from intake.changes import Changes
from intake.clock import CST
from intake.masking import mask_name
from intake.services.quarantine import QueuedItem


def reason_text(item: QueuedItem) -> str:
    """Why the platform returned it and what to do, in the clerk's language."""
    return message(f"returned.{item.code}" if item.code else "returned", {"code": item.code})


class DiscardDialog(QDialog):
    def __init__(self, item: QueuedItem, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discard the returned change"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        text = QLabel(
            self.tr(
                "The change of case {number} will not be sent to the platform. Say why "
                "(kept in the audit log)."
            ).format(number=item.case_number)
        )
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("reason, e.g. the applicant withdrew"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Discard (Enter)"))
        self.ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(message("quarantine.reason_required"))
            self.reason.setFocus()
            return
        self.accept()


class QuarantinePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[QueuedItem] = []
        self.tree = tree_list(
            "quarantineTree",
            [
                self.tr("Case number"),
                self.tr("Applicant"),
                self.tr("Matter"),
                self.tr("Change"),
                self.tr("Returned"),
            ],
            (220, 80, 220, 90),
        )
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_current())
        self.tree.itemActivated.connect(lambda _i, _c: self.open_current())
        self.title = QLabel()
        self.title.setObjectName("quarantineTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.reason = QLabel()
        self.reason.setObjectName("quarantineReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("font-size: 12pt;")
        self.code = QLabel()
        self.code.setObjectName("quarantineCode")
        self.code.setStyleSheet("color: #666;")
        self.code.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the case (Enter)"))
        self.resend_button = QPushButton(self.tr("Resend as it is now (Alt+R)"))
        self.discard_button = QPushButton(self.tr("Discard… (Alt+D)"))
        self.open_button.clicked.connect(self.open_current)
        self.resend_button.clicked.connect(self.resend_current)
        self.discard_button.clicked.connect(self.discard_current)
        self.status = QLabel()
        self.status.setObjectName("quarantineStatus")
        self.status.setWordWrap(True)
        detail = QWidget()
        side = QVBoxLayout(detail)
        side.addWidget(self.title)
        side.addWidget(self.reason)
        side.addWidget(self.code)
        side.addStretch(1)
        row = QHBoxLayout()
        for b in (self.open_button, self.resend_button, self.discard_button):
            row.addWidget(b)
        side.addLayout(row)
        side.addWidget(self.status)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(detail)
        split.setSizes([760, 560])
        self.note = QLabel(
            self.tr(
                "These changes were returned by the platform. Everything else is still sent: "
                "nothing here holds up the queue."
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        _shortcut(self, "Alt+R", self.resend_current)
        _shortcut(self, "Alt+D", self.discard_current)
        ctx.listeners.append(self._changed)
        ctx.bridge.sync_health.connect(self._health)
        self.dialog: DiscardDialog | None = None
        self._show_current()

    def page_shown(self) -> None:
        self.refresh()
        self.tree.setFocus()

    def refresh(self) -> None:
        actions.returned(self.ctx, self.show_items)

    def show_items(self, items: list[QueuedItem]) -> None:
        current = self.current()
        self.items = items
        self.tree.clear()
        for item in items:
            row = QTreeWidgetItem(
                [
                    item.case_number,
                    mask_name(item.applicant_name),
                    item.title,
                    label(OUTBOX_OPS, item.op),
                    item.updated_at.astimezone(CST).strftime("%m-%d %H:%M"),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.op_id)
            self.tree.addTopLevelItem(row)
            if current is not None and item.op_id == current.op_id:
                self.tree.setCurrentItem(row)
        if self.tree.currentItem() is None and items:
            select_first(self.tree)
        self._show_current()

    def current(self) -> QueuedItem | None:
        row = self.tree.currentItem()
        if row is None:
            return None
        op_id = row.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.items if i.op_id == op_id), None)

    def _show_current(self) -> None:
        item = self.current()
        for b in (self.open_button, self.resend_button, self.discard_button):
            b.setEnabled(item is not None)
        if item is None:
            self.title.setText(self.tr("Nothing was returned by the platform."))
            self.reason.setText("")
            self.code.setText("")
            return
        self.title.setText(
            self.tr("Case {number}: {matter}").format(number=item.case_number, matter=item.title)
        )
        self.reason.setText(reason_text(item))
        self.code.setText(self.tr("Platform code: {code}").format(code=item.code or "—"))

    # -- what to do -----------------------------------------------------------------------

    def open_current(self) -> None:
        item = self.current()
        if item is not None:
            self.ctx.open_case(item.case_number)

    def resend_current(self) -> None:
        item = self.current()
        if item is None:
            return
        self.status.setText(self.tr("Resending case {number}…").format(number=item.case_number))
        actions.resend(self.ctx, item, self._resolved_resent, self._failed)

    def discard_current(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = DiscardDialog(item, self)

        def accepted() -> None:
            actions.discard(
                self.ctx, item, dialog.reason.text(), self._resolved_discarded, self._failed
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: self.window().activateWindow())
        self.dialog = dialog
        dialog.open()
        dialog.reason.setFocus()

    def _resolved_resent(self, done: actions.Resolved) -> None:
        self.status.setText(
            self.tr("Case {number} is queued again and is being sent.").format(
                number=done.case_number
            )
        )
        self.refresh()
        self.tree.setFocus()

    def _resolved_discarded(self, done: actions.Resolved) -> None:
        self.status.setText(
            self.tr("The returned change of case {number} was discarded.").format(
                number=done.case_number
            )
        )
        self.refresh()
        self.tree.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(for_exception(exc))
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.outbox and self.isVisible():
            self.refresh()

    def _health(self, health: object) -> None:
        if self.isVisible() and getattr(health, "state", "") not in ("syncing", "starting"):
            self.refresh()
