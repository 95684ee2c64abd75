"""Drafts: the intake on the clerk's screen, kept in the store while they type.

A draft is whatever the screen holds (it may be incomplete or invalid, like ODK's drafts);
it becomes a case only through ``CaseService.accept``. One draft per operator: saving
replaces it, accepting or discarding removes it, and the next login offers it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert

from intake.clock import from_iso, now, to_iso
from intake.errors import WindowDeskError
from intake.store.db import Database
from intake.store.models import DraftRow, table_of

#: A draft holds one screen's worth of typing; anything larger is a bug or an attack.
MAX_DRAFT_BYTES = 512 * 1024


@dataclass(frozen=True)
class Draft:
    operator_id: str
    updated_at: datetime
    content: dict[str, Any]


class DraftService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, operator_id: str, content: dict[str, Any]) -> Draft:
        """Replace the operator's draft with ``content`` (a JSON object)."""
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, sort_keys=True)
        if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
            raise WindowDeskError("the draft is too large", code="draft.too_large")
        at = now()
        values = {"operator_id": operator_id, "updated_at": to_iso(at), "content": text}
        stmt = insert(table_of(DraftRow)).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["operator_id"],
            set_={"updated_at": stmt.excluded.updated_at, "content": stmt.excluded.content},
        )
        with self._db.write() as session:
            session.execute(stmt)
        return Draft(operator_id, at, content)

    def get(self, operator_id: str) -> Draft | None:
        with self._db.read() as session:
            row = session.get(DraftRow, operator_id)
            if row is None:
                return None
            try:
                content = json.loads(row.content)
            except ValueError:
                return None
            if not isinstance(content, dict):
                return None
            return Draft(row.operator_id, from_iso(row.updated_at), content)

    def discard(self, operator_id: str) -> bool:
        """Remove the operator's draft; whether there was one."""
        with self._db.write() as session:
            result = session.execute(
                delete(table_of(DraftRow)).where(table_of(DraftRow).c.operator_id == operator_id)
            )
            return bool(getattr(result, "rowcount", 0))
