"""Operators and their offline password check (argon2id verifiers, never passwords).

A supervisor's commands (add, disable / enable, change role, reset a password, unlock) take
the acting operator's id first and refuse anyone else (``auth.forbidden``, checked here, not
in the screen). Every command and every login attempt is an audit row in the same
transaction as the change.

Lock-out: ``MAX_FAILURES`` wrong passwords in a row lock the operator for ``LOCK_MINUTES``
(or until a supervisor unlocks them); while locked the password is not even checked. A reset
password must be changed at the next login. That state lives in ``operator_logins``, which
the platform's operator list never touches (see ``intake.services.remote``).
"""

from __future__ import annotations

import builtins
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.clock import CST, from_iso, now, to_iso
from intake.errors import AuthError, WindowDeskError
from intake.services import audit
from intake.services.authz import SUPERVISOR_ROLES, require_supervisor
from intake.store.db import Database
from intake.store.models import OperatorLoginRow, OperatorRow

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 6
OPERATOR_ID = re.compile(r"[A-Za-z0-9_.-]{2,40}")


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
    must_change_password: bool = False


@dataclass(frozen=True)
class OperatorStatus:
    """One line of the supervisor's operator list."""

    id: str
    name: str
    role: Role
    active: bool
    created_at: datetime
    failed_logins: int
    locked_until: datetime | None  # None: not locked (a past lock has expired)
    must_change_password: bool

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


class OperatorService:
    def __init__(
        self,
        db: Database,
        hasher: PasswordHasher | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = db
        self._hasher = hasher or PasswordHasher()  # argon2id, the library's RFC 9106 defaults
        self._clock = clock

    # -- set-up and lists -----------------------------------------------------------------

    def add(self, operator_id: str, name: str, role: Role, password: str) -> Operator:
        """Add an operator without an acting one: first-run set-up and the demo only."""
        _check_new(operator_id, name, password)
        with self._db.write() as session:
            self._insert(session, operator_id, name, role, password)
        return Operator(operator_id, name, role, True)

    def list(self) -> list[Operator]:
        with self._db.read() as session:
            rows = session.scalars(select(OperatorRow).order_by(OperatorRow.id)).all()
            return [Operator(r.id, r.name, Role(r.role), r.active) for r in rows]

    def roster(self) -> builtins.list[OperatorStatus]:
        """Every operator with their login state, for the supervisor's list."""
        at = self._clock()
        with self._db.read() as session:
            rows = session.scalars(select(OperatorRow).order_by(OperatorRow.id)).all()
            logins = {r.operator_id: r for r in session.scalars(select(OperatorLoginRow))}
            out = []
            for r in rows:
                login = logins.get(r.id)
                until = _lock_of(login, at)
                out.append(
                    OperatorStatus(
                        id=r.id,
                        name=r.name,
                        role=Role(r.role),
                        active=r.active,
                        created_at=from_iso(r.created_at),
                        failed_logins=login.failed if login else 0,
                        locked_until=until,
                        must_change_password=bool(login and login.must_change_password),
                    )
                )
            return out

    # -- login ----------------------------------------------------------------------------

    def verify(self, operator_id: str, password: str) -> Operator:
        """Check a password offline; every attempt is audited, and repeated failures lock."""
        at = self._clock()
        with self._db.read() as session:
            row = session.get(OperatorRow, operator_id)
            stored = (row.password_hash, row.name, row.role, row.active) if row else None
            login = session.get(OperatorLoginRow, operator_id)
            locked_until = _lock_of(login, at)
            must_change = bool(login and login.must_change_password)
        if stored is not None and locked_until is not None:
            with self._db.write() as session:
                audit.append(session, operator_id, "login_locked", None)
            raise _locked(locked_until, at)
        ok = stored is not None and stored[3] and self._matches(stored[0], password)
        if ok:
            with self._db.write() as session:
                audit.append(session, operator_id, "login", None)
                if login is not None and login.failed:
                    _login_row(session, operator_id, at).failed = 0
            assert stored is not None
            return Operator(operator_id, stored[1], Role(stored[2]), True, must_change)
        with self._db.write() as session:
            audit.append(session, operator_id, "login_failed", None)
            if stored is None:  # an unknown id has no lock to count towards
                raise AuthError("wrong operator or password", code="auth.failed")
            state = _login_row(session, operator_id, at)
            state.failed = (state.failed or 0) + 1
            if state.failed >= MAX_FAILURES:
                until = at + timedelta(minutes=LOCK_MINUTES)
                state.locked_until, state.failed = to_iso(until), 0
                audit.append(
                    session, operator_id, "operator.locked", None, f"{MAX_FAILURES} failures"
                )
                locked_error: AuthError | None = _locked(until, at)
            else:
                locked_error = None
                left = MAX_FAILURES - state.failed
        if locked_error is not None:
            raise locked_error
        if left <= 2:
            raise AuthError(
                "wrong operator or password", code="auth.failed_left", details={"left": left}
            )
        raise AuthError("wrong operator or password", code="auth.failed")

    def change_password(self, operator_id: str, old: str, new: str) -> Operator:
        """The operator's own change (required after a reset): the old password proves it."""
        if len(new) < MIN_PASSWORD:
            raise WindowDeskError("a password has at least 6 characters", code="operator.password")
        if new == old:
            raise WindowDeskError("the new password equals the old", code="operator.same_password")
        operator = self.verify(operator_id, old)
        at = self._clock()
        with self._db.write() as session:
            row = session.get(OperatorRow, operator_id)
            assert row is not None
            row.password_hash = self._hasher.hash(new)
            _login_row(session, operator_id, at).must_change_password = False
            audit.append(session, operator_id, "password_change", None)
        return Operator(operator.id, operator.name, operator.role, True, False)

    # -- a supervisor's commands ------------------------------------------------------------

    def create(
        self, by: str, operator_id: str, name: str, role: Role, password: str
    ) -> OperatorStatus:
        """Add an operator; the first password is theirs to change at first login."""
        _check_new(operator_id, name, password)
        with self._db.write() as session:
            require_supervisor(session, by)
            self._insert(session, operator_id, name.strip(), role, password)
            _login_row(session, operator_id, self._clock()).must_change_password = True
            audit.append(session, by, "operator.add", None, f"{operator_id} {role.value}")
        return self._status(operator_id)

    def set_active(self, by: str, operator_id: str, active: bool) -> OperatorStatus:
        with self._db.write() as session:
            require_supervisor(session, by)
            row = _existing(session, operator_id)
            if row.active == active:
                return self._status(operator_id)
            if not active:
                if operator_id == by:
                    raise WindowDeskError("you cannot disable yourself", code="operator.self")
                _keep_a_supervisor(session, row)
            row.active = active
            action = "operator.enable" if active else "operator.disable"
            audit.append(session, by, action, None, operator_id)
        return self._status(operator_id)

    def set_role(self, by: str, operator_id: str, role: Role) -> OperatorStatus:
        with self._db.write() as session:
            require_supervisor(session, by)
            row = _existing(session, operator_id)
            old = row.role
            if old == role.value:
                return self._status(operator_id)
            if role.value not in SUPERVISOR_ROLES:
                if operator_id == by:
                    raise WindowDeskError("you cannot demote yourself", code="operator.self")
                _keep_a_supervisor(session, row)
            row.role = role.value
            audit.append(session, by, "operator.role", None, f"{operator_id}: {old} → {role.value}")
        return self._status(operator_id)

    def reset_password(self, by: str, operator_id: str, temporary: str) -> OperatorStatus:
        """A temporary password the operator must change at their next login (also unlocks)."""
        if len(temporary) < MIN_PASSWORD:
            raise WindowDeskError("a password has at least 6 characters", code="operator.password")
        with self._db.write() as session:
            require_supervisor(session, by)
            row = _existing(session, operator_id)
            row.password_hash = self._hasher.hash(temporary)
            state = _login_row(session, operator_id, self._clock())
            state.must_change_password, state.failed, state.locked_until = True, 0, None
            audit.append(session, by, "operator.reset_password", None, operator_id)
        return self._status(operator_id)

    def unlock(self, by: str, operator_id: str) -> OperatorStatus:
        with self._db.write() as session:
            require_supervisor(session, by)
            _existing(session, operator_id)
            state = _login_row(session, operator_id, self._clock())
            state.failed, state.locked_until = 0, None
            audit.append(session, by, "operator.unlock", None, operator_id)
        return self._status(operator_id)

    # -- helpers ----------------------------------------------------------------------------

    def _status(self, operator_id: str) -> OperatorStatus:
        return next(s for s in self.roster() if s.id == operator_id)

    def _insert(
        self, session: Session, operator_id: str, name: str, role: Role, password: str
    ) -> None:
        if session.get(OperatorRow, operator_id) is not None:
            raise WindowDeskError("this operator id exists", code="operator.duplicate")
        session.add(
            OperatorRow(
                id=operator_id,
                name=name,
                role=role.value,
                password_hash=self._hasher.hash(password),
                active=True,
                created_at=to_iso(self._clock()),
            )
        )

    def _matches(self, password_hash: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False


def _check_new(operator_id: str, name: str, password: str) -> None:
    if not OPERATOR_ID.fullmatch(operator_id):
        raise WindowDeskError("2-40 letters, digits, _ . -", code="operator.id")
    if not name.strip() or len(name) > 40:
        raise WindowDeskError("1-40 characters", code="operator.name")
    if len(password) < MIN_PASSWORD:
        raise WindowDeskError("a password has at least 6 characters", code="operator.password")


def _existing(session: Session, operator_id: str) -> OperatorRow:
    row = session.get(OperatorRow, operator_id)
    if row is None:
        raise WindowDeskError("no such operator", code="operator.unknown")
    return row


def _keep_a_supervisor(session: Session, row: OperatorRow) -> None:
    """Refuse to disable or demote the last active supervisor: nobody could administer."""
    if row.role not in SUPERVISOR_ROLES or not row.active:
        return
    others = session.scalars(
        select(OperatorRow.id).where(
            OperatorRow.role.in_(SUPERVISOR_ROLES),
            OperatorRow.active.is_(True),
            OperatorRow.id != row.id,
        )
    ).first()
    if others is None:
        raise WindowDeskError("the last supervisor stays", code="operator.last_supervisor")


def _login_row(session: Session, operator_id: str, at: datetime) -> OperatorLoginRow:
    row = session.get(OperatorLoginRow, operator_id)
    if row is None:
        row = OperatorLoginRow(
            operator_id=operator_id, failed=0, must_change_password=False, updated_at=to_iso(at)
        )
        session.add(row)
    row.updated_at = to_iso(at)
    return row


def _lock_of(login: OperatorLoginRow | None, at: datetime) -> datetime | None:
    if login is None or not login.locked_until:
        return None
    until = from_iso(login.locked_until)
    return until if until > at else None


def _locked(until: datetime, at: datetime) -> AuthError:
    minutes = max(1, math.ceil((until - at).total_seconds() / 60))
    return AuthError(
        "operator locked after repeated failures",
        code="auth.locked",
        details={"minutes": minutes, "until": until.astimezone(CST).strftime("%H:%M")},
    )
