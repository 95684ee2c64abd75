"""The WAL stays bounded under sustained writes while readers keep a snapshot open."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from sqlalchemy import text

from intake.store.db import Database

MIB = 1024 * 1024


def test_wal_stays_bounded_with_overlapping_readers(tmp_path: Path) -> None:
    db = Database(tmp_path / "w.db", os.urandom(32), wal_limit_mib=2, checkpoint_interval=0.05)
    wal = tmp_path / "w.db-wal"
    stop = threading.Event()

    def reader(offset: float) -> None:  # two of these: a read transaction is always open
        time.sleep(offset)
        while not stop.is_set():
            with db.read() as session:
                session.execute(text("SELECT count(*) FROM t")).scalar()
                time.sleep(0.04)

    try:
        with db.write() as session:
            session.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"))
        readers = [threading.Thread(target=reader, args=(i * 0.02,)) for i in range(2)]
        for r in readers:
            r.start()
        largest = 0
        for i in range(600):  # ~12 MB of pages, six times the limit
            with db.write() as session:
                session.execute(text("INSERT INTO t (body) VALUES (:b)"), {"b": os.urandom(16000)})
            if i % 10 == 0:
                largest = max(largest, wal.stat().st_size)
        stop.set()
        for r in readers:
            r.join()
        assert largest < 2 * 2 * MIB, f"WAL reached {largest / MIB:.1f} MiB"
    finally:
        stop.set()
        db.dispose()
