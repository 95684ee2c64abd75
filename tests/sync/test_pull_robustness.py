"""Sync never stalls on one bad change: a real hub serves malformed changes to a real
station; each becomes a recorded pull conflict with its reason, the cursor moves on, the good
change behind them applies, and the next round is clean. An unforeseen failure inside a round
ends it in an honest ``error`` state with a code, and the next round goes on."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intake.station import Station
from sync.client.engine import K_CURSOR, K_LAST_ERROR, K_STATE
from sync.hub import db
from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.sync.hubproc import HubProcess, sync_cli
from tests.sync.stations import add_cases, engine_for, enrol_station


def serve_raw_change(db_url: str, station_code: str, body: Any, kind: str) -> int:
    """Queue ``body`` as a change for ``station_code`` the way the hub queues any change
    (under its sequence lock), without the checks ``Hub.decide`` makes: what a buggy platform
    adapter or a hostile hub could serve."""
    hub = Hub(make_engine(db_url))

    def work(conn: Connection) -> int:
        seq = Hub._take_seqs(conn, 1)
        station_id = conn.execute(
            select(db.stations.c.id).where(db.stations.c.code == station_code)
        ).scalar_one()
        conn.execute(
            db.changes.insert().values(
                seq=seq,
                station_id=station_id,
                kind=kind,
                body=json.dumps(body, ensure_ascii=False),
                created_at=datetime.now(UTC),
            )
        )
        return seq

    seq: int = hub._write(work)
    hub.engine.dispose()
    return seq


def test_malformed_pulled_changes_are_conflicts_and_the_cursor_moves_on(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    add_cases(d, 6)
    with Station.open(d) as st:
        assert engine_for(st, sqlite_hub.url).run_round().state == "ok"
    hub = Hub(make_engine(sqlite_hub.db_url))
    case = next(c for c in hub.export() if c["station"] == code and c["status"] == "accepted")
    now = datetime.now(UTC).isoformat()
    base = {"kind": "case.status", "case_id": case["case_id"], "case_number": case["case_number"]}
    bad = [
        ({**base, "status": "bogus", "at": now, "department": "县民政局", "note": ""}, "status"),
        ({**base, "status": "undertaken", "at": "yesterday", "department": "", "note": ""}, "ISO"),
        ({"kind": "operator", "name": "王五", "role": "clerk"}, "id"),
        ({"kind": "case.verdict", "case_id": case["case_id"]}, "kind"),
        ({**base, "at": now}, "status"),
    ]
    for body, _ in bad:
        serve_raw_change(sqlite_hub.db_url, code, body, str(body["kind"]))
    hub.decide(case["case_number"], "undertaken", note="同意", department="县民政局")

    with Station.open(d) as st:
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.state == "ok", report.error
        assert report.pull_conflicts == len(bad)
        # The good decision behind the bad ones applied; the cursor is at the hub's head.
        assert st.cases.get(case["case_id"]).status.value == "undertaken"
        cursor = st.sync_state.get(K_CURSOR)
        assert cursor
        again = engine_for(st, sqlite_hub.url).run_round()
        assert again.state == "ok" and again.pulled == 0 and again.pull_conflicts == 0
        assert st.sync_state.get(K_CURSOR) == cursor

    status = json.loads(sync_cli("--data-dir", str(d), "status", "--json").stdout)
    assert status["state"] == "ok"
    assert status["pull_conflicts"] == len(bad)
    listed = status["pull_conflict_list"]
    assert [c["code"] for c in listed] == ["sync.change_invalid"] * len(bad)
    for entry, (_, reason) in zip(listed, bad, strict=True):
        assert reason in entry["message"], entry
        assert isinstance(entry["seq"], int)
    hub.engine.dispose()


class _BrokenApply:
    """A real station whose first ``apply_remote`` fails as a bug would (not a SyncError)."""

    def __init__(self, station: Station) -> None:
        self._station = station
        self.failures = 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self._station, name)

    def apply_remote(self, changes: list[dict[str, Any]], next_cursor: str) -> dict[str, int]:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("simulated bug while applying a page")
        return self._station.apply_remote(changes, next_cursor)


def test_an_unforeseen_failure_ends_the_round_in_error_with_a_code(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    add_cases(d, 3)
    with Station.open(d) as st:
        broken = _BrokenApply(st)
        engine = engine_for(broken, sqlite_hub.url)  # type: ignore[arg-type]
        report = engine.run_round()  # must not raise
        assert report.state == "error"
        assert report.error is not None and report.error["error"] == "sync.internal_error"
        assert report.error["details"]["exception"] == "RuntimeError"
        assert st.sync_state.get(K_STATE) == "error"
        assert st.sync_state.get(K_LAST_ERROR)["error"] == "sync.internal_error"
        assert report.left == 0  # the push before the failure was recorded
        again = engine.run_round()
        assert again.state == "ok" and again.pages >= 1
