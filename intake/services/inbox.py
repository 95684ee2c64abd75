"""The inbox: what the platform sent and the station applied, and who has looked at it.

``RemoteApplier`` records every applied change here in the same transaction as the change
(``record_in``), so the inbox never shows something that did not apply, nor misses one that
did. Each operator has a "last seen" mark; what lies after it is unseen (shown bold).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.clock import now, to_iso
from intake.masking import mask_name
from intake.status import SPECIAL_KIND_LABELS, STATUS_LABELS, SpecialKind, Status
from intake.store.db import Database
from intake.store.models import CaseRow, InboxRow, InboxSeenRow


class InboxKind(StrEnum):
    DECISION = "decision"  # a department decided a step (承办 … 办结)
    SUPPLEMENT_REQUEST = "supplement_request"  # a department asks for 补正
    CATALOG = "catalog"  # a new catalog version
    CALENDAR = "calendar"  # official calendar data (holidays, 调休)
    NOTICE = "notice"  # a notice to the station
    OPERATOR = "operator"  # the operator list changed


@dataclass(frozen=True)
class InboxItem:
    seq: int
    kind: InboxKind
    case_id: str | None
    case_number: str
    summary: str  # Chinese, as the platform's data reads
    at: datetime
    unseen: bool


def record_in(session: Session, change: Mapping[str, Any]) -> None:
    """Inside the applier's transaction: one applied change becomes one inbox item."""
    kind = change.get("kind")
    case_id: str | None = None
    number = ""
    if kind == "case.status":
        status = Status(change["status"])
        item_kind = (
            InboxKind.SUPPLEMENT_REQUEST if status is Status.SUPPLEMENT else InboxKind.DECISION
        )
        case_id = str(change["case_id"])
        row = session.get(CaseRow, case_id)
        number = row.case_number if row is not None else str(change.get("case_number", ""))
        who = str(change.get("department") or "")
        note = str(change.get("note") or "")
        summary = f"{who + '：' if who else ''}{STATUS_LABELS[status]}"
        if row is not None:
            summary += f"（{row.title}，{mask_name(row.applicant_name)}）"  # a list: masked
        if note:
            summary += f" {note}"
    elif kind == "case.special":  # a department's 特别程序 (intake.services.remote)
        item_kind = InboxKind.DECISION
        case_id = str(change["case_id"])
        row = session.get(CaseRow, case_id)
        number = row.case_number if row is not None else str(change.get("case_number", ""))
        who = str(change.get("department") or "")
        special = str(change.get("special_kind") or "")
        label = SPECIAL_KIND_LABELS.get(SpecialKind(special), "") if special else ""
        step = f"特别程序开始（{label}）" if change.get("active") else "特别程序结束"
        summary = f"{who + '：' if who else ''}{step}"
        if row is not None:
            summary += f"（{row.title}，{mask_name(row.applicant_name)}）"
        if change.get("reason"):
            summary += f" {change['reason']}"
    elif kind == "catalog":
        item_kind, summary = InboxKind.CATALOG, "事项目录已更新"
    elif kind == "calendar":
        item_kind, summary = InboxKind.CALENDAR, "节假日安排已更新"
    elif kind == "operator":
        item_kind = InboxKind.OPERATOR
        state = "启用" if change.get("active", True) else "停用"
        summary = f"工作人员 {change.get('name', '')}（{change.get('id', '')}）{state}"
    elif kind == "appointment":
        item_kind = InboxKind.NOTICE
        state = "已取消" if change.get("status") == "cancelled" else ""
        summary = (
            f"预约{state}：{change.get('title', '')} {change.get('date', '')} "
            f"{change.get('start', '')}（{mask_name(str(change.get('name', '')))}）"
        )
    elif kind == "complaint.followup":  # the platform's follow-up of a 办不成事 complaint
        item_kind = InboxKind.NOTICE
        state = {"dispatched": "已派单", "handled": "已处理", "closed": "已办结"}.get(
            str(change.get("state")), str(change.get("state"))
        )
        note = str(change.get("note") or "")
        summary = f"办不成事 {change.get('number', '')}：{state}" + (f" {note}" if note else "")
    else:
        item_kind = InboxKind.NOTICE
        summary = str(change.get("title") or change.get("text") or change.get("body") or "通知")
    session.add(
        InboxRow(
            kind=item_kind.value,
            case_id=case_id,
            case_number=number,
            summary=summary[:1000],
            at=to_iso(now()),
        )
    )


class InboxService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def items(self, operator: str, *, limit: int = 200) -> builtins.list[InboxItem]:
        """The newest items first, each marked unseen when after the operator's mark."""
        with self._db.read() as session:
            seen = self._seen(session, operator)
            rows = session.scalars(select(InboxRow).order_by(InboxRow.seq.desc()).limit(limit))
            return [_item(r, seen) for r in rows]

    def since(self, seq: int, *, limit: int = 500) -> builtins.list[InboxItem]:
        """Items after ``seq`` (what one sync round brought), oldest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(InboxRow).where(InboxRow.seq > seq).order_by(InboxRow.seq).limit(limit)
            )
            return [_item(r, seq) for r in rows]

    def last_seq(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.max(InboxRow.seq))) or 0)

    def unseen_count(self, operator: str) -> int:
        with self._db.read() as session:
            seen = self._seen(session, operator)
            return int(session.scalar(select(func.count()).where(InboxRow.seq > seen)) or 0)

    def mark_seen(self, operator: str, upto: int | None = None) -> int:
        """Everything up to ``upto`` (default: the newest) counts as seen by ``operator``;
        the mark never moves back. Returns the mark."""
        with self._db.write() as session:
            newest = int(session.scalar(select(func.max(InboxRow.seq))) or 0)
            target = newest if upto is None else min(upto, newest)
            row = session.get(InboxSeenRow, operator)
            if row is None:
                session.add(InboxSeenRow(operator_id=operator, last_seq=target))
                return target
            row.last_seq = max(row.last_seq, target)
            return row.last_seq

    @staticmethod
    def _seen(session: Session, operator: str) -> int:
        row = session.get(InboxSeenRow, operator)
        return row.last_seq if row is not None else 0


def _item(row: InboxRow, seen: int) -> InboxItem:
    return InboxItem(
        row.seq,
        InboxKind(row.kind),
        row.case_id,
        row.case_number,
        row.summary,
        datetime.fromisoformat(row.at),
        row.seq > seen,
    )
