"""SyncManager: the sync worker an app runs beside its windows (Maestral's manager idea).

One thread owns the hub client and runs rounds: on a timer, at once when ``sync_now()`` is
called, and again soon after a failure (full-jitter backoff, re-armed forever). Whatever a
round raises, the loop survives it and reports an honest state with a code. Every change of
state leaves through ``on_health`` (called on the worker thread; the desktop turns it into a
Qt signal in its bridge). No Qt here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sync.client.credentials import CredentialStore
from sync.client.engine import K_LAST_PULL, RoundReport, StoreLike, SyncEngine
from sync.client.transport import HubClient, RetryPolicy

log = logging.getLogger(__name__)

#: States the worker itself reports (a round's own states come from ``RoundReport.state``).
STARTING = "starting"
SYNCING = "syncing"
NO_HUB = "no_hub"
STOPPED = "stopped"
UNEXPECTED = "error"


@dataclass(frozen=True)
class SyncHealth:
    """What the status bar shows about sync."""

    state: str
    waiting: int = 0  # outbox rows not yet acknowledged
    quarantined: int = 0
    last_ok_at: str | None = None  # ISO time of the last complete round
    error_code: str | None = None
    clock_offset_s: float | None = None
    round: RoundReport | None = None
    sent: int = 0  # while syncing: items of this round answered by the platform …
    total: int = 0  # … of the items the round found waiting

    @property
    def busy(self) -> bool:
        return self.state in (STARTING, SYNCING)


class SyncManager:
    """``start()``, then ``sync_now()`` from any thread; ``stop()`` at exit."""

    def __init__(
        self,
        store: StoreLike,
        data_dir: Path,
        hub_url: Callable[[], str | None],
        on_health: Callable[[SyncHealth], None],
        *,
        interval: float = 30.0,
        retry: RetryPolicy | None = None,
        client_factory: Callable[[str], HubClient] = HubClient,
    ) -> None:
        self._store = store
        self._credentials = CredentialStore(data_dir)
        self._hub_url = hub_url
        self._on_health = on_health
        self._interval = interval
        self._retry = retry or RetryPolicy(attempts=2)
        self._client_factory = client_factory
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._health = SyncHealth(STARTING)

    @property
    def health(self) -> SyncHealth:
        with self._lock:
            return self._health

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
            self._thread.start()

    def sync_now(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 15.0) -> None:
        thread, self._thread = self._thread, None
        self._stopping.set()
        self._wake.set()
        if thread is not None:
            thread.join(timeout)
        self._publish(replace(self.health, state=STOPPED))

    # worker thread -------------------------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        engine: SyncEngine | None = None
        client: HubClient | None = None
        url: str | None = None
        try:
            while not self._stopping.is_set():
                wanted = self._hub_url()
                if wanted != url:
                    if client is not None:
                        client.close()
                    client, engine, url = None, None, wanted
                    if url:
                        client = self._client_factory(url)
                        engine = SyncEngine(
                            self._store, client, self._credentials, on_progress=self._progress
                        )
                if engine is None:
                    self._publish(self._counted(SyncHealth(NO_HUB)))
                    delay = self._interval
                else:
                    ok = self._one_round(engine)
                    failures = 0 if ok else failures + 1
                    delay = self._interval if ok else max(2.0, self._retry.backoff(failures))
                self._wake.wait(delay)
                self._wake.clear()
        finally:
            if client is not None:
                client.close()

    def _one_round(self, engine: SyncEngine) -> bool:
        self._publish(replace(self.health, state=SYNCING, sent=0, total=0))
        started = time.monotonic()
        try:
            report = engine.run_round()
        except Exception as exc:  # never let a bug kill the worker: report it and re-arm
            log.exception("sync round failed unexpectedly")
            code = str(getattr(exc, "code", "") or "sync.unexpected")
            self._publish(self._counted(SyncHealth(UNEXPECTED, error_code=code)))
            return False
        log.info("sync round %s in %.0f ms", report.state, (time.monotonic() - started) * 1000)
        error = str(report.error.get("error") or "") or None if report.error else None
        self._publish(self._counted(SyncHealth(report.state, error_code=error, round=report)))
        return report.state == "ok"

    def _progress(self, sent: int, total: int) -> None:
        self._publish(replace(self.health, state=SYNCING, sent=sent, total=total))

    def _counted(self, health: SyncHealth) -> SyncHealth:
        """The health with the store's current counts (reads only)."""
        try:
            stats: dict[str, Any] = self._store.outbox.stats()
            kv = self._store.sync_state
            last = kv.get(K_LAST_PULL)
            offset = kv.get("sync.clock_offset_s")
        except Exception:
            log.exception("reading sync counts failed")
            return health
        return replace(
            health,
            waiting=int(stats["pending"]) + int(stats["inflight"]),
            quarantined=int(stats["quarantined"]),
            last_ok_at=str(last) if last else None,
            clock_offset_s=float(offset) if offset is not None else None,
        )

    def _publish(self, health: SyncHealth) -> None:
        with self._lock:
            self._health = health
        try:
            self._on_health(health)
        except Exception:  # a broken listener must not stop sync
            log.exception("sync health listener failed")
