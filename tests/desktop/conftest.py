"""Fixtures for the desktop tests: the real app (offscreen Qt, a real temporary store, the
simulated reader, real PDF output), driven with real key events through qtbot."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINDOWDESK_KEYRING", "file")

from desktop.app import DesktopApp
from desktop.options import LaunchOptions

_TEMPLATE: list[Path] = []


def demo_template() -> Path:
    """One demo station (operators, catalog, 12 cases, the card file) copied per test:
    seeding hashes four passwords with argon2 and accepts cases, a few seconds each time."""
    if not _TEMPLATE:
        from desktop.demo import prepare_demo_station, write_demo_cards
        from intake.station import Station

        path = Path(tempfile.mkdtemp(prefix="wd-desktop-template-"))
        with Station.open(path) as station:
            prepare_demo_station(station, cases=12, followups=False)
            write_demo_cards(station)
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    target = tmp_path / "station"
    shutil.copytree(demo_template(), target)
    cards = target / "demo-cards.json"  # the copy's card file, not the template's
    cards.write_text(cards.read_text(encoding="utf-8"), encoding="utf-8")
    return target


@pytest.fixture(scope="session", autouse=True)
def _zh_cn(qapp: Any) -> Iterator[None]:
    """The app's translators, as ``desktop.app.main`` installs them: tests see what a
    clerk sees (and fail on English that leaks through)."""
    from desktop import i18n

    i18n.set_default_locale()
    translators = i18n.install(qapp)
    assert translators, "build the translation first: make desktop/i18n/windowdesk_zh_CN.qm"
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def start_desk(qapp: Any, qtbot: Any) -> Iterator[Callable[..., DesktopApp]]:
    started: list[DesktopApp] = []

    def start(options: LaunchOptions) -> DesktopApp:
        desk = DesktopApp(qapp, options)
        desk.start()
        qtbot.waitUntil(lambda: desk.login._verify is not None, timeout=30_000)
        started.append(desk)
        return desk

    yield start
    for desk in started:
        if desk.window is not None:
            desk.window.close()
        desk.login.close()
        desk.shutdown()
