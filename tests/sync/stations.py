"""Real stations for sync tests: an encrypted store enrolled with a real hub."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import uuid
from pathlib import Path

from intake.demo import add_demo_cases, seed_station
from intake.station import Station
from sync.client.cli import main as station_cli
from sync.client.credentials import CredentialStore
from sync.client.engine import SyncEngine
from sync.client.transport import HubClient, RetryPolicy, Timeouts
from tests.sync.hubproc import admin

_TEMPLATE: list[Path] = []


def seeded_template() -> Path:
    """One seeded store (operators, demo catalog, no cases) copied for every test station:
    seeding hashes operator passwords with argon2, a second each time otherwise."""
    if not _TEMPLATE:
        path = Path(tempfile.mkdtemp(prefix="wd-station-template-"))
        with Station.open(path) as station:
            seed_station(station)
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


def enrol_station(db_url: str, hub_url: str, data_dir: Path, code: str | None = None) -> str:
    """Issue a code at the hub and enrol ``data_dir`` with it (the station CLI, in-process)."""
    code = code or "T" + uuid.uuid4().hex[:6].upper()
    if not data_dir.exists():
        shutil.copytree(seeded_template(), data_dir)
    rc, out, err = admin(db_url, "enroll-code", "--station", code, "--name", f"{code}便民服务站")
    assert rc == 0, err
    with contextlib.redirect_stdout(io.StringIO()):
        rc = station_cli(
            [
                "--data-dir",
                str(data_dir),
                "enroll",
                "--hub",
                hub_url,
                "--code",
                out.strip(),
                "--area-code",
                "430121000000",
            ]
        )
    assert rc == 0
    return code


def add_cases(data_dir: Path, n: int, seed: int = 7) -> list[str]:
    with Station.open(data_dir) as station:
        return add_demo_cases(station, n, seed=seed)


def engine_for(
    station: Station,
    hub_url: str,
    *,
    attempts: int = 3,
    read: float = 3.0,
    sleep: object = None,
    cap: float = 1.0,
) -> SyncEngine:
    client = HubClient(hub_url, timeouts=Timeouts(connect=2, read=read))
    retry = RetryPolicy(attempts=attempts, base=0.05, cap=cap, sleep=sleep)  # type: ignore[arg-type]
    return SyncEngine(station, client, CredentialStore(station.data_dir), retry=retry)
