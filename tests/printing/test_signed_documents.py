"""The applicant's on-screen signature drawn on the signature line of the printed document."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from intake.station import Station
from intake.status import Status
from printing.documents import build_document
from printing.fonts import FontSet
from printing.pdf import render_pdf
from printing.service import PrintOptions, PrintService
from tests.printing import factories as f
from tests.printing.pdftools import pdftotext
from tests.printing.test_documents import ctx, flat

SIGNED_AT = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


def signature_png() -> bytes:
    """A pen signature as the citizen screen renders it: dark strokes on a clear background."""
    img = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    pen = ImageDraw.Draw(img)
    pen.line(
        [(20, 150), (120, 40), (200, 160), (300, 50), (420, 150), (560, 60)], fill="black", width=9
    )
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def images(pdf: bytes, tmp: Path) -> list[list[str]]:
    path = tmp / "images.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split() for line in out.splitlines()[2:]]


def page(pdf: bytes, tmp: Path, name: str) -> Image.Image:
    path = tmp / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(path), str(tmp / name)], check=True
    )
    return Image.open(tmp / f"{name}.png").convert("L")


def test_the_signature_sits_on_the_promise_signature_line(fonts: FontSet, tmp_path: Path) -> None:
    case = f.make_case()
    plain = render_pdf(build_document(ctx("promise", case)), fonts).pdf
    signed = render_pdf(
        build_document(ctx("promise", case, extra={"signature": (signature_png(), SIGNED_AT)})),
        fonts,
    ).pdf
    assert images(plain, tmp_path) == []
    listed = images(signed, tmp_path)
    [image] = [row for row in listed if row[2] == "image"]
    assert image[0] == "1" and (image[3], image[4]) == ("600", "200")  # page 1, full size
    assert [row[2] for row in listed if row[2] == "smask"] == ["smask"]  # the clear background
    text = flat(pdftotext(signed, tmp_path))
    assert "承诺人（签字或盖章）：" in text and "日期：2026年11月22日" in text
    # where it landed: only the signature band differs from the unsigned page, low and left
    before, after = page(plain, tmp_path, "plain"), page(signed, tmp_path, "signed")
    diff = ImageChops.difference(before, after).point(lambda v: 255 if v > 40 else 0)
    width, height = after.size
    box = diff.getbbox()
    assert box is not None
    assert box[1] > height * 0.45 and box[3] < height * 0.75, box  # the closing band only
    strokes = diff.crop((0, 0, int(width * 0.5), height)).getbbox()  # left of 日期：
    assert strokes is not None and strokes[2] - strokes[0] > width * 0.1, strokes


@pytest.fixture
def station(
    station_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Station]:
    """A copy of the shared demo station: this test adds an attachment to it."""
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    copy = tmp_path / "station"
    shutil.copytree(station_dir, copy)
    with Station.open(copy) as st:
        yield st


def test_the_print_service_draws_the_stored_signature(station: Station, tmp_path: Path) -> None:
    svc = PrintService(
        jobs=station.print_jobs,
        cases=station.cases,
        settings=lambda: station.settings,
        catalog=lambda: station.catalog,
        options=PrintOptions(),
        signature=station.attachments.signature_for,
    )
    number = next(c.case_number for c in station.cases.list(status=Status.ACCEPTED))
    out, again_out = tmp_path / "out", tmp_path / "again"
    out.mkdir()
    again_out.mkdir()
    unsigned = svc.print_case(number, "acceptance", operator_id="op-t", printer=f"pdf:{out}")
    assert unsigned.state == "printed"
    [first] = out.glob("*.pdf")
    assert images(first.read_bytes(), tmp_path) == []
    station.attachments.add(
        number,
        signature_png(),
        material_id=None,
        filename="signature-acceptance.png",
        mime="image/png",
        operator="clerk01",
        kind="signature",
        document="acceptance",
        strokes=1,
    )
    again = svc.print_case(number, "acceptance", operator_id="op-t", printer=f"pdf:{again_out}")
    assert again.state == "printed" and again.reprint
    [second] = again_out.glob("*.pdf")
    assert len(images(second.read_bytes(), tmp_path)) >= 1
    assert "申请人（代办人）签收：" in flat(pdftotext(second.read_bytes(), tmp_path))


def test_a_receipt_signed_on_screen_says_it_was_received(fonts: FontSet, tmp_path: Path) -> None:
    """签收: the 受理通知书 signed on the citizen screen carries the signature on its 签收 line
    and the words 已收到; unsigned, neither (a pen signs the paper)."""
    case = f.make_case()
    plain = render_pdf(build_document(ctx("acceptance", case)), fonts).pdf
    signed = render_pdf(
        build_document(ctx("acceptance", case, extra={"signature": (signature_png(), SIGNED_AT)})),
        fonts,
    ).pdf
    assert images(plain, tmp_path) == []
    assert "已收到" not in flat(pdftotext(plain, tmp_path))
    listed = images(signed, tmp_path)
    assert sorted(row[2] for row in listed) == ["image", "smask"]
    text = flat(pdftotext(signed, tmp_path))
    assert "本通知书已收到" in text and "签收" in text and "日期：2026年11月22日" in text
    assert text.index("本通知书已收到") < text.index("日期：2026年11月22日")
