"""Identity documents: ID numbers (GB 11643-1999) and the identity read from a card or typed in.

The 18-character layout and its ISO 7064 MOD 11-2 check are shared by the resident ID card,
the HK/Macao/Taiwan residence permit (address codes 81/82/83xxxx) and the 2023 foreigner's
permanent residence card (first digit 9). Region codes are checked against python-stdnum's
GB/T 2260 table, which keeps abolished codes: people born there keep their numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from stdnum import numdb

from intake.errors import InvalidIdentity, InvalidIdNumber


class DocType(StrEnum):
    """Kinds of identity document; values are stable wire codes."""

    RESIDENT = "resident"  # 居民身份证
    HKMOTW = "hkmotw"  # 港澳台居民居住证
    FOREIGN2017 = "foreign2017"  # 外国人永久居留身份证 (2017)
    FOREIGN2023 = "foreign2023"  # 外国人永久居留身份证 (2023)
    SOCIAL_SECURITY = "social_security"  # 社会保障卡 (number = ID number)
    PASSPORT = "passport"  # 护照
    OTHER = "other"  # 其他证件


#: GB/T 2261.1 sex codes.
SEXES: Mapping[str, str] = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

#: GB 3304 ethnicity codes, displayed with 族.
ETHNICITIES: Mapping[str, str] = dict(
    zip(
        [f"{i:02d}" for i in range(1, 57)] + ["97", "98"],
        [
            "汉族",
            "蒙古族",
            "回族",
            "藏族",
            "维吾尔族",
            "苗族",
            "彝族",
            "壮族",
            "布依族",
            "朝鲜族",
            "满族",
            "侗族",
            "瑶族",
            "白族",
            "土家族",
            "哈尼族",
            "哈萨克族",
            "傣族",
            "黎族",
            "傈僳族",
            "佤族",
            "畲族",
            "高山族",
            "拉祜族",
            "水族",
            "东乡族",
            "纳西族",
            "景颇族",
            "柯尔克孜族",
            "土族",
            "达斡尔族",
            "仫佬族",
            "羌族",
            "布朗族",
            "撒拉族",
            "毛南族",
            "仡佬族",
            "锡伯族",
            "阿昌族",
            "普米族",
            "塔吉克族",
            "怒族",
            "乌孜别克族",
            "俄罗斯族",
            "鄂温克族",
            "德昂族",
            "保安族",
            "裕固族",
            "京族",
            "塔塔尔族",
            "独龙族",
            "鄂伦春族",
            "赫哲族",
            "门巴族",
            "珞巴族",
            "基诺族",
            "其他",
            "外国血统中国籍人士",
        ],
        strict=True,
    )
)


def ethnicity_code(name_or_code: str) -> str | None:
    """Map a card's ethnicity text ("汉", "汉族" or "01") to its GB 3304 code."""
    text = name_or_code.strip()
    if text in ETHNICITIES:
        return text
    for code, name in ETHNICITIES.items():
        if text in (name, name.removesuffix("族")):
            return code
    return None


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_HKMOTW_REGIONS = {"810000": "香港", "820000": "澳门", "830000": "台湾"}


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def upgrade_15(number15: str) -> str:
    """A legacy 15-digit number as its 18-character form (year 19YY, check appended)."""
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + check_char(first17)


def region_exists(code: str) -> bool:
    """True if ``code`` is (or was) a GB/T 2260 region code, or an HK/Macao/Taiwan code."""
    if code in _HKMOTW_REGIONS:
        return True
    parts = numdb.get("cn/loc").info(code)
    return any(props for _, props in parts if "county" in props)


def province_exists(two_digits: str) -> bool:
    return region_exists(two_digits + "0000")


@dataclass(frozen=True)
class IdNumberInfo:
    """What an ID number says about its holder."""

    normalized: str
    kind: DocType
    region_code: str
    birth_date: date
    sex: str  # "1" male, "2" female
    legacy15: bool = False


def _fail(code: str, message: str, number: str) -> InvalidIdNumber:
    return InvalidIdNumber(message, code=code, details={"length": len(number)})


def _birth_date(text: str, today: date | None, number: str) -> date:
    try:
        born = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise _fail(
            "id.birth_date", "the birth date in the number is not a real date", number
        ) from None
    if born > (today or date.today()):
        raise _fail("id.future_birth", "the birth date in the number is in the future", number)
    if born.year < 1850:
        raise _fail("id.birth_date", "the birth date in the number is implausible", number)
    return born


def clean_number(raw: str) -> str:
    """Strip spaces and full-width forms a keyboard or scanner may add; upper-case x."""
    return unicodedata.normalize("NFKC", raw).replace(" ", "").replace("-", "").strip().upper()


def parse_id_number(raw: str, *, today: date | None = None) -> IdNumberInfo:
    """Validate an 18-character (or legacy 15-digit) number; raise InvalidIdNumber with a code.

    Codes: id.empty, id.length, id.format, id.checksum, id.birth_date, id.future_birth, id.region.
    """
    number = clean_number(raw)
    if not number:
        raise _fail("id.empty", "no ID number given", number)
    if not number.isascii():  # Arabic-Indic and other digits pass str.isdigit() and \d
        raise _fail("id.format", "digits 0-9 (and X) are expected", number)
    legacy = False
    if len(number) == 15:
        if not number.isdigit():
            raise _fail("id.format", "a 15-digit number has digits only", number)
        number, legacy = upgrade_15(number), True
    if len(number) != 18:
        raise _fail("id.length", "an ID number has 18 characters", number)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise _fail("id.format", "17 digits and a digit or X are expected", number)
    if check_char(number[:17]) != number[17]:
        raise _fail("id.checksum", "the check character does not match", number)
    born = _birth_date(number[6:14], today, number)
    region = number[:6]
    if number[0] == "9":
        kind = DocType.FOREIGN2023
        if not province_exists(number[1:3]):
            raise _fail("id.region", "unknown province code in a foreigner's card number", number)
    else:
        kind = DocType.HKMOTW if region in _HKMOTW_REGIONS else DocType.RESIDENT
        if not region_exists(region):
            raise _fail("id.region", "the address code is not a known region code", number)
    sex = "1" if int(number[16]) % 2 == 1 else "2"
    return IdNumberInfo(number, kind, region, born, sex, legacy)


def check_id_number(raw: str, *, today: date | None = None) -> dict[str, Any]:
    """JSON-ready verdict on one number (the ``idcheck`` CLI and the UI's live check)."""
    try:
        info = parse_id_number(raw, today=today)
    except InvalidIdNumber as exc:
        return {
            "number": raw,
            "valid": False,
            "error": exc.code,
            "kind": None,
            "region_code": None,
            "birth_date": None,
            "sex": None,
            "normalized": None,
        }
    return {
        "number": raw,
        "valid": True,
        "error": None,
        "kind": info.kind.value,
        "region_code": info.region_code,
        "birth_date": info.birth_date.isoformat(),
        "sex": info.sex,
        "normalized": info.normalized,
    }


_FOREIGN2017 = re.compile(r"[A-Z]{3}\d{12}")
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")


def normalize_document_number(doc_type: DocType, raw: str, *, today: date | None = None) -> str:
    """Validate a document number by the rules of its type and return its stored form.

    The 2017 foreigner's card number (3-letter nationality + 12 digits, birth date YYMMDD at
    digits 8-13) has no published check rule we could verify, so only its shape and date
    are checked.
    """
    number = clean_number(raw)
    if doc_type in (DocType.RESIDENT, DocType.HKMOTW, DocType.FOREIGN2023, DocType.SOCIAL_SECURITY):
        info = parse_id_number(number, today=today)
        if doc_type is DocType.HKMOTW and info.kind is not DocType.HKMOTW:
            raise _fail("id.kind", "a residence permit number starts with 81, 82 or 83", number)
        if doc_type is DocType.FOREIGN2023 and info.kind is not DocType.FOREIGN2023:
            raise _fail("id.kind", "a 2023 foreigner's card number starts with 9", number)
        return info.normalized
    if doc_type is DocType.FOREIGN2017:
        if not _FOREIGN2017.fullmatch(number):
            raise _fail("id.format", "3 letters and 12 digits are expected", number)
        yy, mm, dd = int(number[7:9]), int(number[9:11]), int(number[11:13])
        try:
            date(2000 + yy, mm, dd)
        except ValueError:
            raise _fail(
                "id.birth_date", "the birth date in the number is not a real date", number
            ) from None
        return number
    if doc_type is DocType.PASSPORT:
        if not _PASSPORT.fullmatch(number):
            raise _fail("id.format", "a passport number has 5 to 17 letters or digits", number)
        return number
    if not number:
        raise _fail("id.empty", "no document number given", number)
    if len(number) > 40:
        raise _fail("id.length", "a document number has at most 40 characters", number)
    return number


@dataclass(frozen=True)
class Identity:
    """A person's identity as read from a card or entered by hand.

    ``valid_to`` None means 长期 (no expiry). ``photo`` keeps the bytes exactly as the card
    delivered them (WLT for ID cards: only a licensed library can decode it). ``warnings``
    holds codes such as ``card.expired`` or ``id.checksum`` that the UI shows but that do not
    stop an intake by themselves.
    """

    doc_type: DocType
    name: str
    id_number: str
    sex: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    address: str | None = None
    issuer: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    name_en: str | None = None
    nationality: str | None = None
    photo: bytes | None = field(default=None, repr=False)
    extras: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:  # personal data stays out of logs and tracebacks
        return f"Identity(doc_type={self.doc_type.value}, warnings={self.warnings})"

    def is_expired(self, today: date | None = None) -> bool:
        return self.valid_to is not None and self.valid_to < (today or date.today())


def check_identity(identity: Identity, *, today: date | None = None) -> Identity:
    """Add warnings a reader or a typed entry should surface (bad number, expired card).

    Raises InvalidIdentity only when the identity is unusable (no name, no number).
    """
    if not identity.name.strip():
        raise InvalidIdentity("the name is empty", code="identity.name_empty")
    if not identity.id_number.strip():
        raise InvalidIdentity("the document number is empty", code="identity.number_empty")
    warnings = list(identity.warnings)
    number = identity.id_number
    try:
        number = normalize_document_number(identity.doc_type, identity.id_number, today=today)
    except InvalidIdNumber as exc:
        warnings.append(exc.code)
    if identity.is_expired(today):
        warnings.append("card.expired")
    unique = tuple(dict.fromkeys(warnings))
    return replace(identity, id_number=number, warnings=unique)


def validate_manual_entry(identity: Identity, *, today: date | None = None) -> Identity:
    """Typed-in identities must pass every rule (a card can only warn, a keyboard must not)."""
    checked = check_identity(identity, today=today)
    number = normalize_document_number(identity.doc_type, identity.id_number, today=today)
    if identity.sex is not None and identity.sex not in SEXES:
        raise InvalidIdentity("unknown sex code", code="identity.sex")
    if identity.ethnicity is not None and identity.ethnicity not in ETHNICITIES:
        raise InvalidIdentity("unknown ethnicity code", code="identity.ethnicity")
    return replace(checked, id_number=number)
