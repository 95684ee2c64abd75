"""SyncManager: the app's sync worker against a real hub on loopback."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from intake.station import Station
from sync.client.manager import NO_HUB, SyncHealth, SyncManager
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, enrol_station


def _wait(seen: list[SyncHealth], predicate: object, timeout: float = 30.0) -> SyncHealth:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for h in list(seen):
            if predicate(h):  # type: ignore[operator]
                return h
        time.sleep(0.05)
    raise AssertionError(f"no such health in {[h.state for h in seen]}")


def test_it_sends_the_backlog_and_reports_counts(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 5)
    seen: list[SyncHealth] = []
    with Station.open(data) as station:
        backlog = station.outbox.stats()["pending"]
        assert backlog >= 5  # each case, and the steps some demo cases went through
        manager = SyncManager(station, data, lambda: sqlite_hub.url, seen.append, interval=60)
        manager.start()
        try:
            done = _wait(seen, lambda h: h.state == "ok")
        finally:
            manager.stop()
    assert done.waiting == 0 and done.quarantined == 0
    assert done.last_ok_at is not None
    assert done.round is not None and done.round.acked == backlog


def test_sync_now_runs_a_round_before_the_timer(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    seen: list[SyncHealth] = []
    with Station.open(data) as station:
        manager = SyncManager(station, data, lambda: sqlite_hub.url, seen.append, interval=600)
        manager.start()
        try:
            _wait(seen, lambda h: h.state == "ok")
            seen.clear()
            add_cases(data, 2, seed=11)
            manager.sync_now()
            done = _wait(seen, lambda h: h.round is not None and h.round.acked > 0, timeout=20)
        finally:
            manager.stop()
    assert done.round is not None and done.waiting == 0


def test_a_hub_that_is_down_is_offline_and_the_worker_keeps_going(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The hub went away after enrolment: the round says offline with a code, the thread
    stays alive, and the next ``sync_now`` tries again."""
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    url = sqlite_hub.url
    sqlite_hub.stop()
    with Station.open(data) as station:
        seen: list[SyncHealth] = []
        manager = SyncManager(station, data, lambda: url, seen.append)
        manager.start()
        try:
            first = _wait(seen, lambda h: h.state not in ("starting", "syncing"))
            manager.sync_now()
            count = len(seen)
            _wait(seen, lambda h: len(seen) > count + 1)
            assert any(t.name == "sync" for t in threading.enumerate())
        finally:
            manager.stop()
    assert first.state == "offline"
    assert first.error_code and first.error_code.startswith("sync.")


def test_without_a_hub_address_it_says_so(tmp_path: Path) -> None:
    data = tmp_path / "st"
    with Station.open(data) as station:
        seen: list[SyncHealth] = []
        manager = SyncManager(station, data, lambda: None, seen.append)
        manager.start()
        try:
            assert _wait(seen, lambda h: h.state == NO_HUB)
        finally:
            manager.stop()
    assert seen[-1].state == "stopped"
