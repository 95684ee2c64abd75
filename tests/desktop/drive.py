"""Driving the real app in tests: log in with keys, wait for the workers, find the PDFs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.app import DesktopApp
from desktop.options import LaunchOptions, ReaderSpec, parse_args


def options_for(station_dir: Path, *extra: str) -> LaunchOptions:
    opts = parse_args(["--demo", "--no-hub", "--data-dir", str(station_dir), *extra])
    reader = opts.reader or replace_reader(station_dir)
    return replace(opts, reader=reader)


def replace_reader(station_dir: Path) -> ReaderSpec:
    return ReaderSpec("simulated", str(station_dir / "demo-cards.json"))


def login(
    qtbot: Any, desk: DesktopApp, operator: str = "clerk01", password: str = "windowdesk"
) -> Any:
    """Type the login as a clerk does: operator, Tab, password, Enter."""
    from PySide6.QtCore import Qt

    field = desk.login.operator
    field.setFocus()
    qtbot.keyClicks(field, operator)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    focused = desk.login.focusWidget()
    assert focused is desk.login.password
    qtbot.keyClicks(focused, password)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window is not None and desk.window.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: desk.ctx.choices is not None, timeout=30_000)
    return desk.window


def wait_idle(qtbot: Any, desk: DesktopApp, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: desk.runner.pending == 0, timeout=timeout)


def pdfs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pdf")) if folder.exists() else []


def focus(qtbot: Any = None) -> Any:
    """The focused widget, inside an open dialog if there is one (the offscreen platform
    does not activate new windows the way a window manager does). With ``qtbot``, waits a
    moment for a window that is being activated (activation is asynchronous)."""
    from PySide6.QtWidgets import QApplication

    if qtbot is not None:
        qtbot.waitUntil(
            lambda: (
                QApplication.focusWidget() is not None
                or QApplication.activeModalWidget() is not None
            ),
            timeout=5_000,
        )
    modal = QApplication.activeModalWidget()
    if modal is not None:
        return modal.focusWidget() or modal
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus: the clerk would be stuck"
    return widget


def read_card(qtbot: Any, screen: Any, *, agent: bool = False) -> None:
    from PySide6.QtCore import Qt

    before = screen.flow.agent if agent else dict(screen.flow.applicant)
    modifier = Qt.KeyboardModifier.ShiftModifier if agent else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F2, modifier)
    if agent:
        # bool(): pytest-qt takes a None from the callback as "passed"
        qtbot.waitUntil(lambda: bool(screen.flow.agent) and screen.flow.agent != before)
        return
    qtbot.waitUntil(
        lambda: bool(screen.flow.applicant.get("name")) and screen.flow.applicant != before,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: screen.ctx.runner.pending == 0, timeout=10_000)  # the lookup


def choose(qtbot: Any, screen: Any, query: str) -> None:
    """Ctrl+K, the query, Enter: the top match is taken."""
    from PySide6.QtCore import Qt

    qtbot.keyClick(focus(qtbot), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.picker.search, query)
    qtbot.keyClick(screen.picker.search, Qt.Key.Key_Return)
    assert screen.flow.merged is not None, f"{query!r} chose nothing"


def decide(qtbot: Any, desk: DesktopApp, decision: str | None = None) -> Any:
    """Ctrl+Enter, optionally another decision, Enter; waits for the save; returns the case."""
    from PySide6.QtCore import Qt

    from intake.views import Decision

    screen = desk.window.screen_
    before = screen.last_case
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible()
    )
    dialog = screen.decision_dialog
    if decision is not None:
        dialog.radios[Decision(decision)].setChecked(True)
    assert dialog.ok.isEnabled(), (
        dialog.problems.text(),
        [p.where for p in screen.check(dialog.decision()).problems],
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.last_case is not None and screen.last_case != before, timeout=15_000
    )
    wait_idle(qtbot, desk)
    return desk.ctx.station.cases.get(screen.last_case)


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Keys for ASCII; Chinese arrives as a Chinese input method delivers it: a committed
    string (QTest cannot synthesise keys for characters outside ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def go_to_page(qtbot: Any, window: Any, key: str) -> Any:
    """Ctrl+<n> for the page ``key`` (its number follows ``PAGES`` after the intake's Ctrl+1);
    returns the page once it is in front."""
    from PySide6.QtCore import Qt

    keys = [spec.key for spec in window.page_specs]
    assert key in keys, f"page {key!r} not visible here: {keys}"
    number = keys.index(key) + 2
    assert number <= 9, f"page {key!r} has no Ctrl+number"
    qtbot.keyClick(
        focus(qtbot), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: key in window.pages and window.pages[key].isVisible(), timeout=10_000)
    return window.pages[key]


_LAST_STAMP = [0]


def stamped_keys(
    qtbot: Any, widget: Any, text: str, gap_ms: int, *, enter: bool = True, pause_ms: int = 0
) -> None:
    """Keys as a keyboard delivers them: each press carries the time it was pressed (the
    window system's time stamp, which the scanner filter reads), ``gap_ms`` apart, then Enter.
    They are handed over back to back, as a busy UI thread gets them (``pause_ms`` > 0: that
    long between keys instead, as when each key's work takes that long). Every call starts a
    second after the last one's keys (its own run)."""
    import time

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    at = max(int(time.monotonic() * 1000), _LAST_STAMP[0] + 1000)
    keys = [(Qt.Key(ord(ch.upper())), ch) for ch in text]
    if enter:
        keys.append((Qt.Key.Key_Return, "\r"))
    for key, ch in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(at)
            QApplication.sendEvent(widget, event)
        at += gap_ms
        if pause_ms:
            qtbot.wait(pause_ms)
    _LAST_STAMP[0] = at


def scan(qtbot: Any, widget: Any, code: str, **kw: Any) -> None:
    """What a keyboard-wedge scanner sends: the code's keys 4 ms apart, then Enter."""
    stamped_keys(qtbot, widget, code, 4, **kw)


def type_by_hand(qtbot: Any, widget: Any, text: str, *, enter: bool = True) -> None:
    """ASCII typed at a person's pace (120 ms a key, by the keys' time stamps), then Enter."""
    stamped_keys(qtbot, widget, text, 120, enter=enter)


def start_logged_in(
    qtbot: Any, start_desk: Any, station_dir: Path, *extra: str, operator: str = "clerk01"
) -> DesktopApp:
    """The real app on ``station_dir`` (``options_for`` with ``extra``), ``operator`` logged
    in with the keys (``login``)."""
    desk: DesktopApp = start_desk(options_for(station_dir, *extra))
    login(qtbot, desk, operator)
    return desk
