"""The "cases" page: the case list with its filters, and the detail of one case.

Keys: Ctrl+2 comes here with the search box focused; typing searches (a short pause after
the last key); Down moves into the list; Enter opens the case; Esc goes back to the list;
Ctrl+P reprints the open case's notice (the window's action asks ``current_case``).
Every query runs on the reader pool; opening a case runs on the writer, because opening is
an audited view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.camera import CameraDialog, camera_available
from desktop.cases.detail import CaseDetailView
from desktop.cases.model import CaseListModel
from desktop.context import AppContext
from desktop.labels import CASE_SYNC, CHANNELS, label
from desktop.messages import for_exception
from intake.changes import Changes
from intake.services.case_queries import SYNC_STATES, CaseDetail, CaseFilter
from intake.services.operators import Operator
from intake.status import STATUS_LABELS, Status
from intake.views import Channel

DEBOUNCE_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the date edits' "any" value


class CasesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseListModel(ctx, self)
        self.detail_view = CaseDetailView()
        self.open_detail: CaseDetail | None = None
        self._opening: str | None = None
        self._dirty = False
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model.counted.connect(self._show_count)
        self.model.page_loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        ctx.listeners.append(self._changed)
        ctx.runner.read(ctx.station.operators.list, self._operators)
        camera_file = ctx.options.camera_file
        ctx.runner.background(lambda: camera_available(camera_file), self._camera_found)
        self.apply_filter()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("case-search")
        self.search.setPlaceholderText(
            self.tr("ID number, case number, name, pinyin or phone — Down goes to the list")
        )
        self.search.setClearButtonEnabled(True)
        self.status_box = self._combo(
            [(None, self.tr("Any status"))] + [(s, STATUS_LABELS[s]) for s in Status]
        )
        self.channel_box = self._combo(
            [(None, self.tr("Any channel"))] + [(c, label(CHANNELS, c.value)) for c in Channel]
        )
        self.operator_box = self._combo([(None, self.tr("Any operator"))])
        self.sync_box = self._combo(
            [(None, self.tr("Any sync state"))] + [(s, label(CASE_SYNC, s)) for s in SYNC_STATES]
        )
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.not_printed = QCheckBox(self.tr("Notice not printed"))
        self.awaiting_rating = QCheckBox(self.tr("Awaiting rating"))
        for box in (self.not_printed, self.awaiting_rating):
            box.toggled.connect(lambda _on: self.apply_filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("case-count")
        self.table = QTableView()
        self.table.setObjectName("case-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((180, 70, 145, 240, 70, 115, 125, 130, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)
        self.detail_view.installEventFilter(self)

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(self.status_box)
        first.addWidget(self.channel_box)
        first.addWidget(self.operator_box)
        first.addWidget(self.sync_box)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Received from")))
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.date_to)
        second.addWidget(self.not_printed)
        second.addWidget(self.awaiting_rating)
        second.addStretch(1)
        second.addWidget(self.count_label)
        list_panel = QWidget()
        rows = QVBoxLayout(list_panel)
        rows.setContentsMargins(6, 6, 6, 6)
        rows.addLayout(first)
        rows.addLayout(second)
        rows.addWidget(self.table, 1)
        self.list_hint = QLabel(
            self.tr("Enter opens the case · Ctrl+F finds a case from anywhere · Ctrl+P reprints")
        )
        rows.addWidget(self.list_hint)

        detail_panel = QWidget()
        detail_column = QVBoxLayout(detail_panel)
        detail_column.setContentsMargins(6, 6, 6, 6)
        self.detail_hint = QLabel(
            self.tr("Esc goes back to the list · Ctrl+P reprints this case's notice")
        )
        self.scan_button = QPushButton(self.tr("Scan a material (高拍仪, Ctrl+Shift+C)"))
        self.scan_button.setVisible(False)  # shown once a camera (or a file source) is found
        self.scan_button.clicked.connect(self.scan_material)
        self.scan_key = QShortcut(QKeySequence("Ctrl+Shift+C"), detail_panel)
        self.scan_key.setEnabled(False)
        self.scan_key.activated.connect(self.scan_material)
        self.camera_dialog: QDialog | None = None
        detail_column.addWidget(self.detail_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail_hint, 1)
        bottom.addWidget(self.scan_button)
        detail_column.addLayout(bottom)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_panel)
        self.stack.addWidget(detail_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setFocusProxy(self.search)

    def _combo(self, entries: list[tuple[object, str]]) -> QComboBox:
        box = QComboBox()
        for value, text in entries:
            box.addItem(text, value)
        box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        return box

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _d: self.apply_filter())
        return edit

    def _camera_found(self, available: bool) -> None:
        """With no camera the action is not offered at all (hidden, its key disabled)."""
        self.scan_button.setVisible(available)
        self.scan_key.setEnabled(available)

    def scan_material(self) -> None:
        if self.open_detail is None or not self.scan_key.isEnabled():
            return
        dialog = CameraDialog(
            self.ctx, self.open_detail.case, self.ctx.options.camera_file, self.window()
        )
        dialog.finished.connect(lambda _r: self.detail_view.setFocus())
        self.camera_dialog = dialog
        dialog.open()

    def _operators(self, operators: list[Operator]) -> None:
        for op in operators:
            self.operator_box.addItem(f"{op.name}（{op.id}）", op.id)

    # -- the filter -----------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        status, channel = self.status_box.currentData(), self.channel_box.currentData()
        return CaseFilter(  # a combo box hands an enum back as its plain string
            text=self.search.text().strip(),
            status=Status(status) if status else None,
            channel=Channel(channel) if channel else None,
            operator_id=self.operator_box.currentData(),
            sync_state=self.sync_box.currentData(),
            received_from=day(self.date_from),
            received_to=day(self.date_to),
            notice_not_printed=self.not_printed.isChecked(),
            awaiting_rating=self.awaiting_rating.isChecked(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.count_label.setText(self.tr("Searching…"))
        self.model.set_filter(self.current_filter())

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} case(s)").format(n=f"{total:,}"))

    def _loaded(self, rows: int) -> None:
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self.model.total is None:
            self.count_label.setText(self.tr("Counting…"))

    def _failed(self, exc: BaseException) -> None:
        self.count_label.setText(for_exception(exc))

    # -- the page's life ------------------------------------------------------------------

    def page_shown(self) -> None:
        if self._dirty:
            self._dirty = False
            self.model.refresh()
        if self.stack.currentIndex() == 0:
            self.search.setFocus()
            self.search.selectAll()

    def _changed(self, changes: Changes) -> None:
        if not (changes.cases or changes.print_jobs):
            return
        self._dirty = True
        if self.isVisible() and self.stack.currentIndex() == 0:
            self._dirty = False
            self.model.refresh()
        shown = self.open_detail
        if shown is not None and (
            shown.case.case_number in changes.cases or shown.case.id in changes.cases
        ):
            self._refresh_detail(shown.case.id)

    # -- the detail -----------------------------------------------------------------------

    def open_case(self, case_ref: str, *, via: str = "desktop") -> None:
        """Open a case by id or number: an audited view, read on the writer."""
        ctx, queries = self.ctx, self.ctx.station.case_queries
        operator, catalog = ctx.operator_id, ctx.catalog
        self._opening = case_ref
        self.count_label.setText(self.tr("Opening {ref}…").format(ref=case_ref))
        ctx.runner.write(
            lambda: queries.open(case_ref, operator=operator, via=via, catalog=catalog),
            self._opened,
            self._open_failed,
        )

    def current_case(self) -> str | None:
        """The case number the detail shows, or the list's current row (for Ctrl+P)."""
        if self.stack.currentIndex() == 1 and self.open_detail is not None:
            return self.open_detail.case.case_number
        item = self.model.item(self.table.currentIndex().row())
        return item.case_number if item else None

    def back_to_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.open_detail = None
        if self._dirty:
            self._dirty = False
            self.model.refresh()
        self.table.setFocus()

    def _opened(self, detail: CaseDetail) -> None:
        self._opening = None
        self.open_detail = detail
        self.detail_view.show_detail(detail)
        self.stack.setCurrentIndex(1)
        self.detail_view.setFocus()
        if self.model.total is not None:
            self._show_count(self.model.total)

    def _open_failed(self, exc: BaseException) -> None:
        self._opening = None
        self.count_label.setText(for_exception(exc))

    def _refresh_detail(self, case_id: str) -> None:
        queries, catalog = self.ctx.station.case_queries, self.ctx.catalog

        def show(detail: CaseDetail) -> None:
            if self.open_detail is not None and self.open_detail.case.id == detail.case.id:
                self.open_detail = detail
                self.detail_view.show_detail(detail)

        self.ctx.runner.read(lambda: queries.detail(case_id, catalog=catalog), show)

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.open_case(item.case_number)

    # -- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._debounce.isActive():
                self.apply_filter()
            if key == Qt.Key.Key_Down:
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.model.rowCount():
                    self.table.setCurrentIndex(self.model.index(0, 0))
            elif self.model.rowCount() == 1:
                self._activated(self.model.index(0, 0))
            return True
        if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.table.currentIndex()
            if index.isValid():
                self._activated(index)
            return True
        if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.search.setFocus()
            return True
        if watched is self.detail_view and key == Qt.Key.Key_Escape:
            self.back_to_list()
            return True
        return False
