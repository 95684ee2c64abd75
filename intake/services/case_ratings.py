"""好差评 taken at the station: one rating per case and department, or the recorded reason
why none was taken (the case then stays 未评价; no rating is ever invented)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from intake.canonical import to_jsonable
from intake.errors import WindowDeskError
from intake.evaluation import (
    EvaluationChannel,
    check_rating,
    department_for,
    skip_reason_problems,
)
from intake.services import rectifications
from intake.services.case_base import CaseBase
from intake.status import Event
from intake.views import CaseView, Evaluation


class RatingCommands(CaseBase):
    def evaluate(
        self,
        case_ref: str,
        level: int,
        reason: str = "",
        *,
        channel: str = EvaluationChannel.WINDOW_DEVICE.value,
        operator: str,
        department: str | None = None,
        reasons: Sequence[str] = (),
    ) -> CaseView:
        """好差评: one rating per case and department (``department`` may be left out when the
        case has only one); 不满意 and 非常不满意 need reasons and a comment (``reason``),
        because they are followed up. See intake.evaluation for the rules."""
        check_rating(level, tuple(reasons), reason)
        if channel not in {c.value for c in EvaluationChannel}:
            raise WindowDeskError("unknown evaluation channel", code="evaluation.channel")
        with self._db.write() as session:
            row = self._row(session, case_ref)
            view = self._view(session, row)
            rated = department_for(view, department)
            if rated in {e.department for e in view.evaluations} or (
                # an older case rated once, before ratings named their department
                len(view.departments) == 1 and any(not e.department for e in view.evaluations)
            ):
                raise WindowDeskError(
                    "this case was already rated for this department",
                    code="evaluation.duplicate",
                    details={"department": rated},
                )
            stamp = self._now()
            given = Evaluation(
                level, reason.strip(), channel, stamp, department=rated, reasons=tuple(reasons)
            )
            row.evaluation = json.dumps(
                [to_jsonable(e) for e in (*view.evaluations, given)], ensure_ascii=False
            )
            self._add_event(
                session, row, Event.EVALUATED.value, operator, f"{level}:{rated}", stamp
            )
            rectifications.open_in(  # a 差评 opens its 整改 item (intake.services.rectifications)
                session,
                case_id=row.id,
                case_number=row.case_number,
                department=rated,
                level=level,
                comment=given.reason,
                reasons=given.reasons,
                rated_at=stamp,
                calendar=self._calendar(),
                by=operator,
            )
            return self._commit_change(session, row, "case.evaluation", operator, "evaluation")

    def skip_evaluation(self, case_ref: str, reason: str, *, operator: str) -> CaseView:
        """The clerk records why no rating was taken (the applicant declined, no device …):
        an event with the reason, synced; the case stays 未评价 (no rating is invented)."""
        problems = skip_reason_problems(reason)
        if problems:
            raise WindowDeskError("a skipped rating needs its reason", code=problems[0])
        with self._db.write() as session:
            row = self._row(session, case_ref)
            self._add_event(session, row, Event.EVALUATION_SKIPPED.value, operator, reason.strip())
            return self._commit_change(
                session, row, "case.evaluation", operator, "evaluation_skipped"
            )
