"""The hall's queue (叫号): service queues, tickets, and what a counter does with them.

Tickets are numbered per queue per day (A012 in 综合窗口, P003 in the priority queue). The
state lives in the station store, so a kiosk and the counters of one machine (or of one
shared data directory) see the same queue: every command is one ``BEGIN IMMEDIATE``
transaction, so two processes taking or calling at the same instant never get the same
number or the same ticket.

Call-next rule (documented in docs/desktop-kiosk.md): a counter serves the queues of its
work profile (all of them by default). The oldest waiting ticket of the priority queue
(elderly, disabled) is called first; after ``PRIORITY_STREAK`` priority calls in a row
while ordinary tickets wait, the oldest ordinary ticket is called once, so nobody waits
forever. Among ordinary queues the ticket that has waited longest goes first. Calling the
next ticket closes the counter's current one as done (Qmatic's "call next").

Counters on other machines are a seam: ``QueueSystem`` is what the desktop needs; a hall's
existing 叫号 system or the hub implements the same methods (docs/desktop-kiosk.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound, WindowDeskError
from intake.store.db import Database
from intake.store.queue_models import QueueServiceRow, QueueTicketRow

#: After this many priority calls in a row (while ordinary tickets wait) one ordinary is called.
PRIORITY_STREAK = 3
PRIORITY = "priority"


class TicketStatus(StrEnum):
    WAITING = "waiting"  # 等候
    CALLED = "called"  # 已叫号 (the citizen is at, or on the way to, the counter)
    DONE = "done"  # 办结离开
    NO_SHOW = "no_show"  # 过号


@dataclass(frozen=True)
class ServiceQueue:
    """One queue of the hall; ``departments``: department codes or name parts routed here."""

    code: str
    name: str
    prefix: str
    priority: bool = False
    departments: tuple[str, ...] = ()


#: A hall that configured nothing gets these (``QueueService.configure`` replaces them).
DEFAULT_QUEUES: tuple[ServiceQueue, ...] = (
    ServiceQueue("general", "综合窗口", "A"),
    ServiceQueue("realty", "不动产", "B", departments=("不动产", "税务")),
    ServiceQueue("social", "社保医保", "C", departments=("人力资源和社会保障", "医疗保障")),
    ServiceQueue(PRIORITY, "优先窗口", "P", priority=True),
)


@dataclass(frozen=True)
class Ticket:
    id: str
    number: str
    day: date
    queue: str  # where it waits now
    first_queue: str
    status: TicketStatus
    title: str
    channel: str
    taken_at: datetime
    called_at: datetime | None
    counter: str | None
    called_by: str | None
    recalls: int
    pre_intake_id: str | None
    ahead: int = 0  # waiting tickets of its queue before it (when it waits)


@dataclass(frozen=True)
class QueueCount:
    queue: ServiceQueue
    waiting: int
    called_today: int


class QueueError(WindowDeskError):
    code = "queue.error"


class QueueSystem(Protocol):
    """What the kiosk and the counters need from a queue (the seam for a hall's own 叫号
    system or the hub): ``QueueService`` implements it over the station store."""

    def queues(self) -> list[ServiceQueue]: ...
    def take(self, queue: str, *, title: str, channel: str = "counter") -> Ticket: ...
    def call_next(
        self, counter: str, operator: str, serves: Sequence[str] = ()
    ) -> Ticket | None: ...
    def recall(self, ticket_id: str, operator: str) -> Ticket: ...
    def no_show(self, ticket_id: str, operator: str) -> Ticket: ...
    def transfer(self, ticket_id: str, queue: str, operator: str) -> Ticket: ...
    def done(self, ticket_id: str, operator: str) -> Ticket: ...
    def current(self, counter: str) -> Ticket | None: ...


def route(queues: Sequence[ServiceQueue], departments: Sequence[tuple[str, str]]) -> str:
    """The queue for a matter's departments ((code, name) pairs): the first ordinary queue
    naming one of them (by code or a part of the name), else the first ordinary queue."""
    ordinary = [q for q in queues if not q.priority]
    if not ordinary:
        raise QueueError("no ordinary queue is configured", code="queue.none")
    for q in ordinary:
        for code, name in departments:
            if any(d and (d == code or d in name) for d in q.departments):
                return q.code
    return ordinary[0].code


class QueueService:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = now) -> None:
        self._db = db
        self._now = clock

    # -- configuration --------------------------------------------------------------------

    def configure(self, queues: Sequence[ServiceQueue]) -> list[ServiceQueue]:
        """Replace the hall's queues (exactly one priority queue at most; prefixes unique)."""
        prefixes = [q.prefix for q in queues]
        if (
            not queues
            or len(set(prefixes)) != len(prefixes)
            or len({q.code for q in queues}) != len(queues)
        ):
            raise QueueError("queue codes and prefixes must be unique", code="queue.config")
        if sum(q.priority for q in queues) > 1 or not any(not q.priority for q in queues):
            raise QueueError(
                "one priority queue at most, one ordinary at least", code="queue.config"
            )
        for q in queues:
            if not (1 <= len(q.prefix) <= 2 and q.prefix.isascii() and q.prefix.isalpha()):
                raise QueueError("a prefix is one or two letters", code="queue.config")
        with self._db.write() as session:
            for row in session.scalars(select(QueueServiceRow)).all():
                session.delete(row)
            session.flush()
            for position, q in enumerate(queues):
                session.add(
                    QueueServiceRow(
                        code=q.code,
                        name=q.name,
                        prefix=q.prefix.upper(),
                        priority=q.priority,
                        position=position,
                        departments=json.dumps(list(q.departments), ensure_ascii=False),
                    )
                )
        return self.queues()

    def queues(self) -> list[ServiceQueue]:
        with self._db.read() as session:
            return self._queues(session)

    def queues_in(self, session: Session) -> list[ServiceQueue]:
        """``queues`` inside the caller's transaction."""
        return self._queues(session)

    @staticmethod
    def _queues(session: Session) -> list[ServiceQueue]:
        rows = session.scalars(select(QueueServiceRow).order_by(QueueServiceRow.position)).all()
        if not rows:
            return list(DEFAULT_QUEUES)
        return [
            ServiceQueue(r.code, r.name, r.prefix, r.priority, tuple(json.loads(r.departments)))
            for r in rows
        ]

    def _queue(self, session: Session, code: str) -> ServiceQueue:
        for q in self._queues(session):
            if q.code == code:
                return q
        raise NotFound(f"no queue {code!r}", code="queue.unknown", details={"queue": code})

    # -- tickets --------------------------------------------------------------------------

    def take(
        self,
        queue: str,
        *,
        title: str = "",
        channel: str = "counter",
        pre_intake_id: str | None = None,
    ) -> Ticket:
        with self._db.write() as session:
            return self.take_in(
                session, queue, title=title, channel=channel, pre_intake_id=pre_intake_id
            )

    def take_in(
        self,
        session: Session,
        queue: str,
        *,
        title: str = "",
        channel: str = "counter",
        pre_intake_id: str | None = None,
        queued_at: datetime | None = None,
    ) -> Ticket:
        """``take`` inside the caller's write (the kiosk saves its pre-intake with it).
        ``queued_at``: its place in line when not now (a checked-in appointment queues at
        its slot's start: intake.appointments)."""
        q = self._queue(session, queue)
        at = self._now()
        day = local_date(at).isoformat()
        last = session.scalar(
            select(func.max(QueueTicketRow.seq)).where(
                QueueTicketRow.day == day, QueueTicketRow.prefix == q.prefix
            )
        )
        seq = (last or 0) + 1
        if seq > 999:
            raise QueueError("this queue gave out 999 tickets today", code="queue.full")
        stamp = to_iso(at)
        row = QueueTicketRow(
            id=str(uuid7()),
            day=day,
            prefix=q.prefix,
            seq=seq,
            number=f"{q.prefix}{seq:03d}",
            queue_code=q.code,
            first_queue=q.code,
            status=TicketStatus.WAITING.value,
            title=title[:200],
            channel=channel,
            taken_at=stamp,
            queued_at=to_iso(queued_at) if queued_at is not None else stamp,
            recalls=0,
            pre_intake_id=pre_intake_id,
        )
        session.add(row)
        session.flush()
        return self._ticket(session, row)

    def get(self, ref: str) -> Ticket:
        """A ticket by id, or by today's number (A012)."""
        with self._db.read() as session:
            return self._ticket(session, self._row(session, ref))

    def _row(self, session: Session, ref: str) -> QueueTicketRow:
        row = session.get(QueueTicketRow, ref)
        if row is None:
            day = local_date(self._now()).isoformat()
            row = session.scalars(
                select(QueueTicketRow).where(
                    QueueTicketRow.day == day, QueueTicketRow.number == ref.strip().upper()
                )
            ).first()
        if row is None:
            raise NotFound(
                f"no ticket {ref!r} today", code="queue.no_ticket", details={"ticket": ref}
            )
        return row

    def _ahead(self, session: Session, row: QueueTicketRow) -> int:
        if row.status != TicketStatus.WAITING.value:
            return 0
        return int(
            session.scalar(
                select(func.count()).where(
                    QueueTicketRow.day == row.day,
                    QueueTicketRow.queue_code == row.queue_code,
                    QueueTicketRow.status == TicketStatus.WAITING.value,
                    (QueueTicketRow.queued_at < row.queued_at)
                    | (
                        (QueueTicketRow.queued_at == row.queued_at) & (QueueTicketRow.seq < row.seq)
                    ),
                )
            )
            or 0
        )

    def _ticket(self, session: Session, row: QueueTicketRow) -> Ticket:
        return Ticket(
            id=row.id,
            number=row.number,
            day=date.fromisoformat(row.day),
            queue=row.queue_code,
            first_queue=row.first_queue,
            status=TicketStatus(row.status),
            title=row.title,
            channel=row.channel,
            taken_at=from_iso(row.taken_at),
            called_at=from_iso(row.called_at) if row.called_at else None,
            counter=row.counter,
            called_by=row.called_by,
            recalls=row.recalls,
            pre_intake_id=row.pre_intake_id,
            ahead=self._ahead(session, row),
        )

    # -- the counter ----------------------------------------------------------------------

    def call_next(self, counter: str, operator: str, serves: Sequence[str] = ()) -> Ticket | None:
        """Close this counter's current ticket (done) and call the next by the rule above;
        None when nobody waits in the queues it serves."""
        with self._db.write() as session:
            at = self._now()
            day = local_date(at).isoformat()
            for current in self._current_rows(session, counter, day):
                current.status = TicketStatus.DONE.value
                current.finished_at = to_iso(at)
            queues = self._queues(session)
            served = {q.code for q in queues if not serves or q.code in serves}
            priority = {q.code for q in queues if q.priority} & served
            ordinary = served - priority
            waiting = select(QueueTicketRow).where(
                QueueTicketRow.day == day, QueueTicketRow.status == TicketStatus.WAITING.value
            )
            order = (QueueTicketRow.queued_at, QueueTicketRow.seq)
            first_priority = session.scalars(
                waiting.where(QueueTicketRow.queue_code.in_(priority)).order_by(*order)
            ).first()
            first_ordinary = session.scalars(
                waiting.where(QueueTicketRow.queue_code.in_(ordinary)).order_by(*order)
            ).first()
            chosen = first_priority or first_ordinary
            if first_priority is not None and first_ordinary is not None:
                recent = session.scalars(
                    select(QueueTicketRow.queue_code)
                    .where(QueueTicketRow.day == day, QueueTicketRow.called_at.is_not(None))
                    .where(QueueTicketRow.queue_code.in_(served))
                    .order_by(QueueTicketRow.called_at.desc())
                    .limit(PRIORITY_STREAK)
                ).all()
                if len(recent) == PRIORITY_STREAK and all(c in priority for c in recent):
                    chosen = first_ordinary
            if chosen is None:
                return None
            chosen.status = TicketStatus.CALLED.value
            chosen.called_at = to_iso(at)
            chosen.called_by = operator
            chosen.counter = counter
            session.flush()
            return self._ticket(session, chosen)

    @staticmethod
    def _current_rows(session: Session, counter: str, day: str) -> Sequence[QueueTicketRow]:
        return session.scalars(
            select(QueueTicketRow).where(
                QueueTicketRow.day == day,
                QueueTicketRow.counter == counter,
                QueueTicketRow.status == TicketStatus.CALLED.value,
            )
        ).all()

    def current(self, counter: str) -> Ticket | None:
        """The ticket this counter has called and not yet closed."""
        with self._db.read() as session:
            rows = self._current_rows(session, counter, local_date(self._now()).isoformat())
            return self._ticket(session, rows[-1]) if rows else None

    def _change(
        self,
        ticket_id: str,
        allowed: set[TicketStatus],
        apply: Callable[[QueueTicketRow, str], None],
    ) -> Ticket:
        with self._db.write() as session:
            row = self._row(session, ticket_id)
            if TicketStatus(row.status) not in allowed:
                raise QueueError(
                    f"ticket {row.number} is {row.status}",
                    code="queue.ticket_state",
                    details={"ticket": row.number, "status": row.status},
                )
            apply(row, to_iso(self._now()))
            session.flush()
            return self._ticket(session, row)

    def recall(self, ticket_id: str, operator: str) -> Ticket:
        """Call the same ticket again (the citizen did not come yet)."""

        def apply(row: QueueTicketRow, at: str) -> None:
            row.recalls += 1
            row.called_at = at
            row.called_by = operator

        return self._change(ticket_id, {TicketStatus.CALLED}, apply)

    def no_show(self, ticket_id: str, operator: str) -> Ticket:
        """过号: the called citizen did not come; the counter is free for the next."""

        def apply(row: QueueTicketRow, at: str) -> None:
            row.status = TicketStatus.NO_SHOW.value
            row.finished_at = at
            row.called_by = operator

        return self._change(ticket_id, {TicketStatus.CALLED}, apply)

    def done(self, ticket_id: str, operator: str) -> Ticket:
        def apply(row: QueueTicketRow, at: str) -> None:
            row.status = TicketStatus.DONE.value
            row.finished_at = at

        return self._change(ticket_id, {TicketStatus.CALLED}, apply)

    def transfer(self, ticket_id: str, queue: str, operator: str) -> Ticket:
        """Send a waiting or called ticket to another queue; it keeps its number and its
        place by the time it was first queued (it has already waited once)."""
        with self._db.write() as session:
            target = self._queue(session, queue)
            row = self._row(session, ticket_id)
            if TicketStatus(row.status) not in (TicketStatus.WAITING, TicketStatus.CALLED):
                raise QueueError(
                    f"ticket {row.number} is {row.status}",
                    code="queue.ticket_state",
                    details={"ticket": row.number, "status": row.status},
                )
            if row.queue_code == target.code:
                raise QueueError("the ticket is already in that queue", code="queue.same_queue")
            row.queue_code = target.code
            row.status = TicketStatus.WAITING.value
            row.counter = None
            row.called_at = None
            row.called_by = operator
            session.flush()
            return self._ticket(session, row)

    # -- what the hall shows --------------------------------------------------------------

    def counts(self) -> list[QueueCount]:
        with self._db.read() as session:
            day = local_date(self._now()).isoformat()
            rows = session.execute(
                select(QueueTicketRow.queue_code, QueueTicketRow.status, func.count())
                .where(QueueTicketRow.day == day)
                .group_by(QueueTicketRow.queue_code, QueueTicketRow.status)
            ).all()
            by: dict[tuple[str, str], int] = {(q, s): n for q, s, n in rows}
            return [
                QueueCount(
                    q,
                    by.get((q.code, TicketStatus.WAITING.value), 0),
                    sum(
                        by.get((q.code, s.value), 0)
                        for s in TicketStatus
                        if s is not TicketStatus.WAITING
                    ),
                )
                for q in self._queues(session)
            ]

    def waiting(self, queue: str | None = None, *, limit: int = 50) -> list[Ticket]:
        """Today's waiting tickets in the order they would be called within their queue."""
        with self._db.read() as session:
            day = local_date(self._now()).isoformat()
            stmt = select(QueueTicketRow).where(
                QueueTicketRow.day == day, QueueTicketRow.status == TicketStatus.WAITING.value
            )
            if queue:
                stmt = stmt.where(QueueTicketRow.queue_code == queue)
            rows = session.scalars(
                stmt.order_by(QueueTicketRow.queued_at, QueueTicketRow.seq).limit(limit)
            ).all()
            return [self._ticket(session, r) for r in rows]

    def recently_called(self, *, limit: int = 5) -> list[Ticket]:
        """The last calls of the day (the hall display: 请 A012 到 3号窗口)."""
        with self._db.read() as session:
            day = local_date(self._now()).isoformat()
            rows = session.scalars(
                select(QueueTicketRow)
                .where(
                    QueueTicketRow.day == day, QueueTicketRow.status == TicketStatus.CALLED.value
                )
                .order_by(QueueTicketRow.called_at.desc())
                .limit(limit)
            ).all()
            return [self._ticket(session, r) for r in rows]
