from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intake.demo import make_person, seed_station
from intake.station import Station


@pytest.fixture
def station(data_dir: Path) -> Iterator[Station]:
    st = Station.open(data_dir)
    seed_station(st)
    yield st
    st.close()


@pytest.fixture
def fixed_now() -> datetime:
    return datetime(2026, 11, 20, 2, 30, tzinfo=UTC)  # Friday 10:30 in Changsha


def first_matter(
    station: Station, *, immediate: bool | None = None, deferrable: bool = False
) -> Any:
    for matter in sorted(station.catalog.matters.values(), key=lambda m: m.code):
        if immediate is not None and matter.immediate != immediate:
            continue
        if deferrable and not any(n.may_defer for n in matter.materials):
            continue
        return matter
    raise LookupError("no such matter in the demo catalog")


def full_request(station: Station, matter_code: str, **overrides: Any) -> dict[str, Any]:
    """A complete, valid request for one matter: every material received, form filled."""
    import random

    from intake.catalog.merge import merge_requirements
    from intake.demo import _field_value

    rng = random.Random(7)
    person = make_person(rng)
    merged = merge_requirements(station.catalog, [matter_code])
    form = {}
    for req in merged.fields:
        value = _field_value(rng, req.field, person, datetime.now(UTC).date())
        if value is not None:
            form[req.key] = value
    request: dict[str, Any] = {
        "matters": [matter_code],
        "applicant": {
            "name": person.name,
            "doc_type": "resident",
            "id_number": person.id_number,
            "phone": person.phone,
        },
        "materials": {n.id: {"state": "original", "copies": n.copies} for n in merged.materials},
        "form": form,
        "decision": "accept",
        "operator": "clerk01",
    }
    request.update(overrides)
    return request
