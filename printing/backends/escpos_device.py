"""ESC/POS thermal printers over the network, a serial line, USB or a device file.

Targets: ``escpos+tcp://HOST:PORT``, ``escpos+serial:///dev/ttyUSB0?baudrate=19200``,
``escpos+usb://0416:5011``, ``escpos+file:///dev/usb/lp0``. Add ``status=1`` to the query
to ask the printer for its paper sensor (``DLE EOT 4``) before and after the ticket; not every
printer answers, so it is opt-in. Without it, "printed" means "every byte was accepted".
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from escpos import printer as escpos_printer
from escpos.exceptions import DeviceNotFoundError
from escpos.exceptions import Error as EscposError

from printing.backends.base import Payload
from printing.errors import PaperOut, PrinterFailed, PrinterNotFound, PrinterOffline

RT_STATUS_PAPER = b"\x10\x04\x04"


class EscposPrinter:
    format = "escpos"

    def __init__(self, target: str, *, timeout: float = 5.0) -> None:
        self.target = target
        u = urlsplit(target)
        self.scheme = u.scheme.removeprefix("escpos+")
        self.query = {k: v[-1] for k, v in parse_qs(u.query).items()}
        self.status = self.query.get("status") == "1"
        self.timeout = timeout
        self._u = u

    def _device(self) -> Any:
        u = self._u
        try:
            if self.scheme == "tcp":
                return escpos_printer.Network(
                    u.hostname or "", u.port or 9100, timeout=self.timeout
                )
            if self.scheme == "serial":
                return escpos_printer.Serial(
                    u.path, baudrate=int(self.query.get("baudrate", "19200")), timeout=self.timeout
                )
            if self.scheme == "usb":
                vid, _, pid = u.netloc.partition(":")
                return escpos_printer.Usb(int(vid, 16), int(pid, 16))
            if self.scheme == "file":
                return escpos_printer.File(u.path)
        except (DeviceNotFoundError, OSError, ValueError) as exc:
            raise PrinterNotFound(
                "thermal printer not found", details={"target": self.target}
            ) from exc
        raise PrinterNotFound("unknown thermal printer address", details={"target": self.target})

    def _open(self) -> Any:
        dev = self._device()
        try:
            dev.open()
        except DeviceNotFoundError as exc:
            code = PrinterOffline if self.scheme == "tcp" else PrinterNotFound
            raise code(
                "cannot connect to the thermal printer", details={"target": self.target}
            ) from exc
        except (OSError, EscposError) as exc:
            raise PrinterOffline(
                "cannot open the thermal printer", details={"target": self.target}
            ) from exc
        return dev

    def _paper(self, dev: Any) -> None:
        try:
            dev._raw(RT_STATUS_PAPER)
            answer = dev._read()
        except (TimeoutError, OSError):
            return  # the printer does not answer status queries: nothing to conclude
        if answer and answer[0] & 0x60 == 0x60:
            raise PaperOut("the thermal printer is out of paper", details={"target": self.target})

    def check(self) -> None:
        dev = self._open()
        try:
            if self.status:
                self._paper(dev)
        finally:
            dev.close()

    def send(self, payload: Payload) -> str:
        dev = self._open()
        try:
            dev._raw(payload.data)
            if self.status:
                self._paper(dev)
        except (OSError, EscposError) as exc:
            raise PrinterOffline(
                "the thermal printer stopped taking data", details={"target": self.target}
            ) from exc
        finally:
            dev.close()
        return "sent"

    def confirm(self, handle: str, timeout: float) -> None:
        if handle != "sent":
            raise PrinterFailed("ticket not sent", details={"target": self.target})

    def cancel(self, handle: str) -> None:
        """Bytes already on the wire cannot be recalled."""
