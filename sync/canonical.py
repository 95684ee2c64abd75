"""Canonical JSON and content digests shared by the hub and the station.

This MUST produce the same bytes as ``intake.canonical.canonical_json``: the hub's
``content_sha256`` is compared with the station's ``digest`` byte for byte, so a drift here
would make every case look different on both sides (tests/sync/test_canonical.py checks the
two agree). The hub keeps its own copy so that it can run without the station store.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, non-ASCII kept as is (ensure_ascii=False)."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(obj: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``obj``."""
    return sha256_hex(canonical_json(obj))
