"""vendor backend: ctypes against a termb-compatible C library built here with gcc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.vendor import VendorReader
from intake.identity import DocType
from tests.devices.samples import FOREIGN2023, HKMOTW, RESIDENT, TODAY


@pytest.fixture
def card_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "card.txt"
    monkeypatch.setenv("TERMB_SIM_DATA", str(path))
    return path


def write_card(path: Path, **values: str) -> None:
    text = "".join(f"{k}={v}\n" for k, v in values.items())
    path.write_bytes(text.encode("gbk"))  # vendor SDKs deliver GBK


RESIDENT_CARD = {
    "name": RESIDENT.name,
    "sex": "男",
    "nation": "汉",
    "birthday": "19900307",
    "address": RESIDENT.address or "",
    "idcode": RESIDENT.id_number,
    "department": RESIDENT.issuer or "",
    "startdate": "20150601",
    "enddate": "长期",
    "photo_len": "2048",
}


@pytest.fixture
def reader(termb_library: Path, card_file: Path) -> Iterator[VendorReader]:
    write_card(card_file, **RESIDENT_CARD)
    r = VendorReader(str(termb_library), 1001, today=lambda: TODAY)
    r.open()
    try:
        yield r
    finally:
        r.close()


def test_reads_a_resident_card(reader: VendorReader) -> None:
    assert reader.poll() is True
    identity = reader.read()
    assert identity.doc_type is DocType.RESIDENT
    assert (identity.name, identity.id_number) == (RESIDENT.name, RESIDENT.id_number)
    assert (identity.sex, identity.ethnicity) == ("1", "01")
    assert identity.address == RESIDENT.address
    assert identity.valid_to is None  # 长期
    assert identity.photo is not None and identity.photo[:2] == b"BM"
    assert len(identity.photo) == 2048
    assert identity.warnings == ()


def test_reads_a_residence_permit(reader: VendorReader, card_file: Path) -> None:
    write_card(
        card_file,
        name=HKMOTW.name,
        sex="男",
        idcode=HKMOTW.id_number,
        certtype="J",
        birthday="19850101",
        startdate="2020.05.01",
        enddate="2025.05.01",
        pass_number="H12345678",
        issue_count="02",
    )
    identity = reader.read()
    assert identity.doc_type is DocType.HKMOTW
    assert identity.extras == {"pass_number": "H12345678", "issue_count": "02"}
    assert identity.valid_to is not None and identity.valid_to.isoformat() == "2025-05-01"


def test_no_card(reader: VendorReader, card_file: Path) -> None:
    write_card(card_file, **{**RESIDENT_CARD, "auth_rc": "0"})
    assert reader.poll() is False
    with pytest.raises(DeviceError) as caught:
        reader.read()
    assert caught.value.code == "card.not_found"


def test_read_failure_is_read_again(reader: VendorReader, card_file: Path) -> None:
    write_card(card_file, **{**RESIDENT_CARD, "read_rc": "0"})
    with pytest.raises(DeviceError) as caught:
        reader.read()
    assert (caught.value.code, caught.value.kind) == ("card.read_failed", "card")


def test_invalid_number_is_flagged(reader: VendorReader, card_file: Path) -> None:
    write_card(card_file, **{**RESIDENT_CARD, "idcode": RESIDENT.id_number[:17] + "0"})
    assert "id.checksum" in reader.read().warnings


def test_no_reader_on_port(termb_library: Path, card_file: Path) -> None:
    write_card(card_file, init_rc="2")
    with pytest.raises(DeviceError) as caught:
        VendorReader(str(termb_library)).open()
    assert (caught.value.code, caught.value.kind) == ("reader.not_found", "no_reader")


def test_missing_or_wrong_library(tmp_path: Path) -> None:
    with pytest.raises(DeviceError) as caught:
        VendorReader(str(tmp_path / "libnope.so")).open()
    assert caught.value.code == "vendor.library"
    libc = "libc.so.6"  # loads, but is no reader SDK
    with pytest.raises(DeviceError) as caught:
        VendorReader(libc).open()
    assert caught.value.code == "vendor.symbol"


def test_reads_a_2023_foreigners_card(reader: VendorReader, card_file: Path) -> None:
    write_card(
        card_file,
        name="",
        name_cn=FOREIGN2023.name,
        sex="女",
        certtype="Y",
        idcode=FOREIGN2023.id_number,
        name_en=FOREIGN2023.name_en or "",
        nationality="ESP",
        birthday="19800101",
        startdate="20231201",
        enddate="20331201",
    )
    identity = reader.read()
    assert identity.doc_type is DocType.FOREIGN2023
    assert (identity.name, identity.name_en, identity.nationality, identity.sex) == (
        FOREIGN2023.name,
        FOREIGN2023.name_en,
        "ESP",
        "2",
    )
    assert identity.warnings == ()
