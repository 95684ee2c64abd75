"""Sync figures (issue 5): push throughput (1 and 4 stations), a large backlog's drain and
its peak memory, and the pull of many department decisions.

Real parts: the hub is ``python -m sync hub serve`` on 127.0.0.1 (SQLite in a temp dir, or
the PostgreSQL URL in ``WINDOWDESK_BENCH_HUB_DB``); stations are real encrypted stores that
sync over HTTP with the real engine, each in its own process:

* push: a worker process per station runs ``SyncEngine.run_round`` once (started first and
  told to go together, so interpreter start-up is not timed);
* backlog: ``python -m sync --data-dir D run --once``, its peak RSS read from outside
  (``wait4`` ru_maxrss = VmHWM, plus VmRSS samples from ``/proc/PID/status``);
* pull: the hub holds 4 decisions (承办/审核/审批/办结) per case of one station; a worker
  pulls them over HTTP and applies each page through ``Station.apply_remote``.

The cases are copies of one real demo case accepted through the intake rules at that
station: its rows are copied with a new id and case number into the store's own tables and
each copy's ``case.create`` op is queued with the store's own ``enqueue`` (what
``CaseService.accept`` writes in one transaction), because accepting 100 000 cases through
the rules would take longer than the whole benchmark and measure intake, not sync. The
hub's decisions are made with its own service call ``Hub.decide`` (one per decision, as
``hub decide`` does), in-process with commit fsync off for that seeding only.

Sizes (env vars; the defaults are the issue's): ``WINDOWDESK_BENCH_PUSH`` cases for one
station (10 000), ``WINDOWDESK_BENCH_PUSH4`` cases per station for four at once (5 000),
``WINDOWDESK_BENCH_BACKLOG`` (100 000), ``WINDOWDESK_BENCH_PULL`` decisions (50 000).
``WINDOWDESK_BENCH_PARTS`` picks parts (``push1,push4,backlog,pull``);
``WINDOWDESK_BENCH_PROFILE=DIR`` writes a cProfile of every timed station process there
(the figures of such a run are slowed by the profiler).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, func, insert, inspect, select

from intake.canonical import canonical_json, sha256_hex
from intake.demo import add_demo_cases, seed_station
from intake.services.outbox import enqueue
from intake.services.remote import kv_get
from intake.station import Station
from intake.status import Status
from intake.store.models import CaseHistoryRow, CaseMaterialRow, CaseMatterRow, CaseRow
from sync.client.cli import main as station_cli
from sync.hub.db import make_engine
from sync.hub.loopback import LoopbackHub
from sync.hub.service import Hub

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("push1", "push4", "backlog", "pull")
DECISIONS = (Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED, Status.COMPLETED)
TARGET_PUSH = 2000  # cases/s, one station (issue 5)
TARGET_RSS_MB = 120  # client peak RSS draining 100k (issue 5)
_CHUNK = 2000  # copies per local write transaction


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "WINDOWDESK_KEYRING": "file"}


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The output of the station commands (and the file-keyring notice) would bury the figures."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        yield


def _hub(db_url: str) -> LoopbackHub:
    """``python -m sync hub serve`` on a free loopback port (the shared launcher)."""
    hub = LoopbackHub(db_url, env=_child_env(), cwd=ROOT)
    hub.start()
    return hub


# --------------------------------------------------------------------------- stations
def _enrolled_station(hub: LoopbackHub, root: Path, code: str) -> Path:
    data_dir = root / code
    enrol_code = Hub(make_engine(hub.db_url)).create_enrolment_code(code, code)
    with _quiet():
        rc = station_cli(
            ["--data-dir", str(data_dir), "enroll", "--hub", hub.url, "--code", enrol_code]
        )
    if rc != 0:
        raise RuntimeError(f"enrolment of {code} failed ({rc})")
    with _quiet(), Station.open(data_dir) as station:
        seed_station(station)
    return data_dir


def _template_case(station: Station) -> str:
    """A demo case accepted through the intake rules that departments still decide on
    (受理, not a 即办件 completed at once); returns its id."""
    for seed in range(1, 200):
        number = add_demo_cases(station, 1, seed=seed)[0]
        view = station.cases.get(number)
        if view.status is Status.ACCEPTED and not all(m.immediate for m in view.matters):
            return view.id
    raise RuntimeError("no accepted, department-handled demo case in 200 tries")


def _columns(row: Any) -> dict[str, Any]:
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


@dataclass
class _Template:
    case: dict[str, Any]
    matters: list[dict[str, Any]]
    materials: list[dict[str, Any]]
    history: list[dict[str, Any]]
    payload: dict[str, Any]


def _read_template(station: Station, case_id: str) -> _Template:
    with station.db.read() as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        children = {
            model: [
                _columns(r)
                for r in session.scalars(select(model).where(model.case_id == case_id)).all()
            ]
            for model in (CaseMatterRow, CaseMaterialRow, CaseHistoryRow)
        }
        template = _Template(
            _columns(case),
            children[CaseMatterRow],
            children[CaseMaterialRow],
            [{k: v for k, v in h.items() if k != "id"} for h in children[CaseHistoryRow]],
            {},
        )
    ops = [i for i in station.outbox.pending(limit=10_000) if i.entity_id == case_id]
    (create,) = [i for i in ops if i.op == "case.create"]
    template.payload = create.payload
    return template


def _make_cases(data_dir: Path, n: int, tag: str) -> list[str]:
    """``n`` copies of one real accepted case, each with its queued ``case.create`` op;
    returns the copies' case numbers."""
    numbers: list[str] = []
    with _quiet(), Station.open(data_dir) as station:
        t = _read_template(station, _template_case(station))
        code = station.settings.station_code
        for start in range(0, n, _CHUNK):
            with station.db.write() as session:
                cases, matters, materials, history = [], [], [], []
                for k in range(start, min(n, start + _CHUNK)):
                    case_id = f"bench-{tag}-{k:08d}"
                    # A number the hub accepts from this station: <code>-YYYYMMDD-NNNNN
                    # (a far-future day keeps the copies apart from the station's own).
                    number = f"{code}-20991231-{k:08d}"
                    cases.append({**t.case, "id": case_id, "case_number": number})
                    matters += [{**r, "case_id": case_id} for r in t.matters]
                    materials += [{**r, "case_id": case_id} for r in t.materials]
                    history += [{**r, "case_id": case_id} for r in t.history]
                    payload = copy.deepcopy(t.payload)
                    payload["case_id"] = payload["content"]["id"] = case_id
                    payload["case_number"] = payload["content"]["case_number"] = number
                    payload["content_sha256"] = sha256_hex(canonical_json(payload["content"]))
                    enqueue(
                        session,
                        case_id=case_id,
                        case_number=number,
                        op="case.create",
                        base_version=0,
                        payload=payload,
                    )
                    numbers.append(number)
                for model, rows in (
                    (CaseRow, cases),
                    (CaseMatterRow, matters),
                    (CaseMaterialRow, materials),
                    (CaseHistoryRow, history),
                ):
                    if rows:
                        session.execute(insert(model), rows)
    return numbers


def _outbox(data_dir: Path) -> dict[str, Any]:
    with _quiet(), Station.open(data_dir) as station:
        return station.outbox.stats()


# --------------------------------------------------------------------------- station processes
@dataclass
class _Run:
    report: dict[str, Any]
    seconds: float  # a worker: the round alone, measured inside; the CLI: its whole life
    max_rss_mb: float  # the station process's own peak
    stderr: str = ""
    rss_samples: list[tuple[float, float]] = field(default_factory=list)


def _vm_hwm_mb(pid: int | str = "self") -> float:
    """The process's own peak RSS. Not the parent's ``ru_maxrss`` of a child: Linux carries
    the forking process's high-water mark across ``vfork``+``exec`` into the child's
    ru_maxrss, so a child of this (large) benchmark process would report the benchmark's
    size, not its own."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


#: Runs a command as the child of a small process, so the child's ru_maxrss (from wait4) is
#: its own peak (see _vm_hwm_mb); prints the child's pid first and its peak RSS last.
_LAUNCHER = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
sys.stderr.write(f"bench-pid {pid}\\n")
sys.stderr.flush()
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nbench-maxrss-kib {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _drain_workers(
    dirs: Sequence[Path], hub_url: str, profile: Path | None, tag: str
) -> tuple[list[_Run], float]:
    """One worker process per station; all start their round at the same instant. Returns
    each worker's run and the wall time from "go" to the last answer."""
    procs = []
    for i, d in enumerate(dirs):
        cmd = [sys.executable, "-m", "bench.bench_sync", "worker", str(d), hub_url]
        if profile is not None:
            cmd.append(str(profile / f"{tag}-{i}.pstats"))
        procs.append(
            subprocess.Popen(
                cmd,
                cwd=ROOT,
                env=_child_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    errs = [_Collector(p.stderr) for p in procs]
    try:
        for p, err in zip(procs, errs, strict=True):
            assert p.stdout is not None
            if p.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a worker failed to start: {err.text()[-2000:]}")
        started = time.perf_counter()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        answers = []
        for p in procs:
            assert p.stdout is not None
            answers.append(p.stdout.readline())
        wall = time.perf_counter() - started
    except BaseException:
        for p in procs:
            p.kill()
            p.wait()
        raise
    finally:
        for p in procs:
            if p.stdin is not None:
                p.stdin.close()
    runs = []
    for p, err, line in zip(procs, errs, answers, strict=True):
        rc = p.wait()
        if rc != 0 or not line:
            raise RuntimeError(f"worker exited {rc}: {err.text()[-2000:]}")
        data = json.loads(line)
        runs.append(_Run(data["report"], data["seconds"], data["vm_hwm_mb"], err.text()))
    return runs, wall


class _Collector:
    """Reads a child's stream on a thread (a full pipe must never stall the child)."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[str] = []
        self.pid = threading.Event()
        self.child_pid = 0
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            if line.startswith("bench-pid "):
                self.child_pid = int(line.split()[1])
                self.pid.set()
            self.lines.append(line)
        self.pid.set()

    def text(self) -> str:
        self._thread.join(10)
        return "".join(self.lines)


def _check_drained(run: _Run, expect_at_least: int) -> None:
    r = run.report
    if r.get("state") != "ok" or r.get("left", 0) or r.get("acked", 0) < expect_at_least:
        raise RuntimeError(f"drain incomplete: {r}")


def _cli_drain(data_dir: Path, hub_url: str, profile: Path | None) -> _Run:
    """``python -m sync run --once`` in its own process, its RSS read from outside: sampled
    from ``/proc/PID/status`` while it runs, and its peak from ``wait4``."""
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile / "backlog-cli.pstats")]
    cmd += ["-m", "sync", "--data-dir", str(data_dir), "run", "--once"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-I", "-c", _LAUNCHER, *cmd],
        cwd=ROOT,
        env=_child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = _Collector(proc.stdout), _Collector(proc.stderr)
    samples: list[tuple[float, float]] = []

    def sample() -> None:
        err.pid.wait(30)
        status = Path(f"/proc/{err.child_pid}/status")
        while err.child_pid:
            try:
                rss = [ln for ln in status.read_text().splitlines() if ln.startswith("VmRSS:")]
            except OSError:
                return
            if not rss:
                return  # a zombie: it has exited
            samples.append((time.perf_counter() - started, int(rss[0].split()[1]) / 1024))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    rc = proc.wait()
    took = time.perf_counter() - started
    sampler.join(5)
    errors = err.text()
    if rc != 0:
        raise RuntimeError(f"`sync run --once` exited {rc}: {errors[-2000:]}")
    peak = [ln for ln in errors.splitlines() if ln.startswith("bench-maxrss-kib ")]
    report = json.loads(out.text())
    return _Run(report, took, int(peak[-1].split()[1]) / 1024, errors, samples)


def worker(data_dir: str, hub_url: str, profile_out: str | None = None) -> int:
    """A station process: open the store and the engine, say "ready", wait for "go", run
    one round, print the report, the round's duration and its own peak RSS as JSON."""
    from sync.client.credentials import CredentialStore
    from sync.client.engine import SyncEngine
    from sync.client.transport import HubClient, RetryPolicy

    with Station.open(data_dir) as station, HubClient(hub_url) as client:
        engine = SyncEngine(
            station, client, CredentialStore(Path(data_dir)), retry=RetryPolicy(attempts=5)
        )
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1  # the benchmark gave up (another worker failed): run nothing
        profiler = None
        if profile_out:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        report = engine.run_round()
        took = time.perf_counter() - started
        if profiler is not None and profile_out:
            profiler.disable()
            profiler.dump_stats(profile_out)
    answer = {"report": report.to_json(), "seconds": took, "vm_hwm_mb": _vm_hwm_mb()}
    print(json.dumps(answer), flush=True)
    return 0


# --------------------------------------------------------------------------- the parts
def _hub_cases(db_url: str, codes: Sequence[str]) -> int:
    held = {s["station"]: s["cases"] for s in Hub(make_engine(db_url)).stations()}
    return sum(int(held.get(c, 0)) for c in codes)


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def part_push1(hub: LoopbackHub, root: Path, n: int, profile: Path | None) -> None:
    d = _enrolled_station(hub, root, "BENCH1")
    made = time.perf_counter()
    _make_cases(d, n, "P")
    made = time.perf_counter() - made
    (run,), _ = _drain_workers([d], hub.url, profile, "push1")
    _check_drained(run, n)
    r, cases = run.report, _hub_cases(hub.db_url, ["BENCH1"])
    rate = cases / run.seconds
    print(
        f"push, 1 station: {cases:,} cases ({r['acked']:,} ops acknowledged, "
        f"{r['batches']} batches) in {run.seconds:.2f} s = {rate:,.0f} cases/s "
        f"[target >= {TARGET_PUSH:,}: {_verdict(rate >= TARGET_PUSH)}]\n"
        f"    station process peak RSS {run.max_rss_mb:.0f} MB; setup: {n:,} copies made "
        f"in {made:.1f} s",
        flush=True,
    )


def part_push4(hub: LoopbackHub, root: Path, n: int, profile: Path | None) -> None:
    codes = [f"BENCH4{i}" for i in range(4)]
    dirs = [_enrolled_station(hub, root, c) for c in codes]
    for i, d in enumerate(dirs):
        _make_cases(d, n, f"Q{i}")
    runs, wall = _drain_workers(dirs, hub.url, profile, "push4")
    for run in runs:
        _check_drained(run, n)
    cases = _hub_cases(hub.db_url, codes)
    each = ", ".join(f"{r.report['acked'] / r.seconds:,.0f}" for r in runs)
    print(
        f"push, 4 stations at once: {cases:,} cases in {wall:.2f} s = "
        f"{cases / wall:,.0f} cases/s in total\n"
        f"    each station's own rate: {each} ops/s; peak RSS "
        f"{max(r.max_rss_mb for r in runs):.0f} MB",
        flush=True,
    )


def part_backlog(hub: LoopbackHub, root: Path, n: int, profile: Path | None) -> None:
    d = _enrolled_station(hub, root, "BENCHBIG")
    made = time.perf_counter()
    _make_cases(d, n, "B")
    made = time.perf_counter() - made
    size = sum(f.stat().st_size for f in d.iterdir() if f.is_file()) / 2**20
    run = _cli_drain(d, hub.url, profile)
    _check_drained(run, n)
    left = _outbox(d)
    if left["pending"] or left["inflight"]:
        raise RuntimeError(f"backlog not drained: {left}")
    cases = _hub_cases(hub.db_url, ["BENCHBIG"])
    print(
        f"backlog of {n:,} cases drained by `python -m sync run --once`: {cases:,} cases "
        f"in {run.seconds:.1f} s = {cases / run.seconds:,.0f} cases/s (process start "
        f"included)\n"
        f"    its peak RSS {run.max_rss_mb:.0f} MB (wait4 ru_maxrss) "
        f"[target <= {TARGET_RSS_MB} MB: {_verdict(run.max_rss_mb <= TARGET_RSS_MB)}]\n"
        f"    VmRSS {_timeline(run.rss_samples, run.seconds)}\n"
        f"    setup: store {size:,.0f} MB; {n:,} copies made in {made:.1f} s",
        flush=True,
    )


def _timeline(samples: Sequence[tuple[float, float]], took: float) -> str:
    if not samples:
        return "not sampled"
    picks = []
    for frac in (0.1, 0.25, 0.5, 0.75, 1.0):
        at = [s for s in samples if s[0] <= took * frac] or [samples[0]]
        picks.append(f"{at[-1][1]:.0f} MB at {frac:.0%}")
    return ", ".join(picks)


def _seeding_engine(url: str) -> Engine:
    """The hub's own engine with commit fsync off (seeding only; the served hub keeps FULL)."""
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _fast(dbapi_conn: Any, _record: Any) -> None:
        if engine.dialect.name == "sqlite":
            dbapi_conn.execute("PRAGMA synchronous=OFF")
        else:
            dbapi_conn.execute("SET synchronous_commit = off")
            dbapi_conn.commit()

    return engine


def part_pull(hub: LoopbackHub, root: Path, n: int, profile: Path | None) -> None:
    cases = math.ceil(n / len(DECISIONS))
    d = _enrolled_station(hub, root, "BENCHPULL")
    numbers = _make_cases(d, cases, "D")
    (pushed,), _ = _drain_workers([d], hub.url, None, "pull-push")
    _check_drained(pushed, cases)
    central = Hub(_seeding_engine(hub.db_url))
    started = time.perf_counter()
    made = 0
    for status in DECISIONS:
        for number in numbers:
            if made == n:
                break
            central.decide(
                number,
                status.value,
                department="bench",
                outcome="granted" if status is Status.COMPLETED else None,
            )
            made += 1
    seeding = time.perf_counter() - started
    (run,), _ = _drain_workers([d], hub.url, profile, "pull")
    r = run.report
    with _quiet(), Station.open(d) as station, station.db.read() as session:
        conflicts = kv_get(session, "pull_conflicts", [])
        by_status = dict(
            session.execute(
                select(CaseRow.status, func.count())
                .where(CaseRow.id.like("bench-D-%"))
                .group_by(CaseRow.status)
            ).all()
        )
    if r.get("state") != "ok" or r.get("pulled", 0) < made or conflicts:
        raise RuntimeError(f"pull incomplete: {r}; conflicts: {conflicts[:3]}")
    print(
        f"pull: {r['pulled']:,} decisions on {cases:,} cases, {r['pages']} pages of <= 500, "
        f"in {run.seconds:.1f} s = {r['pulled'] / run.seconds:,.0f} changes/s (over HTTP, "
        f"applied through Station.apply_remote)\n"
        f"    station process peak RSS {run.max_rss_mb:.0f} MB; local statuses after: "
        f"{by_status}; pull conflicts: {len(conflicts)}\n"
        f"    setup: {made:,} decisions made with Hub.decide in {seeding:.1f} s",
        flush=True,
    )


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    sizes = {
        "push1": _env_int("WINDOWDESK_BENCH_PUSH", 10_000),
        "push4": _env_int("WINDOWDESK_BENCH_PUSH4", 5_000),
        "backlog": _env_int("WINDOWDESK_BENCH_BACKLOG", 100_000),
        "pull": _env_int("WINDOWDESK_BENCH_PULL", 50_000),
    }
    parts = [
        p.strip() for p in os.environ.get("WINDOWDESK_BENCH_PARTS", ",".join(PARTS)).split(",")
    ]
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise SystemExit(f"unknown WINDOWDESK_BENCH_PARTS {sorted(unknown)}; known: {PARTS}")
    profile_dir = os.environ.get("WINDOWDESK_BENCH_PROFILE")
    profile = Path(profile_dir).resolve() if profile_dir else None
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="wd-bench-sync-"))
    db_url = os.environ.get("WINDOWDESK_BENCH_HUB_DB", f"sqlite:///{root / 'hub.db'}")
    hub = _hub(db_url)
    print(
        f"hub: `python -m sync hub serve` on {hub.url}, {db_url.split(':')[0]} database; "
        f"{os.cpu_count()} CPU(s); sizes {', '.join(f'{p}={sizes[p]:,}' for p in parts)}"
        + ("; PROFILED (slower)" if profile else ""),
        flush=True,
    )
    runners = {"push1": part_push1, "push4": part_push4, "backlog": part_backlog}
    runners["pull"] = part_pull
    try:
        for part in parts:
            runners[part](hub, root, sizes[part], profile)
    finally:
        hub.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "worker":
        sys.exit(worker(*sys.argv[2:5]))
    main()
