"""The ``simulated`` backend: plays identities from a JSON file (demo, kiosk rehearsal).

File: ``{"cards": [<identity in the CLI's JSON shape, optionally with photo_base64 and
extras> | {"error": "<code>"}, ...], "gap": seconds between cards, "loop": true}``.
Cards of the GA 467 types go through the real text-block encoder and decoder, so the demo
runs the same decoding code as a real reader; an ``error`` entry rehearses that failure.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from devices.errors import (
    SW3_ERRORS,
    CardError,
    CardNotFound,
    CardRemoved,
    ConfigError,
    DeviceError,
    PinError,
)
from devices.jsonout import identity_from_json
from devices.reader import Reader
from devices.textblock import LAYOUTS, decode_text_block, encode_text_block
from intake.identity import Identity, check_identity

_KNOWN: Mapping[str, type[DeviceError]] = {
    "card.removed": CardRemoved,
    "card.not_found": CardNotFound,
    "pcsc.pin_required": PinError,
    "pcsc.pin_blocked": PinError,
    **{code: cls for cls, code, _ in SW3_ERRORS.values()},
}


def simulated_error(code: str) -> DeviceError:
    cls = _KNOWN.get(code, CardError)
    return cls(f"simulated failure {code}", code=code)


class SimulatedReader(Reader):
    backend = "simulated"

    def __init__(
        self,
        path: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._path = Path(path)
        self._clock = clock
        self._today = today
        self._entries: list[Mapping[str, Any]] = []
        self._gap = 0.0
        self._loop = True
        self._index = 0
        self._next_at = 0.0

    @property
    def name(self) -> str:
        return str(self._path)

    def open(self) -> None:
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(
                "the simulation file does not exist",
                code="device.config",
                details={"path": str(self._path)},
            ) from None
        except (OSError, ValueError) as exc:
            raise ConfigError(
                "the simulation file cannot be read",
                code="device.config",
                details={"reason": type(exc).__name__},
            ) from None
        cards = document.get("cards") if isinstance(document, dict) else None
        if not isinstance(cards, list) or not cards:
            raise ConfigError("the simulation file has no cards", code="device.config")
        for entry in cards:  # fail at open, not in the middle of a rehearsal
            if not isinstance(entry, dict):
                raise ConfigError("a card entry is not an object", code="device.config")
            if "error" not in entry:
                identity_from_json(entry)
        self._entries = cards
        self._gap = float(document.get("gap", 0.0))
        self._loop = bool(document.get("loop", True))
        self._index = 0
        self._next_at = self._clock()

    def close(self) -> None:
        self._entries = []

    def poll(self) -> bool:
        return (
            bool(self._entries)
            and self._index < len(self._entries)
            and (self._clock() >= self._next_at)
        )

    def read(self) -> Identity:
        if not self.poll():
            raise CardNotFound("no card on the reader", code="card.not_found")
        entry = self._entries[self._index]
        self._index += 1
        if self._loop and self._index >= len(self._entries):
            self._index = 0
        self._next_at = self._clock() + self._gap  # the card is "lifted" after each read
        if "error" in entry:
            raise simulated_error(str(entry["error"]))
        identity = identity_from_json(entry)
        if identity.doc_type in LAYOUTS:
            identity = decode_text_block(encode_text_block(identity), identity.photo)
        return check_identity(identity, today=self._today())
