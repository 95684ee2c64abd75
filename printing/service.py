"""Print dispatch: render → send → confirm, every step recorded through the print-jobs store.

``PrintService.run`` does one job and returns its final state; it never raises for a printer
or document problem (the job is kept as ``failed`` with the error code, retryable), so the
caller — a worker thread, never the UI thread — is not blocked beyond the confirm timeout and
nothing is lost. Only an unexpected bug propagates, after the job was marked failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from intake.catalog.model import Catalog
from intake.clock import now
from intake.services.handover import HandoverBatch, HandoverCase
from intake.status import Status
from intake.views import CaseView
from printing.backends import Payload, Printer, open_printer
from printing.context import DocContext, MaskPolicy, Office, QueueInfo, SettingsLike
from printing.documents import KINDS, build_document
from printing.documents.kiosk_ticket import KioskTicket, kiosk_ticket
from printing.errors import JobNotRetryable, PrinterNotFound, PrintError, UnknownDocument
from printing.fonts import FontSet, load_font_set
from printing.model import Paper
from printing.pdf import RenderResult, render_pdf
from printing.thermal import render_escpos

log = logging.getLogger(__name__)

#: The notice a case in a given status must have on paper.
REQUIRED_NOTICE: Mapping[Status, str] = {
    Status.ACCEPTED: "acceptance",
    Status.SUPPLEMENT: "supplement",
    Status.REJECTED: "rejection",
    Status.DELIVERED: "delivery",  # 送达回证: the proof the result reached the applicant
    Status.WITHDRAWN: "withdrawal",  # 撤回申请回执
}


def required_notices(case: CaseView) -> list[str]:
    """The documents a just-recorded decision hands to the applicant, in printing order:
    the decision's notice, then the 容缺 promise and the 告知承诺书 when a material is
    deferred or covered by a commitment."""
    kinds = [REQUIRED_NOTICE[case.status]] if case.status in REQUIRED_NOTICE else []
    states = {m.state.value for m in case.materials}
    if case.status is Status.ACCEPTED and "deferred" in states:
        kinds.append("promise")
    if case.status is Status.ACCEPTED and "commitment" in states:
        kinds.append("commitment")
    return kinds


class PrintJobLike(Protocol):
    """The fields of ``intake.services.print_jobs.PrintJob`` printing reads."""

    @property
    def id(self) -> str: ...
    @property
    def case_id(self) -> str: ...
    @property
    def case_number(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def doc_number(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def state(self) -> str: ...
    @property
    def printer(self) -> str: ...
    @property
    def reprint(self) -> bool: ...
    @property
    def attempts(self) -> int: ...
    @property
    def error(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def operator_id(self) -> str: ...


class PrintJobStore(Protocol):
    """``Station.print_jobs`` (``intake.services.print_jobs.PrintJobService``)."""

    def create(
        self, case_id: str, kind: str, *, printer: str, reprint: bool, operator_id: str
    ) -> PrintJobLike: ...
    def mark(
        self, job_id: str, state: str, *, error: str = "", printer: str | None = None
    ) -> PrintJobLike: ...
    def for_case(self, case_id: str) -> list[PrintJobLike]: ...
    def unfinished(self) -> list[PrintJobLike]: ...


class CaseSource(Protocol):
    """``Station.cases``: ``get`` takes a case number or id."""

    def get(self, case_number_or_id: str) -> CaseView: ...


@dataclass(frozen=True)
class PrintOptions:
    paper: Paper = Paper.A4
    paper_by_kind: Mapping[str, Paper] = field(default_factory=dict)
    mask_by_kind: Mapping[str, MaskPolicy] = field(default_factory=dict)
    strict_glyphs: bool = False  # True: refuse to print when a character has no glyph
    confirm_timeout: float = 60.0
    cups_server: str | None = None

    def paper_for(self, kind: str) -> Paper:
        if kind == "ticket":
            return Paper.ROLL80
        return self.paper_by_kind.get(kind, self.paper)


@dataclass(frozen=True)
class TicketPrinted:
    ok: bool
    error: str  # the printer's error code when not printed
    handle: str  # what the printer answered (the PDF path for a PDF folder)


@dataclass(frozen=True)
class Rendered:
    payload: Payload
    warnings: tuple[str, ...]
    pages: int


class PrintService:
    def __init__(
        self,
        *,
        jobs: PrintJobStore,
        cases: CaseSource,
        settings: Callable[[], SettingsLike],
        catalog: Callable[[], Catalog | None] = lambda: None,
        fonts: Callable[[], FontSet] = load_font_set,
        printers: Callable[[str], Printer] | None = None,
        default_printer: Callable[[], str | None] = lambda: None,
        options: PrintOptions | None = None,
        clock: Callable[[], datetime] = now,
        signature: Callable[[str, str], tuple[bytes, datetime] | None] = lambda _c, _k: None,
    ) -> None:
        """``signature(case_id, kind)``: the applicant's on-screen signature of that document
        and when it was signed (``Station.attachments.signature_for``), drawn on its line."""
        self.jobs = jobs
        self.cases = cases
        self._settings = settings
        self._catalog = catalog
        self._fonts_factory = fonts
        self._fonts: FontSet | None = None
        self.options = options or PrintOptions()
        self._printers = printers or (
            lambda t: open_printer(t, cups_server=self.options.cups_server)
        )
        self._default_printer = default_printer
        self.clock = clock
        self._signature = signature

    @property
    def fonts(self) -> FontSet:
        if self._fonts is None:
            self._fonts = self._fonts_factory()
        return self._fonts

    # -- rendering ------------------------------------------------------------------------

    def context(
        self,
        case: CaseView,
        kind: str,
        *,
        doc_number: int,
        year: int,
        reprint: bool = False,
        queue: QueueInfo | None = None,
        paper: Paper | None = None,
        watermark: str = "",
    ) -> DocContext:
        if kind not in KINDS:
            raise UnknownDocument(f"unknown document kind {kind!r}", details={"kind": kind})
        return DocContext(
            kind=kind,
            case=case,
            office=Office.from_settings(self._settings()),
            doc_number=doc_number,
            year=year,
            printed_at=self.clock(),
            reprint=reprint,
            paper=paper or self.options.paper_for(kind),
            mask=self.options.mask_by_kind.get(kind, MaskPolicy()),
            catalog=self._catalog(),
            queue=queue,
            watermark=watermark,
            extra={"signature": self._signature(case.id, kind)},
        )

    def render(self, ctx: DocContext, fmt: str = "pdf") -> Rendered:
        doc = build_document(ctx)
        name = f"{ctx.case.case_number}-{ctx.kind}-{ctx.year}-{ctx.doc_number:06d}"
        if ctx.reprint:
            name += "-reprint"
        if fmt == "escpos":
            e = render_escpos(doc)
            payload = Payload(name, e.data, "escpos", ctx.paper, 0)
            return Rendered(payload, e.warnings, 1)
        r: RenderResult = render_pdf(doc, self.fonts, strict_glyphs=self.options.strict_glyphs)
        return Rendered(Payload(name, r.pdf, "pdf", ctx.paper, r.height_mm), r.warnings, r.pages)

    def render_handover(
        self,
        cases: Sequence[HandoverCase],
        *,
        clerk: str,
        batch: HandoverBatch | None = None,
    ) -> Rendered:
        """The 材料交接清单 (A4 PDF): the list still to hand over, or a past batch."""
        from printing.documents.handover import handover_list

        office = Office.from_settings(self._settings())
        doc = handover_list(cases, office, printed_at=self.clock(), clerk=clerk, batch=batch)
        r = render_pdf(doc, self.fonts, strict_glyphs=self.options.strict_glyphs)
        name = f"{doc.doc_number_text}-handover"
        return Rendered(Payload(name, r.pdf, "pdf", Paper.A4, r.height_mm), r.warnings, r.pages)

    def print_handover(
        self,
        cases: Sequence[HandoverCase],
        *,
        clerk: str,
        batch: HandoverBatch | None = None,
        printer: str | None = None,
    ) -> Rendered:
        """Render and print the list on the A4 printer (raises ``PrintError`` when the
        printer fails: nothing is recorded by printing it, so there is nothing to lose)."""
        target = printer or self._default_printer()
        if not target:
            raise PrinterNotFound("no printer given and no default printer")
        device = self._printers(target)
        if device.format != "pdf":
            raise PrinterNotFound(
                "the hand-over list needs an A4 printer", details={"printer": target}
            )
        rendered = self.render_handover(cases, clerk=clerk, batch=batch)
        device.check()
        handle = device.send(rendered.payload)
        device.confirm(handle, self.options.confirm_timeout)
        return rendered

    # -- jobs -----------------------------------------------------------------------------

    def _original(self, case_id: str, kind: str, exclude: str) -> PrintJobLike | None:
        """The first printed job of this kind: a reprint carries its document number."""
        done = [
            j
            for j in self.jobs.for_case(case_id)
            if j.kind == kind and j.state == "printed" and j.id != exclude
        ]
        return min(done, key=lambda j: j.created_at) if done else None

    def submit(
        self,
        case_ref: str,
        kind: str,
        *,
        operator_id: str,
        printer: str | None = None,
        reprint: bool | None = None,
    ) -> PrintJobLike:
        """Record a job (state ``queued``) before anything can fail, so it is never lost.
        ``reprint`` defaults to whether this document was printed before."""
        if kind not in KINDS:
            raise UnknownDocument(f"unknown document kind {kind!r}", details={"kind": kind})
        case = self.cases.get(case_ref)
        target = printer or self._default_printer() or ""
        if reprint is None:
            reprint = self._original(case.id, kind, "") is not None
        return self.jobs.create(
            case.id, kind, printer=target, reprint=reprint, operator_id=operator_id
        )

    def run(self, job: PrintJobLike, *, queue: QueueInfo | None = None) -> PrintJobLike:
        """Render, send and confirm one job; returns it in its final state (printed/failed)."""
        handle: str | None = None
        printer: Printer | None = None
        try:
            if not job.printer:
                raise PrinterNotFound("no printer given and no default printer")
            printer = self._printers(job.printer)
            case = self.cases.get(job.case_id)
            number, year = job.doc_number, job.year
            if job.reprint:
                first = self._original(case.id, job.kind, job.id)
                if first is not None:
                    number, year = first.doc_number, first.year
            ctx = self.context(
                case, job.kind, doc_number=number, year=year, reprint=job.reprint, queue=queue
            )
            rendered = self.render(ctx, printer.format)
            job = self.jobs.mark(job.id, "rendered")
            printer.check()
            handle = printer.send(rendered.payload)
            job = self.jobs.mark(job.id, "sent")
            printer.confirm(handle, self.options.confirm_timeout)
            warnings = " ".join(rendered.warnings)
            if warnings:
                log.warning("printed with warnings: job %s %s", job.id, warnings)
            return self.jobs.mark(job.id, "printed", error=warnings)
        except PrintError as exc:
            # A printer problem keeps the job failed and retryable; a document that cannot be
            # made for this case (wrong status, no font) is recorded as cancelled with its code.
            state = "failed" if exc.retryable else "cancelled"
            log.warning("print job %s %s: %s %s", job.id, state, exc.code, exc.details)
            return self.jobs.mark(job.id, state, error=exc.code)
        except Exception:
            log.exception("print job %s: unexpected error", job.id)
            self.jobs.mark(job.id, "failed", error="print.unexpected")
            raise

    def print_case(
        self,
        case_ref: str,
        kind: str,
        *,
        operator_id: str,
        printer: str | None = None,
        reprint: bool | None = None,
        queue: QueueInfo | None = None,
    ) -> PrintJobLike:
        job = self.submit(case_ref, kind, operator_id=operator_id, printer=printer, reprint=reprint)
        return self.run(job, queue=queue)

    def retry(self, job_id: str, *, printer: str | None = None) -> PrintJobLike:
        """Run a failed (or interrupted) job again, optionally on another printer."""
        job = next((j for j in self.jobs.unfinished() if j.id == job_id), None)
        if job is None:
            raise JobNotRetryable("no unfinished job with that id", details={"job": job_id})
        if printer:  # back in the queue, for another printer (does not count as an attempt)
            job = self.jobs.mark(job.id, "queued", error=job.error, printer=printer)
        return self.run(job)

    def print_kiosk_ticket(
        self, ticket: KioskTicket, *, printer: str | None = None
    ) -> TicketPrinted:
        """Render and print a kiosk ticket (80 mm). It has no case, so no print-job row: a
        failure is answered (never raised) and the kiosk says "ask at the counter"; the
        ticket and its pre-intake are already saved, so nothing is lost."""
        target = printer or self._default_printer() or ""
        try:
            if not target:
                raise PrinterNotFound("no printer given and no default printer")
            device = self._printers(target)
            doc = kiosk_ticket(Office.from_settings(self._settings()), ticket)
            name = f"ticket-{doc.doc_number_text}"
            if device.format == "escpos":
                e = render_escpos(doc)
                payload = Payload(name, e.data, "escpos", Paper.ROLL80, 0)
            else:
                r = render_pdf(doc, self.fonts, strict_glyphs=self.options.strict_glyphs)
                payload = Payload(name, r.pdf, "pdf", Paper.ROLL80, r.height_mm)
            device.check()
            handle = device.send(payload)
            device.confirm(handle, self.options.confirm_timeout)
            return TicketPrinted(True, "", handle)
        except PrintError as exc:
            log.warning("kiosk ticket %s not printed: %s", ticket.number, exc.code)
            return TicketPrinted(False, exc.code, "")

    def missing_notice(self, case: CaseView) -> str | None:
        """The notice this case still lacks on paper ("accepted, notice not printed"), if any."""
        kind = REQUIRED_NOTICE.get(case.status)
        if kind is None:
            return None
        printed = any(j.kind == kind and j.state == "printed" for j in self.jobs.for_case(case.id))
        return None if printed else kind
