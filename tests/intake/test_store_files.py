"""The data directory: a lost store is refused, first starts take turns, files are private."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake.errors import StoreError, WindowDeskError
from intake.station import Station
from intake.store.db import DB_FILE
from intake.store.files import StoreMissing
from intake.store.keys import KEY_FILE
from intake.store.migrate import backup

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _make_station(data_dir: Path) -> None:
    with Station.open(data_dir) as st:
        assert st.is_set_up is False


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_lost_database_beside_a_key_is_refused(data_dir: Path, damage: str) -> None:
    _make_station(data_dir)
    db = data_dir / DB_FILE
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    if damage == "emptied":
        db.write_bytes(b"")
    with pytest.raises(StoreMissing) as err:
        Station.open(data_dir)
    assert isinstance(err.value, WindowDeskError)
    assert err.value.code == "store.missing"
    assert err.value.details["found"] == ["store.key"]
    assert db.exists() == (damage == "emptied")  # nothing was created in its place
    with Station.open(data_dir, create=True) as st:  # only when asked for
        assert st.is_set_up is False


def test_lost_database_beside_an_enrolment_is_refused(data_dir: Path) -> None:
    (data_dir / "sync-credential.json").write_text("{}", encoding="utf-8")
    with pytest.raises(StoreMissing):
        Station.open(data_dir)


def test_fresh_directory_still_opens(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "not-yet" / "made"):
        with Station.open(folder) as st:
            assert not st.is_set_up
        with Station.open(folder) as st:  # and reopens as the same store
            assert not st.is_set_up


def test_cli_prints_store_missing_and_exits_2(data_dir: Path) -> None:
    _make_station(data_dir)
    (data_dir / DB_FILE).unlink()
    out = subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(data_dir), "catalog", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "WINDOWDESK_KEYRING": "file"},
        check=False,
    )
    assert out.returncode == 2, out.stderr
    assert json.loads(out.stdout)["error"] == "store.missing"


def test_failed_first_start_leaves_no_trace(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intake.station

    def boom(db: Any) -> None:
        raise StoreError("migration failed", code="store.error")

    monkeypatch.setattr(intake.station, "upgrade", boom)
    with pytest.raises(StoreError):
        Station.open(data_dir)
    monkeypatch.undo()
    with Station.open(data_dir) as st:  # not refused as a "lost" store
        assert not st.is_set_up


def _open_at_once(data_dir: str, start: Any, results: Any) -> None:
    start.wait()
    try:
        with Station.open(data_dir) as st:
            st.is_set_up  # noqa: B018 - a read through the store
        results.put("ok")
    except BaseException as exc:  # report anything, the parent asserts
        results.put(f"{type(exc).__name__}: {exc}")


def test_two_processes_open_one_fresh_directory(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    for round_ in range(5):
        folder = tmp_path / f"fresh-{round_}"
        folder.mkdir()
        start, results = ctx.Barrier(4), ctx.Queue()  # all four ready, then all at once
        procs = [
            ctx.Process(target=_open_at_once, args=(str(folder), start, results)) for _ in range(4)
        ]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == ["ok"] * len(procs), outcomes


@posix_only
def test_store_files_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with Station.open(folder) as st:
        wal = folder / f"{DB_FILE}-wal"
        with st.db.write() as session:  # something in the WAL
            session.connection().exec_driver_sql("CREATE TABLE IF NOT EXISTS t (x)")
        assert wal.exists()
        copy = backup(st.db, "test")
        modes = {
            p.name: stat.S_IMODE(p.stat().st_mode)
            for p in (folder / DB_FILE, wal, folder / KEY_FILE, copy)
        }
        assert modes == dict.fromkeys(modes, 0o600), modes
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700


@posix_only
def test_existing_store_is_made_private(data_dir: Path) -> None:
    _make_station(data_dir)
    os.chmod(data_dir / DB_FILE, 0o644)
    _make_station(data_dir)
    assert stat.S_IMODE((data_dir / DB_FILE).stat().st_mode) == 0o600
