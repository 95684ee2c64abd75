"""The data directory's files: who may create a store, one process at a time, owner-only.

A missing or empty ``windowdesk.db`` beside a key or an enrolment is a lost store, not a new
station: re-creating it silently would hand out case numbers already used and hide the loss.
Initialisation runs under an exclusive lock on a file in the data dir, so two processes
starting on one fresh directory (the app and sync, say) do not race for the key or the schema.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from intake.errors import StoreError

LOCK_FILE = ".windowdesk.lock"
#: Files that exist only once a station was created or enrolled here.
MARKERS = ("store.key", "store.id", "sync.id")
MARKER_GLOBS = ("sync-credential*.json",)
POSIX = os.name == "posix"


class StoreMissing(StoreError):
    code = "store.missing"


def markers(data_dir: Path) -> list[str]:
    """Names of the files that say a station lived in ``data_dir``."""
    found = [name for name in MARKERS if (data_dir / name).exists()]
    for pattern in MARKER_GLOBS:
        found.extend(sorted(p.name for p in data_dir.glob(pattern)))
    return found


def db_missing(db_path: Path) -> bool:
    """No database, or a 0-byte one (SQLite would take that for a new, empty store)."""
    try:
        return db_path.stat().st_size == 0
    except FileNotFoundError:
        return True


def is_fresh(data_dir: Path, db_name: str) -> bool:
    """True when ``data_dir`` holds neither a database nor any trace of a station."""
    return db_missing(data_dir / db_name) and not markers(data_dir)


def check_not_lost(data_dir: Path, db_name: str, *, create: bool) -> bool:
    """Whether a new store is to be created; raise ``store.missing`` for a lost one."""
    path = data_dir / db_name
    if not db_missing(path):
        return False
    found = markers(data_dir)
    if found and not create:
        state = "empty (0 bytes)" if path.exists() else "missing"
        raise StoreMissing(
            f"the station database {path} is {state} but this folder holds a station's key "
            f"or enrolment ({', '.join(found)}): restore the database from a backup, or "
            "create a new station explicitly",
            details={"path": str(path), "found": found},
        )
    return True


def remove_new(data_dir: Path, before: set[str]) -> None:
    """Remove what a failed first start created (nothing was recorded in it yet)."""
    for path in data_dir.iterdir():
        if path.name not in before and path.name != LOCK_FILE and path.is_file():
            path.unlink(missing_ok=True)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (so SQLite's -wal and -shm inherit it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def make_private(*paths: Path) -> None:
    """Owner-only modes on POSIX (0700 folders, 0600 files); other systems use ACLs."""
    if not POSIX:
        return
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, 0o700 if path.is_dir() else 0o600)


@contextlib.contextmanager
def init_lock(data_dir: Path, timeout: float = 120.0) -> Iterator[None]:
    """Hold the data dir's exclusive lock (``store.locked`` after ``timeout`` seconds)."""
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _acquire(fd, timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


def _locked_out(timeout: float) -> StoreError:
    return StoreError(
        f"another WindowDesk process kept the data directory locked for {timeout:.0f} s",
        code="store.locked",
    )


if sys.platform == "win32":
    import msvcrt

    def _acquire(fd: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise _locked_out(timeout) from None
                time.sleep(0.05)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise _locked_out(timeout) from None
                time.sleep(0.02)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
