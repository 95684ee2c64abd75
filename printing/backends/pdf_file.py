""" "Save as PDF": for stations without a printer, or to hand a file to another system."""

from __future__ import annotations

import os
import re
from pathlib import Path

from printing.backends.base import Payload
from printing.errors import PrinterFailed, PrinterNotFound, PrintTimeout

_UNSAFE = re.compile(r"[^\w\-.]+", re.UNICODE)


class PdfFolder:
    format = "pdf"

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.target = f"pdf:{self.folder}"

    def check(self) -> None:
        if not self.folder.is_dir():
            raise PrinterNotFound(
                "the PDF folder does not exist", details={"folder": str(self.folder)}
            )
        if not os.access(self.folder, os.W_OK):
            raise PrinterFailed(
                "the PDF folder is not writable", details={"folder": str(self.folder)}
            )

    def send(self, payload: Payload) -> str:
        """Written to a temporary name, flushed to disk, then renamed: never a half file."""
        name = _UNSAFE.sub("_", payload.name).strip("_") or "document"
        path = self.folder / f"{name}.pdf"
        tmp = path.with_suffix(".pdf.part")
        try:
            with open(tmp, "wb") as f:
                f.write(payload.data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise PrinterFailed("cannot write the PDF", details={"errno": exc.errno}) from exc
        return str(path)

    def confirm(self, handle: str, timeout: float) -> None:
        if not Path(handle).is_file():
            raise PrintTimeout("the saved PDF is missing", details={"path": handle})

    def cancel(self, handle: str) -> None:
        Path(handle).unlink(missing_ok=True)
