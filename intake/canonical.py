"""Canonical JSON and the case payload both the station and the platform hash.

Canonical = sorted keys, no spaces, UTF-8 with non-ASCII kept as is, and no NaN or
Infinity (they are not JSON). The same case gives the same bytes on any machine, so
``content_sha256`` proves the platform holds exactly what the station recorded. This is the
one canonical encoder: the station, the sync client and the hub all use it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from intake.views import CaseView

PAYLOAD_SCHEMA_VERSION = 1


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and decimals as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        raise TypeError("bytes have no canonical JSON form")
    return value


def _default(value: Any) -> Any:
    """What json cannot encode by itself; json's C encoder handles everything else."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8; equal to ``to_jsonable`` then ``json.dumps``.

    NaN and ±Infinity raise ``ValueError``: no JSON parser has to accept them, and the hub
    refuses them, so a digest over them could never be checked.
    """
    return json.dumps(
        obj,
        default=_default,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(obj: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``obj``."""
    return sha256_hex(canonical_json(obj))


#: Intake fields the station owns: what the platform must hold identically.
_CONTENT_FIELDS = (
    "id",
    "case_number",
    "station_code",
    "channel",
    "applicant",
    "agent",
    "matters",
    "bundle_code",
    "bundle_name",
    "materials",
    "form_data",
    "catalog_version",
    "received_at",
    "accepted_at",
    "received_area",
    "handled_area",
    "operator_id",
    "operator_name",
    "decision_reason",
    "legal_basis",
)


def case_payload(view: CaseView) -> dict[str, Any]:
    """The intake content of a case as sent to the platform (status travels separately)."""
    payload: dict[str, Any] = {name: to_jsonable(getattr(view, name)) for name in _CONTENT_FIELDS}
    payload["schema_version"] = PAYLOAD_SCHEMA_VERSION
    terms = {
        "delivery_choice": to_jsonable(view.delivery_choice),
        "rejection_kind": to_jsonable(view.rejection_kind),
        "refer_to": view.refer_to,
    }
    if any(terms.values()):  # only cases that have them: older digests stay as they were
        payload["notice_terms"] = terms
    return payload


def content_sha256(view: CaseView) -> str:
    return sha256_hex(canonical_json(case_payload(view)))
