"""办不成事 complaints travel to the platform and its follow-up comes back, on a real hub
process over loopback: recorded offline, pushed once the hub answers, updated by each step;
the platform's follow-up (CLI) moves the station's complaint forward, never back; what the
hub refuses and a follow-up for a complaint the station does not have."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.services.complaints import ComplaintState
from intake.station import Station
from sync.hub.db import make_engine
from sync.hub.errors import HubError
from sync.hub.loopback import free_port
from sync.hub.service import Hub
from tests.sync.hubproc import HubProcess, admin
from tests.sync.stations import engine_for, enrol_station


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def _record(st: Station) -> str:
    c = st.complaints.record(
        what="办理居住证被要求回户籍地开具证明",
        where_failed="综合窗口·材料审核",
        phone="13874561234",
        operator_id="clerk01",
        citizen_name="刘建国",
    )
    return c.number


def _held(hub: HubProcess, number: str) -> dict:
    found = [c for c in Hub(make_engine(hub.db_url)).complaints() if c["number"] == number]
    assert len(found) == 1, found
    return found[0]


def test_recorded_offline_then_synced_and_followed_up(hub: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub.db_url, hub.url, d)
    dead = f"http://127.0.0.1:{free_port()}"
    with Station.open(d) as st:
        number = _record(st)  # the network is down: recorded all the same
        assert number.startswith(f"{code}-BC-")
        offline = engine_for(st, dead, attempts=1).run_round()
        assert offline.state != "ok"
        waiting = [i for i in st.outbox.pending() if i.entity == "complaint"]
        assert [(i.op, i.case_number) for i in waiting] == [("complaint.record", number)]
        st.complaints.advance(
            number, ComplaintState.DISPATCHED, operator_id="super01", note="县人社局"
        )
        assert engine_for(st, hub.url).run_round().state == "ok"
        assert [i for i in st.outbox.pending() if i.entity == "complaint"] == []
    held = _held(hub, number)
    assert held["station"] == code and held["version"] == 2  # recorded, then dispatched
    assert held["record"]["state"] == "dispatched" and held["record"]["dispatched_to"] == "县人社局"
    assert held["record"]["phone"] == "13874561234" and held["followup"]["state"] == ""

    # the platform follows it up (the admin CLI, as an operator of the hub would)
    rc, out, err = admin(
        hub.db_url,
        "complaint-followup",
        number,
        "handled",
        "--note",
        "已补开证明",
        "--by",
        "县人社局",
    )
    assert rc == 0, err
    assert json.loads(out)["state"] == "handled"
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().state == "ok"
        c = st.complaints.get(number)
        assert c.state is ComplaintState.HANDLED and c.handling_note == "已补开证明"
        assert c.dispatched_to == "县人社局"  # the station's own step stands
        # the station closes it (its call-back); the platform's older word never reopens it
        st.complaints.advance(
            number, ComplaintState.CLOSED, operator_id="super01", note="已回访，群众满意"
        )
        assert engine_for(st, hub.url).run_round().state == "ok"
    rc, _, err = admin(hub.db_url, "complaint-followup", number, "dispatched", "--note", "重派")
    assert rc == 0, err
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().state == "ok"
        c = st.complaints.get(number)
        assert c.state is ComplaintState.CLOSED and c.closing_note == "已回访，群众满意"
        with st.db.read() as s:
            from sqlalchemy import text

            audit = list(
                s.execute(
                    text("SELECT operator_id, detail FROM audit_log WHERE action = 'complaint'")
                ).all()
            )
    held = _held(hub, number)
    assert held["record"]["state"] == "closed" and held["version"] == 3
    assert held["followup"] == {**held["followup"], "state": "dispatched", "note": "重派"}
    assert ("platform", f"platform handled {number}") in audit
    assert ("platform", f"platform dispatched {number} (already closed)") in audit


def test_what_the_hub_refuses_and_an_unknown_follow_up(hub: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st2"
    enrol_station(hub.db_url, hub.url, d)
    with Station.open(d) as st:
        number = _record(st)
        # the store is edited as a buggy station would: a number that is not its own
        with st.db.write() as s:
            from sqlalchemy import text

            s.execute(
                text("UPDATE outbox SET payload_json = :p, sha256 = :h WHERE entity='complaint'"),
                _forged(st, number),
            )
        assert engine_for(st, hub.url).run_round().state == "ok"
        refused = [i for i in st.outbox.quarantined() if i.entity == "complaint"]
        assert [(i.result or {}).get("code") for i in refused] == ["op.payload_invalid"]
    rc, _, err = admin(
        hub.db_url, "complaint-followup", "NOPE-BC-20261201-001", "closed", "--note", "x"
    )
    assert rc != 0 and "complaint.unknown" in err
    central = Hub(make_engine(hub.db_url))
    with pytest.raises(HubError) as refused_state:
        central.follow_up_complaint(number, "reopened", note="x")
    assert refused_state.value.code == "complaint.bad_state"
    with pytest.raises(HubError) as never_arrived:  # refused at push: the hub holds none
        central.follow_up_complaint(number, "closed", note="x")
    assert (never_arrived.value.status, never_arrived.value.code) == (404, "complaint.unknown")


def _forged(st: Station, number: str) -> dict[str, str]:
    from intake.canonical import canonical_json, sha256_hex

    item = next(i for i in st.outbox.pending() if i.entity == "complaint")
    payload = item.payload
    payload["complaint"]["number"] = "OTHER-BC-20261201-001"  # differs from the item's
    body = canonical_json(payload)
    return {"p": body, "h": sha256_hex(body)}
