"""Concurrent writers on the real databases: no sequence gap is ever skipped by a reader, and
the same batch sent many times at once is applied once."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from intake.canonical import canonical_json
from sync.hub.db import make_engine
from sync.hub.service import Hub, StationAuth
from tests.sync.hubproc import PostgresCluster
from tests.sync.test_hub_protocol import _h, case_item, num, op_item


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Hub]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.db'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.create_db(f"conc{uuid.uuid4().hex[:8]}")
    engine = make_engine(url)
    try:
        yield Hub(engine)
    finally:
        engine.dispose()


def _station(hub: Hub, code: str) -> StationAuth:
    from sqlalchemy import select

    from sync.hub import db

    hub.enroll(hub.create_enrolment_code(code, code), uuid.uuid4().hex * 2)
    with hub.engine.connect() as conn:
        row = conn.execute(select(db.stations.c.id).where(db.stations.c.code == code)).one()
    return StationAuth(id=row.id, code=code, name=code)


def _accepted_cases(hub: Hub, station: StationAuth, n: int) -> list[str]:
    items = []
    for i in range(n):
        created = case_item(station.code, num(station.code, i))
        content = dict(created["payload"]["content"], accepted_at="2026-01-05T10:00:00+08:00")
        items.append(created)
        items.append(
            op_item(
                "case.transition", content, "accepted", 2, [_h(1, "received"), _h(2, "accepted")]
            )
        )
    key = uuid.uuid4().hex
    answer = hub.push(station, key, canonical_json({"batch_id": key, "items": items}))
    assert {r["outcome"] for r in answer["results"]} == {"applied"}
    return [num(station.code, i) for i in range(n)]


def test_pull_never_skips_a_concurrent_commit(central: Hub) -> None:
    station = _station(central, "CC1")
    numbers = _accepted_cases(central, station, 24)
    pulled: list[int] = []
    done = threading.Event()
    errors: list[BaseException] = []

    def decide(chunk: list[str]) -> None:
        try:
            for status in ("undertaken", "reviewed", "approved", "completed"):
                for number in chunk:
                    central.decide(
                        number, status, outcome="granted" if status == "completed" else None
                    )
        except BaseException as exc:
            errors.append(exc)

    def pull() -> None:
        cursor = None
        try:
            while True:
                finished = done.is_set()
                page = central.pull(station, cursor, 7)
                pulled.extend(c["seq"] for c in page["changes"])
                cursor = page["next_cursor"]
                if finished and not page["has_more"]:
                    return
        except BaseException as exc:
            errors.append(exc)

    deciders = [threading.Thread(target=decide, args=(numbers[i::4],)) for i in range(4)]
    reader = threading.Thread(target=pull)
    reader.start()
    for t in deciders:
        t.start()
    for t in deciders:
        t.join(120)
    done.set()
    reader.join(120)
    assert errors == []
    expected = sorted(d["seq"] for number in numbers for d in _decisions_with_seq(central, number))
    assert len(expected) == 24 * 4
    assert pulled == expected  # every decision, once, in sequence order, none skipped


def _decisions_with_seq(hub: Hub, number: str) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from sync.hub import db

    with hub.engine.connect() as conn:
        rows = conn.execute(
            select(db.case_events.c.seq)
            .join(db.cases, db.cases.c.case_id == db.case_events.c.case_id)
            .where(db.cases.c.case_number == number, db.case_events.c.source == "platform")
        ).all()
    return [{"seq": r.seq} for r in rows]


def test_the_same_batch_at_once_is_applied_once(central: Hub) -> None:
    station = _station(central, "CC2")
    items = [case_item("CC2", num("CC2", i)) for i in range(20)]
    key = uuid.uuid4().hex
    body = canonical_json({"batch_id": key, "items": items})
    answers: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            answers.append(central.push(station, key, body))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(answers) == 6
    assert all(a == answers[0] for a in answers)
    assert [c["case_number"] for c in central.export() if c["station"] == "CC2"] == sorted(
        num("CC2", i) for i in range(20)
    )


def test_a_station_with_too_many_pushes_in_flight_is_told_to_wait() -> None:
    from contextlib import ExitStack

    from sync.hub.app import MAX_PUSHES_PER_STATION, _Inflight
    from sync.hub.errors import HubError

    inflight = _Inflight()
    with ExitStack() as stack:
        for _ in range(MAX_PUSHES_PER_STATION):
            stack.enter_context(inflight.slot(1))
        with pytest.raises(HubError) as refused:
            stack.enter_context(inflight.slot(1))
        assert refused.value.status == 429 and refused.value.retry_after == 1
        stack.enter_context(inflight.slot(2))  # other stations are not affected
    with inflight.slot(1):  # slots are given back
        pass
