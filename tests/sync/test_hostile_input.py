"""Hostile input against the real hub (SQLite and PostgreSQL): never a 5xx. Each request
below gets a 4xx with the documented error body (``{"error": <dotted code>, "message"}``) and
the hub's marker, and leaves exactly one line in the hub's log, never a traceback.

Each one was a 500 (or a 503 that a station would retry for ever) before: a non-ASCII byte in
``Authorization`` reached ``hmac.compare_digest``; a 5,000-digit protocol header reached
``int()``; deep nesting raised RecursionError in ``json.loads``; a cursor's 1e400 reached
``int(inf)`` and 2**70 the database; NaN, Infinity and lone surrogates in a push reached the
canonical encoder; a deeply nested payload the encoder's recursion limit.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from sync import protocol
from tests.sync.hubproc import HubProcess
from tests.sync.test_hub_protocol import H, case_item, enrol, new_station, num


@pytest.fixture(scope="module")
def logged_hub(
    hub_db: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[HubProcess, str, str, str]]:
    """A hub whose log is kept, one enrolled station's token and code, a cursor it issued."""
    log = tmp_path_factory.mktemp("hostile") / "hub.log"
    proc = HubProcess(hub_db, log_path=log)
    proc.start()
    try:
        station = new_station()
        token = enrol(proc, station)["access_token"]
        page = requests.get(
            proc.url + "/v1/changes", headers={**H, "Authorization": f"Bearer {token}"}
        ).json()
        yield proc, token, page["next_cursor"], station
    finally:
        proc.stop()


def _lines(proc: HubProcess) -> list[str]:
    assert proc.log_path is not None
    return proc.log_path.read_text(encoding="utf-8", errors="replace").splitlines()


def _refused(proc: HubProcess, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
    """Send one request; check the answer and that the log gained exactly one line."""
    before = len(_lines(proc))
    r = requests.request(method, proc.url + path, timeout=30, **kwargs)
    assert 400 <= r.status_code < 500, (path, r.status_code, r.text[:300])
    assert protocol.HUB_MARKER_HEADER in r.headers
    body = r.json()
    assert isinstance(body.get("error"), str) and "." in body["error"], body
    assert isinstance(body.get("message"), str), body
    deadline = time.monotonic() + 5
    while len(_lines(proc)) == before and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)  # anything more (a traceback) would be written by now
    new = _lines(proc)[before:]
    assert len(new) == 1, new[:20]
    assert "Traceback" not in "\n".join(new)
    assert str(r.status_code) in new[0] and body["error"] in new[0], new[0]
    return body


def _cursor(epoch_of: str, seq_text: str) -> str:
    raw = base64.urlsafe_b64decode(epoch_of + "=" * (-len(epoch_of) % 4))
    epoch = json.loads(raw)["e"]
    text = '{"e":' + json.dumps(epoch) + ',"s":' + seq_text + "}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_non_ascii_authorization(logged_hub: tuple[HubProcess, str, str, str]) -> None:
    proc, _, _, _ = logged_hub
    odd = (b"Bearer \xff", b"Bearer wd2.1.1.9999999999.\xc3\xa9", "Bearer wd2.².1.9.ff".encode())
    for value in odd:
        body = _refused(proc, "GET", "/v1/changes", headers={**H, "Authorization": value})
        assert body["error"] == "auth.token_invalid"
    digits = "Bearer wd2." + "9" * 5000 + ".1.9.ff"
    _refused(proc, "GET", "/v1/changes", headers={**H, "Authorization": digits})


def test_a_5000_digit_protocol_header(logged_hub: tuple[HubProcess, str, str, str]) -> None:
    proc, token, _, _ = logged_hub
    headers = {protocol.PROTOCOL_HEADER: "9" * 5000, "Authorization": f"Bearer {token}"}
    assert _refused(proc, "GET", "/v1/changes", headers=headers)["error"] == (
        "protocol.unsupported"
    )


def test_deeply_nested_json_unauthenticated(logged_hub: tuple[HubProcess, str, str, str]) -> None:
    proc, _, _, _ = logged_hub
    deep = b"[" * 30_000 + b"]" * 30_000
    for path in ("/v1/token", "/v1/enroll"):
        for body in (deep[:60_000], b'{"refresh_secret":' + deep[:40_000] + b"}"):
            _refused(proc, "POST", path, data=body, headers=H)


def test_cursors_with_huge_numbers(logged_hub: tuple[HubProcess, str, str, str]) -> None:
    proc, token, cursor, _ = logged_hub
    auth = {**H, "Authorization": f"Bearer {token}"}
    for seq in ("1e400", str(2**70), "-1e400", "NaN", "Infinity", "1.5", "true", '"7"', "null"):
        body = _refused(
            proc, "GET", "/v1/changes", params={"cursor": _cursor(cursor, seq)}, headers=auth
        )
        assert body["error"] in ("pull.bad_cursor", "pull.cursor_expired"), (seq, body)


def _push(proc: HubProcess, token: str, raw_items: str) -> dict[str, Any]:
    key = str(uuid.uuid4())
    body = '{"batch_id":' + json.dumps(key) + ',"items":[' + raw_items + "]}"
    headers = {
        **H,
        "Authorization": f"Bearer {token}",
        protocol.IDEMPOTENCY_HEADER: key,
        "Content-Type": "application/json",
    }
    return _refused(proc, "POST", "/v1/push", data=body.encode(), headers=headers)


def test_pushes_with_nan_infinity_lone_surrogates_or_deep_nesting(
    logged_hub: tuple[HubProcess, str, str, str],
) -> None:
    proc, token, _, station = logged_hub
    good = json.dumps(case_item(station, num(station, 1)), ensure_ascii=True)

    def item(raw_value: str) -> str:
        """An item whose content's ``x`` is ``raw_value``, spliced in as JSON text (NaN and
        lone surrogates cannot be made by a well-behaved encoder)."""
        text = json.dumps(case_item(station, num(station, 2), x="@X@"), ensure_ascii=True)
        return text.replace('"@X@"', raw_value)

    hostile = [
        item("NaN"),
        item("Infinity"),
        item("-Infinity"),
        item('"\\ud800"'),
        item('"ok\\udfffok"'),
        good.replace('"op": "case.create"', '"op": "case.create\\udc80"'),
        item("[" * 5000 + "]" * 5000),  # deeper than json.loads goes
        item("[" * 985 + "]" * 985),  # parses, but deeper than the protocol allows
        item('{"a":' * 40 + "1" + "}" * 40),
    ]
    for i, raw in enumerate(hostile):
        body = _push(proc, token, f"{good},{raw}")
        assert body["error"].startswith("push."), (i, body)
        if body["error"] == "push.malformed_item":
            assert body["details"]["index"] == 1, (i, body)
