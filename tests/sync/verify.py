"""The exactly-once check: what every station holds against what the hub holds.

Returns a list of problems (empty = the guarantees hold). Used by the chaos test and by the
test of the test (a deliberately broken client must produce problems here).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from intake.canonical import content_sha256
from intake.station import Station
from sync.hub import db
from sync.hub.service import Hub


def station_cases(station: Station) -> dict[str, tuple[str, str, list[str]]]:
    """case_number → (digest, status, platform decisions in local order)."""
    out: dict[str, tuple[str, str, list[str]]] = {}
    offset = 0
    while True:
        page = station.cases.list(limit=500, offset=offset)
        if not page:
            return out
        for summary in page:
            view = station.cases.get(summary.id)
            decided = [
                h.event for h in sorted(view.history, key=lambda h: h.seq) if h.actor == "platform"
            ]
            out[view.case_number] = (content_sha256(view), view.status.value, decided)
        offset += len(page)


def verify(hub_db_url: str, stations: dict[str, Path]) -> list[str]:
    problems: list[str] = []
    engine = db.make_engine(hub_db_url)
    try:
        hub = Hub(engine)
        export = hub.export()
        numbers = Counter(c["case_number"] for c in export)
        ids = Counter(c["case_id"] for c in export)
        problems += [f"hub holds {n} twice" for n, k in numbers.items() if k > 1]
        problems += [f"hub holds case id {n} twice" for n, k in ids.items() if k > 1]
        with engine.connect() as conn:
            creates = Counter(
                r[0]
                for r in conn.execute(
                    select(db.case_events.c.case_id).where(db.case_events.c.kind == "case.create")
                )
            )
            rows = conn.execute(
                select(db.stations.c.code, func.count(db.ops.c.op_id))
                .select_from(db.ops.join(db.stations, db.ops.c.station_id == db.stations.c.id))
                .where(db.ops.c.outcome == "applied")
                .group_by(db.stations.c.code)
            ).all()
            applied_ops = {str(r[0]): int(r[1]) for r in rows}
        problems += [f"case {c} created {k} times" for c, k in creates.items() if k != 1]
        hub_cases = {c["case_number"]: c for c in export}
        for code, data_dir in stations.items():
            with Station.open(data_dir) as station:
                local = station_cases(station)
                stats = station.outbox.stats()
            for key in ("pending", "inflight", "quarantined"):
                if stats[key]:
                    problems.append(f"{code}: outbox {key} = {stats[key]}")
            if stats["acknowledged"] != applied_ops.get(code, 0):
                problems.append(
                    f"{code}: {stats['acknowledged']} ops acknowledged locally, "
                    f"{applied_ops.get(code, 0)} applied at the hub"
                )
            for number, (digest, status, decided) in local.items():
                held = hub_cases.get(number)
                if held is None:
                    problems.append(f"{code}: {number} never reached the hub")
                    continue
                if held["station"] != code:
                    problems.append(f"{number}: hub says station {held['station']}")
                if held["content_sha256"] != digest:
                    problems.append(f"{number}: content differs (hub vs station digest)")
                if held["status"] != status:
                    problems.append(f"{number}: status hub {held['status']} station {status}")
                expected = [d["status"] for d in hub.decisions(number)]
                if decided != expected:
                    problems.append(f"{number}: decisions hub {expected} station {decided}")
            extra = [n for n, c in hub_cases.items() if c["station"] == code and n not in local]
            problems += [f"{code}: hub holds {n} the station does not have" for n in extra]
        for row in hub.stations():
            if row["station"] in stations and row["cursor_lag"]:
                problems.append(f"{row['station']}: cursor {row['cursor_lag']} changes behind")
    finally:
        engine.dispose()
    return problems
