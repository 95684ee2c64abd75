"""A round reports its push progress (items answered of the backlog) as it goes: the village
station's sync-now button shows it."""

from __future__ import annotations

from pathlib import Path

from intake.station import Station
from sync.client.manager import SYNCING, SyncHealth, SyncManager
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, engine_for, enrol_station
from tests.sync.test_manager import _wait


def test_a_round_reports_items_sent_of_total_batch_by_batch(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 7)
    seen: list[tuple[int, int]] = []
    with Station.open(data) as station:
        backlog = station.outbox.stats()["pending"]
        engine = engine_for(station, sqlite_hub.url)
        engine.batch_items = 3
        engine.on_progress = lambda sent, total: seen.append((sent, total))
        report = engine.run_round()
    assert report.state == "ok" and report.acked == backlog
    assert seen[0] == (0, backlog)  # before the first batch leaves
    assert seen[-1] == (backlog, backlog)
    sents = [s for s, _ in seen]
    assert sents == sorted(sents) and len(set(sents)) >= backlog // 3 + 1  # batch by batch
    assert all(s <= t for s, t in seen)


def test_a_broken_progress_listener_does_not_stop_the_round(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 2)

    def broken(_sent: int, _total: int) -> None:
        raise RuntimeError("a listener bug")

    with Station.open(data) as station:
        engine = engine_for(station, sqlite_hub.url)
        engine.on_progress = broken
        assert engine.run_round().state == "ok"
        assert station.outbox.stats()["pending"] == 0


def test_the_manager_publishes_the_progress_while_syncing(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 4)
    seen: list[SyncHealth] = []
    with Station.open(data) as station:
        backlog = station.outbox.stats()["pending"]
        manager = SyncManager(station, data, lambda: sqlite_hub.url, seen.append, interval=60)
        manager.start()
        try:
            _wait(seen, lambda h: h.state == "ok")
        finally:
            manager.stop()
    progress = [(h.sent, h.total) for h in seen if h.state == SYNCING and h.total]
    assert progress and progress[-1] == (backlog, backlog)
    done = next(h for h in seen if h.state == "ok")
    assert done.sent == 0 and done.waiting == 0  # the round is over: no progress shown
