"""Choosing a backend from the station's device configuration, and discovering readers.

Backends with optional dependencies (pyserial, pyscard) are imported only when used, so a
station without a PC/SC stack can still run the serial or vendor reader.
"""

from __future__ import annotations

import ctypes.util
import glob
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from devices.errors import ConfigError, DeviceError
from devices.handler import Handler, NoPinHandler
from devices.reader import Reader

BACKENDS = ("sam-serial", "pcsc", "vendor", "simulated")

#: where vendor SDKs usually install their library (Windows: next to the application)
VENDOR_GLOBS = (
    "/usr/lib/libtermb.so",
    "/usr/lib/*/libtermb.so",
    "/usr/local/lib/libtermb.so",
    "/opt/*/lib*/libtermb.so",
    "/opt/*/libtermb.so",
)


@dataclass(frozen=True)
class DeviceConfig:
    """A station's reader settings (kept with the station settings by the desktop)."""

    backend: str
    port: str | None = None  # sam-serial: /dev/ttyUSB0, COM3
    baud: int = 115200
    reader: str | None = None  # pcsc: part of the reader's name
    library: str | None = None  # vendor: path to termb.dll / libtermb.so
    vendor_port: int = 1001  # vendor: 1001-1016 USB, 1-16 serial
    file: str | None = None  # simulated: the identities to play
    fingerprint: bool = False
    added_address: bool = False


def open_reader(
    config: DeviceConfig,
    *,
    handler: Handler | None = None,
    today: Callable[[], date] = date.today,
) -> Reader:
    """The configured backend's reader (not yet opened)."""
    if config.backend == "sam-serial":
        if not config.port:
            raise ConfigError("sam-serial needs a port", code="device.config")
        from devices.sam_reader import SamSerialReader

        return SamSerialReader(
            config.port,
            config.baud,
            fingerprint=config.fingerprint,
            added_address=config.added_address,
            today=today,
        )
    if config.backend == "pcsc":
        try:
            from devices.pcsc import PcscReader
        except ImportError:
            raise ConfigError(
                "pyscard is not installed (the devices extra)", code="pcsc.unavailable"
            ) from None
        return PcscReader(config.reader, handler=handler or NoPinHandler(), today=today)
    if config.backend == "vendor":
        if not config.library:
            raise ConfigError("vendor needs a library path", code="device.config")
        from devices.vendor import VendorReader

        return VendorReader(config.library, config.vendor_port, today=today)
    if config.backend == "simulated":
        if not config.file:
            raise ConfigError("simulated needs a file", code="device.config")
        from devices.simulated import SimulatedReader

        return SimulatedReader(config.file, today=today)
    raise ConfigError(
        "unknown reader backend", code="device.config", details={"backend": config.backend}
    )


def _serial() -> dict[str, Any]:
    try:
        from devices.serial_port import list_serial_ports
    except ImportError:
        return {"available": False, "error": "pyserial.missing", "readers": []}
    return {"available": True, "readers": list_serial_ports()}


def _pcsc() -> dict[str, Any]:
    try:
        from devices.pcsc import list_pcsc_readers
    except ImportError:
        return {"available": False, "error": "pcsc.unavailable", "readers": []}
    try:
        return {"available": True, "readers": list_pcsc_readers()}
    except DeviceError as exc:
        return {"available": False, "error": exc.code, "readers": []}


def _vendor(extra: list[str]) -> dict[str, Any]:
    found = [p for pattern in VENDOR_GLOBS for p in sorted(glob.glob(pattern))]
    if sys.platform == "win32":
        name = ctypes.util.find_library("termb")
        found += [name] if name else []
    found += [p for p in extra if os.path.exists(p)]
    return {"available": bool(found), "readers": [{"library": p} for p in found]}


def discover(vendor_libraries: list[str] | None = None) -> list[dict[str, Any]]:
    """Every backend, whether it can work here, and the readers it sees."""
    return [
        {"backend": "sam-serial", **_serial()},
        {"backend": "pcsc", **_pcsc()},
        {"backend": "vendor", **_vendor(vendor_libraries or [])},
        {"backend": "simulated", "available": True, "readers": []},
    ]
