"""The audit page's "verify chain" (Ctrl+Shift+V) finds the newest rows deleted through the
store's key, which the chain alone cannot show: the anchor outside the database names them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.desktop.drive import login, options_for
from tests.desktop.test_supervisor import _verify


def test_verification_finds_the_newest_rows_deleted(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk, "super01")
    station = desk.ctx.station
    qtbot.waitUntil(lambda: station.audit_anchor.read()[0] is not None, timeout=15_000)
    with station.db.read() as s:
        last = int(s.execute(text("SELECT max(seq) FROM audit_log")).scalar_one())
    anchored = station.audit_anchor.read()[0]
    assert anchored is not None and anchored.seq == last  # the login's row is anchored
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq > :k"), {"k": last - 2})
    page = _verify(qtbot, desk)
    assert not page.verdict.ok and page.verdict.removed == 2
    shown = page.verdict_label.text()
    assert "最新的 2 行已被删除" in shown and f"第 {last - 2} 行之后" in shown, shown
