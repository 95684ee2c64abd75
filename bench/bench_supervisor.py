"""The supervisor's audit tools on a long chain: ``AuditService.verify`` over ``ROWS`` audit
rows (streamed, with progress), and the viewer's first and a deep keyset page, unfiltered and
filtered by operator. Rows are appended the way the app appends them (one chain)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from intake.services import audit
from intake.services.audit import AuditFilter
from intake.station import Station

ROWS = int(os.environ.get("WINDOWDESK_BENCH_AUDIT_ROWS", "300000"))
BATCH = 5000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, Station.open(Path(tmp)) as station:
        started = time.perf_counter()
        for start in range(0, ROWS, BATCH):
            with station.db.write() as session:
                for i in range(start, min(ROWS, start + BATCH)):
                    operator = f"clerk{i % 7:02d}"
                    audit.append(session, operator, "view", None, f"row {i}")
        print(f"appended {ROWS} audit rows in {time.perf_counter() - started:.1f} s")
        calls: list[int] = []
        started = time.perf_counter()
        verdict = station.audit.verify(lambda done, _total: calls.append(done))
        took = time.perf_counter() - started
        print(
            f"verify: ok={verdict.ok} rows={verdict.rows} in {took:.2f} s "
            f"({verdict.rows / took:,.0f} rows/s, {len(calls)} progress calls)"
        )
        for name, where in (
            ("all", AuditFilter()),
            ("one operator", AuditFilter(operator_id="clerk03")),
        ):
            started = time.perf_counter()
            page = station.audit.search(where, limit=200)
            first = (time.perf_counter() - started) * 1000
            before = page[-1].seq
            for _ in range(50):  # scroll 50 pages down
                page = station.audit.search(where, before_seq=before, limit=200)
                before = page[-1].seq
            started = time.perf_counter()
            station.audit.search(where, before_seq=before, limit=200)
            deep = (time.perf_counter() - started) * 1000
            print(f"viewer page ({name}): first {first:.1f} ms, 51st {deep:.1f} ms")
