"""The hand-over tab (交接清单) of the village page and its dialog: the paper still to carry
to the town, by case and material, printed as an A4 list, then marked handed over with who
handed it over (移交人) and who received it (接收人); and the list of past hand-overs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from desktop.village import actions
from desktop.widgets.tables import select_first, tree_list
from intake.clock import CST
from intake.masking import mask_name
from intake.services.handover import HandoverBatch, HandoverCase

FORMS = {"original": "原件", "copy": "复印件"}  # as printed on the list


def _shortcut(parent: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


class HandOverDialog(QDialog):
    """Who handed the paper over and who received it; Enter records, Esc goes back."""

    def __init__(self, cases: int, copies: int, agent: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark handed over"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.summary = QLabel(
            self.tr("{cases} cases, {copies} copies of paper to the town.").format(
                cases=cases, copies=copies
            )
        )
        self.handed_by = QLineEdit(agent)
        self.received_by = QLineEdit()
        self.received_by.setPlaceholderText(self.tr("the town clerk who took the paper"))
        self.note = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Handed over by (移交人)"), self.handed_by)
        form.addRow(self.tr("Received by (接收人)"), self.received_by)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Record the hand-over (Enter)"))
        self.ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.received_by.setFocus()

    def _accept(self) -> None:
        if not self.handed_by.text().strip() or not self.received_by.text().strip():
            from desktop.messages import message

            self.error.setText(message("handover.names_required"))
            (self.received_by if self.handed_by.text().strip() else self.handed_by).setFocus()
            return
        self.accept()


class HandoverTab(QWidget):
    """The paper still to carry: a case per row (checked = goes in this hand-over), its
    materials below it."""

    counted = Signal(int)  # cases waiting to be handed over

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cases: list[HandoverCase] = []
        self.tree = tree_list(
            "handoverTree",
            [
                self.tr("Case number / material"),
                self.tr("Applicant"),
                self.tr("Matter"),
                self.tr("Form"),
                self.tr("Copies"),
            ],
            (330, 110, 330),
            nested=True,
        )
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemChanged.connect(lambda _item, _col: self._summarise())
        self._known: set[str] = set()
        self.summary = QLabel()
        self.summary.setObjectName("handoverSummary")
        self.print_button = QPushButton(self.tr("Print the hand-over list (Alt+P)"))
        self.mark_button = QPushButton(self.tr("Mark handed over… (Alt+J)"))
        self.print_button.clicked.connect(self.print_list)
        self.mark_button.clicked.connect(self.mark_handed_over)
        self.hint = QLabel(
            self.tr(
                "Space ticks a case in or out of this hand-over; Enter opens the case. "
                "Print the list, carry it with the paper, have both sides sign, then mark it."
            )
        )
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)
        _shortcut(self, "Alt+P", self.print_list)
        _shortcut(self, "Alt+J", self.mark_handed_over)
        self.dialog: HandOverDialog | None = None

    # -- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        actions.handover_pending(self.ctx, self.show_cases)

    def show_cases(self, cases: list[HandoverCase]) -> None:
        checked = {c.case_id for c in self.checked()} if self.cases else None
        self.cases = cases
        self.tree.blockSignals(True)
        self.tree.clear()
        for case in cases:
            top = QTreeWidgetItem(
                [case.case_number, mask_name(case.applicant_name), case.title, "", str(case.copies)]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, case.case_id)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = checked is None or case.case_id in checked or case.case_id not in self._known
            top.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for m in case.materials:
                QTreeWidgetItem(top, [m.name, "", "", FORMS.get(m.state, m.state), str(m.copies)])
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self._known = {c.case_id for c in cases}
        if self.tree.topLevelItemCount():
            select_first(self.tree)
        self._summarise()
        self.counted.emit(len(cases))

    def checked(self) -> list[HandoverCase]:
        ids = set()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.add(item.data(0, Qt.ItemDataRole.UserRole))
        return [c for c in self.cases if c.case_id in ids]

    def _summarise(self) -> None:
        chosen = self.checked()
        self.summary.setText(
            self.tr("{cases} cases to hand over, {copies} copies; {chosen} ticked.").format(
                cases=len(self.cases),
                copies=sum(c.copies for c in self.cases),
                chosen=len(chosen),
            )
        )
        self.mark_button.setEnabled(bool(chosen))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        top = item.parent() or item
        case_id = top.data(0, Qt.ItemDataRole.UserRole)
        number = next((c.case_number for c in self.cases if c.case_id == case_id), None)
        if number:
            self.ctx.open_case(number)

    # -- print and mark -------------------------------------------------------------------

    def print_list(self) -> None:
        chosen = self.checked() or self.cases
        self.status.setText(self.tr("Printing the hand-over list…"))
        actions.print_handover(self.ctx, chosen, None, self._printed, self._failed)

    def _printed(self, pages: int) -> None:
        self.status.setText(
            self.tr("The hand-over list was printed ({pages} pages).").format(pages=pages)
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(for_exception(exc))

    def mark_handed_over(self) -> None:
        self._summarise()
        chosen = self.checked()
        if not chosen:
            self.status.setText(self.tr("Tick the cases whose paper was handed over (Space)."))
            return
        agent = self.ctx.operator.name if self.ctx.operator else ""
        dialog = HandOverDialog(len(chosen), sum(c.copies for c in chosen), agent, self)
        dialog.accepted.connect(lambda: self._record(dialog, chosen))
        dialog.finished.connect(lambda _r: self.window().activateWindow())
        self.dialog = dialog
        dialog.open()
        dialog.received_by.setFocus()

    def _record(self, dialog: HandOverDialog, chosen: list[HandoverCase]) -> None:
        actions.hand_over(
            self.ctx,
            [c.case_id for c in chosen],
            dialog.handed_by.text(),
            dialog.received_by.text(),
            dialog.note.text(),
            self._recorded,
            self._failed,
        )

    def _recorded(self, batch: HandoverBatch) -> None:
        self.status.setText(
            self.tr("Hand-over {number} recorded: {cases} cases, received by {who}.").format(
                number=batch.number, cases=len(batch.cases), who=batch.received_by
            )
        )
        self.refresh()
        self.tree.setFocus()


class BatchesTab(QWidget):
    """The past hand-overs, newest first; Alt+P prints the selected one again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batches: list[HandoverBatch] = []
        self.tree = tree_list(
            "batchesTree",
            [
                self.tr("Hand-over"),
                self.tr("When"),
                self.tr("Handed over by"),
                self.tr("Received by"),
                self.tr("Cases"),
                self.tr("Copies"),
            ],
            (300, 160),
            nested=True,
        )
        self.print_button = QPushButton(self.tr("Print this hand-over again (Alt+P)"))
        self.print_button.clicked.connect(self.print_selected)
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        _shortcut(self, "Alt+P", self.print_selected)

    def refresh(self) -> None:
        actions.handover_batches(self.ctx, self.show_batches)

    def show_batches(self, batches: list[HandoverBatch]) -> None:
        self.batches = batches
        self.tree.clear()
        for b in batches:
            top = QTreeWidgetItem(
                [
                    b.number,
                    b.handed_at.astimezone(CST).strftime("%Y-%m-%d %H:%M"),
                    b.handed_by,
                    b.received_by,
                    str(len(b.cases)),
                    str(b.copies),
                ]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, b.id)
            for c in b.cases:
                QTreeWidgetItem(top, [c.case_number, mask_name(c.applicant_name), c.title])
            self.tree.addTopLevelItem(top)
        if batches:
            select_first(self.tree)

    def print_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            self.status.setText(self.tr("No hand-over yet."))
            return
        top = item.parent() or item
        batch = next(
            (b for b in self.batches if b.id == top.data(0, Qt.ItemDataRole.UserRole)), None
        )
        if batch is None:
            return
        self.status.setText(self.tr("Printing the hand-over list…"))
        actions.print_handover(
            self.ctx,
            batch.cases,
            batch,
            lambda pages: self.status.setText(
                self.tr("The hand-over list was printed ({pages} pages).").format(pages=pages)
            ),
            lambda exc: self.status.setText(for_exception(exc)),
        )
