"""BER-style simple TLV (1-byte tag, 1-byte length) as social security card records use it.

Arbitrary bytes raise only ``CardError("card.tlv")``: the parser is fuzzed to that.
"""

from __future__ import annotations

from devices.errors import CardError


def parse_tlv(data: bytes) -> dict[int, bytes]:
    """Tag → value of every TLV in ``data``; trailing 00/FF padding is ignored."""
    out: dict[int, bytes] = {}
    pos = 0
    while pos < len(data):
        tag = data[pos]
        if tag in (0x00, 0xFF) and not data[pos:].strip(bytes([tag])):
            break  # padding to the end of the record
        if pos + 2 > len(data):
            raise CardError(
                "a record ends inside a TLV header", code="card.tlv", details={"length": len(data)}
            )
        length = data[pos + 1]
        value = data[pos + 2 : pos + 2 + length]
        if len(value) != length:
            raise CardError(
                "a TLV value runs past the end of the record",
                code="card.tlv",
                details={"length": len(data), "tag": f"{tag:02X}"},
            )
        out[tag] = value
        pos += 2 + length
    return out


def bcd(value: bytes) -> str:
    """Packed BCD digits (F nibbles are filler); raises card.tlv on a non-decimal nibble."""
    digits = []
    for byte in value:
        for nibble in (byte >> 4, byte & 0x0F):
            if nibble == 0x0F:
                continue
            if nibble > 9:
                raise CardError("a BCD field holds a non-decimal digit", code="card.tlv")
            digits.append(str(nibble))
    return "".join(digits)
