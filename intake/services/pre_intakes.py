"""Kiosk pre-intakes (预受理): what a citizen filled in, waiting for a clerk's decision.

A pre-intake is an intake on screen, kept like a draft (``IntakeFlow.to_draft``): it is
never a case. Only a clerk's decision at the counter (受理 / 补正 / 不予受理 through the
normal ``CaseService.accept``) makes the case; the pre-intake then records that case's
number. What the citizen typed is checked by the same rules a save runs, except what a
clerk completes anyway (empty required fields, materials not yet handed over).

Saving a pre-intake and taking its queue ticket is one transaction: the citizen never
holds a ticket for a pre-intake that was not saved, nor the reverse.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from uuid6 import uuid7

from intake.clock import from_iso, local_date, now, to_iso
from intake.errors import NotFound, Problem, RequestError, WindowDeskError
from intake.requests import IntakeRequest, parse_request
from intake.services.cases import CaseService
from intake.services.queue import QueueService, Ticket
from intake.store.db import Database
from intake.store.queue_models import PreIntakeRow, QueueTicketRow

#: Problems a clerk resolves at the counter: they do not stop a citizen's pre-intake.
CLERK_COMPLETES = frozenset(
    {"request.required", "form.required", "decision.materials_missing", "request.operator"}
)
#: How the QR code on the ticket names a pre-intake (the counter's scanner types it).
QR_PREFIX = "WDPRE:"
#: A pre-intake not picked up within this many days is removed (the citizen left).
KEEP_DAYS = 7
MAX_CONTENT_BYTES = 256 * 1024


class PreIntakeStatus:
    PENDING = "pending"
    TAKEN = "taken"
    DISCARDED = "discarded"


@dataclass(frozen=True)
class PreIntake:
    id: str
    created_at: datetime
    status: str
    title: str
    content: dict[str, Any]
    ticket_number: str | None
    case_number: str | None

    @property
    def code(self) -> str:
        """What the ticket's QR code carries."""
        return QR_PREFIX + self.id


@dataclass(frozen=True)
class KioskReceipt:
    """What the kiosk prints: the ticket and (with a card) the pre-intake behind it."""

    ticket: Ticket
    pre_intake_id: str | None
    queue_name: str

    @property
    def code(self) -> str:
        return QR_PREFIX + self.pre_intake_id if self.pre_intake_id else self.ticket.number


def citizen_problems(problems: list[Problem]) -> list[Problem]:
    """The problems the citizen must fix before a pre-intake is saved."""
    return [p for p in problems if p.code not in CLERK_COMPLETES]


class PreIntakeService:
    def __init__(
        self,
        db: Database,
        cases: CaseService,
        queue: QueueService,
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = db
        self._cases = cases
        self._queue = queue
        self._now = clock

    def check(self, request: Mapping[str, Any], today: date | None = None) -> list[Problem]:
        """What the citizen still has to correct in the intake request (JSON, decision
        接件, channel kiosk); no database: the catalog is in memory."""
        try:
            parsed: IntakeRequest = parse_request(request, today=today or local_date(self._now()))
            _, problems = self._cases.check(parsed)
        except RequestError as exc:
            problems = list(exc.problems)
        return citizen_problems(problems)

    def submit(
        self,
        content: Mapping[str, Any] | None,
        request: Mapping[str, Any] | None,
        *,
        queue: str,
        title: str,
    ) -> KioskReceipt:
        """Save the pre-intake (``content``: the flow's draft) and take its ticket at once;
        ``content`` None: a ticket only (the citizen had no card)."""
        if request is not None:
            problems = self.check(request)
            if problems:
                raise RequestError(problems)
        text = None
        if content is not None:
            text = json.dumps(content, ensure_ascii=False, allow_nan=False, sort_keys=True)
            if len(text.encode("utf-8")) > MAX_CONTENT_BYTES:
                raise WindowDeskError("the pre-intake is too large", code="kiosk.too_large")
        at = self._now()
        with self._db.write() as session:
            name = next((q.name for q in self._queue._queues(session) if q.code == queue), queue)
            pre_id = str(uuid7()) if text is not None else None
            ticket = self._queue.take_in(
                session, queue, title=title, channel="kiosk", pre_intake_id=pre_id
            )
            if text is not None and pre_id is not None:
                applicant = (content or {}).get("applicant") or {}
                session.add(
                    PreIntakeRow(
                        id=pre_id,
                        day=local_date(at).isoformat(),
                        created_at=to_iso(at),
                        status=PreIntakeStatus.PENDING,
                        title=title[:200],
                        id_number=str(applicant.get("id_number") or "").upper() or None,
                        content=text,
                        ticket_id=ticket.id,
                    )
                )
        return KioskReceipt(ticket, pre_id, name)

    def find(self, ref: str) -> PreIntake:
        """A pending pre-intake by today's ticket number (A012), the QR code (WDPRE:…) or
        the applicant's document number (their latest pending one)."""
        ref = ref.strip()
        with self._db.read() as session:
            row: PreIntakeRow | None = None
            if ref.upper().startswith(QR_PREFIX):
                row = session.get(PreIntakeRow, ref[len(QR_PREFIX) :])
            elif len(ref) <= 4:
                day = local_date(self._now()).isoformat()
                ticket = session.scalars(
                    select(QueueTicketRow).where(
                        QueueTicketRow.day == day, QueueTicketRow.number == ref.upper()
                    )
                ).first()
                if ticket is not None and ticket.pre_intake_id:
                    row = session.get(PreIntakeRow, ticket.pre_intake_id)
            else:
                since = (local_date(self._now()) - timedelta(days=KEEP_DAYS)).isoformat()
                row = session.scalars(
                    select(PreIntakeRow)
                    .where(
                        PreIntakeRow.id_number == ref.upper(),
                        PreIntakeRow.status == PreIntakeStatus.PENDING,
                        PreIntakeRow.day >= since,
                    )
                    .order_by(PreIntakeRow.created_at.desc())
                ).first()
            if row is None or row.status != PreIntakeStatus.PENDING:
                raise NotFound("no pending pre-intake", code="kiosk.no_pre_intake")
            number = None
            if row.ticket_id:
                ticket_row = session.get(QueueTicketRow, row.ticket_id)
                number = ticket_row.number if ticket_row else None
            return PreIntake(
                row.id,
                from_iso(row.created_at),
                row.status,
                row.title,
                json.loads(row.content),
                number,
                row.case_number,
            )

    def mark_taken(self, pre_intake_id: str, case_number: str, operator: str) -> None:
        """The clerk decided: the case ``case_number`` was made from this pre-intake."""
        with self._db.write() as session:
            row = session.get(PreIntakeRow, pre_intake_id)
            if row is None:
                raise NotFound("no such pre-intake", code="kiosk.no_pre_intake")
            row.status = PreIntakeStatus.TAKEN
            row.case_number = case_number
            row.taken_by = operator
            row.taken_at = to_iso(self._now())

    def discard(self, pre_intake_id: str, operator: str) -> None:
        with self._db.write() as session:
            row = session.get(PreIntakeRow, pre_intake_id)
            if row is not None and row.status == PreIntakeStatus.PENDING:
                row.status = PreIntakeStatus.DISCARDED
                row.taken_by = operator
                row.taken_at = to_iso(self._now())

    def purge(self, today: date | None = None) -> int:
        """Remove pre-intakes older than ``KEEP_DAYS`` (their personal data with them)."""
        before = ((today or local_date(self._now())) - timedelta(days=KEEP_DAYS)).isoformat()
        with self._db.write() as session:
            result = session.execute(delete(PreIntakeRow).where(PreIntakeRow.day < before))
            return int(getattr(result, "rowcount", 0) or 0)
