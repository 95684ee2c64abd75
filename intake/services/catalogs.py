"""Catalog versions in the store: a new one is activated only if it loads cleanly.

A malformed or inconsistent document raises CatalogError listing every problem and leaves
the active catalog untouched: a clerk keeps working on the last good one.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake.catalog.loader import parse_catalog
from intake.catalog.model import Catalog
from intake.clock import now, to_iso
from intake.errors import WindowDeskError
from intake.services.audit import append
from intake.store.db import Database
from intake.store.models import CatalogRow


@dataclass(frozen=True)
class CatalogVersion:
    version: str
    sha256: str
    loaded_at: str
    active: bool


def _published(document: bytes) -> datetime:
    return datetime.fromisoformat(json.loads(document)["published_at"])


def store_catalog(
    session: Session, raw: bytes, *, force: bool = False, operator_id: str = "system"
) -> Catalog:
    """Validate and activate ``raw`` inside the caller's transaction.

    A catalog published before the active one is refused (``catalog.older_version``): a
    stale file or a replayed push must not roll the station's matters back. ``force`` loads
    it anyway (a deliberate rollback) and records that in the audit log, same transaction.
    """
    catalog = parse_catalog(raw)  # raises CatalogError before anything is written
    active = session.scalar(select(CatalogRow).where(CatalogRow.active.is_(True)))
    if active is not None and active.version != catalog.version:
        published, current = _published(raw), _published(active.document)
        if published < current:
            if not force:
                raise WindowDeskError(
                    f"catalog {catalog.version} was published before the active "
                    f"{active.version}; load it only deliberately (force)",
                    code="catalog.older_version",
                    details={"version": catalog.version, "active": active.version},
                )
            append(
                session,
                operator_id,
                "catalog.forced_older",
                None,
                f"{catalog.version} ({published.isoformat()}) replaced {active.version} "
                f"({current.isoformat()})",
            )
    existing = session.get(CatalogRow, catalog.version)
    if existing is not None and existing.sha256 != catalog.sha256:
        raise WindowDeskError(
            f"catalog version {catalog.version} was already loaded with other content",
            code="catalog.version_conflict",
        )
    session.execute(update(CatalogRow).values(active=False))
    if existing is None:
        session.add(
            CatalogRow(
                version=catalog.version,
                sha256=catalog.sha256,
                document=raw,
                loaded_at=to_iso(now()),
                active=True,
            )
        )
    else:
        existing.active = True
    return catalog


class CatalogService:
    """Loads, activates and caches the station's catalog."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._cached: Catalog | None = None

    def load(self, raw: bytes, *, force: bool = False, operator_id: str = "system") -> Catalog:
        """Validate, store and activate ``raw``; ``force`` accepts an older one (audited)."""
        with self._db.write() as session:
            catalog = store_catalog(session, raw, force=force, operator_id=operator_id)
        self.invalidate()
        return catalog

    def invalidate(self) -> None:
        with self._lock:
            self._cached = None

    def active(self) -> Catalog:
        with self._lock:
            if self._cached is not None:
                return self._cached
        with self._db.read() as session:
            raw = session.scalar(select(CatalogRow.document).where(CatalogRow.active.is_(True)))
        if raw is None:
            raise WindowDeskError("no catalog is loaded on this station", code="catalog.none")
        catalog = parse_catalog(raw)
        with self._lock:
            self._cached = catalog
        return catalog

    def versions(self) -> list[CatalogVersion]:
        with self._db.read() as session:
            rows = session.scalars(select(CatalogRow).order_by(CatalogRow.loaded_at)).all()
            return [CatalogVersion(r.version, r.sha256, r.loaded_at, r.active) for r in rows]
