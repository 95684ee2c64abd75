"""Typed printing errors with stable dotted codes.

The codes are what a job records (``print_jobs.mark(..., error=code)``), what the desktop
maps to a message (``printing.messages``), and what tests assert on. Never rename one.
"""

from __future__ import annotations

from intake.errors import WindowDeskError


class PrintError(WindowDeskError):
    """Base of every expected printing failure."""

    code = "print.error"
    #: True when trying the same job again later may succeed (printer off, paper out...).
    retryable = True


class FontNotFound(PrintError):
    code = "font.not_found"
    retryable = False


class FontUnusable(PrintError):
    code = "font.unusable"
    retryable = False


class MissingGlyphs(PrintError):
    """Characters no installed font can draw (raised only when the caller asks to be strict)."""

    code = "font.missing_glyph"
    retryable = False


class DocumentNotApplicable(PrintError):
    """The case's state does not call for this document (不予受理 for an accepted case)."""

    code = "document.not_applicable"
    retryable = False


class UnknownDocument(PrintError):
    code = "document.unknown_kind"
    retryable = False


class TemplateError(PrintError):
    """A configured template (tracking URL, ...) cannot be filled."""

    code = "document.bad_template"
    retryable = False


class PrinterNotFound(PrintError):
    code = "printer.not_found"


class PrinterOffline(PrintError):
    code = "printer.offline"


class PaperOut(PrintError):
    code = "printer.paper_out"


class PrinterRejecting(PrintError):
    """The queue exists but refuses new jobs (CUPS ``reject``)."""

    code = "printer.rejecting"


class PrintTimeout(PrintError):
    """The job was handed over but no confirmation came in time."""

    code = "printer.timeout"


class PrinterFailed(PrintError):
    """The backend reported a failure we have no better code for; ``details`` says what."""

    code = "printer.failed"


class UnsupportedDocument(PrintError):
    """This printer cannot print this kind of document (an A4 notice on an 80 mm ticket printer)."""

    code = "printer.unsupported_document"
    retryable = False


class BackendUnavailable(PrintError):
    """The backend's system part is missing here (no ``lp``, not on Windows, no pywin32...)."""

    code = "printer.backend_unavailable"
    retryable = False


class JobNotRetryable(PrintError):
    code = "print.job_not_retryable"
    retryable = False
