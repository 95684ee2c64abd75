"""The task runner: every database write on one writer thread, queries on a reader pool,
printing on its own thread (Anki's CollectionOp / QueryOp).

Each operation is one line at the call site: ``runner.write(fn, on_done)``. ``fn`` runs off
the UI thread; ``on_done(result)`` or ``on_error(exc)`` runs back on it through the bridge.
An error without its own handler goes to the app's error handler: nothing is swallowed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from desktop.bridge import Bridge

log = logging.getLogger(__name__)
T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner:
    def __init__(self, bridge: Bridge, on_error: Failed) -> None:
        self._bridge = bridge
        self._on_error = on_error
        self._pools = {
            "write": ThreadPoolExecutor(1, thread_name_prefix="writer"),
            "read": ThreadPoolExecutor(2, thread_name_prefix="reader"),
            "print": ThreadPoolExecutor(1, thread_name_prefix="print"),
            "background": ThreadPoolExecutor(2, thread_name_prefix="background"),
        }
        self._lock = threading.Lock()
        self._pending = 0
        self.idle = threading.Event()
        self.idle.set()
        self.closed = False

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def write(
        self, fn: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[T]:
        return self._submit("write", fn, on_done, on_error)

    def read(
        self, fn: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[T]:
        return self._submit("read", fn, on_done, on_error)

    def print(
        self, fn: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[T]:
        return self._submit("print", fn, on_done, on_error)

    def background(
        self, fn: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[T]:
        return self._submit("background", fn, on_done, on_error)

    def _submit(
        self, pool: str, fn: Callable[[], T], on_done: Done | None, on_error: Failed | None
    ) -> Future[T]:
        if self.closed:
            raise RuntimeError("the task runner is shut down")
        with self._lock:
            self._pending += 1
            self.idle.clear()
        future = self._pools[pool].submit(fn)
        future.add_done_callback(lambda f: self._finished(f, on_done, on_error))
        return future

    def _finished(self, future: Future[Any], on_done: Done | None, on_error: Failed | None) -> None:
        exc = future.exception()
        if exc is not None and not isinstance(exc, Exception):
            log.error("task ended by %r", exc)

        def deliver() -> None:
            try:
                if exc is not None:
                    (on_error or self._on_error)(exc)
                elif on_done is not None:
                    on_done(future.result())
            finally:
                with self._lock:
                    self._pending -= 1
                    if self._pending == 0:
                        self.idle.set()

        self._bridge.post(deliver)

    def shutdown(self) -> None:
        """Finish what was submitted (a save in flight completes) and stop the threads."""
        self.closed = True
        for name in ("write", "print", "read", "background"):
            self._pools[name].shutdown(wait=True, cancel_futures=name in ("read", "background"))
