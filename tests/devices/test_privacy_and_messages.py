"""Personal data never reaches the logs; every error code has its Chinese message."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from devices.errors import SW3_ERRORS, DeviceError
from devices.handler import FixedPinHandler
from devices.messages import MESSAGES_ZH
from devices.pcsc import PcscReader
from devices.sam import READ_TEXT_PHOTO
from devices.sam_reader import SamSerialReader
from devices.sam_simulator import SimulatedSamReader, sample_photo
from devices.service import DeviceService
from devices.textblock import encode_text_block
from tests.devices.conftest import EventLog, wait_for
from tests.devices.samples import RESIDENT, TODAY
from tests.devices.vcard import CardData, Pcscd, VirtualCard

DEVICES = Path(__file__).resolve().parents[2] / "devices"


def secrets_of(*values: str) -> list[str]:
    out = [v for v in values if v]
    out += [v.encode("utf-16-le").hex() for v in values if v]  # a hex dump of the text block
    return out


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def assert_clean(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, "personal data in the logs"


def test_sam_read_logs_lengths_and_statuses_only(
    sam_sim: SimulatedSamReader, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    photo = sample_photo(9)
    block = encode_text_block(RESIDENT)
    log = EventLog()
    reader = SamSerialReader(sam_sim.port, timeout=0.3, today=lambda: TODAY)
    with DeviceService(reader, log, poll_interval=0.02):
        sam_sim.place(RESIDENT, photo=photo)
        assert log.wait("read.ok").identity is not None
        log.wait("card.absent")
        sam_sim.lift()
        sam_sim.inject("checksum", READ_TEXT_PHOTO)
        sam_sim.place(RESIDENT, photo=photo)
        log.wait("read.error")
    text = all_log_text(caplog)
    assert "sam 3001 -> sw3=90 len=1284" in text  # the debug log exists and says lengths
    assert_clean(
        text,
        [
            *secrets_of(
                RESIDENT.name,
                RESIDENT.id_number,
                RESIDENT.address or "",
                RESIDENT.issuer or "",
                "19900307",
            ),
            photo[:32].hex(),
            repr(block[:16])[2:-1],
            block[:32].hex(),
            repr(photo[:16])[2:-1],
        ],
    )
    for event in log.events:  # events' reprs end up in the desktop's logs
        assert_clean(repr(event), secrets_of(RESIDENT.name, RESIDENT.id_number))


def test_pcsc_read_with_pin_logs_no_data(
    pcsc_slot: Pcscd, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    reader = PcscReader(Pcscd.READER, handler=FixedPinHandler("123456"), today=lambda: TODAY)
    card = VirtualCard(CardData(number=RESIDENT.id_number, name="张小三", pin="123456"))
    with reader:
        card.insert(pcsc_slot.port)
        try:
            wait_for(reader.poll, what="the card")
            identity = reader.read()
        finally:
            card.remove()
    assert identity.name == "张小三"
    text = all_log_text(caplog)
    assert "apdu ins=B2 -> sw=9000" in text
    assert_clean(
        text,
        [
            *secrets_of("张小三", RESIDENT.id_number, "123456", "A12345678"),
            "张小三".encode("gbk").hex(),
            "123456",
        ],
    )


def test_error_details_carry_no_card_content() -> None:
    for cls, code, message in SW3_ERRORS.values():
        exc = cls(message, code=code, details={"sw3": "41"})
        assert set(exc.to_json()) <= {"error", "message", "details"}


def _codes_in_source() -> set[str]:
    pattern = re.compile(r'code="([a-z_]+\.[a-z_]+)"')
    codes = {m for f in DEVICES.glob("*.py") for m in pattern.findall(f.read_text("utf-8"))}
    codes |= {code for _, code, _ in SW3_ERRORS.values()}
    codes |= {"card.removed", "card.not_found", "card.expired", "card.date_invalid"}
    return codes


def test_every_code_has_a_chinese_message() -> None:
    codes = _codes_in_source()
    assert len(codes) > 40
    missing = sorted(c for c in codes if c not in MESSAGES_ZH)
    assert missing == []


def test_class_default_codes_have_messages() -> None:
    classes = set(DeviceError.__subclasses__())
    seen: set[type[DeviceError]] = set()
    while classes:
        cls = classes.pop()
        seen.add(cls)
        classes |= set(cls.__subclasses__()) - seen
    assert {cls.code for cls in seen} <= set(MESSAGES_ZH)
