"""The quarantine against a real hub: a returned item never blocks the items behind it, and
a clerk resolves it by resending the case as it is now or discarding it with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from intake.errors import WindowDeskError
from intake.station import Station
from intake.store.models import OutboxRow
from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, engine_for, enrol_station


def _damage_first_item(station: Station) -> str:
    """The first case's creation, damaged on this computer: its bytes no longer match their
    digest, so the platform returns it (op.digest_mismatch)."""
    first = station.outbox.pending(limit=1)[0]
    damaged = first.payload_json.replace(b'"special_procedure":false', b'"special_procedure":true')
    assert damaged != first.payload_json
    with station.db.write() as session:
        session.execute(
            update(OutboxRow).where(OutboxRow.op_id == first.op_id).values(payload_json=damaged)
        )
    return first.op_id


def _at_hub(db_url: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in Hub(make_engine(db_url)).export():
        counts[case["case_number"]] = counts.get(case["case_number"], 0) + 1
    return counts


def test_a_returned_item_does_not_block_and_resending_sends_the_case_once(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    numbers = add_cases(data, 3)
    with Station.open(data) as station:
        bad = _damage_first_item(station)
        bad_case = station.outbox.pending(limit=1)[0].case_number
        report = engine_for(station, sqlite_hub.url).run_round()
        assert report.state == "ok" and report.rejected == 1
        stats = station.outbox.stats()
        assert stats["pending"] == 0 and stats["quarantined"] == 1  # the rest went through
        returned = station.quarantine.returned()
        assert [(r.op_id, r.code) for r in returned] == [(bad, "op.digest_mismatch")]
        assert returned[0].case_number == bad_case and returned[0].applicant_name
        assert station.cases.get(bad_case).sync_state == "rejected"
        at_hub = _at_hub(sqlite_hub.db_url)
        assert bad_case not in at_hub
        assert all(at_hub[n] == 1 for n in numbers if n != bad_case)

        new_op = station.quarantine.resend(bad, "clerk01")
        assert station.quarantine.returned() == []
        assert [w.op_id for w in station.quarantine.waiting()] == [new_op]
        assert station.cases.get(bad_case).sync_state == "waiting"
        with pytest.raises(WindowDeskError) as twice:
            station.quarantine.resend(bad, "clerk01")
        assert twice.value.code == "quarantine.not_found"

        report = engine_for(station, sqlite_hub.url).run_round()
        assert report.state == "ok" and report.acked == 1 and report.rejected == 0
        assert station.cases.get(bad_case).sync_state == "acknowledged"
        assert station.outbox.stats()["quarantined"] == 0
        actions = [e.action for e in station.audit.for_case(bad_case)]
    assert "quarantine_resend" in actions
    assert _at_hub(sqlite_hub.db_url)[bad_case] == 1


def test_discarding_a_returned_item_needs_a_reason_and_is_audited(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, data)
    add_cases(data, 1)
    with Station.open(data) as station:
        bad = _damage_first_item(station)
        number = station.outbox.pending(limit=1)[0].case_number
        engine_for(station, sqlite_hub.url).run_round()
        with pytest.raises(WindowDeskError) as empty:
            station.quarantine.discard(bad, "  ", "clerk01")
        assert empty.value.code == "quarantine.reason_required"
        assert len(station.quarantine.returned()) == 1  # nothing changed
        station.quarantine.discard(bad, "申请人撤回，不再上报", "clerk01")
        assert station.quarantine.returned() == []
        assert station.outbox.stats()["quarantined"] == 0
        assert station.cases.get(number).sync_state == "saved"  # honest: never reached it
        entries = [e for e in station.audit.for_case(number) if e.action == "quarantine_discard"]
    assert entries and "申请人撤回" in entries[0].detail and entries[0].operator_id == "clerk01"
