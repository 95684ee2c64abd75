"""The ``sam-serial`` backend: a GA 467 reader on a serial port (or a USB CDC port)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from devices.connection import ByteConnection
from devices.errors import ReaderError
from devices.reader import Reader
from devices.sam import SamProtocol
from intake.identity import Identity

log = logging.getLogger(__name__)


def _serial(port: str, baud: int) -> ByteConnection:
    from devices.serial_port import SerialConnection  # pyserial is an optional extra

    return SerialConnection(port, baud)


class SamSerialReader(Reader):
    """Opening checks the SAM's status, so a broken SAM shows up before the first card."""

    backend = "sam-serial"

    def __init__(
        self,
        port: str,
        baud: int = 115200,
        *,
        fingerprint: bool = False,
        added_address: bool = False,
        timeout: float = 2.0,
        read_timeout: float = 5.0,
        connect: Callable[[str, int], ByteConnection] = _serial,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._port = port
        self._baud = baud
        self._fingerprint = fingerprint
        self._added_address = added_address
        self._timeout = timeout
        self._read_timeout = read_timeout
        self._connect = connect
        self._today = today
        self._conn: ByteConnection | None = None
        self._sam: SamProtocol | None = None
        self._found = False

    @property
    def name(self) -> str:
        return self._port

    def open(self) -> None:
        self.close()
        conn = self._connect(self._port, self._baud)
        sam = SamProtocol(conn, timeout=self._timeout, read_timeout=self._read_timeout)
        try:
            sam.status()
        except BaseException:
            conn.close()
            raise
        self._conn, self._sam = conn, sam
        log.debug("sam-serial open")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = self._sam = None
        self._found = False

    def _protocol(self) -> SamProtocol:
        if self._sam is None:
            raise ReaderError("the reader is not open", code="reader.not_open")
        return self._sam

    def poll(self) -> bool:
        self._found = self._protocol().find_card()
        return self._found

    def read(self) -> Identity:
        sam = self._protocol()
        found, self._found = self._found, False
        return sam.read_identity(
            already_found=found,
            fingerprint=self._fingerprint,
            added_address=self._added_address,
            today=self._today(),
        )

    def sam_id(self) -> str:
        return self._protocol().sam_id()
