"""The kiosk window: full screen, frameless, on top, no window controls. It holds what
outlives a citizen (the header with the elder-mode switch and the reader's state, the idle
countdown, the last ticket's banner, the guard) and one ``KioskSession`` at a time.

Wiping a session (idle time, "start over", after the ticket printed, a new card) throws the
session widget away and builds a new one; the input method and the clipboard are reset, so
no widget, model or cache keeps the citizen's name or ID number.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import queue_ops
from desktop.context import AppContext
from desktop.kiosk import guard, keyboard, style
from desktop.kiosk.idle import IdleWipe
from desktop.kiosk.session import KioskSession, _button
from desktop.messages import for_exception, message
from intake.identity import Identity
from intake.kiosk import COUNTDOWN_SECONDS
from intake.services.queue import DEFAULT_QUEUES, ServiceQueue

log = logging.getLogger(__name__)

#: How long the last ticket's number stays on the welcome screen (no personal data in it).
BANNER_MS = 15_000


class ExitDialog(QDialog):
    """A supervisor's id and PIN (their operator password), checked by the core."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("kiosk")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.operator = QLineEdit()
        self.operator.setObjectName("supervisorId")
        self.pin = QLineEdit()
        self.pin.setObjectName("supervisorPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.problem = QLabel()
        self.problem.setObjectName("kioskProblem")
        self.ok = _button(self.tr("Leave kiosk mode"), primary=True)
        self.ok.setDefault(True)
        self.cancel = _button(self.tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.operator)
        form.addRow(self.tr("PIN"), self.pin)
        v = QVBoxLayout(self)
        title = QLabel(self.tr("Supervisor: leave kiosk mode"))
        title.setObjectName("kioskTitle")
        v.addWidget(title)
        v.addLayout(form)
        v.addWidget(self.problem)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.ok)
        v.addLayout(row)
        self.pin.returnPressed.connect(self.ok.click)
        self.operator.returnPressed.connect(self.pin.setFocus)
        self.resize(720, 420)


class KioskWindow(QWidget):
    """``ticket_printed`` carries the last receipt (no personal data) for tests and the hall."""

    ticket_printed = Signal(object, object)
    left = Signal()  # a supervisor left kiosk mode

    def __init__(self, ctx: AppContext, idle_seconds: float = 60, parent: QWidget | None = None):
        super().__init__(
            parent,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.ctx = ctx
        self.setObjectName("kiosk")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setWindowTitle(self.tr("WindowDesk self-service"))
        self.elder = False
        self.allow_close = False
        self.queues: list[ServiceQueue] = list(DEFAULT_QUEUES)
        self.exit_dialog: ExitDialog | None = None
        self.last_receipt: Any = None
        header = QHBoxLayout()
        header.setContentsMargins(24, 8, 24, 4)
        office = ctx.station.settings.office_name if ctx.station.is_set_up else ""
        self.office = QLabel(office)
        self.office.setObjectName("kioskTitle")
        header.addWidget(self.office, 1)
        self.reader_state = QLabel()
        header.addWidget(self.reader_state)
        self.elder_button = _button(self.tr("Elder mode (large, high contrast)"))
        self.elder_button.setObjectName("elderMode")
        self.elder_button.setCheckable(True)
        self.elder_button.toggled.connect(self.set_elder)
        header.addWidget(self.elder_button)
        self.banner = QLabel()
        self.banner.setObjectName("kioskTitle")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.hide()
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(header)
        outer.addWidget(self.banner)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.countdown)
        self.setStyleSheet(style.NORMAL)
        self.session: KioskSession | None = None
        self.idle = IdleWipe(idle_seconds, COUNTDOWN_SECONDS, self.wipe, self._tick)
        self.taps = guard.CornerTaps(self.ask_exit)
        self.guard = guard.KioskGuard(self, self.taps, self._exit_dialog_open)
        guard.install(self.guard)
        self._keyboard_settings: object = None  # set once painted: QML costs seconds
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self.banner.hide)
        self.new_session()
        queue_ops.queues(ctx, self._queues_loaded)

    def _queues_loaded(self, queues: list[ServiceQueue]) -> None:
        self.queues = queues
        if self.session is not None:
            self.session.queues = list(queues)

    # -- sessions -------------------------------------------------------------------------

    def new_session(self) -> KioskSession:
        session = KioskSession(self.ctx, self.queues)
        session.started.connect(self.idle.arm)
        session.restart.connect(self.wipe)
        session.read_requested.connect(self.read_card)
        session.finished.connect(self._finished)
        self.body.addWidget(session)
        self.session = session
        return session

    def wipe(self) -> None:
        """Forget the citizen: the session widget goes, a new one comes."""
        self.idle.disarm()
        old, self.session = self.session, None
        if old is not None:
            old.hide()
            self.body.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        im = QGuiApplication.inputMethod()
        im.reset()
        im.hide()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.new_session()
        self.countdown.hide()

    def _finished(self, receipt: Any, printed: Any) -> None:
        self.last_receipt = receipt
        self.wipe()  # after printing: nothing personal stays
        t = receipt.ticket
        if printed.ok:
            text = self.tr(
                "Your number is {number} ({queue}), {ahead} waiting before you. "
                "Please take your ticket."
            )
        else:
            text = self.tr(
                "Your number is {number} ({queue}), {ahead} waiting before you. The ticket "
                "could not be printed: please note the number and ask at the counter."
            )
        self.banner.setText(text.format(number=t.number, queue=receipt.queue_name, ahead=t.ahead))
        self.banner.show()
        self._banner_timer.start(BANNER_MS)
        self.ticket_printed.emit(receipt, printed)

    def _tick(self, left: int | None) -> None:
        if left is None:
            self.countdown.hide()
            return
        self.countdown.setText(
            self.tr(
                "No touch for a while: this session is cleared in {n} s. Touch the screen to go on."
            ).format(n=left)
        )
        self.countdown.show()

    # -- the card -------------------------------------------------------------------------

    def read_card(self) -> None:
        """A tap on "read my card": the answer arrives as a device event (read.ok or
        read.error, ``card_event`` / ``card_failed``), like a reader that reads by itself."""
        devices = self.ctx.devices
        if devices is None:
            self.set_reader("no_reader")
            return
        devices.read().add_done_callback(lambda f: f.exception())  # answered by the event

    def card_failed(self, exc: BaseException) -> None:
        if self.session is not None:
            self.session.card_failed(exc)

    def card_event(self, identity: Identity) -> None:
        """A card read: a new citizen starts (the same card again changes nothing)."""
        current = self.session.identity if self.session is not None else None
        if current is not None and current.id_number == identity.id_number:
            return
        if current is not None or self.idle.armed:
            self.wipe()
        assert self.session is not None
        self.banner.hide()
        self.session.card_read(identity)

    def set_reader(self, state: str, code: str | None = None) -> None:
        if state == "connected":
            self.reader_state.setText(self.tr("Card reader ready"))
        else:
            text = message(code) if code else message("reader")
            self.reader_state.setText(self.tr("Card reader not available"))
            if self.session is not None:
                self.session.card_problem.setText(
                    self.tr("{why} You can still take a ticket without a card.").format(why=text)
                )
        if state == "connected" and self.session is not None:
            self.session.card_problem.clear()

    # -- elder mode, exit, closing --------------------------------------------------------

    def set_elder(self, on: bool) -> None:
        self.elder = on
        self.setStyleSheet(style.ELDER if on else style.NORMAL)

    def _exit_dialog_open(self) -> bool:
        return self.exit_dialog is not None and self.exit_dialog.isVisible()

    def ask_exit(self) -> None:
        if self._exit_dialog_open():
            return
        dialog = ExitDialog(self)
        dialog.setStyleSheet(self.styleSheet())
        dialog.ok.clicked.connect(lambda: self._check_pin(dialog))
        dialog.rejected.connect(self._exit_closed)
        self.exit_dialog = dialog
        dialog.open()
        dialog.operator.setFocus()

    def _exit_closed(self) -> None:
        self.exit_dialog = None
        self.activateWindow()

    def _check_pin(self, dialog: ExitDialog) -> None:
        dialog.ok.setEnabled(False)

        def failed(exc: BaseException) -> None:
            dialog.ok.setEnabled(True)
            dialog.pin.clear()
            dialog.problem.setText(for_exception(exc))

        queue_ops.verify_supervisor(
            self.ctx, dialog.operator.text().strip(), dialog.pin.text(), self._leave, failed
        )

    def _leave(self, _operator: Any) -> None:
        log.warning("kiosk mode left by supervisor %s", _operator.id)
        self.allow_close = True
        if self.exit_dialog is not None:
            self.exit_dialog.done(0)
        self.release()
        self.left.emit()
        self.close()

    def release(self) -> None:
        """Wipe and take the app-wide filters away (leaving kiosk mode, shutting down)."""
        self.allow_close = True
        self.wipe()
        self.idle.disarm()
        guard.remove(self.guard)
        self.idle.close()
        self._banner_timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()  # Alt+F4 through a window manager, or anything else

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        minimized = bool(self.windowState() & Qt.WindowState.WindowMinimized)
        if event.type() == QEvent.Type.WindowStateChange and minimized and not self.allow_close:
            QTimer.singleShot(0, self.showFullScreen)

    def show_kiosk(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        # The keyboard's settings load QtQuick (seconds, on this thread): after the first
        # paint, while nobody is at the kiosk yet, not before it.
        QTimer.singleShot(500, self._restrict_keyboard)

    def _restrict_keyboard(self) -> None:
        if self._keyboard_settings is None:
            self._keyboard_settings = keyboard.restrict_languages(self)
