"""预约 over the real protocol: booked at the hub (its CLI), pulled by the station, checked
in there, reported back; the hub refuses another station's or a second check-in."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from intake.clock import local_date, now
from intake.station import Station
from tests.sync.hubproc import HubProcess, admin, sync_cli
from tests.sync.stations import engine_for, enrol_station

ID = "11010519491231002X"


def _book(db_url: str, station: str, **extra: str) -> dict[str, object]:
    at = now() + timedelta(hours=8)  # China time of day, for a slot open now
    start = max(at - timedelta(minutes=10), at.replace(hour=0, minute=0))
    end = min(at + timedelta(minutes=30), at.replace(hour=23, minute=59))
    args = {
        "--station": station,
        "--id-number": ID,
        "--name": "王秀英",
        "--title": "高龄津贴申领",
        "--matter": "MZ-GLJT",
        "--date": local_date(now()).isoformat(),
        "--start": f"{start:%H:%M}",
        "--end": f"{end:%H:%M}",
        **extra,
    }
    rc, out, err = admin(db_url, "appoint", *[x for kv in args.items() for x in kv])
    assert rc == 0, err
    booked: dict[str, object] = json.loads(out)
    return booked


def test_booked_at_the_hub_checked_in_at_the_station_reported_back(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, tmp_path / "st")
    other = enrol_station(sqlite_hub.db_url, sqlite_hub.url, tmp_path / "other")
    booked = _book(sqlite_hub.db_url, code)
    with Station.open(tmp_path / "other") as st:
        assert engine_for(st, sqlite_hub.url).run_round().state == "ok"
        assert st.appointments.today_for(ID) is None  # booked for another hall
    with Station.open(tmp_path / "st") as st:
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.state == "ok" and report.pulled >= 1
        found = st.appointments.today_for(ID)
        assert found is not None and found.id == booked["id"]
        appointment, ticket = st.appointments.check_in(found.id, ID)
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.state == "ok" and report.acked == 1 and report.rejected == 0
    _rc, out, _err = admin(sqlite_hub.db_url, "appointments", "--station", code)
    [at_hub] = json.loads(out)
    assert (at_hub["status"], at_hub["ticket_number"]) == ("checked_in", ticket.number)
    assert at_hub["checked_in_at"] == appointment.checked_in_at.isoformat(timespec="microseconds")
    assert other != code


def test_the_hub_refuses_a_bad_booking_with_a_typed_code(sqlite_hub: HubProcess) -> None:
    result = sync_cli(
        "hub", "--db", sqlite_hub.db_url, "appoint", "--station", "NOPE", "--id-number", ID,
        "--name", "王秀英", "--title", "高龄津贴申领", "--date", "2026-12-01",
        "--start", "10:30", "--end", "10:00",
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert json.loads(result.stderr)["error"] == "appointment.invalid"


def test_a_check_in_of_another_stations_appointment_is_rejected(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, tmp_path / "st")
    other = enrol_station(sqlite_hub.db_url, sqlite_hub.url, tmp_path / "other")
    booked = _book(sqlite_hub.db_url, code)
    with Station.open(tmp_path / "st") as st:
        engine_for(st, sqlite_hub.url).run_round()
        found = st.appointments.today_for(ID)
        assert found is not None
    # the other station holds the same appointment (copied by hand) and checks it in
    with Station.open(tmp_path / "other") as st:
        st.apply_remote([{"seq": 1, **{k: v for k, v in booked.items() if k != "seq"}}], "")
        st.appointments.check_in(str(booked["id"]), ID)
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.rejected == 1
        [returned] = st.quarantine.returned()
        assert returned.code == "appointment.unknown"
    _rc, out, _ = admin(sqlite_hub.db_url, "appointments")
    assert [a["status"] for a in json.loads(out)] == ["booked"]
    assert other != code


def test_a_version_2_hub_database_gains_the_appointments_table(tmp_path: Path) -> None:
    """Hub schema step 3: a database made before appointments gets their table, keeps the
    rest, and books one."""
    from sqlalchemy import inspect, select, text

    from sync.hub import db
    from sync.hub.service import Hub

    url = f"sqlite:///{tmp_path / 'v2.db'}"
    engine = db.make_engine(url)
    hub = Hub(engine)
    hub.create_enrolment_code("V2", "老版本站")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE appointments"))
        conn.execute(db.hub_schema.update().values(version=2))
    engine.dispose()
    upgraded = Hub(db.make_engine(url))
    with upgraded.engine.connect() as conn:
        assert conn.execute(select(db.hub_schema.c.version)).scalar() == db.SCHEMA_VERSION
        assert "appointments" in inspect(conn).get_table_names()
        assert conn.execute(select(db.stations.c.code)).scalars().all() == ["V2"]
    booked = upgraded.appoint(
        "V2",
        id_number=ID,
        name="王秀英",
        title="高龄津贴申领",
        date="2026-12-01",
        start="09:00",
        end="09:30",
    )
    assert [a["id"] for a in upgraded.appointments("V2")] == [booked["id"]]
