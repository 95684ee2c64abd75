"""A week at a village station with no platform, then the link comes back through a flaky
county network (answers dropped after the hub committed, requests cut half-way): every case
reaches the platform exactly once, nothing is lost or doubled, and the banner says so."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.options import parse_args
from intake import clock
from intake.canonical import content_sha256
from sync.hub import db as hubdb
from sync.hub.db import make_engine
from sync.hub.service import Hub
from sync.testing.faultproxy import FaultMix, FaultProxy, _close, _reset
from tests.desktop.drive import choose, decide, focus, login, read_card
from tests.sync.hubproc import HubProcess
from tests.sync.stations import enrol_station

DAYS = 7
PER_DAY = 2


class PushFaults(FaultProxy):
    """Passes everything except the pushes it is told to break, counted over all
    connections: ``drop`` lets the push reach the hub, which commits it, and cuts the answer
    (the station never hears of it); ``cut`` cuts the push half-way (the hub never has it)."""

    def __init__(self, upstream_port: int) -> None:
        super().__init__(upstream_port, mix=FaultMix(enabled=False))
        self.plan: dict[int, str] = {}  # push number (1-based) → "drop" / "cut"
        self.pushes = 0
        self.done: list[str] = []

    async def _serve(self, fault: str, reader: Any, writer: Any) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        drop_answer = asyncio.Event()

        async def requests() -> None:
            try:
                while data := await reader.read(65536):
                    if data.startswith(b"POST /v1/push"):
                        self.pushes += 1
                        what = self.plan.get(self.pushes)
                        if what == "cut":
                            self.done.append("cut")
                            up_writer.write(data[: len(data) // 2])
                            await up_writer.drain()
                            _reset(up_writer)
                            _reset(writer)
                            return
                        if what == "drop":
                            drop_answer.set()
                    up_writer.write(data)
                    await up_writer.drain()
            finally:
                _close(up_writer)

        async def answers() -> None:
            try:
                while data := await up_reader.read(65536):
                    if drop_answer.is_set():
                        self.done.append("drop")  # the hub answered: it has committed
                        _reset(writer)
                        _reset(up_writer)
                        return
                    writer.write(data)
                    await writer.drain()
            finally:
                _close(writer)

        try:
            await asyncio.gather(requests(), answers())
        finally:
            _close(up_writer)


@pytest.fixture
def station_clock() -> Iterator[None]:
    before = clock.set_offset(timedelta(0))
    yield
    clock.set_offset(before)


def _hub_counts(db_url: str, station: str) -> tuple[dict[str, dict[str, Any]], set[str], int]:
    cases: dict[str, dict[str, Any]] = {}
    for c in Hub(make_engine(db_url)).export():
        if c["station"] == station:
            assert c["case_number"] not in cases, f"{c['case_number']} twice at the hub"
            cases[c["case_number"]] = c
    engine = make_engine(db_url)
    with engine.connect() as conn:
        ops = {r.op_id for r in conn.execute(select(hubdb.ops.c.op_id, hubdb.ops.c.outcome))}
        events = conn.scalar(
            select(func.count())
            .select_from(hubdb.case_events)
            .where(hubdb.case_events.c.source == "station")
        )
    return cases, ops, int(events or 0)


def test_a_week_offline_then_everything_sent_once_through_a_flaky_link(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path, station_clock: None
) -> None:
    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(db_url)
    hub.start()
    proxy = PushFaults(hub.port)
    proxy.start()
    try:
        _run_the_week(qtbot, start_desk, station_dir, tmp_path, db_url, hub, proxy)
    finally:
        hub.stop()
        proxy.stop()


def _run_the_week(
    qtbot: Any,
    start_desk: Any,
    station_dir: Path,
    tmp_path: Path,
    db_url: str,
    hub: HubProcess,
    proxy: PushFaults,
) -> None:
    code = enrol_station(db_url, f"http://127.0.0.1:{proxy.port}", station_dir, code="CSX001")
    prints = tmp_path / "prints"
    prints.mkdir()
    desk = start_desk(
        parse_args(
            [
                "--data-dir",
                str(station_dir),
                "--mode",
                "village",
                "--reader",
                f"simulated:{station_dir / 'demo-cards.json'}",
                "--printer",
                f"pdf:{prints}",
            ]
        )
    )
    window = login(qtbot, desk, "agent01")
    banner, screen, station = window.banner, window.screen_, desk.ctx.station
    health = lambda: desk.ctx.sync.health  # noqa: E731
    # Day 0: online, what the station had is sent.
    qtbot.waitUntil(lambda: health().state == "ok" and health().waiting == 0, timeout=60_000)
    qtbot.waitUntil(lambda: banner.state.text() == "在线", timeout=10_000)
    assert banner.last_sync.text().startswith("最后同步：今天 ")
    before, _, _ = _hub_counts(db_url, code)

    hub.stop()  # the link goes down for the week
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: banner.state.text() == "离线", timeout=60_000)
    recorded: list[str] = []
    for day in range(1, DAYS + 1):
        clock.set_offset(timedelta(days=day))
        for _ in range(PER_DAY):
            read_card(qtbot, screen)
            if not screen.applicant.person.phone.text():  # a first visit: ask for a phone
                screen.applicant.person.phone.setFocus()
                qtbot.keyClicks(screen.applicant.person.phone, "13800000000")
            choose(qtbot, screen, "shbzkqy")
            qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
            case = decide(qtbot, desk)
            assert case.sync_state != "acknowledged"  # saved here; the platform is away
            recorded.append(case.case_number)
    assert len(set(recorded)) == DAYS * PER_DAY
    days = {n.split("-")[1] for n in recorded}
    assert len(days) == DAYS  # numbered on seven different (simulated) days
    window.activateWindow()
    banner.refresh()
    qtbot.waitUntil(lambda: banner.waiting.text() == f"待上传 {len(recorded)} 条", timeout=30_000)
    qtbot.waitUntil(lambda: banner.state.text() == "离线", timeout=30_000)
    assert banner.last_sync.text() == f"最后同步：{DAYS} 天前"
    assert not set(recorded) & set(_hub_counts(db_url, code)[0])

    # The link comes back, flaky: the first push is committed at the hub and its answer
    # lost, the second is cut half-way, the third is committed and lost again.
    proxy.plan = {proxy.pushes + 1: "drop", proxy.pushes + 2: "cut", proxy.pushes + 3: "drop"}
    shown: list[str] = []  # what the banner's progress said, after it took each health

    def progress(_h: Any) -> None:
        if banner.progress.isVisible():
            shown.append(banner.progress.text())

    desk.bridge.sync_health.connect(progress)
    hub.start()
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: health().state == "ok" and health().waiting == 0 and health().quarantined == 0,
        timeout=180_000,
    )
    assert proxy.done.count("drop") == 2 and proxy.done.count("cut") == 1
    assert f"已上传 {len(recorded)} / {len(recorded)}" in shown  # sync now, with its progress

    at_hub, hub_ops, events = _hub_counts(db_url, code)
    assert set(at_hub) == set(before) | set(recorded)  # nothing lost
    for number in recorded:  # the hub holds what the station holds
        assert at_hub[number]["content_sha256"] == content_sha256(station.cases.get(number))
        assert station.cases.get(number).sync_state == "acknowledged"
    items = {i.op_id for c in at_hub for i in station.outbox.for_case(c)}
    assert items <= hub_ops  # every change of the station's reached the platform…
    assert events == len(items)  # …and was applied exactly once
    stats = station.outbox.stats()
    assert stats["pending"] == stats["inflight"] == stats["quarantined"] == 0
    qtbot.waitUntil(lambda: banner.state.text() == "在线", timeout=30_000)
    now = clock.now().astimezone(clock.CST)
    qtbot.waitUntil(lambda: banner.last_sync.text().startswith("最后同步：今天 "))
    hm = banner.last_sync.text().removeprefix("最后同步：今天 ")
    assert abs((int(hm[:2]) * 60 + int(hm[3:])) - (now.hour * 60 + now.minute)) <= 2
    assert banner.waiting.text() == "待上传 0 条"
    assert f"上次同步 {hm}" in window.status.connection.text()  # the status bar agrees (CST)
