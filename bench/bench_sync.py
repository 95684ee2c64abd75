"""Sync figures: push throughput (1 and 4 stations), backlog drain memory, pull rate.

Real parts: the hub is ``python -m sync hub serve`` on loopback (SQLite in a temp dir, or
``WINDOWDESK_BENCH_HUB_DB`` for PostgreSQL); stations are real encrypted stores.

The push backlog is made with the store's own ``enqueue`` from the op payload of a real
demo case, re-numbered per copy (creating 10 000 cases through the intake rules would take
minutes and measure intake, not sync). Sizes: ``WINDOWDESK_BENCH_PUSH`` (default 5000 per
station), ``WINDOWDESK_BENCH_BACKLOG`` (default 20000), ``WINDOWDESK_BENCH_PULL_CASES``
(default 150 real cases, each decided 4 times).
"""

from __future__ import annotations

import copy
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from intake.canonical import canonical_json, sha256_hex
from intake.demo import add_demo_cases, seed_station
from intake.services.outbox import enqueue
from intake.station import Station
from sync.client.cli import main as station_cli
from sync.client.credentials import CredentialStore
from sync.client.engine import RoundReport, SyncEngine
from sync.client.transport import HubClient, RetryPolicy
from sync.hub.db import make_engine
from sync.hub.service import Hub

ROOT = Path(__file__).resolve().parents[1]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Hub:
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.port = _port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync",
                "hub",
                "serve",
                "--db",
                db_url,
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                if httpx.get(self.url + "/v1/hello", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("hub did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _station(hub: _Hub, root: Path, name: str) -> Path:
    data_dir = root / name
    code = Hub(make_engine(hub.db_url)).create_enrolment_code(name, name)
    with open(os.devnull, "w") as sink:
        old, sys.stdout = sys.stdout, sink
        try:
            rc = station_cli(
                ["--data-dir", str(data_dir), "enroll", "--hub", hub.url, "--code", code]
            )
        finally:
            sys.stdout = old
    assert rc == 0
    with Station.open(data_dir) as station:
        seed_station(station)
    return data_dir


def _synth_backlog(data_dir: Path, n: int) -> None:
    """``n`` case.create ops cloned from one real case (new id and number each)."""
    with Station.open(data_dir) as station:
        number = add_demo_cases(station, 1, seed=11)[0]
        template = next(i for i in station.outbox.pending() if i.case_number == number)
        code = station.settings.station_code
        for start in range(0, n, 5000):
            with station.db.write() as session:
                for k in range(start, min(n, start + 5000)):
                    payload: dict[str, Any] = copy.deepcopy(template.payload)
                    case_id = f"bench-{code}-{k:07d}"
                    case_number = f"{code}-B{k:07d}"
                    payload["content"]["id"] = payload["case_id"] = case_id
                    payload["content"]["case_number"] = payload["case_number"] = case_number
                    payload["content_sha256"] = sha256_hex(canonical_json(payload["content"]))
                    enqueue(
                        session,
                        case_id=case_id,
                        case_number=case_number,
                        op="case.create",
                        base_version=0,
                        payload=payload,
                    )


def _drain(data_dir: Path, hub_url: str) -> tuple[RoundReport, float]:
    with Station.open(data_dir) as station:
        engine = SyncEngine(
            station, HubClient(hub_url), CredentialStore(data_dir), retry=RetryPolicy(attempts=5)
        )
        started = time.perf_counter()
        report = engine.run_round()
        return report, time.perf_counter() - started


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    n_push = int(os.environ.get("WINDOWDESK_BENCH_PUSH", "5000"))
    n_backlog = int(os.environ.get("WINDOWDESK_BENCH_BACKLOG", "20000"))
    n_pull = int(os.environ.get("WINDOWDESK_BENCH_PULL_CASES", "150"))
    root = Path(tempfile.mkdtemp(prefix="wd-bench-sync-"))
    db_url = os.environ.get("WINDOWDESK_BENCH_HUB_DB", f"sqlite:///{root / 'hub.db'}")
    hub = _Hub(db_url)
    print(f"hub: {db_url.split(':')[0]}; {os.cpu_count()} CPU(s)")
    try:
        # 1. one station
        one = _station(hub, root, "BENCH1")
        _synth_backlog(one, n_push)
        report, took = _drain(one, hub.url)
        assert report.state == "ok" and report.left == 0, report
        print(
            f"push, 1 station: {report.acked} ops in {took:.2f} s = "
            f"{report.acked / took:,.0f} ops/s ({report.batches} batches of <= 200)"
        )

        # 2. four stations at once
        dirs = [_station(hub, root, f"BENCH4{i}") for i in range(4)]
        for d in dirs:
            _synth_backlog(d, n_push // 2)
        results: list[tuple[RoundReport, float]] = []
        threads = [
            threading.Thread(target=lambda d=d: results.append(_drain(d, hub.url))) for d in dirs
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.perf_counter() - started
        total = sum(r.acked for r, _ in results)
        assert all(r.state == "ok" and r.left == 0 for r, _ in results)
        print(f"push, 4 stations at once: {total} ops in {took:.2f} s = {total / took:,.0f} ops/s")

        # 3. a large backlog drained by the real CLI process: its peak memory
        big = _station(hub, root, "BENCHBIG")
        _synth_backlog(big, n_backlog)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "sync", "--data-dir", str(big), "run", "--once"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        took = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        assert proc.returncode == 0, proc.stderr
        print(
            f"backlog of {n_backlog}: drained by `python -m sync run --once` in {took:.1f} s; "
            f"its max RSS {rss:.0f} MB"
        )

        # 4. pull: real cases, every accepted one decided 4 times
        pull = _station(hub, root, "BENCHPULL")
        with Station.open(pull) as station:
            add_demo_cases(station, n_pull, seed=5)
        _drain(pull, hub.url)
        central = Hub(make_engine(hub.db_url))
        accepted = [
            c["case_number"]
            for c in central.export()
            if c["station"] == "BENCHPULL" and c["status"] == "accepted"
        ]
        for number in accepted:
            for status in ("undertaken", "reviewed", "approved", "completed"):
                central.decide(number, status, department="bench")
        report, took = _drain(pull, hub.url)
        print(
            f"pull: {report.pulled} decisions in {report.pages} page(s), {took:.2f} s = "
            f"{report.pulled / took:,.0f} changes/s applied locally"
        )
    finally:
        hub.stop()
        shutil.rmtree(root, ignore_errors=True)
