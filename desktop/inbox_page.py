"""The inbox page: what arrived from the platform since the operator last looked —
department decisions, 补正 requests, catalog and calendar updates, notices to the station,
operator list changes. Unseen items are bold; Enter (or a double click) opens the case.

Showing the page marks everything shown as seen for this operator (the core keeps the mark
per operator); items arriving while it is open come in bold (``Changes.inbox``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.labels import INBOX_KINDS, label
from desktop.widgets.tables import fit_columns
from intake.changes import Changes
from intake.services.inbox import InboxItem


class InboxPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[InboxItem] = []
        self.loaded = 0
        self._unseen_upto: int | None = None  # the newest unseen item shown, until seen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.header = QLabel()
        self.header.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("inbox-table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Arrived"), self.tr("Kind"), self.tr("Case number"), self.tr("What")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.hint = QLabel(self.tr("Enter: open the case · Ctrl+R: reload · bold: new to you"))
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        reload = QShortcut(QKeySequence("Ctrl+R"), self)
        reload.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload.activated.connect(self.reload)
        ctx.listeners.append(self._changed)
        self.reload()

    def page_shown(self) -> None:
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        inbox, operator = self.ctx.station.inbox, self.ctx.operator_id
        self.ctx.runner.read(lambda: inbox.items(operator), self._show)

    def _changed(self, changes: Changes) -> None:
        if changes.inbox:
            self.reload()

    def _show(self, items: list[InboxItem]) -> None:
        assert_ui_thread()
        self.items = items
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            values = [
                item.at.astimezone().strftime("%m-%d %H:%M"),
                label(INBOX_KINDS, item.kind.value),
                item.case_number,
                item.summary,
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if item.unseen:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, col, cell)
        if items and self.table.currentRow() < 0:
            self.table.selectRow(0)
        unseen = sum(1 for i in items if i.unseen)
        self.header.setText(
            self.tr("{n} new since you last looked · {total} in all").format(
                n=unseen, total=len(items)
            )
        )
        self.loaded += 1
        self._unseen_upto = items[0].seq if unseen else None
        if self.isVisible():
            self._mark_seen()

    def showEvent(self, event: QShowEvent) -> None:
        """Items loaded while the page was behind another count as seen once it is shown."""
        super().showEvent(event)
        self._mark_seen()

    def _mark_seen(self) -> None:
        upto, self._unseen_upto = self._unseen_upto, None
        if upto is not None:
            inbox, operator = self.ctx.station.inbox, self.ctx.operator_id
            self.ctx.runner.write(lambda: inbox.mark_seen(operator, upto))

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items) and self.items[row].case_number:
            self.ctx.open_case(self.items[row].case_number)
