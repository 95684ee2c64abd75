"""Print backends and the one place that turns a printer name into a backend.

Printer names: ``pdf:/folder`` (save as PDF), ``escpos+tcp://host:9100`` (and +serial, +usb,
+file) for thermal printers, ``escpos+win:NAME`` for a thermal printer installed in Windows,
``win:NAME`` for the Windows spooler, anything else is a CUPS queue (on Windows: a spooler
printer).
"""

from __future__ import annotations

import sys

from printing.backends.base import Payload, Printer, PrinterInfo
from printing.backends.cups import CupsPrinter, cups_default, cups_printers, cups_status
from printing.backends.escpos_device import EscposPrinter
from printing.backends.pdf_file import PdfFolder
from printing.backends.windows import WindowsPrinter, windows_printers
from printing.errors import PrinterNotFound

__all__ = [
    "Payload",
    "Printer",
    "PrinterInfo",
    "cups_status",
    "default_printer",
    "list_printers",
    "open_printer",
]


def open_printer(target: str, *, cups_server: str | None = None) -> Printer:
    if target.startswith("pdf:"):
        return PdfFolder(target[4:])
    if target.startswith("escpos+win:"):  # a thermal printer behind the Windows spooler
        return WindowsPrinter(target.removeprefix("escpos+win:"), raw_format="escpos")
    if target.startswith("escpos+"):
        return EscposPrinter(target)
    if target.startswith("win:"):
        return WindowsPrinter(target[4:])
    if not target:
        raise PrinterNotFound("no printer given and no default printer")
    if sys.platform == "win32":
        return WindowsPrinter(target)
    return CupsPrinter(target, server=cups_server)


def list_printers(cups_server: str | None = None) -> list[PrinterInfo]:
    return [*cups_printers(cups_server), *windows_printers()]


def default_printer(cups_server: str | None = None) -> str | None:
    if sys.platform == "win32":
        return next((p.target for p in windows_printers() if p.default), None)
    return cups_default(cups_server)
