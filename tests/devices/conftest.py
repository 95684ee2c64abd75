"""Fixtures for the devices tests: a simulated SAM reader on a real pty, and its reader."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.sam_reader import SamSerialReader
from devices.sam_simulator import SimulatedSamReader
from devices.service import DeviceEvent
from tests.devices.samples import TODAY
from tests.devices.vcard import Pcscd

TERMB_SOURCE = Path(__file__).parent / "termb" / "termb_sim.c"

# libpcsclite reads PCSCLITE_CSOCK_NAME once per process, at its first call: set it before
# any test touches PC/SC, so this process (and the CLI subprocesses) talk to our own pcscd,
# never to a system one.
PCSC_WORKDIR = Path(tempfile.gettempdir()) / f"wd-pcscd-{os.getpid()}"  # made by the fixture
os.environ["PCSCLITE_CSOCK_NAME"] = str(PCSC_WORKDIR / "pcscd.comm")


@pytest.fixture
def sam_sim(tmp_path: Path) -> Iterator[SimulatedSamReader]:
    """A reader simulator behind ``tmp_path/ttyWD0`` (a symlink, so it can be re-plugged)."""
    sim = SimulatedSamReader(tmp_path / "ttyWD0")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def sam_reader(sam_sim: SimulatedSamReader) -> Iterator[SamSerialReader]:
    reader = SamSerialReader(sam_sim.port, timeout=0.3, read_timeout=0.5, today=lambda: TODAY)
    reader.open()
    try:
        yield reader
    finally:
        reader.close()


def wait_for(condition: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Poll ``condition`` (pcscd notices cards on a 400 ms poll) or fail with ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def pcscd() -> Iterator[Pcscd]:
    """A real pcscd with the vpcd reader; fails loudly (never skips) if it cannot start."""
    PCSC_WORKDIR.mkdir(mode=0o700, exist_ok=True)
    daemon = Pcscd(PCSC_WORKDIR)
    try:
        daemon.start()
    except RuntimeError as exc:
        daemon.stop()
        shutil.rmtree(PCSC_WORKDIR, ignore_errors=True)
        pytest.fail(f"cannot start pcscd for the PC/SC tests: {exc}", pytrace=False)
    try:
        yield daemon
    finally:
        daemon.stop()
        shutil.rmtree(PCSC_WORKDIR, ignore_errors=True)


class EventLog:
    """Collects DeviceService events (from the device thread) and waits for them."""

    def __init__(self) -> None:
        import threading

        self.events: list[DeviceEvent] = []
        self.threads: set[str] = set()
        self._cond = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        import threading

        with self._cond:
            self.events.append(event)
            self.threads.add(threading.current_thread().name)
            self._cond.notify_all()

    def wait(
        self,
        kind: str,
        *,
        after: int = 0,
        timeout: float = 5.0,
        match: Callable[[DeviceEvent], bool] = lambda e: True,
    ) -> DeviceEvent:
        """The first event of ``kind`` at index >= ``after`` that matches."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for event in self.events[after:]:
                    if event.kind == kind and match(event):
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(e.kind, e.health.state.value, e.error_code) for e in self.events]
                    raise AssertionError(f"no {kind} event; saw {seen}")
                self._cond.wait(left)

    def mark(self) -> int:
        with self._cond:
            return len(self.events)

    def health_states(self) -> list[tuple[str, str | None]]:
        return [
            (e.health.state.value, e.health.last_error) for e in self.events if e.kind == "health"
        ]


@pytest.fixture(scope="session")
def termb_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """libtermb_sim.so compiled from source; fails loudly without gcc (never skips)."""
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.fail("gcc is needed to build the test vendor library", pytrace=False)
    out = tmp_path_factory.mktemp("termb") / "libtermb_sim.so"
    subprocess.run(
        [gcc, "-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", str(out), str(TERMB_SOURCE)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


@pytest.fixture
def pcsc_slot(pcscd: Pcscd) -> Pcscd:
    """pcscd with its first vpcd slot seen empty (a card pulled by the previous test is
    noticed on pcscd's 400 ms poll; inserting before that reads a stale card)."""
    from devices.pcsc import list_pcsc_readers

    def empty() -> bool:
        slots = [r for r in list_pcsc_readers() if str(r["reader"]).startswith(Pcscd.READER)]
        return bool(slots) and not slots[0]["card_present"]

    wait_for(empty, what="an empty vpcd slot")
    return pcscd
