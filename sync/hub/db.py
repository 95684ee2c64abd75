"""The hub's schema and engine set-up (PostgreSQL via psycopg 3, or SQLite for the demo).

The schema is created in one go and recorded in ``hub_schema``; a future change adds a
numbered step to ``_MIGRATIONS`` instead of editing the tables in place. A database written
by a newer hub is refused rather than silently misread.

Sequence safety: every writing transaction first locks the single ``hub_counter`` row
(``SELECT … FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite) and only then takes
sequence numbers. Writers therefore commit in sequence order, so a reader that sees sequence
N also sees every sequence below N: no gaps from concurrent commits (see docs/sync.md).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.pool import QueuePool

SCHEMA_VERSION = 4

metadata = MetaData()

hub_schema = Table("hub_schema", metadata, Column("version", Integer, primary_key=True))

hub_meta = Table(
    "hub_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

hub_counter = Table(
    "hub_counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

stations = Table(
    "stations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("enrolled_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("revoke_reason", String(64)),
    Column("refresh_hash", String(64)),
    Column("prev_refresh_hash", String(64)),
    Column("generation", Integer, nullable=False, default=0),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("last_cursor_seq", BigInteger),
    Column("clock_offset_s", Integer),
)

#: Every refresh secret hash a station ever used: presenting one again revokes the station.
used_refresh = Table(
    "used_refresh",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
)

enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("refresh_hash", String(64)),  # the credential issued with it (replay detection)
)

batches = Table(
    "batches",
    metadata,
    Column("station_id", Integer, ForeignKey("stations.id"), primary_key=True),
    Column("idem_key", String(100), primary_key=True),
    Column("body_sha256", String(64), nullable=False),
    Column("response", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

ops = Table(
    "ops",
    metadata,
    Column("op_id", String(64), primary_key=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("case_id", String(64), nullable=False),
    Column("op", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("result", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("case_id", String(64), primary_key=True),
    Column("case_number", String(64), nullable=False, unique=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("status", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("content", Text, nullable=False),  # canonical JSON exactly as the station sent it
    Column("station_version", Integer, nullable=False),  # the station's version of that content
    Column("station_hist_seq", Integer, nullable=False),  # last station history entry seen
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

#: Appended records and decisions, in the order the hub accepted them.
case_events = Table(
    "case_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("source", String(16), nullable=False),  # station / platform
    Column("kind", String(32), nullable=False),
    Column("op_id", String(64)),
    Column("body", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_case_events_case", "case_id", "seq"),
)

#: What stations pull. ``station_id`` NULL = for every station (catalog, calendar, notices).
changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("station_id", Integer, ForeignKey("stations.id")),
    Column("kind", String(32), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_changes_station_seq", "station_id", "seq"),
)

catalogs = Table(
    "catalogs",
    metadata,
    Column("version", String(64), primary_key=True),
    Column("document", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("seq", BigInteger, nullable=False),
)

#: Attachments are each station's own: the same bytes uploaded by two stations are two
#: blobs, so a station can neither see (HEAD) nor block (a wrong declared size) another's.
attachments = Table(
    "station_attachments",
    metadata,
    Column("station_id", Integer, ForeignKey("stations.id"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),  # declared by the first chunk, then fixed
    Column("received", BigInteger, nullable=False),
    Column("complete", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

attachment_chunks = Table(
    "station_attachment_chunks",
    metadata,
    Column("station_id", Integer, primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("offset", BigInteger, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
    ForeignKeyConstraint(
        ["station_id", "sha256"],
        ["station_attachments.station_id", "station_attachments.sha256"],
    ),
)

#: 预约 booked at the platform for one station's hall, and their check-in once the station
#: reports it (``appointment.checkin``).
appointments = Table(
    "appointments",
    metadata,
    Column("appointment_id", String(64), primary_key=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("body", Text, nullable=False),  # the change the station pulls
    Column("status", String(16), nullable=False),  # booked / checked_in / cancelled
    Column("checked_in_at", String(40)),
    Column("ticket_number", String(8)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def _step3_appointments(conn: Connection) -> None:
    metadata.create_all(conn, tables=[appointments])


#: 办不成事 complaints the stations pushed (their record as sent) and the platform's follow-up.
complaints = Table(
    "complaints",
    metadata,
    Column("complaint_id", String(64), primary_key=True),
    Column("number", String(64), nullable=False, unique=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("content", Text, nullable=False),  # canonical JSON of the latest station record
    Column("version", Integer, nullable=False),  # 1 on record, +1 per station update
    Column("followup_state", String(16), nullable=False),  # "" until the platform acts
    Column("followup_note", Text, nullable=False),
    Column("followup_by", String(120), nullable=False),
    Column("followup_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def _step4_complaints(conn: Connection) -> None:
    metadata.create_all(conn, tables=[complaints])


def _step2_attachments_per_station(conn: Connection) -> None:
    """Version 1 kept one blob per SHA-256 for all stations (owned by the first uploader):
    move each blob, with its chunks, to its uploader's own space."""
    metadata.create_all(conn, tables=[attachments, attachment_chunks])
    conn.execute(
        text(
            "INSERT INTO station_attachments "
            "(station_id, sha256, size, received, complete, created_at) "
            "SELECT station_id, sha256, size, received, complete, created_at FROM attachments"
        )
    )
    conn.execute(
        text(
            'INSERT INTO station_attachment_chunks (station_id, sha256, "offset", data) '
            'SELECT a.station_id, c.sha256, c."offset", c.data FROM attachment_chunks c '
            "JOIN attachments a ON a.sha256 = c.sha256"
        )
    )
    conn.execute(text("DROP TABLE attachment_chunks"))
    conn.execute(text("DROP TABLE attachments"))


#: Numbered upgrade steps from version N-1 to N.
_MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _step2_attachments_per_station,
    3: _step3_appointments,
    4: _step4_complaints,
}


class SchemaTooNew(RuntimeError):
    pass


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, FULL sync and writer-first transactions."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=QueuePool,
            pool_size=4,
        )
        _sqlite_writer_first(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=8)


def make_read_engine(engine: Engine) -> Engine:
    """An engine for plain reads beside ``engine``: on SQLite without the writer-first
    BEGIN IMMEDIATE (a read in WAL mode neither waits for nor blocks the writer); on
    PostgreSQL (a SELECT takes no lock) and an in-memory SQLite, ``engine`` itself."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return engine
    reader = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, poolclass=QueuePool
    )

    @event.listens_for(reader, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # each SELECT its own read transaction
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    return reader


def _sqlite_writer_first(engine: Engine) -> None:
    """BEGIN IMMEDIATE: take SQLite's write lock up front, so writers queue instead of failing
    half-way (pysqlite's own deferred BEGIN upgrades too late)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_schema(engine: Engine) -> int:
    """Create or upgrade the schema; returns the version now in place."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two hubs starting at once on an empty database must not both create tables.
            conn.execute(text("SELECT pg_advisory_xact_lock(424242)"))
        metadata.create_all(conn, tables=[hub_schema])
        current = conn.execute(select(hub_schema.c.version)).scalar()
        if current is None:
            metadata.create_all(conn)
            conn.execute(hub_schema.insert().values(version=SCHEMA_VERSION))
            conn.execute(hub_counter.insert().values(name="seq", value=0))
            conn.execute(
                hub_meta.insert(),
                [
                    {"key": "token_key", "value": secrets.token_hex(32)},
                    {"key": "epoch", "value": uuid.uuid4().hex},
                    {"key": "min_cursor_seq", "value": "0"},
                ],
            )
            return SCHEMA_VERSION
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"database schema {current} is newer than this hub ({SCHEMA_VERSION})"
            )
        for step in range(current + 1, SCHEMA_VERSION + 1):
            _MIGRATIONS[step](conn)
            conn.execute(hub_schema.update().values(version=step))
        return SCHEMA_VERSION
