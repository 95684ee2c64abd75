"""The follow-ups page's five lists and the inbox on a store of many cases.

Builds a store with ``CASES`` demo cases (through ``CaseService.accept``, as a clerk's day
makes them, plus the follow-up states of ``add_followup_cases``), then times each list query
the page runs on the reader pool (median and worst of ``RUNS``). WINDOWDESK_BENCH_CASES sets
the size.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import percentile
from intake.demo import add_demo_cases, add_followup_cases, seed_station
from intake.station import Station

CASES = int(os.environ.get("WINDOWDESK_BENCH_CASES", "5000"))
RUNS = 30


def _time(fn: Callable[[], Any]) -> tuple[float, float, int]:
    samples = []
    n = 0
    for _ in range(RUNS):
        started = time.perf_counter()
        n = len(fn())
        samples.append((time.perf_counter() - started) * 1000)
    return percentile(samples, 0.5), max(samples), n


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    with tempfile.TemporaryDirectory() as tmp, Station.open(Path(tmp)) as station:
        seed_station(station)
        started = time.perf_counter()
        add_demo_cases(station, CASES, days_back=365)
        add_followup_cases(station)
        print(f"store: {CASES} cases in {time.perf_counter() - started:.0f} s")
        f = station.followups
        queries: dict[str, Callable[[], Any]] = {
            "supplement_waiting": f.supplement_waiting,
            "deferred_due": f.deferred_due,
            "verifications_due": f.verifications_due,
            "ready_to_deliver": f.ready_to_deliver,
            "withdrawable (newest 100)": lambda: f.withdrawable(limit=100),
            "inbox items": lambda: station.inbox.items("clerk01"),
        }
        for name, fn in queries.items():
            median, worst, n = _time(fn)
            print(f"{name:28s} rows {n:4d}  median {median:6.2f} ms  worst {worst:6.2f} ms")
