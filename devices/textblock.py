"""The 256-byte text block of GA 467 cards: decode it into an Identity, and encode one back.

UTF-16LE, fields padded with spaces; the character at byte 248 tells the card type (blank
resident ID, ``J`` HK/Macao/Taiwan residence permit, ``I`` 2017 and ``Y`` 2023 foreigner's
permanent residence card). Layouts come from ../shared/DOMAIN.md §1 (open-source
implementations; the standard's text was not available). For ``Y`` the fields it
does not list (sex, birth date, issuer, validity) are assumed at the resident card's
offsets. The encoder exists for the simulated reader and the simulated backend, so both
exercise the real decoder.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from devices.errors import CardError
from intake.identity import DocType, Identity, ethnicity_code

TEXT_LEN = 256
PHOTO_LEN = 1024
TYPE_OFFSET = 248
NO_EXPIRY = "长期"

Layout = Mapping[str, tuple[int, int]]  # field → (byte offset, byte length)

RESIDENT: Layout = {
    "name": (0, 30),
    "sex": (30, 2),
    "ethnicity": (32, 4),
    "birth_date": (36, 16),
    "address": (52, 70),
    "id_number": (122, 36),
    "issuer": (158, 30),
    "valid_from": (188, 16),
    "valid_to": (204, 16),
}
HKMOTW: Layout = {**RESIDENT, "pass_number": (220, 18), "issue_count": (238, 4)}
FOREIGN2017: Layout = {
    "name_en": (0, 120),
    "sex": (120, 2),
    "id_number": (122, 30),
    "nationality": (152, 6),
    "name": (158, 30),
    "valid_from": (188, 16),
    "valid_to": (204, 16),
    "birth_date": (220, 16),
    "card_version": (236, 4),
    "issuer": (240, 8),
}
FOREIGN2023: Layout = {
    "name": (0, 30),
    "sex": (30, 2),
    "renewal_count": (32, 4),
    "birth_date": (36, 16),
    "name_en": (52, 70),
    "id_number": (122, 36),
    "issuer": (158, 30),
    "valid_from": (188, 16),
    "valid_to": (204, 16),
    "name_en_more": (220, 22),
    "nationality": (242, 6),
}

TYPE_CHARS: Mapping[str, DocType] = {
    " ": DocType.RESIDENT,
    "": DocType.RESIDENT,
    "J": DocType.HKMOTW,
    "I": DocType.FOREIGN2017,
    "Y": DocType.FOREIGN2023,
}
LAYOUTS: Mapping[DocType, Layout] = {
    DocType.RESIDENT: RESIDENT,
    DocType.HKMOTW: HKMOTW,
    DocType.FOREIGN2017: FOREIGN2017,
    DocType.FOREIGN2023: FOREIGN2023,
}
_EXTRAS = ("pass_number", "issue_count", "card_version", "renewal_count")


def _raw(block: bytes, offset: int, length: int) -> str:
    return block[offset : offset + length].decode("utf-16-le", errors="replace")


def _field(block: bytes, offset: int, length: int) -> str:
    return _raw(block, offset, length).replace("\x00", " ").strip()


def parse_card_date(text: str) -> date:
    """YYYYMMDD (some readers add dots or dashes); raises ValueError when it is no date."""
    digits = text.replace(".", "").replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError("not a YYYYMMDD date")
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def card_date(text: str, warnings: list[str], *, open_ended: bool = False) -> date | None:
    """A card's date field: None when empty (or 长期 if ``open_ended``); a date that cannot
    be read becomes None plus a ``card.date_invalid`` warning, never a failed read."""
    if not text or (open_ended and text == NO_EXPIRY):
        return None
    try:
        return parse_card_date(text)
    except ValueError:
        if "card.date_invalid" not in warnings:
            warnings.append("card.date_invalid")
        return None


def doc_type_of(block: bytes) -> DocType:
    char = _field(block, TYPE_OFFSET, 2)
    try:
        return TYPE_CHARS[char]
    except KeyError:
        raise CardError(
            "the card's text block has an unknown card type",
            code="card.unknown_type",
            details={"type_char_len": len(char)},
        ) from None


def decode_text_block(block: bytes, photo: bytes | None = None) -> Identity:
    """Identity from a text block (not yet checked: call ``check_identity`` on it).

    Unreadable dates become None with a ``card.date_invalid`` warning rather than an error:
    the clerk still gets the name and number, and sees that something is off.
    """
    if len(block) != TEXT_LEN:
        raise CardError(
            "the card's text block has the wrong length",
            code="card.text_length",
            details={"length": len(block)},
        )
    doc_type = doc_type_of(block)
    values = {key: _field(block, off, ln) for key, (off, ln) in LAYOUTS[doc_type].items()}
    warnings: list[str] = []

    def day(key: str, *, open_ended: bool = False) -> date | None:
        return card_date(values.get(key, ""), warnings, open_ended=open_ended)

    name_en = values.get("name_en", "")
    if doc_type is DocType.FOREIGN2023:  # continued at 220: join before stripping the pad
        name_en = (_raw(block, 52, 70) + _raw(block, 220, 22)).replace("\x00", " ").strip()
        values.pop("name_en_more", None)
    ethnicity = values.get("ethnicity", "")
    extras = {k: values[k] for k in _EXTRAS if values.get(k)}
    name = values.get("name", "")
    if doc_type is DocType.FOREIGN2017 and not name:
        name = name_en  # the Chinese name is optional on 2017 cards
    return Identity(
        doc_type=doc_type,
        name=name,
        id_number=values["id_number"],
        sex=values.get("sex") or None,
        ethnicity=ethnicity_code(ethnicity) if ethnicity else None,
        birth_date=day("birth_date"),
        address=values.get("address") or None,
        issuer=values.get("issuer") or None,
        valid_from=day("valid_from"),
        valid_to=day("valid_to", open_ended=True),
        name_en=name_en.strip() or None,
        nationality=values.get("nationality") or None,
        photo=photo,
        extras=extras,
        warnings=tuple(warnings),
    )


def _put(block: bytearray, offset: int, length: int, text: str) -> None:
    raw = text.encode("utf-16-le")
    if len(raw) > length:
        raise ValueError(f"field at {offset} holds {length // 2} characters")
    block[offset : offset + length] = raw + " ".encode("utf-16-le") * ((length - len(raw)) // 2)


def _card_date(value: date | None, *, open_ended: bool = False) -> str:
    if value is None:
        return NO_EXPIRY if open_ended else ""
    return value.strftime("%Y%m%d")


def encode_text_block(identity: Identity) -> bytes:
    """The text block a card holding ``identity`` would deliver (simulators only)."""
    layout = LAYOUTS.get(identity.doc_type)
    if layout is None:
        raise ValueError(f"{identity.doc_type.value} has no GA 467 text block")
    name_en = identity.name_en or ""
    values = {
        "name": identity.name,
        "sex": identity.sex or "",
        "ethnicity": identity.ethnicity or "",
        "birth_date": _card_date(identity.birth_date),
        "address": identity.address or "",
        "id_number": identity.id_number,
        "issuer": identity.issuer or "",
        "valid_from": _card_date(identity.valid_from),
        "valid_to": _card_date(identity.valid_to, open_ended=True),
        "nationality": identity.nationality or "",
        "name_en": name_en,
        **identity.extras,
    }
    if identity.doc_type is DocType.FOREIGN2023:
        values["name_en"], values["name_en_more"] = name_en[:35], name_en[35:]
    if identity.doc_type is DocType.FOREIGN2017 and identity.name == name_en:
        values["name"] = ""
    block = bytearray(" ".encode("utf-16-le") * (TEXT_LEN // 2))
    for key, (offset, length) in layout.items():
        _put(block, offset, length, values.get(key, ""))
    type_char = next(c for c, t in TYPE_CHARS.items() if t is identity.doc_type and c)
    _put(block, TYPE_OFFSET, 2, type_char)
    return bytes(block)


def decode_added_address(data: bytes) -> str | None:
    """The 追加地址 (address endorsement) answer of command 30 03."""
    text = data.decode("utf-16-le", errors="replace").replace("\x00", " ").strip()
    return text or None
