"""How a driver asks the person at the counter for something, without knowing any UI.

Electrum's hw_wallet pattern: the driver calls handler methods on the device thread and
waits; the desktop's handler answers with a dialog, the CLI's with the terminal or an option.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class PinRequest:
    """Why a PIN is asked: ``tries_left`` is None on the first ask, else what the card said."""

    reader: str
    tries_left: int | None = None


class Handler(Protocol):
    def get_pin(self, request: PinRequest) -> str | None:
        """The PIN the cardholder typed, or None if they cancelled."""


class NoPinHandler:
    """For unattended use (kiosk monitor, tests): every PIN prompt is cancelled."""

    def get_pin(self, request: PinRequest) -> str | None:
        return None


class FixedPinHandler:
    """Answers with a PIN given up front (CLI ``--pin``); gives up after the first wrong one."""

    def __init__(self, pin: str) -> None:
        self._pin: str | None = pin

    def get_pin(self, request: PinRequest) -> str | None:
        pin, self._pin = self._pin, None
        return pin
