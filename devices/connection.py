"""The two abstract connections card-protocol code is written against.

Protocol code (``sam``, ``socialsec``) never imports pyserial or pyscard: tests and the
simulators hand it any object with these methods, and exactly one adapter module per
transport (``serial_port``, ``pcsc``) implements them (yubikey-manager's
``SmartCardConnection`` pattern).
"""

from __future__ import annotations

from typing import Protocol


class ByteConnection(Protocol):
    """A byte stream to a reader (serial line, USB CDC, pty)."""

    def write(self, data: bytes) -> None:
        """Send all of ``data``; raise ReaderMissing if the line went away."""

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes, returning as soon as some arrived; b"" after ``timeout``."""

    def discard_input(self) -> None:
        """Drop whatever is waiting (a stale answer must not be taken for the next one)."""

    def close(self) -> None: ...


class ApduConnection(Protocol):
    """A connected smart card."""

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        """Send one command APDU; return the response data and the 16-bit status word."""
