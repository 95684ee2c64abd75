"""Village station benchmark: the queries its screens run (each on a reader thread, never
the UI's) and the hand-over list as a PDF, on a demo station of 600 cases never sent.

Run: ``WINDOWDESK_KEYRING=file python -m bench village``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CASES = 600
RUNS = 20


def _timed(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, float, Any]:
    fn()  # warm
    times = []
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), out


def main() -> None:
    os.environ["WINDOWDESK_KEYRING"] = "file"
    from intake.station import Station
    from printing.fonts import load_font_set
    from printing.service import PrintService

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "station"
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "intake",
                "--data-dir",
                str(data),
                "demo",
                "--cases",
                str(CASES),
            ],
            check=True,
            capture_output=True,
        )
        print(f"demo station of {CASES} cases: {time.perf_counter() - t0:.0f} s")
        with Station.open(data) as st:
            stats = st.outbox.stats()
            print(f"outbox: {stats['pending']} items waiting")

            def banner() -> Any:
                return st.outbox.stats(), st.sync_state.get("sync.last_pull_at")

            for name, fn in (
                ("banner counts (outbox stats + last sync)", banner),
                ("waiting list (500 items)", lambda: st.quarantine.waiting(500)),
                ("returned list", st.quarantine.returned),
                ("hand-over list (pending)", st.handover.pending),
            ):
                median, worst, out = _timed(fn)
                size = f", {len(out)} rows" if isinstance(out, list) else ""
                print(f"{name}: median {median:.1f} ms, max {worst:.1f} ms{size}")
            pending = st.handover.pending()
            fonts = load_font_set()
            settings = st.settings
            svc = PrintService(
                jobs=st.print_jobs, cases=st.cases, settings=lambda: settings, fonts=lambda: fonts
            )
            median, worst, rendered = _timed(
                lambda: svc.render_handover(pending, clerk="王芳"), runs=5
            )
            print(
                f"交接清单 PDF of {len(pending)} cases: median {median:.0f} ms, "
                f"max {worst:.0f} ms, {rendered.pages} pages"
            )
            t0 = time.perf_counter()
            batch = st.handover.hand_over(
                [c.case_id for c in pending], handed_by="王芳", received_by="刘洋", operator_id="b"
            )
            print(
                f"marking {len(batch.cases)} cases handed over (one transaction): "
                f"{(time.perf_counter() - t0) * 1000:.0f} ms"
            )
