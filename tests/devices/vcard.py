"""A virtual social security card speaking the vpcd socket protocol, and a pcscd to hold it.

vpcd (vsmartcard's PC/SC driver) listens on a TCP port per slot; a virtual card "inserts"
itself by connecting and "leaves" by closing. Every message is a 2-byte big-endian length
and a body: a 1-byte body is a control (0 power off, 1 power on, 2 reset, 4 get ATR; only
get ATR is answered), anything else is a command APDU answered with a response APDU.

``Pcscd`` runs a real pcscd with its own config directory and its own socket (handed over
systemd-style through LISTEN_FDS, so the system's /run/pcscd is left alone) and puts the
vpcd reader on a free port. pcscd needs root; on failure the fixture fails loudly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from devices.socialsec import AID

ATR = bytes.fromhex("3B8180018080")  # T=0/T=1, one historical byte, TCK
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
#: pcscd writes (and at exit removes) this even when socket-activated: a system pcscd's
#: copy is saved before ours starts and put back after it stops
SYSTEM_PID_FILE = Path("/run/pcscd/pcscd.pid")


def _bcd(digits: str) -> bytes:
    return bytes.fromhex(digits + "F" * (len(digits) % 2))


@dataclass
class CardData:
    card_number: str = "A12345678"
    issuer: str = "110000"
    issued: str = "20200115"
    expires: str = "20300115"
    number: str = ""
    name: str = ""
    sex: str = "1"
    ethnicity: str = "01"
    birthplace: str = "110101"
    birth_date: str = "19900307"
    pin: str | None = None  # None: no PIN needed
    pin_tries: int = 3
    get_response: bool = False  # T=0 style: answer 61xx and hand the data to GET RESPONSE
    records: dict[int, bytes] = field(default_factory=dict)

    def ef05(self) -> dict[int, bytes]:
        return {
            0x01: b"110000D156000005",
            0x02: b"3",
            0x03: b"2.00",
            0x04: self.issuer.encode(),
            0x05: _bcd(self.issued),
            0x06: _bcd(self.expires),
            0x07: self.card_number.encode(),
        }

    def ef06(self) -> dict[int, bytes]:
        return {
            0x08: self.number.encode(),
            0x09: self.name.encode("gbk").ljust(30, b" "),
            0x0A: self.sex.encode(),
            0x0B: _bcd(self.ethnicity),
            0x0C: _bcd(self.birthplace),
            0x0D: _bcd(self.birth_date),
        }


class VirtualCard:
    """One card: ``insert(port)`` connects it to a vpcd slot, ``remove()`` pulls it."""

    def __init__(self, data: CardData) -> None:
        self.data = data
        self.tries_left = data.pin_tries
        self.apdus: list[bytes] = []  # INS bytes only are asserted on; nothing personal
        self.pull_after: int | None = None  # close the connection after N APDUs
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._app = False
        self._ef: bytes | None = None
        self._verified = False
        self._pending = b""

    def insert(self, port: int, *, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._app, self._ef, self._verified = False, None, False
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
            self._sock = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                body = _recv_exact(sock, int.from_bytes(header, "big"))
                if len(body) == 1:
                    if body[0] == 4:
                        sock.sendall(len(ATR).to_bytes(2, "big") + ATR)
                    if body[0] in (0, 2):  # power off / reset: the application is gone
                        self._app, self._ef, self._verified = False, None, False
                    continue
                self.apdus.append(body[:2])
                if self.pull_after is not None and len(self.apdus) >= self.pull_after:
                    return
                answer = self.respond(body)
                sock.sendall(len(answer).to_bytes(2, "big") + answer)
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    def respond(self, apdu: bytes) -> bytes:
        _cla, ins, p1, _p2 = apdu[:4]
        lc_data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
        if ins == 0xA4 and p1 == 0x04:
            self._app = lc_data == AID
            return b"\x90\x00" if self._app else b"\x6a\x82"
        if ins == 0xA4 and p1 == 0x02:
            if not self._app or lc_data not in (b"\xef\x05", b"\xef\x06"):
                return b"\x6a\x82"
            self._ef = lc_data
            return b"\x90\x00"
        if ins == 0x20:
            return self._verify(lc_data)
        if ins == 0xB2:
            if self._ef is None:
                return b"\x69\x86"
            if self._ef == b"\xef\x06" and self.data.pin and not self._verified:
                return b"\x69\x83" if self.tries_left == 0 else b"\x69\x82"
            records = self.data.ef05() if self._ef == b"\xef\x05" else self.data.ef06()
            records.update(self.data.records)
            if p1 not in records:
                return b"\x6a\x83"
            tlv = bytes([p1, len(records[p1])]) + records[p1]
            le = apdu[4] if len(apdu) == 5 else 0
            if self.data.get_response:
                self._pending = tlv
                return bytes([0x61, len(tlv)])
            if le != len(tlv):
                return bytes([0x6C, len(tlv)])
            return tlv + b"\x90\x00"
        if ins == 0xC0 and self._pending:
            data, self._pending = self._pending, b""
            return data + b"\x90\x00"
        return b"\x6d\x00"

    def _verify(self, pin_bcd: bytes) -> bytes:
        if self.data.pin is None:
            return b"\x90\x00"
        if self.tries_left == 0:
            return b"\x69\x83"
        if pin_bcd == _bcd(self.data.pin):
            self._verified = True
            self.tries_left = self.data.pin_tries
            return b"\x90\x00"
        self.tries_left -= 1
        return bytes([0x63, 0xC0 | self.tries_left])


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    out = b""
    while len(out) < size:
        # vpcd writes length and body separately: without a quick ACK, Nagle on its side
        # and delayed ACKs on ours cost ~40 ms per APDU
        with contextlib.suppress(OSError, AttributeError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(size - len(out))
        if not chunk:
            raise OSError("closed")
        out += chunk
    return out


def _free_port_pair() -> int:
    """A port P with P and P+1 free (vpcd opens one listening port per slot)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port >= 65535:
            continue
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("0.0.0.0", port))
                b.bind(("0.0.0.0", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port pair for vpcd")


def _listening(port: int) -> bool:
    """True if something listens on TCP ``port`` (read from /proc, without connecting)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":  # 0A = LISTEN
                    return True
    return False


class Pcscd:
    """A private pcscd: own config dir, own socket (``socket_path``), vpcd on ``port``."""

    READER = "Virtual PCD WindowDesk"

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.conf = workdir / "reader.conf.d"
        self.socket_path = workdir / "pcscd.comm"
        self.log_path = workdir / "pcscd.log"
        self.port = _free_port_pair()
        self._proc: subprocess.Popen[bytes] | None = None
        self._system_pid: bytes | None = None

    def check_prerequisites(self) -> None:
        missing = [p for p in ("pcscd",) if shutil.which(p) is None]
        if missing or not VPCD_DRIVER.exists():
            raise RuntimeError(
                "pcscd and vsmartcard-vpcd are needed (scripts/system-deps.sh test installs "
                "them): missing "
                + ", ".join(missing + [str(VPCD_DRIVER)] * (not VPCD_DRIVER.exists()))
            )
        if os.geteuid() != 0:
            raise RuntimeError("pcscd must run as root for the PC/SC tests")

    def plug(self) -> None:
        """Write the vpcd reader's config entry (read by pcscd at start)."""
        self.conf.mkdir(parents=True, exist_ok=True)
        (self.conf / "vpcd").write_text(
            f'FRIENDLYNAME "{self.READER}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:04X}\n"
            f"LIBPATH      {VPCD_DRIVER}\n"
            f"CHANNELID    0x{self.port:04X}\n"
        )

    def start(self, *, timeout: float = 10.0) -> None:
        self.check_prerequisites()
        self.plug()
        if SYSTEM_PID_FILE.exists():
            self._system_pid = SYSTEM_PID_FILE.read_bytes()
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.socket_path))
        listener.listen(64)
        os.chmod(self.socket_path, 0o666)
        fd = listener.fileno()
        env = dict(os.environ, LISTEN_FDS="1")
        # systemd-style socket activation: the socket on fd 3, LISTEN_PID = pcscd's own pid
        launcher = (
            "import os, sys\n"
            "fd = int(sys.argv[1])\n"
            "if fd != 3:\n"
            "    os.dup2(fd, 3)\n"
            "    os.close(fd)\n"
            "os.environ['LISTEN_PID'] = str(os.getpid())\n"
            "os.execvp('pcscd', sys.argv[2:])\n"
        )
        command = ["pcscd", "--foreground", "--info", "--config", str(self.conf)]
        log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", launcher, str(fd), *command],
                pass_fds=(fd,),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        listener.close()
        deadline = time.monotonic() + timeout

        def ready() -> bool:  # the daemon serves clients and vpcd listens for a card
            with self.log_path.open("rb") as log:
                log.seek(log_start)
                return b"daemon ready" in log.read() and _listening(self.port)

        while not ready():
            if self._proc.poll() is not None:
                raise RuntimeError(f"pcscd exited: {self.log_path.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("pcscd did not come up with the vpcd reader")
            time.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL; always reaped, the socket removed."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()
        if self._system_pid is not None:
            SYSTEM_PID_FILE.parent.mkdir(parents=True, exist_ok=True)
            SYSTEM_PID_FILE.write_bytes(self._system_pid)
            self._system_pid = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None
