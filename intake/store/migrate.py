"""Bring a store to the newest schema, keeping a copy of the file before any migration.

Alembic is imported only when a migration is actually due: a station that is already
current (every start but the first after an upgrade) does not pay its import.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from intake.store.db import Database
from intake.store.files import make_private

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
#: The newest revision in MIGRATIONS (a test checks it equals Alembic's own head).
HEAD = "0140"


def alembic_config(migrations: Path = MIGRATIONS) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.writer.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if exists is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(migrations: Path = MIGRATIONS) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(migrations)).get_current_head()


def backup(db: Database, label: str) -> Path:
    """A consistent copy of the (still encrypted) file: checkpoint the WAL, then copy."""
    raw = db.writer.raw_connection()  # outside any transaction: a checkpoint needs that
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()
    folder = db.path.parent / "backups"
    folder.mkdir(exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{db.path.stem}-{label}-{stamp}{db.path.suffix}"
    shutil.copy2(db.path, target)
    make_private(folder, target)
    return target


def upgrade(db: Database, migrations: Path = MIGRATIONS) -> Path | None:
    """Migrate to head; return the backup made first (None for a new or current store)."""
    current = current_revision(db)
    head = HEAD if migrations == MIGRATIONS else head_revision(migrations)
    if current == head:
        return None
    from alembic import command

    copy = backup(db, f"before-{head}-from-{current}") if current is not None else None
    cfg = alembic_config(migrations)
    with db.writer.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy
