"""A real serial line (a pty with the simulated GA 467 SAM reader behind it) unplugged in
the middle of an intake: the screen keeps everything, says what happened, and the reader
is found again by itself when it is plugged back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from devices.sam_simulator import SimulatedSamReader
from intake.identity import DocType, Identity
from intake.status import Status
from tests.desktop.drive import choose, decide, focus, login, options_for

CARD = Identity(
    doc_type=DocType.RESIDENT,
    name="欧阳娜娜",
    id_number="430121198503150021",
    sex="2",
    ethnicity="01",
    birth_date=date(1985, 3, 15),
    address="湖南省长沙县榔梨街道陶公庙路8号",
    issuer="长沙县公安局",
    valid_from=date(2020, 1, 1),
    valid_to=date(2040, 1, 1),
)


@pytest.fixture
def sam(tmp_path: Path) -> Iterator[SimulatedSamReader]:
    sim = SimulatedSamReader(tmp_path / "ttyWD0")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def test_unplugged_mid_intake_then_plugged_back(
    qtbot: Any, start_desk: Any, station_dir: Path, sam: SimulatedSamReader
) -> None:
    from intake.identity import check_char

    assert CARD.id_number[-1] == check_char(CARD.id_number[:17])
    desk = start_desk(options_for(station_dir, "--reader", f"sam-serial:{sam.port}"))
    window = login(qtbot, desk)
    screen = window.screen_
    qtbot.waitUntil(lambda: window.status.reader.text() == "读卡器就绪", timeout=15_000)
    sam.place(CARD)  # a real reader reads a card as soon as it is placed
    qtbot.waitUntil(lambda: screen.applicant.person.name.text() == "欧阳娜娜", timeout=15_000)
    qtbot.keyClicks(screen.applicant.person.phone, "13912345678")
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)

    sam.unplug()  # the USB adapter is pulled
    qtbot.waitUntil(lambda: window.status.reader.text() != "读卡器就绪", timeout=15_000)
    assert "读卡器" in window.status.message.text()  # it says what happened, in Chinese
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F2)  # the clerk tries again: a clear message
    qtbot.waitUntil(
        lambda: (
            "读卡器" in window.status.message.text()
            and "正在读卡" not in window.status.message.text()
        ),
        timeout=15_000,
    )
    assert screen.applicant.person.name.text() == "欧阳娜娜"  # nothing typed or read is lost
    assert screen.flow.matters

    sam.replug()
    qtbot.waitUntil(lambda: window.status.reader.text() == "读卡器就绪", timeout=20_000)
    case = decide(qtbot, desk)
    assert case.status is Status.ACCEPTED and case.applicant.name == "欧阳娜娜"
