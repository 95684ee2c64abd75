"""Ctrl+F: find a case by case number, ID number, name, pinyin or phone; Enter opens its
detail (``ctx.open_case``), Ctrl+P reprints its notice. The list masks names and ID numbers
(a public screen may be seen by the queue); searching runs on the reader pool."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from intake.masking import mask_id_number, mask_name
from intake.status import STATUS_LABELS
from intake.views import CaseSummary


class CaseSearchDialog(QDialog):
    reprint = Signal(str)  # case number

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Find a case"))
        self.resize(900, 480)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("case number, ID number, name, pinyin or phone — Enter searches")
        )
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Applicant"),
                self.tr("ID number"),
                self.tr("Matter"),
                self.tr("Status"),
                self.tr("Received"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self.tr("Enter opens the case; Ctrl+P reprints its notice; Esc closes."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.query.returnPressed.connect(self.refresh)
        reprint = QShortcut(QKeySequence("Ctrl+P"), self)
        reprint.activated.connect(self._reprint)
        self.table.itemActivated.connect(lambda _i: self._open())

    def refresh(self) -> None:
        text = self.query.text().strip()
        station = self.ctx.station
        if text:
            self.ctx.runner.read(lambda: station.cases.search(text, limit=100), self._show)
        else:
            self.ctx.runner.read(lambda: station.cases.list(limit=100), self._show)

    def _show(self, rows: list[CaseSummary]) -> None:
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            values = [
                c.case_number,
                mask_name(c.applicant_name),
                mask_id_number(c.applicant_id_number),
                c.title,
                STATUS_LABELS[c.status],
                c.received_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, c.case_number)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self.hint.setText(
            self.tr(
                "{n} case(s). Enter opens the case; Ctrl+P reprints its notice; Esc closes."
            ).format(n=len(rows))
        )

    def _open(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            number = item.data(Qt.ItemDataRole.UserRole)
            self.close()
            window = self.parentWidget()
            if window is not None:
                window.activateWindow()  # its shortcuts (Esc, Ctrl+P) work on the detail
            self.ctx.open_case(number)

    def _reprint(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.reprint.emit(item.data(Qt.ItemDataRole.UserRole))
