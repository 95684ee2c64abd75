"""Attachments at the hub are each station's own, over real HTTP: another station's HEAD
does not reveal a blob, nor can its declared size block the owner's upload; a blob whose
bytes do not match its SHA-256 is forgotten with its declared size; a station's quota is its
own; and a version-1 hub database (one blob per SHA-256 for everyone) is migrated."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, text

from sync import protocol
from sync.hub import db
from sync.hub.service import Hub, StationAuth
from tests.sync.hubproc import HubProcess, PostgresCluster
from tests.sync.test_hub_protocol import H, enrol, new_station


def _auth(token: str) -> dict[str, str]:
    return {**H, "Authorization": f"Bearer {token}"}


def _put(
    hub: HubProcess, token: str, data: bytes, *, total: int | None = None
) -> requests.Response:
    sha = hashlib.sha256(data).hexdigest()
    return requests.put(
        f"{hub.url}/v1/attachments/{sha}",
        data=data,
        headers={
            **_auth(token),
            "Upload-Offset": "0",
            "Upload-Length": str(total if total is not None else len(data)),
        },
    )


def _head(hub: HubProcess, token: str, data: bytes) -> requests.Response:
    sha = hashlib.sha256(data).hexdigest()
    return requests.head(f"{hub.url}/v1/attachments/{sha}", headers=_auth(token))


def test_a_station_neither_sees_nor_blocks_anothers_attachments(hub: HubProcess) -> None:
    a = enrol(hub, new_station())["access_token"]
    b = enrol(hub, new_station())["access_token"]
    scan = b"scan of an ID card " * 100
    assert _put(hub, a, scan).json() == {"received": len(scan), "complete": True}
    assert _head(hub, a, scan).headers["X-Complete"] == "1"
    assert _head(hub, b, scan).status_code == 404  # B learns nothing of A's blob
    # B declares another size for a blob A has not sent yet: it is B's own, A is not blocked.
    photo = b"photo of a household register " * 50
    sha = hashlib.sha256(photo).hexdigest()
    r = requests.put(
        f"{hub.url}/v1/attachments/{sha}",
        data=photo[:10],
        headers={**_auth(b), "Upload-Offset": "0", "Upload-Length": str(len(photo) + 999)},
    )
    assert r.status_code == 200
    assert _put(hub, a, photo).json()["complete"] is True
    # B can still upload the scan as its own copy.
    assert _head(hub, b, scan).status_code == 404
    assert _put(hub, b, scan).json()["complete"] is True


def test_a_blob_that_does_not_match_its_hash_is_forgotten_with_its_size(hub: HubProcess) -> None:
    token = enrol(hub, new_station())["access_token"]
    data = b"the real bytes " * 40
    sha = hashlib.sha256(data).hexdigest()
    wrong = b"x" * (len(data) - 5)
    r = requests.put(
        f"{hub.url}/v1/attachments/{sha}",
        data=wrong,
        headers={**_auth(token), "Upload-Offset": "0", "Upload-Length": str(len(wrong))},
    )
    assert r.status_code == 400 and r.json()["error"] == "attachment.digest_mismatch"
    assert _head(hub, token, data).status_code == 404  # the wrong declared size went too
    assert _put(hub, token, data).json()["complete"] is True


@pytest.fixture
def small_quota_hub(tmp_path: Path) -> Iterator[HubProcess]:
    proc = HubProcess(
        f"sqlite:///{tmp_path / 'hub.db'}", extra_args=("--attachment-quota-mib", "1")
    )
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def test_each_station_has_its_own_attachment_quota(small_quota_hub: HubProcess) -> None:
    hub = small_quota_hub
    a = enrol(hub, new_station())["access_token"]
    b = enrol(hub, new_station())["access_token"]
    first, second = b"a" * 200_000, b"b" * 200_000
    assert _put(hub, a, first).json()["received"] == len(first)
    # 200 kB sent, 900 kB more declared: above A's 1 MiB.
    r = _put(hub, a, second, total=900_000)
    assert r.status_code == 413 and r.json()["error"] == "attachment.quota_exceeded"
    assert r.json()["details"]["used"] == len(first)
    # B's quota is B's own.
    big = b"c" * protocol.ATTACHMENT_CHUNK_BYTES
    assert _put(hub, b, big, total=900_000).status_code == 200


@pytest.fixture(params=["sqlite", "postgresql"])
def v1_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_db(f"v1hub{tmp_path.name[-8:].lower().replace('-', '')}")


def test_a_version_1_database_is_migrated_to_per_station_attachments(v1_db: str) -> None:
    """Made as version 1 made it: one ``attachments`` row per SHA-256 (its first uploader's)
    and ``attachment_chunks`` by SHA-256; the hub of version 2 moves each to its station."""
    engine = db.make_engine(v1_db)
    hub = Hub(engine)  # a current schema, then turned back into version 1's
    hub.enroll(hub.create_enrolment_code("MIG1", "迁移站"), "a" * 64)
    hub.enroll(hub.create_enrolment_code("MIG2", "迁移站二"), "b" * 64)
    with engine.connect() as conn:
        ids = dict(conn.execute(select(db.stations.c.code, db.stations.c.id)).all())
    data = b"version one blob"
    sha = hashlib.sha256(data).hexdigest()
    blob = "X'" + data.hex() + "'" if engine.dialect.name == "sqlite" else f"'\\x{data.hex()}'"
    ts = "CURRENT_TIMESTAMP"
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE station_attachment_chunks"))
        conn.execute(text("DROP TABLE station_attachments"))
        conn.execute(
            text(
                "CREATE TABLE attachments (sha256 VARCHAR(64) PRIMARY KEY, station_id INTEGER "
                "NOT NULL REFERENCES stations(id), size BIGINT NOT NULL, received BIGINT NOT "
                "NULL, complete BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)"
            )
        )
        conn.execute(
            text(
                "CREATE TABLE attachment_chunks (sha256 VARCHAR(64) NOT NULL REFERENCES "
                'attachments(sha256), "offset" BIGINT NOT NULL, data BYTEA NOT NULL, '
                'PRIMARY KEY (sha256, "offset"))'
                if engine.dialect.name == "postgresql"
                else "CREATE TABLE attachment_chunks (sha256 VARCHAR(64) NOT NULL REFERENCES "
                'attachments(sha256), "offset" BIGINT NOT NULL, data BLOB NOT NULL, '
                'PRIMARY KEY (sha256, "offset"))'
            )
        )
        conn.execute(
            text(
                f"INSERT INTO attachments VALUES ('{sha}', {ids['MIG1']}, {len(data)}, "
                f"{len(data)}, TRUE, {ts})"
            )
        )
        conn.execute(text(f"INSERT INTO attachment_chunks VALUES ('{sha}', 0, {blob})"))
        conn.execute(db.hub_schema.update().values(version=1))
    engine.dispose()

    migrated = Hub(db.make_engine(v1_db))
    with migrated.engine.connect() as conn:
        assert conn.execute(select(db.hub_schema.c.version)).scalar() == db.SCHEMA_VERSION
        chunks = conn.execute(select(db.attachment_chunks.c.data)).scalars().all()
    assert [bytes(c) for c in chunks] == [data]
    owner = StationAuth(id=ids["MIG1"], code="MIG1", name="")
    other = StationAuth(id=ids["MIG2"], code="MIG2", name="")
    assert migrated.attachment_state(owner, sha) == {
        "size": len(data),
        "received": len(data),
        "complete": True,
    }
    assert migrated.attachment_state(other, sha) is None
    # And the moved blob can still be uploaded by the other station as its own.
    done = migrated.attachment_chunk(other, sha, 0, len(data), data)
    assert done == {"received": len(data), "complete": True}
    migrated.engine.dispose()
