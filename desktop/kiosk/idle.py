"""Every kiosk session wipes itself after inactivity, with a visible countdown at the end."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class IdleWipe(QObject):
    """``on_wipe`` after ``seconds`` without a touch or a key; ``on_tick(n)`` each second
    of the last ``countdown`` seconds (``on_tick(None)`` when activity cancels it). Armed
    only while a session holds something (``arm`` / ``disarm``)."""

    def __init__(
        self,
        seconds: float,
        countdown: int,
        on_wipe: Callable[[], None],
        on_tick: Callable[[int | None], None],
    ) -> None:
        super().__init__()
        self.seconds = seconds
        self.countdown = countdown
        self._on_wipe = on_wipe
        self._on_tick = on_tick
        self._left_ms = 0
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._step)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def armed(self) -> bool:
        return self._armed

    @property
    def seconds_left(self) -> float:
        return self._left_ms / 1000

    def arm(self) -> None:
        self._armed = True
        self._restart()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()
        self._on_tick(None)

    def _restart(self) -> None:
        was_counting = self._left_ms <= self.countdown * 1000
        self._left_ms = int(self.seconds * 1000)
        if self._armed:
            self._timer.start()
            if was_counting:
                self._on_tick(None)

    def _step(self) -> None:
        self._left_ms -= self._timer.interval()
        if self._left_ms <= 0:
            self.disarm()
            self._on_wipe()
            return
        if self._left_ms <= self.countdown * 1000:
            self._on_tick(-(-self._left_ms // 1000))

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self._restart()
        return False

    def close(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
