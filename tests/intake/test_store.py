"""The store itself: encryption at rest, the key's home, migrations and their backups."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import ClassVar

import keyring
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from keyring.backends import fail

from intake.errors import KeyStoreError, StoreError
from intake.station import Station, StationSettings
from intake.store import migrate
from intake.store.db import DB_FILE
from intake.store.keys import KEY_FILE, StoreKey
from intake.store.models import Base

SETTINGS = StationSettings(
    "T001",
    "测试县政务服务中心",
    "430121000000",
    "county",
    "0731-1",
    "测试地址",
    "https://x/{case_number}?v={verify}",
    None,
)


def test_database_file_is_encrypted(data_dir: Path) -> None:
    with Station.open(data_dir) as st:
        st.set_up(SETTINGS)
    raw = (data_dir / DB_FILE).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "测试县政务服务中心".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / DB_FILE).execute("select * from station").fetchall()


def test_pragmas_are_durable(data_dir: Path) -> None:
    with Station.open(data_dir) as st, st.db.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_no_keyring_is_a_clear_error(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "")
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    with pytest.raises(KeyStoreError) as err:
        Station.open(data_dir)
    assert err.value.code == "store.keyring_unavailable"
    assert not (data_dir / DB_FILE).exists()  # never a silent plaintext fallback


def test_file_key_mode_warns_once_per_process(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake import filekeyring

    monkeypatch.setattr(filekeyring, "_printed", False)  # as in a fresh process
    Station.open(data_dir).close()
    Station.open(data_dir).close()
    assert capsys.readouterr().err.count("WINDOWDESK_KEYRING=file") == 1
    assert oct((data_dir / KEY_FILE).stat().st_mode & 0o777) == "0o600"


def test_lost_key_never_creates_a_new_one(data_dir: Path) -> None:
    Station.open(data_dir).close()
    (data_dir / KEY_FILE).unlink()
    with pytest.raises(KeyStoreError) as err:
        Station.open(data_dir)
    assert err.value.code == "store.key_missing"
    assert not (data_dir / KEY_FILE).exists()


def test_wrong_key_is_reported(data_dir: Path) -> None:
    Station.open(data_dir).close()
    (data_dir / KEY_FILE).write_text("11" * 32)
    with pytest.raises(StoreError) as err:
        Station.open(data_dir)
    assert err.value.code == "store.cannot_decrypt"


def test_key_lives_in_the_os_keyring_when_not_opted_out(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    monkeypatch.setenv("WINDOWDESK_KEYRING", "")
    monkeypatch.setattr(keyring, "get_keyring", lambda: MemoryKeyring())
    key = StoreKey(data_dir).get(create=True)
    assert len(key) == 32 and not (data_dir / KEY_FILE).exists()
    assert StoreKey(data_dir).get(create=False) == key


def test_models_match_the_migrations(data_dir: Path) -> None:
    with Station.open(data_dir) as st, st.db.writer.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_migration_backs_the_file_up_first(data_dir: Path, tmp_path: Path) -> None:
    with Station.open(data_dir) as st:
        st.set_up(SETTINGS)
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations)
    base = migrate.HEAD  # the new migration follows whatever the project's head is
    (migrations / "versions" / "9999_note.py").write_text(
        '"""add a column"""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = '{base}'\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('station') as b:\n"
        "        b.add_column(sa.Column('note', sa.Text(), nullable=True))\n\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    with Station.open(data_dir) as st:
        copy = migrate.upgrade(st.db, migrations)
        assert copy is not None and copy.exists()
        assert migrate.current_revision(st.db) == "9999"
        assert st.settings.office_name == "测试县政务服务中心"  # data kept across the copy
        assert migrate.upgrade(st.db, migrations) is None  # already current: no new backup
    assert f"before-9999-from-{base}" in copy.name
    assert not copy.read_bytes().startswith(b"SQLite format 3")  # the backup stays encrypted


def test_checkpoints_run_off_the_write_path(data_dir: Path) -> None:
    st = Station.open(data_dir)
    with st.db.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    for i in range(30):
        st.set_up(
            StationSettings(f"T{i:03d}", "测试" * 50, "430121000000", "county", "", "", "", None)
        )
    wal = data_dir / (DB_FILE + "-wal")
    assert wal.stat().st_size > 0
    st.close()  # stops the checkpointer and truncates the WAL
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_head_constant_is_alembics_head() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_a_constraint_violation_is_not_turned_into_a_store_error(station: Station) -> None:
    """Only SQLite's own failures (busy, full, read-only, damaged) become typed store errors;
    an IntegrityError stays one, so a savepoint around a pulled change can still turn it
    into a conflict (``intake.services.remote``)."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), station.db.write() as session:
        session.execute(text("INSERT INTO station (id, code) VALUES (1, 'DUP')"))
