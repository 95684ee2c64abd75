"""The supervisor's kiosk timeout (local settings) is what the kiosk waits before it wipes
an idle session, unless this run's command line says otherwise (it wins)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop.options import kiosk_idle_seconds, parse_args
from intake.station import Station
from tests.desktop.test_kiosk import start_kiosk


def _save_kiosk_timeout(station_dir: Path, seconds: int) -> None:
    with Station.open(station_dir) as station:
        station.local_settings.save("super01", {"kiosk_timeout_seconds": seconds})


def test_precedence_command_line_then_setting_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WINDOWDESK_KIOSK_IDLE_SECONDS", raising=False)
    plain = parse_args([])
    assert not plain.kiosk_idle_given
    assert kiosk_idle_seconds(plain, None) == 60  # not set up: the default
    assert kiosk_idle_seconds(plain, 120, 0) == 60  # the page's default, never saved
    assert kiosk_idle_seconds(plain, 300, 1) == 300  # saved by a supervisor
    given = parse_args(["--kiosk-idle-seconds", "45"])
    assert given.kiosk_idle_given
    assert kiosk_idle_seconds(given, 300, 2) == 45  # the command line wins for this run
    monkeypatch.setenv("WINDOWDESK_KIOSK_IDLE_SECONDS", "90")
    from_env = parse_args([])
    assert from_env.kiosk_idle_given and kiosk_idle_seconds(from_env, 300, 1) == 90


def test_the_kiosk_uses_the_saved_timeout(
    qtbot: Any, start_desk: Any, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WINDOWDESK_KIOSK_IDLE_SECONDS", raising=False)
    assert "WINDOWDESK_KIOSK_IDLE_SECONDS" not in os.environ
    _save_kiosk_timeout(station_dir, 240)
    desk = start_kiosk(qtbot, start_desk, station_dir)
    assert desk.kiosk.idle.seconds == 240


def test_the_command_line_overrides_the_saved_timeout(
    qtbot: Any, start_desk: Any, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WINDOWDESK_KIOSK_IDLE_SECONDS", raising=False)
    _save_kiosk_timeout(station_dir, 240)
    desk = start_kiosk(qtbot, start_desk, station_dir, "--kiosk-idle-seconds", "20")
    assert desk.kiosk.idle.seconds == 20
