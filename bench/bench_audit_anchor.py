"""What the audit anchor costs the writer: single-row write transactions (one audit row
each, as a view or a login writes) with the anchor's hooks and without them, interleaved
in rounds so the machine's load affects both alike. Each transaction commits with fsync
(SQLite FULL); the anchor adds a file read, a primary-key lookup and a rename."""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from intake.services import audit
from intake.station import Station
from intake.store.db import Database
from intake.store.migrate import upgrade

ROUNDS = int(os.environ.get("WINDOWDESK_BENCH_ANCHOR_ROUNDS", "10"))
PER_ROUND = 100


def _round(db: Database) -> list[float]:
    times = []
    for i in range(PER_ROUND):
        started = time.perf_counter()
        with db.write() as session:
            audit.append(session, "clerk01", "view", None, f"row {i}")
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        Station.open(Path(tmp) / "anchored") as station,
    ):
        # the same store without the anchor's hooks: a bare Database on a copy of the schema
        bare = Database(Path(tmp) / "bare.db", secrets.token_bytes(32))
        upgrade(bare)
        on: list[float] = []
        off: list[float] = []
        _round(station.db), _round(bare)  # warm up
        for _ in range(ROUNDS):
            on += _round(station.db)
            off += _round(bare)
        bare.dispose()

        def figures(xs: list[float]) -> str:
            q = statistics.quantiles(xs, n=100)
            return f"p50 {q[49]:.2f} ms, p95 {q[94]:.2f} ms, mean {statistics.fmean(xs):.2f} ms"

        print(f"one-row write transaction, anchor on : {figures(on)} ({len(on)} writes)")
        print(f"one-row write transaction, anchor off: {figures(off)} ({len(off)} writes)")
        print(f"verify after: ok={station.audit.verify().ok}")
