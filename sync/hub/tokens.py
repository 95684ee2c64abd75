"""Short-lived access tokens and refresh-secret hashing.

Access tokens are HMAC-signed (``wd1.<station>.<expiry>.<mac>``) so that checking one costs
no database write; revocation is still immediate because every request loads the station.
Refresh secrets are never stored: only their SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(key: str, station_id: int, expires_at: int) -> str:
    body = f"{station_id}.{expires_at}"
    mac = hmac.new(key.encode(), body.encode(), hashlib.sha256).hexdigest()
    return f"wd1.{body}.{mac}"


def verify(key: str, token: str, now: int) -> int | None:
    """The station id the token was issued to, or None if forged, malformed or expired."""
    # ASCII only and short numbers: "²".isdigit() is true, compare_digest refuses non-ASCII
    # text, and int() refuses more than 4,300 digits; none of that may reach them.
    if len(token) > 200 or not token.isascii():
        return None
    parts = token.split(".")
    if (
        len(parts) != 4
        or parts[0] != "wd1"
        or not (parts[1].isdigit() and len(parts[1]) <= 18)
        or not (parts[2].isdigit() and len(parts[2]) <= 18)
    ):
        return None
    body = f"{parts[1]}.{parts[2]}"
    mac = hmac.new(key.encode(), body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, parts[3]) or int(parts[2]) <= now:
        return None
    return int(parts[1])
