"""Catalog versions in the store: a new one is activated only if it loads cleanly.

A malformed or inconsistent document raises CatalogError listing every problem and leaves
the active catalog untouched: a clerk keeps working on the last good one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake.catalog.loader import parse_catalog
from intake.catalog.model import Catalog
from intake.clock import now, to_iso
from intake.errors import WindowDeskError
from intake.store.db import Database
from intake.store.models import CatalogRow


@dataclass(frozen=True)
class CatalogVersion:
    version: str
    sha256: str
    loaded_at: str
    active: bool


def store_catalog(session: Session, raw: bytes) -> Catalog:
    """Validate and activate ``raw`` inside the caller's transaction."""
    catalog = parse_catalog(raw)  # raises CatalogError before anything is written
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

    def load(self, raw: bytes) -> Catalog:
        with self._db.write() as session:
            catalog = store_catalog(session, raw)
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
