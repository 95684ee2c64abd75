"""What every reader backend offers, and the health state the device service reports.

A backend is used from one thread only (the device service's). ``open()`` acquires the
device anew every time (devices are hot-plugged: handles are not cached across failures),
``poll()`` says whether a card waits to be read, ``read()`` returns a checked Identity or
raises a typed ``DeviceError``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from intake.identity import Identity


class HealthState(StrEnum):
    CONNECTED = "connected"
    NO_READER = "no_reader"
    READER_ERROR = "reader_error"
    SAM_ERROR = "sam_error"


#: DeviceError.kind → the health state it implies (card errors leave the reader healthy)
STATE_OF_KIND = {
    "no_reader": HealthState.NO_READER,
    "reader": HealthState.READER_ERROR,
    "sam": HealthState.SAM_ERROR,
    "card": HealthState.CONNECTED,
}


@dataclass(frozen=True)
class Health:
    state: HealthState
    backend: str
    reader: str | None = None
    last_error: str | None = None  # the code of the last error, card errors included

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value,
            "backend": self.backend,
            "reader": self.reader,
            "last_error": self.last_error,
        }


class Reader(ABC):
    """One configured card reader."""

    backend: ClassVar[str]

    @property
    @abstractmethod
    def name(self) -> str:
        """How the clerk's supervisor recognises the reader (port, PC/SC name, library)."""

    @abstractmethod
    def open(self) -> None:
        """Acquire the device; raise ReaderMissing / ReaderError / SamError if unusable."""

    @abstractmethod
    def close(self) -> None:
        """Release the device; never raises."""

    @abstractmethod
    def poll(self) -> bool:
        """True if a card is present and not read yet."""

    @abstractmethod
    def read(self) -> Identity:
        """Read the card on the reader: a checked Identity (warnings set) or a DeviceError."""

    def __enter__(self) -> Reader:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
