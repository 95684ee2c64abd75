"""好差评: one rating per case and department, refused by the hub too (a conflict item with the
typed code ``evaluation.duplicate``); the hub keeps the first. Real station, real hub over
loopback."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, update

from intake.station import Station
from intake.status import Status
from intake.store.models import CaseRow
from sync.hub import db
from sync.hub.db import make_engine
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, engine_for, enrol_station


def _hub_ratings(db_url: str, case_id: str) -> list[dict[str, object]]:
    with make_engine(db_url).connect() as conn:
        bodies = conn.execute(
            select(db.case_events.c.body)
            .where(db.case_events.c.case_id == case_id, db.case_events.c.kind == "case.evaluation")
            .order_by(db.case_events.c.seq)
        ).scalars()
        return [r for body in bodies for r in json.loads(body).get("evaluations", [])]


def test_the_hub_refuses_a_second_rating_for_a_department_and_keeps_the_first(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    add_cases(d, 6)
    with Station.open(d) as st:
        assert engine_for(st, sqlite_hub.url).run_round().state == "ok"
        case = next(
            c
            for c in st.cases.list(limit=50)
            if c.status is Status.ACCEPTED and not st.cases.get(c.case_number).evaluations
        )
        number, case_id = case.case_number, st.cases.get(case.case_number).id
        department = st.cases.get(number).departments[0]
        st.cases.evaluate(number, 5, operator="clerk01", department=department)
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.state == "ok" and report.conflicts == 0, report.error
        # The station's own copy loses its rating (a store restored from an older backup),
        # so it lets the citizen rate again: the second rating reaches the hub.
        with st.db.write() as session:
            session.execute(update(CaseRow).where(CaseRow.id == case_id).values(evaluation=None))
        st.cases.evaluate(
            number,
            1,
            "没有一次告知",
            operator="clerk01",
            department=department,
            reasons=("not_told_once",),
        )
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.conflicts == 1 and report.acked == 0
        [returned] = st.quarantine.returned()
        assert (returned.case_number, returned.code) == (number, "evaluation.duplicate")
    ratings = _hub_ratings(sqlite_hub.db_url, case_id)
    assert [(r["level"], r["department"]) for r in ratings] == [(5, department)]


def test_a_payload_rating_one_department_twice_is_refused(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Straight to the hub's push: the typed conflict carries the first rating."""
    from intake.canonical import canonical_json, sha256_hex
    from sync.client.transport import HubClient

    d = tmp_path / "st"
    enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    add_cases(d, 3)
    with Station.open(d) as st:
        engine = engine_for(st, sqlite_hub.url)
        assert engine.run_round().state == "ok"
        number = st.cases.list(limit=5)[0].case_number
        view = st.cases.get(number)
        department = view.departments[0]
        st.cases.evaluate(number, 4, operator="clerk01", department=department)
        assert engine.run_round().state == "ok"
        assert st.outbox.pending(limit=10) == []  # everything acknowledged
        token = engine._access_token()
        rated = _hub_ratings(sqlite_hub.db_url, view.id)
        assert [r["level"] for r in rated] == [4]
        payload = {
            "content": json.loads(_hub_content(sqlite_hub.db_url, view.id)),
            "status": view.status.value,
            "version": 10_000,
            "history": [],
            "evaluations": [{**rated[0], "level": 2, "reason": "再评一次"}],
        }
        body = canonical_json(payload)
        item = {
            "op_id": "0190f0a0-0000-7000-8000-00000000dead",
            "entity": "case",
            "entity_id": view.id,
            "case_number": number,
            "op": "case.evaluation",
            "base_version": 9_999,
            "schema_version": 1,
            "sha256": sha256_hex(body),
            "payload": payload,
        }
        batch = canonical_json({"batch_id": "rate-twice", "items": [item]})
        with HubClient(sqlite_hub.url) as client:
            answer = client.push(token, "rate-twice", batch)
    [result] = answer["results"]
    assert (result["outcome"], result["code"]) == ("conflict", "evaluation.duplicate")
    assert result["evaluation"]["level"] == 4
    assert [r["level"] for r in _hub_ratings(sqlite_hub.db_url, view.id)] == [4]


def _hub_content(db_url: str, case_id: str) -> str:
    with make_engine(db_url).connect() as conn:
        content: str = conn.execute(
            select(db.cases.c.content).where(db.cases.c.case_id == case_id)
        ).scalar_one()
    return content
