"""The village station: the offline/online banner, the waiting list, the quarantine, the
hand-over list and 帮办代办 — the real app driven with keys against a real store and hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.desktop.drive import focus, go_to_page, login, options_for, wait_idle


def test_offline_the_banner_says_so_with_the_waiting_count_that_opens_the_list(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    banner = window.banner
    assert banner is not None and banner.isVisible()
    assert banner.y() < window.tabs.y()  # above the pages
    waiting = desk.ctx.station.outbox.stats()["pending"]
    assert waiting > 0  # the demo's cases were never sent
    qtbot.waitUntil(lambda: banner.waiting.text() == f"待上传 {waiting} 条", timeout=10_000)
    assert banner.state.text() == "离线" and banner.look == "offline"
    assert "未配置" in banner.detail.text()
    assert banner.last_sync.text() == "最后同步：从未同步"
    qtbot.mouseClick(banner.waiting, Qt.MouseButton.LeftButton)
    page = window.pages["village"]
    qtbot.waitUntil(lambda: page.isVisible() and page.waiting.tree.topLevelItemCount() == waiting)
    assert page.tabs.currentWidget() is page.waiting
    first = page.waiting.tree.topLevelItem(0)
    assert first.text(0).startswith(desk.ctx.station.settings.station_code)
    assert "*" in first.text(1)  # names masked on a list
    assert "条数据已保存在本机" in page.waiting.summary.text()


def test_the_village_pages_are_reached_by_keys_and_only_in_village_mode(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    page = go_to_page(qtbot, window, "village")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "便民服务站"
    quarantine = go_to_page(qtbot, window, "quarantine")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "平台退回"
    assert quarantine.title.text() == "没有被平台退回的数据。"
    assert page is not quarantine
    wait_idle(qtbot, desk)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def _damage(station_dir: Path) -> tuple[str, int, str]:
    """Damage the creation of two cases on disk (their bytes no longer match their digest),
    as a failing disk or a bug would: the platform returns them (op.digest_mismatch), and
    the later changes of the first case with them (case.unknown). Returns the first case,
    how many items it has, and the second case (one item only)."""
    from collections import Counter

    from sqlalchemy import update

    from intake.station import Station
    from intake.store.models import OutboxRow

    with Station.open(station_dir) as station:
        pending = station.outbox.pending()
        per_case = Counter(i.case_number for i in pending)
        creates = [i for i in pending if i.op == "case.create"]
        first = creates[0]
        single = next(i for i in creates if per_case[i.case_number] == 1 and i is not first)
        for item in (first, single):
            damaged = item.payload_json.replace(
                b'"special_procedure":false', b'"special_procedure":true'
            )
            assert damaged != item.payload_json
            with station.db.write() as session:
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.op_id == item.op_id)
                    .values(payload_json=damaged)
                )
    return first.case_number, per_case[first.case_number], single.case_number


def test_returned_items_are_shown_in_chinese_resent_or_discarded_and_never_block(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    from desktop.options import parse_args
    from sync.hub.db import make_engine
    from sync.hub.service import Hub
    from tests.desktop.drive import type_text
    from tests.sync.hubproc import HubProcess
    from tests.sync.stations import enrol_station

    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(db_url)
    hub.start()
    try:
        enrol_station(db_url, hub.url, station_dir, code="CSX001")
        fixed, items, dropped = _damage(station_dir)
        returned = items + 1
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
                    f"pdf:{tmp_path}",
                ]
            )
        )
        window = login(qtbot, desk, "agent01")
        station, health = desk.ctx.station, lambda: desk.ctx.sync.health
        qtbot.waitUntil(
            lambda: health().state == "ok" and health().quarantined == returned, timeout=60_000
        )
        assert health().waiting == 0  # everything behind the returned items went through
        at_hub = {c["case_number"] for c in Hub(make_engine(db_url)).export()}
        assert fixed not in at_hub and dropped not in at_hub and len(at_hub) >= 10
        banner = window.banner
        qtbot.waitUntil(lambda: banner.returned.isVisible(), timeout=10_000)
        assert banner.returned.text() == f"被退回 {returned} 条" and banner.state.text() == "在线"

        page = go_to_page(qtbot, window, "quarantine")
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == returned, timeout=10_000)
        rows = [page.tree.topLevelItem(i).text(0) for i in range(returned)]
        assert rows.count(fixed) == items and rows.count(dropped) == 1
        page.tree.setFocus()
        page.tree.setCurrentItem(page.tree.topLevelItem(0))
        assert page.current().case_number == fixed
        assert page.reason.text().startswith("该数据在本机发送时已损坏。请重新上报")
        assert "op.digest_mismatch" in page.code.text()

        if items > 1:  # its later changes came back because the platform lacks the case
            page.tree.setCurrentItem(page.tree.topLevelItem(1))
            assert page.reason.text().startswith("平台尚无此办件（首次上报被退回）")
            page.tree.setCurrentItem(page.tree.topLevelItem(0))
        qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # resend
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=15_000)  # all of it
        qtbot.waitUntil(
            lambda: station.cases.get(fixed).sync_state == "acknowledged", timeout=60_000
        )
        from intake.canonical import content_sha256

        at_hub_now = [c for c in Hub(make_engine(db_url)).export() if c["case_number"] == fixed]
        assert len(at_hub_now) == 1  # once, and as the station holds it
        assert at_hub_now[0]["content_sha256"] == content_sha256(station.cases.get(fixed))
        assert "quarantine_resend" in [e.action for e in station.audit.for_case(fixed)]

        assert page.current().case_number == dropped
        qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # discard
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
        dialog = page.dialog
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, says why
        assert dialog.isVisible() and dialog.error.text() == "请填写作废原因。"
        type_text(qtbot, dialog.reason, "申请人撤回，不再上报")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 0, timeout=15_000)
        assert page.title.text() == "没有被平台退回的数据。"
        qtbot.waitUntil(lambda: not banner.returned.isVisible(), timeout=15_000)
        discarded = [e for e in station.audit.for_case(dropped) if e.action == "quarantine_discard"]
        assert discarded and "申请人撤回" in discarded[0].detail
        assert discarded[0].operator_id == "agent01"
        assert station.cases.get(dropped).sync_state == "saved"  # honest: never reached it
    finally:
        hub.stop()


def _intake(qtbot: Any, desk: Any) -> Any:
    from tests.desktop.drive import choose, decide, read_card

    screen = desk.window.screen_
    read_card(qtbot, screen)
    if not screen.applicant.person.phone.text():
        screen.applicant.person.phone.setFocus()
        qtbot.keyClicks(screen.applicant.person.phone, "13800000000")
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    return decide(qtbot, desk)


def _pdf_text(path: Path) -> str:
    import subprocess

    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_the_hand_over_list_is_printed_marked_from_the_keyboard_and_kept(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    from tests.desktop.drive import pdfs, type_text

    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    first, second = _intake(qtbot, desk), _intake(qtbot, desk)
    wait_idle(qtbot, desk)
    page = go_to_page(qtbot, window, "village")
    qtbot.keyClick(page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    tab = page.handover
    assert page.tabs.currentWidget() is tab
    qtbot.waitUntil(
        lambda: {first.case_number, second.case_number} <= {c.case_number for c in tab.cases}
    )
    pending = list(tab.cases)
    assert page.tabs.tabText(1) == f"交接清单（{len(pending)}）"
    assert all(c.copies > 0 for c in pending)
    prints = station_dir / "prints"
    before = set(pdfs(prints))
    qtbot.keyClick(tab.tree, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "交接清单已打印" in tab.status.text(), timeout=20_000)
    [sheet] = [p for p in pdfs(prints) if p not in before]
    text = _pdf_text(sheet)
    assert "材料交接清单" in text and "待交接" in text and "移交人（签字）" in text
    assert all(c.case_number in text for c in pending)

    # Space takes the first case out of this hand-over; the rest goes.
    tab.tree.setFocus()
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    kept_back = pending[0].case_number
    qtbot.keyClick(tab.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(tab.checked()) == len(pending) - 1)
    qtbot.keyClick(tab.tree, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog.handed_by.text() == "王芳"  # the agent logged in
    qtbot.keyClick(dialog.received_by, Qt.Key.Key_Return)  # nobody received it: refused
    assert dialog.isVisible() and dialog.error.text() == "请填写移交人和接收人。"
    type_text(qtbot, dialog.received_by, "刘洋")
    qtbot.keyClick(dialog.received_by, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已登记" in tab.status.text(), timeout=15_000)
    qtbot.waitUntil(lambda: [c.case_number for c in tab.cases] == [kept_back], timeout=15_000)
    [batch] = desk.ctx.station.handover.batches()
    assert (batch.handed_by, batch.received_by) == ("王芳", "刘洋")
    assert {c.case_number for c in batch.cases} == {c.case_number for c in pending[1:]}
    assert "handover" in [e.action for e in desk.ctx.station.audit.for_case(second.case_number)]

    page.show_waiting()
    page.tabs.setCurrentWidget(page.batches)
    qtbot.waitUntil(lambda: page.batches.tree.topLevelItemCount() == 1, timeout=10_000)
    row = page.batches.tree.topLevelItem(0)
    assert row.text(0) == batch.number and row.text(3) == "刘洋"
    before = set(pdfs(prints))
    qtbot.keyClick(page.batches.tree, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "交接清单已打印" in page.batches.status.text(), timeout=20_000)
    [again] = [p for p in pdfs(prints) if p not in before]
    text = _pdf_text(again)
    assert batch.number in text and "接收人（签字）：刘洋" in text and kept_back not in text


def test_the_agents_own_card_and_the_applicants_are_both_recorded_and_printed(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    from tests.desktop.drive import pdfs, read_card

    desk = start_desk(options_for(station_dir, "--mode", "village"))
    window = login(qtbot, desk, "agent01")
    screen = window.screen_
    qtbot.waitUntil(lambda: "请先读取您本人的身份证" in window.status.message.text())
    assert screen.default_agent is None and not screen.flow.agent
    assert window.act_own_card in window.menuBar().actions()[0].menu().actions()  # Case menu

    qtbot.keyClick(
        focus(qtbot),
        Qt.Key.Key_F2,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: screen.default_agent is not None, timeout=10_000)
    own = screen.default_agent
    assert desk.ctx.station.agent_cards.own("agent01") == own
    assert (
        screen.applicant.agent_box.isChecked()
        and screen.applicant.agent_value()["name"] == own["name"]
    )
    assert own["name"] in window.status.message.text()

    first = _intake(qtbot, desk)  # F2 reads the applicant; the agent stays
    assert first.agent is not None and first.agent.id_number == own["id_number"]
    assert first.applicant.id_number != own["id_number"] and first.operator_id == "agent01"

    def agent_is_own() -> bool:
        agent = screen.applicant.agent_value() or {}
        return agent.get("id_number") == own["id_number"] and agent.get("name") == own["name"]

    qtbot.waitUntil(agent_is_own)  # the next intake starts with the agent

    read_card(qtbot, screen, agent=True)  # Shift+F2: another agent, for this case only
    other = dict(screen.flow.agent)
    assert other["id_number"] != own["id_number"]
    second = _intake(qtbot, desk)
    assert second.agent is not None and second.agent.id_number == other["id_number"]
    qtbot.waitUntil(agent_is_own)
    assert desk.ctx.station.agent_cards.own("agent01") == own  # the kept card is unchanged

    wait_idle(qtbot, desk)
    notices = [p for p in pdfs(station_dir / "prints") if first.case_number in p.name]
    assert notices
    text = _pdf_text(next(p for p in notices if "acceptance" in p.name))
    assert "代办人" in text and "帮办代办" in text and "代收" in text
    assert own["id_number"] not in text  # masked on paper


def test_the_agent_card_exists_only_at_a_village_station(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk)
    assert window.banner is None and not hasattr(window, "act_own_card")
    assert "village" not in [s.key for s in window.page_specs]
    assert "quarantine" in [s.key for s in window.page_specs]  # the counter has returns too
