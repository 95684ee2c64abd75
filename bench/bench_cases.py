"""The case list at a million cases: count, first page and a scroll page for each filter,
and opening a case (the core calls the cases page makes, on the threads it makes them on).

    cp -a /var/tmp/wd1m-base /var/tmp/wd1m-cases   # a copy: opening it migrates it (0060)
    BENCH_STORE=/var/tmp/wd1m-cases python -m bench cases

Without ``BENCH_STORE`` a store of ``BENCH_CASES`` (default 100,000) cloned cases is
filled in a temporary folder with ``bench.bench_intake.fill``. The first open of a store
made before 0060 builds the list's indexes: that time is printed too. Each figure is p50 /
p99 in ms over ``RUNS`` runs with a fresh sample value each run (text searches) or the same
filter (the others); the plan line names the index each filter walks.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.stats import percentile
from intake.clock import local_date, now
from intake.services.case_queries import CaseFilter
from intake.station import Station
from intake.status import Status
from intake.views import Channel

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
PAGE = 100


def _ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def _samples(station: Station) -> list[Any]:
    with station.db.read() as s:
        return list(
            s.execute(
                text(
                    "SELECT case_number, applicant_id_number, applicant_phone, applicant_name, "
                    "applicant_pinyin, applicant_initials, operator_id FROM cases "
                    "WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM cases) "
                    "FROM cases LIMIT 500)"
                )
            ).all()
        )


def filters(station: Station, rng: random.Random) -> dict[str, Callable[[], CaseFilter]]:
    rows = _samples(station)
    pick = lambda: rows[rng.randrange(len(rows))]  # noqa: E731
    today = local_date(now())
    return {
        "everything": lambda: CaseFilter(),
        "case number": lambda: CaseFilter(text=pick()[0]),
        "ID number": lambda: CaseFilter(text=pick()[1]),
        "phone (first 7)": lambda: CaseFilter(text=pick()[2][:7]),
        "name": lambda: CaseFilter(text=pick()[3]),
        "surname": lambda: CaseFilter(text=pick()[3][0]),
        "pinyin prefix": lambda: CaseFilter(text=pick()[4][:4]),
        "initials": lambda: CaseFilter(text=pick()[5]),
        "status 补正": lambda: CaseFilter(status=Status.SUPPLEMENT),
        "status 受理": lambda: CaseFilter(status=Status.ACCEPTED),
        "channel village": lambda: CaseFilter(channel=Channel.VILLAGE),
        "operator": lambda: CaseFilter(operator_id=pick()[6]),
        "sync waiting": lambda: CaseFilter(sync_state="waiting"),
        "sync acknowledged": lambda: CaseFilter(sync_state="acknowledged"),
        "last 30 days": lambda: CaseFilter(received_from=today - timedelta(days=30)),
        "notice not printed": lambda: CaseFilter(notice_not_printed=True),
        "awaiting rating": lambda: CaseFilter(awaiting_rating=True),
        "surname + 受理": lambda: CaseFilter(text=pick()[3][0], status=Status.ACCEPTED),
        "village + 30 days": lambda: CaseFilter(
            channel=Channel.VILLAGE, received_from=today - timedelta(days=30)
        ),
    }


def _index_of(plan: list[str]) -> str:
    used = [w for line in plan for w in line.split() if w.startswith(("ix_", "sqlite_auto"))]
    return ",".join(dict.fromkeys(used)) or "-"


def measure(station: Station, runs: int = RUNS) -> list[tuple[str, dict[str, float], str]]:
    rng = random.Random(7)
    out = []
    for name, make in filters(station, rng).items():
        counts, firsts, scrolls = [], [], []
        total = 0
        for _ in range(runs):
            f = make()
            ms, total = _ms(lambda f=f: station.case_queries.count(f))
            counts.append(ms)
            ms, page = _ms(lambda f=f: station.case_queries.page(f, limit=PAGE))
            firsts.append(ms)
            after = page.next
            for _ in range(4):  # the clerk scrolled four pages down: time the fifth
                if after is None:
                    break
                after = station.case_queries.page(f, after=after, limit=PAGE).next
            if after is not None:
                ms, _page = _ms(lambda f=f, a=after: station.case_queries.page(f, after=a))
                scrolls.append(ms)
        figures = {
            "count p50": percentile(counts, 0.5),
            "count p99": percentile(counts, 0.99),
            "page p50": percentile(firsts, 0.5),
            "page p99": percentile(firsts, 0.99),
            "scroll p50": percentile(scrolls, 0.5) if scrolls else float("nan"),
            "scroll p99": percentile(scrolls, 0.99) if scrolls else float("nan"),
            "rows": float(total),
        }
        out.append((name, figures, _index_of(station.case_queries.explain(make()))))
    return out


def measure_open(station: Station, runs: int) -> tuple[float, float, float, float]:
    """Opening a case as the page does (audited view + jobs + audit rows), and the refresh."""
    rows = _samples(station)
    rng = random.Random(9)
    catalog = station.catalog
    opens, details = [], []
    for _ in range(runs):
        number = rows[rng.randrange(len(rows))][0]
        ms, _ = _ms(
            lambda n=number: station.case_queries.open(n, operator="bench", catalog=catalog)
        )
        opens.append(ms)
        ms, _ = _ms(lambda n=number: station.case_queries.detail(n, catalog=catalog))
        details.append(ms)
    return (
        percentile(opens, 0.5),
        percentile(opens, 0.99),
        percentile(details, 0.5),
        percentile(details, 0.99),
    )


def _run(data_dir: Path) -> None:
    started = time.perf_counter()
    with Station.open(data_dir) as station:
        opened_s = time.perf_counter() - started
        with station.db.read() as s:
            total = s.scalar(text("SELECT count(*) FROM cases"))
        print(
            f"store {data_dir}: {total:,} cases; open (with the 0060 migration if it was due) "
            f"{opened_s:.1f} s"
        )
        rows = measure(station)
        o50, o99, d50, d99 = measure_open(station, max(RUNS * 5, 100))
    print(
        f"{'filter':<20}{'rows':>10}{'count p50':>10}{'p99':>8}{'page p50':>10}{'p99':>8}"
        f"{'scroll p50':>11}{'p99':>8}  index (ms)"
    )
    for name, f, index in rows:
        print(
            f"{name:<20}{f['rows']:>10,.0f}{f['count p50']:>10.1f}{f['count p99']:>8.1f}"
            f"{f['page p50']:>10.1f}{f['page p99']:>8.1f}{f['scroll p50']:>11.1f}"
            f"{f['scroll p99']:>8.1f}  {index}"
        )
    print(
        f"open a case (audited view on the writer, print jobs, audit rows): p50 {o50:.1f} ms, "
        f"p99 {o99:.1f} ms; refresh of an open case: p50 {d50:.1f} ms, p99 {d99:.1f} ms"
    )


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    kept = os.environ.get("BENCH_STORE")
    if kept:
        if Path(kept).resolve() == Path("/var/tmp/wd1m-base"):
            raise SystemExit("copy the base store first: opening it would migrate it")
        _run(Path(kept))
        return
    from bench.bench_intake import fill
    from intake.demo import add_demo_cases, seed_station

    size = int(os.environ.get("BENCH_CASES", "100000"))
    with tempfile.TemporaryDirectory() as tmp:
        with Station.open(Path(tmp)) as station:
            seed_station(station)
            add_demo_cases(station, 200)
            fill(station, size)
        _run(Path(tmp))


if __name__ == "__main__":
    main()
