"""pcsc backend against a real pcscd, the vpcd driver and a virtual social security card."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.errors import DeviceError
from devices.handler import FixedPinHandler, PinRequest
from devices.pcsc import PcscReader, list_pcsc_readers
from devices.service import DeviceService
from intake.identity import DocType
from tests.devices.conftest import EventLog, wait_for
from tests.devices.samples import RESIDENT, TODAY
from tests.devices.vcard import CardData, Pcscd, VirtualCard

NAME = "张小三"


class ScriptedPins:
    """Answers PIN prompts from a list and records what it was asked."""

    def __init__(self, *pins: str | None) -> None:
        self.pins = list(pins)
        self.requests: list[PinRequest] = []

    def get_pin(self, request: PinRequest) -> str | None:
        self.requests.append(request)
        return self.pins.pop(0) if self.pins else None


def card_data(**changes: object) -> CardData:
    data = CardData(number=RESIDENT.id_number, name=NAME)
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def reader(pcscd: Pcscd) -> Iterator[PcscReader]:
    r = PcscReader(Pcscd.READER, today=lambda: TODAY)
    r.open()
    wait_for(lambda: not r.poll(), what="an empty reader")
    try:
        yield r
    finally:
        r.close()


@pytest.fixture
def insert(pcscd: Pcscd, reader: PcscReader) -> Iterator[object]:
    cards: list[VirtualCard] = []

    def _insert(data: CardData) -> VirtualCard:
        card = VirtualCard(data)
        card.insert(pcscd.port)
        cards.append(card)
        wait_for(reader.poll, what="the card to be seen by pcscd")
        return card

    yield _insert
    for card in cards:
        card.remove()


def _code(reader: PcscReader) -> str:
    with pytest.raises(DeviceError) as caught:
        reader.read()
    return caught.value.code


def test_lists_the_virtual_reader(pcscd: Pcscd) -> None:
    names = [r["reader"] for r in list_pcsc_readers()]
    assert any(n.startswith(Pcscd.READER) for n in names)


def test_reads_a_social_security_card(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    card = insert(card_data())
    identity = reader.read()
    assert identity.doc_type is DocType.SOCIAL_SECURITY
    assert identity.name == NAME  # GBK on the card
    assert identity.id_number == RESIDENT.id_number
    assert (identity.sex, identity.ethnicity) == ("1", "01")
    assert identity.birth_date is not None and identity.birth_date.isoformat() == "1990-03-07"
    assert identity.valid_to is not None and identity.valid_to.isoformat() == "2030-01-15"
    assert identity.extras == {"card_number": "A12345678", "birthplace": "110101"}
    assert identity.warnings == ()
    reads = [a for a in card.apdus if a[1] == 0xB2]
    assert len(reads) == 2 * 10  # every READ RECORD first got 6Cxx, then the exact Le


def test_get_response_cards(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    card = insert(card_data(get_response=True))
    assert reader.read().id_number == RESIDENT.id_number
    assert any(a[1] == 0xC0 for a in card.apdus)  # the data came through GET RESPONSE


def test_pin_prompt_through_the_handler(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    insert(card_data(pin="123456"))
    pins = ScriptedPins("000000", "123456")
    reader._handler = pins
    assert reader.read().name == NAME
    assert [r.tries_left for r in pins.requests] == [None, 2]  # 63C2 after the wrong one


def test_pin_cancelled(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    insert(card_data(pin="123456"))
    assert _code(reader) == "pcsc.pin_required"  # the default handler cancels


def test_pin_blocked(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    insert(card_data(pin="123456", pin_tries=1))
    reader._handler = FixedPinHandler("999999")
    assert _code(reader) == "pcsc.pin_blocked"  # 63C0
    assert _code(reader) == "pcsc.pin_blocked"  # 6983 from then on


def test_other_card_is_not_a_social_security_card(reader: PcscReader, pcsc_slot: Pcscd) -> None:
    card = VirtualCard(card_data())
    card.respond = lambda apdu: b"\x6a\x82"  # type: ignore[method-assign]
    card.insert(pcsc_slot.port)
    try:
        wait_for(reader.poll, what="the card")
        assert _code(reader) == "pcsc.not_social_security"
    finally:
        card.remove()


def test_card_pulled_mid_read(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    card = insert(card_data())
    card.pull_after = 6
    assert _code(reader) == "card.removed"


def test_no_card(reader: PcscReader) -> None:
    assert _code(reader) == "card.not_found"


def test_expired_card_and_bad_number_warn(reader: PcscReader, insert) -> None:  # type: ignore[no-untyped-def]
    bad = RESIDENT.id_number[:-1] + ("0" if RESIDENT.id_number[-1] != "0" else "1")
    insert(card_data(expires="20200101", number=bad))
    identity = reader.read()
    assert set(identity.warnings) == {"card.expired", "id.checksum"}


def test_unknown_reader_name(pcscd: Pcscd) -> None:
    with pytest.raises(DeviceError) as caught:
        PcscReader("No Such Reader").open()
    assert (caught.value.code, caught.value.kind) == ("reader.not_found", "no_reader")


def test_card_swap_reads_the_new_card(reader: PcscReader, pcsc_slot: Pcscd) -> None:
    first = VirtualCard(card_data())
    first.insert(pcsc_slot.port)
    wait_for(reader.poll, what="the first card")
    assert reader.read().name == NAME
    first.remove()
    second = VirtualCard(card_data(name="李四"))
    second.insert(pcsc_slot.port)  # faster than pcscd's 400 ms poll: it may still see the first
    try:
        names: list[str] = []
        errors: list[str] = []

        def read_again() -> bool:  # what the clerk does on "place the card again"
            try:
                names.append(reader.read().name)
            except DeviceError as exc:
                errors.append(exc.code)
            return bool(names)

        wait_for(read_again, what="a good read of the second card")
        assert names == ["李四"]
        assert set(errors) <= {"card.removed"}  # the stale card: a clean "read again"
    finally:
        second.remove()


def test_service_going_away_and_coming_back(pcscd: Pcscd) -> None:
    r = PcscReader(Pcscd.READER)
    r.open()
    pcscd.stop()
    try:
        with pytest.raises(DeviceError) as caught:
            r.poll()
        assert caught.value.kind == "no_reader"
        with pytest.raises(DeviceError) as caught:
            r.open()
        assert caught.value.code == "pcsc.no_service"
    finally:
        pcscd.start()
    r.open()
    assert r.poll() is False
    r.close()


def test_service_events_and_watchdog_over_pcscd(pcsc_slot: Pcscd) -> None:
    log = EventLog()
    reader = PcscReader(Pcscd.READER, today=lambda: TODAY)
    with DeviceService(reader, log, poll_interval=0.05, reopen_interval=0.2) as service:
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        card = VirtualCard(card_data())
        card.insert(pcsc_slot.port)
        try:
            log.wait("card.present")
            ok = log.wait("read.ok")
            assert ok.identity is not None and ok.identity.name == NAME
        finally:
            card.remove()
        log.wait("card.absent")
        # the PC/SC service (and with it the reader) goes away, then comes back
        mark = log.mark()
        pcsc_slot.stop()
        try:
            lost = log.wait(
                "health", after=mark, match=lambda e: e.health.state.value == "no_reader"
            )
            assert lost.health.last_error in ("pcsc.no_service", "reader.unplugged")
            mark = log.mark()
        finally:
            pcsc_slot.start()
        log.wait("health", after=mark, match=lambda e: e.health.state.value == "connected")
        card = VirtualCard(card_data(name="王五"))
        card.insert(pcsc_slot.port)
        try:
            ok = log.wait("read.ok", after=mark)
            assert ok.identity is not None and ok.identity.name == "王五"
        finally:
            card.remove()
        assert service.health.state.value == "connected"
    assert log.threads == {"device"}
