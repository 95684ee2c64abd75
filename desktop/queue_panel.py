"""The counter's queue page (叫号): call the next ticket (F9), recall (F10), no-show
(Shift+F9), transfer (Shift+F10), done; open the kiosk's pre-intake behind a ticket (or
found by the applicant's card) and continue the normal intake with everything filled.

The queue's rules (numbering, who is next) are the core's (``intake.services.queue``); this
page shows its answers. ``called`` / ``called_number`` is what the citizen-facing screen
shows ("请 A012 到 3号窗口"). A pre-intake becomes a case only by the clerk's own decision on
the intake screen; the page then records which case was made from it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import queue_ops
from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.messages import for_exception
from intake.appointments import APPOINTMENT_CHANNEL
from intake.services.pre_intakes import PreIntake
from intake.services.queue import ServiceQueue, Ticket
from intake.views import Channel

REFRESH_MS = 3_000


class QueuePanel(QWidget):
    called = Signal(str, str)  # the number called now ("" when none), the counter's name
    status = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        op = ctx.operator
        self.counter = ctx.options.counter or (op.id if op else "")
        self.current: Ticket | None = None
        self.queues: list[ServiceQueue] = []
        self.pending_pre_intake: PreIntake | None = None
        self._busy = False
        self._listening = False  # connected to the intake screen's saved signal
        self.now = QLabel(self.tr("No ticket called yet."))
        self.now.setObjectName("queueNow")
        self.now.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.serves = QComboBox()
        self.serves.setObjectName("queueServes")
        self.serves.addItem(self.tr("All queues"), "")
        self.call_button = QPushButton(self.tr("Call next (F9)"))
        self.recall_button = QPushButton(self.tr("Recall (F10)"))
        self.no_show_button = QPushButton(self.tr("No-show (Shift+F9)"))
        self.done_button = QPushButton(self.tr("Done"))
        self.transfer_to = QComboBox()
        self.transfer_to.setObjectName("queueTransferTo")
        self.transfer_button = QPushButton(self.tr("Transfer to (Shift+F10)"))
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(lambda: self._command("recall"))
        self.no_show_button.clicked.connect(lambda: self._command("no_show"))
        self.done_button.clicked.connect(lambda: self._command("done"))
        self.transfer_button.clicked.connect(self.transfer)
        for keys, slot in (
            ("F9", self.call_next),
            ("F10", lambda: self._command("recall")),
            ("Shift+F9", lambda: self._command("no_show")),
            ("Shift+F10", self.transfer),
            ("Ctrl+O", self.open_pre_intake),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        calling = QGroupBox(self.tr("Calling (counter {counter})").format(counter=self.counter))
        grid = QGridLayout(calling)
        grid.addWidget(self.now, 0, 0, 1, 4)
        grid.addWidget(self.detail, 1, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Serve")), 2, 0)
        grid.addWidget(self.serves, 2, 1, 1, 3)
        grid.addWidget(self.call_button, 3, 0)
        grid.addWidget(self.recall_button, 3, 1)
        grid.addWidget(self.no_show_button, 3, 2)
        grid.addWidget(self.done_button, 3, 3)
        grid.addWidget(self.transfer_to, 4, 0, 1, 2)
        grid.addWidget(self.transfer_button, 4, 2, 1, 2)
        pre = QGroupBox(self.tr("Kiosk pre-intake"))
        row = QHBoxLayout(pre)
        self.lookup = QLineEdit()
        self.lookup.setObjectName("preIntakeLookup")
        self.lookup.setPlaceholderText(
            self.tr("Ticket number (A012), the ticket's QR code, or the ID number")
        )
        self.lookup.returnPressed.connect(self.open_pre_intake)
        self.open_button = QPushButton(self.tr("Open pre-intake (Ctrl+O)"))
        self.open_button.clicked.connect(self.open_pre_intake)
        self.card_button = QPushButton(self.tr("By the applicant's card"))
        self.card_button.clicked.connect(self.open_by_card)
        row.addWidget(self.lookup, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.card_button)
        self.counts = QLabel()
        self.counts.setObjectName("queueCounts")
        self.counts.setWordWrap(True)
        self.waiting = QListWidget()
        self.waiting.setObjectName("queueWaiting")
        waiting_box = QGroupBox(self.tr("Waiting"))
        wv = QVBoxLayout(waiting_box)
        wv.addWidget(self.counts)
        wv.addWidget(self.waiting, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(calling)
        layout.addWidget(pre)
        layout.addWidget(waiting_box, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        queue_ops.queues(ctx, self._queues_loaded)
        self._show_current(None)

    @property
    def called_number(self) -> str:
        return self.current.number if self.current is not None else ""

    # -- state ----------------------------------------------------------------------------

    def page_shown(self) -> None:
        self.refresh()
        self.timer.start()
        self.call_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def _queues_loaded(self, queues: list[ServiceQueue]) -> None:
        self.queues = queues
        for q in queues:
            self.serves.addItem(q.name, q.code)
            self.transfer_to.addItem(q.name, q.code)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.runner.closed:
            return
        queue_ops.queue_state(self.ctx, self.counter, self._state)

    def _state(self, state: queue_ops.QueueState) -> None:
        assert_ui_thread()
        if not self._busy:
            self._show_current(state.current)
        self.counts.setText(
            "　".join(
                self.tr("{queue}: {n} waiting").format(queue=c.queue.name, n=c.waiting)
                for c in state.counts
            )
        )
        self.waiting.clear()
        names = {q.code: q.name for q in self.queues}
        for t in state.waiting:
            self.waiting.addItem(
                self.tr("{number} · {queue} · {title}").format(
                    number=t.number, queue=names.get(t.queue, t.queue), title=t.title or "—"
                )
                + (self.tr(" · appointment") if t.channel == APPOINTMENT_CHANNEL else "")
            )

    def _show_current(self, ticket: Ticket | None) -> None:
        before = self.called_number
        self.current = ticket
        for b in (self.recall_button, self.no_show_button, self.done_button):
            b.setEnabled(ticket is not None)
        self.transfer_button.setEnabled(ticket is not None)
        if ticket is None:
            self.now.setText(self.tr("No ticket called yet."))
            self.detail.setText(self.tr("F9 calls the next ticket."))
        else:
            self.now.setText(
                self.tr("Now: {number}").format(number=ticket.number)
                + (self.tr(" (recalled {n}×)").format(n=ticket.recalls) if ticket.recalls else "")
            )
            parts = [ticket.title or self.tr("no matter chosen")]
            if ticket.channel == APPOINTMENT_CHANNEL:
                parts.insert(0, self.tr("Appointment (checked in at the kiosk)"))
            if ticket.pre_intake_id:
                parts.append(self.tr("filled in at the kiosk: Ctrl+O opens it"))
                self.lookup.setText(ticket.number)
            self.detail.setText(" · ".join(parts))
        if self.called_number != before:
            self.called.emit(self.called_number, self.counter)

    # -- commands -------------------------------------------------------------------------

    def _serves(self) -> list[str]:
        code = self.serves.currentData()
        if not code:
            return []
        priority = [q.code for q in self.queues if q.priority]
        return [str(code), *priority]  # the priority queue is everyone's

    def call_next(self) -> None:
        if self._busy:
            return
        self._busy = True
        queue_ops.call_next(self.ctx, self.counter, self._serves(), self._called, self._failed)

    def _called(self, ticket: Ticket | None) -> None:
        self._busy = False
        self._show_current(ticket)
        if ticket is None:
            self.status.emit(self.tr("Nobody is waiting."))
            self._status(self.tr("Nobody is waiting."))
        else:
            self._status(
                self.tr("Calling {number} to {counter}.").format(
                    number=ticket.number, counter=self.counter
                )
            )
        self.refresh()

    def _command(self, command: str, *args: str) -> None:
        if self.current is None or self._busy:
            return
        self._busy = True

        def done(ticket: Ticket) -> None:
            self._busy = False
            self._show_current(ticket if command == "recall" else None)
            texts = {
                "recall": self.tr("{number} called again."),
                "no_show": self.tr("{number} marked as not come (过号)."),
                "done": self.tr("{number} done."),
                "transfer": self.tr("{number} sent to another queue."),
            }
            self._status(texts[command].format(number=ticket.number))
            self.refresh()

        queue_ops.ticket_command(self.ctx, command, self.current.id, done, self._failed, *args)

    def transfer(self) -> None:
        code = self.transfer_to.currentData()
        if code:
            self._command("transfer", str(code))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._status(for_exception(exc))
        self.refresh()

    def _status(self, text: str) -> None:
        self.status.emit(text)
        window = self.window()
        bar = getattr(window, "status", None)
        show = getattr(bar, "show_message", None)
        if callable(show):
            show(text)

    # -- the kiosk's pre-intake -----------------------------------------------------------

    def open_pre_intake(self, ref: str | None = None) -> None:
        ref = (ref if isinstance(ref, str) else None) or self.lookup.text().strip()
        if not ref:
            self.lookup.setFocus()
            return
        queue_ops.find_pre_intake(self.ctx, ref, self._restore, self._failed)

    def open_by_card(self) -> None:
        devices = self.ctx.devices
        if devices is None:
            self._status(for_exception(_no_reader()))
            return
        future = devices.read()
        future.add_done_callback(lambda f: self.ctx.bridge.post(lambda: self._card(f)))

    def _card(self, future: Any) -> None:
        exc = future.exception()
        if exc is not None:
            self._status(for_exception(exc))
            return
        self.open_pre_intake(future.result().id_number)

    def _restore(self, pre: PreIntake) -> None:
        """The intake screen takes the pre-intake as a draft restores: everything filled;
        the clerk checks the materials and decides (the case is made only then)."""
        window = self.window()
        screen = getattr(window, "screen_", None)
        if screen is None:
            return
        screen.has_unsaved_work()  # collects what the panels hold into the flow
        held = screen.flow
        person = {k: str(held.applicant.get(k) or "").strip() for k in ("name", "id_number")}
        if any(person.values()) or held.merged is not None or held.agent:
            self._status(self.tr("Finish or clear the intake on screen first (Ctrl+N)."))
            return
        channel = Channel.VILLAGE if self.ctx.mode == "village" else Channel.COUNTER
        screen.restore({**pre.content, "channel": channel.value})
        self.pending_pre_intake = pre
        if not self._listening:
            screen.saved.connect(self._saved)
            self._listening = True
        self.lookup.clear()
        show = getattr(window, "show_page", None)
        if callable(show):
            show(None)
        self._status(
            self.tr("Pre-intake of ticket {number} opened: check the materials and decide.").format(
                number=pre.ticket_number or "—"
            )
        )

    def _saved(self, saved: Any) -> None:
        pre = self.pending_pre_intake
        if pre is None:
            return
        wanted = str((pre.content.get("applicant") or {}).get("id_number") or "").upper()
        if saved.case.applicant.id_number.upper() == wanted:
            self.pending_pre_intake = None
            queue_ops.pre_intake_taken(self.ctx, pre.id, saved.case.case_number)


def _no_reader() -> Exception:
    from intake.errors import WindowDeskError

    return WindowDeskError("no reader", code="reader.none")
