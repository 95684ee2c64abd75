"""Operators: a supervisor's commands (checked in the core), lock-out, forced password
change, and the platform's operator list winning when it arrives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from intake.errors import AuthError, WindowDeskError
from intake.services.operators import LOCK_MINUTES, MAX_FAILURES, OperatorService, Role
from intake.station import Station
from intake.store.models import AuditRow

PASSWORD = "windowdesk"  # intake.demo.DEMO_PASSWORD


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock_ops(station: Station) -> tuple[OperatorService, Clock]:
    clock = Clock()
    service = OperatorService(station.db, PasswordHasher(time_cost=1, memory_cost=1024), clock)
    station.operators = service
    return service, clock


def actions(station: Station) -> list[tuple[str, str, str]]:
    with station.db.read() as session:
        rows = session.scalars(select(AuditRow).order_by(AuditRow.seq)).all()
        return [(r.operator_id, r.action, r.detail) for r in rows]


def test_a_clerk_may_not_run_a_supervisors_command(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    calls: list[Any] = [
        lambda: ops.create("clerk01", "clerk09", "新人", Role.CLERK, "secret99"),
        lambda: ops.set_active("clerk01", "clerk02", False),
        lambda: ops.set_role("clerk01", "clerk01", Role.SUPERVISOR),
        lambda: ops.reset_password("clerk01", "clerk02", "temp1234"),
        lambda: ops.unlock("clerk01", "clerk02"),
    ]
    for call in calls:
        with pytest.raises(AuthError) as info:
            call()
        assert info.value.code == "auth.forbidden"
    roster = {s.id: s for s in ops.roster()}
    assert "clerk09" not in roster and roster["clerk02"].active
    assert roster["clerk01"].role is Role.CLERK


def test_a_disabled_supervisor_may_not_either(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    ops.create("super01", "super02", "副站长", Role.SUPERVISOR, "secret99")
    ops.set_active("super01", "super02", False)
    with pytest.raises(AuthError, match="supervisor"):
        ops.set_active("super02", "clerk01", False)


def test_supervisor_commands_change_and_audit(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    added = ops.create("super01", "clerk09", "新人", Role.CLERK, "secret99")
    assert added.active and added.must_change_password  # the first password is temporary
    ops.set_role("super01", "clerk09", Role.AGENT)
    ops.set_active("super01", "clerk09", False)
    with pytest.raises(AuthError):
        ops.verify("clerk09", "secret99")  # disabled: no login
    ops.set_active("super01", "clerk09", True)
    status = next(s for s in ops.roster() if s.id == "clerk09")
    assert status.role is Role.AGENT and status.active
    logged = [a for a in actions(station) if a[1].startswith("operator.")]
    assert logged == [
        ("super01", "operator.add", "clerk09 clerk"),
        ("super01", "operator.role", "clerk09: clerk → agent"),
        ("super01", "operator.disable", "clerk09"),
        ("super01", "operator.enable", "clerk09"),
    ]
    assert station.audit.verify().ok


def test_bad_values_never_save(station: Station, clock_ops: tuple[OperatorService, Clock]) -> None:
    ops, _ = clock_ops
    for args, code in (
        (("x", "名", Role.CLERK, "secret99"), "operator.id"),
        (("clerk09", " ", Role.CLERK, "secret99"), "operator.name"),
        (("clerk09", "名", Role.CLERK, "123"), "operator.password"),
        (("clerk01", "名", Role.CLERK, "secret99"), "operator.duplicate"),
    ):
        with pytest.raises(WindowDeskError) as info:
            ops.create("super01", *args)
        assert info.value.code == code
    assert [s.id for s in ops.roster()] == ["agent01", "clerk01", "clerk02", "super01"]


def test_the_last_supervisor_cannot_be_disabled_or_demoted(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    with pytest.raises(WindowDeskError) as info:
        ops.set_active("super01", "super01", False)
    assert info.value.code == "operator.self"
    ops.create("super01", "super02", "副站长", Role.SUPERVISOR, "secret99")
    ops.set_role("super02", "super01", Role.CLERK)  # another supervisor remains: allowed
    with pytest.raises(WindowDeskError) as info:
        ops.set_active("super01", "super02", False)
    assert info.value.code == "auth.forbidden"  # super01 is a clerk now


def test_five_failures_lock_then_the_lock_expires(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, clock = clock_ops
    codes = []
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthError) as info:
            ops.verify("clerk01", "wrong-password")
        codes.append(info.value.code)
    failed, left = "auth.failed", "auth.failed_left"
    assert codes == [failed, failed, left, left, "auth.locked"]
    # locked: even the right password is refused, and the screen learns for how long
    with pytest.raises(AuthError) as info:
        ops.verify("clerk01", PASSWORD)
    assert info.value.code == "auth.locked" and info.value.details["minutes"] == LOCK_MINUTES
    assert next(s for s in ops.roster() if s.id == "clerk01").locked
    clock.at += timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert ops.verify("clerk01", PASSWORD).id == "clerk01"
    assert not next(s for s in ops.roster() if s.id == "clerk01").locked
    logged = [a[1] for a in actions(station) if a[0] == "clerk01"]
    assert logged.count("login_failed") == MAX_FAILURES
    assert "operator.locked" in logged and "login_locked" in logged and logged[-1] == "login"


def test_a_success_resets_the_count(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthError):
            ops.verify("clerk01", "wrong-password")
    ops.verify("clerk01", PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthError):
            ops.verify("clerk01", "wrong-password")
    assert not next(s for s in ops.roster() if s.id == "clerk01").locked


def test_a_supervisor_unlocks_before_the_time(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthError):
            ops.verify("clerk01", "wrong-password")
    ops.unlock("super01", "clerk01")
    assert ops.verify("clerk01", PASSWORD).id == "clerk01"


def test_unknown_operators_are_not_told_apart(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    for _ in range(MAX_FAILURES + 2):
        with pytest.raises(AuthError) as info:
            ops.verify("nobody", "wrong-password")
        assert info.value.code == "auth.failed"


def test_a_reset_password_must_be_changed_at_next_login(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthError):
            ops.verify("clerk01", "forgotten")
    ops.reset_password("super01", "clerk01", "temp1234")  # also ends the lock
    with pytest.raises(AuthError):
        ops.verify("clerk01", PASSWORD)  # the old password is gone
    operator = ops.verify("clerk01", "temp1234")
    assert operator.must_change_password
    with pytest.raises(WindowDeskError) as info:
        ops.change_password("clerk01", "temp1234", "temp1234")
    assert info.value.code == "operator.same_password"
    changed = ops.change_password("clerk01", "temp1234", "mine-now")
    assert not changed.must_change_password
    assert not ops.verify("clerk01", "mine-now").must_change_password


def _push(station: Station, **change: Any) -> dict[str, int]:
    return station.apply_remote([{"kind": "operator", **change}], "c1")


def test_the_platforms_list_wins_both_ways(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    ops.set_active("super01", "clerk02", False)  # disabled here …
    assert _push(station, id="clerk02", name="陈静", role="clerk", active=True)["applied"] == 1
    assert next(s for s in ops.roster() if s.id == "clerk02").active  # … the platform wins
    assert ops.verify("clerk02", PASSWORD).id == "clerk02"
    # enabled here, disabled by the platform: disabled, and the login says so
    _push(station, id="clerk01", name="李明", role="clerk", active=False)
    with pytest.raises(AuthError):
        ops.verify("clerk01", PASSWORD)
    # a later local change stands until the platform sends that operator again
    ops.set_active("super01", "clerk01", True)
    assert ops.verify("clerk01", PASSWORD).id == "clerk01"
    pushed = [a for a in actions(station) if a[1] == "operator.platform"]
    assert pushed[0] == (
        "platform",
        "operator.platform",
        "clerk02: 陈静 clerk disabled → 陈静 clerk active",
    )
    assert station.audit.verify().ok


def test_a_platform_password_ends_a_local_forced_change(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    ops.reset_password("super01", "clerk01", "temp1234")
    platform_hash = PasswordHasher(time_cost=1, memory_cost=1024).hash("from-platform")
    _push(
        station, id="clerk01", name="李明", role="clerk", active=True, password_hash=platform_hash
    )
    operator = ops.verify("clerk01", "from-platform")
    assert not operator.must_change_password


def test_a_pushed_unknown_role_is_a_conflict_not_a_broken_list(
    station: Station, clock_ops: tuple[OperatorService, Clock]
) -> None:
    ops, _ = clock_ops
    counts = _push(station, id="clerk01", name="李明", role="root", active=True)
    assert counts["conflicts"] == 1
    assert next(s for s in ops.roster() if s.id == "clerk01").role is Role.CLERK
