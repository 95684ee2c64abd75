"""Every document kind rendered to PDF and read back with poppler and zbar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.status import Status
from intake.views import CaseView
from printing.context import UNMASKED, DocContext, QueueInfo, tracking_url, verify_code
from printing.documents import KINDS, build_document
from printing.documents.common import OWN_DOCUMENTS
from printing.errors import DocumentNotApplicable, MissingGlyphs, TemplateError
from printing.fonts import FontSet
from printing.model import Paper
from printing.pdf import render_pdf
from tests.printing import factories as f
from tests.printing.pdftools import pdffonts, pdftotext, scan

PRINTED = datetime(2026, 11, 22, 2, 3, tzinfo=UTC)

CASES = {
    "acceptance": f.make_case,
    "supplement": f.supplement_case,
    "rejection": f.rejected_case,
    "promise": f.make_case,
    "commitment": f.make_case,
    "materials": f.make_case,
    "completion": lambda: f.completed_case(f.GRANTED),
    "ticket": f.make_case,
    "delivery": f.delivered_case,
    "withdrawal": f.withdrawn_case,
}


def ctx(kind: str, case: CaseView, **kw: object) -> DocContext:
    args: dict[str, object] = dict(
        kind=kind,
        case=case,
        office=f.OFFICE,
        doc_number=17,
        year=2026,
        printed_at=PRINTED,
        catalog=f.catalog(),
        queue=QueueInfo("A017", 4),
        paper=Paper.ROLL80 if kind == "ticket" else Paper.A4,
    )
    args.update(kw)
    return DocContext(**args)  # type: ignore[arg-type]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("kind", KINDS)
def test_required_elements_text_font_and_codes(kind: str, fonts: FontSet, tmp_path: Path) -> None:
    case = CASES[kind]()
    doc = build_document(ctx(kind, case))
    r = render_pdf(doc, fonts)
    text = flat(pdftotext(r.pdf, tmp_path))
    # office, number, case number, date, clerk, phone: on every document (../shared/DOMAIN.md §3)
    for needle in (f.OFFICE.name, "〔2026〕000017号", case.case_number, f.OFFICE.phone):
        assert needle in text, needle
    assert "2026年11月22日" in text
    if kind != "ticket":
        assert case.operator_name in text
        assert "（盖章）" in text
        assert case.matters[0].name in text
    # ID numbers and phones masked; the applicant's own notices address them by full name
    # (法制审核: not "李*："), the public ticket masks the name too
    assert case.applicant.id_number not in text
    assert case.applicant.phone not in text
    if kind in OWN_DOCUMENTS:
        assert flat(case.applicant.name) in text
        assert "监督投诉电话：12345" in text  # every notice names where to complain
    else:
        assert case.applicant.name not in text
    # the CJK font is embedded (subset TrueType), never the non-embedded STSong CID font
    rows = pdffonts(r.pdf, tmp_path)
    assert rows and all(row[-5] == "yes" for row in rows), rows
    assert any("WenQuanYi" in row[0] for row in rows)
    assert not any("STSong" in row[0] for row in rows)
    # QR decodes to the tracking link, Code128 to the case number, at a thermal printer's 203 dpi
    codes = scan(r.pdf, tmp_path)
    url = tracking_url(f.OFFICE.tracking_url_template, case.case_number, case.id)
    assert url in codes
    assert case.case_number in codes
    assert f"v={verify_code(case.id)}" in url


def test_acceptance_content(fonts: FontSet, tmp_path: Path) -> None:
    case = f.make_case()
    text = flat(pdftotext(render_pdf(build_document(ctx("acceptance", case)), fonts).pdf, tmp_path))
    assert "受理通知书" in text and "4303**********4518" in text and "138****5678" in text
    for m in case.matters:
        assert m.name in text
    for needle in (
        "父母双方居民身份证",
        "原件",
        "复印件",
        "电子证照",
        "容缺材料",
        "2026年12月4日",
        "2026年11月27日",
        "社会保障卡申领：10元",
        "窗口领取",
    ):
        assert needle in text, needle
    assert "暂定" not in text


def test_rare_name_character_renders_with_a_fallback_font(fonts: FontSet, tmp_path: Path) -> None:
    r = render_pdf(build_document(ctx("acceptance", f.make_case())), fonts)
    assert r.missing == ()
    assert "𠮷祥云" in pdftotext(r.pdf, tmp_path)  # the addressee's full name
    assert any("HanaMin" in row[0] for row in pdffonts(r.pdf, tmp_path))


def test_uncovered_character_is_reported_never_dropped(fonts: FontSet, tmp_path: Path) -> None:
    bare = FontSet(fonts.primary, [])  # no fallback fonts installed
    case = f.make_case()
    doc = build_document(ctx("acceptance", case))
    r = render_pdf(doc, bare)
    assert r.missing == ("𠮷",)
    assert r.warnings == ("font.missing_glyph:U+20BB7",)
    with pytest.raises(MissingGlyphs) as err:
        render_pdf(doc, bare, strict_glyphs=True)
    assert err.value.code == "font.missing_glyph"
    assert err.value.details["codepoints"] == ["U+20BB7"]


def test_provisional_deadline_is_marked(fonts: FontSet, tmp_path: Path) -> None:
    r = render_pdf(build_document(ctx("acceptance", f.provisional_case())), fonts)
    text = flat(pdftotext(r.pdf, tmp_path))
    assert "2027年1月5日（暂定）" in text and "2027年1月8日（暂定）" in text


def test_long_material_list_flows_with_repeated_header(fonts: FontSet, tmp_path: Path) -> None:
    case = f.long_case()
    r = render_pdf(build_document(ctx("materials", case)), fonts)
    assert r.pages >= 2
    pages = pdftotext(r.pdf, tmp_path).split("\f")
    for i, page in enumerate(pages[: r.pages], 1):
        p = flat(page)
        assert "材料接收清单" in p and case.case_number in p
        assert f"第{i}页共{r.pages}页" in p
    assert "第45项证明材料" in flat(pdftotext(r.pdf, tmp_path))
    assert flat(pages[1]).count("材料名称") == 1  # the table header repeats on page 2
    assert len([c for c in scan(r.pdf, tmp_path) if c == case.case_number]) == r.pages


@pytest.mark.parametrize("paper", [Paper.A4, Paper.A5])
def test_paper_sizes(paper: Paper, fonts: FontSet) -> None:
    r = render_pdf(build_document(ctx("supplement", f.supplement_case(), paper=paper)), fonts)
    assert (round(r.width_mm), round(r.height_mm)) == (
        (210, 297) if paper is Paper.A4 else (148, 210)
    )


def test_ticket_is_80mm_without_personal_data(fonts: FontSet, tmp_path: Path) -> None:
    case = f.make_case()
    r = render_pdf(build_document(ctx("ticket", case)), fonts)
    assert round(r.width_mm) == 80 and r.pages == 1 and r.height_mm < 200
    text = flat(pdftotext(r.pdf, tmp_path))
    assert "A017" in text and "前面等候" in text and "4人" in text
    assert "𠮷" not in text and "4518" not in text


def test_reprint_is_marked_with_its_time(fonts: FontSet, tmp_path: Path) -> None:
    r = render_pdf(build_document(ctx("acceptance", f.make_case(), reprint=True)), fonts)
    text = flat(pdftotext(r.pdf, tmp_path))
    assert "补打" in text and "补打时间：2026年11月22日10:03" in text


def test_supplement_lists_every_missing_or_faulty_material(fonts: FontSet, tmp_path: Path) -> None:
    text = flat(
        pdftotext(
            render_pdf(build_document(ctx("supplement", f.supplement_case())), fonts).pdf, tmp_path
        )
    )
    assert "一次性告知" in text and "第三十二条" in text
    assert "出生医学证明" in text and "未提交" in text and "提交原件1份" in text
    assert "照片背景须为白色" in text and "不符合要求" in text
    assert "2026年11月21日" in text


def test_rejection_has_reason_basis_and_remedies(fonts: FontSet, tmp_path: Path) -> None:
    case = f.rejected_case()
    text = flat(pdftotext(render_pdf(build_document(ctx("rejection", case)), fonts).pdf, tmp_path))
    assert "欧阳小明：" in text  # addressed by full name (the ID number stays masked)
    assert flat(case.decision_reason) in text
    # 公共服务 matters (the test catalog): their own law, not the licensing law's §32 the
    # clerk cited (法制审核, issue 10 item 10; tests/printing/test_notice_terms.py)
    assert "法律依据：《社会保险法》第五十八条如对" in text and "行政许可法" not in text
    assert "六十日内" in text and "行政复议" in text and "六个月内" in text and "行政诉讼" in text


def test_unmasked_where_configured(fonts: FontSet, tmp_path: Path) -> None:
    case = f.rejected_case()
    doc = build_document(ctx("promise", f.make_case(applicant=case.applicant), mask=UNMASKED))
    text = flat(pdftotext(render_pdf(doc, fonts).pdf, tmp_path))
    assert "欧阳小明" in text and case.applicant.id_number in text


@pytest.mark.parametrize(
    ("kind", "case"),
    [
        ("acceptance", f.supplement_case()),
        ("rejection", f.make_case()),
        ("rejection", replace(f.rejected_case(), decision_reason="")),
        ("completion", f.make_case()),
        ("promise", f.supplement_case()),
        ("commitment", f.supplement_case()),
        ("supplement", f.completed_case()),
    ],
)
def test_documents_that_do_not_apply_are_refused(kind: str, case: CaseView) -> None:
    with pytest.raises(DocumentNotApplicable) as err:
        build_document(ctx(kind, case))
    assert err.value.code == "document.not_applicable"


def test_ticket_without_queue_number_is_refused() -> None:
    with pytest.raises(DocumentNotApplicable):
        build_document(ctx("ticket", f.make_case(), queue=None))


def test_bad_tracking_template_is_a_typed_error() -> None:
    office = replace(f.OFFICE, tracking_url_template="https://x/{case}")
    with pytest.raises(TemplateError) as err:
        build_document(ctx("acceptance", f.make_case(), office=office))
    assert err.value.code == "document.bad_template"


def test_legal_person_is_addressed_by_organisation(fonts: FontSet, tmp_path: Path) -> None:
    from intake.views import ApplicantKind

    a = replace(
        f.make_case().applicant,
        kind=ApplicantKind.LEGAL_PERSON,
        org_name="湘潭市雨湖区好运来餐饮店",
        org_code="92430302MA4L123456",
    )
    case = f.make_case(applicant=a, status=Status.ACCEPTED)
    text = flat(pdftotext(render_pdf(build_document(ctx("acceptance", case)), fonts).pdf, tmp_path))
    assert "湘潭市雨湖区好运来餐饮店：" in text and "92430302MA4L123456" in text


def test_acceptance_names_its_basis_and_says_so_when_materials_are_deferred(
    fonts: FontSet, tmp_path: Path
) -> None:
    from printing.documents.notices import LICENSING_ACCEPTANCE

    case = f.make_case()
    text = flat(pdftotext(render_pdf(build_document(ctx("acceptance", case)), fonts).pdf, tmp_path))
    assert "受理依据：" in text
    deferred = any(m.state.value == "deferred" for m in case.materials)
    assert ("容缺受理" in text) == deferred
    assert ("材料齐全、符合法定形式，本机关决定予以受理" in text) != deferred
    assert LICENSING_ACCEPTANCE.startswith("《中华人民共和国行政许可法》第三十二条")


def test_only_a_date_in_an_unpublished_year_is_marked_provisional() -> None:
    from datetime import date

    from printing.documents.common import due_text

    assert due_text(date(2026, 12, 20), provisional=True) == "2026年12月20日"  # published year
    assert due_text(date(2031, 1, 20), provisional=True).endswith("（暂定）")
    assert due_text(date(2031, 1, 20), provisional=False) == "2031年1月20日"


def test_delivery_receipt_names_the_collector_masked(fonts: FontSet, tmp_path: Path) -> None:
    case = f.delivered_case()
    text = flat(pdftotext(render_pdf(build_document(ctx("delivery", case)), fonts).pdf, tmp_path))
    for needle in (
        "送达回证",
        "窗口领取",
        "代收人",
        "王代领",
        "4301**********0012",
        "2026年11月27日",
    ):
        assert needle in text, needle
    with pytest.raises(DocumentNotApplicable):
        build_document(ctx("delivery", f.completed_case()))


def test_withdrawal_receipt_states_the_reason(fonts: FontSet, tmp_path: Path) -> None:
    case = f.withdrawn_case()
    pdf = render_pdf(build_document(ctx("withdrawal", case)), fonts).pdf
    text = flat(pdftotext(pdf, tmp_path))
    for needle in ("撤回申请回执", "材料需重新准备", "终止办理", "2026年11月23日"):
        assert needle in text, needle
    assert "申请人申请撤回：" not in text
