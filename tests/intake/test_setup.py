"""First-run set-up: the checks a set-up dialog shows, and the write."""

from __future__ import annotations

from pathlib import Path

from intake.demo import load_demo_catalog_bytes
from intake.setup import SetupValues, apply_setup, check_setup
from intake.station import Station

GOOD = SetupValues(
    "CSX009",
    "星沙街道便民服务中心",
    "430121001000",
    "town",
    operator_id="super01",
    operator_name="赵强",
    password="s3cret-pass",
)


def test_good_values_have_no_problem_and_are_applied(data_dir: Path) -> None:
    assert check_setup(GOOD) == []
    with Station.open(data_dir) as station:
        apply_setup(station, GOOD, load_demo_catalog_bytes())
        assert station.settings.station_code == "CSX009"
        assert station.catalog.matters
        assert station.operators.verify("super01", "s3cret-pass").role.value == "supervisor"


def test_each_bad_value_is_named() -> None:
    bad = SetupValues("cs x", "", "4301", "province", hub_url="ftp://x")
    codes = {p.code for p in check_setup(bad)}
    assert codes == {
        "setup.office_name",
        "setup.area_code",
        "setup.level",
        "setup.hub_url",
        "setup.enrolment_code",
        "setup.operator_id",
        "setup.operator_name",
        "setup.password",
    }
    assert "setup.station_code" in {
        p.code for p in check_setup(SetupValues("cs x", "x", "430121001000", "town"))
    }
