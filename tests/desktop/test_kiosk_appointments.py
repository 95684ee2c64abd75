"""预约签到 at the kiosk with the real app (offscreen): the platform's appointment (pulled
into the store as sync applies it), the card read, 预约签到 tapped, the ticket printed with
its slot, the appointment checked in and queued for the platform; a missed slot and a card
without an appointment answered in Chinese; the counter sees the ticket marked 预约."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from intake.clock import CST, local_date, now
from intake.station import Station
from intake.store.models import OutboxRow
from tests.desktop.drive import options_for, pdfs
from tests.desktop.test_kiosk import _assert_nothing_personal, card, read_card, start_kiosk, tap
from tests.desktop.test_queue_panel import key, open_queue_page

APPOINTMENT_ID = "b0000000-0000-4000-8000-00000000a001"


def book(station_dir: Path, id_number: str, *, open_now: bool = True) -> dict[str, Any]:
    """The appointment as the platform pushes it, applied the way a pull applies it."""
    here = now().astimezone(CST)
    if open_now:
        start = max(here - timedelta(minutes=5), here.replace(hour=0, minute=0))
        end = min(here + timedelta(minutes=40), here.replace(hour=23, minute=59))
    else:  # a slot that ended before now
        start = max(here - timedelta(minutes=50), here.replace(hour=0, minute=0))
        end = max(here - timedelta(minutes=1), here.replace(hour=0, minute=1))
    change = {
        "seq": 1,
        "kind": "appointment",
        "id": APPOINTMENT_ID,
        "id_number": id_number,
        "name": "预约人",
        "matter": "",
        "title": "社会保障卡申领",
        "date": local_date(now()).isoformat(),
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
        "queue": "social",
        "status": "booked",
    }
    with Station.open(station_dir) as st:
        assert st.apply_remote([change], "")["applied"] == 1
    return change


def test_a_card_with_an_appointment_checks_in_and_prints_its_ticket(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    person = card(station_dir)
    booked = book(station_dir, person["id_number"])
    desk = start_kiosk(qtbot, start_desk, station_dir)
    kiosk = desk.kiosk
    session = read_card(qtbot, kiosk)
    qtbot.waitUntil(lambda: "正在查询" not in session.appointment_text.text(), timeout=15_000)
    assert session.check_in_button.isVisible(), session.appointment_text.text()
    text = session.appointment_text.text()
    assert "社会保障卡申领" in text and booked["start"] in text and "签到" in text, text
    printed: list[Any] = []
    kiosk.ticket_printed.connect(lambda r, p: printed.append((r, p)))
    # the button has the focus: Enter (a keyboard) or a tap checks in
    qtbot.keyClick(session.check_in_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    receipt, result = printed[0]
    assert result.ok, result.error
    assert receipt.ticket.number.startswith("C") and receipt.ticket.channel == "appointment"
    flat = "".join(
        subprocess.run(
            ["pdftotext", str(result.handle), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for wanted in ("预约号码", receipt.ticket.number, "预约时段", booked["start"], "预约签到成功"):
        assert wanted in flat, (wanted, flat)
    assert person["name"] not in flat and person["id_number"] not in flat
    assert Path(result.handle) in pdfs(station_dir / "prints")
    assert receipt.ticket.number in kiosk.banner.text()
    with Station.open(station_dir) as st:
        kept = st.appointments.get(APPOINTMENT_ID)
        assert kept.ticket_number == receipt.ticket.number and kept.checked_in_at is not None
        with st.db.read() as s:
            ops = s.scalars(select(OutboxRow.op).where(OutboxRow.entity == "appointment")).all()
        assert ops == ["appointment.checkin"]
    _assert_nothing_personal(qtbot, person)


def test_a_missed_slot_and_no_appointment_are_answered_in_chinese(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    person = card(station_dir)
    book(station_dir, person["id_number"], open_now=False)
    desk = start_kiosk(qtbot, start_desk, station_dir)
    session = read_card(qtbot, desk.kiosk)
    qtbot.waitUntil(lambda: "已过" in session.appointment_text.text(), timeout=15_000)
    assert "普通号" in session.appointment_text.text()
    assert not session.check_in_button.isVisible()
    tap(qtbot, session.findChild(QPushButton, "startOver") or _start_over(session))
    qtbot.waitUntil(
        lambda: desk.kiosk.session is not session and desk.kiosk.session.read_button.isVisible(),
        timeout=10_000,
    )
    other = read_card(qtbot, desk.kiosk)  # the reader's next card: no appointment
    assert other.identity.id_number != person["id_number"]
    qtbot.waitUntil(lambda: "没有查到" in other.appointment_text.text(), timeout=15_000)
    assert not other.check_in_button.isVisible()


def _start_over(session: Any) -> QPushButton:
    return next(b for b in session.events.findChildren(QPushButton) if b.text() == "重新开始")


def test_the_counter_sees_a_checked_in_appointment_marked(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    person = card(station_dir)
    book(station_dir, person["id_number"])
    with Station.open(station_dir) as st:
        st.queue.take(
            "social", title="医保参保登记", channel="kiosk"
        )  # a walk-in since the slot began
        _, ticket = st.appointments.check_in(APPOINTMENT_ID, person["id_number"])
    desk = start_desk(options_for(station_dir, "--counter", "3号窗口"))
    panel = open_queue_page(qtbot, desk)
    qtbot.waitUntil(lambda: panel.waiting.count() >= 2, timeout=10_000)
    first = panel.waiting.item(0).text()
    assert first.startswith(ticket.number) and "预约" in first, first  # ahead of the walk-in
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: panel.called_number == ticket.number, timeout=10_000)
    assert "预约" in panel.detail.text()
