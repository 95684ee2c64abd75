"""The demo station behind ``python -m desktop --demo`` (``make run``), without Qt.

On an empty data directory: the demo station (settings, operators, catalog, 40 cases), a
card file for the simulated reader (the first card belongs to a returning applicant, so the
screen offers their phone), PDF "printing" into the data directory, and a reference hub on
loopback that the station enrols with on first start, so sync visibly works.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from intake.demo import add_demo_cases, add_followup_cases, make_person, seed_station
from intake.station import Station

CARDS_FILE = "demo-cards.json"
PRINTS_DIR = "prints"
HUB_DIR = "demo-hub"


def prepare_demo_station(station: Station, *, cases: int = 40, followups: bool = True) -> None:
    """Seed what is missing (idempotent: a second start keeps the cases of the first);
    ``followups``: also cases in every state the follow-ups page lists."""
    seed_station(station)
    if not station.cases.list(limit=1):
        add_demo_cases(station, cases)
        if followups:
            add_followup_cases(station)


def write_demo_cards(station: Station, *, seed: int = 11) -> Path:
    """The simulated reader's cards: a returning applicant first, then new ones."""
    path = station.data_dir / CARDS_FILE
    if path.exists():
        return path
    cards: list[dict[str, Any]] = []
    latest = station.cases.list(limit=1)
    if latest:
        view = station.cases.get(latest[0].case_number)
        person = view.applicant
        cards.append(
            _card(person.name, person.id_number, person.sex, person.birth_date, person.address)
        )
    rng = random.Random(seed)
    for _ in range(5):
        p = make_person(rng)
        cards.append(_card(p.name, p.id_number, p.sex, p.birth, p.address))
    path.write_text(
        json.dumps({"cards": cards, "gap": 0.0, "loop": True}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def _card(
    name: str, number: str, sex: str | None, birth: date | None, address: str | None
) -> dict[str, Any]:
    return {
        "doc_type": "resident",
        "name": name,
        "id_number": number,
        "sex": sex or "9",
        "ethnicity": "01",
        "birth_date": birth.isoformat() if birth else None,
        "address": address or "湖南省长沙县星沙街道",
        "issuer": "长沙县公安局",
        "valid_from": "2020-01-01",
        "valid_to": "2040-01-01",
    }


@contextlib.contextmanager
def demo_hub(station: Station) -> Iterator[str]:
    """The reference hub on loopback for as long as the app runs; enrols on first start."""
    from sync.client.commands import enroll_station
    from sync.client.credentials import CredentialStore
    from sync.hub.db import make_engine
    from sync.hub.loopback import loopback_hub
    from sync.hub.service import Hub

    hub_db = station.data_dir / HUB_DIR / "hub.db"
    with loopback_hub(hub_db) as url:
        settings = station.settings
        if CredentialStore(station.data_dir).load() is None:
            hub = Hub(make_engine(f"sqlite:///{hub_db}"))
            code = hub.create_enrolment_code(settings.station_code, settings.office_name)
            enroll_station(station.data_dir, url, code, area_code=settings.area_code)
        station.update_settings(hub_url=url)
        yield url
