"""DeviceService over the pty SAM simulator: events, health, the one device thread, watchdog."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.reader import Reader
from devices.sam import READ_TEXT_PHOTO, STATUS
from devices.sam_reader import SamSerialReader
from devices.sam_simulator import SimulatedSamReader
from devices.service import DeviceService
from tests.devices.conftest import EventLog
from tests.devices.samples import FOREIGN2023, RESIDENT, TODAY


def make_service(port: str, log: EventLog, **kw: object) -> DeviceService:
    reader = SamSerialReader(port, timeout=0.3, read_timeout=0.5, today=lambda: TODAY)
    return DeviceService(reader, log, poll_interval=0.02, reopen_interval=0.1, **kw)  # type: ignore[arg-type]


def test_card_present_read_and_lift(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()
    with make_service(sam_sim.port, log) as service:
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        mark = log.mark()
        sam_sim.place(RESIDENT)
        log.wait("card.present", after=mark)
        ok = log.wait("read.ok", after=mark)
        assert ok.identity is not None and ok.identity.id_number == RESIDENT.id_number
        log.wait("card.absent", after=mark)  # a SAM hides the card it read: lift it
        mark = log.mark()
        sam_sim.lift()
        sam_sim.place(FOREIGN2023)
        ok = log.wait("read.ok", after=mark)
        assert ok.identity is not None and ok.identity.name_en == FOREIGN2023.name_en
        assert service.health.state.value == "connected"
    assert log.threads == {"device"}  # every event, hence every reader call, on one thread


def test_card_pulled_mid_read_is_a_read_error_not_a_reader_fault(
    sam_sim: SimulatedSamReader,
) -> None:
    log = EventLog()
    with make_service(sam_sim.port, log) as service:
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        sam_sim.inject("pull", READ_TEXT_PHOTO)
        sam_sim.place(RESIDENT)
        error = log.wait("read.error")
        assert error.error_code == "card.removed"
        assert service.health.state.value == "connected"
        assert service.health.last_error == "card.removed"
        log.wait("card.absent")
        mark = log.mark()
        sam_sim.place(RESIDENT)  # placed again: read again
        assert log.wait("read.ok", after=mark).identity is not None


def test_frame_error_reopens_the_reader(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()
    with make_service(sam_sim.port, log):
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        sam_sim.inject("checksum", READ_TEXT_PHOTO)
        sam_sim.place(RESIDENT)
        assert log.wait("read.error").error_code == "frame.checksum"
        log.wait("health", match=lambda e: e.health.state.value == "reader_error")
        mark = log.mark()
        log.wait("health", after=mark, match=lambda e: e.health.state.value == "connected")
        sam_sim.lift()
        sam_sim.place(RESIDENT)
        assert log.wait("read.ok", after=mark).identity is not None


def test_unplug_and_replug_is_picked_up_by_the_watchdog(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()
    with make_service(sam_sim.port, log) as service:
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        mark = log.mark()
        sam_sim.unplug()
        lost = log.wait("health", after=mark, match=lambda e: e.health.state.value == "no_reader")
        assert lost.health.last_error in ("reader.unplugged", "reader.not_found")
        mark = log.mark()
        sam_sim.replug()
        log.wait(
            "health", after=mark, match=lambda e: e.health.state.value == "connected", timeout=5
        )
        sam_sim.place(RESIDENT)
        assert log.wait("read.ok", after=mark).identity is not None
        assert service.health.state.value == "connected"


def test_starts_without_a_reader_and_finds_it_later(tmp_path: Path) -> None:
    log = EventLog()
    sim = SimulatedSamReader(tmp_path / "ttyLATE")
    with make_service(str(tmp_path / "ttyLATE"), log) as service:
        first = log.wait("health")
        assert (first.health.state.value, first.health.last_error) == (
            "no_reader",
            "reader.not_found",
        )
        with sim:
            log.wait("health", match=lambda e: e.health.state.value == "connected")
            assert service.health.reader == str(tmp_path / "ttyLATE")


def test_sam_error_health(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()
    sam_sim.inject("sw3", STATUS, sw3=0x60)
    with make_service(sam_sim.port, log):
        bad = log.wait("health")
        assert (bad.health.state.value, bad.health.last_error) == (
            "sam_error",
            "sam.self_test_failed",
        )
        log.wait("health", match=lambda e: e.health.state.value == "connected")  # re-opened


def test_explicit_read_and_jobs_run_on_the_device_thread(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()
    with make_service(sam_sim.port, log, auto_read=False) as service:
        log.wait("health", match=lambda e: e.health.state.value == "connected")
        with pytest.raises(DeviceError) as caught:
            service.read().result(timeout=5)
        assert caught.value.code == "card.not_found"
        sam_sim.place(RESIDENT)
        log.wait("card.present")
        assert service.read().result(timeout=5).id_number == RESIDENT.id_number

        def job(reader: Reader) -> str:
            assert isinstance(reader, SamSerialReader)
            return threading.current_thread().name + ":" + reader.sam_id()

        assert service.submit(job).result(timeout=5).startswith("device:")


def test_a_failing_listener_does_not_stop_the_device_thread(sam_sim: SimulatedSamReader) -> None:
    log = EventLog()

    def listener(event):  # type: ignore[no-untyped-def]
        log(event)
        raise RuntimeError("listener bug")

    reader = SamSerialReader(sam_sim.port, timeout=0.3, today=lambda: TODAY)
    with DeviceService(reader, listener, poll_interval=0.02):
        log.wait("health")
        sam_sim.place(RESIDENT)
        assert log.wait("read.ok").identity is not None


def test_a_job_without_a_reader_gets_the_open_error(tmp_path: Path) -> None:
    log = EventLog()
    with make_service(str(tmp_path / "ttyNONE"), log, auto_read=False) as service:
        with pytest.raises(DeviceError) as caught:
            service.read().result(timeout=5)
        assert (caught.value.code, caught.value.kind) == ("reader.not_found", "no_reader")
        assert service.health.state.value == "no_reader"
