"""The social security card (社会保障卡) over any ApduConnection.

Select the application by AID, read EF05 (issuer data) and EF06 (holder data) record by
tag, retrying with the exact length on ``6Cxx`` and fetching with GET RESPONSE on ``61xx``.
A card that wants the PIN answers ``6982``: the PIN is asked through the handler (the driver
never knows the UI), ``63Cx`` says x tries are left, ``6983`` means blocked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from devices.connection import ApduConnection
from devices.errors import CardError, PinError
from devices.handler import Handler, PinRequest
from devices.textblock import card_date
from devices.tlv import bcd, parse_tlv
from intake.identity import DocType, Identity, check_identity

log = logging.getLogger(__name__)

AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")  # "sx1.sh.社会保障" (GBK)
EF05 = b"\xef\x05"
EF06 = b"\xef\x06"
SW_OK = 0x9000
SW_PIN_REQUIRED = 0x6982
SW_PIN_BLOCKED = 0x6983
SW_NOT_FOUND = (0x6A82, 0x6A81)
SW_NO_RECORD = 0x6A83


@dataclass(frozen=True)
class Apdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None

    def encode(self) -> bytes:
        out = bytes([self.cla, self.ins, self.p1, self.p2])
        if self.data:
            out += bytes([len(self.data)]) + self.data
        if self.le is not None:
            out += bytes([self.le & 0xFF])
        return out


def _sw_hex(sw: int) -> str:
    return f"{sw:04X}"


class SocialSecurityCard:
    """One read of one card; the device thread owns it for the duration of the read."""

    def __init__(self, conn: ApduConnection, handler: Handler, reader: str) -> None:
        self._conn = conn
        self._handler = handler
        self._reader = reader

    def _transmit(self, apdu: Apdu) -> tuple[bytes, int]:
        data, sw = self._conn.transmit(apdu.encode())
        if sw >> 8 == 0x6C:  # wrong Le: the card tells the right one
            data, sw = self._conn.transmit(
                Apdu(apdu.cla, apdu.ins, apdu.p1, apdu.p2, apdu.data, sw & 0xFF).encode()
            )
        chunks = [data]
        while sw >> 8 == 0x61:  # more data waiting: GET RESPONSE
            more, sw = self._conn.transmit(Apdu(0x00, 0xC0, 0x00, 0x00, le=sw & 0xFF).encode())
            chunks.append(more)
        log.debug("apdu ins=%02X -> sw=%04X len=%d", apdu.ins, sw, sum(map(len, chunks)))
        return b"".join(chunks), sw

    def select_application(self) -> None:
        _, sw = self._transmit(Apdu(0x00, 0xA4, 0x04, 0x00, AID))
        if sw in SW_NOT_FOUND:
            raise CardError(
                "this card is not a social security card",
                code="pcsc.not_social_security",
                details={"sw": _sw_hex(sw)},
            )
        if sw != SW_OK:
            raise CardError(
                "the social security application could not be selected",
                code="card.select_failed",
                details={"sw": _sw_hex(sw)},
            )

    def select_file(self, fid: bytes) -> None:
        _, sw = self._transmit(Apdu(0x00, 0xA4, 0x02, 0x00, fid))
        if sw != SW_OK:
            raise CardError(
                "a file of the social security application could not be selected",
                code="card.select_failed",
                details={"sw": _sw_hex(sw), "file": fid.hex().upper()},
            )

    def verify_pin(self) -> None:
        """Ask for the PIN until the card accepts it, the holder cancels, or it is blocked."""
        tries: int | None = None
        while True:
            pin = self._handler.get_pin(PinRequest(self._reader, tries))
            if pin is None:
                raise PinError(
                    "the card needs its PIN",
                    code="pcsc.pin_required",
                    details={"tries_left": tries},
                )
            if not (pin.isdigit() and 6 <= len(pin) <= 8):
                raise PinError("a PIN has 6 to 8 digits", code="pcsc.pin_format")
            padded = pin + "F" * (len(pin) % 2)
            _, sw = self._transmit(Apdu(0x00, 0x20, 0x00, 0x00, bytes.fromhex(padded)))
            if sw == SW_OK:
                return
            if sw == SW_PIN_BLOCKED or sw == 0x63C0:
                raise PinError("the card's PIN is blocked", code="pcsc.pin_blocked")
            if sw >> 4 == 0x63C:
                tries = sw & 0x0F
                continue
            raise PinError(
                "the card refused the PIN check",
                code="pcsc.pin_failed",
                details={"sw": _sw_hex(sw)},
            )

    def read_tag(self, tag: int, *, required: bool = True) -> bytes | None:
        """One record by tag (P1 = tag): its value, None if absent and optional."""
        for _ in range(2):
            data, sw = self._transmit(Apdu(0x00, 0xB2, tag, 0x00, le=0))
            if sw == SW_PIN_REQUIRED:
                self.verify_pin()
                continue
            if sw == SW_PIN_BLOCKED:
                raise PinError("the card's PIN is blocked", code="pcsc.pin_blocked")
            if sw == SW_NO_RECORD and not required:
                return None
            if sw != SW_OK:
                raise CardError(
                    "reading a record of the card failed",
                    code="card.read_failed",
                    details={"sw": _sw_hex(sw), "tag": f"{tag:02X}"},
                )
            records = parse_tlv(data)
            if tag not in records:
                raise CardError(
                    "the card answered another record than asked",
                    code="card.tlv",
                    details={"tag": f"{tag:02X}", "length": len(data)},
                )
            return records[tag]
        raise PinError("the card still wants its PIN", code="pcsc.pin_required")

    def read_identity(self, *, today: date | None = None) -> Identity:
        self.select_application()
        self.select_file(EF05)
        card_number = _text(self.read_tag(0x07))
        issuer = _text(self.read_tag(0x04, required=False))
        issued = self.read_tag(0x05, required=False)
        expires = self.read_tag(0x06, required=False)
        self.select_file(EF06)
        number = _text(self.read_tag(0x08))
        name = _gbk(self.read_tag(0x09))
        sex = _sex(self.read_tag(0x0A, required=False))
        ethnicity = self.read_tag(0x0B, required=False)
        birthplace = self.read_tag(0x0C, required=False)
        born = self.read_tag(0x0D, required=False)
        warnings: list[str] = []

        def day(value: bytes | None) -> date | None:
            try:
                digits = bcd(value or b"")
            except CardError:
                digits = "?"  # not BCD: an unreadable date, not a failed read
            return card_date(digits, warnings)

        extras = {"card_number": card_number}
        if birthplace:
            extras["birthplace"] = bcd(birthplace)
        identity = Identity(
            doc_type=DocType.SOCIAL_SECURITY,
            name=name,
            id_number=number,
            sex=sex,
            ethnicity=bcd(ethnicity).zfill(2) if ethnicity else None,
            birth_date=day(born),
            issuer=issuer or None,
            valid_from=day(issued),
            valid_to=day(expires),
            extras=extras,
            warnings=tuple(warnings),
        )
        checked = check_identity(identity, today=today)
        log.debug("social security read ok: warnings=%s", ",".join(checked.warnings))
        return checked


def _text(value: bytes | None) -> str:
    return (value or b"").decode("ascii", errors="replace").replace("\x00", " ").strip()


def _gbk(value: bytes | None) -> str:
    return (value or b"").decode("gbk", errors="replace").replace("\x00", " ").strip()


def _sex(value: bytes | None) -> str | None:
    if not value:
        return None
    first = value[0]
    return chr(first) if 0x30 <= first <= 0x39 else str(first)
