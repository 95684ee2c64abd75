"""Printing benchmark: one A4 notice (target ≤ 60 ms) and 1,000 notices (target ≤ 30 s).

Seeds a throw-away demo station, then renders notices of its cases exactly as a print job
does (case view → document → PDF bytes, CJK font subset embedded, QR and barcode), without
sending them anywhere. Run: ``python -m bench printing``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_SINGLE = 50
N_BATCH = 1000


def main() -> None:
    os.environ["WINDOWDESK_KEYRING"] = "file"  # a throw-away demo station
    from intake.station import Station
    from intake.status import Status
    from printing.drawing import _qr_matrix
    from printing.fonts import load_font_set
    from printing.service import REQUIRED_NOTICE, PrintService

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "station"
        subprocess.run(
            [sys.executable, "-m", "intake", "--data-dir", str(data), "demo", "--cases", "30"],
            check=True,
            capture_output=True,
        )
        with Station.open(data) as st:
            t0 = time.perf_counter()
            fonts = load_font_set()
            print(f"font discovery and load: {(time.perf_counter() - t0) * 1000:.0f} ms")
            settings, catalog = st.settings, st.catalog
            svc = PrintService(
                jobs=st.print_jobs,
                cases=st.cases,
                settings=lambda: settings,
                catalog=lambda: catalog,
                fonts=lambda: fonts,
            )
            views = [st.cases.get(c.case_number) for c in st.cases.list(limit=100)]
        work = [(v, REQUIRED_NOTICE.get(v.status, "materials")) for v in views]
        accepted = next(v for v in views if v.status is Status.ACCEPTED)

        def render(view, kind: str, n: int) -> int:  # type: ignore[no-untyped-def]
            _qr_matrix.cache_clear()  # as if every notice were for a new case
            ctx = svc.context(view, kind, doc_number=n, year=2026)
            return len(svc.render(ctx).payload.data)

        render(accepted, "acceptance", 0)  # warm-up: font subsetting tables, imports
        times = []
        for i in range(N_SINGLE):
            t = time.perf_counter()
            render(accepted, "acceptance", i + 1)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(
            f"one A4 acceptance notice: median {statistics.median(times):.1f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms "
            f"(target ≤ 60 ms; {N_SINGLE} runs)"
        )
        t = time.perf_counter()
        size = 0
        for i in range(N_BATCH):
            view, kind = work[i % len(work)]
            size += render(view, kind, i + 1)
        total = time.perf_counter() - t
        print(
            f"{N_BATCH} notices ({len(work)} demo cases, their required notice or the "
            f"materials list): {total:.1f} s, {total / N_BATCH * 1000:.1f} ms each, "
            f"{size / N_BATCH / 1024:.0f} KiB each (target ≤ 30 s)"
        )
        from printing.context import QueueInfo

        t = time.perf_counter()
        for i in range(200):
            ctx = svc.context(
                accepted, "ticket", doc_number=i, year=2026, queue=QueueInfo(f"A{i:03d}", 3)
            )
            svc.render(ctx, "escpos")
        print(f"80 mm ticket as ESC/POS bytes: {(time.perf_counter() - t) / 200 * 1000:.2f} ms")


if __name__ == "__main__":
    main()
