"""The one module that imports pyserial: a ByteConnection on a serial port, and port listing.

pyserial failures are turned into typed errors here: a port that does not exist is
``reader.not_found``, one we may not open is ``reader.permission`` (dialout group / udev
rule, see docs/devices.md), and a port that fails under us is ``reader.unplugged``.
"""

from __future__ import annotations

import errno
import logging
from typing import Any

import serial
from serial.tools import list_ports

from devices.errors import ReaderError, ReaderMissing

log = logging.getLogger(__name__)

try:  # termios.error is not an OSError; pyserial lets it escape on POSIX
    from termios import error as _TermiosError

    _IO_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, _TermiosError)
except ImportError:  # Windows
    _IO_ERRORS = (serial.SerialException, OSError)


class SerialConnection:
    """A serial line at ``baud`` 8N1, opened on construction."""

    def __init__(self, port: str, baud: int = 115200) -> None:
        self.port = port
        self._timeout: float | None = None
        try:
            self._serial = serial.Serial(port=port, baudrate=baud, timeout=0.5, exclusive=True)
        except serial.SerialException as exc:
            raise _open_error(port, exc) from None
        self._timeout = 0.5
        log.debug("serial open: baud=%d", baud)

    def _set_timeout(self, timeout: float) -> None:
        if timeout != self._timeout:
            self._serial.timeout = timeout
            self._timeout = timeout

    def write(self, data: bytes) -> None:
        try:
            self._serial.write(data)
            self._serial.flush()
        except _IO_ERRORS as exc:
            raise _gone(exc) from None

    def read(self, size: int, timeout: float) -> bytes:
        try:
            self._set_timeout(max(timeout, 0.0))
            first = bytes(self._serial.read(1))
            if not first:
                return b""
            waiting = min(self._serial.in_waiting, max(size - 1, 0))
            return first + (bytes(self._serial.read(waiting)) if waiting else b"")
        except _IO_ERRORS as exc:
            raise _gone(exc) from None

    def discard_input(self) -> None:
        try:
            self._serial.reset_input_buffer()
        except _IO_ERRORS as exc:
            raise _gone(exc) from None

    def close(self) -> None:
        try:
            self._serial.close()
        except _IO_ERRORS:
            log.debug("serial close failed (port already gone)")


def _errno_of(exc: BaseException) -> int | None:
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.errno
    for arg in getattr(exc, "args", ()):
        if isinstance(arg, int):
            return arg
    return None


def _open_error(port: str, exc: serial.SerialException) -> ReaderError | ReaderMissing:
    number = _errno_of(exc)
    text = str(exc)
    if number in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return ReaderError(
            "no permission to open the serial port (dialout group or udev rule)",
            code="reader.permission",
            details={"port": port},
        )
    if number == errno.EBUSY or "busy" in text.lower() or "lock" in text.lower():
        return ReaderError(
            "the serial port is used by another program",
            code="reader.busy",
            details={"port": port},
        )
    return ReaderMissing(
        "the serial port does not exist", code="reader.not_found", details={"port": port}
    )


def _gone(exc: BaseException) -> ReaderMissing:
    return ReaderMissing(
        "the reader went away (unplugged?)",
        code="reader.unplugged",
        details={"errno": _errno_of(exc)},
    )


def list_serial_ports() -> list[dict[str, Any]]:
    """Serial ports the OS knows, USB ones with their vendor/product ids."""
    return [
        {
            "port": p.device,
            "description": p.description,
            "vid": f"{p.vid:04X}" if p.vid is not None else None,
            "pid": f"{p.pid:04X}" if p.pid is not None else None,
        }
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]
