"""Identities for the card tests: invented people with valid numbers (no real person)."""

from __future__ import annotations

from datetime import date

from intake.identity import DocType, Identity, check_char


def number(first17: str) -> str:
    return first17 + check_char(first17)


RESIDENT = Identity(
    doc_type=DocType.RESIDENT,
    name="张小三",
    id_number=number("11010119900307123"),
    sex="1",
    ethnicity="01",
    birth_date=date(1990, 3, 7),
    address="北京市东城区景山前街4号院",
    issuer="北京市公安局东城分局",
    valid_from=date(2015, 6, 1),
    valid_to=date(2035, 6, 1),
)
RESIDENT_LONG = Identity(
    doc_type=DocType.RESIDENT,
    name="欧阳晓明",
    id_number=number("43010219560811442"),
    sex="2",
    ethnicity="15",
    birth_date=date(1956, 8, 11),
    address="湖南省长沙市芙蓉区五一大道1号",
    issuer="长沙市公安局芙蓉分局",
    valid_from=date(2016, 1, 20),
    valid_to=None,  # 长期
)
HKMOTW = Identity(
    doc_type=DocType.HKMOTW,
    name="陈大文",
    id_number=number("81000019850101002"),
    sex="1",
    birth_date=date(1985, 1, 1),
    address="广东省深圳市福田区福华三路1号",
    issuer="深圳市公安局",
    valid_from=date(2020, 5, 1),
    valid_to=date(2025, 5, 1),
    extras={"pass_number": "H12345678", "issue_count": "02"},
)
FOREIGN2017 = Identity(
    doc_type=DocType.FOREIGN2017,
    name="史密斯",
    id_number="USA110085010112",
    sex="1",
    birth_date=date(1985, 1, 1),
    issuer="1500",
    valid_from=date(2018, 3, 1),
    valid_to=date(2028, 3, 1),
    name_en="SMITH, JOHN ALEXANDER",
    nationality="USA",
    extras={"card_version": "01"},
)
FOREIGN2023 = Identity(
    doc_type=DocType.FOREIGN2023,
    name="玛丽亚",
    id_number=number("91100019800101001"),
    sex="2",
    birth_date=date(1980, 1, 1),
    issuer="国家移民管理局",
    valid_from=date(2023, 12, 1),
    valid_to=date(2033, 12, 1),
    name_en="GONZALEZ RODRIGUEZ, MARIA FERNANDA LUISA",
    nationality="ESP",
    extras={"renewal_count": "00"},
)
ALL_CARDS = {
    "resident": RESIDENT,
    "resident_long": RESIDENT_LONG,
    "hkmotw": HKMOTW,
    "foreign2017": FOREIGN2017,
    "foreign2023": FOREIGN2023,
}
TODAY = date(2024, 6, 1)
