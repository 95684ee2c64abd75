"""The one place where background callbacks become Qt signals (Electrum's QtEventListener).

Device events arrive on the device thread, sync health on the sync worker, task results on
the executors' threads. None of them may touch a widget: they call ``Bridge`` methods, which
emit signals that Qt delivers on the UI thread (queued, because the bridge lives there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


def on_ui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def assert_ui_thread() -> None:
    """A debug check in every slot that touches widgets (active with ``python -O`` off)."""
    assert on_ui_thread(), "a widget was touched from a background thread"


class Bridge(QObject):
    device_event = Signal(object)  # devices.service.DeviceEvent
    sync_health = Signal(object)  # sync.client.manager.SyncHealth
    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run_call)

    def post(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` on the UI thread soon (from any thread)."""
        self._call.emit(fn)

    # plain callbacks handed to the Qt-free services ------------------------------------
    def on_device_event(self, event: object) -> None:
        self.device_event.emit(event)

    def on_sync_health(self, health: object) -> None:
        self.sync_health.emit(health)

    @Slot(object)
    def _run_call(self, fn: Callable[[], Any]) -> None:
        assert_ui_thread()
        try:
            fn()
        except Exception:  # a failing UI callback is a bug: log it loudly, keep the app alive
            log.exception("UI callback failed")
            handler = getattr(self, "on_callback_error", None)
            if handler is not None:
                handler()
