"""The follow-ups and the inbox through the real window (issue 12): 补正 → 受理, 容缺 due →
received, 告知承诺 核查, 送达 with the collector recorded, 撤件, and a department's decision
arriving from the loopback hub while the clerk works. Offscreen Qt, a real store, real
PDFs (read back with pdftotext), real key events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from desktop.options import parse_args
from intake.changes import Changes
from intake.demo import add_followup_cases
from intake.station import Station
from intake.status import Status, VisitKind
from intake.views import MaterialState
from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.desktop.drive import (
    focus,
    go_to_page,
    login,
    options_for,
    pdfs,
    type_by_hand,
    type_text,
    wait_idle,
)
from tests.printing.pdftools import pdftotext
from tests.sync.hubproc import HubProcess
from tests.sync.stations import enrol_station

SEEDED: dict[str, list[str]] = {}


@pytest.fixture
def followup_dir(station_dir: Path) -> Path:
    """The demo station with cases in every follow-up state (made through the core);
    ``SEEDED`` holds their numbers by list."""
    with Station.open(station_dir) as station:
        SEEDED.clear()
        SEEDED.update(add_followup_cases(station))
    return station_dir


def _page(qtbot: Any, desk: Any) -> Any:
    window = login(qtbot, desk)
    page = go_to_page(qtbot, window, "followups")  # its Ctrl+number
    assert page is not None and window.tabs.currentWidget().isAncestorOf(page)
    qtbot.waitUntil(lambda: page.loaded > 0, timeout=15_000)
    return page


def _go(qtbot: Any, number: int) -> None:
    qtbot.keyClick(focus(qtbot), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)


def _open_act(qtbot: Any, page: Any, number: int) -> Any:
    """Alt+N to the list, Enter on its first row: the act's dialog (window-modal)."""
    _go(qtbot, number)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10_000)
    # activation is asynchronous: the dialog's mnemonics (Alt+…) work once it is active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.dialog, timeout=10_000)
    return page.dialog


def _record(qtbot: Any, desk: Any, page: Any, dialog: Any) -> None:
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15_000)
    wait_idle(qtbot, desk)


def _text_of(pdf: Path, tmp: Path) -> str:
    return "".join(pdftotext(pdf.read_bytes(), tmp).split())


def test_supplement_materials_handed_in_then_accepted(
    qtbot: Any, start_desk: Any, followup_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    waiting = list(page.lists["supplement"].rows)
    assert waiting == desk.ctx.station.followups.supplement_waiting() and len(waiting) >= 2
    assert f"（{len(waiting)}）" in page.lists["supplement"].box.title()
    number = waiting[0].case_number
    dialog = _open_act(qtbot, page, 1)
    assert dialog.listed and all(m.state is MaterialState.MISSING for m in dialog.listed)
    assert dialog.ok.text().startswith("受理")  # everything listed is marked brought
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(number)
    assert case.status is Status.ACCEPTED
    assert desk.ctx.station.visits.for_case(number) == {
        VisitKind.INTAKE: 1,
        VisitKind.SUPPLEMENT: 1,
    }
    [notice] = [p for p in pdfs(followup_dir / "prints") if number in p.name]
    assert "acceptance" in notice.name
    assert "受理通知书" in _text_of(notice, tmp_path)
    left = len(waiting) - 1
    qtbot.waitUntil(lambda: len(page.lists["supplement"].rows) == left)  # refreshed by itself
    assert f"（{left}）" in page.lists["supplement"].box.title()


def test_a_partial_hand_in_keeps_waiting_and_gives_a_receipt(
    qtbot: Any, start_desk: Any, followup_dir: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    number = page.lists["supplement"].rows[0].case_number
    listed = [m for m in desk.ctx.station.cases.get(number).materials if m.state.value == "missing"]
    dialog = _open_act(qtbot, page, 1)
    combo = dialog.states[listed[0].material_id]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(MaterialState.MISSING.value))  # not brought after all
    assert dialog.ok.text().startswith("登记")
    dialog.ok.setFocus()
    _record(qtbot, desk, page, dialog)
    assert desk.ctx.station.cases.get(number).status is Status.SUPPLEMENT
    assert any("materials" in p.name and number in p.name for p in pdfs(followup_dir / "prints"))


def test_deferred_due_list_then_material_received(
    qtbot: Any, start_desk: Any, followup_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    due = page.lists["deferred"].rows
    assert due == desk.ctx.station.followups.deferred_due()
    assert set(SEEDED["deferred"]) <= {d.case.case_number for d in due}
    assert due[0].overdue and not due[-1].overdue  # overdue first
    item = page.lists["deferred"].table.item(0, 3)
    assert "逾期" in item.text() and QFont(item.font()).bold()
    number, material = due[0].case.case_number, due[0].material.material_id
    dialog = _open_act(qtbot, page, 2)
    assert dialog.late.isVisibleTo(dialog) and "逾期" in dialog.late.text()
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(number)
    [m] = [m for m in case.materials if m.material_id == material]
    assert m.state is MaterialState.ORIGINAL
    assert desk.ctx.station.visits.count(number) == 2
    [receipt] = [p for p in pdfs(followup_dir / "prints") if number in p.name]
    assert "materials" in receipt.name and "材料接收清单" in _text_of(receipt, tmp_path)
    qtbot.waitUntil(lambda: len(page.lists["deferred"].rows) == len(due) - 1)


def test_a_commitment_verification_is_recorded_with_its_outcome(
    qtbot: Any, start_desk: Any, followup_dir: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    due = page.lists["verify"].rows[0]
    assert due.case.case_number in SEEDED["commitment"]
    dialog = _open_act(qtbot, page, 3)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 核查不实
    qtbot.waitUntil(dialog.failed.isChecked)  # a mnemonic clicks after a short animation
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)  # no outcome: refused, in Chinese
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "撤销" in dialog.problem.text() and page.dialog is dialog
    dialog.outcome.setFocus()
    type_text(qtbot, dialog.outcome, "承诺不实，撤销决定并记入信用记录")
    dialog.ok.setFocus()
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(due.case.case_number)
    assert case.history[-1].event == "commitment_checked"
    assert "核查不实" in case.history[-1].note
    qtbot.waitUntil(
        lambda: due.case.case_number not in [v.case.case_number for v in page.lists["verify"].rows]
    )


def test_delivery_to_an_agent_records_who_collected(
    qtbot: Any, start_desk: Any, followup_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    number = page.lists["deliver"].rows[0].case_number
    dialog = _open_act(qtbot, page, 4)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # 代领
    qtbot.waitUntil(lambda: dialog.agent.isChecked() and dialog.agent_name.isEnabled())
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_text(qtbot, focus(qtbot), "王代领")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)  # no ID number yet: refused
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "F2" in dialog.problem.text()
    assert desk.ctx.station.cases.get(number).status is Status.COMPLETED  # nothing recorded
    dialog.agent_id.setFocus()
    qtbot.keyClicks(dialog.agent_id, "11010519491231002X")
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(number)
    assert case.status is Status.DELIVERED
    assert case.extras["delivery"]["collector_name"] == "王代领"
    assert case.extras["delivery"]["collector_id_masked"] == "1101**********002X"
    assert desk.ctx.station.visits.for_case(number)[VisitKind.COLLECTION] == 1
    [proof] = [p for p in pdfs(followup_dir / "prints") if number in p.name]
    text = _text_of(proof, tmp_path)
    assert "送达回证" in text and "王代领" in text and "1101**********002X" in text
    assert "11010519491231002X" not in text
    qtbot.waitUntil(lambda: number not in [c.case_number for c in page.lists["deliver"].rows])


def test_delivery_by_mail_reads_the_card_of_nobody(
    qtbot: Any, start_desk: Any, followup_dir: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    number = page.lists["deliver"].rows[0].case_number
    dialog = _open_act(qtbot, page, 4)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.mail.isChecked() and dialog.tracking.isEnabled())
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(focus(qtbot), "EE123456789CN")
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(number)
    assert case.extras["delivery"]["method"] == "mail"
    assert desk.ctx.station.visits.count(number) == 1  # by mail: no trip for the applicant


def test_withdrawal_on_request_with_its_reason(
    qtbot: Any, start_desk: Any, followup_dir: Path, tmp_path: Path
) -> None:
    number = SEEDED["deferred"][1]  # a 容缺 promise not yet due
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    assert number in [d.case.case_number for d in page.lists["deferred"].rows]
    page.query.setFocus()
    loaded = page.loaded
    # typed by hand: the same keys back to back are a scanner's, which opens the case instead
    type_by_hand(qtbot, page.query, number)
    qtbot.waitUntil(lambda: page.loaded > loaded)
    assert [c.case_number for c in page.lists["withdraw"].rows] == [number]
    dialog = _open_act(qtbot, page, 5)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)  # no reason: refused
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "原因" in dialog.problem.text()
    type_text(qtbot, dialog.reason, "材料需重新准备")
    _record(qtbot, desk, page, dialog)
    case = desk.ctx.station.cases.get(number)
    assert case.status is Status.WITHDRAWN
    assert any("材料需重新准备" in h.note for h in case.history)
    [receipt] = [p for p in pdfs(followup_dir / "prints") if number in p.name]
    assert "撤回申请回执" in _text_of(receipt, tmp_path)
    # the 容缺 promise of a withdrawn case is owed no more
    qtbot.waitUntil(lambda: number not in [d.case.case_number for d in page.lists["deferred"].rows])


def test_an_inbox_decision_arrives_while_the_clerk_works(
    qtbot: Any, start_desk: Any, followup_dir: Path, tmp_path: Path
) -> None:
    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(db_url)
    hub.start()
    try:
        enrol_station(db_url, hub.url, followup_dir, code="CSX001")
        options = parse_args(
            [
                "--data-dir",
                str(followup_dir),
                "--reader",
                f"simulated:{followup_dir / 'demo-cards.json'}",
                "--printer",
                f"pdf:{tmp_path / 'prints'}",
            ]
        )
        (tmp_path / "prints").mkdir()
        desk = start_desk(options)
        page = _page(qtbot, desk)
        qtbot.waitUntil(
            lambda: desk.ctx.sync.health.state == "ok" and desk.ctx.sync.health.waiting == 0,
            timeout=90_000,
        )
        seen: list[Changes] = []
        desk.ctx.listeners.append(seen.append)
        accepted = desk.ctx.station.cases.list(Status.ACCEPTED, limit=1)[0].case_number
        before = [c.case_number for c in page.lists["deliver"].rows]
        assert accepted not in before
        Hub(make_engine(db_url)).decide(
            accepted, "completed", department="县民政局", note="准予", outcome="granted"
        )
        qtbot.keyClick(focus(qtbot), Qt.Key.Key_F5)  # the clerk's sync (or the next round)
        qtbot.waitUntil(
            lambda: accepted in [c.case_number for c in page.lists["deliver"].rows],
            timeout=60_000,
        )  # the open list refreshed itself: the result is ready to deliver
        assert any(c.inbox and accepted in c.cases for c in seen)
        assert desk.ctx.station.cases.get(accepted).status is Status.COMPLETED
        inbox = go_to_page(qtbot, desk.window, "inbox")
        qtbot.waitUntil(lambda: bool(inbox.items), timeout=10_000)
        top = inbox.items[0]
        assert top.case_number == accepted and top.unseen
        assert "县民政局" in top.summary and "办结" in top.summary
        assert QFont(inbox.table.item(0, 3).font()).bold()
        assert inbox.header.text().startswith("新消息 1 条")
        inbox.table.setFocus()
        qtbot.keyClick(inbox.table, Qt.Key.Key_Return)  # Enter opens the case
        pages = desk.window.pages
        qtbot.waitUntil(  # the case list's page, showing that case
            lambda: (
                "cases" in pages
                and pages["cases"].open_detail is not None
                and pages["cases"].open_detail.case.case_number == accepted
                and desk.window.current_page() is pages["cases"]
            ),
            timeout=10_000,
        )
        # what the clerk saw is marked seen (a later round may bring more: those stay new)
        inbox_of = desk.ctx.station.inbox
        qtbot.waitUntil(
            lambda: not [i for i in inbox_of.items("clerk01") if i.seq <= top.seq and i.unseen],
            timeout=15_000,
        )
    finally:
        hub.stop()


def test_a_department_supplement_request_is_handed_in_at_the_window(
    qtbot: Any, start_desk: Any, followup_dir: Path
) -> None:
    with Station.open(followup_dir) as station:
        case = station.cases.list(Status.ACCEPTED, limit=1)[0]
        number = case.case_number
        station.apply_remote(
            [
                {
                    "kind": "case.status",
                    "case_id": case.id,
                    "status": "supplement",
                    "at": "2026-11-30T01:00:00+00:00",
                    "department": "县民政局",
                    "note": "请补交户口簿首页复印件",
                }
            ],
            "c-1",
        )
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    rows = [c.case_number for c in page.lists["supplement"].rows]
    _go(qtbot, 1)
    page.lists["supplement"].table.selectRow(rows.index(number))
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10_000)
    dialog = page.dialog
    assert dialog.by_department and dialog.listed  # the department's list: every material
    assert any("请补交户口簿首页复印件" in w.text() for w in dialog.findChildren(QLabel))
    dialog.ok.setFocus()
    _record(qtbot, desk, page, dialog)
    assert desk.ctx.station.cases.get(number).status is Status.ACCEPTED
    assert desk.ctx.station.visits.for_case(number)[VisitKind.SUPPLEMENT] == 1


def test_f2_reads_the_collecting_agents_card(
    qtbot: Any, start_desk: Any, followup_dir: Path
) -> None:
    desk = start_desk(options_for(followup_dir))
    page = _page(qtbot, desk)
    number = page.lists["deliver"].rows[0].case_number
    dialog = _open_act(qtbot, page, 4)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(dialog.agent_id.text()) == 18, timeout=15_000)
    name = dialog.agent_name.text()
    assert dialog.agent.isChecked() and name
    _record(qtbot, desk, page, dialog)
    record = desk.ctx.station.cases.get(number).extras["delivery"]
    assert record["collector"] == "agent" and record["collector_name"] == name
    assert record["collector_id_masked"].count("*") == 10
