"""The JSON shape of an identity for the CLI (and the simulated backend's files).

The keys are a published contract (issue #3): doc_type, name, name_en, sex, ethnicity,
birth_date, address, id_number, issuer, valid_from, valid_to (null = 长期), nationality,
photo_sha256, warnings. Nothing else is printed: photos stay out, only their hash.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from datetime import date
from typing import Any

from devices.errors import ConfigError
from intake.identity import DocType, Identity

KEYS = (
    "doc_type",
    "name",
    "name_en",
    "sex",
    "ethnicity",
    "birth_date",
    "address",
    "id_number",
    "issuer",
    "valid_from",
    "valid_to",
    "nationality",
    "photo_sha256",
    "warnings",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def identity_to_json(identity: Identity) -> dict[str, Any]:
    return {
        "doc_type": identity.doc_type.value,
        "name": identity.name,
        "name_en": identity.name_en,
        "sex": identity.sex,
        "ethnicity": identity.ethnicity,
        "birth_date": _iso(identity.birth_date),
        "address": identity.address,
        "id_number": identity.id_number,
        "issuer": identity.issuer,
        "valid_from": _iso(identity.valid_from),
        "valid_to": _iso(identity.valid_to),
        "nationality": identity.nationality,
        "photo_sha256": hashlib.sha256(identity.photo).hexdigest() if identity.photo else None,
        "warnings": list(identity.warnings),
    }


def identity_from_json(obj: Mapping[str, Any]) -> Identity:
    """An Identity from the CLI shape (plus optional ``photo_base64`` and ``extras``)."""

    def day(key: str) -> date | None:
        value = obj.get(key)
        return date.fromisoformat(value) if value else None

    try:
        photo = obj.get("photo_base64")
        return Identity(
            doc_type=DocType(obj["doc_type"]),
            name=str(obj["name"]),
            id_number=str(obj["id_number"]),
            sex=obj.get("sex"),
            ethnicity=obj.get("ethnicity"),
            birth_date=day("birth_date"),
            address=obj.get("address"),
            issuer=obj.get("issuer"),
            valid_from=day("valid_from"),
            valid_to=day("valid_to"),
            name_en=obj.get("name_en"),
            nationality=obj.get("nationality"),
            photo=base64.b64decode(photo, validate=True) if photo else None,
            extras={str(k): str(v) for k, v in dict(obj.get("extras") or {}).items()},
        )
    except (KeyError, ValueError, TypeError, binascii.Error) as exc:
        raise ConfigError(
            "an identity in the simulation file is malformed",
            code="device.config",
            details={"reason": type(exc).__name__},
        ) from None
