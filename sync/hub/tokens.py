"""Short-lived access tokens and refresh-secret hashing.

Access tokens are HMAC-signed (``wd2.<station>.<generation>.<expiry>.<mac>``) so that checking
one costs no database write; revocation is still immediate because every request loads the
station, and a token from before a re-enrolment names an old generation.
Refresh secrets are never stored: only their SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(key: str, station_id: int, generation: int, expires_at: int) -> str:
    """A token for ``station_id`` in its enrolment ``generation``: a re-enrolment (which
    follows a revocation) moves the generation on, so tokens issued before it stop working."""
    body = f"{station_id}.{generation}.{expires_at}"
    mac = hmac.new(key.encode(), body.encode(), hashlib.sha256).hexdigest()
    return f"wd2.{body}.{mac}"


def verify(key: str, token: str, now: int) -> tuple[int, int] | None:
    """(station id, enrolment generation) the token was issued for, or None if forged,
    malformed or expired."""
    # ASCII only and short numbers: "²".isdigit() is true, compare_digest refuses non-ASCII
    # text, and int() refuses more than 4,300 digits; none of that may reach them.
    if len(token) > 200 or not token.isascii():
        return None
    parts = token.split(".")
    if len(parts) != 5 or parts[0] != "wd2":
        return None
    if not all(p.isdigit() and len(p) <= 18 for p in parts[1:4]):
        return None
    body = ".".join(parts[1:4])
    mac = hmac.new(key.encode(), body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, parts[4]) or int(parts[3]) <= now:
        return None
    return int(parts[1]), int(parts[2])
