"""The Windows print spooler (pywin32's ``win32print``), behind the same interface.

NOT TESTED on this project's Linux CI. PDFs go to the spooler as a RAW job, which printers
with PDF direct print accept (most current office laser printers); for other printers set
``shell=True`` to hand the file to the registered PDF application's "printto" verb, in
which case completion is confirmed only by the job leaving the queue. ESC/POS bytes always
go RAW. Printer state bits are those of ``PRINTER_INFO_2.Status``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from typing import Any

from printing.backends.base import Payload, PrinterInfo
from printing.errors import (
    BackendUnavailable,
    PaperOut,
    PrinterFailed,
    PrinterNotFound,
    PrinterOffline,
    PrintTimeout,
)

PRINTER_STATUS_PAUSED = 0x1
PRINTER_STATUS_ERROR = 0x2
PRINTER_STATUS_PAPER_OUT = 0x10
PRINTER_STATUS_OFFLINE = 0x80
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x400
JOB_STATUS_ERROR = 0x2
JOB_STATUS_OFFLINE = 0x20
JOB_STATUS_PAPEROUT = 0x40


def _win32() -> Any:
    if sys.platform != "win32":
        raise BackendUnavailable("the Windows spooler exists only on Windows")
    try:
        import win32print
    except ImportError as exc:
        raise BackendUnavailable(
            "pywin32 is not installed", details={"hint": "pip install pywin32"}
        ) from exc
    return win32print


class WindowsPrinter:
    def __init__(self, name: str, *, raw_format: str = "pdf", shell: bool = False) -> None:
        self.name = name
        self.target = f"win:{name}"
        self.format = raw_format
        self.shell = shell
        self.w = _win32()

    def _handle(self) -> Any:
        try:
            return self.w.OpenPrinter(self.name)
        except Exception as exc:  # pywintypes.error
            raise PrinterNotFound(
                "no such Windows printer", details={"printer": self.name}
            ) from exc

    def check(self) -> None:
        h = self._handle()
        try:
            info = self.w.GetPrinter(h, 2)
        finally:
            self.w.ClosePrinter(h)
        status, attrs = info["Status"], info["Attributes"]
        if status & PRINTER_STATUS_PAPER_OUT:
            raise PaperOut("the printer is out of paper", details={"printer": self.name})
        if (
            status & (PRINTER_STATUS_OFFLINE | PRINTER_STATUS_PAUSED)
            or attrs & PRINTER_ATTRIBUTE_WORK_OFFLINE
        ):
            raise PrinterOffline("the printer is offline or paused", details={"printer": self.name})
        if status & PRINTER_STATUS_ERROR:
            raise PrinterFailed("the printer reports an error", details={"printer": self.name})

    def send(self, payload: Payload) -> str:
        if self.shell and payload.format == "pdf":
            import win32api

            fd, path = tempfile.mkstemp(suffix=".pdf")
            with os.fdopen(fd, "wb") as f:
                f.write(payload.data)
            win32api.ShellExecute(0, "printto", path, f'"{self.name}"', ".", 0)
            return "shell"
        h = self._handle()
        try:
            job = self.w.StartDocPrinter(h, 1, (payload.name, None, "RAW"))
            self.w.StartPagePrinter(h)
            self.w.WritePrinter(h, payload.data)
            self.w.EndPagePrinter(h)
            self.w.EndDocPrinter(h)
        except Exception as exc:
            raise PrinterFailed(
                "the spooler refused the job", details={"printer": self.name}
            ) from exc
        finally:
            self.w.ClosePrinter(h)
        return str(job)

    def confirm(self, handle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            h = self._handle()
            try:
                jobs = self.w.EnumJobs(h, 0, 999, 1)
            finally:
                self.w.ClosePrinter(h)
            mine = [j for j in jobs if str(j["JobId"]) == handle]
            if handle == "shell" and not jobs:
                return
            if handle != "shell" and not mine:
                return
            for j in mine:
                if j["Status"] & JOB_STATUS_PAPEROUT:
                    raise PaperOut("the printer is out of paper", details={"printer": self.name})
                if j["Status"] & (JOB_STATUS_OFFLINE | JOB_STATUS_ERROR):
                    raise PrinterOffline("the job is stuck", details={"printer": self.name})
            time.sleep(0.5)
        raise PrintTimeout("the spooler did not finish the job", details={"printer": self.name})

    def cancel(self, handle: str) -> None:
        if not handle.isdigit():
            return
        h = self._handle()
        try:
            self.w.SetJob(h, int(handle), 0, None, 3)  # JOB_CONTROL_DELETE
        finally:
            self.w.ClosePrinter(h)


def windows_printers() -> list[PrinterInfo]:
    try:
        w = _win32()
    except BackendUnavailable:
        return []
    default = w.GetDefaultPrinter()
    flags = w.PRINTER_ENUM_LOCAL | w.PRINTER_ENUM_CONNECTIONS
    return [
        PrinterInfo(f"win:{p[2]}", "windows", "unknown", p[2] == default)
        for p in w.EnumPrinters(flags, None, 1)
    ]
