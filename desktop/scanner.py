"""A keyboard-wedge QR / barcode scanner, anywhere in the app: a receipt scanned opens its
case; any other scan stays what it was, text typed into the focused field.

An application-wide event filter times every key that reaches the focused widget and feeds
``devices.scanner.BurstDetector`` (Qt-free). The keys of a burst reach the field as they come
(the first key of a burst cannot know it is one); at the Enter that ends a burst, a receipt
code is taken back out of the field, the Enter is swallowed, and the case opens. A QR's check
code must match the case (a receipt of another case with its number edited does not open).

A key is timed when it was pressed: the window system's time stamp on the event, not the
moment the UI thread gets to it. Keys a person typed while the UI thread was busy arrive
back to back, and a scanner's keys arrive spread out while each one's field updates are
processed; by the time they were handled, the first would look like a scan and the second
like typing. (Synthesised events without a time stamp are timed on arrival.) Only the window
the clerk is logged in to acts on a scan: not a locked one, nor one closed for another
operator's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from desktop.context import AppContext
from desktop.messages import message
from devices.scanner import ENTER, BurstDetector, CodeKind, ScannedCode, Verdict, parse_scan

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class ScannerFilter(QObject):
    """Install on the QApplication; ``open_case(number)`` opens a scanned receipt's case."""

    def __init__(
        self,
        ctx: AppContext,
        open_case: Callable[[str], None],
        show_message: Callable[[str], None],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open_case = open_case
        self._show_message = show_message
        self._clock = clock
        self.detector = BurstDetector()
        self.scans: list[ScannedCode] = []  # what was recognised, newest last
        self._before: tuple[QLineEdit, str, int] | None = None  # the field as the run began
        self._stamped: bool | None = None  # whether the last key carried its own time stamp

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False  # each key once: at the focused widget, not on its way there
        if not self._in_service():
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat() or event.modifiers() & _MODIFIERS:
            return False
        at = self._pressed_at(event)
        if event.key() in _ENTER_KEYS:
            if self.detector.feed(ENTER, at) is not Verdict.SCAN:
                return False
            code = parse_scan(self.detector.text)
            if code.kind is not CodeKind.CASE:
                self.detector.text = ""  # not kept (it may have been a fast-typed password)
                return False  # a licence code or anything else: the field keeps it, Enter too
            self.scans.append(code)
            self._take_back(watched, self.detector.text)
            self._open(code)
            return True
        text = event.text()
        fed = bool(text) and text.isprintable()
        if fed and self.detector.feed(text, at) is Verdict.TYPING:  # a run may start here
            self._before = None
            if isinstance(watched, QLineEdit):
                self._before = (watched, watched.text(), watched.cursorPosition())
        return False

    def _in_service(self) -> bool:
        """The window this filter belongs to is shown and not locked."""
        window = self.parent()
        return not isinstance(window, QWidget) or (window.isVisible() and window.isEnabled())

    def _pressed_at(self, event: QKeyEvent) -> float:
        """When the key was pressed, in seconds: the event's time stamp (milliseconds from the
        window system), or the clock for an event that has none. A change between the two
        starts afresh (their times cannot be compared)."""
        stamp = event.timestamp()
        stamped = stamp > 0
        if stamped is not self._stamped:
            self.detector.reset()
            self._stamped = stamped
        return stamp / 1000.0 if stamped else self._clock()

    def _take_back(self, widget: QWidget, text: str) -> None:
        """Remove the scanned characters the field received before the burst was known
        (a line edit gets back what it held when the run began, even if its length limit
        cut the code short)."""
        if self._before is not None and self._before[0] is widget:
            field, value, pos = self._before
            field.setText(value)
            field.setCursorPosition(pos)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            cursor = widget.textCursor()
            block = cursor.block().text()[: cursor.positionInBlock()]
            if block.endswith(text):
                for _ in text:
                    cursor.deletePreviousChar()
        self._before = None

    def scanned(self, code: ScannedCode) -> None:
        """A code from a serial scanner: a receipt opens its case, anything else is typed
        into the focused field (as a wedge scanner's keys would be)."""
        if not self._in_service():
            return
        if code.kind is CodeKind.CASE:
            self.scans.append(code)
            self._open(code)
            return
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit):
            widget.insert(code.raw)

    def _open(self, code: ScannedCode) -> None:
        if not code.verify:
            self._open_case(code.case_number)
            return
        from printing.context import verify_code

        cases, number = self.ctx.station.cases, code.case_number

        def matches() -> bool:
            return verify_code(cases.get(number).id) == code.verify

        def answered(ok: bool) -> None:
            if ok:
                self._open_case(number)
            else:
                self._show_message(message("scan.verify"))

        self.ctx.runner.read(matches, answered, lambda _exc: self._open_case(number))


class SerialScannerThread:
    """Reads a serial scanner on a thread of its own and hands each code to ``on_code`` on
    the UI thread (through the bridge). A port that is missing or goes away is retried every
    two seconds (scanners are unplugged); its error is shown once."""

    RETRY_S = 2.0

    def __init__(
        self,
        port: str,
        post: Callable[[Callable[[], None]], None],
        on_code: Callable[[ScannedCode], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        import threading

        self.port = port
        self._post = post
        self._on_code = on_code
        self._on_error = on_error
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scanner", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        from devices.scanner import SerialScanner
        from devices.serial_port import SerialConnection

        told = False
        while not self._stop.is_set():
            try:
                scanner = SerialScanner(SerialConnection(self.port, 9600))
            except Exception as exc:  # any failure to open: shown once, then retried
                if not told:
                    self._post(partial(self._on_error, exc))
                    told = True
                self._stop.wait(self.RETRY_S)
                continue
            told = False
            try:
                while not self._stop.is_set():
                    for code in scanner.read(0.5):
                        self._post(partial(self._on_code, code))
            except Exception as exc:  # the port went away: shown, then retried
                self._post(partial(self._on_error, exc))
                told = True
            finally:
                scanner.close()
