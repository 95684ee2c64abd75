"""A station's store and services, opened from its data directory.

This is the composition root of the core: the desktop app, the CLIs, printing and sync get
a ``Station`` and call its services; nothing reaches for globals.
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass, fields
from pathlib import Path
from types import TracebackType
from typing import Any

from intake.catalog.model import Catalog
from intake.clock import now, to_iso
from intake.config import resolve_data_dir
from intake.errors import WindowDeskError
from intake.services.agents import AgentCards
from intake.services.appointments import AppointmentService
from intake.services.attachments import AttachmentService
from intake.services.audit import AuditService
from intake.services.audit_anchor import ANCHOR_FILE, SECRET_LABEL, AuditAnchor
from intake.services.case_queries import CaseQueries
from intake.services.cases import CaseService, name_keys
from intake.services.catalogs import CatalogService
from intake.services.complaints import ComplaintService
from intake.services.drafts import DraftService
from intake.services.followups import FollowupService
from intake.services.handover import HandoverService
from intake.services.inbox import InboxService
from intake.services.local_settings import SettingsService
from intake.services.lookups import LookupService
from intake.services.operators import OperatorService
from intake.services.outbox import OutboxService
from intake.services.pending_decisions import PendingDecisionService
from intake.services.pre_intakes import PreIntakeService
from intake.services.print_jobs import PrintJobService
from intake.services.quarantine import QuarantineService
from intake.services.queue import QueueService
from intake.services.rectifications import RectificationService
from intake.services.remote import CalendarStore, RemoteApplier, SyncStateStore
from intake.services.visits import VisitService
from intake.stats.figures import StatsService
from intake.store import files
from intake.store.db import BUSY_TIMEOUT_S, DB_FILE, Database
from intake.store.keys import KEY_FILE, StoreKey
from intake.store.migrate import upgrade
from intake.store.models import StationRow


@dataclass(frozen=True)
class StationSettings:
    station_code: str
    office_name: str
    area_code: str
    level: str  # county / town / village / kiosk
    phone: str
    address: str
    tracking_url_template: str
    hub_url: str | None
    #: 机关代字 of document numbers: a local setting (settings page), not part of set-up
    agency_abbr: str = ""


_SETTING_COLUMNS = {
    "station_code": "code",
    "office_name": "office_name",
    "area_code": "area_code",
    "level": "level",
    "phone": "phone",
    "address": "address",
    "tracking_url_template": "tracking_url_template",
    "hub_url": "hub_url",
}


class Station:
    def __init__(self, data_dir: Path, db: Database) -> None:
        self.data_dir = data_dir
        self.db = db
        self.catalogs = CatalogService(db)
        self.calendars = CalendarStore(db)
        self.cases = CaseService(db, self.catalogs.active, self.calendars.calendar)
        self.attachments = AttachmentService(db, self.cases)
        self.pending_decisions = PendingDecisionService(db, self.cases)
        self.outbox = OutboxService(db)
        self.quarantine = QuarantineService(db, self.cases)
        self.handover = HandoverService(db)
        self.agent_cards = AgentCards(db)
        self.print_jobs = PrintJobService(db)
        self.operators = OperatorService(db)
        self.audit_anchor = AuditAnchor(data_dir / ANCHOR_FILE, db.derived_key(SECRET_LABEL))
        db.on_commit(self.audit_anchor.before_commit, self.audit_anchor.on_commit)
        self.audit = AuditService(db, self.audit_anchor)
        self.drafts = DraftService(db)
        self.lookups = LookupService(db)
        self.case_queries = CaseQueries(db, self.cases, self.print_jobs, self.audit)
        self.sync_state = SyncStateStore(db)
        self.followups = FollowupService(
            db, self.cases, self.catalogs.active, self.calendars.calendar
        )
        self.visits = VisitService(db)
        self.inbox = InboxService(db)
        self.queue = QueueService(db)
        self.pre_intakes = PreIntakeService(db, self.cases, self.queue)
        self.appointments = AppointmentService(db, self.queue)
        self.local_settings = SettingsService(db)
        self.stats = StatsService(db, self.calendars.calendar, self.catalogs.active)
        self.complaints = ComplaintService(db, self.calendars.calendar)
        self.rectifications = RectificationService(db, self.calendars.calendar)
        self._remote = RemoteApplier(
            db,
            self.catalogs,
            self.calendars,
            self.cases.transition_in,
            self.cases.recompute_deadlines,
            special_in=self.cases.set_special_procedure_in,
        )

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        page_cache_mib: tuple[int, int] = (32, 16),
        create: bool = False,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> Station:
        """Open (creating and migrating as needed) the station store in ``data_dir``.

        A fresh, empty directory becomes a new station. A directory whose database is gone
        or empty while its key or enrolment remains raises ``store.missing`` unless
        ``create`` asks for a new station explicitly. Initialisation holds the data dir's
        lock, so processes starting together on one directory take turns.

        ``page_cache_mib`` (writer, each reader): background processes such as sync pass
        small caches to stay light. ``busy_timeout_s``: how long a write waits for another
        process's write before ``store.busy``."""
        folder = resolve_data_dir(data_dir)
        path = folder / DB_FILE
        with files.init_lock(folder):
            before = {p.name for p in folder.iterdir()}
            fresh = files.is_fresh(folder, DB_FILE)
            new = files.check_not_lost(folder, DB_FILE, create=create)
            try:
                key = StoreKey(folder).get(create=new)
                if new:
                    files.make_private(folder)
                    files.create_private(path)
                files.make_private(
                    path, folder / f"{DB_FILE}-wal", folder / f"{DB_FILE}-shm", folder / KEY_FILE
                )
                db = Database(
                    path, key, page_cache_mib=page_cache_mib, busy_timeout_s=busy_timeout_s
                )
                try:
                    upgrade(db)
                except Exception:
                    db.dispose()
                    raise
            except BaseException:
                if fresh:  # a first start that failed leaves no half-made station behind
                    files.remove_new(folder, before)
                raise
        return cls(folder, db)

    @staticmethod
    def is_fresh(data_dir: str | os.PathLike[str]) -> bool:
        """True when ``data_dir`` holds no station yet (nothing would be refused there)."""
        return files.is_fresh(resolve_data_dir(data_dir), DB_FILE)

    def close(self) -> None:
        self.db.dispose()
        self.audit_anchor.close()

    def warm_up(self) -> None:
        """Load now what the first intake of the day would otherwise load while a citizen
        waits (the pinyin tables, 55 MB of objects, and the active catalog: ~300 ms), then
        move the heap built so far out of the cyclic garbage collector's reach. Its full
        collections would otherwise walk those long-lived tables every few hundred saves,
        a stall of several milliseconds inside a clerk's save (docs/performance.md).

        Call once at start, off the UI thread. Processes that never take an intake (sync,
        printing) do not need it and keep their memory small.
        """
        name_keys("张三")
        with contextlib.suppress(WindowDeskError):  # a station not yet set up has no catalog
            self.catalog  # noqa: B018 - loads and caches it
        gc.collect()
        gc.freeze()

    def __enter__(self) -> Station:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- settings -------------------------------------------------------------------------------

    @property
    def is_set_up(self) -> bool:
        with self.db.read() as session:
            return session.get(StationRow, 1) is not None

    @property
    def settings(self) -> StationSettings:
        with self.db.read() as session:
            row = session.get(StationRow, 1)
            if row is None:
                raise WindowDeskError("this station is not set up", code="station.not_set_up")
            values = {k: getattr(row, col) for k, col in _SETTING_COLUMNS.items()}
        return StationSettings(**values, agency_abbr=self.local_settings.local().agency_abbr)

    def set_up(self, settings: StationSettings) -> None:
        """First-run set-up (or a station code change before any case exists)."""
        with self.db.write() as session:
            row = session.get(StationRow, 1)
            if row is None:
                row = StationRow(id=1, created_at=to_iso(now()))
                session.add(row)
            for name, col in _SETTING_COLUMNS.items():
                setattr(row, col, getattr(settings, name))

    def update_settings(self, **changes: Any) -> StationSettings:
        known = {f.name for f in fields(StationSettings)}
        unknown = set(changes) - known
        if unknown:
            raise WindowDeskError(f"unknown settings {sorted(unknown)}", code="station.setting")
        with self.db.write() as session:
            row = session.get(StationRow, 1)
            if row is None:
                raise WindowDeskError("this station is not set up", code="station.not_set_up")
            for name, value in changes.items():
                setattr(row, _SETTING_COLUMNS[name], value)
        return self.settings

    # -- shortcuts ------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        return self.catalogs.active()

    def apply_remote(self, changes: list[dict[str, Any]], next_cursor: str) -> dict[str, int]:
        return self._remote.apply(changes, next_cursor)
