"""Issue 10 items 10 and 12 through the real window: a refusal as not this authority's asks
where the applicant should apply (the catalog's authority filled in, a blank one refused with
a translated message), and the decision dialog records how the result is delivered (邮寄送达
with the address), which the printed notice follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from intake.status import Status
from intake.views import Decision, DeliveryWay, RejectionKind
from tests.desktop.drive import (
    choose,
    focus,
    login,
    options_for,
    pdfs,
    read_card,
    type_text,
    wait_idle,
)
from tests.printing.pdftools import pdftotext


def _open_decision(qtbot: Any, screen: Any) -> Any:
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: screen.decision_dialog is not None and screen.decision_dialog.isVisible()
    )
    return screen.decision_dialog


def _save(qtbot: Any, desk: Any, dialog: Any) -> Any:
    screen = desk.window.screen_
    before = screen.last_case
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.last_case is not None and screen.last_case != before, timeout=30_000
    )
    wait_idle(qtbot, desk)
    return desk.ctx.station.cases.get(screen.last_case)


def _text(station_dir: Path, kind: str, number: str, tmp: Path) -> str:
    [pdf] = [p for p in pdfs(station_dir / "prints") if kind in p.name and number in p.name]
    return "".join(pdftotext(pdf.read_bytes(), tmp).split())


def test_a_refusal_as_not_ours_names_where_to_apply(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(
        qtbot, screen, "gtgshsldj"
    )  # 个体工商户设立登记, a 行政许可; no authority in the catalog
    dialog = _open_decision(qtbot, screen)
    dialog.radios[Decision.REJECT].setChecked(True)
    assert not dialog.refer_to.isVisibleTo(dialog)  # only for "not this authority's"
    index = dialog.reason.findText("申请事项依法不属于本行政机关职权范围")
    dialog.reason.setCurrentIndex(index)
    qtbot.waitUntil(lambda: dialog.refer_to.isVisibleTo(dialog))
    assert dialog.refer_to.text() == ""
    qtbot.waitUntil(lambda: not dialog.ok.isEnabled())  # the clerk must name the authority
    assert "请填写应当告知申请人向其申请的机关" in dialog.problems.text()
    dialog.refer_to.setFocus()
    type_text(qtbot, dialog.refer_to, "经营场所所在地县级市场监督管理部门")
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    case = _save(qtbot, desk, dialog)
    assert case.status is Status.REJECTED
    assert case.rejection_kind is RejectionKind.NOT_COMPETENT
    assert case.refer_to == "经营场所所在地县级市场监督管理部门"
    text = _text(station_dir, "rejection", case.case_number, tmp_path)
    assert "请你（单位）向经营场所所在地县级市场监督管理部门提出申请" in text
    assert "《中华人民共和国行政许可法》第三十二条第一款第（二）项" in text  # a 行政许可
    assert "六十日内" in text and "六个月内" in text


def test_the_catalog_names_the_authority_for_its_matter(
    qtbot: Any, start_desk: Any, station_dir: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "jmsfzscsl")  # 居民身份证首次申领: 常住户口所在地公安机关
    dialog = _open_decision(qtbot, screen)
    dialog.radios[Decision.REJECT].setChecked(True)
    dialog.reason.setCurrentIndex(dialog.reason.findText("申请事项依法不属于本行政机关职权范围"))
    qtbot.waitUntil(lambda: dialog.refer_to.isVisibleTo(dialog))
    assert "公安机关" in dialog.refer_to.text()
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # back: nothing recorded
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_applicant_chooses_delivery_by_post(
    qtbot: Any, start_desk: Any, station_dir: Path, tmp_path: Path
) -> None:
    desk = start_desk(options_for(station_dir))
    screen = login(qtbot, desk).screen_
    read_card(qtbot, screen)
    choose(qtbot, screen, "jmsfzscsl")  # delivered at the window or by post
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F4)
    # its form asks the choice too (结果送达方式): the dialog starts from the form's answer
    chooser = screen.form.widget_for("delivery_choice")
    chooser.setCurrentIndex(chooser.findText("窗口领取"))
    phone = screen.form.widget_for("applicant_phone")
    phone.setFocus()
    if not phone.text():  # the applicant's phone fills it when known
        type_text(qtbot, phone, "13812345678")
    dialog = _open_decision(qtbot, screen)
    assert dialog.radios[Decision.ACCEPT].isChecked(), dialog.problems.text()
    assert dialog.way.currentData() == DeliveryWay.WINDOW.value
    assert not dialog.address.isVisibleTo(dialog)
    dialog.way.setCurrentIndex(dialog.way.findData(DeliveryWay.POST.value))
    qtbot.waitUntil(lambda: dialog.address.isVisibleTo(dialog))
    dialog.address.clear()
    qtbot.waitUntil(lambda: not dialog.ok.isEnabled())
    assert "邮寄送达须填写邮寄地址" in dialog.problems.text()
    dialog.address.setText("湖南省长沙县星沙街道松雅村3组12号")
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    case = _save(qtbot, desk, dialog)
    assert case.status is Status.ACCEPTED
    assert case.delivery_choice is not None and case.delivery_choice.way is DeliveryWay.POST
    text = _text(station_dir, "acceptance", case.case_number, tmp_path)
    assert "邮寄送达方式寄至湖南省长沙县星沙街道松雅村3组12号" in text
    assert "领取办理结果时请携带" not in text


def test_the_case_detail_shows_a_department_request(qtbot: Any) -> None:
    """The department's 补正 as it arrived: the materials, the note, the 补正期限."""
    from datetime import UTC, date, datetime

    from desktop.cases.detail import CaseDetailView
    from intake.services.case_queries import CaseDetail
    from intake.views import RequestedMaterial, SupplementRequest
    from tests.printing import factories as f

    asked = SupplementRequest(
        datetime(2026, 11, 25, 6, 0, tzinfo=UTC),
        "县民政局",
        (RequestedMaterial("居民户口簿", "原件，含本人页"),),
        "户籍信息与申请表不一致",
        date(2026, 12, 10),
    )
    case = f.make_case(status=Status.SUPPLEMENT, supplement_requests=(asked,))
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show_detail(CaseDetail(case, (), ()))
    text = view.toPlainText()
    assert "部门要求补正" in text and "县民政局" in text and "2026-12-10" in text
    assert "居民户口簿" in text and "原件，含本人页" in text and "户籍信息与申请表不一致" in text
