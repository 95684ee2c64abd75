"""A case reference as a clerk or a caller has it: the case id or the case number.

Every service read that takes a case (``for_case`` of the outbox, print jobs, attachments
and the audit log, ``CaseService.get``) accepts either, the number in any letter case and
with surrounding spaces, and an unknown case is ``case.not_found`` — never a silent ``[]``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.errors import NotFound
from intake.store.models import CaseRow


def case_id_for(session: Session, case_ref: str) -> str:
    """The id of the case ``case_ref`` names (its id or its case number)."""
    ref = case_ref.strip()
    case_id = session.scalar(select(CaseRow.id).where(CaseRow.id == ref))
    if case_id is None:
        case_id = session.scalar(select(CaseRow.id).where(CaseRow.case_number == ref.upper()))
    if case_id is None:
        raise NotFound("no such case", code="case.not_found", details={"case": ref})
    return str(case_id)
