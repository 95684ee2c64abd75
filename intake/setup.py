"""First-run set-up of a real station: the values' checks and the one write that applies them.

The desktop's set-up dialog and scripts call the same rules. With a hub and an enrolment
code the hub names the station (sync enrols it); without one the station works offline with
the code typed here, and the catalog can be loaded from a file until the platform sends one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.errors import Problem
from intake.services.operators import Role
from intake.station import Station, StationSettings

STATION_CODE = re.compile(r"[A-Z0-9]{2,16}")
AREA_CODE = re.compile(r"\d{12}")
LEVELS = ("county", "town", "village")
OPERATOR_ID = re.compile(r"[A-Za-z0-9_.-]{2,40}")
MIN_PASSWORD = 6
MAX_CATALOG_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SetupValues:
    station_code: str
    office_name: str
    area_code: str
    level: str
    phone: str = ""
    address: str = ""
    hub_url: str = ""
    enrolment_code: str = ""
    # the first operator (a supervisor): without one nobody could log in to a new station
    operator_id: str = ""
    operator_name: str = ""
    password: str = ""


def check_setup(values: SetupValues) -> list[Problem]:
    """Every problem with the values; an empty list means they may be saved."""
    problems: list[Problem] = []
    if not values.office_name.strip() or len(values.office_name) > 80:
        problems.append(Problem("office_name", "setup.office_name", "1-80 characters"))
    if not values.hub_url and not STATION_CODE.fullmatch(values.station_code):
        problems.append(
            Problem("station_code", "setup.station_code", "2-16 capital letters or digits")
        )
    if not AREA_CODE.fullmatch(values.area_code):
        problems.append(Problem("area_code", "setup.area_code", "a 12-digit area code"))
    if values.level not in LEVELS:
        problems.append(Problem("level", "setup.level", f"one of {LEVELS}"))
    if values.hub_url and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", values.hub_url):
        problems.append(Problem("hub_url", "setup.hub_url", "an http(s) address"))
    if not OPERATOR_ID.fullmatch(values.operator_id):
        problems.append(Problem("operator_id", "setup.operator_id", "2-40 letters or digits"))
    if not values.operator_name.strip() or len(values.operator_name) > 40:
        problems.append(Problem("operator_name", "setup.operator_name", "1-40 characters"))
    if len(values.password) < MIN_PASSWORD:
        problems.append(
            Problem("password", "setup.password", f"at least {MIN_PASSWORD} characters")
        )
    if values.hub_url and not values.enrolment_code.strip():
        problems.append(Problem("enrolment_code", "setup.enrolment_code", "the platform's code"))
    return problems


def apply_setup(station: Station, values: SetupValues, catalog: bytes | None) -> None:
    """Record the station, its first (supervisor) operator and a catalog file if given;
    the caller checked the values."""
    if catalog is not None and len(catalog) > MAX_CATALOG_BYTES:
        raise ValueError("catalog file too large")
    station.set_up(
        StationSettings(
            station_code=values.station_code,
            office_name=values.office_name.strip(),
            area_code=values.area_code,
            level=values.level,
            phone=values.phone.strip(),
            address=values.address.strip(),
            tracking_url_template="",
            hub_url=values.hub_url or None,
        )
    )
    if catalog is not None:
        station.catalogs.load(catalog)
    if not any(op.id == values.operator_id for op in station.operators.list()):
        station.operators.add(
            values.operator_id, values.operator_name.strip(), Role.SUPERVISOR, values.password
        )
