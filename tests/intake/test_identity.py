from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from intake.errors import InvalidIdNumber
from intake.identity import (
    DocType,
    Identity,
    check_char,
    check_id_number,
    check_identity,
    ethnicity_code,
    normalize_document_number,
    parse_id_number,
    upgrade_15,
    validate_manual_entry,
)
from intake.masking import mask_id_number, mask_name, mask_phone

TODAY = date(2026, 11, 22)


def test_gb11643_example_and_lower_case_x() -> None:
    info = parse_id_number("11010519491231002x", today=TODAY)
    assert info.normalized == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "2"
    assert info.region_code == "110105"
    assert info.kind is DocType.RESIDENT


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "id.empty"),
        ("1101051949123100", "id.length"),
        ("11010519491231002A", "id.format"),
        ("110105194912310021", "id.checksum"),
        ("110105" + "19490231" + "002", "id.birth_date"),  # 15+ digits: Feb 31 → no check
        ("000000199001010000", "id.checksum"),
    ],
)
def test_invalid_numbers_have_stable_codes(number: str, code: str) -> None:
    if code == "id.birth_date":
        first17 = "110105" + "19490231" + "002"
        number = first17 + check_char(first17)
    with pytest.raises(InvalidIdNumber) as err:
        parse_id_number(number, today=TODAY)
    assert err.value.code == code


def test_future_birth_and_unknown_region() -> None:
    future = "430121" + "20270101" + "001"
    with pytest.raises(InvalidIdNumber) as err:
        parse_id_number(future + check_char(future), today=TODAY)
    assert err.value.code == "id.future_birth"
    nowhere = "990000" + "19800101" + "001"
    with pytest.raises(InvalidIdNumber) as err:
        parse_id_number(nowhere + check_char(nowhere), today=TODAY)
    assert err.value.code == "id.region"


def test_abolished_region_code_stays_valid() -> None:
    # 430102 was 长沙市东区 (1983-1995) before it became 芙蓉区; the code still exists, and
    # python-stdnum keeps abolished codes such as 110102 西城区 / 110104 宣武区 (abolished 2010).
    first17 = "110104" + "19700101" + "003"
    assert parse_id_number(first17 + check_char(first17), today=TODAY).region_code == "110104"


def test_fifteen_digit_numbers_are_upgraded() -> None:
    info = parse_id_number("430102850101123", today=TODAY)
    assert info.legacy15
    assert info.normalized == upgrade_15("430102850101123")
    assert info.normalized.startswith("43010219850101123")
    assert info.birth_date == date(1985, 1, 1)


def test_residence_permit_and_foreigner_2023() -> None:
    hk = "810000" + "19900101" + "001"
    info = parse_id_number(hk + check_char(hk), today=TODAY)
    assert info.kind is DocType.HKMOTW
    fr = "911" + "156" + "19880808" + "002"  # 9 + province 11 + nationality 156 (layout)
    fr = fr[:17]
    info = parse_id_number(fr + check_char(fr), today=TODAY)
    assert info.kind is DocType.FOREIGN2023
    with pytest.raises(InvalidIdNumber) as err:
        normalize_document_number(DocType.HKMOTW, "11010519491231002X", today=TODAY)
    assert err.value.code == "id.kind"


def test_other_document_types() -> None:
    assert (
        normalize_document_number(DocType.FOREIGN2017, "usa 110085 0101 01", today=TODAY)
        == "USA110085010101"
    )
    with pytest.raises(InvalidIdNumber):
        normalize_document_number(DocType.FOREIGN2017, "USA1100851301011", today=TODAY)
    assert normalize_document_number(DocType.PASSPORT, "e12345678") == "E12345678"
    with pytest.raises(InvalidIdNumber):
        normalize_document_number(DocType.PASSPORT, "E1")
    assert normalize_document_number(DocType.OTHER, " 军官证123 ") == "军官证123"


def test_idcheck_json_shape() -> None:
    out = check_id_number("11010519491231002x", today=TODAY)
    assert out == {
        "number": "11010519491231002x",
        "valid": True,
        "error": None,
        "kind": "resident",
        "region_code": "110105",
        "birth_date": "1949-12-31",
        "sex": "2",
        "normalized": "11010519491231002X",
    }
    bad = check_id_number("110105194912310021", today=TODAY)
    assert bad["valid"] is False and bad["error"] == "id.checksum"


digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)


@settings(max_examples=400)
@given(digits17, st.sampled_from("0123456789X"))
def test_checksum_agrees_with_python_stdnum(first17: str, last: str) -> None:
    number = first17 + last
    ours_ok = check_char(first17) == last
    assert ours_ok == (ric.calc_check_digit(number) == last)


@settings(max_examples=200)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
    st.sampled_from(["430121", "110105", "440106", "510107"]),
)
def test_valid_numbers_agree_with_stdnum(born: date, seq: int, region: str) -> None:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    number = first17 + check_char(first17)
    info = parse_id_number(number, today=TODAY)
    assert info.sex == ("1" if seq % 2 else "2")
    assert ric.compact(number) == info.normalized
    assert ric.get_birth_date(number) == info.birth_date


def test_card_identity_warnings_and_manual_entry() -> None:
    card = Identity(DocType.RESIDENT, "张三", "110105194912310021", valid_to=date(2020, 1, 1))
    checked = check_identity(card, today=TODAY)
    assert checked.warnings == ("id.checksum", "card.expired")
    with pytest.raises(InvalidIdNumber):
        validate_manual_entry(card, today=TODAY)
    ok = validate_manual_entry(
        Identity(DocType.RESIDENT, "张三", "11010519491231002x"), today=TODAY
    )
    assert ok.id_number == "11010519491231002X" and ok.warnings == ()
    assert "张三" not in repr(ok)  # personal data stays out of logs


def test_ethnicity_codes() -> None:
    assert ethnicity_code("汉") == "01"
    assert ethnicity_code("维吾尔族") == "05"
    assert ethnicity_code("98") == "98"
    assert ethnicity_code("火星族") is None


def test_masking() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("张小三") == "张*三"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_name("王𠮷祥") == "王*祥"
    assert mask_name("𠮷") == "𠮷"
    assert mask_id_number("430102198501011234") == "4301**********1234"
    assert mask_phone("13812345678") == "138****5678"
