"""A simulated GA 467 SAM reader on a pseudo-terminal, byte for byte.

Tests and the benchmark point the real ``sam-serial`` backend (pyserial included) at
``port``; the simulator answers frames from a thread like a reader would, and can misbehave
on request: bad checksum, truncated frame, silence, garbage before the preamble, an SW3 error,
or a card pulled between select and read. It also keeps the readers' "lift the card" rule:
after a read, "find" fails until the card leaves and comes back. ``unplug()``/``replug()``
close the pty and open a new one behind the same symlink, as a USB serial adapter would.
POSIX only (os.openpty).
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from devices.errors import FrameError
from devices.frames import FrameDecoder, build_frame, parse_command
from devices.sam import (
    FIND,
    READ_ADDED_ADDRESS,
    READ_TEXT_PHOTO,
    READ_WITH_FINGERPRINT,
    RESET,
    SAM_ID,
    SELECT,
    SET_MAX_RF,
    STATUS,
)
from devices.textblock import PHOTO_LEN, encode_text_block
from intake.identity import Identity

FAULTS = ("checksum", "truncate", "silence", "garbage", "length", "pull")


@dataclass
class _Fault:
    kind: str  # one of FAULTS, or "sw3" with ``sw3`` set
    command: tuple[int, int] | None  # None: the next command whatever it is
    sw3: int = 0


def sample_photo(seed: int = 0) -> bytes:
    """1024 bytes standing in for a WLT photo (only a licensed library decodes real ones)."""
    return b"WLT" + bytes((seed + i * 7) % 256 for i in range(PHOTO_LEN - 3))


class SimulatedSamReader:
    """Start with ``start()`` (or as a context manager); ``port`` is the path to open."""

    def __init__(self, link: Path | None = None, *, read_delay: float = 0.0) -> None:
        self._link = link
        self.read_delay = read_delay  # how long the "SAM" takes to read a card
        self._lock = threading.Lock()
        self._faults: deque[_Fault] = deque()
        self._card: tuple[bytes, bytes, str | None] | None = None  # text, photo, added address
        self._found = False
        self._selected = False
        self._read_done = False
        self.commands: list[tuple[int, int]] = []  # what the reader received, in order
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._master = -1
        self._slave = -1
        self.port = ""

    # life cycle -------------------------------------------------------------------------
    def start(self) -> SimulatedSamReader:
        self._open_pty()
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="sam-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._close_pty()
        if self._link is not None:
            with contextlib.suppress(FileNotFoundError):
                self._link.unlink()

    def __enter__(self) -> SimulatedSamReader:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def unplug(self) -> None:
        """The USB adapter is pulled: the pty closes and the symlink disappears."""
        self.stop()

    def replug(self) -> None:
        self.start()

    def _open_pty(self) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        slave_name = os.ttyname(self._slave)
        if self._link is not None:
            with contextlib.suppress(FileNotFoundError):
                self._link.unlink()
            self._link.symlink_to(slave_name)
            self.port = str(self._link)
        else:
            self.port = slave_name

    def _close_pty(self) -> None:
        for fd in (self._master, self._slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = -1

    # the card -----------------------------------------------------------------------------
    def place(
        self, identity: Identity, *, photo: bytes | None = None, added_address: str | None = None
    ) -> None:
        """Put a card on the reader (replacing any)."""
        text = encode_text_block(identity)
        with self._lock:
            self._card = (text, photo if photo is not None else sample_photo(), added_address)
            self._found = self._selected = self._read_done = False

    def place_text(self, text: bytes, photo: bytes) -> None:
        """Put a card with a hand-made text block (to test decoding of odd cards)."""
        with self._lock:
            self._card = (text, photo, None)
            self._found = self._selected = self._read_done = False

    def lift(self) -> None:
        with self._lock:
            self._card = None
            self._found = self._selected = self._read_done = False

    def inject(self, kind: str, command: tuple[int, int] | None = None, *, sw3: int = 0) -> None:
        """Misbehave once on the next ``command`` (or the next command at all)."""
        if kind not in FAULTS and kind != "sw3":
            raise ValueError(f"unknown fault {kind}")
        with self._lock:
            self._faults.append(_Fault(kind, command, sw3))

    # serving ------------------------------------------------------------------------------
    def _serve(self) -> None:
        decoder = FrameDecoder(min_len=3)
        master = self._master
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            decoder.feed(chunk)
            while True:
                try:
                    payload = decoder.next_payload()
                except FrameError:
                    self._send(master, build_frame(bytes([0, 0, 0x10])))
                    continue
                if payload is None:
                    break
                try:
                    command = parse_command(payload)
                except FrameError:
                    self._send(master, build_frame(bytes([0, 0, 0x11])))
                    continue
                self._answer(master, (command.cmd, command.para))

    def _take_fault(self, command: tuple[int, int]) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.command is None or fault.command == command:
                    self._faults.remove(fault)
                    return fault
        return None

    def _answer(self, master: int, command: tuple[int, int]) -> None:
        self.commands.append(command)
        fault = self._take_fault(command)
        if fault is not None and fault.kind == "pull":
            self.lift()
        if fault is not None and fault.kind == "silence":
            return
        sw3, data = (fault.sw3, b"") if fault and fault.kind == "sw3" else self._respond(command)
        frame = build_frame(bytes([0, 0, sw3]) + data)
        if fault is None or fault.kind == "pull":
            self._send(master, frame)
        elif fault.kind == "checksum":
            self._send(master, frame[:-1] + bytes([frame[-1] ^ 0xFF]))
        elif fault.kind == "truncate":
            self._send(master, frame[: len(frame) // 2])
        elif fault.kind == "garbage":
            self._send(master, b"\x00\xffAA\xaa\xaa\x13\x37" + b"\xaa" * 3 + frame)
        elif fault.kind == "length":
            self._send(master, frame[:5] + b"\xff\xff" + frame[7:])
        else:
            self._send(master, frame)

    def _respond(self, command: tuple[int, int]) -> tuple[int, bytes]:
        with self._lock:
            card = self._card
            if command in (RESET, STATUS, SET_MAX_RF):
                return 0x90, b""
            if command == SAM_ID:
                return 0x90, bytes(range(1, 17))
            if command == FIND:
                self._found = card is not None and not self._read_done
                return (0x9F if self._found else 0x80), b""
            if command == SELECT:
                self._selected = self._found and card is not None
                return (0x90 if self._selected else 0x81), b""
            if command in (READ_TEXT_PHOTO, READ_WITH_FINGERPRINT):
                if card is None or not self._selected:
                    return 0x41, b""
                text, photo, _ = card
                self._read_done = True
                header = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
                body = text + photo
                if command == READ_WITH_FINGERPRINT:
                    fingerprint = bytes(512)
                    header += len(fingerprint).to_bytes(2, "big")
                    body += fingerprint
                delay = self.read_delay
            elif command == READ_ADDED_ADDRESS:
                if card is None:
                    return 0x41, b""
                extra = card[2]
                return (0x91, b"") if extra is None else (0x90, extra.encode("utf-16-le"))
            else:
                return 0x21, b""
        if delay:
            time.sleep(delay)
        return 0x90, header + body

    @staticmethod
    def _send(master: int, data: bytes) -> None:
        with contextlib.suppress(OSError):
            os.write(master, data)
