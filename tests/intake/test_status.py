from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.errors import IllegalTransition
from intake.status import (
    FINAL,
    TRANSITIONS,
    Actor,
    Status,
    allowed_targets,
    check_transition,
)


def test_station_decides_up_to_acceptance() -> None:
    for target in (Status.ACCEPTED, Status.SUPPLEMENT, Status.REJECTED):
        check_transition(Status.RECEIVED, target, Actor.STATION)
    check_transition(Status.SUPPLEMENT, Status.ACCEPTED, Actor.STATION)
    check_transition(Status.COMPLETED, Status.DELIVERED, Actor.STATION)


@pytest.mark.parametrize("target", [Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED])
def test_department_steps_belong_to_the_platform(target: Status) -> None:
    frm = {
        Status.UNDERTAKEN: Status.ACCEPTED,
        Status.REVIEWED: Status.UNDERTAKEN,
        Status.APPROVED: Status.REVIEWED,
    }[target]
    check_transition(frm, target, Actor.PLATFORM)
    with pytest.raises(IllegalTransition) as err:
        check_transition(frm, target, Actor.STATION)
    assert err.value.code == "case.transition_not_allowed_here"


def test_illegal_transitions_are_typed() -> None:
    with pytest.raises(IllegalTransition) as err:
        check_transition(Status.RECEIVED, Status.COMPLETED, Actor.PLATFORM)
    assert err.value.code == "case.illegal_transition"
    assert err.value.details == {"from": "received", "to": "completed", "actor": "platform"}
    with pytest.raises(IllegalTransition):
        check_transition(Status.REJECTED, Status.ACCEPTED, Actor.STATION)
    with pytest.raises(IllegalTransition):
        check_transition(Status.DELIVERED, Status.WITHDRAWN, Actor.STATION)


def test_every_status_is_reachable_from_received() -> None:
    seen, todo = {Status.RECEIVED}, [Status.RECEIVED]
    while todo:
        current = todo.pop()
        for actor in Actor:
            for nxt in allowed_targets(current, actor):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
    assert seen == set(Status)
    assert all(actors for actors in TRANSITIONS.values())


@given(
    st.lists(st.tuples(st.sampled_from(list(Status)), st.sampled_from(list(Actor))), max_size=30)
)
def test_random_walks_only_take_listed_transitions(steps: list[tuple[Status, Actor]]) -> None:
    """Whatever is tried, a case only ever moves along TRANSITIONS (or withdraws)."""
    current = Status.RECEIVED
    for target, actor in steps:
        try:
            check_transition(current, target, actor)
        except IllegalTransition:
            continue
        assert (current, target) in TRANSITIONS or target is Status.WITHDRAWN
        assert target in allowed_targets(current, actor)
        current = target
    if current in FINAL:
        assert allowed_targets(current, Actor.STATION) == []
