"""Manual entry, the fallback when no card can be read: same Identity, stricter rules.

A card can only warn about a bad number (the card is what it is); a keyboard must not
produce one, so typed identities go through ``intake.identity.validate_manual_entry``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from devices.jsonout import identity_from_json
from intake.identity import Identity, validate_manual_entry


def manual_identity(fields: Mapping[str, Any], *, today: date | None = None) -> Identity:
    """An Identity from typed fields in the CLI's JSON shape; raises typed errors.

    Raises ``device.config`` for malformed fields (bad date, unknown doc_type) and the
    ``id.*`` / ``identity.*`` errors of the identity rules.
    """
    return validate_manual_entry(identity_from_json(fields), today=today)
