"""Typed device errors with stable codes.

The desktop translates by ``code``; ``devices.messages`` holds the Chinese text for the CLI.
The ``kind`` of an error tells the device service which health state it implies: a card error
leaves the reader healthy, a SAM error or a broken line does not. ``details`` carry status
codes and lengths only, never card content (PIPL).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from intake.errors import WindowDeskError


class DeviceError(WindowDeskError):
    """Base of every failure a reader backend raises."""

    code = "device.error"
    #: which health state the error implies: "card" (reader fine), "reader", "sam", "no_reader"
    kind: ClassVar[str] = "reader"


class CardError(DeviceError):
    """The card is missing, moved, unreadable or refused: the reader itself is fine."""

    code = "card.error"
    kind = "card"


class CardNotFound(CardError):
    code = "card.not_found"


class CardRemoved(CardError):
    """The card left the field during a read: place it again and read again."""

    code = "card.removed"


class SamError(DeviceError):
    """The reader's security module failed or refused: the reader needs attention."""

    code = "sam.error"
    kind = "sam"


class FrameError(DeviceError):
    """The serial line delivered a frame we cannot trust (checksum, length, silence)."""

    code = "frame.error"
    kind = "reader"


class ReaderError(DeviceError):
    """The reader misbehaves (I/O error, driver failure)."""

    code = "reader.error"
    kind = "reader"


class ReaderMissing(DeviceError):
    """No reader where the configuration says: not plugged, unplugged, or no service."""

    code = "reader.not_found"
    kind = "no_reader"


class PinError(CardError):
    """Social security card PIN: required, wrong, blocked or cancelled."""

    code = "pcsc.pin_required"


class ConfigError(DeviceError):
    """The station's device configuration cannot work (unknown backend, missing file)."""

    code = "device.config"
    kind = "no_reader"


# GA 467 SW3 status → (error class, stable code, English message). 90/9F/91 are not errors.
SW3_ERRORS: Mapping[int, tuple[type[DeviceError], str, str]] = {
    0x10: (SamError, "sam.command_checksum", "the reader received a command with a bad checksum"),
    0x11: (SamError, "sam.command_length", "the reader received a command with a bad length"),
    0x21: (SamError, "sam.bad_command", "the reader does not know this command"),
    0x23: (SamError, "sam.unauthorised", "the reader refused an unauthorised command"),
    0x24: (SamError, "sam.unknown_error", "the reader reported an unknown error"),
    0x31: (SamError, "sam.auth_failed", "the card failed to authenticate the security module"),
    0x32: (CardError, "card.auth_failed", "the security module failed to authenticate the card"),
    0x33: (CardError, "card.verify_failed", "the card's data failed verification"),
    0x40: (CardError, "card.unknown_type", "unknown card type"),
    0x41: (CardError, "card.read_failed", "reading the card failed"),
    0x47: (SamError, "sam.random_failed", "the security module failed to get a random number"),
    0x60: (SamError, "sam.self_test_failed", "the security module failed its self-test"),
    0x66: (SamError, "sam.not_authorised", "the security module is not authorised"),
    0x80: (CardNotFound, "card.not_found", "no card on the reader"),
    0x81: (CardError, "card.select_failed", "the card could not be selected"),
}


def sw3_error(sw3: int, command: str) -> DeviceError:
    """The typed error for a failing SW3 status (unknown statuses get ``sam.unknown_status``)."""
    cls, code, message = SW3_ERRORS.get(
        sw3, (SamError, "sam.unknown_status", "the reader answered an unknown status")
    )
    return cls(message, code=code, details={"sw3": f"{sw3:02X}", "command": command})
