"""差评整改: the supervisor's list of low ratings with their 15-working-day clock, and the
steps each one takes: what was done (整改), the call-back (回访) and an appeal (申诉) for a
mistaken rating with its outcome. Red once the due date has passed, amber when 3 working
days or fewer are left (``intake.services.rectifications`` decides which).

Keys: Ctrl+Shift+G record the rectification, Ctrl+Shift+B the call-back, Ctrl+Shift+A an
appeal, Ctrl+Shift+J the appeal's outcome, Ctrl+R refresh, Enter opens the case; in a
dialog Enter saves and Esc goes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from desktop.complaints.page import MARK_COLOURS, NoteDialog
from desktop.context import AppContext
from desktop.messages import for_exception, message
from intake.clock import CST, local_date
from intake.evaluation import LEVELS, LOW_REASONS
from intake.services.complaints import Mark
from intake.services.rectifications import DONE, Rectification, RectificationState
from intake.workdays import WorkCalendar

CTX = "RectificationsPage"
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]
STATE_NAMES = {
    RectificationState.OPEN: QT_TRANSLATE_NOOP("RectificationsPage", "To rectify"),
    RectificationState.RECTIFIED: QT_TRANSLATE_NOOP(
        "RectificationsPage", "Rectified, to call back"
    ),
    RectificationState.APPEALING: QT_TRANSLATE_NOOP("RectificationsPage", "Appeal pending"),
    RectificationState.CLOSED: QT_TRANSLATE_NOOP("RectificationsPage", "Called back, closed"),
    RectificationState.WITHDRAWN: QT_TRANSLATE_NOOP("RectificationsPage", "Withdrawn on appeal"),
}
COLUMNS = 9
WHAT_COLUMN = 6


def _state_name(state: RectificationState) -> str:
    return QCoreApplication.translate(CTX, STATE_NAMES[state])


def _day(at: dt.datetime | None) -> str:
    return at.astimezone(CST).strftime("%Y-%m-%d") if at else ""


class ChoiceDialog(QDialog):
    """A choice (reached or not; upheld or rejected) and a line of text."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        choice_label: str,
        choices: list[tuple[str, bool]],
        note_label: str,
        on_save: Callable[[bool, str], None],
        *,
        preselect: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._on_save = on_save
        self.choice = QComboBox()
        for text, value in choices:
            self.choice.addItem(text, value)
        if not preselect:  # an outcome is told, never assumed
            self.choice.setCurrentIndex(-1)
            self.choice.setPlaceholderText(self.tr("Choose…"))
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(choice_label, self.choice)
        form.addRow(note_label, self.note)
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
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _save(self) -> None:
        value = self.choice.currentData()
        if value is None:
            self.problems.setText(message("rectification.outcome_missing"))
            return
        self._on_save(bool(value), self.note.text())

    def refused(self, exc: BaseException) -> None:
        self.problems.setText(for_exception(exc))


class RectificationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[Rectification] = []
        self.dialog: QDialog | None = None
        self._backfilled = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.rectify_button = QPushButton(self.tr("Rectification (Ctrl+Shift+G)"))
        self.callback_button = QPushButton(self.tr("Call-back (Ctrl+Shift+B)"))
        self.appeal_button = QPushButton(self.tr("Appeal (Ctrl+Shift+A)"))
        self.outcome_button = QPushButton(self.tr("Appeal outcome (Ctrl+Shift+J)"))
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        for w in (
            self.rectify_button,
            self.callback_button,
            self.appeal_button,
            self.outcome_button,
            self.open_only,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.rule = QLabel(
            self.tr(
                "Every 不满意 / 非常不满意 rating is rectified and called back within 15 working "
                "days of the rating. Red: past the date. Amber: 3 working days or fewer left. "
                "Enter opens the case."
            )
        )
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555;")
        layout.addWidget(self.rule)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Department"),
                self.tr("Rating"),
                self.tr("Rated on"),
                self.tr("The citizen's reasons"),
                self.tr("State"),
                self.tr("What was done"),
                self.tr("Call-back"),
                self.tr("Due (working days left)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(lambda _i: self.open_case())
        layout.addWidget(self.table, 1)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.state = QLabel("")
        layout.addWidget(self.state)
        self.table.itemSelectionChanged.connect(self._show_detail)

        self.rectify_button.clicked.connect(self.rectify)
        self.callback_button.clicked.connect(self.call_back)
        self.appeal_button.clicked.connect(self.appeal)
        self.outcome_button.clicked.connect(self.decide_appeal)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        for keys, slot in (
            ("Ctrl+Shift+G", self.rectify),
            ("Ctrl+Shift+B", self.call_back),
            ("Ctrl+Shift+A", self.appeal),
            ("Ctrl+Shift+J", self.decide_appeal),
            ("Ctrl+R", self.refresh),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
        self.refresh()

    # -- the list -----------------------------------------------------------------------------

    def page_shown(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        if self.ctx.runner.closed:
            return
        service = self.ctx.station.rectifications
        if not self._backfilled:  # 差评 recorded before the table existed: opened once
            self._backfilled = True
            self.ctx.runner.write(service.open_missing, lambda _n: self.refresh(), self._failed)
            return
        open_only = self.open_only.isChecked()

        def work() -> tuple[list[Rectification], WorkCalendar, dt.datetime]:
            return service.list(open_only=open_only), service.calendar(), service.now()

        self.ctx.runner.read(work, self._show, self._failed)

    def _show(self, answer: tuple[list[Rectification], WorkCalendar, dt.datetime]) -> None:
        items, calendar, at = answer
        selected = self.current()
        self.items = items
        self.table.setRowCount(len(items))
        today = local_date(at)
        for row, r in enumerate(items):
            mark = r.mark(at, calendar)
            due = r.due.isoformat()
            if r.state not in DONE:
                left = r.working_days_left(today, calendar)
                due += "  " + (
                    self.tr("({n} wd left)").format(n=left)
                    if left >= 0
                    else self.tr("({n} wd overdue)").format(n=-left)
                )
            reasons = "、".join(LOW_REASONS.get(code, code) for code in r.reasons)
            cells = (
                r.case_number,
                r.department,
                LEVELS.get(r.level, str(r.level)),
                _day(r.rated_at),
                "；".join(x for x in (reasons, r.comment) if x),
                _state_name(r.state),
                r.rectification,
                self._callback_text(r),
                due,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if mark in MARK_COLOURS:
                    item.setBackground(QBrush(QColor(MARK_COLOURS[mark])))
                item.setData(Qt.ItemDataRole.UserRole, mark.value)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in (4, WHAT_COLUMN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 240))
        keep = next((i for i, r in enumerate(items) if selected and r.id == selected.id), 0)
        if items:
            self.table.selectRow(keep)
        red = sum(1 for r in items if r.mark(at, calendar) is Mark.RED)
        amber = sum(1 for r in items if r.mark(at, calendar) is Mark.AMBER)
        self.state.setText(
            self.tr("{n} ratings shown: {red} past the date, {amber} due soon.").format(
                n=len(items), red=red, amber=amber
            )
        )
        self._show_detail()

    def _callback_text(self, r: Rectification) -> str:
        if r.callback_at is None:
            return ""
        if r.callback_reached:
            return self.tr("Reached: {view}").format(view=r.callback_view)
        return self.tr("Not reached ({n} tries)").format(n=r.callback_attempts)

    def _show_detail(self) -> None:
        r = self.current()
        if r is None:
            self.detail.setText("")
            return
        lines = []
        if r.appeal_at is not None:
            outcome = {
                "upheld": self.tr("upheld"),
                "rejected": self.tr("rejected"),
            }.get(r.appeal_outcome, self.tr("pending"))
            lines.append(
                self.tr("Appeal of {day}: {reason} — {outcome}").format(
                    day=_day(r.appeal_at), reason=r.appeal_reason, outcome=outcome
                )
                + (f"（{r.appeal_note}）" if r.appeal_note else "")
            )
        if r.callback_at is not None and not r.callback_reached and r.callback_view:
            lines.append(self.tr("Last call-back: {note}").format(note=r.callback_view))
        self.detail.setText("\n".join(lines))

    def current(self) -> Rectification | None:
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

    def open_case(self) -> None:
        r = self.current()
        if r is not None:
            self.ctx.open_case(r.case_number)

    # -- commands -----------------------------------------------------------------------------

    def _chosen(self, states: set[RectificationState]) -> Rectification | None:
        r = self.current()
        if r is None or r.state not in states:
            self.state.setText(self.tr("Choose a rating at the right step first."))
            return None
        return r

    def rectify(self) -> None:
        r = self._chosen({RectificationState.OPEN})
        if r is None:
            return
        service, by = self.ctx.station.rectifications, self.ctx.operator_id

        def save(what: str) -> None:
            self.ctx.runner.write(
                lambda: service.rectify(r.id, what, by=by), self._stepped, dialog.refused
            )

        dialog = NoteDialog(
            self,
            self.tr("Rectification of {number}").format(number=r.case_number),
            self.tr("What was done (整改措施):"),
            save,
        )
        self._open(dialog)
        dialog.note.setFocus()

    def call_back(self) -> None:
        r = self._chosen({RectificationState.RECTIFIED})
        if r is None:
            return
        service, by = self.ctx.station.rectifications, self.ctx.operator_id

        def save(reached: bool, view: str) -> None:
            self.ctx.runner.write(
                lambda: service.call_back(r.id, reached=reached, view=view, by=by),
                self._stepped,
                dialog.refused,
            )

        dialog = ChoiceDialog(
            self,
            self.tr("Call-back of {number}").format(number=r.case_number),
            self.tr("Citizen reached:"),
            [(self.tr("Reached"), True), (self.tr("Not reached"), False)],
            self.tr("The citizen's view (or what happened):"),
            save,
        )
        self._open(dialog)
        dialog.note.setFocus()

    def appeal(self) -> None:
        r = self._chosen({RectificationState.OPEN, RectificationState.RECTIFIED})
        if r is None:
            return
        service, by = self.ctx.station.rectifications, self.ctx.operator_id

        def save(reason: str) -> None:
            self.ctx.runner.write(
                lambda: service.appeal(r.id, reason, by=by), self._stepped, dialog.refused
            )

        dialog = NoteDialog(
            self,
            self.tr("Appeal against the rating of {number}").format(number=r.case_number),
            self.tr("Why the rating was given by mistake (申诉理由):"),
            save,
        )
        self._open(dialog)
        dialog.note.setFocus()

    def decide_appeal(self) -> None:
        r = self._chosen({RectificationState.APPEALING})
        if r is None:
            return
        service, by = self.ctx.station.rectifications, self.ctx.operator_id

        def save(upheld: bool, note: str) -> None:
            self.ctx.runner.write(
                lambda: service.decide_appeal(r.id, upheld=upheld, note=note, by=by),
                self._stepped,
                dialog.refused,
            )

        dialog = ChoiceDialog(
            self,
            self.tr("Appeal outcome for {number}").format(number=r.case_number),
            self.tr("Outcome:"),
            [(self.tr("Upheld (rating withdrawn)"), True), (self.tr("Rejected"), False)],
            self.tr("As the reviewer decided:"),
            save,
            preselect=False,
        )
        self._open(dialog)
        dialog.choice.setFocus()

    def _stepped(self, r: Rectification) -> None:
        self._close_dialog()
        self.state.setText(
            self.tr("{number}: {state}.").format(number=r.case_number, state=_state_name(r.state))
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
