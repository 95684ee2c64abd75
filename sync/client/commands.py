"""The station's sync commands as typed functions: enrol a data dir, open its engine.

``python -m sync`` (``sync/client/cli.py``) parses arguments and prints JSON around these;
the demo (``sync/demo.py``) and the desktop call them directly. Nothing here parses
arguments or prints.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sync import errors
from sync.client.credentials import CredentialStore
from sync.client.engine import K_STATE, RoundReport, SyncEngine, enrol
from sync.client.transport import HubClient, RetryPolicy, Timeouts

DEFAULT_AREA = "000000000000"

#: SQLite page caches (writer, each reader) for sync's own process: it touches the outbox
#: and few case rows, so the OS file cache serves it as well as a large private cache would,
#: and a 100k-case backlog drains within the memory a village PC can spare.
SYNC_PAGE_CACHE_MIB = (4, 2)


@dataclass(frozen=True)
class Enrolled:
    station_code: str
    hub_url: str


def enroll_station(
    data_dir: Path,
    hub_url: str,
    code: str,
    *,
    area_code: str = DEFAULT_AREA,
    ca_file: Path | None = None,
    timeouts: Timeouts | None = None,
) -> Enrolled:
    """Make ``data_dir`` the station the hub's one-time ``code`` was issued for.

    A fresh data dir is set up as that station; one that holds cases of another station is
    refused (``sync.enrolment_failed``)."""
    from intake.station import Station, StationSettings

    fresh = Station.is_fresh(data_dir)  # enrolling a fresh folder makes its station
    credentials = CredentialStore(data_dir)
    with HubClient(hub_url, ca_file=ca_file, timeouts=timeouts) as client:
        answer = enrol(client, credentials, code, RetryPolicy(attempts=4))
    station_code = str(answer["station_code"])
    with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB, create=fresh) as station:
        if not station.is_set_up:
            station.set_up(
                StationSettings(
                    station_code=station_code,
                    office_name=str(answer.get("station_name", station_code)),
                    area_code=area_code,
                    level="town",
                    phone="",
                    address="",
                    tracking_url_template="",
                    hub_url=hub_url,
                )
            )
        elif station.settings.station_code != station_code:
            if station.cases.list(limit=1):
                raise errors.EnrolmentFailed(
                    f"this data dir holds cases of station {station.settings.station_code}; "
                    f"it cannot become {station_code}",
                    details={"local": station.settings.station_code, "hub": station_code},
                )
            station.update_settings(station_code=station_code, hub_url=hub_url)
        else:
            station.update_settings(hub_url=hub_url)
        station.sync_state.set(K_STATE, "enrolled")
    return Enrolled(station_code=station_code, hub_url=hub_url)


@contextlib.contextmanager
def open_engine(
    data_dir: Path,
    *,
    hub_url: str | None = None,
    ca_file: Path | None = None,
    timeouts: Timeouts | None = None,
    retry: RetryPolicy | None = None,
) -> Iterator[SyncEngine]:
    """The station's sync engine for the block; ``hub_url`` is used and remembered."""
    from intake.station import Station

    with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB) as station:
        if not station.is_set_up:
            raise errors.NotEnrolled("this data dir is not a station yet: run enroll")
        url = hub_url or station.settings.hub_url
        if not url:
            raise errors.NotEnrolled("no hub address: enrol, or pass --hub")
        if hub_url and hub_url != station.settings.hub_url:
            station.update_settings(hub_url=hub_url)
        with HubClient(url, ca_file=ca_file, timeouts=timeouts) as client:
            yield SyncEngine(station, client, CredentialStore(data_dir), retry=retry)


def sync_once(
    data_dir: Path,
    *,
    hub_url: str | None = None,
    ca_file: Path | None = None,
    timeouts: Timeouts | None = None,
    attempts: int = 6,
) -> RoundReport:
    """One sync round (push the outbox, pull to the head)."""
    retry = RetryPolicy(attempts=max(1, attempts))
    with open_engine(
        data_dir, hub_url=hub_url, ca_file=ca_file, timeouts=timeouts, retry=retry
    ) as engine:
        return engine.run_round()
