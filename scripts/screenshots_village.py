"""The village station at 1366×768 with demo data, into docs/screenshots/:
village-offline.png, village-handover.png (+ the printed list as village-handover-pdf.png),
village-online.png and quarantine.png.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file .venv/bin/python \\
        scripts/screenshots_village.py docs/screenshots

A throwaway demo station, the real app driven with real keys: first offline (no platform),
two intakes taken by the agent for villagers, the waiting list and the hand-over list, the
list printed to PDF; then with the demo hub on loopback, after one item was damaged on disk
so that the platform returns it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screenshots import close_demo, focus, open_demo_window, qt_app, settle, shot, wait

from desktop.app import DesktopApp


def start(app: QApplication, data: Path, *, hub: bool) -> DesktopApp:
    desk = open_demo_window(app, data, "--mode", "village", operator="agent01", hub=hub)
    settle(app, 0.5)
    return desk


def go(app: QApplication, desk: DesktopApp, key: str) -> object:
    window = desk.window
    number = [s.key for s in window.page_specs].index(key) + 2
    window.activateWindow()
    wait(app, lambda: QApplication.activeWindow() is window)
    target = focus() or window
    QTest.keyClick(target, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: key in window.pages and window.pages[key].isVisible())
    settle(app, 0.5)
    return window.pages[key]


def intake(app: QApplication, desk: DesktopApp) -> None:
    screen = desk.window.screen_
    before = screen.last_case
    QTest.keyClick(focus(), Qt.Key.Key_F2)
    wait(app, lambda: bool(screen.flow.applicant.get("name")) and desk.runner.pending == 0)
    if not screen.applicant.person.phone.text():
        screen.applicant.person.phone.setFocus()
        QTest.keyClicks(screen.applicant.person.phone, "13907310001")
    QTest.keyClick(focus(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(screen.picker.search, "shbzkqy")
    QTest.keyClick(screen.picker.search, Qt.Key.Key_Return)
    QTest.keyClick(focus(), Qt.Key.Key_F4)
    QTest.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible())
    QTest.keyClick(screen.decision_dialog, Qt.Key.Key_Return)
    wait(app, lambda: screen.last_case is not None and screen.last_case != before, 30)
    wait(app, lambda: desk.runner.pending == 0, 30)
    desk.window.activateWindow()
    settle(app, 0.3)


def damage_one(data: Path) -> None:
    """One case's only item damaged on disk: the platform will return it."""
    from collections import Counter

    from sqlalchemy import update

    from intake.station import Station
    from intake.store.models import OutboxRow

    with Station.open(data) as station:
        pending = station.outbox.pending()
        per_case = Counter(i.case_number for i in pending)
        item = next(i for i in pending if per_case[i.case_number] == 1)
        damaged = item.payload_json.replace(
            b'"special_procedure":false', b'"special_procedure":true'
        )
        with station.db.write() as session:
            session.execute(
                update(OutboxRow).where(OutboxRow.op_id == item.op_id).values(payload_json=damaged)
            )


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-shots-village-"))
    app, keep = qt_app()

    # 1. offline: no platform at all
    desk = start(app, data, hub=False)
    window = desk.window
    QTest.keyClick(
        focus(),
        Qt.Key.Key_F2,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # the agent's own card, once
    wait(app, lambda: window.screen_.default_agent is not None)
    for _ in range(3):
        intake(app, desk)
    page = go(app, desk, "village")
    wait(app, lambda: page.waiting.tree.topLevelItemCount() > 0)
    settle(app, 0.5)
    shot(window, out, "village-offline")
    QTest.keyClick(page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: page.handover.tree.topLevelItemCount() > 0)
    settle(app, 0.5)
    shot(window, out, "village-handover")
    prints = data / "prints"
    before = set(prints.glob("*handover*.pdf"))
    QTest.keyClick(page.handover.tree, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    wait(app, lambda: bool(set(prints.glob("*handover*.pdf")) - before), 60)
    [pdf] = set(prints.glob("*handover*.pdf")) - before
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "90",
            "-singlefile",
            str(pdf),
            str(out / "village-handover-pdf"),
        ],
        check=True,
    )
    print(out / "village-handover-pdf.png")
    close_demo(desk)

    # 2. online with the demo platform on loopback; one item comes back
    damage_one(data)
    desk = start(app, data, hub=True)
    window = desk.window
    wait(app, lambda: desk.ctx.sync is not None and desk.ctx.sync.health.state == "ok", 120)
    wait(app, lambda: window.banner.state.text() == "在线")
    settle(app, 1.0)
    shot(window, out, "village-online")
    quarantine = go(app, desk, "quarantine")
    wait(app, lambda: quarantine.tree.topLevelItemCount() > 0)
    settle(app, 0.5)
    shot(window, out, "quarantine")
    close_demo(desk)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
