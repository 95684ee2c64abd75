"""Engines over the encrypted SQLite file: one writer (BEGIN IMMEDIATE), one for readers.

WAL lets readers run beside the single writer; ``synchronous=FULL`` makes a commit survive a
power cut; the raw 256-bit key skips SQLCipher's KDF so a connection opens in microseconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from intake.errors import StoreError

DB_FILE = "windowdesk.db"
log = logging.getLogger(__name__)


#: A WAL past this size gets a TRUNCATE checkpoint (and half of it is kept when it restarts).
WAL_LIMIT_MIB = 64
#: How long a write waits for another writer (another process) before ``store.busy``.
BUSY_TIMEOUT_S = 30.0

#: SQLite's primary result codes (``sqlite_errorcode & 0xFF``) → a typed store error.
_SQLITE_CODES = {
    5: ("store.busy", "the store is busy: another writer held it past the busy timeout"),
    6: ("store.busy", "the store is busy: a table is locked by another connection"),
    8: ("store.read_only", "the store cannot be written (a read-only file or file system)"),
    10: ("store.io_error", "the disk failed to read or write the store"),
    11: ("store.damaged", "the store's file is damaged (a malformed page)"),
    13: ("store.disk_full", "the disk is full: nothing was written"),
    14: ("store.cannot_open", "the store's file cannot be opened"),
    26: ("store.damaged", "the store's file is not a readable database (damaged)"),
}


#: Free space below which an I/O error of the store is reported as a full disk: SQLite says
#: SQLITE_FULL only for the database and WAL files; the shared-memory index (``-shm``) and a
#: short write elsewhere come back as SQLITE_IOERR_*.
FULL_DISK_FREE_BYTES = 1024 * 1024


def typed_store_error(exc: BaseException, path: Path | None = None) -> StoreError | None:
    """The typed error for a failure of SQLite itself (busy, full, read-only, damaged,
    I/O), or None if ``exc`` is not one (a constraint violation, an SQL error).

    ``path``: the store's file, to tell a full disk behind an I/O error. The message and
    details carry the SQLite code only, never the statement or its bound parameters (which
    hold ID numbers and names)."""
    orig = getattr(exc, "orig", exc)  # SQLAlchemy's DBAPIError wraps the driver's error
    if not isinstance(orig, sqlcipher3.DatabaseError):
        return None
    number = getattr(orig, "sqlite_errorcode", None)
    name = getattr(orig, "sqlite_errorname", None)
    known = _SQLITE_CODES.get(number & 0xFF) if isinstance(number, int) else None
    if known is None:
        # A constraint violation or an SQL error is the caller's to handle (a savepoint
        # around a pulled change turns an IntegrityError into a conflict) or a bug: left as is.
        return None
    code, message = known
    if code == "store.io_error" and path is not None and _nearly_full(path):
        code, message = _SQLITE_CODES[13]
    return StoreError(message, code=code, details={"sqlite": name})


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < FULL_DISK_FREE_BYTES
    except OSError:
        return False


def _connect_fn(
    path: Path,
    key: bytes,
    *,
    writer: bool,
    cache_mib: int,
    wal_limit_mib: int = WAL_LIMIT_MIB,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> Any:
    busy_ms = max(0, int(busy_timeout_s * 1000))

    def connect() -> Any:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=busy_timeout_s)
        conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            typed = typed_store_error(exc, path)
            if typed is not None and getattr(exc, "sqlite_errorcode", 26) & 0xFF != 26:
                raise typed from None  # busy, full, read-only...: not a key problem
            raise StoreError(
                "the database cannot be decrypted with the stored key (wrong key or a "
                "damaged file)",
                code="store.cannot_decrypt",
            ) from exc
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA foreign_keys = ON",
            f"PRAGMA busy_timeout = {busy_ms}",
            "PRAGMA temp_store = MEMORY",
        ):
            conn.execute(pragma)
        conn.execute(f"PRAGMA cache_size = {-1024 * cache_mib}")
        # a WAL that restarts is cut back to half the limit, so "over the limit" always
        # means that many frames not yet checkpointed, not a large file of old ones
        conn.execute(f"PRAGMA journal_size_limit = {wal_limit_mib * 512 * 1024}")
        if writer:  # checkpoints run on the checkpointer thread, not inside a clerk's commit
            conn.execute("PRAGMA wal_autocheckpoint = 0")
        return conn

    return connect


def make_engine(
    path: Path,
    key: bytes,
    *,
    immediate: bool,
    pool_size: int = 1,
    cache_mib: int = 16,
    wal_limit_mib: int = WAL_LIMIT_MIB,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> Engine:
    """An engine whose transactions start with BEGIN IMMEDIATE (writer) or BEGIN (readers).

    Every failure of SQLite itself comes out as a typed ``StoreError`` (``store.busy``,
    ``store.disk_full``, ``store.read_only``, ``store.damaged``...; see
    ``typed_store_error``), with the SQLAlchemy error (statement, parameters) dropped."""
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=_connect_fn(
            path,
            key,
            writer=immediate,
            cache_mib=cache_mib,
            wal_limit_mib=wal_limit_mib,
            busy_timeout_s=busy_timeout_s,
        ),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
    )
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    @event.listens_for(engine, "handle_error")
    def _typed(context: Any) -> None:
        typed = typed_store_error(context.original_exception, path)
        if typed is not None:
            raise typed from None

    return engine


class Checkpointer(threading.Thread):
    """Copies the WAL back into the database every few seconds, off the write path.

    SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, so
    one clerk in fifty would wait for it; here a PASSIVE checkpoint on its own connection
    does the work without blocking the writer or the readers.

    PASSIVE alone never lets the WAL restart while some read transaction is always open
    (overlapping readers), so under sustained writes it grew without end (2.6 GB beside a
    134 MB database). Once the WAL passes ``limit_bytes``, ``Database.write`` runs a
    TRUNCATE checkpoint after its commit: it waits (busy timeout) for the readers of old
    snapshots, copies the rest back and cuts the file to zero; new readers meanwhile read
    the database file, so the wait is about one reader's transaction. (Run from this
    thread it starves between back-to-back writes, and two checkpoints exclude each other.)
    """

    def __init__(
        self,
        engine: Engine,
        interval: float = 2.0,
        *,
        wal_path: Path | None = None,
        limit_bytes: int = WAL_LIMIT_MIB * 1024 * 1024,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        super().__init__(name="windowdesk-checkpointer", daemon=True)
        self._busy_ms = max(0, int(busy_timeout_s * 1000))
        self._engine = engine
        self._interval = interval
        self._wal_path = wal_path
        self._limit = limit_bytes
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.wait(self._interval):
            self.checkpoint("PASSIVE")

    def over_limit(self) -> bool:
        return self.wal_size() > self._limit

    def wal_size(self) -> int:
        if self._wal_path is None:
            return 0
        try:
            return self._wal_path.stat().st_size
        except FileNotFoundError:
            return 0

    def checkpoint(
        self, mode: str, engine: Engine | None = None, busy_ms: int | None = None
    ) -> None:
        raw = (engine or self._engine).raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {self._busy_ms if busy_ms is None else busy_ms}")
            try:
                cursor.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
            finally:
                cursor.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
        except sqlcipher3.DatabaseError:
            log.warning("WAL checkpoint (%s) did not complete; it will be retried", mode)
        finally:
            raw.close()

    def stop(self) -> None:
        self._stopping.set()
        if self.is_alive():
            self.join()


class Database:
    """The two engines of one store file and sessions over them."""

    def __init__(
        self,
        path: Path,
        key: bytes,
        *,
        page_cache_mib: tuple[int, int] = (32, 16),
        wal_limit_mib: int = WAL_LIMIT_MIB,
        checkpoint_interval: float = 2.0,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        """``page_cache_mib``: SQLite's page cache of the writer and of each reader. The
        defaults suit the app (hot index pages of a large store); a sync-only process passes
        small ones and lets the OS file cache do the rest. ``wal_limit_mib`` and
        ``checkpoint_interval`` bound the WAL (see Checkpointer); tests pass small ones.
        ``busy_timeout_s``: how long a write waits for another process's write before it
        fails with ``store.busy``."""
        self.path = path
        self._key = key
        writer_mib, reader_mib = page_cache_mib
        limit = wal_limit_mib
        busy = busy_timeout_s
        self.writer = make_engine(
            path,
            key,
            immediate=True,
            pool_size=1,
            cache_mib=writer_mib,
            wal_limit_mib=limit,
            busy_timeout_s=busy,
        )
        self.reader = make_engine(
            path,
            key,
            immediate=False,
            pool_size=2,
            cache_mib=reader_mib,
            wal_limit_mib=limit,
            busy_timeout_s=busy,
        )
        self._write_sessions = sessionmaker(self.writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.reader, expire_on_commit=False)
        self._checkpointer = Checkpointer(
            self.reader,
            checkpoint_interval,
            wal_path=path.with_name(path.name + "-wal"),
            limit_bytes=limit * 1024 * 1024,
            busy_timeout_s=busy,
        )
        self._checkpointer.start()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: everything inside commits together or not at all.

        Past the WAL limit the committing thread itself runs the TRUNCATE checkpoint: the
        checkpointer's attempt starves while writes follow each other closely, and the next
        write waiting for this one is the back-pressure that keeps the file bounded."""
        with self._write_sessions() as session, session.begin():
            yield session
        if self._checkpointer.over_limit():  # waits 0.2 s at most, retried after next write
            self._checkpointer.checkpoint("TRUNCATE", self.writer, busy_ms=200)

    def derived_key(self, label: bytes) -> bytes:
        """A key for ``label`` derived from the store key (HMAC-SHA256), never the key."""
        return hmac.new(self._key, label, hashlib.sha256).digest()

    def on_commit(
        self, before: Callable[[Session], None], after: Callable[[dict[Any, Any]], None]
    ) -> None:
        """Run ``before(session)`` inside each write transaction just before it commits, and
        ``after(session.info)`` once it has committed (both on the writing thread)."""
        event.listen(self._write_sessions, "before_commit", before)
        event.listen(self._write_sessions, "after_commit", lambda s: after(s.info))

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self._checkpointer.stop()
        self._checkpointer.checkpoint("TRUNCATE")  # leave a small WAL behind
        self.writer.dispose()
        self.reader.dispose()
