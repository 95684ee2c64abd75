"""The supervisor's pages at 1366×768 with demo data into docs/screenshots/:
operators.png, audit.png, audit-verify.png, settings.png, sync-health.png.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \
        .venv/bin/python scripts/screenshots_supervisor.py docs/screenshots

A throwaway demo station with its loopback hub (real sync rounds), the real app driven with
real key events. One change is refused by the "platform" before the app starts (so the
quarantine has a row with its reason) and the hub publishes a notice to the station; after
the first verification one audit row is edited in the store to show what verify finds.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from scripts.screenshots import close_demo, open_demo_window, qt_app, settle, shot, wait


def prepare(data: Path) -> None:
    """The demo station, with one change the platform refused and one locked operator."""
    from desktop.demo import prepare_demo_station, write_demo_cards
    from intake.errors import AuthError
    from intake.station import Station

    with Station.open(data) as station:
        prepare_demo_station(station)
        write_demo_cards(station)
        item = station.outbox.pending()[0]
        station.outbox.mark_rejected(
            item.op_id, "op.payload_invalid", "申请材料目录版本已停用，请按新版目录补正后重新提交"
        )
        for _ in range(5):
            with contextlib.suppress(AuthError):
                station.operators.verify("clerk02", "wrong-password")


def publish_notice(data: Path) -> None:
    from desktop.demo import HUB_DIR
    from sync.hub.db import make_engine
    from sync.hub.service import Hub

    hub = Hub(make_engine(f"sqlite:///{data / HUB_DIR / 'hub.db'}"))
    hub.publish(
        "notice",
        {
            "id": "notice-2026-12-01",
            "title": "12月5日（周六）20:00–22:00 平台升级维护，期间请离线受理，恢复后自动上报。",
            "at": "2026-12-01T01:00:00+00:00",
        },
    )


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-supervisor-"))
    prepare(data)
    app, keep = qt_app()
    desk = open_demo_window(app, data, operator="super01", hub=True)  # the loopback hub
    window = desk.window
    wait(app, lambda: desk.ctx.sync is not None and desk.ctx.sync.health.state == "ok", 120)
    publish_notice(data)
    desk.ctx.sync.sync_now()
    wait(app, lambda: desk.ctx.station.sync_state.get("notices"), 60)

    operators = window.show_page("operators")
    wait(app, lambda: bool(operators.rows))
    operators.table.selectRow(next(i for i, s in enumerate(operators.rows) if s.locked))
    settle(app, 0.5)
    shot(window, out, "operators")

    audit = window.show_page("audit")
    wait(app, lambda: audit.model.rowCount() > 0)
    audit.table.setFocus()
    QTest.keyClick(
        audit.table,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait(app, lambda: audit.verdict is not None and audit._cancel is None, 60)
    settle(app, 0.5)
    shot(window, out, "audit")

    settings = window.show_page("settings")
    wait(app, lambda: settings.view is not None)
    abbr = settings.edits["agency_abbr"]
    abbr.setFocus()
    chinese = QInputMethodEvent()
    chinese.setCommitString("长政务")  # as a Chinese input method delivers it
    QApplication.sendEvent(abbr, chinese)
    QTest.keyClicks(abbr, "12")  # digits: the core refuses the value, nothing saves
    QTest.keyClick(abbr, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: settings.errors["agency_abbr"].isVisible())
    QTest.keyClick(abbr, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    wait(
        app,
        lambda: settings.test_button.isEnabled() and "测试" not in settings.connection.text(),
        30,
    )
    settle(app, 0.5)
    shot(window, out, "settings")

    health = window.show_page("health")
    wait(app, lambda: health.quarantine.rowCount() >= 1 and health.notices.count() > 0)
    wait(app, lambda: health.status is not None and health.status.last_pull_at is not None)
    health.quarantine.selectRow(0)
    settle(app, 0.5)
    shot(window, out, "sync-health")

    # someone edits one audit row in the store: verify says which
    with desk.ctx.station.db.write() as session:
        session.execute(text("UPDATE audit_log SET detail = '已删除记录' WHERE seq = 12"))
    window.show_page("audit")
    audit.verdict = None
    audit.table.setFocus()
    QTest.keyClick(
        audit.table,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait(app, lambda: audit.verdict is not None and audit._cancel is None, 60)
    settle(app, 0.5)
    shot(window, out, "audit-verify")

    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
