"""The audit log (supervisors only): a lazily loaded table, newest first, filtered by
operator, action, case and date on the reader pool; and "verify chain" on a background
thread with progress and a cancel, saying whether any row was altered or removed and from
which row.

Keys: Enter in a filter applies it, Ctrl+Shift+V verifies, Esc cancels a verification.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from desktop.supervisor.words import action_name, detail_text
from intake.services.audit import AuditFilter, AuditLine, AuditVerdict, Break
from intake.services.audit_anchor import AnchorState

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Rows arrive a page at a time as the view scrolls (``canFetchMore`` / ``fetchMore``);
    each page is one keyset query on the reader pool, never on the UI thread."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.lines: list[AuditLine] = []
        self.where = AuditFilter()
        self._more = True
        self._loading = False
        self._generation = 0
        self.on_error: Any = None
        self.headers = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("Operator"),
            self.tr("Action"),
            self.tr("Case"),
            self.tr("Detail"),
        ]

    def reset_to(self, where: AuditFilter) -> None:
        self.beginResetModel()
        self.lines, self.where, self._more, self._loading = [], where, True, False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())

    @property
    def loading(self) -> bool:
        return self._loading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if column == 0:
            return str(line.seq)
        if column == 1:
            return line.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 2:
            return (
                f"{line.operator_name}（{line.operator_id}）"
                if line.operator_name
                else (line.operator_id)
            )
        if column == 3:
            return action_name(line.action)
        if column == 4:
            return line.case_number or ""
        return detail_text(line.action, line.detail)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self._loading:
            return
        self._loading = True
        before = self.lines[-1].seq if self.lines else None
        where, generation, audit = self.where, self._generation, self.ctx.station.audit

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._loading, self._more = False, False
                if self.on_error is not None:
                    self.on_error(exc)

        self.ctx.runner.read(
            lambda: audit.search(where, before_seq=before, limit=PAGE),
            lambda page: self._arrived(generation, page),
            failed,
        )

    def _arrived(self, generation: int, page: list[AuditLine]) -> None:
        if generation != self._generation:  # a newer filter replaced this one
            return
        self._loading = False
        self._more = len(page) == PAGE
        if page:
            first = len(self.lines)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.lines.extend(page)
            self.endInsertRows()
        self.layoutChanged.emit()


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel(ctx)
        self._cancel: threading.Event | None = None
        self.verdict: AuditVerdict | None = None
        self.operator = QComboBox()
        self.operator.setObjectName("auditOperator")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.case = QLineEdit()
        self.case.setObjectName("auditCase")
        self.case.setPlaceholderText(self.tr("case number"))
        self.since, self.until = self._date(), self._date()
        self.apply_button = QPushButton(self.tr("Filter (Enter)"))
        self.apply_button.clicked.connect(self.apply)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Operator"), self.operator),
            (self.tr("Action"), self.action),
            (self.tr("Case"), self.case),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        ):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 150, 150, 170, 200)):
            self.table.setColumnWidth(column, width)
        self.verify_button = QPushButton(self.tr("Verify chain (Ctrl+Shift+V)"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("auditVerdict")
        self.verdict_label.setWordWrap(True)
        self.message = QLabel()
        self.model.on_error = lambda exc: self.message.setText(for_exception(exc))
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.cancel_button)
        verify_row.addWidget(self.progress, 1)
        verify_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(verify_row)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.message)
        for keys, slot in (("Ctrl+Shift+V", self.verify), ("Esc", self.cancel)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.case.returnPressed.connect(self.apply)
        self._load_choices()
        self.apply()

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any"))  # shown at the minimum: no bound
        edit.setDate(edit.minimumDate())
        return edit

    def page_shown(self) -> None:
        self._load_choices()
        self.apply()

    def _load_choices(self) -> None:
        station = self.ctx.station

        def work() -> tuple[list[Any], list[str]]:
            return station.operators.list(), station.audit.actions()

        self.ctx.runner.read(work, self._choices)

    def _choices(self, found: tuple[list[Any], list[str]]) -> None:
        operators, actions = found
        for box, items in (
            (self.operator, [(f"{o.name}（{o.id}）", o.id) for o in operators]),
            (self.action, [(action_name(a), a) for a in actions]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), None)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _bound(self, edit: QDateEdit) -> Any:
        if edit.date() == edit.minimumDate():
            return None
        return edit.date().toPython()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            operator_id=self.operator.currentData(),
            action=self.action.currentData(),
            case_ref=self.case.text().strip() or None,
            since=self._bound(self.since),
            until=self._bound(self.until),
        )

    def apply(self) -> None:
        self.message.clear()
        self.model.reset_to(self.current_filter())

    # -- verification ---------------------------------------------------------------------

    def verify(self) -> None:
        if self._cancel is not None:
            return
        cancel = threading.Event()
        self._cancel = cancel
        self.verify_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.verdict_label.setText(self.tr("Verifying the audit chain…"))
        self.verdict_label.setStyleSheet("")
        audit, bridge = self.ctx.station.audit, self.ctx.bridge

        def progress(done: int, total: int) -> None:
            bridge.post(lambda: self._progress(done, total))

        self.ctx.runner.background(
            lambda: audit.verify(progress, cancel.is_set), self._verified, self._failed
        )

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel is None:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} of {total} rows").format(done=done, total=total))

    def _finish(self) -> None:
        self._cancel = None
        self.verify_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.verdict_label.setText(for_exception(exc))

    def _verified(self, verdict: AuditVerdict) -> None:
        self._finish()
        self.verdict = verdict
        if verdict.cancelled:
            text = self.tr("Verification cancelled after {n} rows: nothing wrong so far.").format(
                n=verdict.rows
            )
            self.verdict_label.setStyleSheet("")
        elif verdict.ok:
            text = self.tr("The chain is intact: all {n} rows match.").format(n=verdict.rows)
            if verdict.anchor is AnchorState.MISSING:
                text += " " + self.tr(
                    "There is no anchor yet, so removal of the newest rows cannot be ruled out."
                )
            self.verdict_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            if verdict.problem is Break.TRUNCATED:
                text = self.tr(
                    "The chain is broken: the newest {n} rows were removed (rows after row "
                    "{seq} are missing)."
                ).format(n=verdict.removed, seq=verdict.last_seq)
            elif verdict.problem is Break.REWRITTEN:
                text = self.tr(
                    "The chain is broken: row {seq} is not the row the anchor recorded; the "
                    "newest rows were removed and replaced."
                ).format(seq=verdict.first_bad_seq)
            elif verdict.problem is Break.ANCHOR_FORGED:
                text = self.tr(
                    "The audit anchor was not written by this station: it was altered or "
                    "replaced, so the newest rows cannot be trusted."
                )
            elif verdict.problem is Break.REMOVED:
                text = self.tr(
                    "The chain is broken: rows {first} to {last} were removed. Rows from {seq} on "
                    "cannot be trusted."
                ).format(
                    first=verdict.missing_from,
                    last=(verdict.first_bad_seq or 1) - 1,
                    seq=verdict.first_bad_seq,
                )
            elif verdict.problem is Break.RELINKED:
                text = self.tr(
                    "The chain is broken: the row before row {seq} was altered. Rows from there "
                    "on cannot be trusted."
                ).format(seq=verdict.first_bad_seq)
            else:
                text = self.tr(
                    "The chain is broken: row {seq} was altered. Rows from {seq} on cannot be "
                    "trusted."
                ).format(seq=verdict.first_bad_seq)
            self.verdict_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.verdict_label.setText(text)
        if not verdict.cancelled:
            self._record(verdict)

    def _record(self, verdict: AuditVerdict) -> None:
        """Who verified, and what they found, is itself an audit row."""
        audit, by = self.ctx.station.audit, self.ctx.operator_id
        if verdict.ok:
            detail = f"ok {verdict.rows}"
        else:
            problem = verdict.problem.value if verdict.problem else "?"
            detail = f"{problem} {verdict.first_bad_seq}"
        self.ctx.runner.write(lambda: audit.record(by, "audit.verify", None, detail))
