"""Issue 10 items 10-12 on paper (real PDFs, read back with pdftotext): a 不予受理 as not this
authority's says where to apply and cites the basis its matter type calls for; a department's
补正 prints what it asked for and its 补正期限; every 补正 notice says what follows when the
period passes; a village case names the 实施机关 as decision maker and the station as
receiver (代收); the notices follow the applicant's delivery choice (邮寄送达)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intake.catalog.model import Remedies, SupplementTerms
from intake.status import Status
from intake.views import (
    Channel,
    DeliveryChoice,
    DeliveryWay,
    HistoryEntry,
    RejectionKind,
    RequestedMaterial,
    SupplementRequest,
)
from intake.workdays import LimitUnit
from printing.context import Office
from printing.documents import build_document
from printing.errors import DocumentNotApplicable
from printing.fonts import FontSet
from printing.pdf import render_pdf
from tests.printing import factories as f
from tests.printing.pdftools import pdftotext
from tests.printing.test_documents import ctx

REMEDIES = Remedies("雨湖区人民政府", "湘潭市雨湖区人民法院")
VILLAGE = Office(
    station_code="430302101",
    name="雨湖区长城乡松雅村便民服务站",
    phone="0731-58590001",
    address="雨湖区长城乡松雅村村部一楼",
    tracking_url_template="https://zwfw.example.gov.cn/track?no={case_number}&v={verify}",
    level="village",
)
POSTED = DeliveryChoice(DeliveryWay.POST, "湘潭市雨湖区长城乡松雅村3组12号", "王建国", "")


def rendered(kind: str, case: object, tmp: Path, fonts: FontSet, **kw: object) -> str:
    doc = build_document(ctx(kind, case, **kw))  # type: ignore[arg-type]
    return pdftotext(render_pdf(doc, fonts).pdf, tmp)


def flat(text: str) -> str:
    return "".join(text.split())


def no_line_starts_with_punctuation(text: str) -> None:
    for line in text.splitlines():
        assert not line.strip().startswith(("，", "；", "：", "。")), line


# -- 不予受理 (item 10) -----------------------------------------------------------------


def not_ours(refer_to: str = "申请人户籍所在地县级公安机关") -> object:
    return replace(
        f.rejected_case(),
        decision_reason="申请事项依法不属于本机关职权范围",
        legal_basis="",
        rejection_kind=RejectionKind.NOT_COMPETENT,
        refer_to=refer_to,
    )


def test_a_refusal_as_not_ours_says_where_to_apply(fonts: FontSet, tmp_path: Path) -> None:
    catalog = replace(f.catalog(), remedies=REMEDIES)
    raw = rendered("rejection", not_ours(), tmp_path, fonts, catalog=catalog)
    text = flat(raw)
    assert "请你（单位）向申请人户籍所在地县级公安机关提出申请" in text
    assert "六十日内依法向雨湖区人民政府申请行政复议" in text
    assert "六个月内依法向湘潭市雨湖区人民法院提起行政诉讼" in text
    # 公共服务 matters: the catalog's own basis, never the licensing law
    assert "法律依据：《社会保险法》第五十八条" in text and "行政许可法" not in text
    no_line_starts_with_punctuation(raw)


def test_a_licensing_refusal_as_not_ours_cites_section_32_2(fonts: FontSet, tmp_path: Path) -> None:
    base = f.catalog()
    licensing = {c: replace(m, type="行政许可") for c, m in base.matters.items()}
    catalog = replace(base, matters=licensing)
    text = flat(rendered("rejection", not_ours(), tmp_path, fonts, catalog=catalog))
    assert "《中华人民共和国行政许可法》第三十二条第一款第（二）项" in text
    assert "《社会保险法》第五十八条" in text


def test_a_refusal_as_not_ours_without_an_authority_is_not_printed() -> None:
    with pytest.raises(DocumentNotApplicable):
        build_document(ctx("rejection", not_ours(refer_to="")))  # type: ignore[arg-type]


# -- 补正 (item 11) ---------------------------------------------------------------------


ASKED_AT = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


def department_supplement(asked: bool = True) -> object:
    base = f.make_case()
    entered = HistoryEntry(3, ASKED_AT, Status.SUPPLEMENT, "supplement", "platform", "区医疗保障局")
    request = SupplementRequest(
        ASKED_AT,
        "区医疗保障局",
        (
            RequestedMaterial("居民户口簿", "原件，含本人页"),
            RequestedMaterial("村（居）委会出具的居住证明", ""),
        ),
        "户籍信息与申请表不一致",
        date(2026, 12, 10),
    )
    return replace(
        base,
        status=Status.SUPPLEMENT,
        history=(*base.history, entered),
        supplement_requests=(request,) if asked else (),
    )


def test_a_department_supplement_prints_its_request_and_period(
    fonts: FontSet, tmp_path: Path
) -> None:
    raw = rendered("supplement", department_supplement(), tmp_path, fonts)
    text = flat(raw)
    for needle in (
        "补正材料通知书",
        "已于2026年11月20日受理",
        "区医疗保障局在审查中认为需要补正材料",
        "居民户口簿",
        "原件，含本人页",
        "村（居）委会出具的居住证明",
        "区医疗保障局意见：户籍信息与申请表不一致",
        "请于2026年12月10日前补正",
        "逾期未补正的，区医疗保障局将终止办理",
        "补正期限",
    ):
        assert needle in text, needle
    assert "需补正的材料无" not in text and "需补正的材料：无" not in text
    no_line_starts_with_punctuation(raw)


def test_a_department_supplement_without_its_request_claims_no_list(
    fonts: FontSet, tmp_path: Path
) -> None:
    text = flat(rendered("supplement", department_supplement(asked=False), tmp_path, fonts))
    assert "以区医疗保障局出具的补正告知为准" in text
    assert "一次性告知" not in text and "需补正的材料" not in text


def test_the_window_supplement_states_its_period_and_lapse(fonts: FontSet, tmp_path: Path) -> None:
    text = flat(rendered("supplement", f.supplement_case(), tmp_path, fonts))
    # the catalog's default terms: 30 calendar days from the notice (2026-11-21)
    assert "请于2026年12月21日前补正" in text
    assert "逾期未补正的，视为撤回申请。依据：本事项办事指南。" in text
    terms = SupplementTerms(10, LimitUnit.WORKING, basis="《湘潭市政务服务一次性告知办法》")
    catalog = replace(f.catalog(), supplement=terms)
    text = flat(rendered("supplement", f.supplement_case(), tmp_path, fonts, catalog=catalog))
    assert "请于2026年12月4日前补正" in text  # ten working days after Saturday 21 November
    assert "依据：《湘潭市政务服务一次性告知办法》。" in text


# -- who decides, who received, how it is delivered (item 12) --------------------------------


def village_case(**kw: object) -> object:
    return f.make_case(
        channel=Channel.VILLAGE,
        agent=f.Person("王芳", f.DocType.RESIDENT, "430121198505061228", "13907310001"),
        delivery_choice=POSTED,
        **kw,
    )


def test_a_village_acceptance_names_the_decider_and_the_receiver(
    fonts: FontSet, tmp_path: Path
) -> None:
    raw = rendered("acceptance", village_case(), tmp_path, fonts, office=VILLAGE)
    text = flat(raw)
    assert "通过雨湖区长城乡松雅村便民服务站（代收）提出的" in text
    deciders = "市卫生健康委员会、市公安局雨湖分局、区医疗保障局、区人力资源和社会保障局"
    assert f"{deciders}决定予以" in text
    assert "实施机关" in text and "收件方式" in text
    assert "雨湖区长城乡松雅村便民服务站（代收）" in text  # the seal area: the station receives
    assert "本机关决定" not in text and "湘潭市雨湖区政务服务中心" not in text
    assert "结果送达方式" in text and "邮寄送达" in text  # a grid cell wraps
    assert "寄至湘潭市雨湖区长城乡松雅村3组12号（收件人：王建国）" in text
    assert "领取办理结果时请携带" not in text
    no_line_starts_with_punctuation(raw)


def test_a_posted_result_is_not_collected_at_the_centre(fonts: FontSet, tmp_path: Path) -> None:
    done = replace(f.completed_case(f.GRANTED), delivery_choice=POSTED)
    text = flat(rendered("completion", done, tmp_path, fonts))
    assert "寄至湘潭市雨湖区长城乡松雅村3组12号" in text and "送达地址" in text
    assert "领取。" not in text and "到湘潭市雨湖区建设北路" not in text
    refused = replace(f.completed_case(f.REFUSED), delivery_choice=POSTED)
    text = flat(rendered("completion", refused, tmp_path, fonts))
    assert "决定文书原件将按你选择的邮寄送达方式寄至" in text and "到窗口领取" not in text


def test_a_counter_case_keeps_the_office_as_decider(fonts: FontSet, tmp_path: Path) -> None:
    text = flat(rendered("acceptance", f.make_case(), tmp_path, fonts))
    assert "本机关决定予以" in text and "（代收）" not in text
    assert "领取办理结果时请携带本通知书" in text  # no choice recorded: the window


# -- no line starts with a closing mark, even after another one (GB/T 15834 §5.1.7) ----------


def test_two_closing_marks_never_leave_one_at_a_line_start(fonts: FontSet, tmp_path: Path) -> None:
    """reportlab hangs one mark in the margin but not two: "）" then "，" or "。"."""
    from printing.model import Para

    base = f.supplement_case()
    for pad in range(0, 44, 1):  # slide the pair across every position of a line
        text = (
            "甲" * pad
            + "未提供退役军人报到介绍信（安置地接收通知），请补齐后提交（依据：办事指南）。"
        )
        doc = build_document(ctx("supplement", base))
        doc = replace(doc, sections=(Para(text), Para(text, "strong"), *doc.sections))
        raw = pdftotext(render_pdf(doc, fonts).pdf, tmp_path)
        no_line_starts_with_punctuation(raw)


def test_a_window_completion_names_no_operator_as_decider(fonts: FontSet, tmp_path: Path) -> None:
    """A 即办件 the window completed itself carries the operator id as ``decided_by``."""
    base = f.completed_case(f.GRANTED)
    window = replace(
        base,
        outcome=replace(f.GRANTED, decided_by="clerk01"),
        history=(
            *base.history[:-1],
            replace(base.history[-1], actor="station", operator="clerk01"),
        ),
    )
    text = flat(rendered("completion", window, tmp_path, fonts))
    assert "clerk01" not in text.replace("经办人：李晓梅", "") and "经审查，准予办理" in text
    text = flat(rendered("completion", base, tmp_path, fonts))
    assert "经区人力资源和社会保障局审查，准予办理" in text
