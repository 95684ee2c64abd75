"""Sync and devices (supervisors only): what waits to be sent, what the platform refused
(with its reason, a retry and the case), the last successful push and pull, the clock
difference, attachment uploads, the card reader and the printer, the platform's notices, and
"sync now" with progress. Refreshes on each sync round (the bridge's sync health signal).

Keys: F5 syncs now (the window's action), Ctrl+R sends the selected quarantined change
again, Enter opens its case.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.labels import READER_STATES, SYNC_STATES, label
from desktop.messages import MESSAGES, for_exception, message
from desktop.supervisor.words import OPERATIONS
from intake.changes import Changes
from intake.clock import from_iso


def _when(text: str | None) -> str:
    if not text:
        return "—"
    try:
        return from_iso(text).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return text


class HealthPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: Any = None
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(240)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.sync_button)

        self.facts: dict[str, QLabel] = {}
        sync_box = QGroupBox(self.tr("Sync"))
        sync_form = QFormLayout(sync_box)
        for key, text in (
            ("pending", self.tr("Waiting to send")),
            ("oldest", self.tr("Oldest waiting since")),
            ("push", self.tr("Last successful push")),
            ("pull", self.tr("Last successful pull")),
            ("clock", self.tr("Clock difference to the platform")),
            ("attachments", self.tr("Attachment uploads waiting")),
            ("conflicts", self.tr("Platform changes that could not apply")),
            ("error", self.tr("Last problem")),
        ):
            value = QLabel("—")
            value.setObjectName(f"fact-{key}")
            value.setWordWrap(True)
            self.facts[key] = value
            sync_form.addRow(text, value)
        devices_box = QGroupBox(self.tr("Devices"))
        devices_form = QFormLayout(devices_box)
        for key, text in (("reader", self.tr("Card reader")), ("printer", self.tr("Printer"))):
            value = QLabel("—")
            value.setObjectName(f"fact-{key}")
            value.setWordWrap(True)
            self.facts[key] = value
            devices_form.addRow(text, value)
        self.notices = QListWidget()
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        self.notices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        notices_box = QGroupBox(self.tr("Notices from the platform"))
        QVBoxLayout(notices_box).addWidget(self.notices)
        side = QVBoxLayout()
        side.addWidget(devices_box)
        side.addWidget(notices_box, 1)
        facts_row = QHBoxLayout()
        facts_row.addWidget(sync_box, 3)
        facts_row.addLayout(side, 2)

        self.quarantine = QTableWidget(0, 5)
        self.quarantine.setObjectName("quarantine")
        self.quarantine.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Change"),
                self.tr("Why the platform refused it"),
                self.tr("Platform's words"),
                self.tr("Attempts"),
            ]
        )
        self.quarantine.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quarantine.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quarantine.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quarantine.verticalHeader().setVisible(False)
        self.quarantine.horizontalHeader().setStretchLastSection(True)
        self.quarantine.itemActivated.connect(lambda _i: self.show_case())
        self.retry_button = QPushButton(self.tr("Send again (Ctrl+R)"))
        self.retry_button.setObjectName("retryQuarantined")
        self.retry_button.clicked.connect(self.retry)
        self.case_button = QPushButton(self.tr("Show the case (Enter)"))
        self.case_button.clicked.connect(self.show_case)
        self.quarantine_title = QLabel()
        self.quarantine_title.setStyleSheet("font-weight: bold;")
        q_buttons = QHBoxLayout()
        q_buttons.addWidget(self.quarantine_title)
        q_buttons.addStretch(1)
        q_buttons.addWidget(self.retry_button)
        q_buttons.addWidget(self.case_button)
        self.message = QLabel()
        self.message.setObjectName("healthMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts_row)
        layout.addLayout(q_buttons)
        layout.addWidget(self.quarantine, 1)
        layout.addWidget(self.message)
        shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.retry)
        ctx.bridge.sync_health.connect(self.on_health)
        ctx.bridge.device_event.connect(lambda _e: self._devices())
        ctx.listeners.append(self._changed)
        self.on_health(ctx.sync.health if ctx.sync else None)
        self.refresh()

    def page_shown(self) -> None:
        self.refresh()
        self.quarantine.setFocus()

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        from sync.client.status import sync_status

        station = self.ctx.station

        def work() -> Any:
            unfinished = len(station.print_jobs.unfinished())
            return sync_status(station), unfinished

        self.ctx.runner.read(work, self._show, lambda exc: self.message.setText(for_exception(exc)))

    def _changed(self, changes: Changes) -> None:
        if changes.outbox or changes.print_jobs:
            self.refresh()

    def on_health(self, health: Any) -> None:
        if health is None:
            self.state.setText(label(SYNC_STATES, "no_hub"))
            self.sync_button.setEnabled(False)
            return
        self.state.setText(label(SYNC_STATES, health.state))
        self.progress.setVisible(bool(health.busy))
        self.sync_button.setEnabled(not health.busy)
        if not health.busy:
            self.refresh()  # a round ended: counts, times and quarantine moved

    def _show(self, found: tuple[Any, int]) -> None:
        status, unfinished_prints = found
        self.status = status
        f = self.facts
        f["pending"].setText(
            self.tr("{n} change(s) ({inflight} being sent)").format(
                n=status.pending + status.inflight, inflight=status.inflight
            )
        )
        f["oldest"].setText(_when(status.oldest_pending_at))
        f["push"].setText(_when(status.last_push_at))
        f["pull"].setText(_when(status.last_pull_at))
        if status.clock_offset_s is None:
            f["clock"].setText(self.tr("not measured yet"))
        else:
            text = self.tr("{s} s").format(s=f"{round(status.clock_offset_s):+d}")
            if status.clock_warning:
                text += " — " + self.tr("set the station's clock: dates on notices depend on it")
                f["clock"].setStyleSheet("color: #b00020;")
            else:
                f["clock"].setStyleSheet("")
            f["clock"].setText(text)
        f["attachments"].setText(str(status.attachments_pending))
        f["conflicts"].setText(str(status.pull_conflicts))
        error = status.last_error or {}
        f["error"].setText(message(str(error["error"])) if error.get("error") else "—")
        f["printer"].setText(
            self.tr("{n} document(s) not printed yet").format(n=unfinished_prints)
            if unfinished_prints
            else self.tr("No document waiting")
        )
        self._devices()
        self.quarantine_title.setText(
            self.tr("Refused by the platform (quarantine): {n}").format(n=len(status.quarantined))
        )
        self.quarantine.setRowCount(len(status.quarantined))
        for r, item in enumerate(status.quarantined):
            for col, value in enumerate(
                (
                    item.case_number,
                    label(OPERATIONS, item.op),
                    self._reason(item.code),
                    item.message,
                    str(item.attempts),
                )
            ):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.op_id)
                self.quarantine.setItem(r, col, cell)
        self.quarantine.resizeColumnsToContents()
        if status.quarantined and self.quarantine.currentRow() < 0:
            self.quarantine.selectRow(0)
        self.retry_button.setEnabled(bool(status.quarantined))
        self.case_button.setEnabled(bool(status.quarantined))
        self.notices.clear()
        for notice in status.notices:
            text = next(
                (str(notice[k]) for k in ("title", "text", "message", "body") if notice.get(k)),
                str(notice.get("id", "")),
            )
            at = notice.get("at") or notice.get("published_at")
            self.notices.addItem(f"{_when(at)[:16]}  {text}" if at else text)
        if not status.notices:
            self.notices.addItem(self.tr("No notices."))

    def _reason(self, code: str) -> str:
        """The refusal in words; a code this version has no words for is shown as such
        (never the generic "retried by itself": a refused change is not retried)."""
        if code in MESSAGES:
            return message(code)
        return self.tr("Refused by the platform (code {code}).").format(code=code or "?")

    def _devices(self) -> None:
        devices = self.ctx.devices
        if devices is None:
            self.facts["reader"].setText(label(READER_STATES, "none"))
            return
        health = devices.health
        text = label(READER_STATES, health.state.value)
        if health.reader:
            text += f"（{health.reader}）"
        if health.last_error and health.state.value != "connected":
            text += " — " + message(health.last_error)
        self.facts["reader"].setText(text)

    # -- actions --------------------------------------------------------------------------

    def selected(self) -> Any:
        row = self.quarantine.currentRow()
        if self.status is None or not 0 <= row < len(self.status.quarantined):
            return None
        return self.status.quarantined[row]

    def sync_now(self) -> None:
        if self.ctx.sync is None:
            self.message.setText(self.tr("This station works offline (no platform configured)."))
            return
        self.progress.setVisible(True)
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Sending to the platform…"))
        self.ctx.sync.sync_now()

    def retry(self) -> None:
        item = self.selected()
        if item is None:
            return
        outbox, by = self.ctx.station.outbox, self.ctx.operator_id

        def done(_sent: Any) -> None:
            self.message.setText(
                self.tr("Case {number}: the change waits to be sent again.").format(
                    number=item.case_number
                )
            )
            self.ctx.changed(Changes(cases=(item.case_number,), outbox=True))
            if self.ctx.sync is not None:
                self.ctx.sync.sync_now()

        self.ctx.runner.write(
            lambda: outbox.retry(by, item.op_id),
            done,
            lambda exc: self.message.setText(for_exception(exc)),
        )

    def show_case(self) -> None:
        item = self.selected()
        if item is not None:
            self.ctx.open_case(item.case_number)
