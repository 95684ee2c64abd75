"""The 办不成事 window: record a citizen's complaint, follow it up under the 125 rule.

Everyone may record and follow up the complaints they recorded; a supervisor sees all of
them. Rows are red when a limit has passed and amber when one is near (``intake.services.
complaints`` decides which); phone numbers and names are masked in the list.

Keys: Ctrl+Shift+N record, Ctrl+Shift+D the next step (dispatch → handled → closed),
Ctrl+Shift+H the 12345 hand-over, Ctrl+R refresh; Enter in a dialog saves, Esc goes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from desktop.pages import SUPERVISORS
from intake.clock import CST, local_date
from intake.masking import mask_name, mask_phone
from intake.services.complaints import Complaint, ComplaintState, Mark
from intake.workdays import WorkCalendar

CTX = "ComplaintsPage"
#: marks a source string for lupdate; typed for mypy (the stub says it returns object)
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]
STATE_NAMES = {
    ComplaintState.RECORDED: QT_TRANSLATE_NOOP("ComplaintsPage", "Recorded"),
    ComplaintState.DISPATCHED: QT_TRANSLATE_NOOP("ComplaintsPage", "Dispatched"),
    ComplaintState.HANDLED: QT_TRANSLATE_NOOP("ComplaintsPage", "Handled"),
    ComplaintState.CLOSED: QT_TRANSLATE_NOOP("ComplaintsPage", "Closed"),
}
NEXT = {
    ComplaintState.RECORDED: ComplaintState.DISPATCHED,
    ComplaintState.DISPATCHED: ComplaintState.HANDLED,
    ComplaintState.HANDLED: ComplaintState.CLOSED,
}
MARK_COLOURS = {Mark.RED: "#f8d0d0", Mark.AMBER: "#fde9b8"}


def _state_name(state: ComplaintState) -> str:
    return QCoreApplication.translate(CTX, STATE_NAMES[state])


def _local(at: dt.datetime | None) -> str:
    return at.astimezone(CST).strftime("%m-%d %H:%M") if at else ""


class RecordDialog(QDialog):
    """What the citizen could not get done, where it failed, how to reach them."""

    def __init__(self, parent: QWidget, on_save: Callable[[dict[str, object]], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a 办不成事 complaint"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._on_save = on_save
        form = QFormLayout()
        self.what = QLineEdit()
        self.where = QLineEdit()
        self.phone = QLineEdit()
        self.name = QLineEdit()
        self.case_number = QLineEdit()
        self.complex = QCheckBox(self.tr("Complex (5 working days instead of 2)"))
        self.what.setPlaceholderText(self.tr("e.g. could not renew the residence permit"))
        self.where.setPlaceholderText(self.tr("which window, department or step"))
        for label, widget in (
            (self.tr("What could not be done"), self.what),
            (self.tr("Where it failed"), self.where),
            (self.tr("Contact phone"), self.phone),
            (self.tr("Citizen's name (optional)"), self.name),
            (self.tr("Related case number (optional)"), self.case_number),
            ("", self.complex),
        ):
            form.addRow(label, widget)
        self.problems = QLabel("")
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        self._on_save(
            {
                "what": self.what.text(),
                "where_failed": self.where.text(),
                "phone": self.phone.text(),
                "citizen_name": self.name.text(),
                "case_number": self.case_number.text() or None,
                "complex_": self.complex.isChecked(),
            }
        )

    def refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.problems.setText(for_exception(exc))


class NoteDialog(QDialog):
    """One line for a step: to whom it was dispatched, what was done, the outcome, the
    12345 工单号."""

    def __init__(self, parent: QWidget, title: str, label: str, on_save: Callable[[str], None]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._on_save = on_save
        self.note = QLineEdit()
        self.problems = QLabel("")
        self.problems.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        buttons.accepted.connect(lambda: self._on_save(self.note.text()))
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.note)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def refused(self, exc: BaseException) -> None:
        self.problems.setText(for_exception(exc))


class ComplaintsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[Complaint] = []
        self.dialog: QDialog | None = None
        self._calendar: WorkCalendar | None = None
        role = ctx.operator.role if ctx.operator else None
        self.sees_all = role in SUPERVISORS
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record (Ctrl+Shift+N)"))
        self.next_button = QPushButton(self.tr("Next step (Ctrl+Shift+D)"))
        self.hotline_button = QPushButton(self.tr("Hand over to 12345 (Ctrl+Shift+H)"))
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        for w in (self.record_button, self.next_button, self.hotline_button, self.open_only):
            bar.addWidget(w)
        bar.addStretch(1)
        self.scope = QLabel(
            self.tr("All complaints of the station")
            if self.sees_all
            else self.tr("The complaints you recorded")
        )
        bar.addWidget(self.scope)
        layout.addLayout(bar)
        self.rule = QLabel(
            self.tr(
                "125 rule: dispatched within 1 hour; closed within 2 working days, complex ones "
                "within 5. Red: past a limit. Amber: a limit is near."
            )
        )
        self.rule.setStyleSheet("color: #555;")
        layout.addWidget(self.rule)
        self.table = QTableWidget(0, 10)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Recorded at"),
                self.tr("Citizen"),
                self.tr("Phone"),
                self.tr("What could not be done"),
                self.tr("Where it failed"),
                self.tr("State"),
                self.tr("Dispatch by"),
                self.tr("Close by"),
                self.tr("12345 ticket"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.state = QLabel("")
        layout.addWidget(self.state)

        self.record_button.clicked.connect(self.record)
        self.next_button.clicked.connect(self.next_step)
        self.hotline_button.clicked.connect(self.hand_over)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        for keys, slot in (
            ("Ctrl+Shift+N", self.record),
            ("Ctrl+Shift+D", self.next_step),
            ("Ctrl+Shift+H", self.hand_over),
            ("Ctrl+R", self.refresh),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
        self.timer = QTimer(self)  # the marks move with the clock: while the page is shown
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # -- the list -----------------------------------------------------------------------------

    def page_shown(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        if self.ctx.runner.closed:  # the app is closing: nothing to ask any more
            self.timer.stop()
            return
        service = self.ctx.station.complaints
        mine = None if self.sees_all else self.ctx.operator_id
        open_only = self.open_only.isChecked()

        def work() -> tuple[list[Complaint], WorkCalendar, dt.datetime]:
            items = service.list(operator_id=mine, open_only=open_only)
            return items, service.calendar(), service.now()

        self.ctx.runner.read(work, self._show, self._failed)

    def _show(self, answer: tuple[list[Complaint], WorkCalendar, dt.datetime]) -> None:
        items, calendar, at = answer
        selected = self.current()
        self.items = items
        self.table.setRowCount(len(items))
        today = local_date(at)
        for row, c in enumerate(items):
            mark = c.mark(at, calendar)
            left = c.working_days_left(today, calendar)
            close_by = c.close_due.isoformat()
            if c.state is not ComplaintState.CLOSED:
                close_by += "  " + self.tr("({n} wd left)").format(n=left)
            cells = (
                c.number,
                _local(c.recorded_at),
                mask_name(c.citizen_name),
                mask_phone(c.phone),
                c.what,
                c.where_failed,
                _state_name(c.state)
                + (f"（{c.dispatched_to}）" if c.state is ComplaintState.DISPATCHED else ""),
                _local(c.dispatched_at) or _local(c.dispatch_due),
                close_by,
                c.hotline_ticket,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if mark in MARK_COLOURS:
                    item.setBackground(QBrush(QColor(MARK_COLOURS[mark])))
                item.setData(Qt.ItemDataRole.UserRole, mark.value)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        keep = next((i for i, c in enumerate(items) if selected and c.id == selected.id), 0)
        if items:
            self.table.selectRow(keep)
        red = sum(1 for c in items if c.mark(at, calendar) is Mark.RED)
        self.state.setText(
            self.tr("{n} complaints shown, {red} past a limit.").format(n=len(items), red=red)
        )

    def current(self) -> Complaint | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def marks(self) -> list[str]:
        """The mark of each row as shown (for tests)."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            out.append(str(item.data(Qt.ItemDataRole.UserRole)) if item else "")
        return out

    def _failed(self, exc: BaseException) -> None:
        self.state.setText(for_exception(exc))

    # -- commands -----------------------------------------------------------------------------

    def record(self) -> None:
        service, operator = self.ctx.station.complaints, self.ctx.operator_id

        def save(values: dict[str, object]) -> None:
            self.ctx.runner.write(
                lambda: service.record(operator_id=operator, **values),  # type: ignore[arg-type]
                self._recorded,
                dialog.refused,
            )

        dialog = RecordDialog(self, save)
        self._open(dialog)
        dialog.what.setFocus()

    def _recorded(self, c: Complaint) -> None:
        self._close_dialog()
        self.state.setText(
            self.tr("Recorded {number}: dispatch by {time}, close by {day}.").format(
                number=c.number, time=_local(c.dispatch_due), day=c.close_due.isoformat()
            )
        )
        self.refresh()

    def next_step(self) -> None:
        c = self.current()
        if c is None or c.state not in NEXT:
            self.state.setText(self.tr("Choose an open complaint first."))
            return
        target = NEXT[c.state]
        title, label = {
            ComplaintState.DISPATCHED: (
                self.tr("Dispatch {number}"),
                self.tr("Dispatched to (department or person):"),
            ),
            ComplaintState.HANDLED: (self.tr("Handled {number}"), self.tr("What was done:")),
            ComplaintState.CLOSED: (
                self.tr("Close {number}"),
                self.tr("Outcome told to the citizen (回访):"),
            ),
        }[target]
        service, operator = self.ctx.station.complaints, self.ctx.operator_id

        def save(note: str) -> None:
            self.ctx.runner.write(
                lambda: service.advance(c.id, target, operator_id=operator, note=note),
                self._stepped,
                dialog.refused,
            )

        dialog = NoteDialog(self, title.format(number=c.number), label, save)
        self._open(dialog)

    def hand_over(self) -> None:
        c = self.current()
        if c is None or c.state is ComplaintState.CLOSED:
            self.state.setText(self.tr("Choose an open complaint first."))
            return
        service, operator = self.ctx.station.complaints, self.ctx.operator_id

        def save(ticket: str) -> None:
            self.ctx.runner.write(
                lambda: service.hand_over_12345(c.id, ticket, operator_id=operator),
                self._stepped,
                dialog.refused,
            )

        dialog = NoteDialog(
            self,
            self.tr("Hand {number} over to 12345").format(number=c.number),
            self.tr("12345 ticket number (工单号):"),
            save,
        )
        self._open(dialog)

    def _stepped(self, c: Complaint) -> None:
        self._close_dialog()
        self.state.setText(
            self.tr("{number}: {state}.").format(number=c.number, state=_state_name(c.state))
        )
        self.refresh()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_gone(dialog))
        dialog.open()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        window = self.window()
        if window is not None:
            QTimer.singleShot(0, window.activateWindow)
        self.table.setFocus()
