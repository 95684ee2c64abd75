"""特别程序 decided by a department: the hub records its start and end on a case and queues a
``case.special`` change for the case's station, which pauses (or resumes) the case's clock.

受审分离: only the platform starts or ends one (the station refuses its own window); a
start names its kind (``intake.status.SpecialKind``: 听证, 检验, 专家评审 …), its reason and
its legal basis (行政许可法第四十五条: the applicant is told all three). The case must be
being handled (受理 … 审批), and a start needs the procedure stopped, an end running — the
same rules the station applies (``CaseService.set_special_procedure``), checked here first
so a bad decision is refused at once instead of becoming a pull conflict at the station.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intake.status import CLOCK_RUNS, SpecialKind, Status
from sync.hub import db
from sync.hub.errors import HubError

if TYPE_CHECKING:
    from sync.hub.service import Hub

#: The ``status`` words of ``decide`` that are not a status but a special procedure step.
SPECIAL_DECISIONS = frozenset({"special_start", "special_end"})
SPECIAL_CHANGE = "case.special"


def decide_special(
    hub: Hub,
    case_number: str,
    step: str,
    *,
    special_kind: str = "",
    reason: str = "",
    legal_basis: str = "",
    note: str = "",
    department: str = "",
) -> dict[str, Any]:
    """Record a 特别程序 start or end (``step``: special_start / special_end)."""
    from sync.hub.service import _department_of

    active = step == "special_start"
    reason, legal_basis, note = reason.strip(), legal_basis.strip(), note.strip()
    kind: SpecialKind | None = None
    if active:
        try:
            kind = SpecialKind(special_kind) if special_kind else None
        except ValueError as exc:
            raise HubError(
                400, "decide.bad_special_kind", f"unknown special procedure {special_kind!r}"
            ) from exc
        missing = [
            name
            for name, value in (("kind", kind), ("reason", reason), ("legal_basis", legal_basis))
            if not value
        ]
        if missing:
            raise HubError(
                400,
                "case.special_procedure_incomplete",
                "a special procedure states its kind, reason and legal basis",
                details={"missing": missing},
            )
    now = hub.clock()

    def work(conn: Connection) -> dict[str, Any]:
        case = conn.execute(select(db.cases).where(db.cases.c.case_number == case_number)).first()
        if case is None:
            raise HubError(404, "case.unknown", f"no case {case_number} at the hub")
        if Status(case.status) not in CLOCK_RUNS:
            raise HubError(
                409,
                "case.special_procedure_state",
                "only a case being handled can pause its clock",
                details={"status": case.status},
            )
        if running(conn, case.case_id) == active:
            raise HubError(
                409,
                "case.special_procedure_state",
                "the special procedure is already " + ("running" if active else "stopped"),
            )
        seq = hub._take_seqs(conn, 1)
        version = case.version + 1
        change: dict[str, Any] = {
            "kind": SPECIAL_CHANGE,
            "case_id": case.case_id,
            "case_number": case.case_number,
            "active": active,
            "special_kind": kind.value if kind else "",
            "reason": reason or note,
            "legal_basis": legal_basis,
            "at": now.isoformat(),
            "department": department or _department_of(case.content),
            "version": version,
        }
        conn.execute(
            db.cases.update()
            .where(db.cases.c.case_id == case.case_id)
            .values(version=version, updated_at=now)
        )
        hub._event(conn, case.case_id, seq, "platform", SPECIAL_CHANGE, None, change, now)
        conn.execute(
            db.changes.insert().values(
                seq=seq,
                station_id=case.station_id,
                kind=SPECIAL_CHANGE,
                body=json.dumps(change, ensure_ascii=False),
                created_at=now,
            )
        )
        return {"seq": seq, **change}

    result: dict[str, Any] = hub._write(work)
    return result


def running(conn: Connection, case_id: str) -> bool:
    """Whether the case's last special procedure step at the hub was a start."""
    body = conn.execute(
        select(db.case_events.c.body)
        .where(db.case_events.c.case_id == case_id, db.case_events.c.kind == SPECIAL_CHANGE)
        .order_by(db.case_events.c.seq.desc())
        .limit(1)
    ).scalar()
    return bool(body and json.loads(body).get("active"))
