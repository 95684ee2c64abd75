"""帮办代办: the village agent's own card, kept per operator, recorded on their cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from intake.errors import WindowDeskError
from intake.requests import parse_request
from intake.station import Station

AGENT = {
    "name": "王芳",
    "doc_type": "resident",
    "id_number": "11010519491231002x",
    "sex": "2",
    "address": "长沙县某村",
    "photo": "not kept",
}


def test_the_agents_own_card_is_kept_and_audited(station: Station) -> None:
    assert station.agent_cards.own("agent01") is None
    kept = station.agent_cards.remember("agent01", AGENT)
    assert kept["id_number"] == "11010519491231002X"  # normalised
    assert "photo" not in kept
    assert station.agent_cards.own("agent01") == kept
    assert station.agent_cards.own("clerk01") is None  # per operator
    again = station.agent_cards.remember("agent01", {**AGENT, "phone": "13907310001"})
    assert station.agent_cards.own("agent01") == again and again["phone"] == "13907310001"
    with station.db.read() as session:
        from sqlalchemy import select

        from intake.store.models import AuditRow

        actions = session.scalars(
            select(AuditRow.action).where(AuditRow.operator_id == "agent01")
        ).all()
    assert actions.count("agent_card") == 2


@pytest.mark.parametrize(
    ("person", "code"),
    [
        ({"name": "王芳"}, "agent.card_incomplete"),
        ({"id_number": "11010519491231002X"}, "agent.card_incomplete"),
        ({"name": "王芳", "id_number": "110105194912310021"}, "agent.card_invalid"),
    ],
)
def test_an_unusable_card_is_refused_with_its_reason(
    station: Station, person: dict[str, Any], code: str
) -> None:
    with pytest.raises(WindowDeskError) as refused:
        station.agent_cards.remember("agent01", person)
    assert refused.value.code == code
    assert station.agent_cards.own("agent01") is None


def test_a_village_case_taken_with_the_kept_card_records_both_people(
    station: Station, make_request: Callable[..., dict[str, Any]]
) -> None:
    agent = station.agent_cards.remember("agent01", {**AGENT, "phone": "13907310001"})
    raw = make_request(channel="village", operator="agent01", agent=agent)
    number = station.cases.accept(parse_request(raw, today=date(2026, 11, 20))).case_number
    case = station.cases.get(number)
    assert case.agent is not None and case.agent.name == "王芳"
    assert case.agent.id_number == "11010519491231002X"
    assert case.applicant.name != case.agent.name and case.operator_id == "agent01"
