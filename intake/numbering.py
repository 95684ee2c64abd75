"""Case numbers (办件编号) and other counters, unique without any network.

A case number is ``<station code>-<YYYYMMDD>-<5-digit daily sequence>``: the station code is
unique province-wide (issued at enrolment), the date is the local acceptance date, and the
sequence is taken inside the same transaction that writes the case, so a crash either keeps
both or neither: a number that was ever shown is never handed out again.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

CASE_NUMBER = re.compile(r"(?P<station>[A-Z0-9]{2,32})-(?P<day>\d{8})-(?P<seq>\d{5,})")


def next_value(session: Session, scope: str) -> int:
    """Increment and return the counter ``scope`` (inside the caller's write transaction)."""
    row = session.execute(
        text(
            "INSERT INTO sequences(scope, value) VALUES (:scope, 1) "
            "ON CONFLICT(scope) DO UPDATE SET value = value + 1 RETURNING value"
        ),
        {"scope": scope},
    ).one()
    return int(row[0])


def format_case_number(station_code: str, day: date, seq: int) -> str:
    return f"{station_code}-{day:%Y%m%d}-{seq:05d}"


def next_case_number(session: Session, station_code: str, day: date) -> str:
    return format_case_number(station_code, day, next_value(session, f"case:{day:%Y%m%d}"))
