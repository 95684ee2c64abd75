"""A department's 补正 after acceptance travels from the hub to the station with what it asks
for (materials, note, 补正期限), is stored with the case and never lost; the hub refuses a 补正
that names nothing (法制审核: issue 10, item 11)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from intake.clock import CST
from intake.services.remote import PULL_CONFLICTS_KEY, change_problem
from intake.station import Station
from intake.status import Status
from intake.views import RequestedMaterial
from sync.hub.db import make_engine
from sync.hub.errors import HubError
from sync.hub.service import Hub
from tests.sync.hubproc import HubProcess, admin
from tests.sync.stations import add_cases, engine_for, enrol_station


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def _accepted(central: Hub, code: str) -> list[str]:
    return [
        c["case_number"]
        for c in central.export()
        if c["status"] == "accepted" and c["station"] == code
    ]


def test_a_department_supplement_arrives_with_its_request(hub: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub.db_url, hub.url, d)
    add_cases(d, 8)
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().state == "ok"
    central = Hub(make_engine(hub.db_url))
    first, second, *_ = _accepted(central, code)
    with pytest.raises(HubError) as err:  # a 补正 that asks for nothing is no 补正
        central.decide(first, "supplement", department="县民政局", due_days=10)
    assert (err.value.status, err.value.code) == (400, "decide.supplement_materials")
    with pytest.raises(HubError) as err:
        central.decide(first, "supplement", materials=[("户口簿", "")])
    assert err.value.code == "decide.supplement_due"
    rc, _out, err_text = admin(
        hub.db_url,
        "decide",
        first,
        "supplement",
        "--department",
        "县民政局",
        "--note",
        "户籍信息与申请表不一致",
        "--material",
        "居民户口簿：原件，含本人页",
        "--material",
        "村（居）委会出具的居住证明",
        "--due-days",
        "15",
    )
    assert rc == 0, err_text
    central.decide(
        second,
        "supplement",
        department="县民政局",
        materials=[("银行卡", "复印件1份")],
        due_date="2026-12-31",
    )
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().pulled == 2
        view = st.cases.get(first)
        other = st.cases.get(second)
        assert st.sync_state.get(PULL_CONFLICTS_KEY, []) == []
    assert view.status is Status.SUPPLEMENT
    [asked] = view.supplement_requests
    assert asked.department == "县民政局" and asked.note == "户籍信息与申请表不一致"
    assert asked.materials == (
        RequestedMaterial("居民户口簿", "原件，含本人页"),
        RequestedMaterial("村（居）委会出具的居住证明", ""),
    )
    assert asked.due == asked.at.astimezone(CST).date() + timedelta(days=15)
    assert other.supplement_requests[0].due == date(2026, 12, 31)


def test_a_malformed_request_is_a_pull_conflict_not_a_stall() -> None:
    base = {
        "kind": "case.status",
        "case_id": "x",
        "status": "supplement",
        "at": datetime(2026, 12, 1, tzinfo=CST).isoformat(),
    }
    assert change_problem({**base, "supplement_request": {"materials": []}}) is not None
    assert change_problem({**base, "supplement_request": {"materials": [{"name": " "}]}})
    bad_days = {"materials": [{"name": "户口簿"}], "due_days": 0}
    assert change_problem({**base, "supplement_request": bad_days}) is not None
    both = {"materials": [{"name": "户口簿"}], "due_days": 3, "due_date": "2026-12-09"}
    assert change_problem({**base, "supplement_request": both}) is not None
    wrong = {**base, "status": "undertaken", "supplement_request": {"materials": [{"name": "a"}]}}
    assert change_problem(wrong) is not None
    ok = {"materials": [{"name": "户口簿", "requirement": "原件"}], "due_days": 5}
    assert change_problem({**base, "supplement_request": ok}) is None
