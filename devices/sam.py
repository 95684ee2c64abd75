"""GA 467 SAM reader protocol over any ByteConnection (serial, USB CDC, a test pty).

find → select → read, SAM id and status. Logs carry commands, status codes and lengths only:
answers are personal data.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from datetime import date

from devices.connection import ByteConnection
from devices.errors import (
    CardError,
    CardNotFound,
    CardRemoved,
    FrameError,
    sw3_error,
)
from devices.frames import FrameDecoder, Response, build_command, parse_response
from devices.textblock import TEXT_LEN, decode_added_address, decode_text_block
from intake.identity import Identity, check_identity

log = logging.getLogger(__name__)

SW3_OK = 0x90
SW3_NO_CONTENT = 0x91
SW3_FOUND = 0x9F
SW3_NOT_FOUND = 0x80

# (CMD, PARA) per GA 467
RESET = (0x10, 0xFF)
STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND = (0x20, 0x01)
SELECT = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_WITH_FINGERPRINT = (0x30, 0x10)
READ_ADDED_ADDRESS = (0x30, 0x03)
SET_MAX_RF = (0x61, 0xFF)

#: after a successful select these statuses mean the card left the field: "read again"
_PULLED = {0x41, 0x80, 0x81}


@dataclass(frozen=True)
class CardData:
    """The raw answer of a read: text block, photo (WLT) and optional fingerprint."""

    text: bytes
    photo: bytes
    fingerprint: bytes | None = None

    def __repr__(self) -> str:
        return f"CardData(text={len(self.text)}, photo={len(self.photo)})"


def split_read_data(data: bytes, *, fingerprint: bool) -> CardData:
    """Split a read answer by its length header; inconsistent lengths are a frame error."""
    header = 6 if fingerprint else 4
    if len(data) < header:
        raise FrameError(
            "the read answer is shorter than its header",
            code="frame.length",
            details={"length": len(data)},
        )
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    fp_len = int.from_bytes(data[4:6], "big") if fingerprint else 0
    if text_len != TEXT_LEN or header + text_len + photo_len + fp_len != len(data):
        raise FrameError(
            "the read answer's lengths do not add up",
            code="frame.length",
            details={"length": len(data), "text_len": text_len, "photo_len": photo_len},
        )
    text = data[header : header + text_len]
    photo = data[header + text_len : header + text_len + photo_len]
    fp = data[header + text_len + photo_len :] if fingerprint else None
    return CardData(text, photo, fp)


class SamProtocol:
    """One SAM reader on a byte connection. Not thread-safe: the device thread owns it."""

    def __init__(
        self, conn: ByteConnection, *, timeout: float = 2.0, read_timeout: float = 5.0
    ) -> None:
        self._conn = conn
        self._timeout = timeout
        self._read_timeout = read_timeout  # reading text+photo takes the SAM about a second
        self._decoder = FrameDecoder()
        self._lift_pending = False

    def transceive(
        self, command: tuple[int, int], data: bytes = b"", *, timeout: float | None = None
    ) -> Response:
        """Send one command, wait for one answer frame; garbage before it is skipped."""
        name = f"{command[0]:02X}{command[1]:02X}"
        self._conn.discard_input()
        self._decoder.reset()
        self._conn.write(build_command(command[0], command[1], data))
        deadline = time.monotonic() + (timeout if timeout is not None else self._timeout)
        while True:
            payload = self._decoder.next_payload()
            if payload is not None:
                response = parse_response(payload)
                log.debug(
                    "sam %s -> sw3=%02X len=%d skipped=%d",
                    name,
                    response.sw3,
                    len(response.data),
                    self._decoder.skipped,
                )
                return response
            left = deadline - time.monotonic()
            if left <= 0:
                code = "frame.truncated" if self._decoder.pending else "frame.timeout"
                log.debug("sam %s -> %s after %d bytes", name, code, self._decoder.pending)
                raise FrameError(
                    "the reader stopped in the middle of an answer"
                    if self._decoder.pending
                    else "the reader did not answer in time",
                    code=code,
                    details={"command": name, "received": self._decoder.pending},
                )
            chunk = self._conn.read(self._decoder.needed() or 64, left)
            self._decoder.feed(chunk)

    def _expect(self, response: Response, command: tuple[int, int], *ok: int) -> Response:
        if response.sw3 not in ok:
            raise sw3_error(response.sw3, f"{command[0]:02X}{command[1]:02X}")
        return response

    def reset(self) -> None:
        self._expect(self.transceive(RESET), RESET, SW3_OK)

    def status(self) -> None:
        """Raise the SAM's error if it is not ready (the health check of the watchdog)."""
        self._expect(self.transceive(STATUS), STATUS, SW3_OK)

    def sam_id(self) -> str:
        """The SAM's 16-byte id, formatted as vendors print it."""
        data = self._expect(self.transceive(SAM_ID), SAM_ID, SW3_OK).data
        if len(data) != 16:
            raise FrameError(
                "a SAM id has 16 bytes", code="frame.length", details={"length": len(data)}
            )
        a, b = int.from_bytes(data[0:2], "little"), int.from_bytes(data[2:4], "little")
        rest = [int.from_bytes(data[i : i + 4], "little") for i in (4, 8, 12)]
        return f"{a:02d}.{b:02d}-{rest[0]:010d}-{rest[1]:010d}-{rest[2]:010d}"

    def set_max_rf(self, size: int) -> None:
        self._expect(self.transceive(SET_MAX_RF, bytes([size])), SET_MAX_RF, SW3_OK)

    def find_card(self) -> bool:
        """True if a card is in the field and was not read yet (readers hide a read card)."""
        response = self._expect(self.transceive(FIND), FIND, SW3_FOUND, SW3_NOT_FOUND)
        found = response.sw3 == SW3_FOUND
        if found:
            self._lift_pending = False
        return found

    def select_card(self) -> None:
        self._expect(self.transceive(SELECT), SELECT, SW3_OK)

    def read_card(self, *, fingerprint: bool = False) -> CardData:
        command = READ_WITH_FINGERPRINT if fingerprint else READ_TEXT_PHOTO
        response = self._expect(
            self.transceive(command, timeout=self._read_timeout), command, SW3_OK
        )
        return split_read_data(response.data, fingerprint=fingerprint)

    def read_added_address(self) -> str | None:
        response = self._expect(
            self.transceive(READ_ADDED_ADDRESS, timeout=self._read_timeout),
            READ_ADDED_ADDRESS,
            SW3_OK,
            SW3_NO_CONTENT,
        )
        return None if response.sw3 == SW3_NO_CONTENT else decode_added_address(response.data)

    def read_identity(
        self,
        *,
        already_found: bool = False,
        fingerprint: bool = False,
        added_address: bool = False,
        today: date | None = None,
    ) -> Identity:
        """find → select → read → decode → check. A card pulled midway raises ``card.removed``."""
        if not already_found and not self.find_card():
            if self._lift_pending:
                raise CardNotFound("lift the card and place it again", code="card.lift_required")
            raise CardNotFound("no card on the reader", code="card.not_found")
        self._lift_pending = False
        self.select_card()
        try:
            data = self.read_card(fingerprint=fingerprint)
            extra_address = self.read_added_address() if added_address else None
        except CardError as exc:
            if exc.details.get("sw3") in {f"{s:02X}" for s in _PULLED}:
                raise CardRemoved(
                    "the card was moved during the read: place it again",
                    details={"sw3": exc.details["sw3"], "was": exc.code},
                ) from exc
            raise
        self._lift_pending = True
        identity = decode_text_block(data.text, data.photo if len(data.photo) else None)
        if extra_address:
            identity = replace(identity, extras={**identity.extras, "added_address": extra_address})
        checked = check_identity(identity, today=today)
        log.debug(
            "sam read ok: text=%d photo=%d warnings=%s",
            len(data.text),
            len(data.photo),
            ",".join(checked.warnings),
        )
        return checked
