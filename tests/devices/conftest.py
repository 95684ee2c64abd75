"""Fixtures for the devices tests: a simulated SAM reader on a real pty, and its reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.sam_reader import SamSerialReader
from devices.sam_simulator import SimulatedSamReader
from tests.devices.samples import TODAY


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
