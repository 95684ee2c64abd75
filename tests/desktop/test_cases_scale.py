"""At 100,000 cases, searching the cases page by each key answers while the UI thread keeps
running: a 10 ms heartbeat timer measures the longest stall of the event loop while the
clerk types, and every list query is seen running on a reader thread (the audited open on
the writer). The size is ``WD_CASES_UI_CASES`` (default 100,000; the fill takes about a
minute and a half on this machine). Timing figures belong to ``python -m bench cases``;
the stall bound here is deliberately loose (a query on the UI thread at this size would
still be caught by the thread check)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.cases.page import CasesPage
from intake.services.case_queries import CaseFilter
from intake.services.cases import name_keys
from intake.station import Station
from tests.desktop.conftest import demo_template
from tests.desktop.drive import focus, login, options_for, type_text

SIZE = int(os.environ.get("WD_CASES_UI_CASES", "100000"))
_FILLED: list[Path] = []


def _filled_template(tmp_factory: pytest.TempPathFactory) -> Path:
    if not _FILLED:
        from bench.bench_intake import fill

        path = tmp_factory.mktemp("cases-scale") / "station"
        shutil.copytree(demo_template(), path)
        with Station.open(path) as station:
            fill(station, SIZE)
        _FILLED.append(path)
    return _FILLED[0]


@pytest.fixture
def big_station(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path / "station"
    shutil.copytree(_filled_template(tmp_path_factory), target)
    return target


def _spy(obj: Any, name: str, seen: list[tuple[str, str]]) -> None:
    """Record the thread each call of ``obj.name`` runs on (the call itself is unchanged)."""
    original: Callable[..., Any] = getattr(obj, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        seen.append((name, threading.current_thread().name))
        return original(*args, **kwargs)

    setattr(obj, name, recorded)


class Heartbeat:
    """The longest gap between ticks of a 10 ms timer: how long the UI thread stalled."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        at = time.perf_counter()
        self.longest = max(self.longest, at - self.last)
        self.last = at

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


def test_searching_by_each_key_at_scale_never_stalls_the_ui(
    qtbot: Any, start_desk: Any, big_station: Path
) -> None:
    desk = start_desk(options_for(big_station))
    login(qtbot, desk)
    station = desk.ctx.station
    seen: list[tuple[str, str]] = []
    count_here = station.case_queries.count  # the test's own reference count, not recorded
    for name in ("count", "page", "open"):
        _spy(station.case_queries, name, seen)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(desk.window.pages.get("cases"), CasesPage))
    page = desk.window.pages["cases"]
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=60_000)
    assert page.model.total >= SIZE
    with station.db.read() as s:
        from sqlalchemy import text

        row = s.execute(
            text(
                "SELECT case_number, applicant_id_number, applicant_phone, applicant_name "
                "FROM cases WHERE rowid = :r"
            ),
            {"r": SIZE // 2},
        ).one()
    pinyin, initials = name_keys(row.applicant_name)
    beat = Heartbeat()
    beat.start()
    stalls = {}
    for key, typed in (
        ("case number", row.case_number),
        ("ID number", row.applicant_id_number),
        ("phone", row.applicant_phone),
        ("name", row.applicant_name),
        ("surname", row.applicant_name[0]),
        ("pinyin", pinyin),
        ("initials", initials),
    ):
        beat.longest = 0.0
        page.search.clear()
        type_text(qtbot, page.search, typed)
        qtbot.waitUntil(
            lambda t=typed: (
                page.model.filter.text == t
                and page.model.total is not None
                and not page.model.loading
            ),
            timeout=60_000,
        )
        assert page.model.total == count_here(CaseFilter(text=typed)), key
        shown = [i.case_number for i in page.model.items]
        if key != "surname":  # a surname's first page holds other people too
            assert row.case_number in shown or len(shown) == 100, key
        # scroll: the view asks for the next page as the clerk moves down
        if page.model.canFetchMore():
            before = page.model.rowCount()
            page.table.setFocus()
            page.table.scrollToBottom()
            qtbot.waitUntil(lambda b=before: page.model.rowCount() > b, timeout=60_000)
        stalls[key] = beat.longest
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.open_detail is not None, timeout=60_000)
    beat.timer.stop()
    print(f"longest UI-thread stall per search at {SIZE:,} cases (s):", stalls)
    list_calls = {t for n, t in seen if n in ("count", "page")}
    assert list_calls and all(t.startswith("reader") for t in list_calls), list_calls
    opens = {t for n, t in seen if n == "open"}
    assert opens and all(t.startswith("writer") for t in opens), opens
    assert max(stalls.values()) < 2.0, stalls  # loose: the bench holds the real figures
