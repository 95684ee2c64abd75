"""The supervisor's figures, each one SQL aggregate over the cases received in a period.

Every figure is about the cases **received** (收件) in the period ``[start, end]`` (Beijing
dates, both included), optionally only one operator's (the clerk who recorded the case) or
only the cases that include one matter (by 实施编码). Figures are computed by SQLite
(``GROUP BY``, ``count``, ``EXISTS`` on the case-history index), never by loading cases, so a
year of a million-case store is a scan of one index range rather than a million objects.

Definitions (docs/desktop-stats.md repeats them for the supervisor):

- 即办率: of the accepted 即办件 (every matter of the case immediate), the share the window
  itself recorded 办结 for (a ``completed`` history row by the station) on the Beijing date it
  was accepted.
- 一次办结率: of the cases that reached a decision to handle them (受理, or 补正 at intake), the
  share accepted without any 补正 (no ``supplement`` history row, neither at intake nor asked
  later by a department).
- 跑动次数: the ``visited`` history rows of a case (``Event.VISITED``; the kind of visit is in
  the note). Only cases with at least one visit recorded count: a case with none says nothing
  about trips. "At most one trip" is the share of those with one visit.
- 平均办理时长: accepted → first 办结, in working days (``WorkCalendar.working_days_between``: the
  acceptance day does not count, weekends and holidays neither, 调休 days do) and in hours.
- 超期: still being handled (受理 … 审批) and past the promised date, as of ``today``.
- 容缺到期: 容缺 materials not yet delivered whose promised date is past (overdue) or within the
  next three calendar days (due soon), counted per case.
- 好差评: the five GB/T 39735 levels of the cases' evaluations; 差评 are 不满意 (2) and 非常不满意
  (1), each followed up within 15 working days of the rating (../shared/DOMAIN.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from intake.catalog.model import Catalog
from intake.clock import CST, from_iso, local_date, now, to_iso
from intake.errors import WindowDeskError
from intake.store.db import Database
from intake.workdays import WorkCalendar

#: The history event a visit is recorded with (``intake.status.Event.VISITED``).
VISITED = "visited"
#: Working days a 差评 has to be rectified in.
RECTIFY_WORKING_DAYS = 15
#: A 容缺 promise counts as "due soon" this many calendar days ahead.
DEFERRED_SOON_DAYS = 3
#: Statuses during which a case is being handled (its clock can run out).
RUNNING = ("accepted", "undertaken", "reviewed", "approved")
#: Levels of 好差评, best first, with their names (GB/T 39735-2020).
LEVELS: Mapping[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}


#: A case's ratings, one per rated department (a JSON list; a case rated before ratings
#: named their department holds one object).
_RATINGS = (
    "json_each(CASE WHEN json_type(c.evaluation) = 'array' THEN c.evaluation "
    "ELSE json_array(json(c.evaluation)) END) e"
)


@dataclass(frozen=True)
class Period:
    """Which cases the figures are about."""

    start: dt.date
    end: dt.date  # included
    operator_id: str | None = None
    matter_code: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @property
    def days(self) -> list[dt.date]:
        n = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(n)]


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def rate(self) -> float | None:
        """0–1, None when there is nothing to divide by (shown as "—", never as 0 %)."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Count:
    key: str  # day (ISO), matter code or operator id
    label: str  # what a person reads: the date, the matter's name, the operator's name
    count: int


@dataclass(frozen=True)
class Visits:
    cases: int  # cases with at least one visit recorded
    visits: int
    at_most_one: Ratio  # of ``cases``

    @property
    def average(self) -> float | None:
        return self.visits / self.cases if self.cases else None


@dataclass(frozen=True)
class Handling:
    completed: int  # accepted cases with a 办结
    working_days: int  # summed over them
    hours: float  # summed over them

    @property
    def average_working_days(self) -> float | None:
        return self.working_days / self.completed if self.completed else None

    @property
    def average_hours(self) -> float | None:
        return self.hours / self.completed if self.completed else None


@dataclass(frozen=True)
class LowRating:
    """A 差评 and its rectification clock."""

    case_id: str
    case_number: str
    level: int
    reason: str
    rated_on: dt.date
    due: dt.date  # 15 working days after the rating day
    days_left: int  # working days from today to ``due``, negative once past

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class Ratings:
    counts: Mapping[int, int]  # level 5..1 → how many

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def good(self) -> Ratio:
        """好评率: 基本满意 or better."""
        return Ratio(sum(n for lvl, n in self.counts.items() if lvl >= 3), self.total)


@dataclass(frozen=True)
class Deferred:
    overdue: int  # cases with a 容缺 promise already past
    due_soon: int  # cases with one due today … today + 3 days (and none past)


@dataclass(frozen=True)
class Dashboard:
    period: Period
    today: dt.date
    cases: int
    per_day: tuple[Count, ...]  # every day of the period, zero days included
    per_matter: tuple[Count, ...]  # most cases first
    per_operator: tuple[Count, ...]  # most cases first
    immediate: Ratio  # 即办率
    first_time: Ratio  # 一次办结率
    visits: Visits
    handling: Handling
    overdue: int
    deferred: Deferred
    ratings: Ratings
    low_ratings: tuple[LowRating, ...]  # earliest due first


def _filter(period: Period) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (on ``c``, the cases) and its parameters."""
    lo = dt.datetime.combine(period.start, dt.time(), CST)
    hi = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), CST)
    where = ["c.received_at >= :lo", "c.received_at < :hi"]
    params: dict[str, Any] = {"lo": to_iso(lo), "hi": to_iso(hi)}
    if period.operator_id:
        where.append("c.operator_id = :operator")
        params["operator"] = period.operator_id
    if period.matter_code:
        where.append(
            "EXISTS (SELECT 1 FROM case_matters fm WHERE fm.case_id = c.id AND fm.code = :matter)"
        )
        params["matter"] = period.matter_code
    return " AND ".join(where), params


#: Beijing date of a stored UTC timestamp, in SQL.
def _day(column: str) -> str:
    return f"date({column}, '+8 hours')"


class Figures:
    """Each method is one figure (the bench times them one by one)."""

    def __init__(self, session: Session, period: Period, calendar: WorkCalendar, today: dt.date):
        self._s = session
        self._period = period
        self._cal = calendar
        self.today = today
        self._where, self._params = _filter(period)

    def _rows(self, sql: str, **extra: Any) -> list[Any]:
        return list(self._s.execute(text(sql), {**self._params, **extra}).all())

    def cases(self) -> int:
        return int(self._rows(f"SELECT count(*) FROM cases c WHERE {self._where}")[0][0])

    def per_day(self) -> tuple[Count, ...]:
        found = dict(
            self._rows(
                f"SELECT {_day('c.received_at')} AS d, count(*) FROM cases c "
                f"WHERE {self._where} GROUP BY d"
            )
        )
        return tuple(
            Count(d.isoformat(), d.isoformat(), int(found.get(d.isoformat(), 0)))
            for d in self._period.days
        )

    def per_matter(self) -> tuple[Count, ...]:
        # a case lists a matter once (a bundle's matters are distinct): count(*) is per case
        rows = self._rows(
            "SELECT m.code, max(m.name), count(*) AS n FROM cases c "
            f"JOIN case_matters m ON m.case_id = c.id WHERE {self._where} "
            "GROUP BY m.code ORDER BY n DESC, m.code"
        )
        return tuple(Count(code, name, int(n)) for code, name, n in rows)

    def per_operator(self) -> tuple[Count, ...]:
        # names from the operators table: the case rows' own copy would mean reading them
        rows = self._rows(
            "SELECT g.operator_id, coalesce(o.name, g.operator_id), g.n FROM ("
            "SELECT c.operator_id, count(*) AS n FROM cases c "
            f"WHERE {self._where} GROUP BY c.operator_id) g "
            "LEFT JOIN operators o ON o.id = g.operator_id ORDER BY g.n DESC, g.operator_id"
        )
        return tuple(Count(op, name, int(n)) for op, name, n in rows)

    def immediate(self) -> Ratio:
        row = self._rows(
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM case_history h "
            "WHERE h.case_id = c.id AND h.event = 'completed' AND h.actor = 'station' "
            f"AND {_day('h.at')} = {_day('c.accepted_at')})), 0) FROM cases c "
            f"WHERE {self._where} AND c.accepted_at IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM case_matters m WHERE m.case_id = c.id) "
            "AND NOT EXISTS (SELECT 1 FROM case_matters m WHERE m.case_id = c.id "
            "AND NOT m.immediate)"
        )[0]
        return Ratio(int(row[1]), int(row[0]))

    def first_time(self) -> Ratio:
        # kind: 1 accepted without 补正, 2 补正 never accepted, 3 accepted after 补正; grouped
        # by it so the history is looked up once per case
        kinds = dict(
            self._rows(
                "SELECT kind, count(*) FROM (SELECT (c.accepted_at IS NOT NULL) + 2 * EXISTS ("
                "SELECT 1 FROM case_history h WHERE h.case_id = c.id "
                f"AND h.event = 'supplement') AS kind FROM cases c WHERE {self._where}) "
                "GROUP BY kind"
            )
        )
        decided = sum(int(n) for k, n in kinds.items() if k)
        return Ratio(int(kinds.get(1, 0)), decided)

    def visits(self) -> Visits:
        per_case = self._rows(  # visits → how many cases (one history look-up per case)
            "SELECT n, count(*) FROM (SELECT (SELECT count(*) FROM case_history h "
            f"WHERE h.case_id = c.id AND h.event = :visited) AS n FROM cases c "
            f"WHERE {self._where}) GROUP BY n",
            visited=VISITED,
        )
        counted = [(int(n), int(k)) for n, k in per_case if n]
        cases = sum(k for _, k in counted)
        one = sum(k for n, k in counted if n <= 1)
        return Visits(cases, sum(n * k for n, k in counted), Ratio(one, cases))

    def handling(self) -> Handling:
        """Grouped by (accepted day, completed day): working days are then counted once per
        pair of days with the calendar, not once per case."""
        rows = self._rows(
            f"SELECT {_day('c.accepted_at')} AS a, {_day('h.at')} AS d, count(*), "
            "sum((julianday(h.at) - julianday(c.accepted_at)) * 24.0) FROM cases c "
            "JOIN case_history h ON h.case_id = c.id AND h.event = 'completed' "
            f"WHERE {self._where} AND c.accepted_at IS NOT NULL GROUP BY a, d"
        )
        completed, days, hours = 0, 0, 0.0
        for a, d, n, h in rows:
            span = self._cal.working_days_between(
                dt.date.fromisoformat(a), dt.date.fromisoformat(d)
            )
            completed += int(n)
            days += max(span, 0) * int(n)
            hours += max(float(h or 0.0), 0.0)
        return Handling(completed, days, hours)

    def overdue(self) -> int:
        marks = ", ".join(f":r{i}" for i in range(len(RUNNING)))
        running = {f"r{i}": s for i, s in enumerate(RUNNING)}
        return int(
            self._rows(
                f"SELECT count(*) FROM cases c WHERE {self._where} "
                f"AND c.status IN ({marks}) AND c.promised_due < :today",
                today=self.today.isoformat(),
                **running,
            )[0][0]
        )

    def deferred(self) -> Deferred:
        soon = self.today + dt.timedelta(days=DEFERRED_SOON_DAYS)
        row = self._rows(
            "SELECT coalesce(sum(first < :today), 0), coalesce(sum(first >= :today), 0) FROM ("
            "SELECT min(cm.promised_date) AS first FROM cases c "
            "JOIN case_materials cm ON cm.case_id = c.id "
            f"WHERE {self._where} AND cm.state = 'deferred' AND cm.promised_date <= :soon "
            # a promise is never dated before its case was received: this bounds the index
            # range on (state, promised_date) to the period instead of every old promise
            "AND cm.promised_date >= :first GROUP BY c.id)",
            today=self.today.isoformat(),
            soon=soon.isoformat(),
            first=self._period.start.isoformat(),
        )[0]
        return Deferred(int(row[0]), int(row[1]))

    def ratings(self) -> Ratings:
        found = dict(
            self._rows(
                "SELECT CAST(json_extract(e.value, '$.level') AS INTEGER) AS lvl, count(*) "
                f"FROM cases c, {_RATINGS} WHERE {self._where} AND c.evaluation IS NOT NULL "
                "GROUP BY lvl"
            )
        )
        return Ratings({lvl: int(found.get(lvl, 0)) for lvl in LEVELS})

    def low_ratings(self, limit: int = 200) -> tuple[LowRating, ...]:
        rows = self._rows(
            "SELECT c.id, c.case_number, CAST(json_extract(e.value, '$.level') AS INTEGER) "
            "AS lvl, json_extract(e.value, '$.reason'), json_extract(e.value, '$.at') "
            f"FROM cases c, {_RATINGS} WHERE {self._where} AND c.evaluation IS NOT NULL "
            "AND CAST(json_extract(e.value, '$.level') AS INTEGER) <= 2 "
            # rectified and called back, or withdrawn on appeal: no longer awaiting (整改)
            "AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.case_id = c.id "
            "AND r.department = coalesce(json_extract(e.value, '$.department'), '') "
            "AND r.state IN ('closed', 'withdrawn')) "
            "ORDER BY json_extract(e.value, '$.at') LIMIT :limit",
            limit=limit,
        )
        out = []
        for case_id, number, level, reason, at in rows:
            rated = local_date(from_iso(at)) if at else self.today
            due = self._cal.add_working_days(rated, RECTIFY_WORKING_DAYS).date
            left = self._cal.working_days_between(self.today, due)
            out.append(LowRating(case_id, number, int(level), reason or "", rated, due, left))
        return tuple(sorted(out, key=lambda r: (r.due, r.case_number)))

    def dashboard(self) -> Dashboard:
        return Dashboard(
            period=self._period,
            today=self.today,
            cases=self.cases(),
            per_day=self.per_day(),
            per_matter=self.per_matter(),
            per_operator=self.per_operator(),
            immediate=self.immediate(),
            first_time=self.first_time(),
            visits=self.visits(),
            handling=self.handling(),
            overdue=self.overdue(),
            deferred=self.deferred(),
            ratings=self.ratings(),
            low_ratings=self.low_ratings(),
        )


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


class StatsService:
    """The station's statistics: read-only, on a reader session (the desktop's reader pool)."""

    def __init__(
        self,
        db: Database,
        calendar: Callable[[], WorkCalendar],
        catalog: Callable[[], Catalog],
        *,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._catalog = catalog
        self._now = clock

    def today(self) -> dt.date:
        return local_date(self._now())

    def dashboard(self, period: Period, *, today: dt.date | None = None) -> Dashboard:
        with self._db.read() as session:
            return Figures(session, period, self._calendar(), today or self.today()).dashboard()

    def figures(self, session: Session, period: Period, *, today: dt.date | None = None) -> Figures:
        """One figure at a time inside the caller's read (the bench)."""
        return Figures(session, period, self._calendar(), today or self.today())

    def choices(self) -> tuple[tuple[Choice, ...], tuple[Choice, ...]]:
        """The operators and the active catalog's matters, for the filters (listing the
        matters found in cases would read every case_matters row of a large store)."""
        with self._db.read() as session:
            ops = session.execute(text("SELECT id, name FROM operators ORDER BY id")).all()
        try:
            matters = sorted(self._catalog().matters.values(), key=lambda m: (m.name, m.code))
        except WindowDeskError:  # no catalog yet: no matter filter
            matters = []
        return (
            tuple(Choice(k, v) for k, v in ops),
            tuple(Choice(m.code, m.name) for m in matters),
        )


def period_for(kind: str, today: dt.date) -> Period:
    """The preset periods: today, this week (Monday on), this month, this year."""
    if kind == "today":
        return Period(today, today)
    if kind == "week":
        return Period(today - dt.timedelta(days=today.weekday()), today)
    if kind == "month":
        return Period(today.replace(day=1), today)
    if kind == "year":
        return Period(today.replace(month=1, day=1), today)
    raise ValueError(f"unknown period {kind!r}")
