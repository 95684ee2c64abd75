"""The kiosk and the queue, at 1366×768 with demo data, into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_kiosk.py [OUT_DIR]

kiosk-home.png (life events), kiosk-guide.png, kiosk-elder.png, ticket.png (the printed
80 mm PDF through pdftoppm), queue.png (the counter's queue page). kiosk-keyboard.png needs a
real X server (the Qt Virtual Keyboard is its own window): under ``xvfb-run`` with
``QT_QPA_PLATFORM=xcb`` the script also takes it; offscreen it says why it does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import i18n
from desktop.app import DesktopApp
from desktop.kiosk.keyboard import prepare_environment
from desktop.options import ReaderSpec, parse_args
from scripts.screenshots import SIZE, focus, settle, shot, wait

XCB = os.environ["QT_QPA_PLATFORM"] == "xcb"


def tap(app: QApplication, button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(app, 0.2)


def kiosk_shots(app: QApplication, data: Path, out: Path) -> None:
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data), "--mode", "kiosk"])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    desk = DesktopApp(app, opts)
    desk.start()
    wait(app, lambda: desk.kiosk is not None and desk.ctx.choices is not None, 120)
    kiosk = desk.kiosk
    kiosk.setWindowState(Qt.WindowState.WindowNoState)
    kiosk.resize(*SIZE)
    settle(app, 0.5)
    session = kiosk.session
    tap(app, session.read_button)
    wait(app, lambda: session.identity is not None)
    settle(app)
    shot(kiosk, out, "kiosk-home")
    tap(app, session.event_buttons["birth"])
    tap(app, session.choices_page.findChild(QPushButton, "choice_YJS-430121-01"))
    for name in (
        "situation_birth_place_county_hospital",
        "situation_social_security_card_yes",
        "situation_parents_married_yes",
    ):
        tap(app, session.guide_page.findChild(QPushButton, name))
    settle(app)
    shot(kiosk, out, "kiosk-guide")
    tap(app, kiosk.elder_button)
    settle(app)
    shot(kiosk, out, "kiosk-elder")
    tap(app, kiosk.elder_button)
    session.stack.setCurrentWidget(session.events)  # "back", twice
    session.search.setText("社会保障卡申领")
    session.run_search()
    settle(app)
    choice = next(
        b
        for b in session.choices_page.findChildren(QPushButton)
        if b.objectName().startswith("choice_")
    )
    tap(app, choice)
    tap(app, session.fill_button)
    if XCB:
        kiosk.show_kiosk()
        field = session.form.widget_for("current_address") or session.phone  # Chinese: Pinyin
        field.setText("")
        field.setFocus()
        QTest.mouseClick(field, Qt.MouseButton.LeftButton)
        QGuiApplication.inputMethod().show()
        wait(app, lambda: QGuiApplication.inputMethod().isVisible(), 20)
        settle(app, 1.5)
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(out / "kiosk-keyboard.png"))
        print(out / "kiosk-keyboard.png")
        kiosk.setWindowState(Qt.WindowState.WindowNoState)
        kiosk.resize(*SIZE)
    else:
        print(
            "kiosk-keyboard.png: not taken offscreen (the virtual keyboard is a window of its"
            " own that the offscreen platform cannot show); run under xvfb-run with"
            " QT_QPA_PLATFORM=xcb",
            file=sys.stderr,
        )
    QTest.keyClicks(session.phone, "13912345678")
    merged = session.flow.merged
    for req in merged.fields:
        if req.required and not session.flow.form.get(req.key):
            widget = session.form.widget_for(req.key)
            if req.field.options:
                widget.setCurrentIndex(1)
            elif req.field.type.value == "id_number":
                widget.setText("430121198805060021")
            elif req.field.type.value == "date":
                widget.setText("2026-11-20")
            else:
                widget.setText("张晓明")
    printed: list[object] = []
    kiosk.ticket_printed.connect(lambda r, p: printed.append(p))
    tap(app, session.submit_button)
    wait(app, lambda: bool(printed) or session.submit_button.isEnabled(), 60)
    if not printed:
        raise SystemExit(f"not submitted: {session.form_problem.text()}")
    settle(app)
    pdf = Path(printed[0].handle)  # type: ignore[attr-defined]
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(out / "ticket")],
        check=True,
    )
    print(out / "ticket.png")
    kiosk.release()
    kiosk.close()
    desk.shutdown()


def queue_shot(app: QApplication, data: Path, out: Path) -> None:
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(data), "--counter", "3号窗口"])
    opts = replace(opts, reader=ReaderSpec("simulated", str(data / "demo-cards.json")))
    with_more = DesktopApp(app, opts)
    with_more.start()
    wait(app, lambda: with_more.login._verify is not None, 120)
    waiting = (("general", "咨询"), ("realty", "不动产登记资料查询"), ("social", "异地就医备案"))
    for queue, title in waiting:
        with_more.ctx.station.queue.take(queue, title=title, channel="counter")
    QTest.keyClicks(with_more.login.operator, "clerk01")
    QTest.keyClicks(with_more.login.password, "windowdesk")
    QTest.keyClick(with_more.login.password, Qt.Key.Key_Return)
    wait(app, lambda: with_more.window is not None and with_more.ctx.choices is not None)
    window = with_more.window
    window.resize(*SIZE)
    window.activateWindow()
    settle(app)
    if with_more.window.draft_box is not None:
        QTest.keyClick(with_more.window.draft_box, Qt.Key.Key_Escape)
    window.show_page("queue")
    panel = window.page("queue")
    wait(app, lambda: panel is not None and panel.transfer_to.count() > 0)
    QTest.keyClick(focus(), Qt.Key.Key_F9)
    wait(app, lambda: panel.called_number != "")
    panel.refresh()
    settle(app, 0.8)
    shot(window, out, "queue")
    window.close()
    with_more.shutdown()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="wd-kiosk-shots-"))
    if XCB:
        prepare_environment()  # the virtual keyboard: before the QApplication exists
    i18n.set_default_locale()
    app = QApplication([])
    keep = i18n.install(app)
    kiosk_shots(app, data, out)
    queue_shot(app, data, out)
    del keep
    if XCB:  # the virtual keyboard's QML objects outlive the app at exit: skip the teardown
        sys.stdout.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
