"""Text blocks of the four GA 467 card types: layouts, 长期, card type, odd content."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.textblock import (
    TEXT_LEN,
    decode_text_block,
    encode_text_block,
)
from intake.errors import WindowDeskError
from intake.identity import DocType, check_identity
from tests.devices.samples import ALL_CARDS, RESIDENT, TODAY

FIELDS = (
    "doc_type",
    "name",
    "id_number",
    "sex",
    "ethnicity",
    "birth_date",
    "address",
    "issuer",
    "valid_from",
    "valid_to",
    "name_en",
    "nationality",
    "extras",
)


@pytest.mark.parametrize("key", sorted(ALL_CARDS))
def test_round_trip_every_card_type(key: str) -> None:
    original = ALL_CARDS[key]
    block = encode_text_block(original)
    assert len(block) == TEXT_LEN
    decoded = check_identity(decode_text_block(block, b"photo"), today=TODAY)
    for field in FIELDS:
        assert getattr(decoded, field) == getattr(original, field), field
    assert decoded.photo == b"photo"
    assert decoded.warnings == ()


def test_resident_layout_offsets_and_space_padding() -> None:
    block = encode_text_block(RESIDENT)
    assert block[0:6].decode("utf-16-le") == "张小三"
    assert block[6:30] == " ".encode("utf-16-le") * 12  # space padded, not NUL padded
    assert block[30:32].decode("utf-16-le") == "1"
    assert block[32:36].decode("utf-16-le") == "01"
    assert block[36:52].decode("utf-16-le") == "19900307"
    assert block[122:158].decode("utf-16-le") == RESIDENT.id_number
    assert block[248:250].decode("utf-16-le") == " "


def test_type_chars_at_byte_248() -> None:
    chars = {k: encode_text_block(v)[248:250].decode("utf-16-le") for k, v in ALL_CARDS.items()}
    assert chars == {
        "resident": " ",
        "resident_long": " ",
        "hkmotw": "J",
        "foreign2017": "I",
        "foreign2023": "Y",
    }


def test_no_expiry_is_changqi_on_the_card_and_none_in_the_model() -> None:
    block = encode_text_block(replace(RESIDENT, valid_to=None))
    assert block[204:220].decode("utf-16-le").strip() == "长期"
    assert decode_text_block(block).valid_to is None


def test_2017_card_without_chinese_name_uses_the_english_one() -> None:
    card = ALL_CARDS["foreign2017"]
    block = encode_text_block(replace(card, name=card.name_en or ""))
    assert decode_text_block(block).name == card.name_en


def test_2023_english_name_continues_at_220() -> None:
    card = ALL_CARDS["foreign2023"]
    assert card.name_en is not None and len(card.name_en) > 35
    block = encode_text_block(card)
    assert block[220:242].decode("utf-16-le").strip() == card.name_en[35:].strip()
    assert decode_text_block(block).name_en == card.name_en


def test_name_stored_without_zu_maps_to_code() -> None:
    block = bytearray(encode_text_block(RESIDENT))
    block[32:36] = "汉 ".encode("utf-16-le")
    assert decode_text_block(bytes(block)).ethnicity == "01"


def test_expired_card_gives_identity_and_warning() -> None:
    identity = check_identity(
        decode_text_block(encode_text_block(RESIDENT)), today=date(2036, 1, 1)
    )
    assert identity.name == RESIDENT.name
    assert identity.warnings == ("card.expired",)


def test_invalid_number_on_card_is_flagged_not_fatal() -> None:
    bad = RESIDENT.id_number[:-1] + ("0" if RESIDENT.id_number[-1] != "0" else "1")
    identity = check_identity(
        decode_text_block(encode_text_block(replace(RESIDENT, id_number=bad))), today=TODAY
    )
    assert identity.id_number == bad
    assert "id.checksum" in identity.warnings


def test_unreadable_date_is_a_warning() -> None:
    block = bytearray(encode_text_block(RESIDENT))
    block[36:52] = "19901332".encode("utf-16-le")
    identity = decode_text_block(bytes(block))
    assert identity.birth_date is None
    assert "card.date_invalid" in identity.warnings


def test_unknown_type_char_and_wrong_length_are_typed() -> None:
    block = bytearray(encode_text_block(RESIDENT))
    block[248:250] = "Q".encode("utf-16-le")
    with pytest.raises(WindowDeskError) as caught:
        decode_text_block(bytes(block))
    assert caught.value.code == "card.unknown_type"
    with pytest.raises(WindowDeskError) as caught:
        decode_text_block(bytes(block[:200]))
    assert caught.value.code == "card.text_length"


def test_doc_types_cover_the_cli_codes() -> None:
    assert {v.doc_type for v in ALL_CARDS.values()} == {
        DocType.RESIDENT,
        DocType.HKMOTW,
        DocType.FOREIGN2017,
        DocType.FOREIGN2023,
    }


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=TEXT_LEN, max_size=TEXT_LEN))
def test_fuzz_text_block_raises_only_typed_errors(block: bytes) -> None:
    with contextlib.suppress(WindowDeskError):
        check_identity(decode_text_block(block), today=TODAY)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(ALL_CARDS)),
    st.lists(st.tuples(st.integers(0, TEXT_LEN - 1), st.integers(0, 255)), max_size=24),
)
def test_fuzz_mutated_real_blocks_raise_only_typed_errors(
    key: str, edits: list[tuple[int, int]]
) -> None:
    block = bytearray(encode_text_block(ALL_CARDS[key]))
    for offset, value in edits:
        block[offset] = value
    with contextlib.suppress(WindowDeskError):
        check_identity(decode_text_block(bytes(block)), today=TODAY)
