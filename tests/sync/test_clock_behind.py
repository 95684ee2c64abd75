"""A station clock set back: saving is refused with ``clock.behind`` until the clock is right,
and the offset the last sync measured is shown (status, and in the error's details).

The station's processes run under libfaketime (``faketime -f -400d``): a real process whose
real clock reads 400 days early, against a real hub and a real store.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.hubproc import ROOT, HubProcess, env
from tests.sync.stations import add_cases, enrol_station

DAY = 86_400
BACK = 400  # days


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path_factory.mktemp('clockhub') / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def _run(module: str, data_dir: Path, *args: str, back_days: int = 0, back: str = "") -> Any:
    """``python -m module`` on ``data_dir``; with its clock ``back_days`` days (or ``back``,
    a faketime offset such as ``20s``) early."""
    back = f"{back_days}d" if back_days else back
    if back and shutil.which("faketime") is None:
        pytest.fail("faketime is required (scripts/system-deps.sh installs it)")
    prefix = ["faketime", "-f", f"-{back}"] if back else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", module, "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env={**env(), "FAKETIME_DONT_FAKE_MONOTONIC": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _count(data_dir: Path) -> int:
    proc = _run("intake", data_dir, "cases", "list", "--limit", "1000", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return len(json.loads(proc.stdout))


def test_the_station_process_really_runs_with_its_clock_set_back(tmp_path: Path) -> None:
    import time

    proc = subprocess.run(
        ["faketime", "-f", f"-{BACK}d", sys.executable, "-c", "import time; print(time.time())"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1"},
    )
    assert abs(time.time() - float(proc.stdout) - BACK * DAY) < 120


def test_a_clock_set_back_refuses_to_save_and_shows_the_measured_offset(
    hub: HubProcess, tmp_path: Path
) -> None:
    station = tmp_path / "station"
    enrol_station(hub.db_url, hub.url, station)
    numbers = add_cases(station, 2)  # recorded with the right clock
    before = _count(station)

    # Saving with the clock 400 days early: refused, nothing written.
    refused = _run("intake", station, "demo", "--cases", "1", back_days=BACK)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    body = json.loads(refused.stdout)
    assert body["error"] == "clock.behind", body
    details = body["details"]
    assert abs(details["behind_s"] - BACK * DAY) < 300
    assert details["latest_event_at"] > details["station_clock"]
    assert "hub_offset_s" not in details  # no sync has measured it yet
    # viewing is audited, so it is a write that records an event too
    view = _run("intake", station, "cases", "show", numbers[0], back_days=BACK)
    assert json.loads(view.stdout)["error"] == "clock.behind"
    assert _count(station) == before

    # A sync round still runs (it records no event) and measures the offset...
    rnd = _run("sync", station, "run", "--once", back_days=BACK)
    assert rnd.returncode in (0, 2), rnd.stdout + rnd.stderr
    status = json.loads(_run("sync", station, "status", "--json").stdout)
    assert abs(status["clock_offset_s"] - BACK * DAY) < 300
    assert status["clock_warning"] is True
    # ...which the refusal then shows: the hub's clock says how far off this one is
    again = json.loads(_run("intake", station, "demo", "--cases", "1", back_days=BACK).stdout)
    assert again["error"] == "clock.behind"
    assert abs(again["details"]["hub_offset_s"] - BACK * DAY) < 300
    assert _count(station) == before

    # The clock set right: the same save works.
    ok = _run("intake", station, "demo", "--cases", "1")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert _count(station) == before + 1


def test_a_clock_a_little_behind_still_saves(hub: HubProcess, tmp_path: Path) -> None:
    """An NTP step of a few seconds (or two processes' clocks slightly apart) is no reason
    to stop a clerk: the tolerance is a minute."""
    station = tmp_path / "station"
    enrol_station(hub.db_url, hub.url, station)
    add_cases(station, 1)
    proc = _run("intake", station, "demo", "--cases", "1", back="20s")
    assert proc.returncode == 0, proc.stdout + proc.stderr
