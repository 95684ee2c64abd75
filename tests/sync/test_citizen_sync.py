"""好差评 and on-screen signatures recorded offline reach the platform in the next round:
real station, real hub over loopback (uvicorn, SQLite)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from intake.station import Station
from intake.status import Status
from sync.client.transport import HubClient
from sync.hub import db
from sync.hub.db import make_engine
from tests.intake.test_evaluation import png
from tests.sync.hubproc import HubProcess
from tests.sync.stations import add_cases, engine_for, enrol_station


def test_a_rating_and_a_signature_made_offline_sync_later(
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
        number = case.case_number
        department = st.cases.get(number).departments[0]
        # offline: nothing talks to the hub while these are recorded
        st.cases.evaluate(
            number,
            1,
            "材料一次没讲清",
            operator="clerk01",
            department=department,
            reasons=("not_told_once",),
        )
        image = png()
        sig = st.attachments.add(
            number,
            image,
            material_id=None,
            filename="signature-acceptance.png",
            mime="image/png",
            operator="clerk01",
            kind="signature",
            document="acceptance",
            strokes=2,
        )
        assert st.cases.get(number).sync_state == "waiting"
        engine = engine_for(st, sqlite_hub.url)
        report = engine.run_round()
        assert report.state == "ok" and report.rejected == report.conflicts == 0, report.error
        assert report.attachments_uploaded == 1
        assert st.cases.get(number).sync_state == "acknowledged"
        with HubClient(sqlite_hub.url) as client:
            assert client.attachment_offset(engine._access_token(), sig.sha256) == (
                len(image),
                True,
            )
        case_id = st.cases.get(number).id
    with make_engine(sqlite_hub.db_url).connect() as conn:
        events = conn.execute(
            select(db.case_events.c.kind, db.case_events.c.body)
            .where(db.case_events.c.case_id == case_id)
            .order_by(db.case_events.c.seq)
        ).all()
    kinds = [e.kind for e in events]
    assert "case.evaluation" in kinds and kinds[-1] == "case.materials"
    rated = json.loads(next(e.body for e in events if e.kind == "case.evaluation"))
    [given] = rated["evaluations"]
    assert (given["level"], given["reasons"], given["department"]) == (
        1,
        ["not_told_once"],
        department,
    )
    signed = json.loads(events[-1].body)["history"][-1]
    assert (signed["event"], signed["note"]) == ("signed", f"acceptance:{sig.sha256}")
