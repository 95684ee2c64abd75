"""Case deadlines: legal and promised due dates in working days, pauses, days left.

Rules (docs/deadlines.md has the long form):
- The limit is counted from the acceptance date (受理), which itself does not count
  (行政许可法: 期间开始之日不计算在内). An immediate matter (即办件, limit 0) is due that day.
- The clock stops while the case waits for 补正 materials after acceptance and during 特别程序
  (听证、检验、鉴定、专家评审 … 行政许可法第四十五条: 所需时间不计算在期限内). A pause from day S
  to day E stops the clock for the working days in (S, E]; the working days it stopped push
  the due dates back. A pause still open runs until today.
- ``days_left`` counts working days from today to the promised due date, negative once past.
- A deadline that needed a year without official calendar data is ``provisional``.

Pure functions over plain values: the accept service calls them inside its transaction, and
list views call them for any case, with the calendar passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from intake.cases import DeadlineInfo, HistoryEntry
from intake.errors import WindowDeskError
from intake.status import CLOCK_RUNS, Event, Status
from intake.workdays import LimitUnit, WorkCalendar

#: Service windows keep Beijing time; China has had no daylight saving since 1991.
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")

#: Statuses after which the clock never runs again.
CLOCK_STOPPED = frozenset({Status.COMPLETED, Status.DELIVERED, Status.REJECTED, Status.WITHDRAWN})


class DeadlineError(WindowDeskError):
    code = "deadline.error"


class Pause(NamedTuple):
    """A period the clock stood still: working days in (start, end] do not count."""

    start: dt.date
    end: dt.date | None  # None: still paused


def compute_deadline(
    accepted_on: dt.date | None,
    legal_days: int,
    promised_days: int,
    pauses: Sequence[tuple[dt.date, dt.date | None]],
    calendar: WorkCalendar,
    today: dt.date,
    extension_days: int = 0,
    *,
    legal_unit: LimitUnit = LimitUnit.WORKING,
    promised_unit: LimitUnit = LimitUnit.WORKING,
) -> DeadlineInfo:
    """Due dates and time left for a case accepted on ``accepted_on`` (None: not accepted).

    ``extension_days`` is an approved 延期 (行政许可法第四十二条: up to 10 more days with the
    head of office's approval, the applicant told why). It extends the time to decide, so it
    is added to both the legal and the promised limit, in each limit's own unit.
    ``days_left`` is counted in the promised limit's unit.
    """
    if min(legal_days, promised_days, extension_days) < 0:
        raise DeadlineError(
            "time limits cannot be negative",
            code="deadline.negative_limit",
            details={"legal": legal_days, "promised": promised_days, "extension": extension_days},
        )
    if accepted_on is None:
        return DeadlineInfo(None, None, False, 0, None, False)
    spans = _merge(_clip(pauses, accepted_on, today))
    legal_due = _due(accepted_on, legal_days + extension_days, spans, calendar, legal_unit)
    promised_due = _due(accepted_on, promised_days + extension_days, spans, calendar, promised_unit)
    if promised_unit is LimitUnit.CALENDAR:
        days_left = (promised_due - today).days
    else:
        days_left = calendar.working_days_between(today, promised_due)
    last = max(legal_due, promised_due, today)
    provisional = bool(calendar.provisional_years(min(accepted_on, today), last))
    return DeadlineInfo(
        legal_due=legal_due,
        promised_due=promised_due,
        provisional=provisional,
        paused_days=sum(calendar.working_days_between(s, e) for s, e in spans),
        days_left=days_left,
        overdue=today > promised_due,
    )


def _clip(
    pauses: Iterable[tuple[dt.date, dt.date | None]], accepted_on: dt.date, today: dt.date
) -> list[tuple[dt.date, dt.date]]:
    """Close open pauses at today; drop the part before acceptance (the clock had not run)."""
    out = []
    for start, end in pauses:
        if end is None and today < start:
            continue  # opened "tomorrow" by a clock a little ahead of ours: nothing paused yet
        stop = today if end is None else end
        if stop < start:
            raise DeadlineError(
                "a pause ends before it starts",
                code="deadline.pause_reversed",
                details={"start": start.isoformat(), "end": stop.isoformat()},
            )
        start = max(start, accepted_on)
        if stop > start:
            out.append((start, stop))
    return out


def _merge(spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Overlapping pauses (补正 during 特别程序) stop the clock once, not twice."""
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _due(
    accepted_on: dt.date,
    days: int,
    spans: Sequence[tuple[dt.date, dt.date]],
    cal: WorkCalendar,
    unit: LimitUnit = LimitUnit.WORKING,
) -> dt.date:
    """The day the clock reaches ``days``, pushed back by the pauses that came before it.

    A pause that starts on or after the due day came too late to help: the limit had already
    run out (an overdue case stays overdue). A calendar-day limit counts every day of a pause
    and, when it ends on a day off, runs to the next working day (民法典第二百零三条: 期间的
    最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
    """
    if unit is LimitUnit.CALENDAR:
        due = accepted_on + dt.timedelta(days=days)
        for start, end in spans:
            if start >= due:
                break
            due += end - start
        return due if days == 0 else next_working_day(due, cal)
    due = cal.add_working_days(accepted_on, days).date
    for start, end in spans:
        if start >= due:
            break
        due = cal.add_working_days(due, cal.working_days_between(start, end)).date
    return due


def next_working_day(day: dt.date, cal: WorkCalendar) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    return day if cal.is_workday(day) else cal.add_working_days(day, 1).date


def limit_due(start: dt.date, days: int, unit: LimitUnit, calendar: WorkCalendar) -> dt.date:
    """The last day of a limit of ``days`` in ``unit`` counted from ``start`` (which does not
    count), with no pause: what a 容缺 promise or a notice's "by" date is bounded by."""
    return _due(start, days, (), calendar, unit)


def longest_limit(
    limits: Iterable[tuple[int, LimitUnit]], start: dt.date, calendar: WorkCalendar
) -> tuple[int, LimitUnit]:
    """Of several matters' limits, the one that ends last when counted from ``start``: a
    bundle's case is due when its slowest matter is (60 自然日 vs 20 工作日 compares by date)."""
    chosen: tuple[int, LimitUnit] | None = None
    chosen_due: dt.date | None = None
    for days, unit in limits:
        due = limit_due(start, days, unit, calendar)
        if chosen_due is None or due > chosen_due:
            chosen, chosen_due = (days, unit), due
    if chosen is None:
        raise DeadlineError("no limit given", code="deadline.no_limit")
    return chosen


# -- from a case's history ----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseClock:
    """What a case's history says about its clock."""

    accepted_on: dt.date | None  # first 受理
    pauses: tuple[Pause, ...]
    stopped_on: dt.date | None  # 办结 / 送达 / 不予受理 / 撤件: judged as of that day

    @property
    def paused_now(self) -> bool:
        return self.stopped_on is None and any(p.end is None for p in self.pauses)


@dataclass(frozen=True)
class CaseDeadline:
    """A DeadlineInfo plus what it was computed from.

    DeadlineInfo (intake.cases) has no field saying the clock is stopped right now; the UI needs
    it to show 暂停计时 rather than a countdown, so it rides here.
    """

    info: DeadlineInfo
    clock: CaseClock

    @property
    def paused_now(self) -> bool:
        return self.clock.paused_now


def local_date(at: dt.datetime) -> dt.date:
    """The service-hall date of a timestamp: aware ones in Beijing time, naive ones as given."""
    if at.tzinfo is not None:
        at = at.astimezone(CHINA_TZ)
    return at.date()


def clock_from_history(history: Sequence[HistoryEntry]) -> CaseClock:
    """Acceptance date, pauses and final stop from a case's status history.

    A transition entry has ``event == status``; other entries carry an ``Event`` value.
    补正 after acceptance pauses until the case is accepted (or handled) again; special_start /
    special_end bracket 特别程序. A clock-stopping status closes any pause still open.
    """
    accepted_on: dt.date | None = None
    stopped_on: dt.date | None = None
    pauses: list[Pause] = []
    supplement_since: dt.date | None = None
    special_since: dt.date | None = None

    def fail(entry: HistoryEntry, message: str) -> DeadlineError:
        return DeadlineError(
            message,
            code="deadline.history_inconsistent",
            details={"seq": entry.seq, "event": entry.event, "status": entry.status.value},
        )

    for entry in sorted(history, key=lambda e: e.seq):
        day = local_date(entry.at)
        if stopped_on is not None:
            continue  # 送达 after 办结 and the like: the clock is already judged
        if entry.event == entry.status.value:  # a transition
            status = entry.status
            if status is Status.ACCEPTED and accepted_on is None:
                accepted_on = day
            elif accepted_on is None:
                continue  # 补正 / 不予受理 before acceptance: the clock has not started
            if status is Status.SUPPLEMENT and supplement_since is None:
                supplement_since = day
            elif status in CLOCK_RUNS and supplement_since is not None:
                pauses.append(Pause(supplement_since, day))
                supplement_since = None
            elif status in CLOCK_STOPPED:
                stopped_on = day
        elif entry.event == Event.DEEMED_ACCEPTED.value and accepted_on is None:
            accepted_on = day  # 逾期未告知: accepted from the day of receipt (§32)
        elif entry.event == Event.SPECIAL_START.value:
            if special_since is not None:
                raise fail(entry, "特别程序 started twice without ending")
            special_since = day
        elif entry.event == Event.SPECIAL_END.value:
            if special_since is None:
                raise fail(entry, "特别程序 ended without having started")
            pauses.append(Pause(special_since, day))
            special_since = None

    open_end = stopped_on  # None keeps them open: compute_deadline runs them until today
    for since in (supplement_since, special_since):
        if since is not None:
            pauses.append(Pause(since, open_end))
    return CaseClock(accepted_on, tuple(sorted(pauses, key=lambda p: p.start)), stopped_on)


def deadline_for_case(
    history: Sequence[HistoryEntry],
    *,
    legal_days: int,
    promised_days: int,
    calendar: WorkCalendar,
    today: dt.date,
    extension_days: int = 0,
    legal_unit: LimitUnit = LimitUnit.WORKING,
    promised_unit: LimitUnit = LimitUnit.WORKING,
) -> CaseDeadline:
    """The one call the services make: history in, deadline out.

    A finished case (办结, 不予受理, 撤件) is judged as of the day it finished: ``days_left``
    then says how early (positive) or late (negative) it was done, ``overdue`` whether late.
    """
    clock = clock_from_history(history)
    as_of = today if clock.stopped_on is None else min(today, clock.stopped_on)
    info = compute_deadline(
        clock.accepted_on,
        legal_days,
        promised_days,
        clock.pauses,
        calendar,
        as_of,
        extension_days,
        legal_unit=legal_unit,
        promised_unit=promised_unit,
    )
    return CaseDeadline(info, clock)
