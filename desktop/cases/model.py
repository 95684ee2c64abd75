"""The case list as a Qt model: pages arrive from the reader pool as the view scrolls.

``set_filter`` starts a new generation: the rows go, the first page and the count are asked
for, and any answer of an earlier generation that arrives later is dropped (the clerk has
typed on since). ``fetchMore`` asks for the next page by keyset; one page is in flight at a
time. Names and ID numbers are masked: the screen may be seen from the queue.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.context import AppContext
from desktop.labels import CASE_SYNC, CHANNELS, label
from intake.clock import CST, local_date, now
from intake.masking import mask_id_number, mask_name
from intake.services.case_queries import CaseFilter, CaseListItem, CasePage, PageKey
from intake.status import STATUS_LABELS

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    counted = Signal(int)  # the filter's total
    page_loaded = Signal(int)  # rows now held
    failed = Signal(object)  # the exception of a query

    COLUMNS = (
        "case_number",
        "applicant",
        "id_number",
        "title",
        "status",
        "channel",
        "received",
        "due",
        "sync",
    )

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = CaseFilter()
        self.items: list[CaseListItem] = []
        self.total: int | None = None
        self.generation = 0
        self._next: PageKey | None = None
        self._exhausted = True
        self._loading = False
        self._today = local_date(now())

    # -- asking ---------------------------------------------------------------------------

    def set_filter(self, f: CaseFilter) -> None:
        """Start over with this filter: the rows go now, the first page and the count follow."""
        self.generation += 1
        self.filter = f
        self.beginResetModel()
        self.items = []
        self.total = None
        self._next = None
        self._exhausted = False
        self._loading = False
        self._today = local_date(now())
        self.endResetModel()
        generation, queries = self.generation, self.ctx.station.case_queries
        self.ctx.runner.read(
            lambda: queries.count(f),
            lambda n: self._counted(generation, n),
            lambda exc: self._failed(generation, exc),
        )
        self._fetch()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    @property
    def loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        self._loading = True
        generation, f, after = self.generation, self.filter, self._next
        queries = self.ctx.station.case_queries
        self.ctx.runner.read(
            lambda: queries.page(f, after=after, limit=PAGE_SIZE),
            lambda page: self._arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    # -- answers (UI thread) ---------------------------------------------------------------

    def _arrived(self, generation: int, page: CasePage) -> None:
        if generation != self.generation:
            return  # an answer to a filter the clerk has typed past
        self._loading = False
        self._next = page.next
        self._exhausted = page.next is None
        if page.items:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self.items.extend(page.items)
            self.endInsertRows()
        self.page_loaded.emit(len(self.items))

    def _counted(self, generation: int, total: int) -> None:
        if generation == self.generation:
            self.total = total
            self.counted.emit(total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self.generation:
            self._loading = False
            self._exhausted = True
            self.failed.emit(exc)

    # -- the model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("Case number"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Matter"),
            self.tr("Status"),
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Promised by"),
            self.tr("Sync"),
        ][section]

    def item(self, row: int) -> CaseListItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.case_number
        if role == Qt.ItemDataRole.ForegroundRole and column == "due" and self._overdue(item):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "due" and item.special_procedure:
            return self.tr("Clock paused (暂停计时)")
        return None

    def _overdue(self, item: CaseListItem) -> bool:
        return item.overdue(self._today)

    def _text(self, item: CaseListItem, column: str) -> str:
        if column == "case_number":
            return item.case_number
        if column == "applicant":
            return mask_name(item.applicant_name)
        if column == "id_number":
            return mask_id_number(item.applicant_id_number)
        if column == "title":
            return item.title
        if column == "status":
            return STATUS_LABELS[item.status]
        if column == "channel":
            return label(CHANNELS, item.channel)
        if column == "received":
            return item.received_at.astimezone(CST).strftime("%Y-%m-%d %H:%M")
        if column == "due":
            return self._due_text(item.promised_due, item)
        return label(CASE_SYNC, item.sync_state)

    def _due_text(self, due: date | None, item: CaseListItem) -> str:
        if due is None:
            return "—"
        text = due.isoformat()
        if item.special_procedure:
            return self.tr("{date} (paused)").format(date=text)
        if self._overdue(item):
            return self.tr("{date} overdue").format(date=text)
        return text
