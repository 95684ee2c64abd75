"""GA 467 SAM frames: building commands and decoding responses from a byte stream.

``AA AA AA 96 69 | LEN(2, big-endian) | payload | CHK`` where LEN counts every byte after
itself (CHK included) and CHK is the XOR of LEN and payload. The decoder is fed whatever the
line delivers, skips garbage before a preamble (a reader that was mid-answer when we opened
the port, line noise) and raises only typed ``FrameError``s, so a fuzzer can hold it to that.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.errors import FrameError

PREAMBLE = bytes.fromhex("AAAAAA9669")
#: the largest answer a reader sends: text + photo + fingerprint (256 + 1024 + 1024) with
#: status and length fields, rounded up; anything longer is a corrupt length field
MAX_LEN = 4096
MIN_RESPONSE_LEN = 4  # SW1 SW2 SW3 CHK


def xor(data: bytes) -> int:
    """XOR of all bytes, folding the bytes as one big integer (≈30x a per-byte loop)."""
    value = int.from_bytes(data, "little")
    width = len(data)
    while width > 1:
        half = (width + 1) // 2
        value = (value & ((1 << (8 * half)) - 1)) ^ (value >> (8 * half))
        width = half
    return value & 0xFF


def build_frame(payload: bytes) -> bytes:
    """Wrap a payload (CMD PARA DATA, or SW1 SW2 SW3 DATA) with preamble, LEN and CHK."""
    length = (len(payload) + 1).to_bytes(2, "big")
    return PREAMBLE + length + payload + bytes([xor(length + payload)])


def build_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    return build_frame(bytes([cmd, para]) + data)


@dataclass(frozen=True)
class Response:
    """A checked response frame. ``data`` is card content: never log it, only its length."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes

    def __repr__(self) -> str:
        return f"Response(sw3={self.sw3:02X}, data_len={len(self.data)})"


@dataclass(frozen=True)
class Command:
    """A checked command frame (what a simulated reader receives)."""

    cmd: int
    para: int
    data: bytes


class FrameDecoder:
    """Incremental decoder: ``feed()`` bytes, then ``next_payload()`` until it returns None."""

    def __init__(self, *, max_len: int = MAX_LEN, min_len: int = MIN_RESPONSE_LEN) -> None:
        self._buf = bytearray()
        self._max_len = max_len
        self._min_len = min_len
        self.skipped = 0  # garbage bytes dropped before preambles (a health statistic)

    def feed(self, data: bytes) -> None:
        self._buf += data

    @property
    def pending(self) -> int:
        """Bytes held: a partial frame when the line went quiet means a truncated frame."""
        return len(self._buf)

    def reset(self) -> None:
        self._buf.clear()

    def needed(self) -> int:
        """How many more bytes would complete the frame that has started (0 if unknown)."""
        start = self._buf.find(PREAMBLE)
        if start < 0 or len(self._buf) < start + 7:
            return 0
        length = int.from_bytes(self._buf[start + 5 : start + 7], "big")
        return max(start + 7 + length - len(self._buf), 0)

    def next_payload(self) -> bytes | None:
        """The payload between LEN and CHK of the next whole frame, or None if incomplete.

        A frame with a bad checksum or an impossible length is dropped and raises, so the
        next call resynchronises on whatever follows.
        """
        start = self._buf.find(PREAMBLE)
        if start < 0:
            # keep a tail that could be the start of a preamble split across reads
            keep = next(
                (k for k in range(len(PREAMBLE) - 1, 0, -1) if self._buf.endswith(PREAMBLE[:k])),
                0,
            )
            self.skipped += len(self._buf) - keep
            del self._buf[: len(self._buf) - keep]
            return None
        if start:
            self.skipped += start
            del self._buf[:start]
        if len(self._buf) < 7:
            return None
        length = int.from_bytes(self._buf[5:7], "big")
        if length < self._min_len or length > self._max_len:
            del self._buf[: len(PREAMBLE)]
            raise FrameError(
                "the frame's length field is impossible",
                code="frame.length",
                details={"length": length},
            )
        end = 7 + length
        if len(self._buf) < end:
            return None
        body = bytes(self._buf[5 : end - 1])
        chk = self._buf[end - 1]
        del self._buf[:end]
        if xor(body) != chk:
            raise FrameError(
                "the frame's checksum does not match",
                code="frame.checksum",
                details={"length": length},
            )
        return body[2:]


def parse_response(payload: bytes) -> Response:
    if len(payload) < 3:
        raise FrameError(
            "a response frame is too short",
            code="frame.length",
            details={"length": len(payload)},
        )
    return Response(payload[0], payload[1], payload[2], payload[3:])


def parse_command(payload: bytes) -> Command:
    if len(payload) < 2:
        raise FrameError(
            "a command frame is too short", code="frame.length", details={"length": len(payload)}
        )
    return Command(payload[0], payload[1], payload[2:])


def decode_response(frame: bytes) -> Response:
    """Decode one complete response frame (garbage before it allowed)."""
    decoder = FrameDecoder()
    decoder.feed(frame)
    payload = decoder.next_payload()
    if payload is None:
        raise FrameError(
            "the frame is incomplete", code="frame.truncated", details={"length": len(frame)}
        )
    return parse_response(payload)
