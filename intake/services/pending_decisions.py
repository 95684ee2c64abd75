"""The window's later decision on a pending case (接件 or 补正): 受理, 补正 or 不予受理.

``CaseService.transition`` applies the state machine (who may move a case where, the §32
five days, the one 补正 notice of the window); this adds what ``accept`` checks of the
same decision at intake (``intake.rules.check_decision``), so a case decided later meets
the same rules as one decided at the counter:

- 受理 only when every required material is here, covered (电子证照, 告知承诺) or promised
  (容缺): ``decision.materials_missing``;
- 补正 only with a material to supplement listed (missing, or with a note saying what is
  wrong): ``decision.nothing_to_supplement``;
- 不予受理 states its reason and legal basis (``decision.reason_required``,
  ``decision.legal_basis_required``), stored on the case for the 不予受理通知书.

Everything happens in one write transaction: the checks, the reason on the case, the
transition (history, outbox, audit).
"""

from __future__ import annotations

from sqlalchemy import select

from intake.errors import Problem, RequestError
from intake.services.cases import CaseService
from intake.status import Actor, Status, VisitKind
from intake.store.db import Database
from intake.store.mapping import material_from_row
from intake.store.models import CaseMaterialRow, CaseRow
from intake.textcheck import text_problems
from intake.views import SATISFIED, CaseView, MaterialState, needs_supplement

#: What the window decides after intake (送达 and 撤件 have their own commands).
WINDOW_DECISIONS = (Status.ACCEPTED, Status.SUPPLEMENT, Status.REJECTED, Status.COMPLETED)
REASON_LIMIT = 500


class PendingDecisionService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    def decide(
        self,
        case_ref: str,
        target: Status,
        *,
        operator: str,
        note: str = "",
        reason: str = "",
        legal_basis: str = "",
        in_person: bool = False,
    ) -> CaseView:
        """Move the case to ``target`` as the window (``Actor.STATION``), with the rules of
        the same decision at intake. ``note``: what the history shows (补正: what to bring);
        ``reason`` / ``legal_basis``: a 不予受理's; ``in_person``: the applicant is here."""
        reason, legal_basis, note = reason.strip(), legal_basis.strip(), note.strip()
        problems = text_problems("reason", reason, REASON_LIMIT, multiline=True)
        problems += text_problems("legal_basis", legal_basis, REASON_LIMIT, multiline=True)
        problems += text_problems("note", note, REASON_LIMIT, multiline=True)
        if target is Status.REJECTED:
            if not reason:
                problems.append(
                    Problem("reason", "decision.reason_required", "a rejection states its reason")
                )
            if not legal_basis:
                problems.append(
                    Problem(
                        "legal_basis",
                        "decision.legal_basis_required",
                        "a rejection states its legal basis",
                    )
                )
        if problems:
            raise RequestError(problems)
        visit = VisitKind.OTHER if in_person else None
        with self._db.write() as session:
            case_id = self._cases.case_id_in(session, case_ref)
            materials = [
                material_from_row(m)
                for m in session.scalars(
                    select(CaseMaterialRow).where(CaseMaterialRow.case_id == case_id)
                )
            ]
            if target is Status.ACCEPTED:
                missing = [
                    m.material_id
                    for m in materials
                    if m.required
                    and m.state not in SATISFIED
                    and m.state is not MaterialState.DEFERRED
                ]
                if missing:
                    raise RequestError(
                        [
                            Problem(
                                "decision",
                                "decision.materials_missing",
                                "required materials are missing: issue a 补正 notice instead",
                                {"materials": missing},
                            )
                        ]
                    )
            if target is Status.SUPPLEMENT and not any(needs_supplement(m) for m in materials):
                raise RequestError(
                    [
                        Problem(
                            "decision",
                            "decision.nothing_to_supplement",
                            "a 补正 notice must list a missing or non-conforming material",
                        )
                    ]
                )
            if target is Status.REJECTED:
                # on the case before the transition, so its synced payload carries them
                row = session.get(CaseRow, case_id)
                assert row is not None
                row.decision_reason, row.legal_basis = reason, legal_basis
            return self._cases.transition_in(
                session,
                case_id,
                target,
                actor=Actor.STATION,
                operator=operator,
                note=note or reason,
                visit=visit,
            )


__all__ = ["WINDOW_DECISIONS", "PendingDecisionService"]
