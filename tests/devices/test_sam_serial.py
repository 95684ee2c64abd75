"""sam-serial over a real pty against the simulated GA 467 reader, byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.sam import FIND, READ_ADDED_ADDRESS, READ_TEXT_PHOTO, SELECT, STATUS
from devices.sam_reader import SamSerialReader
from devices.sam_simulator import SimulatedSamReader, sample_photo
from tests.devices.samples import ALL_CARDS, RESIDENT, RESIDENT_LONG, TODAY


def _code(reader: SamSerialReader) -> str:
    with pytest.raises(DeviceError) as caught:
        reader.read()
    return caught.value.code


@pytest.mark.parametrize("key", sorted(ALL_CARDS))
def test_reads_every_card_type(
    key: str, sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    card = ALL_CARDS[key]
    sam_sim.place(card, photo=sample_photo(3))
    assert sam_reader.poll() is True
    identity = sam_reader.read()
    assert identity.doc_type is card.doc_type
    assert (identity.name, identity.id_number, identity.name_en) == (
        card.name,
        card.id_number,
        card.name_en,
    )
    assert identity.valid_to == card.valid_to
    assert identity.photo == sample_photo(3)
    assert identity.warnings == ()
    assert sam_sim.commands[-3:] == [FIND, SELECT, READ_TEXT_PHOTO]


def test_changqi_validity_over_the_wire(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    sam_sim.place(RESIDENT_LONG)
    identity = sam_reader.read()
    assert identity.valid_to is None and not identity.is_expired(TODAY)


def test_no_card(sam_reader: SamSerialReader) -> None:
    assert sam_reader.poll() is False
    assert _code(sam_reader) == "card.not_found"


def test_lift_the_card_rule(sam_sim: SimulatedSamReader, sam_reader: SamSerialReader) -> None:
    sam_sim.place(RESIDENT)
    sam_reader.read()
    assert sam_reader.poll() is False  # the reader hides a card it has read
    assert _code(sam_reader) == "card.lift_required"
    sam_sim.lift()
    sam_sim.place(RESIDENT)
    assert sam_reader.poll() is True
    assert sam_reader.read().name == RESIDENT.name


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ("checksum", "frame.checksum"),
        ("truncate", "frame.truncated"),
        ("silence", "frame.timeout"),
        ("length", "frame.length"),
    ],
)
def test_broken_frames_are_typed_and_the_next_read_works(
    fault: str, code: str, sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    sam_sim.place(RESIDENT)
    sam_sim.inject(fault, READ_TEXT_PHOTO)
    assert _code(sam_reader) == code
    sam_sim.lift()
    sam_sim.place(RESIDENT)
    assert sam_reader.read().id_number == RESIDENT.id_number


def test_garbage_before_the_preamble_is_skipped(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    sam_sim.place(RESIDENT)
    sam_sim.inject("garbage", FIND)
    sam_sim.inject("garbage", READ_TEXT_PHOTO)
    assert sam_reader.read().name == RESIDENT.name


def test_card_pulled_between_select_and_read(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    sam_sim.place(RESIDENT)
    sam_sim.inject("pull", READ_TEXT_PHOTO)
    with pytest.raises(DeviceError) as caught:
        sam_reader.read()
    assert caught.value.code == "card.removed"
    assert caught.value.details["sw3"] == "41"
    sam_sim.place(RESIDENT)
    assert sam_reader.read().name == RESIDENT.name


@pytest.mark.parametrize(
    ("command", "sw3", "code"),
    [
        (SELECT, 0x81, "card.select_failed"),
        (READ_TEXT_PHOTO, 0x31, "sam.auth_failed"),
        (READ_TEXT_PHOTO, 0x32, "card.auth_failed"),
        (FIND, 0x60, "sam.self_test_failed"),
        (FIND, 0x66, "sam.not_authorised"),
        (READ_TEXT_PHOTO, 0x40, "card.unknown_type"),
        (FIND, 0x10, "sam.command_checksum"),
        (FIND, 0x77, "sam.unknown_status"),
    ],
)
def test_sw3_statuses_over_the_wire(
    command: tuple[int, int],
    sw3: int,
    code: str,
    sam_sim: SimulatedSamReader,
    sam_reader: SamSerialReader,
) -> None:
    sam_sim.place(RESIDENT)
    sam_sim.inject("sw3", command, sw3=sw3)
    assert _code(sam_reader) == code


def test_sam_self_test_failure_blocks_open(sam_sim: SimulatedSamReader) -> None:
    sam_sim.inject("sw3", STATUS, sw3=0x60)
    reader = SamSerialReader(sam_sim.port, timeout=0.3)
    with pytest.raises(DeviceError) as caught:
        reader.open()
    assert (caught.value.code, caught.value.kind) == ("sam.self_test_failed", "sam")


def test_fingerprint_variant_and_added_address(sam_sim: SimulatedSamReader) -> None:
    reader = SamSerialReader(
        sam_sim.port, timeout=0.3, fingerprint=True, added_address=True, today=lambda: TODAY
    )
    with reader:
        sam_sim.place(RESIDENT, added_address="北京市西城区金融大街1号")
        identity = reader.read()
        assert identity.extras["added_address"] == "北京市西城区金融大街1号"
        assert sam_sim.commands[-2:] == [(0x30, 0x10), READ_ADDED_ADDRESS]
        sam_sim.lift()
        sam_sim.place(RESIDENT)
        assert "added_address" not in reader.read().extras  # SW3 91: no endorsement


def test_sam_id(sam_reader: SamSerialReader) -> None:
    assert sam_reader.sam_id().count("-") == 3


def test_missing_port_and_unplugged_reader(tmp_path: Path, sam_sim: SimulatedSamReader) -> None:
    with pytest.raises(DeviceError) as caught:
        SamSerialReader(str(tmp_path / "nope")).open()
    assert (caught.value.code, caught.value.kind) == ("reader.not_found", "no_reader")
    reader = SamSerialReader(sam_sim.port, timeout=0.3)
    reader.open()
    sam_sim.unplug()
    with pytest.raises(DeviceError) as caught:
        reader.poll()
    assert caught.value.code == "reader.unplugged"
    reader.close()
    sam_sim.replug()
    reader.open()
    assert reader.poll() is False
    reader.close()


def test_photo_is_kept_byte_for_byte(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    photo = sample_photo(42)
    sam_sim.place(RESIDENT, photo=photo)
    identity = sam_reader.read()
    assert identity.photo is not None
    assert hashlib.sha256(identity.photo).digest() == hashlib.sha256(photo).digest()


def test_read_answer_with_inconsistent_lengths(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    sam_sim.place_text(bytes(200), sample_photo())  # text length field says 200, not 256
    assert _code(sam_reader) == "frame.length"


def test_no_permission_on_the_port(sam_sim: SimulatedSamReader) -> None:
    """As a user outside the tty's group (the dialout case), opening the port is refused."""
    import os
    import select
    import signal

    from devices.serial_port import SerialConnection

    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the forked child
        code = "opened"
        try:
            os.setgid(65534)
            os.setuid(65534)  # nobody: the pty is root's, mode 620
            SerialConnection(sam_sim.port).close()
        except DeviceError as exc:
            code = exc.code
        except BaseException as exc:
            code = f"unexpected {type(exc).__name__}"
        finally:
            os.write(write_end, code.encode())
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        answer = os.read(read_end, 200).decode() if ready else "child hung"
    finally:
        os.close(read_end)
        if not ready:
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert answer == "reader.permission"


def test_reset_status_and_rf_size_commands(
    sam_sim: SimulatedSamReader, sam_reader: SamSerialReader
) -> None:
    from devices.sam import RESET, SET_MAX_RF, SamProtocol

    protocol = sam_reader._protocol()
    assert isinstance(protocol, SamProtocol)
    protocol.reset()
    protocol.status()
    protocol.set_max_rf(0x50)
    assert sam_sim.commands[-3:] == [RESET, STATUS, SET_MAX_RF]
    sam_sim.inject("sw3", RESET, sw3=0x24)
    with pytest.raises(DeviceError) as caught:
        protocol.reset()
    assert (caught.value.code, caught.value.kind) == ("sam.unknown_error", "sam")
