"""The follow-ups page: the lists a clerk works through after intake, each with its count —
补正 waiting, 容缺 due and overdue, 告知承诺 核查 due, results ready to deliver, and the cases
an applicant may still withdraw. Enter on a row opens its act; Ctrl+O opens the case.

Keys: Alt+1 … Alt+5 go to a list, Enter acts on the row, Ctrl+O opens the case, Ctrl+R
reloads; in the 撤件 list's search field, Enter searches (case number, ID number, name …).
Lists load on the reader pool; every recorded act refreshes them through ``ctx.changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.followups import ops
from desktop.followups.dialogs import (
    ActDialog,
    DeferredDialog,
    DeliverDialog,
    SupplementDialog,
    VerificationDialog,
    WithdrawDialog,
)
from desktop.messages import for_exception
from desktop.ops import Printed
from desktop.widgets.tables import fit_columns
from intake.changes import Changes
from intake.masking import mask_name
from intake.services.followups import DeferredDue, VerificationDue
from intake.status import STATUS_LABELS
from intake.views import CaseSummary, CaseView

ROLE = Qt.ItemDataRole.UserRole


@dataclass
class _List:
    key: str
    box: QGroupBox
    table: QTableWidget
    title: str  # translated, without the count
    rows: list[Any]


class FollowupsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ActDialog | None = None
        self._acting: str | None = None  # the list whose act is open
        self.loaded = 0  # how many times the lists came back (tests wait on it)
        self.lists: dict[str, _List] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        specs = [
            (
                "supplement",
                self.tr("补正 waiting"),
                [
                    self.tr("Case number"),
                    self.tr("Applicant"),
                    self.tr("Matter"),
                    self.tr("Received"),
                ],
            ),
            (
                "deferred",
                self.tr("容缺 promises due and overdue"),
                [
                    self.tr("Case number"),
                    self.tr("Applicant"),
                    self.tr("Material"),
                    self.tr("Promised by"),
                ],
            ),
            (
                "verify",
                self.tr("告知承诺 verifications due"),
                [
                    self.tr("Case number"),
                    self.tr("Applicant"),
                    self.tr("Material"),
                    self.tr("Verify by"),
                ],
            ),
            (
                "deliver",
                self.tr("Ready to deliver (办结)"),
                [
                    self.tr("Case number"),
                    self.tr("Applicant"),
                    self.tr("Matter"),
                    self.tr("Received"),
                ],
            ),
            (
                "withdraw",
                self.tr("Withdraw on request (撤件)"),
                [
                    self.tr("Case number"),
                    self.tr("Applicant"),
                    self.tr("Matter"),
                    self.tr("Status"),
                ],
            ),
        ]
        places = {
            "supplement": (0, 0),
            "deferred": (1, 0),
            "verify": (2, 0),
            "deliver": (0, 1),
            "withdraw": (1, 1, 2, 1),
        }
        for number, (key, title, headers) in enumerate(specs, start=1):
            box = QGroupBox()
            box.setObjectName(f"followups-{key}")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            if key == "withdraw":
                self.query = QLineEdit()
                self.query.setObjectName("followups-withdraw-query")
                self.query.setPlaceholderText(
                    self.tr("case number, ID number, name or phone — Enter searches")
                )
                self.query.returnPressed.connect(self.reload)
                inner.addWidget(self.query)
            table = QTableWidget(0, len(headers))
            table.setObjectName(f"followups-{key}-table")
            table.setHorizontalHeaderLabels(headers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            fit_columns(table)
            table.activated.connect(lambda _i, k=key: self.act(k))
            inner.addWidget(table)
            place = places[key]
            grid.addWidget(box, *place)
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda k=key: self.focus_list(k))
            self.lists[key] = _List(key, box, table, title, [])
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.hint = QLabel(
            self.tr(
                "Alt+1…Alt+5: go to a list · Enter: act on the row · Ctrl+O: open the case · "
                "Ctrl+R: reload"
            )
        )
        self.hint.setStyleSheet("color: #555;")
        grid.addWidget(self.hint, 3, 0, 1, 2)
        for keys, slot in (("Ctrl+O", self.open_selected), ("Ctrl+R", self.reload)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        for lst in self.lists.values():
            self._set_title(lst)
        ctx.listeners.append(self._changed)
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def page_shown(self) -> None:
        self.reload()
        if not any(lst.table.hasFocus() for lst in self.lists.values()):
            self.focus_first()

    def reload(self) -> None:
        ops.load_lists(self.ctx, self.query.text(), self._show)

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.inbox:
            self.reload()

    def _show(self, lists: ops.Lists) -> None:
        assert_ui_thread()
        self._fill("supplement", list(lists.supplement), self._case_cells)
        self._fill("deferred", list(lists.deferred), self._deferred_cells)
        self._fill("verify", list(lists.verifications), self._verify_cells)
        self._fill("deliver", list(lists.deliver), self._case_cells)
        self._fill("withdraw", list(lists.withdrawable), self._status_cells)
        self.loaded += 1

    def _fill(self, key: str, rows: list[Any], cells: Callable[[Any], list[str]]) -> None:
        lst = self.lists[key]
        table = lst.table
        current = table.currentRow()
        lst.rows = rows
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            late = bool(getattr(row, "overdue", False))
            for col, value in enumerate(cells(row)):
                item = QTableWidgetItem(value)
                item.setData(ROLE, r)
                if late:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, col, item)
        if rows:
            table.selectRow(min(max(current, 0), len(rows) - 1))
        self._set_title(lst)

    def _set_title(self, lst: _List) -> None:
        number = list(self.lists).index(lst.key) + 1
        lst.box.setTitle(
            self.tr("{title} ({n}) — Alt+{k}").format(title=lst.title, n=len(lst.rows), k=number)
        )

    @staticmethod
    def _when(row: CaseSummary) -> str:
        return row.received_at.astimezone().strftime("%Y-%m-%d")

    def _case_cells(self, c: CaseSummary) -> list[str]:
        return [c.case_number, mask_name(c.applicant_name), c.title, self._when(c)]

    def _status_cells(self, c: CaseSummary) -> list[str]:
        return [c.case_number, mask_name(c.applicant_name), c.title, STATUS_LABELS[c.status]]

    def _deferred_cells(self, d: DeferredDue) -> list[str]:
        day = d.material.promised_date.isoformat() if d.material.promised_date else ""
        if d.overdue:
            day = self.tr("{date} (overdue)").format(date=day)
        return [d.case.case_number, mask_name(d.case.applicant_name), d.material.name, day]

    def _verify_cells(self, v: VerificationDue) -> list[str]:
        day = v.due.isoformat()
        if v.overdue:
            day = self.tr("{date} (overdue)").format(date=day)
        return [v.case.case_number, mask_name(v.case.applicant_name), v.material.name, day]

    # -- keys ----------------------------------------------------------------------------

    def focus_list(self, key: str) -> None:
        table = self.lists[key].table
        table.setFocus()
        if table.currentRow() < 0 and table.rowCount():
            table.selectRow(0)

    def focus_first(self) -> None:
        for lst in self.lists.values():
            if lst.rows:
                self.focus_list(lst.key)
                return
        self.query.setFocus()

    def _selected(self, key: str) -> Any | None:
        lst = self.lists[key]
        row = lst.table.currentRow()
        return lst.rows[row] if 0 <= row < len(lst.rows) else None

    def _focused_key(self) -> str | None:
        for lst in self.lists.values():
            if lst.table.hasFocus():
                return lst.key
        return "withdraw" if self.query.hasFocus() else None

    def open_selected(self) -> None:
        key = self._focused_key()
        row = self._selected(key) if key else None
        if row is not None:
            case = getattr(row, "case", row)
            self.ctx.open_case(case.case_number)

    # -- acts ----------------------------------------------------------------------------

    def act(self, key: str) -> None:
        """Open the act of the list's selected row (Enter)."""
        row = self._selected(key)
        if row is None or self.dialog is not None:
            return
        self._acting = key
        if key == "deferred":
            self._open(DeferredDialog(self.ctx, row, self))
        elif key == "verify":
            self._open(VerificationDialog(self.ctx, row, self))
        else:
            factory: Callable[[AppContext, CaseView, QWidget], ActDialog] = {
                "supplement": SupplementDialog,
                "deliver": DeliverDialog,
                "withdraw": WithdrawDialog,
            }[key]

            def loaded(case: CaseView) -> None:
                self._open(factory(self.ctx, case, self))

            ops.load_case(self.ctx, row.case_number, loaded)

    def _open(self, dialog: ActDialog) -> None:
        assert_ui_thread()
        if self.dialog is not None:
            dialog.deleteLater()
            return
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self._recorded)
        dialog.finished.connect(self._closed)
        dialog.open()
        dialog.activateWindow()  # its mnemonics (Alt+…) and F2 need it active

    def _closed(self, _result: int) -> None:
        self.dialog = None
        window = self.window()
        window.activateWindow()  # offscreen: the window's shortcuts fire again
        key = self._acting
        if key and self.lists[key].table.rowCount():
            self.focus_list(key)  # back where the clerk was working
        else:
            self.focus_first()

    def _recorded(self, done: ops.Done) -> None:
        self._say(self._recorded_text(done.case))
        ops.print_after(self.ctx, done, self._printed)  # what the act must hand over

    def _recorded_text(self, case: CaseView) -> str:
        return self.tr("Case {number}: recorded — now {status}.").format(
            number=case.case_number, status=STATUS_LABELS[case.status]
        )

    def _printed(self, printed: Printed) -> None:
        screen = getattr(self.window(), "screen_", None)
        shower = getattr(screen, "show_printed", None)
        if callable(shower):
            shower(printed)

    def _say(self, text: str) -> None:
        status = getattr(self.window(), "status", None)
        show = getattr(status, "show_message", None)
        if callable(show):
            show(text)

    def show_error(self, exc: BaseException) -> None:
        self._say(for_exception(exc))
