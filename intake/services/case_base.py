"""What every case command and query shares: finding a case, building its view with its
deadline, adding history, and committing a change (new version, outbox row, audit row).

The commands (``case_intake``, ``case_decisions``, ``case_materials``, ``case_ratings``) and
the queries (``case_reads``) are mixins on this base; ``intake.services.cases.CaseService``
puts them together. The ``*_in`` methods run inside a caller's transaction, for the other
services (follow-ups, attachments, sync) that change a case as part of their own write.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.catalog.model import Catalog
from intake.clock import local_date, now, to_iso
from intake.deadlines import deadline_for_case, longest_limit
from intake.errors import IllegalTransition, NotFound
from intake.services import audit, notice_terms
from intake.services.case_rows import delivery_json, history_row, op_payload, store_deadline
from intake.services.outbox import enqueue
from intake.status import Actor, Event, Status, VisitKind
from intake.store.db import Database
from intake.store.mapping import case_view
from intake.store.models import (
    AttachmentRow,
    CaseHistoryRow,
    CaseMaterialRow,
    CaseMatterRow,
    CaseRow,
    DeliveryRow,
)
from intake.views import CaseView, DeadlineInfo
from intake.workdays import WorkCalendar

#: The statuses in which a case is being handled (its clock runs, and may pause).
HANDLING = (Status.ACCEPTED, Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED)


class CaseBase:
    def __init__(
        self,
        db: Database,
        catalog: Callable[[], Catalog],
        calendar: Callable[[], WorkCalendar],
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = db
        self._catalog = catalog
        self._calendar = calendar
        self._now = clock

    # -- steps other services take inside their own transaction ----------------------------

    def case_id_in(self, session: Session, case_ref: str) -> str:
        """The id of a case given its id or case number (``case.not_found`` otherwise)."""
        return self._row(session, case_ref).id

    def snapshot_in(
        self, session: Session, case_ref: str, op: str
    ) -> tuple[CaseView, dict[str, Any]]:
        """The case as it is now and the outbox payload that carries it whole (a returned
        item is resent as the case's current content, inside the caller's transaction)."""
        view = self._view(session, self._row(session, case_ref))
        return view, op_payload(view, op)

    def append_event_in(
        self,
        session: Session,
        case_ref: str,
        event: Event,
        note: str,
        *,
        operator: str,
        op: str = "case.materials",
        at: datetime | None = None,
    ) -> CaseView:
        """Inside the caller's transaction: a history record that does not move the status
        (a 核查 result, a visit), as a new version queued for the platform."""
        row = self._row(session, case_ref)
        self._add_event(session, row, event.value, operator, note, at or self._now())
        return self._commit_change(session, row, op, operator, event.value)

    def record_signature_in(
        self, session: Session, case_ref: str, document: str, sha256: str, operator: str
    ) -> CaseView:
        """Inside the caller's transaction, after it stored a signature attachment: an event
        naming the signed document and the blob, queued for the platform."""
        row = self._row(session, case_ref)
        self._add_event(session, row, Event.SIGNED.value, operator, f"{document}:{sha256}")
        return self._commit_change(session, row, "case.materials", operator, "signature")

    def record_attachments_in(self, session: Session, case_ref: str, operator: str) -> CaseView:
        """Inside the caller's transaction, after it changed the case's attachments: a new
        version whose content names them, queued for the platform as ``case.materials``."""
        row = self._row(session, case_ref)
        return self._commit_change(session, row, "case.materials", operator, "attachments")

    def recompute_deadlines(self, *, provisional_only: bool = True) -> int:
        """After new official calendar data: recompute stored due dates; return how many."""
        with self._db.write() as session:
            query = select(CaseRow).where(CaseRow.accepted_at.is_not(None))
            if provisional_only:
                query = query.where(CaseRow.deadline_provisional.is_(True))
            rows = session.scalars(query).all()
            for row in rows:
                self._refresh_deadline(session, row)
            return len(rows)

    # -- finding and viewing -------------------------------------------------------------------

    def _row(self, session: Session, case_ref: str) -> CaseRow:
        ref = case_ref.strip()
        row = session.get(CaseRow, ref) or session.scalar(
            select(CaseRow).where(CaseRow.case_number == ref.upper())
        )
        if row is None:
            raise NotFound("no such case", code="case.not_found", details={"case": ref})
        return row

    def _view(self, session: Session, row: CaseRow) -> CaseView:
        matters = session.scalars(
            select(CaseMatterRow).where(CaseMatterRow.case_id == row.id)
        ).all()
        materials = session.scalars(
            select(CaseMaterialRow).where(CaseMaterialRow.case_id == row.id)
        ).all()
        history = session.scalars(
            select(CaseHistoryRow).where(CaseHistoryRow.case_id == row.id)
        ).all()
        attached = session.execute(  # names only: the bytes stay in the table
            select(AttachmentRow.material_id, AttachmentRow.sha256).where(
                AttachmentRow.case_id == row.id
            )
        ).all()
        view = case_view(row, matters, materials, history, None, [(m, sha) for m, sha in attached])
        delivery = session.get(DeliveryRow, row.id)
        extras = {"delivery": delivery_json(delivery)} if delivery is not None else {}
        terms = notice_terms.view_fields(session, row.id)
        return replace(view, deadline=self._deadline(view), extras=extras, **terms)

    def _deadline(self, view: CaseView) -> DeadlineInfo | None:
        if view.accepted_at is None or not view.matters:
            return None
        calendar = self._calendar()
        start = local_date(view.accepted_at)
        legal_days, legal_unit = longest_limit(
            ((m.legal_limit_days, m.legal_limit_unit) for m in view.matters), start, calendar
        )
        promised_days, promised_unit = longest_limit(
            ((m.promised_limit_days, m.promised_limit_unit) for m in view.matters), start, calendar
        )
        return deadline_for_case(
            view.history,
            legal_days=legal_days,
            promised_days=promised_days,
            calendar=calendar,
            today=local_date(self._now()),
            legal_unit=legal_unit,
            promised_unit=promised_unit,
        ).info

    def _refresh_deadline(self, session: Session, row: CaseRow) -> CaseView:
        view = self._view(session, row)
        store_deadline(row, view.deadline)
        return view

    @staticmethod
    def _window_completes(session: Session, case_id: str) -> bool:
        """Whether every matter of the case is a 即办件 the window may complete itself."""
        flags = session.execute(
            select(CaseMatterRow.immediate, CaseMatterRow.window_completes).where(
                CaseMatterRow.case_id == case_id
            )
        ).all()
        return bool(flags) and all(immediate and window for immediate, window in flags)

    # -- 一次性告知 (the window's one 补正 notice) -------------------------------------------

    @staticmethod
    def _supplement_entries(session: Session, case_id: str) -> builtins.list[str]:
        """Who put the case into 补正, each time (actors, oldest first)."""
        return builtins.list(
            session.scalars(
                select(CaseHistoryRow.actor)
                .where(
                    CaseHistoryRow.case_id == case_id,
                    CaseHistoryRow.event == Status.SUPPLEMENT.value,
                )
                .order_by(CaseHistoryRow.seq)
            )
        )

    def _station_supplement(self, session: Session, row: CaseRow) -> bool:
        """Whether the case waits on the window's own one-time notice (not a department's)."""
        if row.status != Status.SUPPLEMENT.value:
            return False
        entries = self._supplement_entries(session, row.id)
        return bool(entries) and entries[-1] == Actor.STATION.value

    def _check_first_supplement(self, session: Session, case_id: str) -> None:
        """一次性告知: the window tells everything to supplement once; a second 补正 of the
        same case by the window is refused (only the department may ask again)."""
        if Actor.STATION.value in self._supplement_entries(session, case_id):
            raise IllegalTransition(
                "the window already gave this case its one-time 补正 notice",
                code="supplement.second_notice",
            )

    # -- writing -------------------------------------------------------------------------------

    def _add_history(
        self,
        session: Session,
        row: CaseRow,
        status: Status,
        event: str,
        actor: Actor,
        operator: str,
        note: str,
        at: datetime,
    ) -> None:
        last = (
            session.scalar(
                select(CaseHistoryRow.seq)
                .where(CaseHistoryRow.case_id == row.id)
                .order_by(CaseHistoryRow.seq.desc())
                .limit(1)
            )
            or 0
        )
        session.add(history_row(row.id, last + 1, at, status, event, operator, note, actor))

    def _add_event(
        self,
        session: Session,
        row: CaseRow,
        event: str,
        operator: str,
        note: str,
        at: datetime | None = None,
    ) -> None:
        """The station records something that keeps the case's status (an event, not a step)."""
        self._add_history(
            session,
            row,
            Status(row.status),
            event,
            Actor.STATION,
            operator,
            note,
            at or self._now(),
        )

    def _add_visit(
        self, session: Session, row: CaseRow, kind: VisitKind, operator: str, at: datetime
    ) -> None:
        self._add_event(session, row, Event.VISITED.value, operator, VisitKind(kind).value, at)

    def _commit_change(
        self,
        session: Session,
        row: CaseRow,
        op: str,
        operator: str,
        detail: str,
        *,
        queue: bool = True,
    ) -> CaseView:
        """A new version of the case: its deadline refreshed, queued for the platform (unless
        the change came from it) and audited, all in the caller's transaction."""
        base = row.version
        row.version = base + 1
        row.updated_at = to_iso(self._now())
        if queue:
            row.sync_state = "waiting"
        session.flush()
        view = self._refresh_deadline(session, row)
        if queue:
            enqueue(
                session,
                case_id=row.id,
                case_number=row.case_number,
                op=op,
                base_version=base,
                payload=op_payload(view, op),
            )
        audit.append(session, operator, "change", row.id, detail)
        return view
