"""A bundle's 情形 answers through the request and the case service."""

from __future__ import annotations

import json
from datetime import date

import pytest

from intake.errors import RequestError
from intake.requests import parse_request
from intake.station import Station
from tests.catalog.test_situations import SITUATIONS, doc_with
from tests.intake.conftest import request


def test_a_case_is_recorded_with_its_answers(station: Station) -> None:
    station.catalogs.load(json.dumps(doc_with(SITUATIONS), ensure_ascii=False).encode())
    raw = request(
        matters=None,
        bundle="YJS-TEST",
        answers={"pension": False, "proof": "none"},
    )
    del raw["matters"]
    result = station.cases.accept(parse_request(raw, today=date(2026, 11, 20)))
    view = station.cases.get(result.case_id)
    assert [m.code for m in view.matters] == ["MZ-GLJT"]
    assert [m.material_id for m in view.materials] == ["M_ID", "M_HKB"]
    bad = dict(raw, answers={"pension": "maybe"})
    with pytest.raises(RequestError) as err:
        station.cases.check(parse_request(bad, today=date(2026, 11, 20)))
    assert {p.code for p in err.value.problems} == {"bundle.answer", "bundle.unanswered"}


def test_answers_belong_to_a_bundle() -> None:
    with pytest.raises(RequestError) as err:
        parse_request(request(answers={"pension": "no"}), today=date(2026, 11, 20))
    assert [p.code for p in err.value.problems] == ["request.answers"]
