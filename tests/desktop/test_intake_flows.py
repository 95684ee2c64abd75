"""The intake's paths through the real window: offscreen Qt, a real temporary store, the
simulated reader, real PDF output."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from intake.clock import local_date, now
from intake.requests import MaterialInput
from intake.status import Status
from intake.views import MaterialState
from tests.desktop.drive import (
    choose,
    decide,
    focus,
    login,
    options_for,
    pdfs,
    read_card,
    type_text,
    wait_idle,
)


def _fill_required(qtbot: Any, screen: Any, values: dict[str, str]) -> None:
    """Type into the form's fields as a clerk does (Enter moves on)."""
    for key, text in values.items():
        widget = screen.form.widget_for(key)
        assert widget is not None, key
        widget.setFocus()
        if isinstance(widget, QComboBox):
            qtbot.keyClick(widget, Qt.Key.Key_Down)  # the first real option of a choice
        else:
            type_text(qtbot, widget, text)


def test_a_bundle_collects_shared_materials_once(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "shbzkjmfw")
    merged = screen.flow.merged
    assert merged.bundle is not None and len(merged.matters) == 3
    ids = [need.id for need in merged.materials]
    assert len(ids) == len(set(ids)) and "id_card" in ids  # shared, asked once
    assert (
        "（3）" in screen.materials._rows["id_card"].name.text()
        or "（2）" in screen.materials._rows["id_card"].name.text()
    )
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    missing = [f.key for f in merged.fields if f.required and not screen.flow.form.get(f.key)]
    _fill_required(qtbot, screen, {k: "13812345678" if "phone" in k else "测试" for k in missing})
    case = decide(qtbot, desk)
    assert case.status is Status.ACCEPTED
    assert case.bundle_code == merged.bundle.code and len(case.matters) == 3
    assert any(case.case_number in p.name for p in pdfs(station_dir / "prints"))


def test_a_missing_material_gives_a_supplement_notice_then_acceptance(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    row = screen.materials._rows["social_security_card"]
    row.state.setCurrentIndex(row.state.findData(MaterialState.MISSING.value))  # not brought
    assert "社会保障卡" in screen.summary.text()  # the bar says what is missing
    case = decide(qtbot, desk)  # the dialog preselects 补正
    assert case.status is Status.SUPPLEMENT
    assert any(
        "supplement" in p.name and case.case_number in p.name for p in pdfs(station_dir / "prints")
    )
    # the applicant comes back with it: the follow-up is a core command (its screen is part 2)
    station = desk.ctx.station
    later = station.cases.update_materials(
        case.case_number,
        {"social_security_card": MaterialInput(MaterialState.ORIGINAL, copies=1)},
        operator="clerk01",
        accept=True,
    )
    assert later.status is Status.ACCEPTED


def test_a_refusal_names_its_reason_and_basis(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "gtgshsldj")  # 个体工商户设立登记, a 行政许可
    case = decide(qtbot, desk, "reject")
    assert case.status is Status.REJECTED
    assert case.decision_reason and "行政许可法" in case.legal_basis
    assert any(
        "rejection" in p.name and case.case_number in p.name for p in pdfs(station_dir / "prints")
    )


def test_a_deferred_material_is_accepted_with_a_promise(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "zgybtxrydyhd")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    row = screen.materials._rows["retirement_proof"]
    row.state.setCurrentIndex(row.state.findData(MaterialState.DEFERRED.value))
    assert row.extra.isVisible() and focus() is row.extra  # the promised date is asked at once
    promised = local_date(now()) + timedelta(days=5)
    qtbot.keyClicks(row.extra, promised.isoformat())
    _fill_required(qtbot, screen, {"retirement_date": "2026-10-31", "employer": "长沙县第一中学"})
    assert screen.flow.form["employer"] == "长沙县第一中学"
    case = decide(qtbot, desk)
    assert case.status is Status.ACCEPTED
    deferred = next(m for m in case.materials if m.material_id == "retirement_proof")
    assert deferred.state is MaterialState.DEFERRED and deferred.promised_date == promised
    names = [p.name for p in pdfs(station_dir / "prints") if case.case_number in p.name]
    assert any("promise" in n for n in names) and any("acceptance" in n for n in names)


def test_an_agent_is_identified_by_their_own_card(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    read_card(qtbot, screen, agent=True)  # Shift+F2: the next card on the reader
    assert screen.applicant.agent_box.isChecked()
    assert (
        screen.applicant.agent.name.text()
        and screen.applicant.agent.name.text() != screen.applicant.person.name.text()
    )
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    agent_number = screen.applicant.agent.id_number.text()
    case = decide(qtbot, desk)
    assert case.agent is not None and case.agent.id_number == agent_number
    assert case.applicant.id_number != agent_number


def test_a_typed_invalid_id_number_is_shown_at_the_field_and_blocks_the_save(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    person = screen.applicant.person
    type_text(qtbot, person.name, "刘洋")
    qtbot.keyClick(person.name, Qt.Key.Key_Return)  # Enter moves on, like Tab
    assert focus() is person.sex
    qtbot.keyClicks(person.id_number, "110105194912310021")  # wrong check digit
    problem = person.problems["id_number"]
    assert problem.isVisibleTo(screen) and "校验位" in problem.text()
    qtbot.keyClicks(person.phone, "13812345678")
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.decision_dialog is not None)
    dialog = screen.decision_dialog
    assert not dialog.ok.isEnabled() and "校验位" in dialog.problems.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # back, nothing lost
    assert person.id_number.text() == "110105194912310021"
    person.id_number.clear()
    qtbot.keyClicks(person.id_number, "11010519491231002X")
    assert not problem.isVisibleTo(screen)
    case = decide(qtbot, desk)
    assert case.applicant.id_number == "11010519491231002X" and case.status is Status.ACCEPTED


def test_a_printer_failure_leaves_the_case_saved_and_visibly_unprinted(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "no-such-folder"  # a PDF printer whose folder is not there: "offline"
    desk = start_desk(options_for(station_dir, "--printer", f"pdf:{gone}"))
    window = login(qtbot, desk)
    screen = window.screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "shbzkqy")
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    case = decide(qtbot, desk)
    assert case.status is Status.ACCEPTED  # saved whatever the printer did
    qtbot.waitUntil(lambda: "未打印" in window.status.message.text(), timeout=10_000)
    assert "Ctrl+P" in window.status.message.text()
    assert window.status.printer.text() == "打印机：打印失败"
    assert (
        desk.ctx.printing.missing_notice(desk.ctx.station.cases.get(case.case_number))
        == "acceptance"
    )
    gone.mkdir()  # the printer is back: Ctrl+P prints the notice
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(pdfs(gone)), timeout=10_000)
    wait_idle(qtbot, desk)
    assert desk.ctx.printing.missing_notice(desk.ctx.station.cases.get(case.case_number)) is None


def test_a_bundle_asks_its_situations_before_the_materials(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    catalog = desk.ctx.catalog
    code, bundle = next((c, b) for c, b in catalog.bundles.items() if b.situations)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.picker.search, code.lower())
    qtbot.keyClick(screen.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.situations_dialog is not None and screen.situations_dialog.isVisible()
    )
    dialog = screen.situations_dialog
    assert screen.flow.merged is None  # no material list before the questions are answered
    assert not dialog.ok.isEnabled()
    for combo in dialog.choices.values():  # keyboard: Down picks the first answer, Tab moves on
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert dialog.ok.isEnabled()
    answers = dialog.answers()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.flow.merged is not None)
    assert screen.flow.bundle == code and screen.flow.answers == answers
    assert len(answers) == len(bundle.situations)
    assert set(screen.materials._rows) == {need.id for need in screen.flow.merged.materials}
