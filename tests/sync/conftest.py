"""Fixtures for sync tests: real hubs (SQLite and PostgreSQL) over loopback HTTP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.hubproc import PG_BIN, HubProcess, PostgresCluster


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    if not (PG_BIN / "initdb").exists() or shutil.which("runuser") is None:
        pytest.fail("PostgreSQL 15 is required (scripts/system-deps.sh installs it)")
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


_pg_counter = iter(range(10_000))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh hub database URL of each kind, shared by one module's tests (which use their
    own station codes, so they do not see each other's cases)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_db(f"hub{next(_pg_counter)}")


@pytest.fixture(scope="module")
def hub(hub_db: str) -> Iterator[HubProcess]:
    proc = HubProcess(hub_db)
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()
