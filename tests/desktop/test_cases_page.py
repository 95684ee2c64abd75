"""The cases page through the real window: Ctrl+2, typing a search, Down, Enter for the
detail, Esc back; the list masks, pages and counts; opening is audited; Ctrl+P from the
detail reprints and the detail marks it 补打; Ctrl+F's Enter opens the detail too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.cases.page import CasesPage
from intake.masking import mask_id_number, mask_name
from intake.services.case_queries import CaseFilter
from tests.desktop.drive import focus, login, options_for, type_text, wait_idle


def _cases_page(qtbot: Any, desk: Any) -> CasesPage:
    window = desk.window
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.pages.get("cases"), CasesPage), timeout=10_000)
    page = window.pages["cases"]
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.model.total is not None and page.model.rowCount() > 0)
    return page


def _search(qtbot: Any, page: CasesPage, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    expected = page.ctx.station.case_queries.count(CaseFilter(text=text))
    qtbot.waitUntil(
        lambda: page.model.filter.text == text and page.model.total == expected, timeout=10_000
    )
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)


def test_ctrl2_search_down_enter_opens_the_detail_and_esc_goes_back(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    assert focus(qtbot) is page.search  # Ctrl+2 lands in the search box
    station = desk.ctx.station
    everything = station.case_queries.count(CaseFilter())
    assert page.model.total == everything == len(station.cases.list(limit=1000))
    assert page.count_label.text() == f"共 {everything} 件"
    target = station.cases.list(limit=5)[3]
    _search(qtbot, page, target.applicant_id_number)
    assert target.case_number in [i.case_number for i in page.model.items]
    row = [i.case_number for i in page.model.items].index(target.case_number)
    # the list masks what the queue may read over the clerk's shoulder
    assert page.model.index(row, 1).data() == mask_name(target.applicant_name)
    assert page.model.index(row, 2).data() == mask_id_number(target.applicant_id_number)
    assert target.applicant_id_number not in {
        page.model.index(row, c).data() for c in range(page.model.columnCount())
    }
    views_before = [e for e in station.audit.for_case(target.id) if e.action == "view"]
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert focus(qtbot) is page.table
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=10_000)
    detail = page.detail_view.toPlainText()
    assert target.case_number in detail
    assert "状态时间线" in detail and "材料" in detail and "查看" in detail
    # every step of the timeline is in Chinese: the applicant's visit too, with its reason
    assert "申请人到场" in detail and "visited" not in detail and "intake" not in detail
    views = [e for e in station.audit.for_case(target.id) if e.action == "view"]
    assert len(views) == len(views_before) + 1  # opening the case is an audit row
    assert (views[-1].operator_id, views[-1].detail) == ("clerk01", "desktop")
    assert focus(qtbot) is page.detail_view
    qtbot.keyClick(page.detail_view, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == 0
    assert focus(qtbot) is page.table


def test_search_by_each_key_finds_the_case(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    station = desk.ctx.station
    target = station.cases.get(station.cases.list(limit=3)[2].id)
    from intake.services.cases import name_keys

    pinyin, initials = name_keys(target.applicant.name)
    for typed in (
        target.case_number,
        target.case_number.lower(),
        target.applicant.id_number,
        target.applicant.phone,
        target.applicant.name,
        pinyin,
        initials,
    ):
        _search(qtbot, page, typed)
        assert target.case_number in [i.case_number for i in page.model.items], typed


def test_a_stale_answer_is_dropped(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    """Two filters asked back to back: only the second one's rows and count stay."""
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    station = desk.ctx.station
    one, other = station.cases.list(limit=2)
    page.model.set_filter(CaseFilter(text=one.case_number))
    page.model.set_filter(CaseFilter(text=other.case_number))
    wait_idle(qtbot, desk)
    assert [i.case_number for i in page.model.items] == [other.case_number]
    assert page.model.total == 1


def test_the_filters_narrow_the_list(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    queries = desk.ctx.station.case_queries
    page.not_printed.setChecked(True)
    wait_idle(qtbot, desk)
    assert page.model.total == queries.count(CaseFilter(notice_not_printed=True)) > 0
    page.not_printed.setChecked(False)
    page.status_box.setCurrentIndex(page.status_box.findText("补正"))
    wait_idle(qtbot, desk)
    assert {i.status.value for i in page.model.items} <= {"supplement"}
    from intake.status import Status

    assert page.model.total == queries.count(CaseFilter(status=Status.SUPPLEMENT))


def test_ctrl_p_on_the_detail_reprints_and_the_detail_marks_it(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    station = desk.ctx.station
    target = next(c for c in station.cases.list(limit=50) if c.status.value == "accepted")
    page.open_case(target.case_number)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=10_000)
    assert "尚未打印" in page.detail_view.toPlainText()
    for printed in (1, 2):  # the first print, then a reprint (补打)
        qtbot.keyClick(focus(qtbot), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda n=printed: (
                len([j for j in station.print_jobs.for_case(target.id) if j.state == "printed"])
                >= n
            ),
            timeout=30_000,
        )
        wait_idle(qtbot, desk)
    jobs = station.print_jobs.for_case(target.id)
    assert [j.reprint for j in jobs if j.kind == "acceptance"] == [False, True]
    qtbot.waitUntil(lambda: "补打" in page.detail_view.toPlainText(), timeout=10_000)
    assert window.current_page() is page


def test_ctrl_f_enter_opens_the_detail(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_desk(options_for(station_dir))
    window = login(qtbot, desk)
    target = desk.ctx.station.cases.list(limit=1)[0]
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.keyClicks(dialog.query, target.case_number)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.pages.get("cases"), CasesPage), timeout=10_000)
    page = window.pages["cases"]
    qtbot.waitUntil(
        lambda: page.open_detail is not None and page.open_detail.case.id == target.id,
        timeout=10_000,
    )
    assert not dialog.isVisible()
    assert page.stack.currentIndex() == 1


def test_an_unknown_case_says_so(qtbot: Any, start_desk: Any, station_dir: Path) -> None:
    desk = start_desk(options_for(station_dir))
    login(qtbot, desk)
    page = _cases_page(qtbot, desk)
    desk.ctx.open_case("CSX001-20260101-9999")
    qtbot.waitUntil(lambda: "没有" in page.count_label.text(), timeout=10_000)
    assert page.stack.currentIndex() == 0
