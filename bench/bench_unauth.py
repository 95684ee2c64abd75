"""Strangers' load (issue 9): a real station's push latency while someone else sends junk
``POST /v1/token`` calls (random refresh secrets) at 500+ a second.

    python -m bench unauth

Real parts: the hub is ``python -m sync hub serve`` on 127.0.0.1 (SQLite in a temp dir, or
``WINDOWDESK_BENCH_HUB_DB``); each station is a real encrypted store in its own process,
syncing with the real engine in batches of 20 cases, every ``push`` call timed; the junk
comes from another process, from another loopback address (127.0.0.2, a stranger, not the
station's own address), with ``WINDOWDESK_BENCH_JUNK_THREADS`` threads (8) paced to
``WINDOWDESK_BENCH_JUNK_RATE`` calls a second (600) or as fast as they can.

Phases, one fresh station each: quiet, junk, quiet. ``WINDOWDESK_BENCH_UNAUTH_CASES`` cases
per phase (2 000 = 100 pushes). ``WINDOWDESK_BENCH_UNAUTH_HUB_ARGS`` adds ``hub serve``
options (``--unauth-per-second 0`` turns the per-address limit off, to see its share).
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from bench.bench_sync import ROOT, _child_env, _enrolled_station, _env_int, _make_cases
from sync.hub.loopback import LoopbackHub

BATCH = 20
STRANGER = "127.0.0.2"


# --------------------------------------------------------------------------- the station
def station(data_dir: str, hub_url: str) -> int:
    """A station process: refresh its token (a quiet round), say "ready", wait for "go",
    push everything in batches of ``BATCH``; print each push's milliseconds as JSON."""
    from intake.station import Station
    from sync.client.credentials import CredentialStore
    from sync.client.engine import SyncEngine
    from sync.client.transport import HubClient, RetryPolicy

    class TimedClient(HubClient):
        push_ms: list[float]

        def push(self, access_token: str, batch_id: str, body: bytes) -> dict[str, Any]:
            started = time.perf_counter()
            try:
                return super().push(access_token, batch_id, body)
            finally:
                self.push_ms.append((time.perf_counter() - started) * 1000)

    client = TimedClient(hub_url)
    client.push_ms = []
    with Station.open(data_dir) as st, client:
        engine = SyncEngine(
            st,
            client,
            CredentialStore(Path(data_dir)),
            retry=RetryPolicy(attempts=5),
            batch_items=BATCH,
        )
        engine.client.hello()
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1
        started = time.perf_counter()
        report = engine.run_round()
        took = time.perf_counter() - started
    out = {"push_ms": client.push_ms, "seconds": took, "report": report.to_json()}
    print(json.dumps(out), flush=True)
    return 0


# --------------------------------------------------------------------------- the stranger
def junk(hub_url: str, rate: str, threads: str) -> int:
    """Junk ``/v1/token`` calls from ``STRANGER`` until a line arrives on stdin; prints how
    many were sent, in how long, and the answers' status codes. ``http.client`` on kept-alive
    connections: the cheapest client, so the junk rate is the hub's limit, not ours."""
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(hub_url)
    stop = threading.Event()
    codes: collections.Counter[int] = collections.Counter()
    lock = threading.Lock()
    n = max(1, int(threads))
    interval = n / float(rate) if float(rate) > 0 else 0.0
    headers = {"X-WindowDesk-Protocol": "1", "Content-Type": "application/json"}

    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection(
            where.hostname or "127.0.0.1", where.port, timeout=10, source_address=(STRANGER, 0)
        )

    def run() -> None:
        conn = connect()
        due = time.perf_counter()
        while not stop.is_set():
            body = json.dumps({"refresh_secret": uuid.uuid4().hex, "next_refresh_hash": "0" * 64})
            try:
                conn.request("POST", "/v1/token", body=body, headers=headers)
                answer = conn.getresponse()
                answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = connect()
            with lock:
                codes[status] += 1
            due += interval
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            else:
                due = time.perf_counter()
        conn.close()

    workers = [threading.Thread(target=run, daemon=True) for _ in range(n)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    print("ready", flush=True)
    sys.stdin.readline()
    stop.set()
    for w in workers:
        w.join(timeout=15)
    took = time.perf_counter() - started
    print(json.dumps({"sent": sum(codes.values()), "seconds": took, "codes": codes}), flush=True)
    return 0


# --------------------------------------------------------------------------- the benchmark
def _start(args: list[str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_unauth", *args],
        cwd=ROOT,
        env=_child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        raise RuntimeError(f"{args[0]} did not start")
    return proc


def _say(proc: subprocess.Popen[str], line: str) -> dict[str, Any]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    answer = proc.stdout.readline()
    proc.wait(timeout=60)
    if not answer:
        raise RuntimeError("a benchmark process ended without its figures")
    data: dict[str, Any] = json.loads(answer)
    return data


def _phase(hub: LoopbackHub, root: Path, name: str, cases: int, with_junk: bool) -> str:
    code = f"BU{name.upper()}"
    d = _enrolled_station(hub, root, code)
    _make_cases(d, cases, name)
    worker = _start(["station", str(d), hub.url])
    stranger = None
    if with_junk:
        rate = os.environ.get("WINDOWDESK_BENCH_JUNK_RATE", "600")
        threads = os.environ.get("WINDOWDESK_BENCH_JUNK_THREADS", "8")
        stranger = _start(["junk", hub.url, rate, threads])
        time.sleep(1.0)  # the junk at full rate before the station starts
    try:
        result = _say(worker, "go")
    finally:
        junk_result = _say(stranger, "stop") if stranger is not None else None
    ms = sorted(result["push_ms"])
    acked = result["report"].get("acked")
    line = (
        f"{name:>7}: {len(ms)} pushes of {BATCH} cases ({acked} acknowledged): median "
        f"{statistics.median(ms):.1f} ms, p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms, "
        f"round {result['seconds']:.2f} s"
    )
    if junk_result is not None:
        rate_done = junk_result["sent"] / junk_result["seconds"]
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(junk_result["codes"].items()))
        line += f"; junk {rate_done:,.0f} calls/s from {STRANGER} (answers {codes})"
    return line


def main() -> None:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    cases = _env_int("WINDOWDESK_BENCH_UNAUTH_CASES", 2000)
    extra = tuple(os.environ.get("WINDOWDESK_BENCH_UNAUTH_HUB_ARGS", "").split())
    root = Path(tempfile.mkdtemp(prefix="wd-bench-unauth-"))
    db_url = os.environ.get("WINDOWDESK_BENCH_HUB_DB", f"sqlite:///{root / 'hub.db'}")
    hub = LoopbackHub(db_url, env=_child_env(), cwd=ROOT, extra_args=extra)
    hub.start()
    print(
        f"hub on {hub.url} ({db_url.split(':')[0]}{', ' + ' '.join(extra) if extra else ''}); "
        f"{os.cpu_count()} CPU(s); {cases:,} cases a phase",
        flush=True,
    )
    try:
        for name, with_junk in (("quiet", False), ("junk", True), ("quiet2", False)):
            print(_phase(hub, root, name, cases, with_junk), flush=True)
    finally:
        hub.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "station":
        sys.exit(station(sys.argv[2], sys.argv[3]))
    if len(sys.argv) >= 2 and sys.argv[1] == "junk":
        sys.exit(junk(sys.argv[2], sys.argv[3], sys.argv[4]))
    main()
