"""GA 467 frames: building, decoding, resynchronising, and typed errors only (fuzzed)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.errors import DeviceError, FrameError
from devices.frames import (
    PREAMBLE,
    FrameDecoder,
    build_command,
    build_frame,
    decode_response,
    xor,
)


def test_command_frame_layout() -> None:
    # find card: AA AA AA 96 69 | 00 03 | 20 01 | 22 (03 ^ 20 ^ 01)
    assert build_command(0x20, 0x01) == bytes.fromhex("AAAAAA9669000320 01 22".replace(" ", ""))


def test_text_photo_reply_is_1295_bytes() -> None:
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + bytes(256 + 1024)
    frame = build_frame(bytes([0, 0, 0x90]) + data)
    assert len(frame) == 1295
    assert decode_response(frame).data == data


def test_checksum_is_xor_from_len_to_last_data_byte() -> None:
    frame = build_frame(bytes([0, 0, 0x9F]))
    assert frame[-1] == xor(frame[5:-1])
    bad = frame[:-1] + bytes([frame[-1] ^ 1])
    with pytest.raises(FrameError) as caught:
        decode_response(bad)
    assert caught.value.code == "frame.checksum"


def test_garbage_before_preamble_is_skipped_and_counted() -> None:
    frame = build_frame(bytes([0, 0, 0x90]) + b"abc")
    decoder = FrameDecoder()
    decoder.feed(b"\x00\xaa\xaa\x96" + frame)
    assert decoder.next_payload() == bytes([0, 0, 0x90]) + b"abc"
    assert decoder.skipped == 4


def test_preamble_split_across_reads() -> None:
    frame = build_frame(bytes([0, 0, 0x90]))
    decoder = FrameDecoder()
    decoder.feed(b"junk" + frame[:3])
    assert decoder.next_payload() is None
    decoder.feed(frame[3:])
    assert decoder.next_payload() == bytes([0, 0, 0x90])


def test_incomplete_frame_waits_and_says_how_much_is_missing() -> None:
    frame = build_frame(bytes([0, 0, 0x90]) + bytes(100))
    decoder = FrameDecoder()
    decoder.feed(frame[:50])
    assert decoder.next_payload() is None
    assert decoder.needed() == len(frame) - 50
    with pytest.raises(FrameError) as caught:
        decode_response(frame[:50])
    assert caught.value.code == "frame.truncated"


@pytest.mark.parametrize("length", [0, 3, 4097, 0xFFFF])
def test_impossible_length_field(length: int) -> None:
    decoder = FrameDecoder()
    decoder.feed(PREAMBLE + length.to_bytes(2, "big") + bytes(10))
    with pytest.raises(FrameError) as caught:
        decoder.next_payload()
    assert caught.value.code == "frame.length"


def test_decoder_resynchronises_after_a_bad_frame() -> None:
    good = build_frame(bytes([0, 0, 0x90]))
    bad = good[:-1] + bytes([good[-1] ^ 0xFF])
    decoder = FrameDecoder()
    decoder.feed(bad + good)
    with pytest.raises(FrameError):
        decoder.next_payload()
    assert decoder.next_payload() == bytes([0, 0, 0x90])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.binary(max_size=64), max_size=12))
def test_fuzz_decoder_raises_only_typed_errors(chunks: list[bytes]) -> None:
    decoder = FrameDecoder()
    for chunk in chunks:
        decoder.feed(chunk)
        for _ in range(len(chunk) + 1):  # each call consumes or waits: it cannot spin
            try:
                if decoder.next_payload() is None:
                    break
            except FrameError:
                continue


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40), st.binary(max_size=300))
def test_fuzz_framed_garbage_raises_only_typed_errors(prefix: bytes, body: bytes) -> None:
    # frames with a valid preamble and length but arbitrary content reach the deeper parsers
    with contextlib.suppress(DeviceError):
        decode_response(prefix + build_frame(body))


@given(st.binary(max_size=2000))
def test_fast_xor_matches_the_definition(data: bytes) -> None:
    expected = 0
    for byte in data:
        expected ^= byte
    assert xor(data) == expected
