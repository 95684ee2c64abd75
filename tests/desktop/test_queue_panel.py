"""The counter's queue page with real keys: call next (F9), recall (F10), no-show
(Shift+F9), transfer (Shift+F10); the kiosk's pre-intake opened by its ticket number and
finished as a normal intake, which only then becomes a case."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.messages import message
from intake.errors import NotFound
from intake.flow import IntakeFlow
from intake.identity import DocType, Identity
from intake.services.queue import TicketStatus
from intake.station import Station
from intake.status import Status
from intake.views import Channel, Decision
from tests.desktop.drive import decide, focus, go_to_page, login, options_for, wait_idle

CITIZEN = Identity(
    doc_type=DocType.RESIDENT,
    name="欧阳娜娜",
    id_number="430121198805060021",
    sex="2",
    birth_date=date(1988, 5, 6),
    address="湖南省长沙县星沙街道开元路1号",
)


def kiosk_pre_intake(station_dir: Path) -> str:
    """What the kiosk saves (another Station object on the same data directory)."""
    with Station.open(station_dir) as kiosk:
        kiosk.queue.take("general", title="咨询", channel="kiosk")  # A001, no pre-intake
        flow = IntakeFlow(kiosk.catalog, channel=Channel.KIOSK)
        flow.fill_from_identity(CITIZEN)
        code = next(m.code for m in kiosk.catalog.matters.values() if m.name == "社会保障卡申领")
        merged = flow.choose_matter(code)
        flow.applicant["phone"] = "13912345678"
        flow.prefill_form()
        bank = next(f for f in merged.fields if f.key == "bank_name")
        flow.form["bank_name"] = bank.field.options[0]
        receipt = kiosk.pre_intakes.submit(
            flow.to_draft(),
            flow.request_json(Decision.RECEIVE, operator="kiosk"),
            queue="social",
            title="社会保障卡申领",
        )
        return receipt.ticket.number


def key(qtbot: Any, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(qtbot), k, mods)


def open_queue_page(qtbot: Any, desk: Any) -> Any:
    window = login(qtbot, desk)
    panel = go_to_page(qtbot, window, "queue")  # its Ctrl+number, whatever the page order
    qtbot.waitUntil(lambda: panel is not None and panel.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: panel.transfer_to.count() > 0, timeout=10_000)
    return panel


def test_call_recall_no_show_and_the_pre_intake_picked_up_by_ticket(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    number = kiosk_pre_intake(station_dir)
    assert number == "C001"
    desk = start_desk(options_for(station_dir, "--counter", "3号窗口"))
    panel = open_queue_page(qtbot, desk)
    calls: list[tuple[str, str]] = []
    messages: list[str] = []
    panel.called.connect(lambda n, c: calls.append((n, c)))
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: panel.called_number == "A001", timeout=10_000)
    assert calls[-1] == ("A001", "3号窗口")  # what the citizen screen shows
    key(qtbot, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: panel.current is not None and panel.current.recalls == 1)
    key(qtbot, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.current is None, timeout=10_000)
    assert desk.ctx.station.queue.get("A001").status is TicketStatus.NO_SHOW
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: panel.called_number == number, timeout=10_000)
    panel.status.connect(messages.append)
    assert "Ctrl+O" in panel.detail.text()
    cases_before = len(desk.ctx.station.cases.list(limit=500))
    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    screen = desk.window.screen_
    qtbot.waitUntil(
        lambda: screen.applicant.person.name.text() == CITIZEN.name or bool(messages),
        timeout=10_000,
    )
    assert screen.applicant.person.name.text() == CITIZEN.name, messages
    assert desk.window.tabs.currentIndex() == 0  # the intake, with everything filled
    assert screen.flow.channel is Channel.COUNTER and screen.flow.merged is not None
    assert screen.flow.form.get("applicant_phone") == "13912345678"
    assert len(desk.ctx.station.cases.list(limit=500)) == cases_before  # no case yet
    desk.window.activateWindow()
    key(qtbot, Qt.Key.Key_F4)  # the clerk checks the materials
    case = decide(qtbot, desk)
    assert case.status is Status.ACCEPTED and case.channel is Channel.COUNTER
    assert case.applicant.id_number == CITIZEN.id_number
    wait_idle(qtbot, desk)
    with pytest.raises(NotFound):
        desk.ctx.station.pre_intakes.find(number)  # taken: it made this case


def test_transfer_and_a_pre_intake_found_by_id_number(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    number = kiosk_pre_intake(station_dir)
    desk = start_desk(options_for(station_dir))
    panel = open_queue_page(qtbot, desk)
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: panel.called_number == "A001", timeout=10_000)
    panel.transfer_to.setCurrentIndex(panel.transfer_to.findData("realty"))
    key(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.current is None, timeout=10_000)
    moved = desk.ctx.station.queue.get("A001")
    assert moved.queue == "realty" and moved.status is TicketStatus.WAITING
    # an unknown ticket says so; the ID number finds the pending pre-intake
    panel.lookup.setFocus()
    qtbot.keyClicks(panel.lookup, "Z999")
    qtbot.keyClick(panel.lookup, Qt.Key.Key_Return)
    said = message("kiosk.no_pre_intake")
    assert "预受理" in said  # translated
    qtbot.waitUntil(lambda: desk.window.status.message.text() == said, timeout=10_000)
    panel.lookup.clear()
    qtbot.keyClicks(panel.lookup, CITIZEN.id_number)
    qtbot.keyClick(panel.lookup, Qt.Key.Key_Return)
    screen = desk.window.screen_
    qtbot.waitUntil(lambda: screen.applicant.person.name.text() == CITIZEN.name, timeout=10_000)
    assert desk.ctx.station.pre_intakes.find(number).status == "pending"  # until decided
