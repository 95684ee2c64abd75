"""Every ``for_case`` takes the case id or the case number; an unknown case is an error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from intake.errors import NotFound
from intake.requests import parse_request
from intake.station import Station

TODAY = date(2026, 11, 20)
Req = Callable[..., dict[str, Any]]


def test_for_case_takes_the_id_or_the_number(station: Station, make_request: Req) -> None:
    view = station.cases.accept(parse_request(make_request(), today=TODAY))
    station.print_jobs.create(
        view.case_id, "acceptance", printer="office", reprint=False, operator_id="clerk01"
    )
    station.attachments.add(
        view.case_id,
        b"scan",
        material_id="M_ID",
        filename="id.jpg",
        mime="image/jpeg",
        operator="clerk01",
    )
    number = view.case_number
    refs = [view.case_id, number, f"  {number.lower()} "]
    services: dict[str, Callable[[str], list[Any]]] = {
        "outbox": station.outbox.for_case,
        "print_jobs": station.print_jobs.for_case,
        "attachments": station.attachments.for_case,
        "audit": station.audit.for_case,
    }
    for name, for_case in services.items():
        by_id, *by_others = (for_case(ref) for ref in refs)
        assert by_id, name  # the case has rows in every one of them
        for other in by_others:
            assert other == by_id, name


@pytest.mark.parametrize("service", ["outbox", "print_jobs", "attachments", "audit"])
def test_an_unknown_case_is_not_found_not_an_empty_list(station: Station, service: str) -> None:
    for_case = getattr(station, service).for_case
    with pytest.raises(NotFound) as caught:
        for_case("CSX001-20261120-99999")
    assert caught.value.code == "case.not_found"
