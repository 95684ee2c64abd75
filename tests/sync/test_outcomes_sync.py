"""A department's 不予 decision travels from the hub to the station with its reasons and
basis, and the hub refuses a 办结 without its result (法制审核: issue 10, item 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.station import Station
from intake.status import Outcome, Status
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


def test_a_refusal_reaches_the_station_with_its_grounds(hub: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub.db_url, hub.url, d)
    add_cases(d, 6)
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().state == "ok"
    central = Hub(make_engine(hub.db_url))
    number = next(
        c["case_number"]
        for c in central.export()
        if c["status"] == "accepted" and c["station"] == code
    )
    for status in ("undertaken", "reviewed", "approved"):
        central.decide(number, status, department="县民政局")
    with pytest.raises(HubError) as err:
        central.decide(number, "completed", department="县民政局")
    assert (err.value.status, err.value.code) == (400, "case.outcome_required")
    rc, _, refused = admin(hub.db_url, "decide", number, "completed", "--outcome", "refused")
    assert rc != 0 and "case.outcome_reason" in refused  # no grounds: refused, nothing queued
    rc, _, err_text = admin(
        hub.db_url,
        "decide",
        number,
        "completed",
        "--outcome",
        "refused",
        "--reason",
        "申请人不符合发放条件",
        "--basis",
        "《湖南省高龄津贴发放办法》第五条",
        "--department",
        "县民政局",
    )
    assert rc == 0, err_text
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().pulled == 4
        view = st.cases.get(number)
    assert view.status is Status.COMPLETED and view.outcome is not None
    assert view.outcome.result is Outcome.REFUSED
    assert (view.outcome.reason, view.outcome.legal_basis, view.outcome.decided_by) == (
        "申请人不符合发放条件",
        "《湖南省高龄津贴发放办法》第五条",
        "县民政局",
    )
