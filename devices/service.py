"""DeviceService: one device thread, a job queue, events through a plain callback.

Every call into a reader happens on the service's single thread (Electrum's hwd executor,
calibre's DeviceManager): jobs submitted from any thread, polling for cards between jobs,
and the watchdog that re-opens a reader that went away. Results and state changes leave
through ``on_event`` (called on the device thread); the desktop turns them into Qt signals
in its one bridge module. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from devices.errors import DeviceError
from devices.jsonout import identity_to_json
from devices.reader import STATE_OF_KIND, Health, HealthState, Reader
from intake.errors import WindowDeskError
from intake.identity import Identity

log = logging.getLogger(__name__)
T = TypeVar("T")

# event kinds
HEALTH = "health"
CARD_PRESENT = "card.present"
CARD_ABSENT = "card.absent"
READ_OK = "read.ok"
READ_ERROR = "read.error"


@dataclass(frozen=True)
class DeviceEvent:
    kind: str
    health: Health
    identity: Identity | None = None
    error: WindowDeskError | None = None
    at: float = 0.0  # time.monotonic() when it happened

    def __repr__(self) -> str:
        return f"DeviceEvent({self.kind}, {self.health.state.value}, error={self.error_code})"

    @property
    def error_code(self) -> str | None:
        return self.error.code if self.error is not None else None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"event": self.kind, "health": self.health.to_json()}
        if self.identity is not None:
            out["identity"] = identity_to_json(self.identity)
        if self.error is not None:
            out["error"] = self.error.code
            out["message"] = self.error.message
        return out


class Watchdog:
    """When to try re-opening a lost reader: at once, then every ``interval`` seconds."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._next = 0.0
        self.attempts = 0

    def due(self) -> bool:
        return self._clock() >= self._next

    def failed(self) -> None:
        self.attempts += 1
        self._next = self._clock() + self.interval

    def lost(self) -> None:
        """The reader just went away: try again at once (a glitch often heals)."""
        self._next = 0.0

    def succeeded(self) -> None:
        self.attempts = 0


class DeviceService:
    """Owns one Reader. ``start()``, then ``read()`` / ``submit()`` from any thread."""

    def __init__(
        self,
        reader: Reader,
        on_event: Callable[[DeviceEvent], None],
        *,
        auto_read: bool = True,
        poll_interval: float = 0.05,
        reopen_interval: float = 1.0,
    ) -> None:
        self._reader = reader
        self._on_event = on_event
        self._auto_read = auto_read
        self._poll_interval = poll_interval
        self._watchdog = Watchdog(reopen_interval)
        self._jobs: queue.Queue[tuple[Callable[[Reader], Any], Future[Any]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._health = Health(HealthState.NO_READER, reader.backend, reader.name)
        self._open = False
        self._present = False

    # public, any thread ------------------------------------------------------------------
    @property
    def health(self) -> Health:
        with self._lock:
            return self._health

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="device", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._jobs.put(None)
        thread.join(timeout)

    def __enter__(self) -> DeviceService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def submit(self, job: Callable[[Reader], T]) -> Future[T]:
        """Run ``job(reader)`` on the device thread; the future carries its result or error."""
        future: Future[T] = Future()
        self._jobs.put((job, future))
        return future

    def read(self) -> Future[Identity]:
        """Read the card now (also delivered as a read.ok / read.error event)."""
        return self.submit(lambda reader: self._read())

    # device thread -----------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                try:
                    item = self._jobs.get(timeout=self._poll_interval)
                except queue.Empty:
                    self._safe_tick()
                    continue
                if item is None:  # stop()
                    break
                self._run_job(*item)
        finally:
            self._close()

    def _run_job(self, job: Callable[[Reader], Any], future: Future[Any]) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            if not self._open:
                failure = self._try_open()
                if failure is not None:
                    raise failure
            result = job(self._reader)
        except BaseException as exc:  # every failure reaches the caller's future
            if isinstance(exc, DeviceError) and exc.kind != "card":
                self._lost(exc)
            future.set_exception(exc)
        else:
            future.set_result(result)

    def _emit(self, kind: str, **fields: Any) -> None:
        event = DeviceEvent(kind, self.health, at=time.monotonic(), **fields)
        log.debug("device event %s", event)
        try:
            self._on_event(event)
        except Exception:  # a broken listener must not stop the device thread
            log.exception("device event listener failed on %s", kind)

    def _set_health(self, state: HealthState, error: str | None = None) -> None:
        with self._lock:
            old = self._health
            new = replace(
                old,
                state=state,
                reader=self._reader.name,
                last_error=error if error is not None else old.last_error,
            )
            self._health = new
        if new != old:
            self._emit(HEALTH)

    def _try_open(self) -> DeviceError | None:
        """Open the reader; the error if it cannot be (health already says so)."""
        try:
            self._reader.open()
        except DeviceError as exc:
            self._watchdog.failed()
            self._set_health(STATE_OF_KIND.get(exc.kind, HealthState.READER_ERROR), exc.code)
            return exc
        self._open = True
        self._present = False
        self._watchdog.succeeded()
        self._set_health(HealthState.CONNECTED)
        return None

    def _lost(self, exc: DeviceError) -> None:
        """A reader/SAM/line failure: close, report, let the watchdog re-open it."""
        self._close()
        self._watchdog.lost()
        self._set_health(STATE_OF_KIND.get(exc.kind, HealthState.READER_ERROR), exc.code)
        if self._present:
            self._present = False
            self._emit(CARD_ABSENT)

    def _close(self) -> None:
        if self._open:
            self._open = False
            try:
                self._reader.close()
            except Exception:
                log.exception("closing the reader failed")

    def _safe_tick(self) -> None:
        try:
            self._tick()
        except Exception as exc:  # a bug in a backend must not kill the device thread
            log.exception("device poll failed")
            self._lost(DeviceError(f"internal error: {type(exc).__name__}", code="device.internal"))

    def _tick(self) -> None:
        if not self._open:
            if self._watchdog.due():
                self._try_open()
            return
        try:
            present = self._reader.poll()
        except DeviceError as exc:
            if exc.kind == "card":
                self._set_health(HealthState.CONNECTED, exc.code)
            else:
                self._lost(exc)
            return
        if present == self._present:
            return
        self._present = present
        self._emit(CARD_PRESENT if present else CARD_ABSENT)
        if present and self._auto_read:
            with contextlib.suppress(WindowDeskError):  # delivered as a read.error event
                self._read()

    def _read(self) -> Identity:
        try:
            identity = self._reader.read()
        except WindowDeskError as exc:
            if isinstance(exc, DeviceError) and exc.kind != "card":
                self._lost(exc)
            else:
                self._set_health(HealthState.CONNECTED, exc.code)
            self._emit(READ_ERROR, error=exc)
            raise
        self._emit(READ_OK, identity=identity)
        return identity
