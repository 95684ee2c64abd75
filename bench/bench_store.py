"""WAL size under sustained writes while two readers always hold a snapshot open.

Writes ``WRITES`` rows of 16 KB back to back (each its own ``synchronous=FULL`` commit)
through ``Database.write`` with a WAL limit of ``LIMIT_MIB``, two reader threads keeping a
read transaction open at every instant, and prints the largest WAL seen and the write time
percentiles. Without the bound the WAL only grows (the review saw 2.6 GB).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import text

from bench.stats import percentile
from intake.store.db import Database

WRITES = 5000
LIMIT_MIB = 4
MIB = 1024 * 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = Database(path, os.urandom(32), wal_limit_mib=LIMIT_MIB, checkpoint_interval=0.5)
        wal = path.with_name(path.name + "-wal")
        stop = threading.Event()

        def reader(offset: float) -> None:
            time.sleep(offset)
            while not stop.is_set():
                with db.read() as session:
                    session.execute(text("SELECT count(*) FROM t")).scalar()
                    time.sleep(0.04)

        with db.write() as session:
            session.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"))
        readers = [threading.Thread(target=reader, args=(i * 0.02,)) for i in range(2)]
        for r in readers:
            r.start()
        largest, times = 0, []
        for _ in range(WRITES):
            started = time.perf_counter()
            with db.write() as session:
                session.execute(text("INSERT INTO t (body) VALUES (:b)"), {"b": os.urandom(16000)})
            times.append((time.perf_counter() - started) * 1000)
            largest = max(largest, wal.stat().st_size)
        stop.set()
        for r in readers:
            r.join()
        db_size = path.stat().st_size
        db.dispose()
    print(
        f"{WRITES} writes of 16 KB, 2 overlapping readers, WAL limit {LIMIT_MIB} MiB: "
        f"largest WAL {largest / MIB:.1f} MiB beside a {db_size / MIB:.1f} MiB database; "
        f"write p50 {percentile(times, 0.5):.1f} ms, p99 {percentile(times, 0.99):.1f} ms, "
        f"max {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
