"""``python -m sync demo`` (what ``make run`` starts): the demo station synced with a hub
started on loopback, as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.sync.hubproc import ROOT


def _demo(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sync", "--data-dir", str(data_dir), "demo"],
        cwd=ROOT,
        env={**os.environ, "WINDOWDESK_KEYRING": "file", "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_demo_enrols_syncs_and_brings_a_decision_back_then_resumes(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    first = _demo(data_dir)
    assert first.returncode == 0, first.stderr
    assert "同步完成" in first.stdout and "平台已收到本站办件 40 件" in first.stdout
    assert "平台决定已送达本站" in first.stdout and "→ 承办" in first.stdout
    assert "本机待同步 0 条" in first.stdout

    hub = Hub(make_engine(f"sqlite:///{data_dir / 'demo-hub' / 'hub.db'}"))
    cases = hub.export()
    assert len(cases) == 40 and {c["station"] for c in cases} == {"CSX001"}

    # The hub comes back on another port; the station follows it without enrolling again.
    again = _demo(data_dir)
    assert again.returncode == 0, again.stderr
    assert "同步完成" in again.stdout and "平台已收到本站办件 40 件" in again.stdout
    assert "平台决定已送达本站" not in again.stdout
    assert len(hub.export()) == 40


def test_python_m_sync_dispatches_demo_hub_and_station_commands() -> None:
    """``sync/__main__.py`` routes ``demo`` to sync.demo; the station CLI never imports it."""
    from sync.__main__ import _demo_argv

    assert _demo_argv(["demo"]) == []
    assert _demo_argv(["--data-dir", "/d", "demo"]) == ["--data-dir", "/d"]
    assert _demo_argv(["--data-dir=/d", "demo"]) == ["--data-dir=/d"]
    assert _demo_argv(["--data-dir", "/d", "run", "--once"]) is None
    assert _demo_argv(["hub", "serve"]) is None
    cli = (ROOT / "sync" / "client" / "cli.py").read_text(encoding="utf-8")
    assert "sync.demo" not in cli
