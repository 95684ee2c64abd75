"""Materials handed in after intake (补正, a 容缺 promise kept), with the intake's own rules
and the one-time-notice rule (一次性告知), optionally followed by 受理 in the same write."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.catalog.merge import merge_requirements
from intake.clock import local_date, to_iso
from intake.errors import Problem, RequestError, WindowDeskError
from intake.requests import MaterialInput
from intake.rules import check_materials
from intake.services.case_base import CaseBase
from intake.status import Actor, Event, Status, VisitKind, check_transition
from intake.store.mapping import material_from_row
from intake.store.models import CaseMaterialRow, CaseMatterRow
from intake.textcheck import DEFAULT_LIMITS as LIMITS
from intake.textcheck import text_problems
from intake.views import SATISFIED, CaseView, Decision, MaterialState, needs_supplement


class MaterialCommands(CaseBase):
    def update_materials(
        self,
        case_ref: str,
        updates: Mapping[str, MaterialInput],
        *,
        operator: str,
        accept: bool = False,
        visit: VisitKind | None = None,
    ) -> CaseView:
        """Record materials handed in (补正 or a 容缺 promise kept); optionally 受理 at once.

        一次性告知: while a case waits on the window's own 补正 notice, a hand-in may not
        ask for anything that notice did not list (``supplement.not_listed``); a 补正 the
        department asked for (through the platform) is the department's list, not checked
        here. ``visit``: the applicant came to hand them in (recorded in the same
        transaction, for 跑动次数)."""
        with self._db.write() as session:
            row = self._row(session, case_ref)
            materials = {
                m.material_id: m
                for m in session.scalars(
                    select(CaseMaterialRow).where(CaseMaterialRow.case_id == row.id)
                )
            }
            problems = [
                Problem(f"materials.{mid}", "request.unknown_material", "not on this case")
                for mid in updates
                if mid not in materials
            ]
            if not problems and self._station_supplement(session, row):
                problems = [
                    Problem(
                        f"materials.{mid}",
                        "supplement.not_listed",
                        "the one-time notice did not ask for this material",
                        {"material": materials[mid].name},
                    )
                    for mid, given in updates.items()
                    if not needs_supplement(material_from_row(materials[mid]))
                    and needs_supplement(
                        replace(
                            material_from_row(materials[mid]), state=given.state, note=given.note
                        )
                    )
                ]
            if not problems:
                problems = self._material_update_problems(session, row.id, updates, accept)
            if problems:
                raise RequestError(problems)
            for mid, given in updates.items():
                m = materials[mid]
                m.state = given.state.value
                m.copies = given.copies
                m.promised_date = given.promised_date.isoformat() if given.promised_date else None
                m.licence_number = given.licence_number
                m.note = given.note
            stamp = self._now()
            self._add_event(session, row, Event.MATERIALS_UPDATED.value, operator, "", stamp)
            if visit is not None:
                self._add_visit(session, row, visit, operator, stamp)
            if accept:
                missing = [
                    m.material_id
                    for m in materials.values()
                    if m.required
                    and MaterialState(m.state) not in SATISFIED
                    and m.state != MaterialState.DEFERRED.value
                ]
                if missing:
                    raise RequestError(
                        [
                            Problem(
                                "materials",
                                "decision.materials_missing",
                                "required materials are still missing",
                                {"materials": missing},
                            )
                        ]
                    )
                check_transition(Status(row.status), Status.ACCEPTED, Actor.STATION)
                row.status = Status.ACCEPTED.value
                row.accepted_at = row.accepted_at or to_iso(stamp)
                self._add_history(
                    session,
                    row,
                    Status.ACCEPTED,
                    Status.ACCEPTED.value,
                    Actor.STATION,
                    operator,
                    "",
                    stamp,
                )
            return self._commit_change(session, row, "case.materials", operator, "materials")

    def _material_update_problems(
        self, session: Session, case_id: str, updates: Mapping[str, MaterialInput], accept: bool
    ) -> builtins.list[Problem]:
        """The intake rules for materials handed in later: the same text limits, and (when the
        active catalog still has the case's matters) 容缺, 告知承诺, 电子证照 and original rules."""
        problems: builtins.list[Problem] = []
        for mid, given in updates.items():
            where = f"materials.{mid}"
            problems += text_problems(f"{where}.note", given.note, LIMITS.note, multiline=True)
            problems += text_problems(
                f"{where}.licence_number", given.licence_number, LIMITS.licence_number
            )
        codes = session.scalars(
            select(CaseMatterRow.code)
            .where(CaseMatterRow.case_id == case_id)
            .order_by(CaseMatterRow.position)
        ).all()
        try:
            merged = merge_requirements(self._catalog(), codes)
        except WindowDeskError:
            return problems  # a catalog without these matters any more: nothing to judge by
        decision = Decision.ACCEPT if accept else Decision.SUPPLEMENT
        found = check_materials(
            merged,
            updates,
            local_date(self._now()),
            decision=decision,
            calendar=self._calendar(),
        )
        wanted = {f"materials.{mid}" for mid in updates}
        return problems + [p for p in found if p.where in wanted]
