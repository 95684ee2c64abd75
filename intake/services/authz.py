"""Who may run a supervisor's command: checked in the core, whatever the screen showed.

A clerk's window has no settings or operators page, but a script, a test or a bug could
still call the command: ``require_supervisor`` refuses it with ``auth.forbidden``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intake.errors import AuthError
from intake.store.models import OperatorRow

SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})


def require_supervisor(session: Session, acting_id: str) -> OperatorRow:
    """The acting operator's row, if they are an active supervisor or admin; else refuse."""
    row = session.get(OperatorRow, acting_id)
    if row is None or not row.active or row.role not in SUPERVISOR_ROLES:
        raise AuthError(
            "only a supervisor may do this",
            code="auth.forbidden",
            details={"operator": acting_id},
        )
    return row
