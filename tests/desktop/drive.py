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
