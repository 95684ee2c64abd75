"""Chaos: 3 stations take cases and sync through a fault proxy while the hub and the station
processes are SIGKILLed and restarted; departments decide meanwhile. After a calm drain,
every case is at the hub exactly once with the same digest, every decision reached its
station once and in order, outboxes are empty and cursors at head (tests/sync/verify.py).

Bounded: WINDOWDESK_CHAOS_SECONDS of chaos (default 30; longer only until every kill count
reaches 10), then the drain. The same check is shown to fail for a client that acknowledges
before sending (test_engine.py).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from intake.demo import add_demo_cases
from intake.station import Station
from sync.hub.db import make_engine
from sync.hub.errors import HubError
from sync.hub.service import Hub
from sync.testing.faultproxy import FaultProxy
from tests.sync.hubproc import ROOT, HubProcess, env
from tests.sync.stations import enrol_station
from tests.sync.verify import verify

CHAOS_SECONDS = float(os.environ.get("WINDOWDESK_CHAOS_SECONDS", "30"))
MIN_KILLS = 10
NEXT = {
    "accepted": "undertaken",
    "undertaken": "reviewed",
    "reviewed": "approved",
    "approved": "completed",
}


def _sync_once(
    data_dir: Path, hub_url: str, *, timeout: float, attempts: int
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync",
            "--data-dir",
            str(data_dir),
            "--timeout",
            str(timeout),
            "run",
            "--once",
            "--hub",
            hub_url,
            "--attempts",
            str(attempts),
        ],
        cwd=ROOT,
        env=env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class Chaos:
    def __init__(self, hub: HubProcess, proxy_url: str, stations: dict[str, Path]) -> None:
        self.hub = hub
        self.proxy_url = proxy_url
        self.stations = stations
        self.stop = threading.Event()
        self.kills: Counter[str] = Counter()
        self.rounds: Counter[str] = Counter()
        self.cases: Counter[str] = Counter()
        self.decisions = 0
        self.errors: list[str] = []
        self.hub_lock = threading.Lock()

    def station_worker(self, code: str, seed: int) -> None:
        rng = random.Random(seed)
        data_dir = self.stations[code]
        try:
            while not self.stop.is_set() or self.kills[code] < MIN_KILLS:
                proc = _sync_once(data_dir, self.proxy_url, timeout=2, attempts=2)
                # The clerk keeps accepting cases while sync runs.
                with Station.open(data_dir) as station:
                    added = add_demo_cases(station, rng.randint(1, 3), seed=rng.randrange(1 << 30))
                self.cases[code] += len(added)
                if rng.random() < 0.8:
                    time.sleep(rng.uniform(0.2, 2.2))
                    if proc.poll() is None:
                        proc.send_signal(signal.SIGKILL)
                        self.kills[code] += 1
                try:
                    proc.wait(90)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                self.rounds[code] += 1
                if self.stop.is_set() and self.kills[code] >= MIN_KILLS:
                    break
        except Exception as exc:  # surfaced by the test, never swallowed
            self.errors.append(f"{code}: {type(exc).__name__}: {exc}")

    def hub_killer(self, seed: int) -> None:
        rng = random.Random(seed)
        try:
            while not self.stop.is_set() or self.kills["hub"] < MIN_KILLS:
                time.sleep(rng.uniform(1.5, 3.5))
                with self.hub_lock:
                    self.hub.kill()
                    self.kills["hub"] += 1
                    time.sleep(rng.uniform(0, 0.5))
                    self.hub.start()
        except Exception as exc:
            self.errors.append(f"hub killer: {type(exc).__name__}: {exc}")

    def decider(self, seed: int) -> None:
        """Departments decide on cases the hub has held for a few seconds."""
        rng = random.Random(seed)
        engine = make_engine(self.hub.db_url)
        hub = Hub(engine)
        first_seen: dict[str, float] = {}
        try:
            while not self.stop.is_set():
                time.sleep(0.5)
                now = time.monotonic()
                try:
                    export = hub.export()
                except Exception:  # the database is busy with a restarting hub: next time
                    continue
                ready = []
                for case in export:
                    first_seen.setdefault(case["case_number"], now)
                    if case["status"] in NEXT and now - first_seen[case["case_number"]] > 3:
                        ready.append(case)
                for case in rng.sample(ready, min(4, len(ready))):
                    target = NEXT[case["status"]]
                    if case["status"] == "accepted" and rng.random() < 0.15:
                        target = "supplement"  # a department asks for more materials
                    try:
                        hub.decide(
                            case["case_number"],
                            target,
                            note="chaos",
                            department="民政局",
                            outcome="granted" if target == "completed" else None,
                            materials=[("户口簿", "原件")] if target == "supplement" else (),
                            due_days=15 if target == "supplement" else None,
                        )
                        self.decisions += 1
                    except HubError as exc:
                        self.errors.append(f"decide {case['case_number']}: {exc.code}")
        finally:
            engine.dispose()


@pytest.mark.timeout(420)
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_chaos_exactly_once(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    else:
        db_url = request.getfixturevalue("postgres").create_db("chaos")
    hub = HubProcess(db_url)
    hub.start()
    proxy = FaultProxy(hub.port, seed=2026)
    proxy.start()
    proxy_url = f"http://127.0.0.1:{proxy.port}"
    try:
        stations = {}
        for i in range(3):
            d = tmp_path / f"station{i}"
            stations[enrol_station(hub.db_url, hub.url, d, code=f"CH{i:02d}")] = d
        chaos = Chaos(hub, proxy_url, stations)
        threads = [
            threading.Thread(target=chaos.station_worker, args=(code, 100 + i), daemon=True)
            for i, code in enumerate(stations)
        ]
        threads += [
            threading.Thread(target=chaos.hub_killer, args=(7,), daemon=True),
            threading.Thread(target=chaos.decider, args=(9,), daemon=True),
        ]
        for t in threads:
            t.start()
        time.sleep(CHAOS_SECONDS)
        chaos.stop.set()
        for t in threads:
            t.join(240)
            assert not t.is_alive(), "a chaos thread hung"
        assert chaos.errors == []

        # Calm: no faults, a running hub; rounds until every station has nothing left.
        proxy.mix.enabled = False
        for code, d in stations.items():
            for _attempt in range(8):
                proc = _sync_once(d, proxy_url, timeout=15, attempts=4)
                if proc.wait(180) == 0:
                    break
            else:
                pytest.fail(f"{code} could not drain")
        for d in stations.values():  # present the head cursor once more
            assert _sync_once(d, proxy_url, timeout=15, attempts=4).wait(180) == 0

        problems = verify(hub.db_url, stations)
        summary = (
            f"cases={dict(chaos.cases)} kills={dict(chaos.kills)} "
            f"rounds={dict(chaos.rounds)} decisions={chaos.decisions} "
            f"faults={dict(proxy.stats)}"
        )
        print(summary)
        assert problems == [], summary
        assert chaos.kills["hub"] >= MIN_KILLS
        assert all(chaos.kills[c] >= MIN_KILLS for c in stations), summary
        assert chaos.decisions > 0 and sum(chaos.cases.values()) > 30, summary
        for fault in ("cut_request", "cut_response", "drop_response", "reset", "blackhole"):
            assert proxy.stats[fault] > 0, summary
    finally:
        proxy.stop()
        hub.stop()
