"""Time as the core sees it: UTC instants stored, China Standard Time (UTC+8) dates shown.

China has no daylight saving time, so a fixed offset is exact and needs no tz database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    return datetime.now(UTC)


def to_iso(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_date(at: datetime) -> date:
    """The calendar date in China of an instant (what counts for deadlines and numbers)."""
    return at.astimezone(CST).date()
