"""Time as the core sees it: UTC instants stored, China Standard Time (UTC+8) dates shown.

China has no daylight saving time, so a fixed offset is exact and needs no tz database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "CST")


#: How far the station's clock is set ahead of the machine's (tests and demos only: a
#: simulated week offline). Zero in production; ``set_offset`` changes it.
_offset = timedelta(0)


def now() -> datetime:
    return datetime.now(UTC) + _offset


def set_offset(offset: timedelta) -> timedelta:
    """Move the station clock by ``offset`` from the machine's; returns the previous one.
    Every core module reads the time through ``now()``, so cases, outbox rows, audit rows and
    the sync's "last sync" all see the same simulated day."""
    global _offset
    previous, _offset = _offset, offset
    return previous


def to_iso(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_date(at: datetime) -> date:
    """The calendar date in China of an instant (what counts for deadlines and numbers)."""
    return at.astimezone(CST).date()
