"""A real CUPS scheduler with a cups-pdf queue: jobs go through, failures are kept for retry."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.station import Station
from intake.status import Status
from printing.backends import ipp, list_printers, open_printer
from printing.context import tracking_url
from printing.service import PrintOptions, PrintService
from tests.printing.cupsd import Cupsd
from tests.printing.pdftools import scan


@pytest.fixture
def station(station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Station]:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    with Station.open(station_dir) as st:
        yield st


def service(st: Station, cups: Cupsd, timeout: float = 30) -> PrintService:
    return PrintService(
        jobs=st.print_jobs,
        cases=st.cases,
        settings=lambda: st.settings,
        catalog=lambda: st.catalog,
        options=PrintOptions(confirm_timeout=timeout, cups_server=cups.socket),
    )


def accepted_case(st: Station) -> str:
    return next(c.case_number for c in st.cases.list(status=Status.ACCEPTED))


def wait_pdf(folder: Path, before: set[Path], timeout: float = 20) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = set(folder.glob("*.pdf")) - before
        if new:
            return new.pop()
        time.sleep(0.1)
    raise AssertionError("cups-pdf wrote no file")


def test_job_goes_through_cups_pdf(station: Station, cups: Cupsd, tmp_path: Path) -> None:
    out = cups.add_pdf_queue("wd_ok")
    svc = service(station, cups)
    number = accepted_case(station)
    before = set(out.glob("*.pdf"))
    job = svc.print_case(number, "acceptance", operator_id="op-test", printer="wd_ok")
    assert job.state == "printed", job.error
    assert job.error == "" and job.printer == "wd_ok"
    pdf = wait_pdf(out, before)
    case = station.cases.get(number)
    # cups-pdf re-creates the PDF through Ghostscript (no text layer): compare by scanning
    codes = scan(pdf, tmp_path)
    assert tracking_url(station.settings.tracking_url_template, number, case.id) in codes
    assert number in codes
    assert svc.missing_notice(case) is None
    assert job.id not in {j.id for j in station.print_jobs.unfinished()}
    assert any(p.target == "wd_ok" for p in list_printers(cups.socket))


def test_ticket_goes_with_80mm_media(station: Station, cups: Cupsd) -> None:
    out = cups.add_pdf_queue("wd_ticket")
    svc = service(station, cups)
    from printing.context import QueueInfo

    job = svc.submit(accepted_case(station), "ticket", operator_id="op-test", printer="wd_ticket")
    job = svc.run(job, queue=QueueInfo("B003", 2))
    assert job.state == "printed", job.error
    info = subprocess.run(
        ["pdfinfo", str(wait_pdf(out, set()))], capture_output=True, text=True, check=True
    ).stdout
    width = float(info.split("Page size:")[1].split()[0])
    assert abs(width - 80 / 25.4 * 72) < 3  # the 80 mm media option reached the queue


def test_disabled_printer_fails_the_job_and_keeps_it_for_retry(
    station: Station, cups: Cupsd, tmp_path: Path
) -> None:
    out = cups.add_pdf_queue("wd_off")
    assert cups.run("cupsdisable", "wd_off").returncode == 0
    svc = service(station, cups)
    number = accepted_case(station)
    started = time.monotonic()
    job = svc.print_case(number, "acceptance", operator_id="op-test", printer="wd_off")
    assert time.monotonic() - started < 10  # reported at once, the caller is not held
    assert job.state == "failed" and job.error == "printer.offline"
    assert job.id in {j.id for j in station.print_jobs.unfinished()}
    assert cups.run("lpstat", "-o", "wd_off").stdout.strip() == ""  # nothing left queued
    # the printer comes back: the same job is retried and printed, marked as a reprint only
    # if the notice had been printed before
    assert cups.run("cupsenable", "wd_off").returncode == 0
    again = svc.retry(job.id)
    assert again.state == "printed" and again.id == job.id and again.attempts >= 2
    assert job.id not in {j.id for j in station.print_jobs.unfinished()}
    assert wait_pdf(out, set()).exists()


def test_rejecting_queue_and_unknown_queue(station: Station, cups: Cupsd) -> None:
    cups.add_pdf_queue("wd_rej")
    assert cups.run("cupsreject", "wd_rej").returncode == 0
    svc = service(station, cups)
    number = accepted_case(station)
    job = svc.print_case(number, "materials", operator_id="op-test", printer="wd_rej")
    assert (job.state, job.error) == ("failed", "printer.rejecting")
    job = svc.print_case(number, "materials", operator_id="op-test", printer="no_such_queue")
    assert (job.state, job.error) == ("failed", "printer.not_found")


def test_queue_stopped_while_printing_is_reported(station: Station, cups: Cupsd) -> None:
    """The cups-pdf queue is stopped by a held job (printer disabled after send)."""
    cups.add_pdf_queue("wd_stop")
    printer = open_printer("wd_stop", cups_server=cups.socket)
    svc = service(station, cups, timeout=5)
    job = svc.submit(accepted_case(station), "materials", operator_id="op-test", printer="wd_stop")
    # hold the queue after the check but before CUPS runs the job
    real_send = printer.send

    def send_then_disable(payload):  # type: ignore[no-untyped-def]
        cups.run("cupsdisable", "wd_stop")
        return real_send(payload)

    printer.send = send_then_disable  # type: ignore[method-assign]
    svc._printers = lambda target: printer
    job = svc.run(job)
    assert (job.state, job.error) == ("failed", "printer.offline")
    assert cups.run("lpstat", "-o", "wd_stop").stdout.strip() == ""  # cancelled in CUPS


PAPER_OUT_BACKEND = """#!/bin/sh
# A printer that takes the job and then waits for paper, as CUPS backends report it.
[ $# -eq 0 ] && { echo 'direct wdpaper "Unknown" "paper-out test printer"'; exit 0; }
cat > /dev/null
echo "STATE: +media-empty-error" >&2
echo "ERROR: out of paper" >&2
sleep 30
exit 0
"""


def test_printer_out_of_paper_is_reported(station: Station, cups: Cupsd) -> None:
    cups.add_device_queue("wdpaper", PAPER_OUT_BACKEND)
    svc = service(station, cups, timeout=20)
    started = time.monotonic()
    job = svc.print_case(
        accepted_case(station), "materials", operator_id="op-test", printer="wdpaper"
    )
    assert (job.state, job.error) == ("failed", "printer.paper_out")
    assert time.monotonic() - started < 15  # not the confirm timeout: the state is read
    assert cups.run("lpstat", "-o", "wdpaper").stdout.strip() == ""  # cancelled in CUPS


FAILING_BACKEND = """#!/bin/sh
[ $# -eq 0 ] && { echo 'direct wdbroken "Unknown" "failing test printer"'; exit 0; }
cat > /dev/null
echo "ERROR: the device reported a fault" >&2
exit 1
"""


def test_job_cups_aborts_is_a_failed_job(station: Station, cups: Cupsd) -> None:
    cups.add_device_queue("wdbroken", FAILING_BACKEND)
    assert (
        cups.run("lpadmin", "-p", "wdbroken", "-o", "printer-error-policy=abort-job").returncode
        == 0
    )
    svc = service(station, cups, timeout=20)
    job = svc.print_case(
        accepted_case(station), "materials", operator_id="op-test", printer="wdbroken"
    )
    assert (job.state, job.error) == ("failed", "printer.failed")
    assert job.id in {j.id for j in station.print_jobs.unfinished()}


def test_ipp_job_state_from_the_scheduler(cups: Cupsd, tmp_path: Path) -> None:
    cups.add_pdf_queue("wd_ipp")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(_tiny_pdf())
    r = cups.run("lp", "-d", "wd_ipp", str(pdf))
    job_id = int(r.stdout.split("request id is wd_ipp-")[1].split()[0])
    deadline = time.monotonic() + 20
    state = ipp.job_state(job_id, cups.socket)
    while state != ipp.COMPLETED and time.monotonic() < deadline:
        time.sleep(0.1)
        state = ipp.job_state(job_id, cups.socket)
    assert state == ipp.COMPLETED
    assert ipp.job_state(99999, cups.socket) is None  # no such job: the server says nothing
    assert ipp.job_state(job_id, str(tmp_path / "no.sock")) is None  # no server


def _tiny_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 72, "ipp")
    c.save()
    return buf.getvalue()
