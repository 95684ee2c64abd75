"""poppler and zbar, as the tests read documents back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")


def _need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(
            f"missing {missing}: run scripts/system-deps.sh test (poppler-utils, zbar-tools)"
        )


def pdftotext(pdf: bytes, tmp: Path) -> str:
    _need_tools()
    f = tmp / "doc.pdf"
    f.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdffonts(pdf: bytes, tmp: Path) -> list[list[str]]:
    f = tmp / "fonts.pdf"
    f.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(f)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def scan(pdf: bytes | Path, tmp: Path, dpi: int = 203) -> list[str]:
    """Every barcode and QR code zbarimg finds on the pages rendered at ``dpi``."""
    _need_tools()
    if isinstance(pdf, bytes):
        path = tmp / "scan.pdf"
        path.write_bytes(pdf)
    else:
        path = pdf
    prefix = tmp / "page"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(prefix)], check=True
    )
    found: list[str] = []
    for png in sorted(tmp.glob("page*.png")):
        r = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sqrcode.enable", "-Scode128.enable", str(png)],
            capture_output=True,
            text=True,
            check=False,
        )
        found += r.stdout.splitlines()
        png.unlink()
    return found
