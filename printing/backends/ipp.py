"""Just enough IPP to ask a CUPS server one job's state (Get-Job-Attributes, RFC 8011).

``lpstat -W completed`` lists completed, cancelled *and aborted* jobs alike, so it cannot tell
a printed job from one CUPS gave up on. pycups could, but needs a compiler and the CUPS headers
on every station; these forty lines of the IPP wire format do not.
"""

from __future__ import annotations

import http.client
import os
import socket
import struct

PENDING, HELD, PROCESSING, STOPPED, CANCELED, ABORTED, COMPLETED = range(3, 10)

_OP_GET_JOB_ATTRIBUTES = 0x0009
_TAG_OPERATION, _TAG_END = 0x01, 0x03
_CHARSET, _LANGUAGE, _URI, _KEYWORD, _ENUM = 0x47, 0x48, 0x45, 0x44, 0x23


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(self.timeout)
        s.connect(self.path)
        self.sock = s


def _server(server: str | None) -> str:
    if server:
        return server
    env = os.environ.get("CUPS_SERVER")
    if env:
        return env
    return "/run/cups/cups.sock" if os.path.exists("/run/cups/cups.sock") else "localhost:631"


def _connection(server: str, timeout: float) -> http.client.HTTPConnection:
    if server.startswith("/"):
        return _UnixConnection(server, timeout)
    host, _, port = server.rpartition(":") if server.count(":") == 1 else (server, "", "")
    return http.client.HTTPConnection(host or server, int(port) if port else 631, timeout=timeout)


def _attr(tag: int, name: str, value: bytes) -> bytes:
    n = name.encode("ascii")
    return struct.pack(">BH", tag, len(n)) + n + struct.pack(">H", len(value)) + value


def job_state(job_id: int, server: str | None = None, timeout: float = 5.0) -> int | None:
    """The job's ``job-state`` (3 pending … 9 completed), or None if the server cannot say."""
    body = (
        struct.pack(">BBHI", 2, 0, _OP_GET_JOB_ATTRIBUTES, 1)
        + bytes([_TAG_OPERATION])
        + _attr(_CHARSET, "attributes-charset", b"utf-8")
        + _attr(_LANGUAGE, "attributes-natural-language", b"en")
        + _attr(_URI, "job-uri", f"ipp://localhost/jobs/{job_id}".encode())
        + _attr(_KEYWORD, "requested-attributes", b"job-state")
        + bytes([_TAG_END])
    )
    try:
        conn = _connection(_server(server), timeout)
        try:
            conn.request("POST", "/jobs/", body, {"Content-Type": "application/ipp"})
            data = conn.getresponse().read()
        finally:
            conn.close()
    except (OSError, http.client.HTTPException):
        return None
    return _find_enum(data, b"job-state")


def _find_enum(data: bytes, wanted: bytes) -> int | None:
    """Walk the response's attributes; the value of the first enum named ``wanted``."""
    i = 8  # version, status code, request id
    try:
        while i < len(data):
            tag = data[i]
            i += 1
            if tag < 0x10:  # a delimiter (attribute group or end)
                if tag == _TAG_END:
                    return None
                continue
            (nlen,) = struct.unpack_from(">H", data, i)
            name = data[i + 2 : i + 2 + nlen]
            i += 2 + nlen
            (vlen,) = struct.unpack_from(">H", data, i)
            value = data[i + 2 : i + 2 + vlen]
            i += 2 + vlen
            if tag == _ENUM and name == wanted and vlen == 4:
                return int(struct.unpack(">i", value)[0])
    except struct.error:
        return None
    return None
