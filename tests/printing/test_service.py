"""The dispatcher against the real station store: states, reprints, failures, retries."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.station import Station
from intake.status import Status
from printing.errors import JobNotRetryable, UnknownDocument
from printing.service import PrintOptions, PrintService


@pytest.fixture
def station(station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Station]:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    with Station.open(station_dir) as st:
        yield st


def service(st: Station, **kw: object) -> PrintService:
    return PrintService(
        jobs=st.print_jobs,
        cases=st.cases,
        settings=lambda: st.settings,
        catalog=lambda: st.catalog,
        options=PrintOptions(),
        **kw,
    )  # type: ignore[arg-type]


def case_in(st: Station, status: Status) -> str:
    return next(c.case_number for c in st.cases.list(status=status))


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_print_to_pdf_folder_records_each_step(station: Station, tmp_path: Path) -> None:
    svc = service(station)
    number = case_in(station, Status.SUPPLEMENT)
    case = station.cases.get(number)
    assert svc.missing_notice(case) == "supplement"
    job = svc.print_case(number, "supplement", operator_id="op-t", printer=f"pdf:{tmp_path}")
    assert (job.state, job.error, job.reprint) == ("printed", "", False)
    assert job.case_number == number and job.attempts == 1
    assert svc.missing_notice(case) is None
    [pdf] = tmp_path.glob("*.pdf")
    text = text_of(pdf)
    assert number in text and "补正材料通知书" in text and station.settings.office_name in text
    assert case.applicant.name in text and case.applicant.id_number not in text


def test_second_print_is_a_reprint_with_the_original_number(
    station: Station, tmp_path: Path
) -> None:
    svc = service(station)
    number = case_in(station, Status.ACCEPTED)
    case_id = station.cases.get(number).id
    before = [j for j in station.print_jobs.for_case(case_id) if j.kind == "materials"]
    first = svc.print_case(number, "materials", operator_id="op-t", printer=f"pdf:{tmp_path}")
    second = svc.print_case(number, "materials", operator_id="op-t", printer=f"pdf:{tmp_path}")
    assert first.state == second.state == "printed"
    assert first.reprint == any(j.state == "printed" for j in before)
    assert second.reprint
    assert second.doc_number != first.doc_number  # the store never reuses a number...
    original = min(
        (
            j
            for j in station.print_jobs.for_case(case_id)
            if j.kind == "materials" and j.state == "printed"
        ),
        key=lambda j: j.created_at,
    )
    [reprint] = [p for p in tmp_path.glob("*.pdf") if "reprint" in p.name]
    text = text_of(reprint)
    assert "补打" in text and "补打时间" in text
    # ...but the paper keeps the original document's number
    assert f"〔{original.year}〕{original.doc_number:06d}号" in text


def test_missing_printer_fails_then_retry_elsewhere(station: Station, tmp_path: Path) -> None:
    svc = service(station)
    number = case_in(station, Status.ACCEPTED)
    job = svc.print_case(number, "acceptance", operator_id="op-t", printer=f"pdf:{tmp_path}/nope")
    assert (job.state, job.error) == ("failed", "printer.not_found")
    assert job.id in {j.id for j in station.print_jobs.unfinished()}
    done = svc.retry(job.id, printer=f"pdf:{tmp_path}")
    assert done.state == "printed" and done.printer == f"pdf:{tmp_path}"
    assert done.attempts == job.attempts + 1  # the store counts a sent job as an attempt
    with pytest.raises(JobNotRetryable):
        svc.retry(job.id)


def test_no_printer_at_all_is_a_failed_job(station: Station) -> None:
    svc = service(station)
    job = svc.print_case(case_in(station, Status.ACCEPTED), "acceptance", operator_id="op-t")
    assert (job.state, job.error) == ("failed", "printer.not_found")


def test_document_that_does_not_apply_is_recorded_not_pending(
    station: Station, tmp_path: Path
) -> None:
    svc = service(station)
    job = svc.print_case(
        case_in(station, Status.ACCEPTED),
        "rejection",
        operator_id="op-t",
        printer=f"pdf:{tmp_path}",
    )
    assert (job.state, job.error) == ("cancelled", "document.not_applicable")
    assert job.id not in {j.id for j in station.print_jobs.unfinished()}
    assert list(tmp_path.iterdir()) == []


def test_unknown_kind_is_refused_before_a_job_exists(station: Station) -> None:
    with pytest.raises(UnknownDocument):
        service(station).submit(case_in(station, Status.ACCEPTED), "poster", operator_id="op-t")


def test_a_bug_is_recorded_and_raised_not_swallowed(station: Station) -> None:
    def broken(target: str) -> object:
        raise RuntimeError("boom")

    svc = service(station, printers=broken)
    job = svc.submit(
        case_in(station, Status.ACCEPTED), "acceptance", operator_id="op-t", printer="x"
    )
    with pytest.raises(RuntimeError):
        svc.run(job)
    [after] = [j for j in station.print_jobs.for_case(job.case_id) if j.id == job.id]
    assert (after.state, after.error) == ("failed", "print.unexpected")
