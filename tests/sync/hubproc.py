"""Real processes for sync tests: a hub served by uvicorn, a throwaway PostgreSQL cluster.

Everything listens on 127.0.0.1 only and is stopped (and its files removed) by the fixture
that started it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sync.hub.loopback import LoopbackHub, free_port

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


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


class HubProcess(LoopbackHub):
    """The shared launcher (``sync.hub.loopback``) with the tests' environment: the repo on
    ``PYTHONPATH``, the file keyring, the repo as working directory."""

    def __init__(
        self,
        db_url: str,
        port: int | None = None,
        *,
        tls: tuple[str, str, str] | None = None,
        log_path: Path | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            db_url, port, tls=tls, log_path=log_path, extra_args=extra_args, env=env(), cwd=ROOT
        )


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
