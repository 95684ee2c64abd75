"""The one module that imports pyscard: the ``pcsc`` backend and PC/SC reader listing.

Uses pyscard's thin ``smartcard.scard`` layer so that every call happens on the calling
thread (the device service's), with no observer threads of its own. PC/SC result codes are
turned into typed errors here; the card protocol lives in ``devices.socialsec``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from smartcard import scard

from devices.errors import CardError, CardNotFound, CardRemoved, ReaderError, ReaderMissing
from devices.handler import Handler, NoPinHandler
from devices.reader import Reader
from devices.socialsec import SocialSecurityCard
from intake.identity import Identity

log = logging.getLogger(__name__)

#: the service stopped or restarted: the context (and every handle) is gone
_NO_SERVICE = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_E_INVALID_HANDLE,
}
_READER_GONE = {
    scard.SCARD_E_UNKNOWN_READER,
    scard.SCARD_E_READER_UNAVAILABLE,
    scard.SCARD_E_NO_READERS_AVAILABLE,
}
#: the card left (or was swapped faster than the service polls): "read again"
_CARD_GONE = {
    scard.SCARD_W_REMOVED_CARD,
    scard.SCARD_E_NO_SMARTCARD,
    scard.SCARD_E_NOT_TRANSACTED,
    scard.SCARD_E_COMM_DATA_LOST,
}
#: a card swap can leave the slot unpowered or reset for a moment: connect again
_RETRY_CONNECT = {scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_W_RESET_CARD}


def _hex(result: int) -> str:
    return f"{result & 0xFFFFFFFF:08X}"


def pcsc_error(result: int, during: str) -> ReaderError | ReaderMissing | CardError:
    """The typed error for a failing PC/SC call."""
    details = {"scard": _hex(result), "during": during}
    if result in _NO_SERVICE:
        return ReaderMissing(
            "the PC/SC service is not running (pcscd / Smart Card service)",
            code="pcsc.no_service",
            details=details,
        )
    if result in _READER_GONE:
        return ReaderMissing(
            "the reader went away (unplugged?)", code="reader.unplugged", details=details
        )
    if result in _CARD_GONE or result in _RETRY_CONNECT:
        return CardRemoved("the card was removed during the read: place it again", details=details)
    return ReaderError("the PC/SC reader failed", code="pcsc.error", details=details)


class _Context:
    """A PC/SC context; released and re-established whenever the service restarts."""

    def __init__(self) -> None:
        result, self.handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "establish")

    def readers(self) -> list[str]:
        result, readers = scard.SCardListReaders(self.handle, [])
        if result == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "list")
        return list(readers)

    def release(self) -> None:
        scard.SCardReleaseContext(self.handle)


class _CardConnection:
    """ApduConnection over one SCardConnect handle."""

    def __init__(self, context: _Context, reader: str) -> None:
        result, self._card, protocol = scard.SCardConnect(
            context.handle,
            reader,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "connect")
        self._protocol = protocol

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        result, response = scard.SCardTransmit(self._card, self._protocol, list(apdu))
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "transmit")
        if len(response) < 2:  # a card always answers a status word: this one left the field
            raise CardRemoved(
                "the card stopped answering: place it again",
                details={"length": len(response), "during": "transmit"},
            )
        return bytes(response[:-2]), (response[-2] << 8) | response[-1]

    def disconnect(self, *, reset: bool) -> None:
        """Reset after a good read, so a verified PIN does not stay open for the next
        program; leave a card that failed (resetting a card that left can wedge the slot)."""
        disposition = scard.SCARD_RESET_CARD if reset else scard.SCARD_LEAVE_CARD
        scard.SCardDisconnect(self._card, disposition)


class PcscReader(Reader):
    """A PC/SC reader holding a social security card. ``reader`` selects by name substring."""

    backend = "pcsc"

    def __init__(
        self,
        reader: str | None = None,
        *,
        handler: Handler | None = None,
        connect_retries: int = 5,
        retry_delay: float = 0.2,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._wanted = reader
        self._handler = handler or NoPinHandler()
        self._retries = connect_retries
        self._retry_delay = retry_delay
        self._today = today
        self._context: _Context | None = None
        self._reader: str | None = None

    @property
    def name(self) -> str:
        return self._reader or self._wanted or "(any PC/SC reader)"

    def open(self) -> None:
        self.close()
        context = _Context()
        try:
            self._reader = self._pick(context.readers())
        except BaseException:
            context.release()
            raise
        self._context = context
        log.debug("pcsc open")

    def _pick(self, readers: list[str]) -> str:
        matching = [r for r in readers if self._wanted is None or self._wanted in r]
        if not matching:
            raise ReaderMissing(
                "no such PC/SC reader", code="reader.not_found", details={"readers": len(readers)}
            )
        return matching[0]

    def close(self) -> None:
        if self._context is not None:
            self._context.release()
        self._context = None

    def _ctx(self) -> tuple[_Context, str]:
        if self._context is None or self._reader is None:
            raise ReaderError("the reader is not open", code="reader.not_open")
        return self._context, self._reader

    def poll(self) -> bool:
        context, reader = self._ctx()
        result, states = scard.SCardGetStatusChange(
            context.handle, 0, [(reader, scard.SCARD_STATE_UNAWARE)]
        )
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "status")
        state = states[0][1]
        if state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
            raise ReaderMissing("the reader went away (unplugged?)", code="reader.unplugged")
        return bool(state & scard.SCARD_STATE_PRESENT) and not state & scard.SCARD_STATE_MUTE

    def _connect(self) -> _CardConnection:
        context, reader = self._ctx()
        for attempt in range(self._retries):
            try:
                return _CardConnection(context, reader)
            except CardRemoved as exc:
                code = int(exc.details["scard"], 16)
                if code == scard.SCARD_E_NO_SMARTCARD:
                    raise CardNotFound("no card on the reader", code="card.not_found") from None
                log.debug("pcsc connect retry %d after %s", attempt + 1, exc.details["scard"])
                time.sleep(self._retry_delay)
        raise CardRemoved(
            "the card is not ready: place it again",
            code="card.removed",
            details={"retries": self._retries},
        )

    def read(self) -> Identity:
        connection = self._connect()
        ok = False
        try:
            card = SocialSecurityCard(connection, self._handler, self.name)
            identity = card.read_identity(today=self._today())
            ok = True
            return identity
        finally:
            connection.disconnect(reset=ok)


def list_pcsc_readers() -> list[dict[str, Any]]:
    """PC/SC readers and whether a card is in each (raises pcsc.no_service without pcscd)."""
    context = _Context()
    try:
        names = context.readers()
        if not names:
            return []
        result, states = scard.SCardGetStatusChange(
            context.handle, 0, [(n, scard.SCARD_STATE_UNAWARE) for n in names]
        )
        if result != scard.SCARD_S_SUCCESS:
            raise pcsc_error(result, "status")
        return [
            {"reader": name, "card_present": bool(state & scard.SCARD_STATE_PRESENT)}
            for name, state, _atr in states
        ]
    finally:
        context.release()
