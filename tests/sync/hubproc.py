"""Real processes for sync tests: a hub served by uvicorn, a throwaway PostgreSQL cluster.

Everything listens on 127.0.0.1 only and is stopped (and its files removed) by the fixture
that started it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["WINDOWDESK_KEYRING"] = "file"
    out["PYTHONPATH"] = str(ROOT)
    return out


def sync_cli(
    *args: str, timeout: float = 60, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "sync", *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"sync {args} failed {result.returncode}: {result.stderr}")
    return result


def admin(db_url: str, *args: str) -> tuple[int, str, str]:
    """``python -m sync hub --db URL ARGS`` in this process (the CLI itself is tested as a
    subprocess elsewhere; here it saves a second of start-up per call)."""
    import contextlib
    import io

    from sync.hub.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db_url, *args])
    return code, out.getvalue(), err.getvalue()


class HubProcess:
    """``python -m sync hub serve`` on a fixed port; can be SIGKILLed and started again."""

    def __init__(
        self,
        db_url: str,
        port: int | None = None,
        *,
        tls: tuple[str, str, str] | None = None,
        log_path: Path | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        """``tls`` = (certfile, keyfile, cafile): serve HTTPS; readiness is checked with the CA.
        ``log_path``: the hub's stderr (its log) is appended there instead of discarded.
        ``extra_args``: more ``hub serve`` options."""
        self.db_url = db_url
        self.port = port or free_port()
        self.tls = tls
        self.log_path = log_path
        self.extra_args = extra_args
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, wait: float = 30) -> None:
        extra = ["--ssl-certfile", self.tls[0], "--ssl-keyfile", self.tls[1]] if self.tls else []
        log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync",
                "hub",
                "serve",
                "--db",
                self.db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *extra,
                *self.extra_args,
            ],
            cwd=ROOT,
            env=env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log if log is not None else subprocess.DEVNULL,
        )
        if log is not None:
            log.close()  # the child has its own copy
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited with {self.proc.returncode}")
            try:
                verify = self.tls[2] if self.tls else True
                if httpx.get(self.url + "/v1/hello", timeout=1, verify=verify).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("hub did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


class PostgresCluster:
    """A throwaway cluster: initdb into a temp dir, listening on a loopback port only.

    As root, PostgreSQL refuses to run, so every server command runs as ``postgres``.
    """

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="wd-pg-"))
        self.port = free_port()
        self.data = self.dir / "data"
        self.sock = self.dir / "sock"

    def _as_pg(self, *cmd: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return list(cmd)

    def start(self) -> None:
        self.sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.sock, "postgres")
        subprocess.run(
            self._as_pg(
                str(PG_BIN / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        opts = (
            f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c max_connections=100"
        )
        subprocess.run(
            self._as_pg(
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "-l",
                str(self.dir / "log"),
                "start",
            ),
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_db(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                self._as_pg(
                    str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
                ),
                capture_output=True,
                stdin=subprocess.DEVNULL,
                timeout=60,
            )
        shutil.rmtree(self.dir, ignore_errors=True)
