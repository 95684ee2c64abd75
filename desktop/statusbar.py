"""The status bar: station, operator, connection, waiting and quarantined counts, reader and
printer, and the last message. It only shows what the bridge and the ops hand it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.labels import READER_STATES, SYNC_STATES, label
from desktop.messages import message
from intake.clock import CST, from_iso


class StationStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, settings: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.station = QLabel(f"{settings.office_name}（{settings.station_code}）")
        self.operator = QLabel(ctx.operator.name if ctx.operator else "")
        self.connection = QLabel()
        self.counts = QLabel()
        self.reader = QLabel()
        self.printer = QLabel()
        self.message = QLabel()
        self.message.setObjectName("statusMessage")
        self.addWidget(self.message, 1)
        for w in (
            self.station,
            self.operator,
            self.connection,
            self.counts,
            self.reader,
            self.printer,
        ):
            self.addPermanentWidget(w)
        self._waiting = 0
        self._quarantined = 0
        self.set_sync(ctx.sync.health if ctx.sync else None)
        self.set_reader(ctx.devices.health.state.value if ctx.devices else "none")
        target = ctx.printer_target or ""
        name = self.tr("PDF files") if target.startswith("pdf:") else target or self.tr("none")
        self.printer.setText(self.tr("Printer: {name}").format(name=name))
        self.printer.setToolTip(target.removeprefix("pdf:"))

    def show_message(self, text: str) -> None:
        assert_ui_thread()
        self.message.setText(text)

    def set_operator(self, name: str) -> None:
        self.operator.setText(name)

    def set_sync(self, health: Any) -> None:
        assert_ui_thread()
        if health is None:
            self.connection.setText(label(SYNC_STATES, "no_hub"))
            self._show_counts()
            return
        text = label(SYNC_STATES, health.state)
        if health.last_ok_at:
            at = from_iso(health.last_ok_at).astimezone(CST).strftime("%H:%M")  # China time
            text += self.tr(" · last sync {at}").format(at=at)
        if health.error_code and health.state not in ("ok", "syncing"):
            self.connection.setToolTip(message(health.error_code))
        self.connection.setText(text)
        self._waiting, self._quarantined = health.waiting, health.quarantined
        self._show_counts()

    def set_counts(self, stats: dict[str, Any]) -> None:
        self._waiting = int(stats["pending"]) + int(stats["inflight"])
        self._quarantined = int(stats["quarantined"])
        self._show_counts()

    def _show_counts(self) -> None:
        self.counts.setText(
            self.tr("Waiting to send: {w} · quarantined: {q}").format(
                w=self._waiting, q=self._quarantined
            )
        )

    def set_reader(self, state: str) -> None:
        self.reader.setText(label(READER_STATES, state))

    def printed(self, printed: Any) -> None:
        if printed.failed:
            code = printed.failed[0].error or "printer.failed"
            self.printer.setText(self.tr("Printer: failed"))
            self.printer.setToolTip(message(code))
            self.printer.setStyleSheet("color: #b00020;")
        elif printed.jobs:
            self.printer.setText(self.tr("Printer: ready"))
            self.printer.setToolTip("")
            self.printer.setStyleSheet("")
