"""预约签到 at the kiosk and 签收 on the citizen screen, at 1366×768 with demo data.

    QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file \\
        .venv/bin/python scripts/screenshots_appointments.py docs/screenshots

kiosk-appointment.png: the kiosk after the card of a citizen with an appointment today was
read (the appointment pushed by the platform, applied as a pull applies it): its matter and
slot and 预约签到. citizen-sign-receipt.png: the citizen screen (a second virtual monitor)
asking the applicant to sign for the 受理通知书 (``--citizen-signs receipts``), signed with
the pen; signed-receipt.png: that notice as printed (pdftoppm), the signature on its 签收 line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

_SCREENS = Path(tempfile.mkdtemp(prefix="wd-screens-")) / "screens.json"
_SCREENS.write_text(
    json.dumps(
        {
            "screens": [
                {"name": "A-clerk", "x": 0, "y": 0, "width": 1366, "height": 768},
                {"name": "B-citizen", "x": 1366, "y": 0, "width": 1366, "height": 768},
            ]
        }
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox  # noqa: E402
from screenshots import SIZE, focus, settle, shot, wait  # noqa: E402
from screenshots_citizen import draw_signature  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.app import DesktopApp  # noqa: E402
from desktop.options import ReaderSpec, parse_args  # noqa: E402
from intake.citizen import Step  # noqa: E402
from intake.clock import CST, local_date, now  # noqa: E402
from intake.station import Station  # noqa: E402


def book_for_first_card(data: Path) -> None:
    """The platform's appointment for the simulated reader's first card, open now."""
    cards = json.loads((data / "demo-cards.json").read_text(encoding="utf-8"))["cards"]
    here = now().astimezone(CST)
    start = max(here - timedelta(minutes=10), here.replace(hour=0, minute=0))
    end = min(start + timedelta(minutes=30), here.replace(hour=23, minute=59))
    change = {
        "seq": 1,
        "kind": "appointment",
        "id": "c0000000-0000-4000-8000-00000000a001",
        "id_number": cards[0]["id_number"],
        "name": cards[0]["name"],
        "matter": "",
        "title": "城乡居民养老保险待遇申领",
        "date": local_date(now()).isoformat(),
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
        "queue": "social",
        "status": "booked",
    }
    with Station.open(data) as station:
        station.apply_remote([change], "")


def demo_station() -> Path:
    """A throwaway demo station (operators, catalog, cases, the simulated reader's cards)."""
    from desktop.demo import prepare_demo_station, write_demo_cards

    data = Path(tempfile.mkdtemp(prefix="wd-shots-appointments-")) / "station"
    with Station.open(data) as station:
        prepare_demo_station(station, cases=12)
        write_demo_cards(station)
    return data


def kiosk_shot(app: QApplication, data: Path, out: Path) -> None:
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data), "--mode", "kiosk"])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    book_for_first_card(data)
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.kiosk is not None and desk.ctx.choices is not None, 120)
    kiosk = desk.kiosk
    settle(app, 0.5)
    # full screen on the first virtual monitor: 1366×768
    wait(app, lambda: kiosk.width() == SIZE[0] and kiosk.height() == SIZE[1])
    settle(app, 0.3)
    session = kiosk.session
    QTest.mouseClick(session.read_button, Qt.MouseButton.LeftButton)
    wait(app, lambda: session.identity is not None and session.check_in_button.isVisible())
    settle(app, 0.5)
    shot(kiosk, out, "kiosk-appointment")
    kiosk.release()
    kiosk.close()
    desk.shutdown()


def citizen_shot(app: QApplication, data: Path, out: Path) -> None:
    opts = parse_args(
        ["--demo", "--no-hub", "--data-dir", str(data), "--citizen-signs", "receipts"]
    )
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.login._verify is not None, 120)
    QTest.keyClicks(desk.login.operator, "clerk01")
    QTest.keyClicks(desk.login.password, "windowdesk")
    QTest.keyClick(desk.login.password, Qt.Key.Key_Return)
    wait(app, lambda: desk.window is not None and desk.ctx.choices is not None)
    window = desk.window
    window.resize(1366, 740)
    if window.draft_box is not None:
        QTest.keyClick(window.draft_box, Qt.Key.Key_Escape)
    screen = window.screen_
    citizen = window.citizen
    assert citizen.window is not None, "no citizen window on the second screen"
    cw, panel = citizen.window, citizen.window.panel
    wait(app, cw.isVisible)
    window.activateWindow()
    QTest.keyClick(focus(), Qt.Key.Key_F2)
    wait(app, lambda: screen.applicant.person.phone.text() != "")
    QTest.keyClick(focus(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus(), "zgybtxrydyhd")
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    settle(app)
    QTest.keyClick(focus(), Qt.Key.Key_F4)  # every material handed in: no promise
    for key in ("retirement_date", "employer"):
        widget = screen.form.widget_for(key)
        widget.setFocus()
        if isinstance(widget, QComboBox):
            QTest.keyClick(widget, Qt.Key.Key_Down)
        elif key == "retirement_date":
            QTest.keyClicks(widget, "2026-10-31")
        else:
            event = QInputMethodEvent()
            event.setCommitString("长沙县第一中学")
            QApplication.sendEvent(widget, event)
    settle(app)
    screen.setFocus()
    QTest.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible())
    QTest.keyClick(screen.decision_dialog, Qt.Key.Key_Return)
    wait(app, lambda: panel.step is Step.CONFIRMING)
    QTest.mouseClick(panel.right, Qt.MouseButton.LeftButton)
    wait(app, lambda: panel.step is Step.SIGNING)
    draw_signature(panel.pad)
    settle(app, 0.5)
    shot(cw, out, "citizen-sign-receipt")
    number = screen.last_case
    QTest.mouseClick(panel.sign_done, Qt.MouseButton.LeftButton)
    prints = data / "prints"
    wait(app, lambda: any(number in p.name for p in prints.glob("*.pdf")), 60)
    settle(app, 0.5)
    notice = next(p for p in prints.glob("*.pdf") if number in p.name)
    subprocess.run(
        ["pdftoppm", "-r", "90", "-png", "-singlefile", str(notice), str(out / "signed-receipt")],
        check=True,
    )
    print(out / "signed-receipt.png")
    window.close()
    desk.shutdown()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = demo_station()
    i18n.set_default_locale()
    app = QApplication([])
    keep = i18n.install(app)
    assert len(app.screens()) == 2, "the offscreen platform did not take the screen config"
    try:
        kiosk_shot(app, data, out)
        citizen_shot(app, data, out)
    finally:
        shutil.rmtree(data.parent, ignore_errors=True)
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
