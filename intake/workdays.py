"""The working-day calendar (工作日) that every time limit is counted in.

Legal and promised limits are working days: statutory holidays are not counted and the
调休 make-up Saturdays/Sundays are. The State Council publishes each year's arrangement late in
the year before, so a deadline can reach a year nobody has published yet. Three sources, in
priority order, answer "is this day a working day?":

1. an override table pushed by the central platform (official data for future years, or a
   correction); a year it declares *complete* is taken from the table alone;
2. ``chinese-calendar`` (pinned), which carries the published years 2004-2026;
3. for any other year, a PROVISIONAL calendar: weekends off and the statutory holidays of the
   2024 revision of 《全国年节及纪念日放假办法》 placed by rule (lunar ones from ``lunardate``,
   清明 from its solar term). No 调休 and no 补假 are guessed.

Everything a provisional year touched is flagged, so deadlines can be shown as provisional and
recomputed when the official year arrives. Each year is built once into a small table; adding
working days is then a couple of index look-ups (it runs inside the accept transaction).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import chinese_calendar
from lunardate import LunarDate

from intake.errors import Problem, ProblemsError, WindowDeskError

#: Years ``chinese-calendar`` carries (2004-2026 for the pinned 1.11.0).
OFFICIAL_FIRST_YEAR: int = min(chinese_calendar.holidays).year
OFFICIAL_LAST_YEAR: int = max(chinese_calendar.holidays).year
#: Last year the provisional rule can place lunar holidays for (``lunardate`` stops at 2099).
PROVISIONAL_LAST_YEAR = 2099

OVERRIDE_SCHEMA_VERSION = 1

_ONE_DAY = dt.timedelta(days=1)

# chinese-calendar names its holidays in English; we show the Chinese names.
_CC_NAMES: Mapping[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


class CalendarUnavailable(WindowDeskError):
    """No source can say whether a day of this year is a working day."""

    code = "calendar.year_unsupported"


class CalendarError(ProblemsError):
    """A calendar override pushed by the platform was rejected (every problem listed)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        problems = tuple(problems)
        super().__init__(
            f"calendar override rejected: {len(problems)} problem(s)",
            problems,
            code="calendar.invalid",
        )


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # 放假 (statutory holiday or a day off in its block)
    WORKDAY = "workday"  # 上班 (usually a 调休 make-up Saturday/Sunday)


class Source(StrEnum):
    OVERRIDE = "override"  # pushed by the central platform
    OFFICIAL = "official"  # chinese-calendar
    PROVISIONAL = "provisional"  # placed by rule, not yet published


@dataclass(frozen=True, slots=True)
class OverrideDay:
    kind: DayKind
    name: str  # e.g. 春节; for a 调休 workday the holiday it makes up for


@dataclass(frozen=True)
class CalendarOverride:
    """Official calendar data the central platform pushes (see docs/deadlines.md)."""

    days: Mapping[dt.date, OverrideDay] = field(default_factory=dict)
    #: Years whose whole arrangement is in ``days``: these are no longer provisional and no
    #: other source is consulted for them.
    complete_years: frozenset[int] = frozenset()
    source: str = ""  # e.g. the notice's number, 国办发明电〔2026〕N号

    def __post_init__(self) -> None:
        # A calendar caches years built from this table: never let the caller's dict change it.
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))
        object.__setattr__(self, "complete_years", frozenset(self.complete_years))

    def merged(self, newer: CalendarOverride) -> CalendarOverride:
        """This table updated by a newer push (the newer one wins day by day).

        A year the newer push declares complete is replaced whole, so a day dropped from the
        official list does not linger from an older push.
        """
        days = {d: v for d, v in self.days.items() if d.year not in newer.complete_years}
        days.update(newer.days)
        return CalendarOverride(
            days=days,
            complete_years=self.complete_years | newer.complete_years,
            source=newer.source or self.source,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": OVERRIDE_SCHEMA_VERSION,
            "source": self.source,
            "complete_years": sorted(self.complete_years),
            "days": [
                {"date": d.isoformat(), "kind": v.kind.value, "name": v.name}
                for d, v in sorted(self.days.items())
            ],
        }

    @classmethod
    def from_json(cls, data: object) -> CalendarOverride:
        """Parse a platform push; raise CalendarError listing every problem found."""
        problems: list[Problem] = []

        def bad(where: str, code: str, message: str, **params: Any) -> None:
            problems.append(Problem(where, f"calendar.{code}", message, params))

        if not isinstance(data, Mapping):
            raise CalendarError([Problem("$", "calendar.not_object", "expected a JSON object")])
        if data.get("schema") != OVERRIDE_SCHEMA_VERSION:
            bad("$.schema", "schema", "unsupported schema version", expected=1)
        source = data.get("source", "")
        if not isinstance(source, str):
            bad("$.source", "type", "source must be a string")
            source = ""

        complete: set[int] = set()
        raw_years = data.get("complete_years", [])
        if not isinstance(raw_years, list):
            bad("$.complete_years", "type", "complete_years must be a list of years")
            raw_years = []
        for i, y in enumerate(raw_years):
            if isinstance(y, bool) or not isinstance(y, int) or not 1900 <= y <= 9999:
                bad(f"$.complete_years[{i}]", "year", "not a year", value=repr(y))
            else:
                complete.add(y)

        days: dict[dt.date, OverrideDay] = {}
        raw_days = data.get("days", [])
        if not isinstance(raw_days, list):
            bad("$.days", "type", "days must be a list")
            raw_days = []
        for i, entry in enumerate(raw_days):
            where = f"$.days[{i}]"
            if not isinstance(entry, Mapping):
                bad(where, "type", "each day must be an object")
                continue
            try:
                day = dt.date.fromisoformat(str(entry.get("date")))
            except ValueError:
                bad(where + ".date", "date", "not a YYYY-MM-DD date", value=entry.get("date"))
                continue
            try:
                kind = DayKind(str(entry.get("kind")))
            except ValueError:
                bad(where + ".kind", "kind", "kind must be holiday or workday")
                continue
            name = entry.get("name")
            if not isinstance(name, str) or not name.strip():
                bad(where + ".name", "name", "every day needs the holiday's name")
                continue
            value = OverrideDay(kind, name.strip())
            if day in days and days[day] != value:
                bad(
                    where,
                    "duplicate",
                    "the same date is listed twice, differently",
                    date=day.isoformat(),
                )
                continue
            days[day] = value

        for y in sorted(complete):
            if not any(d.year == y and v.kind is DayKind.HOLIDAY for d, v in days.items()):
                bad(
                    "$.complete_years",
                    "empty_year",
                    "a year declared complete lists no holiday",
                    year=y,
                )
        if problems:
            raise CalendarError(problems)
        return cls(days=days, complete_years=frozenset(complete), source=source)


@dataclass(frozen=True, slots=True)
class DayInfo:
    day: dt.date
    workday: bool
    name: str | None  # the holiday (or the holiday a 调休 workday belongs to)
    source: Source


@dataclass(frozen=True, slots=True)
class WorkdayResult:
    date: dt.date
    provisional: bool  # a year without official data was used to reach it


@dataclass(frozen=True, slots=True)
class _Year:
    """One year, precomputed: the ordinals of its working days and running counts."""

    year: int
    provisional: bool
    first_ordinal: int  # ordinal of 1 January
    #: cum[i] = working days from 1 January through the i-th day of the year (0-based)
    cum: array[int]
    #: workday_ordinals[k] = ordinal of the (k+1)-th working day of the year
    workday_ordinals: array[int]
    names: Mapping[dt.date, str]
    source: Source

    @property
    def total(self) -> int:
        return len(self.workday_ordinals)

    def count_through(self, d: dt.date) -> int:
        return self.cum[d.toordinal() - self.first_ordinal]


def provisional_holidays(year: int) -> dict[dt.date, str]:
    """The statutory holidays of ``year`` placed by rule (2024 revision, effective 2025).

    元旦 1 Jan; 春节 除夕..正月初三 (4 days); 清明 (solar term); 劳动节 1-2 May; 端午 (lunar 5/5);
    中秋 (lunar 8/15); 国庆 1-3 Oct. No 调休 and no 补假 for a holiday on a weekend: those
    are decided in the yearly notice.
    """
    if not 1900 <= year <= PROVISIONAL_LAST_YEAR:
        raise CalendarUnavailable(
            f"no lunar calendar for {year}",
            details={"year": year, "last_year": PROVISIONAL_LAST_YEAR},
        )
    out: dict[dt.date, str] = {}

    def put(d: dt.date, name: str) -> None:
        out.setdefault(d, name)  # 中秋 may fall inside 国庆: keep the first name

    put(dt.date(year, 1, 1), "元旦")
    new_year = _lunar_to_solar(year, 1, 1)
    for offset in range(-1, 3):  # 除夕 is the day before 正月初一, whether 腊月29 or 30
        put(new_year + dt.timedelta(days=offset), "春节")
    put(qingming(year), "清明节")
    put(dt.date(year, 5, 1), "劳动节")
    put(dt.date(year, 5, 2), "劳动节")
    put(_lunar_to_solar(year, 5, 5), "端午节")
    put(_lunar_to_solar(year, 8, 15), "中秋节")
    for day in (1, 2, 3):
        put(dt.date(year, 10, day), "国庆节")
    return out


def _lunar_to_solar(year: int, month: int, day: int) -> dt.date:
    """A day of a (non-leap) lunar month as a Gregorian date; lunardate 0.2 and 0.3 spell it
    differently."""
    lunar = LunarDate(year, month, day)
    convert = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
    solar = convert()
    return dt.date(solar.year, solar.month, solar.day)


def qingming(year: int) -> dt.date:
    """The day of the 清明 solar term (4 or 5 April) in China's time zone.

    chinese-calendar's ``get_solar_terms`` (寿星 formula with its table of corrections,
    1900-2100) computes it; it needs no published holiday data.
    """
    terms = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    for day, name in terms:
        if name == "清明":
            return dt.date(day.year, day.month, day.day)
    raise CalendarUnavailable(f"no 清明 found for {year}", details={"year": year})


def _official_day(d: dt.date) -> tuple[bool, str | None]:
    """chinese-calendar's answer, read from its published tables.

    Same rule as its ``is_workday`` (a 调休 workday, or a weekday that is no holiday), without
    the range check it repeats on every call (10 ms per year instead of 0.5).
    """
    name = chinese_calendar.workdays.get(d)
    if name is not None:
        return True, _CC_NAMES.get(str(name), str(name))
    name = chinese_calendar.holidays.get(d)
    if name is not None:
        return False, _CC_NAMES.get(str(name), str(name))
    return d.weekday() < 5, None


class LimitUnit(StrEnum):
    """The unit a time limit is counted in; the catalog says it for every limit.

    行政许可法第八十二条: the limits of that law are working days; another law's "日" is a
    calendar day unless it says 工作日 (the 居民身份证法's 60 日).
    """

    WORKING = "working"  # 工作日
    CALENDAR = "calendar"  # 自然日


class WorkCalendar:
    """Which days are working days; adds and counts them. Immutable, safe to share.

    Build a new one (``with_override``) when the platform pushes calendar data.
    """

    def __init__(self, override: CalendarOverride | None = None) -> None:
        self._override = override or CalendarOverride()
        self._years: dict[int, _Year] = {}

    @property
    def override(self) -> CalendarOverride:
        return self._override

    def with_override(self, newer: CalendarOverride) -> WorkCalendar:
        return WorkCalendar(self._override.merged(newer))

    # -- questions about one day -------------------------------------------------------------

    def is_workday(self, d: dt.date) -> bool:
        t = self._year(d.year)
        i = d.toordinal() - t.first_ordinal
        return t.cum[i] != (t.cum[i - 1] if i else 0)

    def is_provisional(self, d: dt.date) -> bool:
        """True when ``d``'s year has no official data yet."""
        return self.is_provisional_year(d.year)

    def is_provisional_year(self, year: int) -> bool:
        return self._year(year).provisional

    def provisional_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        """The provisional years between two dates (either order), for targeted recomputes."""
        lo, hi = sorted((start.year, end.year))
        return tuple(y for y in range(lo, hi + 1) if self._year(y).provisional)

    def day(self, d: dt.date) -> DayInfo:
        """Everything known about one day, with where the answer came from."""
        t = self._year(d.year)
        source = Source.OVERRIDE if d in self._override.days else t.source
        return DayInfo(d, self.is_workday(d), t.names.get(d), source)

    # -- arithmetic ------------------------------------------------------------------------------

    def add_working_days(self, start: dt.date, n: int) -> WorkdayResult:
        """The n-th working day after ``start``; ``start`` itself never counts.

        (行政许可法: 期间开始之日不计算在内.) ``n == 0`` gives ``start`` back: an immediate
        matter (即办件) is due the day it is accepted.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        t = self._year(start.year)
        if n == 0:
            return WorkdayResult(start, t.provisional)
        provisional = t.provisional
        k = t.count_through(start) + n  # 1-based index of the target among t's working days
        while k > t.total:
            k -= t.total
            t = self._year(t.year + 1)
            provisional = provisional or t.provisional
        return WorkdayResult(dt.date.fromordinal(t.workday_ordinals[k - 1]), provisional)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative (minus those in (b, a]) when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        ta = self._year(a.year)
        if a.year == b.year:
            return ta.count_through(b) - ta.count_through(a)
        count = ta.total - ta.count_through(a)
        for y in range(a.year + 1, b.year):
            count += self._year(y).total
        return count + self._year(b.year).count_through(b)

    # -- building a year ---------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        t = self._years.get(year)
        if t is None:
            t = self._build(year)
            self._years[year] = t  # a race only builds the same table twice
        return t

    def _build(self, year: int) -> _Year:
        ov = self._override
        entries = {d: v for d, v in ov.days.items() if d.year == year}
        jan1 = dt.date(year, 1, 1)
        n_days = (dt.date(year + 1, 1, 1) - jan1).days
        days = [jan1 + dt.timedelta(days=i) for i in range(n_days)]
        work: list[bool]
        names: dict[dt.date, str] = {}
        if year in ov.complete_years:
            source, provisional = Source.OVERRIDE, False
            work = [d.weekday() < 5 for d in days]
        elif OFFICIAL_FIRST_YEAR <= year <= OFFICIAL_LAST_YEAR:
            source, provisional = Source.OFFICIAL, False
            work = []
            for d in days:
                is_work, name = _official_day(d)
                work.append(is_work)
                if name is not None:
                    names[d] = name
        elif OFFICIAL_LAST_YEAR < year <= PROVISIONAL_LAST_YEAR:
            source, provisional = Source.PROVISIONAL, True
            rule = provisional_holidays(year)
            names.update(rule)
            work = [d.weekday() < 5 and d not in rule for d in days]
        else:
            raise CalendarUnavailable(
                f"no working-day calendar for {year}",
                details={
                    "year": year,
                    "official": [OFFICIAL_FIRST_YEAR, OFFICIAL_LAST_YEAR],
                    "provisional_until": PROVISIONAL_LAST_YEAR,
                },
            )
        for d, v in entries.items():  # the platform's word wins over any other source
            work[(d - jan1).days] = v.kind is DayKind.WORKDAY
            names[d] = v.name
        cum = array("l")
        ordinals = array("l")
        running = 0
        for d, is_work in zip(days, work, strict=True):
            if is_work:
                running += 1
                ordinals.append(d.toordinal())
            cum.append(running)
        return _Year(year, provisional, jan1.toordinal(), cum, ordinals, names, source)
