"""Fixtures for printing tests: fonts, poppler/zbar helpers, a seeded station, a private cupsd."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import cupsd as cupsd_mod

from printing.fonts import FontSet, load_font_set

TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")


def _need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(
            f"missing {missing}: run scripts/system-deps.sh test (poppler-utils, zbar-tools)"
        )


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return load_font_set()


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


@pytest.fixture(scope="session")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station seeded by the intake demo (5 realistic cases), shared read-mostly."""
    d = tmp_path_factory.mktemp("station")
    env = dict(os.environ, WINDOWDESK_KEYRING="file")
    subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(d), "demo", "--cases", "5"],
        check=True,
        env=env,
        capture_output=True,
        cwd=Path(__file__).parents[2],
    )
    return d


@pytest.fixture(scope="session")
def cups() -> Iterator[cupsd_mod.Cupsd]:
    why = cupsd_mod.available()
    if why:
        pytest.fail(f"a private cupsd cannot run here: {why}")
    d = cupsd_mod.start()
    try:
        yield d
    finally:
        d.stop()
