"""The village station page (key ``village``): what waits to be sent, the paper to hand over
to the town (交接清单) and the past hand-overs, in three tabs (Ctrl+Tab moves between them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.labels import OUTBOX_OPS, label
from desktop.village import actions
from desktop.village.handover import BatchesTab, HandoverTab
from desktop.village.when import ago
from desktop.widgets.tables import select_first, tree_list
from intake.changes import Changes
from intake.clock import CST
from intake.masking import mask_name
from intake.services.quarantine import QueuedItem


class WaitingTab(QWidget):
    """Every change not yet acknowledged by the platform, oldest first; Enter opens its case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[QueuedItem] = []
        self.tree = tree_list(
            "waitingTree",
            [
                self.tr("Case number"),
                self.tr("Applicant"),
                self.tr("Matter"),
                self.tr("Change"),
                self.tr("Saved here"),
                self.tr("Tries"),
            ],
            (230, 90, 360, 110, 150),
        )
        self.tree.itemActivated.connect(self._activated)
        self.summary = QLabel()
        self.summary.setObjectName("waitingSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        actions.waiting(self.ctx, self.show_items)

    def show_items(self, items: list[QueuedItem]) -> None:
        self.items = items
        self.tree.clear()
        for item in items:
            row = QTreeWidgetItem(
                [
                    item.case_number,
                    mask_name(item.applicant_name),
                    item.title,
                    label(OUTBOX_OPS, item.op),
                    item.created_at.astimezone(CST).strftime("%m-%d %H:%M"),
                    str(item.attempts),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.case_number)
            self.tree.addTopLevelItem(row)
        if items:
            select_first(self.tree)
            self.summary.setText(
                self.tr(
                    "{n} changes are saved on this computer and wait to be sent; the oldest "
                    "was saved {when}. They are sent by themselves when the platform can be "
                    "reached (F5 sends now)."
                ).format(n=len(items), when=ago(items[0].created_at))
            )
        else:
            self.summary.setText(self.tr("Nothing waits to be sent: the platform has everything."))

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        self.ctx.open_case(str(row.data(0, Qt.ItemDataRole.UserRole)))


class VillagePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("villageTabs")
        self.waiting = WaitingTab(ctx)
        self.handover = HandoverTab(ctx)
        self.batches = BatchesTab(ctx)
        self.tabs.addTab(self.waiting, self.tr("Waiting to send"))
        self.tabs.addTab(self.handover, self.tr("Hand-over list (交接清单)"))
        self.tabs.addTab(self.batches, self.tr("Past hand-overs"))
        self.tabs.currentChanged.connect(lambda _i: self._focus_tab())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        ctx.listeners.append(self._changed)
        ctx.bridge.sync_health.connect(self._health)
        self.handover.counted.connect(self._counted)

    def page_shown(self) -> None:
        self.waiting.refresh()
        self.handover.refresh()
        self.batches.refresh()
        self._focus_tab()

    def show_waiting(self) -> None:
        self.tabs.setCurrentWidget(self.waiting)
        self._focus_tab()

    def show_handover(self) -> None:
        self.tabs.setCurrentWidget(self.handover)
        self._focus_tab()

    def _focus_tab(self) -> None:
        page = self.tabs.currentWidget()
        tree = getattr(page, "tree", None)
        if tree is not None:
            tree.setFocus()

    def _counted(self, n: int) -> None:
        title = self.tr("Hand-over list (交接清单)")
        if n:
            title = self.tr("Hand-over list (交接清单): {n}").format(n=n)
        self.tabs.setTabText(1, title)

    def _health(self, health: object) -> None:
        if self.isVisible() and getattr(health, "state", "") not in ("syncing", "starting"):
            self.waiting.refresh()  # a round ended: what it sent is off the list

    def _changed(self, changes: Changes) -> None:
        if not self.isVisible():
            return
        if changes.outbox:
            self.waiting.refresh()
        if changes.cases:
            self.handover.refresh()
            self.batches.refresh()
