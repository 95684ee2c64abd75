"""The kiosk's 80 mm ticket: number, queue, matter, time, people ahead and the QR code of
the pre-intake, with no name or ID number; a missing printer is an answer, not a crash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.station import Station
from printing.documents.kiosk_ticket import KioskTicket
from printing.service import PrintOptions, PrintService
from tests.printing.pdftools import pdftotext, scan


@pytest.fixture
def station(station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Station]:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    with Station.open(station_dir) as st:
        yield st


def _service(st: Station) -> PrintService:
    return PrintService(
        jobs=st.print_jobs,
        cases=st.cases,
        settings=lambda: st.settings,
        options=PrintOptions(),
    )  # type: ignore[arg-type]


TICKET = KioskTicket(
    number="C012",
    queue_name="社保医保",
    title="社会保障卡申领",
    taken_at=datetime(2026, 12, 1, 1, 5, tzinfo=UTC),
    ahead=4,
    code="WDPRE:0192f0a1-0000-7000-8000-00000000abcd",
    pre_intake=True,
)


def test_the_ticket_prints_number_matter_time_ahead_and_the_pre_intake_qr(
    station: Station, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = _service(station).print_kiosk_ticket(TICKET, printer=f"pdf:{out}")
    assert done.ok and done.error == ""
    pdf = Path(done.handle).read_bytes()
    text = "".join(pdftotext(pdf, tmp_path).split())
    for wanted in ("排队凭条", "C012", "社保医保", "社会保障卡申领", "2026年12月1日09:05", "4人"):
        assert wanted in text, wanted
    assert "预受理" in text and "长沙县政务服务中心" in text
    codes = scan(pdf, tmp_path)
    assert any(TICKET.code in c for c in codes), codes  # the counter's scanner opens it


def test_a_ticket_without_a_printer_is_answered_not_raised(station: Station) -> None:
    done = _service(station).print_kiosk_ticket(TICKET, printer="pdf:/nonexistent/folder")
    assert not done.ok and done.error.startswith("printer")
