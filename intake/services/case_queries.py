"""The case list's query: a typed filter, its count, and pages by keyset.

A clerk scrolls and filters a million cases: every page is one index walk that stops after
``limit`` rows (keyset pagination, never OFFSET), and every filter has an index it walks
(migration 0060 adds those the list needs). The order is newest first, except for a text
search: there the rows come in the searched column's order, so exact matches (a name, an
ID number) come first, newest first, then the longer prefixes — the same answer as
``CaseService.search``, which reads the same indexes.

Pinyin is searched in two columns (full pinyin, then initials): the page walks the first,
then the second without the rows the first already gave, so nothing comes twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, not_, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from intake.catalog.model import Catalog
from intake.clock import CST, from_iso, to_iso
from intake.numbering import CASE_NUMBER
from intake.services.audit import AuditEntry, AuditService
from intake.services.cases import CaseService
from intake.services.print_jobs import PrintJob, PrintJobService
from intake.status import Status
from intake.store.db import Database
from intake.store.models import CaseRow, PrintJobRow
from intake.views import CaseView, Channel

#: The notice each decision hands the applicant (``printing.service.REQUIRED_NOTICE`` says the
#: same; a test keeps them equal: ``intake`` may not import ``printing``).
NOTICE_FOR_STATUS: Mapping[Status, str] = {
    Status.ACCEPTED: "acceptance",
    Status.SUPPLEMENT: "supplement",
    Status.REJECTED: "rejection",
}
#: Finished cases that may still be rated (好差评).
RATEABLE = (Status.COMPLETED, Status.DELIVERED)
RUNNING = (Status.ACCEPTED, Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED)
SYNC_STATES = ("saved", "waiting", "sent", "acknowledged", "rejected")
_TOP = "\U0010ffff"  # above every character: ``col < value + _TOP`` closes a prefix range


#: The WHERE of the partial indexes of migration 0060, repeated as literal SQL in the queries:
#: SQLite uses a partial index only when the query's WHERE repeats the index's own terms,
#: which bound parameters never do.
AWAITING_RATING_SQL = "evaluation IS NULL AND status IN ('completed', 'delivered')"
NEEDS_NOTICE_SQL = "status IN ('accepted', 'supplement', 'rejected')"


@dataclass(frozen=True)
class CaseFilter:
    """What the clerk asked the list for; every field narrows (an empty filter lists all)."""

    text: str = ""  # ID number, case number, name, pinyin or initials, phone
    status: Status | None = None
    channel: Channel | None = None
    operator_id: str | None = None
    sync_state: str | None = None  # one of SYNC_STATES
    received_from: date | None = None  # local dates, both inclusive
    received_to: date | None = None
    notice_not_printed: bool = False  # the decision's notice has no printed job
    awaiting_rating: bool = False  # finished (办结 / 送达) and not yet rated


@dataclass(frozen=True)
class CaseListItem:
    """One row of the case list (the full names and numbers: the screen masks them)."""

    id: str
    case_number: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    title: str
    status: Status
    channel: str
    operator_name: str
    received_at: datetime
    promised_due: date | None
    sync_state: str
    special_procedure: bool
    rated: bool

    def overdue(self, today: date) -> bool:
        """Still being handled after its promised date (and its clock is not paused)."""
        return (
            self.status in RUNNING
            and not self.special_procedure
            and self.promised_due is not None
            and self.promised_due < today
        )


#: Where the next page starts: (which search column, the last row's ordering values).
PageKey = tuple[int, tuple[Any, ...]]


@dataclass(frozen=True)
class CasePage:
    items: tuple[CaseListItem, ...]
    next: PageKey | None  # None: this was the last page


@dataclass(frozen=True)
class CaseDetail:
    """What the case detail shows, read when a clerk opens the case (an audited view)."""

    case: CaseView
    print_jobs: tuple[PrintJob, ...]  # oldest first; ``reprint`` marks 补打
    audit: tuple[AuditEntry, ...]  # who viewed, printed and changed it, oldest first
    form_labels: Mapping[str, str] = field(default_factory=dict)  # field key → catalog label

    @property
    def viewers(self) -> tuple[AuditEntry, ...]:
        return tuple(e for e in self.audit if e.action == "view")


_LIST_COLUMNS: tuple[Any, ...] = (
    CaseRow.id,
    CaseRow.case_number,
    CaseRow.applicant_name,
    CaseRow.applicant_id_number,
    CaseRow.applicant_phone,
    CaseRow.title,
    CaseRow.status,
    CaseRow.channel,
    CaseRow.operator_name,
    CaseRow.received_at,
    CaseRow.promised_due,
    CaseRow.sync_state,
    CaseRow.special_procedure,
    CaseRow.evaluation.is_not(None).label("rated"),
)


def _item(row: Any) -> CaseListItem:
    return CaseListItem(
        id=row.id,
        case_number=row.case_number,
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        applicant_phone=row.applicant_phone,
        title=row.title,
        status=Status(row.status),
        channel=row.channel,
        operator_name=row.operator_name,
        received_at=from_iso(row.received_at),
        promised_due=date.fromisoformat(row.promised_due) if row.promised_due else None,
        sync_state=row.sync_state,
        special_procedure=bool(row.special_procedure),
        rated=bool(row.rated),
    )


def text_columns(text_: str) -> list[tuple[Any, str]]:
    """Which column(s) a typed search reads, with the value to match as a prefix (the same
    recognition as ``CaseService.search``)."""
    q = text_.strip()
    if not q:
        return []
    upper = q.upper()
    if CASE_NUMBER.fullmatch(upper):
        return [(CaseRow.case_number, upper)]
    if upper[:17].isdigit() and len(upper) in (15, 18):
        return [(CaseRow.applicant_id_number, upper)]
    if q.isdigit() and len(q) >= 7:
        return [(CaseRow.applicant_phone, q)]
    if q.isascii() and q.isalpha():
        return [(CaseRow.applicant_pinyin, q.lower()), (CaseRow.applicant_initials, q.lower())]
    if "-" in upper and upper.replace("-", "").isalnum():
        return [(CaseRow.case_number, upper)]
    if q.isdigit():  # a few digits: the start of an ID number
        return [(CaseRow.applicant_id_number, upper)]
    return [(CaseRow.applicant_name, q)]


def _prefix(column: Any, value: str) -> ColumnElement[bool]:
    return and_(column >= value, column < value + _TOP)


def _day_start(day: date) -> str:
    return to_iso(datetime.combine(day, datetime.min.time(), CST))


def _conditions(f: CaseFilter) -> list[ColumnElement[bool]]:
    """Everything but the text: plain terms each index can take."""
    where: list[ColumnElement[bool]] = []
    if f.status is not None:
        where.append(CaseRow.status == Status(f.status).value)
    if f.channel is not None:
        where.append(CaseRow.channel == Channel(f.channel).value)
    if f.operator_id:
        where.append(CaseRow.operator_id == f.operator_id)
    if f.sync_state:
        where.append(CaseRow.sync_state == f.sync_state)
    if f.received_from is not None:
        where.append(CaseRow.received_at >= _day_start(f.received_from))
    if f.received_to is not None:
        where.append(CaseRow.received_at < _day_start(f.received_to + timedelta(days=1)))
    if f.awaiting_rating:
        where.append(text(AWAITING_RATING_SQL))  # type: ignore[arg-type]
    if f.notice_not_printed:
        where.append(text(NEEDS_NOTICE_SQL))  # type: ignore[arg-type]
        kind = case({s.value: k for s, k in NOTICE_FOR_STATUS.items()}, value=CaseRow.status)
        printed = exists().where(
            PrintJobRow.case_id == CaseRow.id,
            PrintJobRow.state == "printed",
            PrintJobRow.kind == kind,
        )
        where.append(not_(printed))
    return where


#: The index a text search walks, by column (a case number is unique: any index will do).
TEXT_INDEXES = {
    "applicant_id_number": "ix_cases_id_number",
    "applicant_phone": "ix_cases_phone",
    "applicant_name": "ix_cases_name",
    "applicant_pinyin": "ix_cases_pinyin",
    "applicant_initials": "ix_cases_initials",
}


def _index_for(f: CaseFilter, source: int) -> str | None:
    """The index a query must walk, where SQLite's estimates could pick a worse one.

    A text search walks its column's index (with a status or channel as well, SQLite would
    seek the status and sort every case of it). Without a text or a status, "awaiting
    rating" and "notice not printed" walk their partial index (SQLite would otherwise seek
    the status index for each status of the IN list and sort every match)."""
    columns = text_columns(f.text)
    if columns:
        return TEXT_INDEXES.get(columns[source][0].key)
    if f.status is not None:
        return None
    if f.awaiting_rating:
        return "ix_cases_awaiting_rating"
    if f.notice_not_printed:
        return "ix_cases_needs_notice"
    return None


def _run(
    session: Session,
    statement: Select[Any],
    f: CaseFilter,
    source: int = 0,
    *,
    explain: bool = False,
) -> Any:
    """Execute a list query, with SQLite's ``INDEXED BY`` when the filter needs one
    (SQLAlchemy's SQLite dialect renders no table hints)."""
    compiled = statement.compile(session.get_bind())
    sql = str(compiled)
    index = _index_for(f, source)
    if index is not None:
        sql = sql.replace("FROM cases", f"FROM cases INDEXED BY {index}", 1)
    if explain:
        sql = "EXPLAIN QUERY PLAN " + sql
    args = tuple(compiled.params[n] for n in compiled.positiontup or ())
    return session.connection().exec_driver_sql(sql, args)


class CaseQueries:
    """The case list's count and pages (reads: any reader thread), and opening a case
    (an audited view: the writer)."""

    def __init__(
        self, db: Database, cases: CaseService, print_jobs: PrintJobService, audit: AuditService
    ) -> None:
        self._db = db
        self._cases = cases
        self._print_jobs = print_jobs
        self._audit = audit

    def open(
        self, case_ref: str, *, operator: str, via: str = "desktop", catalog: Catalog | None = None
    ) -> CaseDetail:
        """The case as its detail shows it; the view is recorded in the audit log first (so
        this opening is among the viewers it lists). ``catalog`` names the form's fields."""
        view = self._cases.view(case_ref, operator=operator, via=via)
        return self.detail(view.id, catalog=catalog, view=view)

    def detail(
        self, case_ref: str, *, catalog: Catalog | None = None, view: CaseView | None = None
    ) -> CaseDetail:
        """The detail of a case already opened (``open`` recorded the view): what a refresh
        after a change reads, without a second audit row for the same look."""
        view = view or self._cases.get(case_ref)
        labels = {}
        if catalog is not None:
            labels = {k: catalog.fields[k].label for k in view.form_data if k in catalog.fields}
        return CaseDetail(
            view,
            tuple(self._print_jobs.for_case(view.id)),
            tuple(self._audit.for_case(view.id)),
            labels,
        )

    def count(self, f: CaseFilter) -> int:
        """How many cases the filter finds (the list's total)."""
        with self._db.read() as session:
            return sum(
                int(_run(session, q, f, i).scalar() or 0)
                for i, q in enumerate(self._count_statements(f))
            )

    def page(self, f: CaseFilter, after: PageKey | None = None, limit: int = 100) -> CasePage:
        """Up to ``limit`` rows after ``after`` (None: from the top), and where the next
        page starts (None after the last row)."""
        items: list[CaseListItem] = []
        sources = max(1, len(text_columns(f.text)))
        start = after[0] if after else 0
        with self._db.read() as session:
            for index in range(start, sources):
                keyset = after[1] if after and index == start else None
                query = self._page_statement(f, index, keyset)
                rows = _run(session, query.limit(limit - len(items)), f, index).all()
                items.extend(_item(r) for r in rows)
                if len(items) >= limit:
                    last = rows[-1]
                    if sources == 1 and not f.text.strip():
                        return CasePage(tuple(items), (index, (last.received_at, last.id)))
                    return CasePage(
                        tuple(items), (index, (last.sort_key, last.received_at, last.id))
                    )
        return CasePage(tuple(items), None)

    def explain(self, f: CaseFilter) -> list[str]:
        """SQLite's plan for the filter's count, first page and a later page (one line per
        step), so a test can prove every filter walks an index."""
        columns = text_columns(f.text)
        statements = list(enumerate(self._count_statements(f)))
        for index in range(max(1, len(columns))):
            statements.append((index, self._page_statement(f, index, None).limit(100)))
            later = ("x", "2026-01-01T00:00:00.000000+00:00", "0")
            keyset = later if columns else later[1:]
            statements.append((index, self._page_statement(f, index, keyset).limit(100)))
        lines: list[str] = []
        with self._db.read() as session:
            for source, statement in statements:
                plan = _run(session, statement, f, source, explain=True)
                lines.extend(str(row[-1]) for row in plan)
        return lines

    def _count_statements(self, f: CaseFilter) -> list[Select[Any]]:
        columns = text_columns(f.text)
        base = _conditions(f)
        if not columns:
            return [select(func.count()).select_from(CaseRow).where(*base)]
        return [
            select(func.count())
            .select_from(CaseRow)
            .where(_prefix(column, value), *[not_(_prefix(c, v)) for c, v in columns[:i]], *base)
            for i, (column, value) in enumerate(columns)
        ]

    def _page_statement(
        self, f: CaseFilter, index: int, keyset: tuple[Any, ...] | None
    ) -> Select[Any]:
        columns = text_columns(f.text)
        base = _conditions(f)
        if not columns:
            return self._newest_first(base, keyset)
        column, value = columns[index]
        earlier = [not_(_prefix(c, v)) for c, v in columns[:index]]
        return self._in_column_order(column, value, [*earlier, *base], keyset)

    @staticmethod
    def _newest_first(
        where: list[ColumnElement[bool]], keyset: tuple[Any, ...] | None
    ) -> Select[Any]:
        if keyset is not None:
            at, case_id = keyset
            where = [
                *where,
                CaseRow.received_at <= at,
                or_(CaseRow.received_at < at, CaseRow.id < case_id),
            ]
        return (
            select(*_LIST_COLUMNS)
            .where(*where)
            .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
        )

    @staticmethod
    def _in_column_order(
        column: Any,
        value: str,
        where: list[ColumnElement[bool]],
        keyset: tuple[Any, ...] | None,
    ) -> Select[Any]:
        terms = [_prefix(column, value), *where]
        if keyset is not None:
            key, at, case_id = keyset
            terms += [
                column >= key,
                or_(
                    column > key,
                    and_(
                        column == key,
                        or_(
                            CaseRow.received_at < at,
                            and_(CaseRow.received_at == at, CaseRow.id < case_id),
                        ),
                    ),
                ),
            ]
        return (
            select(*_LIST_COLUMNS, column.label("sort_key"))
            .where(*terms)
            .order_by(column, CaseRow.received_at.desc(), CaseRow.id.desc())
        )
