"""Low ratings at different points of their 15-working-day clock, for the tests and the
screenshots (through the real services: each rating opens its item as in the app)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select

from intake.clock import local_date, now
from intake.services.rectifications import due_date
from intake.station import Station
from intake.store.models import CaseRow

COMMENTS = (
    ("waiting", "等了一个多小时才叫到号"),
    ("not_told_once", "第一次来没有一次性告知要带户口簿"),
    ("attitude", "窗口人员不耐烦"),
    ("slow", "说好当天办完，结果让下周再来"),
)


def _fixed(at: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: at


def _days_back(station: Station, left: int) -> dt.datetime:
    """A rating time whose due date leaves ``left`` working days (negative: past)."""
    calendar = station.calendars.calendar()
    today = now()
    for days in range(1, 60):
        at = today - dt.timedelta(days=days)
        if calendar.working_days_between(local_date(today), due_date(at, calendar)) <= left:
            return at
    raise AssertionError("no such day")


def seed_low_ratings(station: Station, lefts: tuple[int, ...] = (-2, 2, 12, 9)) -> list[str]:
    """Rate one unrated case per entry of ``lefts`` (working days left on its clock) with a
    差评; returns their case numbers in that order."""
    with station.db.read() as s:
        ids = list(
            s.scalars(select(CaseRow.id).where(CaseRow.evaluation.is_(None)).order_by(CaseRow.id))
        )
    numbers = []
    keep = station.cases._now
    try:
        for i, left in enumerate(lefts):
            case = station.cases.get(ids[i])
            at = _days_back(station, left)
            station.cases._now = _fixed(at)  # the rating was given then
            code, comment = COMMENTS[i % len(COMMENTS)]
            station.cases.evaluate(
                case.id,
                2 if i % 2 else 1,
                comment,
                operator="clerk01",
                department=case.departments[0],
                reasons=(code,),
            )
            numbers.append(case.case_number)
    finally:
        station.cases._now = keep
    return numbers
