"""Strangers on the network: unauthenticated ``/v1/token`` and ``/v1/enroll`` junk never
takes (nor waits for) the hub's write lock, and one address is rate-limited, while an
enrolled station keeps working. A real hub process on loopback, SQLite."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sync import protocol
from tests.sync.hubproc import HubProcess
from tests.sync.test_hub_protocol import H, enrol, new_station


@pytest.fixture
def limited_hub(tmp_path: Path) -> Iterator[HubProcess]:
    proc = HubProcess(
        f"sqlite:///{tmp_path / 'hub.db'}",
        extra_args=("--unauth-burst", "5", "--unauth-per-second", "2"),
    )
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def test_junk_token_and_enrol_calls_never_wait_for_the_write_lock(
    sqlite_hub: HubProcess,
) -> None:
    """Another writer holds the hub's write lock (a long push, say); a stranger's junk is
    still answered at once, and from a read: the lock is never taken for it."""
    db_path = sqlite_hub.db_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=5)
    try:
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        token = requests.post(
            sqlite_hub.url + "/v1/token",
            json={"refresh_secret": uuid.uuid4().hex, "next_refresh_hash": "0" * 64},
            headers=H,
            timeout=5,
        )
        code = requests.post(
            sqlite_hub.url + "/v1/enroll",
            json={"code": "NOPE-NOPE", "refresh_hash": "1" * 64},
            headers=H,
            timeout=5,
        )
        took = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (token.status_code, token.json()["error"]) == (401, "auth.refresh_unknown")
    assert (code.status_code, code.json()["error"]) == (400, "enroll.code_invalid")
    assert took < 2.0, took


def test_one_address_is_rate_limited_and_a_station_keeps_working(
    limited_hub: HubProcess,
) -> None:
    station = new_station()
    access = enrol(limited_hub, station)["access_token"]  # 1 of the burst of 5
    answers = []
    for _ in range(30):
        answers.append(
            requests.post(
                limited_hub.url + "/v1/token",
                json={"refresh_secret": uuid.uuid4().hex, "next_refresh_hash": "0" * 64},
                headers=H,
                timeout=5,
            )
        )
    codes = [(a.status_code, a.json()["error"]) for a in answers]
    assert codes[:4] == [(401, "auth.refresh_unknown")] * 4  # the rest of the burst
    limited = [a for a in answers if a.status_code == 429]
    assert len(limited) >= 20, codes
    for answer in limited:
        assert answer.json()["error"] == "auth.rate_limited"
        assert protocol.HUB_MARKER_HEADER in answer.headers
        assert int(answer.headers["Retry-After"]) >= 1
    # the enrolled station is not a stranger: its authenticated calls go on
    auth = {**H, "Authorization": f"Bearer {access}"}
    assert requests.get(limited_hub.url + "/v1/changes", headers=auth, timeout=5).ok
    # after Retry-After, the address may try again
    time.sleep(int(limited[-1].headers["Retry-After"]))
    again = requests.post(
        limited_hub.url + "/v1/token",
        json={"refresh_secret": uuid.uuid4().hex, "next_refresh_hash": "0" * 64},
        headers=H,
        timeout=5,
    )
    assert again.status_code == 401
