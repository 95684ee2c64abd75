"""Station settings a supervisor edits: the station's identity (its ``station`` row) and the
station-local settings (the ``settings`` table, one typed JSON value per key, each with a
version counted per change). Only window geometry lives outside the store (QSettings).

``check`` finds every problem with a set of changes; ``save`` refuses a clerk
(``auth.forbidden``) and any change with a problem (``settings.invalid``, nothing saved),
and writes one audit row per changed key, old → new, in the same transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.clock import now, to_iso
from intake.errors import Problem, ProblemsError, WindowDeskError
from intake.services import audit
from intake.services.authz import require_supervisor
from intake.store.db import Database
from intake.store.models import CaseRow, SettingRow, StationRow

#: The documents a station prints (printing.documents' kinds; a test checks they agree).
DOCUMENT_KINDS = (
    "acceptance",
    "supplement",
    "rejection",
    "promise",
    "commitment",
    "materials",
    "completion",
    "ticket",
    "delivery",
    "withdrawal",
)
PUBLIC_DOCUMENTS = frozenset({"ticket"})  # shown to the queue: always masked
MASKABLE = ("name", "id_number", "phone")
READER_BACKENDS = ("none", "sam-serial", "pcsc", "vendor", "simulated")
PAPER_SIZES = ("a4", "a5")
AGENCY_ABBR = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,8}")
SCHEMA_VERSION = 1
_SCHEMA_KEY = "_schema"


@dataclass(frozen=True)
class LocalSettings:
    agency_abbr: str = ""  # 机关代字 before document numbers (empty: the station code)
    reader_backend: str = "none"
    reader_port: str = ""  # serial port, PC/SC reader name, vendor library or simulated file
    printers: Mapping[str, str] = field(default_factory=dict)  # document kind → printer
    paper_size: str = "a4"
    idle_lock_minutes: int = 10  # 0: never
    kiosk_timeout_seconds: int = 120
    #: document kind → the fields masked on it (a kind not listed: all masked)
    masking: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def masked_on(self, kind: str) -> tuple[str, ...]:
        return tuple(self.masking.get(kind, MASKABLE))


IDENTITY_KEYS = ("office_name", "station_code", "area_code", "phone", "address", "hub_url")
LOCAL_KEYS = tuple(f.name for f in fields(LocalSettings))
_IDENTITY_COLUMNS = {"station_code": "code"}


@dataclass(frozen=True)
class SettingsView:
    identity: dict[str, Any]  # office_name, station_code, area_code, phone, address, hub_url
    local: LocalSettings
    versions: dict[str, int]  # local key → how many times it was saved
    station_code_locked: bool  # cases exist: their numbers carry the code

    def value(self, key: str) -> Any:
        return self.identity[key] if key in IDENTITY_KEYS else getattr(self.local, key)


def _problem(where: str, code: str, message: str, **params: Any) -> Problem:
    return Problem(where, code, message, params)


def _check_text(out: list[Problem], key: str, value: Any, limit: int) -> bool:
    if not isinstance(value, str):
        out.append(_problem(key, "settings.type", "a text"))
        return False
    if len(value) > limit or any(ord(c) < 32 for c in value):
        out.append(_problem(key, "settings.too_long", f"at most {limit} characters", limit=limit))
        return False
    return True


def check(changes: Mapping[str, Any], current: SettingsView | None = None) -> list[Problem]:
    """Every problem with ``changes`` (against ``current`` for rules across keys)."""
    from intake.setup import AREA_CODE, STATION_CODE  # the set-up's own rules (it imports us)

    out: list[Problem] = []
    for key in changes:
        if key not in IDENTITY_KEYS and key not in LOCAL_KEYS:
            out.append(_problem(key, "settings.unknown", "unknown setting"))

    def get(key: str, default: Any = None) -> Any:
        return changes.get(key, default)

    if (
        "office_name" in changes
        and _check_text(out, "office_name", get("office_name"), 80)
        and not get("office_name").strip()
    ):
        out.append(_problem("office_name", "setup.office_name", "1-80 characters"))
    if "station_code" in changes:
        if not isinstance(get("station_code"), str) or not STATION_CODE.fullmatch(
            get("station_code")
        ):
            out.append(_problem("station_code", "setup.station_code", "2-16 capitals/digits"))
        elif (
            current is not None
            and current.station_code_locked
            and get("station_code") != current.identity["station_code"]
        ):
            out.append(_problem("station_code", "settings.station_code_locked", "cases exist"))
    if "area_code" in changes and (
        not isinstance(get("area_code"), str) or not AREA_CODE.fullmatch(get("area_code"))
    ):
        out.append(_problem("area_code", "setup.area_code", "a 12-digit area code"))
    for key, limit in (("phone", 40), ("address", 200)):
        if key in changes:
            _check_text(out, key, get(key), limit)
    if "hub_url" in changes:
        url = get("hub_url")
        if url not in (None, "") and (
            not isinstance(url, str) or not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url)
        ):
            out.append(_problem("hub_url", "setup.hub_url", "an http(s) address"))
    if (
        "agency_abbr" in changes
        and _check_text(out, "agency_abbr", get("agency_abbr"), 8)
        and get("agency_abbr")
        and not AGENCY_ABBR.fullmatch(get("agency_abbr"))
    ):
        out.append(_problem("agency_abbr", "settings.agency_abbr", "1-8 characters"))
    backend = get("reader_backend", current.local.reader_backend if current else "none")
    if "reader_backend" in changes and backend not in READER_BACKENDS:
        out.append(_problem("reader_backend", "settings.reader_backend", "a known backend"))
    if "reader_port" in changes:
        _check_text(out, "reader_port", get("reader_port"), 300)
    port = get("reader_port", current.local.reader_port if current else "")
    if (
        ("reader_backend" in changes or "reader_port" in changes)
        and backend in ("sam-serial", "vendor", "simulated")
        and isinstance(port, str)
        and not port.strip()
    ):
        out.append(_problem("reader_port", "settings.reader_port", "the reader's port"))
    if "printers" in changes:
        printers = get("printers")
        if not isinstance(printers, Mapping):
            out.append(_problem("printers", "settings.type", "a mapping"))
        else:
            for kind, target in printers.items():
                if kind not in DOCUMENT_KINDS:
                    out.append(_problem("printers", "settings.document_kind", "unknown kind"))
                else:
                    _check_text(out, f"printers.{kind}", target, 200)
    if "paper_size" in changes and get("paper_size") not in PAPER_SIZES:
        out.append(_problem("paper_size", "settings.paper_size", "A4 or A5"))
    for key, low, high in (("idle_lock_minutes", 0, 120), ("kiosk_timeout_seconds", 30, 900)):
        if key in changes:
            value = get(key)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                out.append(_problem(key, f"settings.{key}", f"{low}-{high}", low=low, high=high))
    if "masking" in changes:
        masking = get("masking")
        if not isinstance(masking, Mapping):
            out.append(_problem("masking", "settings.type", "a mapping"))
        else:
            for kind, masked in masking.items():
                if kind not in DOCUMENT_KINDS:
                    out.append(_problem("masking", "settings.document_kind", "unknown kind"))
                elif not isinstance(masked, list | tuple) or not set(masked) <= set(MASKABLE):
                    out.append(_problem(f"masking.{kind}", "settings.type", "masked fields"))
                elif kind in PUBLIC_DOCUMENTS and set(masked) != set(MASKABLE):
                    out.append(_problem(f"masking.{kind}", "settings.masking_public", "public"))
    return out


def _decode(key: str, raw: str) -> Any:
    value = json.loads(raw)
    if key == "masking":
        return {k: tuple(v) for k, v in value.items()}
    return value


def _text_of(value: Any) -> str:
    if isinstance(value, Mapping):
        return json.dumps(
            {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(value.items())},
            ensure_ascii=False,
        )
    return "" if value is None else str(value)


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def current(self) -> SettingsView:
        with self._db.read() as session:
            return self._view(session)

    def local(self) -> LocalSettings:
        return self.current().local

    def save(self, by: str, changes: Mapping[str, Any]) -> SettingsView:
        """Apply ``changes`` (only the keys given) if every one is valid; audit each."""
        with self._db.write() as session:
            require_supervisor(session, by)
            current = self._view(session)
            problems = check(changes, current)
            if problems:
                raise ProblemsError("settings rejected", problems, code="settings.invalid")
            station = session.get(StationRow, 1)
            if station is None:
                raise WindowDeskError("this station is not set up", code="station.not_set_up")
            stamp = to_iso(now())
            for key, value in changes.items():
                old = current.value(key)
                if key == "masking":
                    value = {k: tuple(v) for k, v in value.items()}
                if key == "hub_url":
                    value = value or None
                if old == value or (isinstance(old, Mapping) and dict(old) == dict(value)):
                    continue
                if key in IDENTITY_KEYS:
                    setattr(station, _IDENTITY_COLUMNS.get(key, key), value)
                else:
                    encoded = json.dumps(
                        {k: list(v) for k, v in value.items()} if key == "masking" else value,
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                    row = session.get(SettingRow, key)
                    if row is None:
                        session.add(
                            SettingRow(
                                key=key,
                                value=encoded,
                                version=1,
                                updated_at=stamp,
                                updated_by=by,
                            )
                        )
                    else:
                        row.value, row.version = encoded, row.version + 1
                        row.updated_at, row.updated_by = stamp, by
                detail = f"{key}: {_text_of(old)} → {_text_of(value)}"
                audit.append(session, by, "settings.change", None, detail)
            self._schema(session, by, stamp)
            session.flush()
            return self._view(session)

    @staticmethod
    def _schema(session: Session, by: str, stamp: str) -> None:
        if session.get(SettingRow, _SCHEMA_KEY) is None:
            session.add(
                SettingRow(
                    key=_SCHEMA_KEY,
                    value=str(SCHEMA_VERSION),
                    version=1,
                    updated_at=stamp,
                    updated_by=by,
                )
            )

    @staticmethod
    def _view(session: Session) -> SettingsView:
        station = session.get(StationRow, 1)
        if station is None:
            raise WindowDeskError("this station is not set up", code="station.not_set_up")
        identity = {k: getattr(station, _IDENTITY_COLUMNS.get(k, k)) for k in IDENTITY_KEYS}
        rows = {r.key: r for r in session.scalars(select(SettingRow))}
        values: dict[str, Any] = {}
        versions: dict[str, int] = {}
        for key in LOCAL_KEYS:
            row = rows.get(key)
            if row is not None:
                values[key] = _decode(key, row.value)
                versions[key] = row.version
        # values written by a newer schema than this code knows are ignored, not fatal
        local = replace(LocalSettings(), **values)
        has_cases = session.scalar(select(CaseRow.id).limit(1)) is not None
        return SettingsView(identity, local, versions, has_cases)
