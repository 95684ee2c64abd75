"""The 办结 notice prints the result the department reached, never a positive result it
did not (法制审核: issue 10, item 3), read back from the rendered PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from intake.cases import CaseOutcome
from printing.documents import build_document
from printing.fonts import FontSet
from printing.pdf import render_pdf
from tests.printing import factories as f
from tests.printing.pdftools import pdftotext
from tests.printing.test_documents import ctx, flat

REMEDY = ("行政复议", "行政诉讼", "六十日内", "六个月内")


def _text(outcome: CaseOutcome | None, fonts: FontSet, tmp: Path, **kw: object) -> str:
    doc = build_document(ctx("completion", f.completed_case(outcome), **kw))
    return flat(pdftotext(render_pdf(doc, fonts).pdf, tmp))


def test_a_grant_says_granted_and_how_to_collect(fonts: FontSet, tmp_path: Path) -> None:
    text = _text(f.GRANTED, fonts, tmp_path)
    assert "办结领取通知书" in text and "准予办理" in text and "社会保障卡" in text
    assert "领取人签字" in text
    assert not any(r in text for r in REMEDY)


def test_a_refusal_prints_its_reasons_basis_and_remedies(fonts: FontSet, tmp_path: Path) -> None:
    text = _text(f.REFUSED, fonts, tmp_path)
    assert "不予办理决定告知书" in text  # the demo catalog's matters are 公共服务
    assert flat(f.REFUSED.reason) in text and flat(f.REFUSED.legal_basis) in text
    assert "区人力资源和社会保障局" in text
    assert all(r in text for r in REMEDY)
    assert "准予" not in text and "办结领取通知书" not in text


def test_a_licensing_refusal_is_worded_as_such(fonts: FontSet, tmp_path: Path) -> None:
    catalog = f.catalog()
    licensing = replace(
        catalog, matters={k: replace(m, type="行政许可") for k, m in catalog.matters.items()}
    )
    text = _text(f.REFUSED, fonts, tmp_path, catalog=licensing)
    assert "不予许可决定告知书" in text and "作出不予许可的决定" in text


def test_a_termination_prints_its_reason(fonts: FontSet, tmp_path: Path) -> None:
    text = _text(f.TERMINATED, fonts, tmp_path)
    assert "终止办理告知书" in text and flat(f.TERMINATED.reason) in text
    assert "准予" not in text


def test_a_completion_without_a_result_claims_none(fonts: FontSet, tmp_path: Path) -> None:
    text = _text(None, fonts, tmp_path)  # an older platform sent the 办结 without its result
    assert "以审批部门出具的决定文书为准" in text
    assert "准予" not in text and "社会保障卡" not in text.split("办理结果")[1][:20]


def test_no_line_starts_with_closing_punctuation(fonts: FontSet, tmp_path: Path) -> None:
    """GB/T 15834 避头: ， ； ： ！ ？ never open a line, wherever the wrap falls (one mark
    at a time: two marks in a row, which Chinese text does not have, hang only one)."""
    from printing.model import Para
    from printing.pdf import CHINESE_CANNOT_START

    notice = build_document(ctx("completion", f.completed_case(f.GRANTED)))
    body = "申请人，办理结果为：准予办理；请携带本通知书！及有效身份证件？领取" * 3
    # one paragraph per offset: every punctuation mark meets the end of some line
    sections = tuple(Para("申" * n + body) for n in range(1, 41))
    text = pdftotext(render_pdf(replace(notice, sections=sections), fonts).pdf, tmp_path)
    lines = text.splitlines()
    starts = [line.strip()[0] for line in lines if line.strip()]
    assert not [c for c in starts if c in CHINESE_CANNOT_START]


def test_a_late_acceptance_says_it_counts_from_receipt(fonts: FontSet, tmp_path: Path) -> None:
    """§32(四): the 受理通知书 of a 接件 decided after five working days says so and dates
    the acceptance at receipt, sealed the day it was issued."""
    from datetime import UTC, datetime

    from intake.cases import HistoryEntry
    from intake.status import Event, Status

    base = f.make_case()
    received, decided = base.received_at, datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    late = replace(
        base,
        accepted_at=received,
        history=(
            base.history[0],
            HistoryEntry(2, received, Status.RECEIVED, Event.DEEMED_ACCEPTED.value, "station", "x"),
            HistoryEntry(3, decided, Status.ACCEPTED, "accepted", "station", "op-007"),
        ),
    )
    text = flat(pdftotext(render_pdf(build_document(ctx("acceptance", late)), fonts).pdf, tmp_path))
    assert "自收到申请材料之日起即为受理" in text and "第三十二条第一款第（四）项" in text
    assert "受理日期为2026年11月20日" in text and "2026年11月30日" in text  # the seal's day
    plain = build_document(ctx("acceptance", base))
    plain_text = flat(pdftotext(render_pdf(plain, fonts).pdf, tmp_path))
    assert "即为受理" not in plain_text
