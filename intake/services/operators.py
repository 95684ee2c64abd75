"""Operators and their offline password check (argon2id verifiers, never passwords)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from intake.clock import now, to_iso
from intake.errors import AuthError, WindowDeskError
from intake.services import audit
from intake.store.db import Database
from intake.store.models import OperatorRow


class Role(StrEnum):
    CLERK = "clerk"  # 综窗人员
    AGENT = "agent"  # 代办员
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


@dataclass(frozen=True)
class Operator:
    id: str
    name: str
    role: Role
    active: bool


class OperatorService:
    def __init__(self, db: Database, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._hasher = hasher or PasswordHasher()  # argon2id, the library's RFC 9106 defaults

    def add(self, operator_id: str, name: str, role: Role, password: str) -> Operator:
        if len(password) < 6:
            raise WindowDeskError("a password has at least 6 characters", code="operator.password")
        with self._db.write() as session:
            if session.get(OperatorRow, operator_id) is not None:
                raise WindowDeskError("this operator id exists", code="operator.duplicate")
            session.add(
                OperatorRow(
                    id=operator_id,
                    name=name,
                    role=role.value,
                    password_hash=self._hasher.hash(password),
                    active=True,
                    created_at=to_iso(now()),
                )
            )
        return Operator(operator_id, name, role, True)

    def list(self) -> list[Operator]:
        with self._db.read() as session:
            rows = session.scalars(select(OperatorRow).order_by(OperatorRow.id)).all()
            return [Operator(r.id, r.name, Role(r.role), r.active) for r in rows]

    def verify(self, operator_id: str, password: str) -> Operator:
        """Check a password offline; every attempt is audited."""
        with self._db.read() as session:
            row = session.get(OperatorRow, operator_id)
            stored = (row.password_hash, row.name, row.role, row.active) if row else None
        ok = False
        if stored is not None and stored[3]:
            try:
                ok = self._hasher.verify(stored[0], password)
            except (VerificationError, InvalidHashError):
                ok = False
        with self._db.write() as session:
            audit.append(session, operator_id, "login" if ok else "login_failed", None)
        if not ok or stored is None:
            raise AuthError("wrong operator or password", code="auth.failed")
        return Operator(operator_id, stored[1], Role(stored[2]), True)
