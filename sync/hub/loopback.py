"""The reference hub as a child process on 127.0.0.1: the one launcher the demo, the desktop
demo, the tests and the benchmark use.

``python -m sync hub serve`` runs in a real process (uvicorn, the real socket), so whatever
the caller does to it — SIGKILL included — is what a station sees of a real hub.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType

from sync.errors import SyncError


class HubStartFailed(SyncError):
    """The loopback hub did not come up (it exited, or did not answer in time)."""

    code = "sync.hub_start_failed"


def _answers(url: str, context: ssl.SSLContext | None) -> bool:
    """Whether ``url`` answers 200 within a second (the hub is up)."""
    try:
        with urllib.request.urlopen(url, timeout=1, context=context) as answer:
            return bool(answer.status == 200)
    except (OSError, ValueError):  # URLError, refused, reset, timeout
        return False


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LoopbackHub:
    """``python -m sync hub serve --db DB_URL`` on 127.0.0.1; can be SIGKILLed and started
    again on the same port.

    ``tls`` = (certfile, keyfile, cafile): serve HTTPS; readiness is checked with the CA.
    ``log_path``: the hub's stderr (its log) is appended there instead of discarded.
    ``extra_args``: more ``hub serve`` options. ``env`` / ``cwd``: of the child (default:
    this process's)."""

    def __init__(
        self,
        db_url: str,
        port: int | None = None,
        *,
        tls: tuple[str, str, str] | None = None,
        log_path: Path | None = None,
        extra_args: tuple[str, ...] = (),
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.tls = tls
        self.log_path = log_path
        self.extra_args = extra_args
        self.env = dict(env) if env is not None else None
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, wait: float = 30) -> None:
        """Start the hub and return once ``/v1/hello`` answers; ``HubStartFailed`` if not."""
        tls = ["--ssl-certfile", self.tls[0], "--ssl-keyfile", self.tls[1]] if self.tls else []
        serve = ["hub", "serve", "--db", self.db_url, "--host", "127.0.0.1"]
        cmd = [sys.executable, "-m", "sync", *serve, "--port", str(self.port), *tls]
        log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        try:
            self.proc = subprocess.Popen(
                [*cmd, *self.extra_args],
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log if log is not None else subprocess.DEVNULL,
            )
        finally:
            if log is not None:
                log.close()  # the child has its own copy
        context = ssl.create_default_context(cafile=self.tls[2]) if self.tls else None
        deadline = time.monotonic() + wait
        while True:
            code = self.proc.poll()
            if code is not None:
                self.proc = None
                raise HubStartFailed(f"the hub exited with {code}", details={"returncode": code})
            if _answers(self.url + "/v1/hello", context):
                return
            if time.monotonic() > deadline:
                self.stop()
                raise HubStartFailed(
                    f"the hub did not answer within {wait:g} s", details={"timeout": wait}
                )
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL (a crash of the hub at this instant)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None

    def __enter__(self) -> LoopbackHub:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@contextlib.contextmanager
def loopback_hub(db_path: Path) -> Iterator[str]:
    """A hub over the SQLite file ``db_path`` on a free loopback port until the block ends;
    yields its URL."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with LoopbackHub(f"sqlite:///{db_path}") as hub:
        yield hub.url
