"""帮办代办: a village agent's own identity, read once from their own card.

At a village station the operator is the agent (代办员) who acts for the applicant; the case
records both. The agent's card is read once (it is the same every day) and kept here per
operator, so every intake the agent takes starts with them as the 代办人; another agent's
card read for one case replaces it for that case only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from intake.clock import local_date, now, to_iso
from intake.errors import InvalidIdNumber, WindowDeskError
from intake.identity import DocType, normalize_document_number
from intake.services import audit
from intake.store.db import Database
from intake.store.models import AgentCardRow

KEYS = ("name", "doc_type", "id_number", "phone", "sex", "birth_date", "address")


class AgentCards:
    def __init__(self, db: Database) -> None:
        self._db = db

    def own(self, operator_id: str) -> dict[str, Any] | None:
        """The operator's own identity as a request's ``agent`` takes it, or None."""
        with self._db.read() as session:
            row = session.scalar(
                select(AgentCardRow).where(AgentCardRow.operator_id == operator_id)
            )
            return dict(json.loads(row.person)) if row is not None else None

    def remember(self, operator_id: str, person: Mapping[str, Any]) -> dict[str, Any]:
        """Keep ``person`` (read from the operator's own card) as their identity (audited)."""
        kept = {k: person[k] for k in KEYS if person.get(k) not in (None, "")}
        if not kept.get("name") or not kept.get("id_number"):
            raise WindowDeskError(
                "the agent's card gave no name or number", code="agent.card_incomplete"
            )
        try:
            doc_type = DocType(kept.get("doc_type", DocType.RESIDENT.value))
            kept["id_number"] = normalize_document_number(
                doc_type, str(kept["id_number"]), today=local_date(now())
            )
        except (ValueError, InvalidIdNumber) as exc:
            raise WindowDeskError(
                "the agent's document number is not valid", code="agent.card_invalid"
            ) from exc
        body = json.dumps(kept, ensure_ascii=False, sort_keys=True)
        with self._db.write() as session:
            row = session.get(AgentCardRow, operator_id)
            if row is None:
                session.add(AgentCardRow(operator_id=operator_id, person=body, updated_at=""))
                row = session.get(AgentCardRow, operator_id)
            assert row is not None
            row.person = body
            row.updated_at = to_iso(now())
            audit.append(session, operator_id, "agent_card", None, kept["name"])
        return kept
