"""The statistics dashboard's figures on a large store, one by one, for a month and a year.

    BENCH_STORE=/var/tmp/wd1m-stats python -m bench stats

Uses the filled store ``python -m bench intake`` leaves behind (``BENCH_STORE``; copy it
first, a station opened here is migrated to this branch's schema). Each figure is one SQL
aggregate (``intake.stats.figures.Figures``); it prints the median of ``RUNS`` runs with a
warm cache (a supervisor refreshes the page) and the first, cold, run of the whole dashboard.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from pathlib import Path

from sqlalchemy import text

from intake.station import Station
from intake.stats import Period

RUNS = 3
FIGURES = (
    "cases",
    "per_day",
    "per_matter",
    "per_operator",
    "immediate",
    "first_time",
    "visits",
    "handling",
    "overdue",
    "deferred",
    "ratings",
    "low_ratings",
)


def _median_ms(fn: object) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    folder = Path(os.environ.get("BENCH_STORE", "/var/tmp/wd1m-stats"))
    if not (folder / "windowdesk.db").exists():
        print(f"no filled store in {folder}: run BENCH_STORE={folder} python -m bench intake")
        return
    with Station.open(folder) as station:
        with station.db.read() as s:
            total, last = s.execute(text("SELECT count(*), max(received_at) FROM cases")).one()
        end = dt.date.fromisoformat(last[:10])
        periods = {
            "month": Period(end.replace(day=1), end),
            "year": Period(end - dt.timedelta(days=364), end),
        }
        print(f"{total:,} cases, the newest received {end}")
        for name, period in periods.items():
            started = time.perf_counter()
            board = station.stats.dashboard(period, today=end)
            cold = (time.perf_counter() - started) * 1000
            print(
                f"\n{name} {period.start}..{period.end}: {board.cases:,} cases; "
                f"whole dashboard first run {cold:.0f} ms"
            )
            with station.db.read() as session:
                figures = station.stats.figures(session, period, today=end)
                times = {f: _median_ms(getattr(figures, f)) for f in FIGURES}
            for f, ms in times.items():
                print(f"  {f:<13} {ms:8.1f} ms")
            print(f"  {'sum':<13} {sum(times.values()):8.1f} ms")
            op = board.per_operator[0].key if board.per_operator else None
            one = Period(period.start, period.end, operator_id=op)
            started = time.perf_counter()
            station.stats.dashboard(one, today=end)
            print(f"  one operator ({op}): {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
