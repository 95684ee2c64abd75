"""材料交接清单: the A4 hand-over list, read back from the real PDF with pdftotext."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.services.handover import HandoverBatch, HandoverCase, PaperMaterial
from intake.station import Station
from printing.errors import PrintError
from printing.service import PrintOptions, PrintService
from tests.printing.pdftools import pdftotext

AT = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)  # 10:30 in China

CASES = (
    HandoverCase(
        "c1",
        "CSX001-20261120-00007",
        "张桂兰",
        "高龄津贴申请",
        AT,
        "王芳",
        (
            PaperMaterial("M_ID", "申请人居民身份证", "original", 1),
            PaperMaterial("M_PROOF", "其他证明材料", "copy", 3),
        ),
    ),
    HandoverCase(
        "c2",
        "CSX001-20261120-00008",
        "李国强",
        "城乡居民养老保险参保登记",
        AT,
        "王芳",
        (PaperMaterial("M_HKB", "户口簿", "original", 1),),
    ),
)


@pytest.fixture
def station(station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Station:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    st = Station.open(station_dir)
    yield st  # type: ignore[misc]
    st.close()


def service(st: Station, **kw: object) -> PrintService:
    return PrintService(
        jobs=st.print_jobs,
        cases=st.cases,
        settings=lambda: st.settings,
        options=PrintOptions(),
        clock=lambda: AT,
        **kw,
    )  # type: ignore[arg-type]


def test_the_list_to_carry_has_rows_per_case_and_material_and_both_signatures(
    station: Station, tmp_path: Path
) -> None:
    rendered = service(station).render_handover(CASES, clerk="王芳")
    assert rendered.payload.format == "pdf" and rendered.pages == 1
    text = pdftotext(rendered.payload.data, tmp_path)
    flat = "".join(text.split())
    assert "材料交接清单" in flat and station.settings.office_name in flat
    for case in CASES:
        assert case.case_number in flat
        for m in case.materials:
            assert m.name in flat
    assert "张*兰" in flat and "张桂兰" not in flat  # a list: names masked
    assert "原件" in flat and "复印件" in flat and "3份" in flat
    assert "共2件办件，材料3项，合计5份。" in flat
    assert "移交人（签字）" in flat and "接收人（签字）" in flat and "日期" in flat
    assert "待交接" in flat  # not handed over yet: no batch number
    assert "交接批次：CSX" in flat and "办件编号：CSX001-JJ" not in flat
    assert "2026年11月20日" in flat


def test_a_past_batch_prints_its_number_and_names(station: Station, tmp_path: Path) -> None:
    batch = HandoverBatch(
        "b1", "CSX001-JJ-20261120-02", AT, "王芳", "刘洋", "agent01", "第二批", CASES
    )
    rendered = service(station).render_handover(CASES, clerk="王芳", batch=batch)
    flat = "".join(pdftotext(rendered.payload.data, tmp_path).split())
    assert "CSX001-JJ-20261120-02" in flat and "待交接" not in flat
    assert "移交人（签字）：王芳" in flat and "接收人（签字）：刘洋" in flat
    assert "2026年11月20日10:30" in flat and "第二批" in flat


def test_an_empty_list_says_so(station: Station, tmp_path: Path) -> None:
    flat = "".join(
        pdftotext(service(station).render_handover((), clerk="王芳").payload.data, tmp_path).split()
    )
    assert "无待交接材料" in flat and "共0件办件" in flat


def test_many_cases_flow_onto_further_pages(station: Station, tmp_path: Path) -> None:
    many = tuple(
        HandoverCase(
            f"c{i}",
            f"CSX001-20261120-{i:05d}",
            "张桂兰",
            "高龄津贴申请",
            AT,
            "王芳",
            CASES[0].materials,
        )
        for i in range(60)
    )
    rendered = service(station).render_handover(many, clerk="王芳")
    assert rendered.pages >= 2
    text = pdftotext(rendered.payload.data, tmp_path)
    assert "CSX001-20261120-00059" in text and "第2页" in text


def test_printing_goes_to_the_a4_printer_and_a_missing_one_says_so(
    station: Station, tmp_path: Path
) -> None:
    out = tmp_path / "prints"
    out.mkdir()
    service(station).print_handover(CASES, clerk="王芳", printer=f"pdf:{out}")
    [pdf] = out.glob("*.pdf")
    assert "材料交接清单" in "".join(pdftotext(pdf.read_bytes(), tmp_path).split())
    with pytest.raises(PrintError) as none:
        service(station).print_handover(CASES, clerk="王芳")
    assert none.value.code == "printer.not_found"
