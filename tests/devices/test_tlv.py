"""TLV and BCD parsing of social security records (fuzzed: typed errors only)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.errors import CardError
from devices.tlv import bcd, parse_tlv


def test_parses_records_and_ignores_padding() -> None:
    assert parse_tlv(b"\x07\x03abc\x08\x00" + b"\xff" * 4) == {0x07: b"abc", 0x08: b""}


@pytest.mark.parametrize("data", [b"\x07", b"\x07\x05ab", b"\x01\x01a\x02"])
def test_truncated_records(data: bytes) -> None:
    with pytest.raises(CardError) as caught:
        parse_tlv(data)
    assert caught.value.code == "card.tlv"


def test_bcd() -> None:
    assert bcd(b"\x19\x90\x03\x07") == "19900307"
    assert bcd(b"\x12\x34\x5f") == "12345"
    with pytest.raises(CardError):
        bcd(b"\x1a")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_tlv_raises_only_typed_errors(data: bytes) -> None:
    with contextlib.suppress(CardError):
        for value in parse_tlv(data).values():
            with contextlib.suppress(CardError):
                bcd(value)
