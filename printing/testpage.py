"""A printer's test page: what the settings page sends to check a printer and its paper
before the first citizen's notice depends on it. Written in Chinese (it is paper)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from intake.clock import CST, now
from printing.backends import open_printer
from printing.backends.base import Payload, Printer
from printing.fonts import FontSet
from printing.model import Document, Fields, Paper, Para
from printing.pdf import render_pdf
from printing.thermal import render_escpos


def test_page_document(office_name: str, target: str, paper: Paper, at: datetime) -> Document:
    local = at.astimezone(CST)
    return Document(
        kind="test",
        title="打印测试页",
        office_name=office_name,
        doc_number_text="",
        case_number="",
        tracking_url="",
        verify_code="",
        clerk="",
        phone="",
        address="",
        printed_at=local,
        paper=paper,
        sections=(
            Para("本页用于检查打印机、纸张和字体，无需存档。", "lead"),
            Fields(
                (
                    ("打印机", target.removeprefix("pdf:")),
                    ("纸张", paper.value.upper()),
                    ("时间", local.strftime("%Y-%m-%d %H:%M")),
                )
            ),
            Para("字体检查：受理 补正 容缺 送达 办结 张𠮷祥 0123456789", "body"),
        ),
    )


def print_test_page(
    target: str,
    office_name: str,
    fonts: Callable[[], FontSet],
    *,
    paper: Paper = Paper.A4,
    printers: Callable[[str], Printer] = open_printer,
    timeout: float = 60.0,
) -> str:
    """Send a test page to ``target`` and wait (bounded) for the printer to confirm it;
    raises ``printing.errors.PrintError`` subclasses with their codes."""
    printer = printers(target)
    printer.check()
    if printer.format == "escpos":
        doc = test_page_document(office_name, target, Paper.ROLL80, now())
        payload = Payload("test-page", render_escpos(doc).data, "escpos", Paper.ROLL80, 0)
    else:
        doc = test_page_document(office_name, target, paper, now())
        result = render_pdf(doc, fonts())
        payload = Payload("test-page", result.pdf, "pdf", paper, result.height_mm)
    handle = printer.send(payload)
    printer.confirm(handle, timeout)
    return handle
