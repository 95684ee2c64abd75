"""The shell around the intake: start-up options, smoke run, no display, idle lock, village
mode and the first-run set-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.options import parse_args
from intake.views import Channel
from tests.desktop.drive import choose, decide, focus, login, options_for, read_card, type_text

ROOT = Path(__file__).resolve().parents[2]


def _run(
    args: list[str], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_smoke_logs_in_prints_the_start_up_time_and_exits_0(station_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINDOWDESK_KEYRING": "file"}
    run = _run(["--demo", "--no-hub", "--data-dir", str(station_dir), "--smoke"], env)
    assert run.returncode == 0, run.stderr[-2000:]
    last = run.stdout.strip().splitlines()[-1]
    assert last.isdigit() and 0 < int(last) < 60_000


def test_without_a_display_it_says_so_in_chinese_and_exits_2(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    run = _run(["--demo", "--data-dir", str(tmp_path / "d")], env, timeout=60)
    assert run.returncode == 2
    assert "需要图形界面" in run.stderr and "Traceback" not in run.stderr


def test_a_bad_reader_option_is_refused_with_its_reason(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        parse_args(["--reader", "bluetooth:x"])
    assert exc.value.code == 2
    assert "unknown reader" in capsys.readouterr().err


def test_idle_time_locks_the_window_and_hides_the_citizen(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--idle-lock-minutes", "0.02"))  # 1.2 s
    # the matter search first (``login`` waits for it): on a loaded machine it takes longer
    # than the 1.2 s, and the window would be locked before the card is read
    qtbot.waitUntil(lambda: desk.ctx.choices is not None, timeout=60_000)
    window = login(qtbot, desk)
    screen = window.screen_
    read_card(qtbot, screen)
    name = screen.applicant.person.name.text()
    qtbot.waitUntil(lambda: not window.centralWidget().isVisible(), timeout=10_000)
    lock = desk._lock_dialog
    assert lock.isVisible() and lock.operator.text() == "clerk01"
    # saved on the writer as it hides the screen
    qtbot.waitUntil(lambda: desk.ctx.station.drafts.get("clerk01") is not None, timeout=5_000)
    qtbot.keyClicks(lock.password, "wrong-password")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "错误" in lock.error.text(), timeout=10_000)
    assert not window.centralWidget().isVisible()
    qtbot.keyClicks(lock.password, "windowdesk")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.centralWidget().isVisible(), timeout=10_000)
    assert screen.applicant.person.name.text() == name  # the intake is where it was


def test_another_operator_after_the_lock_stops_the_first_ones_idle_timer(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    """The idle lock of the operator who left must not lock the next one's window while they
    work (their keys no longer restart it)."""
    desk = start_desk(options_for(station_dir, "--idle-lock-minutes", "5"))
    first = login(qtbot, desk)
    left = desk._idle
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not first.centralWidget().isVisible(), timeout=10_000)
    lock = desk._lock_dialog
    lock.operator.setFocus()
    lock.operator.clear()
    qtbot.keyClicks(lock.operator, "clerk02")
    lock.password.setFocus()
    qtbot.keyClicks(lock.password, "windowdesk")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window is not first and desk.window.isVisible(), timeout=15_000)
    assert desk.ctx.operator.id == "clerk02"
    assert not left._timer.isActive()
    assert desk._idle is not left and desk._idle._timer.isActive()


def test_a_village_station_records_village_cases_of_village_matters(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--mode", "village"))
    screen = login(qtbot, desk, "agent01").screen_
    assert screen.flow.channel is Channel.VILLAGE
    catalog = desk.ctx.catalog
    offered = desk.ctx.choices.search("登记", limit=200)
    assert offered and all(
        "village" in catalog.matters[c.code].levels for c in offered if c.kind == "matter"
    )
    read_card(qtbot, screen)
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    case = decide(qtbot, desk)
    assert case.channel is Channel.VILLAGE and case.operator_id == "agent01"


def test_a_station_without_a_catalog_yet_opens_and_says_so(
    qtbot: Any, start_desk: Any, tmp_path: Path
) -> None:
    from intake.setup import SetupValues, apply_setup
    from intake.station import Station

    data = tmp_path / "no-catalog"
    values = SetupValues(
        "CSX010",
        "榔梨街道便民服务中心",
        "430121002000",
        "town",
        operator_id="super01",
        operator_name="赵强",
        password="s3cret-pass",
    )
    with Station.open(data) as station:
        apply_setup(station, values, None)  # the platform has not sent a catalog yet
    desk = start_desk(parse_args(["--data-dir", str(data), "--reader", "none"]))
    window = login(qtbot, desk, "super01", "s3cret-pass")
    assert "事项目录" in window.status.message.text()
    assert window.screen_.picker.results.count() == 0


def test_first_run_on_a_real_station_sets_it_up_offline(
    qtbot: Any, start_desk: Any, tmp_path: Path, qapp: Any
) -> None:
    from desktop.app import DesktopApp
    from intake.demo import load_demo_catalog_bytes

    catalog_file = tmp_path / "catalog.json"
    catalog_file.write_bytes(load_demo_catalog_bytes())
    data = tmp_path / "new-station"
    desk = DesktopApp(qapp, parse_args(["--data-dir", str(data), "--reader", "none"]))
    desk.start()
    try:
        qtbot.waitUntil(
            lambda: getattr(desk, "_setup", None) is not None and desk._setup.isVisible(),
            timeout=30_000,
        )
        setup = desk._setup
        type_text(qtbot, setup.office, "星沙街道便民服务中心")
        qtbot.keyClicks(setup.code, "CSX009")
        qtbot.keyClicks(setup.area, "4301")  # too short: the core's rule says so
        setup.save()
        assert "12位" in setup.problems.text()
        qtbot.keyClicks(setup.area, "21001000")
        qtbot.keyClicks(setup.catalog, str(catalog_file))
        qtbot.keyClicks(setup.operator_id, "super01")
        type_text(qtbot, setup.operator_name, "赵强")
        qtbot.keyClicks(setup.password, "s3cret-pass")
        qtbot.keyClicks(setup.password_again, "s3cret-pasX")
        setup.save()
        assert "不一致" in setup.problems.text()
        setup.password_again.clear()
        qtbot.keyClicks(setup.password_again, "s3cret-pass")
        setup.save()  # no platform address: offline
        qtbot.waitUntil(lambda: desk.ctx is not None, timeout=30_000)
        assert desk.ctx.station.settings.station_code == "CSX009"
        assert len(desk.ctx.catalog.matters) > 10
        window = login(qtbot, desk, "super01", "s3cret-pass")  # the new station is usable
        assert window.status.station.text().startswith("星沙街道便民服务中心")
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.login.close()
        desk.shutdown()
