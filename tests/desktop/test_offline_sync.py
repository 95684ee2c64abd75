"""Offline at the counter, then the platform comes back: everything recorded goes up, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.options import parse_args
from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.desktop.drive import choose, decide, focus, login, read_card
from tests.sync.hubproc import HubProcess
from tests.sync.stations import enrol_station


def test_saved_offline_then_sent_when_the_hub_is_back(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(db_url)
    hub.start()
    try:
        enrol_station(db_url, hub.url, station_dir, code="CSX001")  # the demo station's code
    finally:
        hub.stop()  # the link is down from here on
    prints = tmp_path / "prints"
    prints.mkdir()
    options = parse_args(
        [
            "--data-dir",
            str(station_dir),
            "--reader",
            f"simulated:{station_dir / 'demo-cards.json'}",
            "--printer",
            f"pdf:{prints}",
        ]
    )
    desk = start_desk(options)
    window = login(qtbot, desk)
    screen = window.screen_
    qtbot.waitUntil(lambda: desk.ctx.sync.health.state == "offline", timeout=30_000)
    qtbot.waitUntil(lambda: window.status.connection.text().startswith("离线"), timeout=30_000)
    read_card(qtbot, screen)
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    case = decide(qtbot, desk)  # saved here, no network needed
    assert case.sync_state in ("saved", "waiting")
    qtbot.waitUntil(lambda: "待上传 0" not in window.status.counts.text())

    hub.start()  # the same address comes back
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F5)  # 立即同步
    try:
        qtbot.waitUntil(
            lambda: desk.ctx.sync.health.state == "ok" and desk.ctx.sync.health.waiting == 0,
            timeout=60_000,
        )
        at_hub = [
            c for c in Hub(make_engine(db_url)).export() if c["case_number"] == case.case_number
        ]
    finally:
        hub.stop()
    assert len(at_hub) == 1  # exactly once
    qtbot.waitUntil(lambda: window.status.connection.text().startswith("在线"))
    assert "待上传 0" in window.status.counts.text()
    assert desk.ctx.station.cases.get(case.case_number).sync_state == "acknowledged"
