"""The station's commands as a clerk's machine runs them (real processes), and attachments."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from sync.client import attachments
from sync.client.credentials import CredentialStore
from sync.client.engine import SyncEngine
from sync.client.transport import HubClient, RetryPolicy, Timeouts
from sync.testing.faultproxy import FaultMix, FaultProxy
from tests.sync.hubproc import ROOT, HubProcess, admin, env, free_port, sync_cli


def test_enrol_demo_run_digest_equals_export(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    d = str(tmp_path / "station")
    _, code, _ = admin(sqlite_hub.db_url, "enroll-code", "--station", "CLI01", "--name", "站")
    out = json.loads(
        sync_cli("--data-dir", d, "enroll", "--hub", sqlite_hub.url, "--code", code.strip()).stdout
    )
    assert out["station_code"] == "CLI01"
    demo = subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", d, "demo", "--cases", "12"],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["station"] == "CLI01"
    status = json.loads(sync_cli("--data-dir", d, "status", "--json").stdout)
    assert status["state"] == "enrolled" and status["pending"] > 0
    report = json.loads(sync_cli("--data-dir", d, "run", "--once").stdout)
    assert report["state"] == "ok" and report["left"] == 0
    digest = json.loads(sync_cli("--data-dir", d, "digest", "--json").stdout)
    export = json.loads(admin(sqlite_hub.db_url, "export", "--json")[1])
    assert len(digest) == 12
    assert digest == {c["case_number"]: c["content_sha256"] for c in export}
    status = json.loads(sync_cli("--data-dir", d, "status", "--json").stdout)
    assert status["state"] == "ok" and status["pending"] == 0 and status["last_push_at"]
    # The code is spent: using it again is refused and the working credential survives.
    again = sync_cli(
        "--data-dir", d, "enroll", "--hub", sqlite_hub.url, "--code", code.strip(), check=False
    )
    assert again.returncode == 2 and "enroll.code_used" in again.stderr
    assert sync_cli("--data-dir", d, "run", "--once").returncode == 0


def test_not_enrolled_and_unreachable(tmp_path: Path) -> None:
    fresh = sync_cli("--data-dir", str(tmp_path / "fresh"), "run", "--once", check=False)
    assert fresh.returncode == 4 and "sync.not_enrolled" in fresh.stderr


def test_loop_rearms_after_failed_rounds(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    d = str(tmp_path / "station")
    _, code, _ = admin(sqlite_hub.db_url, "enroll-code", "--station", "LOOP1", "--name", "x")
    sync_cli("--data-dir", d, "enroll", "--hub", sqlite_hub.url, "--code", code.strip())
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    result = sync_cli(
        "--data-dir",
        d,
        "--timeout",
        "1",
        "run",
        "--hub",
        dead,
        "--interval",
        "0.1",
        "--attempts",
        "1",
        "--max-rounds",
        "3",
        check=False,
    )
    rounds = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["state"] for r in rounds] == ["offline", "offline", "offline"]
    assert result.returncode == 2


def test_attachment_resumes_through_a_cutting_proxy(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "station"
    _, code, _ = admin(sqlite_hub.db_url, "enroll-code", "--station", "ATT1", "--name", "x")
    sync_cli("--data-dir", str(d), "enroll", "--hub", sqlite_hub.url, "--code", code.strip())
    from intake.station import Station

    data = os.urandom(900_000)
    proxy = FaultProxy(
        sqlite_hub.port,
        mix=FaultMix(
            passthrough=2,
            delay=0,
            cut_request=1,
            cut_response=1,
            drop_response=1,
            reset=1,
            blackhole=0,
        ),
        seed=5,
    )
    proxy.start()
    try:
        with Station.open(d) as st:
            url = f"http://127.0.0.1:{proxy.port}"
            client = HubClient(url, timeouts=Timeouts(connect=2, read=3))
            retry = RetryPolicy(attempts=8, base=0.01, cap=0.1)
            engine = SyncEngine(st, client, CredentialStore(d), retry=retry)
            sha = attachments.upload(client, engine._access_token, data, retry, chunk=128 * 1024)
            assert sha == hashlib.sha256(data).hexdigest()
            assert client.attachment_offset(engine._access_token(), sha) == (len(data), True)
            # Again: HEAD says complete, nothing is sent.
            assert attachments.upload(client, engine._access_token, data, retry) == sha
    finally:
        proxy.stop()
    assert sum(proxy.stats[f] for f in ("cut_request", "cut_response", "drop_response")) > 0
