"""QR / barcode scanners: telling a scanner's burst of keys from a person typing, and what
a scanned code is. No Qt: the desktop's keyboard filter and a serial scanner feed this.

A keyboard-wedge scanner "types" its code much faster than a person (a few ms a key) and
ends it with Enter. ``BurstDetector`` is fed every key with its time and says, at the Enter,
whether the keys since the last slow gap were a scan. ``parse_scan`` says what the text is:
the receipt's QR (the tracking link with the case number and its check code), a bare case
number (the receipt's barcode), an electronic licence code, or something else (which the
caller then treats as typed text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.connection import ByteConnection
from intake.numbering import CASE_NUMBER

#: Keys closer together than this are a machine (people manage ~80 ms at best).
MAX_GAP_S = 0.030
#: A scan is at least this long (a case number has 20 characters, a QR link more).
MIN_LENGTH = 6
ENTER = "\r"


class Verdict(StrEnum):
    TYPING = "typing"  # a key a person typed (or the Enter after typing)
    BURST = "burst"  # a key inside a fast run: the run may still turn out to be a scan
    SCAN = "scan"  # the Enter that ends a scan: ``BurstDetector.text`` holds the code


class BurstDetector:
    """Feed ``(key, time in seconds)`` for each key; an Enter answers SCAN or TYPING.

    A run is keys at most ``max_gap_s`` apart. Once a run is ``min_length`` long (no person
    types that fast), a pause of up to ``HICCUP`` gaps is forgiven once: a busy computer may
    deliver one key late, and the scan must not fall apart into typed text.
    """

    HICCUP = 4  # × max_gap_s

    def __init__(self, max_gap_s: float = MAX_GAP_S, min_length: int = MIN_LENGTH) -> None:
        self.max_gap_s = max_gap_s
        self.min_length = min_length
        self._run: list[str] = []
        self._last: float | None = None
        self._forgiven = False
        self.text = ""  # the last scan's code

    def _continues(self, at: float) -> bool:
        if self._last is None:
            return False
        gap = at - self._last
        if gap < 0:  # the clock went back (a key stamped by another clock, a wrap): a break
            return False
        if gap <= self.max_gap_s:
            return True
        long_enough = len(self._run) >= self.min_length
        if long_enough and not self._forgiven and gap <= self.max_gap_s * self.HICCUP:
            self._forgiven = True
            return True
        return False

    def feed(self, key: str, at: float) -> Verdict:
        fast = self._continues(at)
        self._last = at
        if key == ENTER:
            run = "".join(self._run)
            self.reset()
            if fast and len(run) >= self.min_length:
                self.text = run
                return Verdict.SCAN
            return Verdict.TYPING
        if not fast:
            self._run = [key]  # a slow gap: a new run may start here
            self._forgiven = False
            return Verdict.TYPING
        self._run.append(key)
        return Verdict.BURST

    @property
    def pending(self) -> str:
        """The characters of the run so far (what reached the focused field if it is a scan)."""
        return "".join(self._run)

    def reset(self) -> None:
        self._run = []
        self._last = None
        self._forgiven = False


class CodeKind(StrEnum):
    CASE = "case"  # a receipt: QR link or case-number barcode
    LICENCE = "licence"  # an electronic licence (电子证照) code
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScannedCode:
    kind: CodeKind
    raw: str
    case_number: str = ""
    verify: str = ""  # the QR link's check code (empty for a bare barcode)


#: 电子证照 identifiers (GB/T 36904 style object identifiers under 1.2.156, and the "DZZZ"
#: codes some provincial licence libraries print on their QR). A heuristic: the material's
#: licence-number field receives the code either way.
_LICENCE = re.compile(r"(1\.2\.156\.[0-9A-Za-z.\-]{6,}|DZZZ[0-9A-Z]{8,})")
_VERIFY = re.compile(r"[A-Z2-7]{6}")


def parse_scan(raw: str) -> ScannedCode:
    code = raw.strip()
    upper = code.upper()
    if CASE_NUMBER.fullmatch(upper):
        return ScannedCode(CodeKind.CASE, code, case_number=upper)
    if upper.startswith(("HTTP://", "HTTPS://")):
        parts = urlsplit(code)
        values = [v for _k, v in parse_qsl(parts.query)] + unquote(parts.path).split("/")
        number = next((v.upper() for v in values if CASE_NUMBER.fullmatch(v.upper())), "")
        if number:
            verify = next((v for v in values if _VERIFY.fullmatch(v)), "")
            return ScannedCode(CodeKind.CASE, code, case_number=number, verify=verify)
    if _LICENCE.fullmatch(code):
        return ScannedCode(CodeKind.LICENCE, code)
    return ScannedCode(CodeKind.UNKNOWN, code)


class SerialScanner:
    """A scanner on a serial line (or its USB CDC / virtual COM mode): each code arrives as
    one line ended by CR and/or LF. Reads from any ``devices.connection.ByteConnection``
    (``devices.serial_port.SerialConnection`` for a real port), so the same parser serves it.
    """

    def __init__(self, connection: ByteConnection, *, limit: int = 4096) -> None:
        self._connection = connection
        self._limit = limit  # a line longer than this is noise, not a code
        self._buffer = bytearray()

    def read(self, timeout: float) -> list[ScannedCode]:
        """The codes that completed within ``timeout`` seconds (none: an empty list)."""
        data = self._connection.read(512, timeout)
        self._buffer += data
        codes = []
        while True:
            ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
            if not ends:
                break
            end = min(ends)
            line, self._buffer = bytes(self._buffer[:end]), self._buffer[end + 1 :]
            text = _decode(line).strip()
            if text:
                codes.append(parse_scan(text))
        if len(self._buffer) > self._limit:
            self._buffer.clear()
        return codes

    def close(self) -> None:
        self._connection.close()


def _decode(line: bytes) -> str:
    """Scanners send UTF-8, or GB18030 when set up for Chinese Windows."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("gb18030", errors="replace")
