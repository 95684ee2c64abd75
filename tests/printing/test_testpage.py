"""The settings page's printer test page: a real PDF through the PDF-file printer."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from printing.errors import PrintError
from printing.fonts import load_font_set
from printing.model import Paper
from printing.testpage import print_test_page


def test_a_test_page_prints_in_chinese(tmp_path: Path) -> None:
    print_test_page(f"pdf:{tmp_path}", "长沙县政务服务中心", load_font_set, paper=Paper.A5)
    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1
    text = subprocess.run(
        ["pdftotext", str(files[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "打印测试页" in text and "长沙县政务服务中心" in text and "A5" in text


def test_an_unknown_printer_fails_with_a_code(tmp_path: Path) -> None:
    with pytest.raises(PrintError) as info:
        print_test_page("cups:no-such-queue-here", "站", load_font_set)
    assert info.value.code.startswith("printer.")
