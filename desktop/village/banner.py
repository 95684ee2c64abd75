"""The strip above the pages at a village station: online or offline in large words, when
the last sync succeeded, how much waits to be sent (a button to the list), what the platform
returned (a button to the quarantine), and sync now (F5) with its progress.

It only shows what it is handed: sync health from the bridge, the outbox counts from a read
on the reader pool after every write that touched the outbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.messages import message
from desktop.village.when import ago
from intake.changes import Changes

ONLINE, OFFLINE, SYNCING = "online", "offline", "syncing"
#: What the strip looks like in each state (background, text colour).
LOOKS = {
    ONLINE: ("#e6f4ea", "#0b6b2b"),
    OFFLINE: ("#fff4e5", "#8a4b00"),
    SYNCING: ("#e8f0fe", "#174ea6"),
}


def online_state(state: str) -> str:
    if state == "ok":
        return ONLINE
    if state in ("syncing", "starting"):
        return SYNCING
    return OFFLINE


def _call(page: object, name: str) -> None:
    method = getattr(page, name, None)
    if callable(method):
        method()


class VillageBanner(QFrame):
    def __init__(
        self,
        ctx: AppContext,
        *,
        show_page: Callable[[str], object],
        sync_now: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("villageBanner")
        self.state = QLabel()
        self.state.setObjectName("bannerState")
        self.detail = QLabel()
        self.detail.setObjectName("bannerDetail")
        self.detail.setWordWrap(True)
        self.last_sync = QLabel()
        self.last_sync.setObjectName("bannerLastSync")
        self.waiting = QPushButton()
        self.waiting.setObjectName("bannerWaiting")
        self.waiting.setToolTip(self.tr("The list of what waits to be sent"))
        self.returned = QPushButton()
        self.returned.setObjectName("bannerReturned")
        self.returned.setToolTip(self.tr("What the platform sent back, and what to do"))
        self.sync = QPushButton(self.tr("Sync now (F5)"))
        self.sync.setObjectName("bannerSync")
        self.progress = QProgressBar()
        self.progress.setObjectName("bannerProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        for button in (self.waiting, self.returned, self.sync):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys: F5, Ctrl+2…; Tab still
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.state)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.waiting)
        layout.addWidget(self.returned)
        layout.addWidget(self.progress)
        layout.addWidget(self.sync)
        self.waiting.clicked.connect(lambda: _call(show_page("village"), "show_waiting"))
        self.returned.clicked.connect(lambda: show_page("quarantine"))
        self.sync.clicked.connect(sync_now)
        self._waiting = 0
        self._returned = 0
        self._last_ok: str | None = None
        self._look = ""
        ctx.bridge.sync_health.connect(self.set_health)
        ctx.listeners.append(self._changed)
        self.set_health(ctx.sync.health if ctx.sync is not None else None)
        self.refresh()

    # -- what it is handed ----------------------------------------------------------------

    def refresh(self) -> None:
        """Counts and the last sync time from the store (a read off the UI thread)."""
        station = self.ctx.station

        def read() -> tuple[dict[str, Any], Any]:
            return station.outbox.stats(), station.sync_state.get("sync.last_pull_at")

        self.ctx.runner.read(read, self._read)

    def _read(self, answer: tuple[dict[str, Any], Any]) -> None:
        stats, last = answer
        self.set_counts(int(stats["pending"]) + int(stats["inflight"]), int(stats["quarantined"]))
        if last and not self._last_ok:
            self._last_ok = str(last)
        self._show_last()

    def _changed(self, changes: Changes) -> None:
        if changes.outbox:
            self.refresh()

    def set_health(self, health: Any) -> None:
        assert_ui_thread()
        if health is None:
            self._show(OFFLINE, self.tr("Offline"), message("sync.no_hub"))
            self._show_last()
            return
        look = online_state(health.state)
        if look == SYNCING and self._look == OFFLINE and not health.sent:
            # a round trying while offline: it is online only once the platform answers
            self._show_progress(health)
            return
        if look == SYNCING and self._look == ONLINE and not health.total:
            look = ONLINE  # a round starting with nothing to send: still online
        detail = ""
        if look == OFFLINE:
            code = health.error_code or f"sync.{health.state}"
            detail = message(code) if health.state != "no_hub" else message("sync.no_hub")
        elif look == ONLINE:
            detail = self.tr("Connected to the platform: cases are sent as they are saved.")
        title = {
            ONLINE: self.tr("Online"),
            OFFLINE: self.tr("Offline"),
            SYNCING: self.tr("Connecting…") if health.state == "starting" else self.tr("Sending…"),
        }[look]
        self._show(look, title, detail)
        self._show_progress(health)
        if health.last_ok_at:
            self._last_ok = health.last_ok_at
        self._show_last()
        if health.state not in ("syncing", "starting"):
            self.set_counts(health.waiting, health.quarantined)

    def _show_progress(self, health: Any) -> None:
        """Items sent of the round's backlog, while a round has answers to show."""
        if health.state == "syncing" and health.total and health.sent:
            self.progress.setRange(0, health.total)
            self.progress.setValue(health.sent)
            self.progress.setFormat(
                self.tr("sent {sent} of {total}").format(sent=health.sent, total=health.total)
            )
            self.progress.setVisible(True)
        elif health.state != "syncing":
            self.progress.setVisible(False)

    def set_counts(self, waiting: int, returned: int) -> None:
        self._waiting, self._returned = waiting, returned
        self.waiting.setText(self.tr("Waiting to send: {n}").format(n=waiting))
        self.returned.setText(self.tr("Returned: {n}").format(n=returned))
        self.returned.setVisible(returned > 0)

    # -- how it looks ---------------------------------------------------------------------

    def _show(self, look: str, title: str, detail: str) -> None:
        self._look = look
        self.state.setText(title)
        self.detail.setText(detail)
        self.setProperty("look", look)
        back, fore = LOOKS[look]
        self.setStyleSheet(
            f"#villageBanner {{ background: {back}; border-bottom: 2px solid {fore}; }}"
            f"#bannerState {{ color: {fore}; font-size: 22pt; font-weight: bold; "
            "padding-right: 12px; }"
            f"#bannerDetail, #bannerLastSync {{ color: {fore}; font-size: 11pt; }}"
            "#bannerWaiting, #bannerReturned, #bannerSync { font-size: 11pt; padding: 4px 10px; }"
            "#bannerReturned { color: #b00020; font-weight: bold; }"
        )

    def _show_last(self) -> None:
        self.last_sync.setText(self.tr("Last sync: {when}").format(when=ago(self._last_ok)))

    @property
    def look(self) -> str:
        return self._look


def with_banner(window: Any, ctx: AppContext) -> VillageBanner:
    """Put the banner above the window's pages and add the village actions (the main
    window's one hook, called before it builds its menus)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QVBoxLayout

    from desktop.village.agent import OwnAgentCard

    window.own_card = OwnAgentCard(window, ctx)
    window.act_own_card = window._action(
        QCoreApplication.translate("VillageBanner", "Read my own card (the agent, 代办员)"),
        QKeySequence("Ctrl+Shift+F2"),
        window.own_card.read,
    )
    window.extra_case_actions.append(window.act_own_card)

    banner = VillageBanner(ctx, show_page=window.show_page, sync_now=window.sync_now)
    holder = QWidget()
    holder.setObjectName("villageHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(window.tabs, 1)
    window.setCentralWidget(holder)
    return banner
