"""The follow-ups page, the delivery dialog and the inbox at 1366×768 with demo data.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \
        .venv/bin/python scripts/screenshots_followups.py docs/screenshots

A throwaway demo station (its cases include every follow-up state, made through the core by
``intake.demo.add_followup_cases``); the inbox gets what a platform would send (department
decisions, a 补正 request, a notice, an operator change) through the same
``Station.apply_remote`` sync uses. The real app, real key events, QWidget.grab().
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.demo import prepare_demo_station, write_demo_cards
from intake.clock import now
from intake.station import Station
from intake.status import Status
from scripts.screenshots import close_demo, focus, open_demo_window, qt_app, settle, shot, wait

NOTICE = "本周六（调休上班日）大厅正常开放，请合理安排窗口"


def _platform_changes(station: Station) -> None:
    """What the platform sends in a day: one batch already looked at, one new."""
    accepted = station.cases.list(Status.ACCEPTED, limit=4)
    at = now() - timedelta(hours=3)

    def decision(i: int, status: str, note: str, minutes: int) -> dict[str, object]:
        case = station.cases.get(accepted[i].case_number)
        return {
            "kind": "case.status",
            "case_id": case.id,
            "status": status,
            "at": (at + timedelta(minutes=minutes)).isoformat(),
            "department": case.matters[0].department,
            "note": note,
        }

    station.apply_remote(
        [
            decision(0, "undertaken", "", 0),
            {"kind": "notice", "id": "n-1", "title": NOTICE},
        ],
        "demo-1",
    )
    station.inbox.mark_seen("clerk01")
    station.apply_remote(
        [
            decision(1, "completed", "准予许可，结果已送达窗口", 60),
            decision(2, "supplement", "请补充提交户口簿首页复印件", 90),
            {"kind": "operator", "id": "clerk03", "name": "刘洋", "role": "clerk"},
        ],
        "demo-2",
    )


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-followups-"))
    with Station.open(data) as station:
        prepare_demo_station(station)
        write_demo_cards(station)
        _platform_changes(station)
    app, keep = qt_app()
    desk = open_demo_window(app, data)
    window = desk.window
    window.show_page("followups")
    wait(app, lambda: "followups" in window.pages and window.pages["followups"].loaded > 0)
    page = window.pages["followups"]
    settle(app, 0.6)
    shot(window, out, "followups")
    QTest.keyClick(focus(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    wait(app, lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    wait(app, lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(focus(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    wait(app, lambda: dialog.agent_name.isEnabled())
    dialog.agent_name.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("王建国")
    QApplication.sendEvent(dialog.agent_name, event)
    dialog.agent_id.setFocus()
    QTest.keyClicks(dialog.agent_id, "11010519491231002X")
    QTest.keyClick(dialog.ok, Qt.Key.Key_Tab)  # leave the field; nothing recorded yet
    settle(app, 0.4)
    shot(dialog, out, "followup-deliver")
    dialog.reject()
    settle(app)
    window.activateWindow()
    window.show_page("inbox")
    wait(app, lambda: "inbox" in window.pages and window.pages["inbox"].loaded > 0)
    settle(app, 0.6)
    shot(window, out, "inbox")
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
