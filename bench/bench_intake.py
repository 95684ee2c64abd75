"""Accept and search latency with a large store (default one million cases).

    python -m bench intake                 # 1,000,000 cases (several minutes, ~1.5 GB)
    BENCH_CASES=100000 python -m bench intake
    BENCH_STORE=/var/tmp/wd1m python -m bench intake   # keep the filled store; reuse it next run

Templates are made by the real service (the demo generator through ``CaseService.accept``)
and cloned at SQL level with fresh ids, numbers, names, ID numbers and phones, so the
tables and indexes look like years of real use. The baseline is the same measurement on
the empty store, in the same run: the ratio shows what a million cases cost.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.stats import percentile
from intake.clock import CST, local_date, to_iso
from intake.demo import _requests, make_person, seed_station
from intake.identity import check_char
from intake.numbering import format_case_number
from intake.requests import parse_request
from intake.services.audit import GENESIS
from intake.services.cases import name_keys
from intake.station import Station
from intake.status import Status

TEMPLATES = 300
STEADY = 1000  # accepts measured in each phase after the first ones
BATCH = 20_000


def _percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    return statistics.median(samples) * 1000, percentile(samples, 0.99) * 1000


def _time(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return _percentiles(samples)


def _request_stream(station: Station, seed: int) -> Any:
    rng = random.Random(seed)
    ops = ["clerk01", "clerk02"]
    return rng, _requests(
        rng, station.catalog, station.settings, ops, ["agent01"], 0, local_date(datetime.now(CST))
    )


def measure_accept(station: Station, runs: int, seed: int) -> tuple[float, float]:
    _, stream = _request_stream(station, seed)
    today = local_date(datetime.now(CST))
    samples: list[float] = []
    while len(samples) < runs:
        request = parse_request(next(stream), today=today)
        started = time.perf_counter()
        try:
            station.cases.accept(request)
        except Exception:
            continue
        samples.append(time.perf_counter() - started)
    return _percentiles(samples)


def _rows(db: Any, table: str, where: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    cur = db.cursor()
    return cur.execute(f"SELECT * FROM {table} WHERE {where}", args).fetchall()


def fill(station: Station, total: int, seed: int = 5) -> None:
    """Clone template cases to ``total`` rows, spread over the past five years."""
    rng = random.Random(seed)
    raw = station.db.writer.raw_connection()
    cur = raw.cursor()
    templates = [r[0] for r in cur.execute("SELECT id FROM cases").fetchall()]
    cols = {
        t: [c[1] for c in cur.execute(f"PRAGMA table_info({t})").fetchall()]
        for t in ("cases", "case_matters", "case_materials", "case_history", "outbox", "audit_log")
    }
    tpl: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    for case_id in templates:
        tpl[case_id] = {
            "cases": _rows(raw, "cases", "id = ?", (case_id,)),
            "case_matters": _rows(raw, "case_matters", "case_id = ?", (case_id,)),
            "case_materials": _rows(raw, "case_materials", "case_id = ?", (case_id,)),
            "case_history": _rows(raw, "case_history", "case_id = ?", (case_id,)),
        }
    people = [make_person(rng) for _ in range(20_000)]
    keys = [name_keys(p.name) for p in people]
    prev_hash = cur.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev = prev_hash[0] if prev_hash else GENESIS
    first_day = date.today() - timedelta(days=5 * 365)
    per_day = max(1, -(-total // (5 * 365)))  # rounded up: the last day is today, never later
    latest = datetime.now(CST) - timedelta(minutes=1)  # no event after now (clock.behind)
    ci = {c: i for i, c in enumerate(cols["cases"])}
    made = 0
    cur.execute("BEGIN IMMEDIATE")
    while made < total:
        t = tpl[templates[made % len(templates)]]
        day = first_day + timedelta(days=made // per_day)
        seq = made % per_day + 1 + 50_000  # clear of the real sequence of the same day
        case_id = f"b{made:011d}-0000-7000-8000-000000000000"
        pick = rng.randrange(len(people))
        person, (pinyin, initials) = people[pick], keys[pick]
        region = person.id_number[:6]
        first17 = f"{region}{person.birth:%Y%m%d}{rng.randrange(1000):03d}"
        id_number = first17 + check_char(first17)
        phone = "1" + str(rng.randrange(3, 10)) + f"{rng.randrange(10**9):09d}"
        at = datetime.combine(day, datetime.min.time(), CST) + timedelta(
            hours=8 + (made % 9), minutes=made % 60
        )
        at = min(at, latest)
        stamp = to_iso(at)
        row = list(t["cases"][0])
        row[ci["id"]] = case_id
        row[ci["case_number"]] = format_case_number("CSX001", day, seq)
        row[ci["applicant_name"]] = person.name
        row[ci["applicant_pinyin"]], row[ci["applicant_initials"]] = pinyin, initials
        row[ci["applicant_id_number"]] = id_number
        row[ci["applicant_phone"]] = phone
        row[ci["received_at"]] = stamp
        row[ci["updated_at"]] = stamp
        if row[ci["accepted_at"]]:
            row[ci["accepted_at"]] = stamp
        row[ci["sync_state"]] = "acknowledged"
        cur.execute(f"INSERT INTO cases VALUES ({','.join('?' * len(row))})", row)
        for table in ("case_matters", "case_materials"):
            for child in t[table]:
                values = (case_id, *child[1:])
                cur.execute(f"INSERT INTO {table} VALUES ({','.join('?' * len(values))})", values)
        for h in t["case_history"]:
            cur.execute(
                "INSERT INTO case_history (case_id, seq, at, status, event, actor, "
                "operator, note) VALUES (?,?,?,?,?,?,?,?)",
                (case_id, h[2], stamp, h[4], h[5], h[6], h[7], h[8]),
            )
        digest = hashlib.sha256(case_id.encode()).hexdigest()
        cur.execute(
            "INSERT INTO outbox (op_id, entity, entity_id, case_number, op, "
            "base_version, payload_json, sha256, schema_version, state, batch_id, "
            "attempts, created_at, updated_at, result) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f"o{made:011d}-0000-7000-8000-000000000000",
                "case",
                case_id,
                row[ci["case_number"]],
                "case.create",
                0,
                b"{}",
                digest,
                1,
                "acked",
                "bulk",
                1,
                stamp,
                stamp,
                '{"result": "applied"}',
            ),
        )
        body = json.dumps(
            [prev, stamp, row[ci["operator_id"]], "create", case_id, row[ci["status"]]],
            ensure_ascii=False,
        )
        new_hash = hashlib.sha256(body.encode()).hexdigest()
        cur.execute(
            "INSERT INTO audit_log (at, operator_id, action, case_id, detail, "
            "prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
            (stamp, row[ci["operator_id"]], "create", case_id, row[ci["status"]], prev, new_hash),
        )
        prev = new_hash
        made += 1
        if made % BATCH == 0:
            cur.execute("COMMIT")
            cur.execute("BEGIN IMMEDIATE")
            if made % (BATCH * 10) == 0:
                print(f"  … {made:,} cases", flush=True)
    cur.execute("COMMIT")
    cur.execute("ANALYZE")
    raw.close()


def measure_searches(station: Station, runs: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(3)
    with station.db.read() as s:
        sample = s.execute(
            text(
                "SELECT case_number, applicant_id_number, applicant_phone, applicant_name, "
                "applicant_pinyin, applicant_initials FROM cases "
                "ORDER BY random() LIMIT 2000"
            )
        ).all()
    pick = lambda i: sample[rng.randrange(len(sample))][i]  # noqa: E731
    kinds: dict[str, Callable[[], str]] = {
        "case number": lambda: pick(0),
        "ID number": lambda: pick(1),
        "phone (first 7)": lambda: pick(2)[:7],
        "name (surname + 1)": lambda: pick(3)[:2],
        "pinyin prefix": lambda: pick(4)[:5],
        "initials": lambda: pick(5),
    }
    out = {}
    for kind, query in kinds.items():
        out[kind] = _time(lambda q=query: station.cases.search(q(), limit=50), runs)
    out["list by status"] = _time(lambda: station.cases.list(Status.SUPPLEMENT), runs)
    out["overdue"] = _time(lambda: station.cases.overdue(), max(5, runs // 10))
    out["容缺 due"] = _time(lambda: station.cases.deferred_due(within_days=3), max(5, runs // 10))
    return out


def _collection_around_warm_up(station: Station) -> tuple[float, float]:
    """How long a full garbage collection takes with the pinyin tables and the catalog
    loaded, before and after ``Station.warm_up`` freezes them (ms); leaves it warmed up."""
    gc.unfreeze()  # the fill's own warm-up froze the heap in this process
    name_keys("张三")
    _ = station.catalog
    gc.collect()
    started = time.perf_counter()
    gc.collect()
    loaded = (time.perf_counter() - started) * 1000
    station.warm_up()
    started = time.perf_counter()
    gc.collect()
    return loaded, (time.perf_counter() - started) * 1000


def _filled_store(data_dir: Path, total: int) -> tuple[tuple[float, float], dict[str, Any], float]:
    """Seed, measure the empty baseline, then fill; returns the baseline and the fill time."""
    with Station.open(data_dir) as station:
        seed_station(station)
        station.warm_up()  # as the app does at start
        # The first saves of a new store also grow its files; they become the templates.
        first_empty = measure_accept(station, TEMPLATES, seed=1)
        base_accept = measure_accept(station, STEADY, seed=3)
        base_search = measure_searches(station, 100)
        started = time.perf_counter()
        fill(station, total)
        fill_s = time.perf_counter() - started
    # The fill leaves gigabytes of dirty pages for the kernel to write back; a station never
    # has that, so let it finish before measuring (otherwise every fsync queues behind it).
    os.sync()
    (data_dir / "bench-baseline.json").write_text(
        json.dumps(
            {
                "accept": base_accept,
                "first": first_empty,
                "search": base_search,
                "fill_s": fill_s,
                "total": total,
            }
        )
    )
    print(
        f"accept, the first {TEMPLATES} saves of the new store: p50 {first_empty[0]:.2f} ms, "
        f"p99 {first_empty[1]:.2f} ms; the table's empty-store accept is the {STEADY:,} after them"
    )
    return base_accept, base_search, fill_s


def _run(data_dir: Path, total: int) -> None:
    saved = data_dir / "bench-baseline.json"
    if saved.exists() and json.loads(saved.read_text())["total"] == total:
        kept = json.loads(saved.read_text())
        base_accept, fill_s = tuple(kept["accept"]), kept["fill_s"]
        base_search = {k: tuple(v) for k, v in kept["search"].items()}
        print(f"reusing the filled store in {data_dir} (its baseline was measured when filled)")
    else:
        base_accept, base_search, fill_s = _filled_store(data_dir, total)
    size = (data_dir / "windowdesk.db").stat().st_size / 2**20
    with Station.open(data_dir) as station:
        gc_loaded, gc_frozen = _collection_around_warm_up(station)
        # The first saves after opening read their index pages from the OS cache into
        # SQLite's; the app then runs all day. Both are shown.
        first_accepts = measure_accept(station, 50, seed=int(time.time()))
        big_accept = measure_accept(station, STEADY, seed=int(time.time()) + 1)
        big_search = measure_searches(station, 300)
    print(
        f"store: {total:,} cloned cases + {TEMPLATES + STEADY:,} real ones; fill {fill_s:.0f} s; "
        f"file {size:,.0f} MiB (SQLCipher, WAL, synchronous=FULL)"
    )
    print(
        f"a full garbage collection with the pinyin tables and catalog loaded: "
        f"{gc_loaded:.1f} ms; after warm_up froze them: {gc_frozen:.1f} ms"
    )
    print(
        f"accept, the first 50 after opening the big store: p50 {first_accepts[0]:.2f} ms, "
        f"max {first_accepts[1]:.2f} ms; the table's big-store accept is the {STEADY:,} after them"
    )
    print(
        f"{'measure':<22}{'empty p50':>11}{'empty p99':>11}{'big p50':>10}"
        f"{'big p99':>10}{'p99 ratio':>11}  (ms)"
    )
    rows = [("accept (one tx)", base_accept, big_accept)] + [
        (k, base_search[k], big_search[k]) for k in big_search
    ]
    for name, empty, big in rows:
        ratio = big[1] / empty[1] if empty[1] else float("nan")
        print(
            f"{name:<22}{empty[0]:>11.2f}{empty[1]:>11.2f}{big[0]:>10.2f}"
            f"{big[1]:>10.2f}{ratio:>10.1f}x"
        )


def main() -> None:
    total = int(os.environ.get("BENCH_CASES", "1000000"))
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    kept = os.environ.get("BENCH_STORE")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        _run(Path(kept), total)
        return
    with tempfile.TemporaryDirectory() as tmp:
        _run(Path(tmp), total)
