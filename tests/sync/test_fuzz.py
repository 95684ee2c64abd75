"""Generated hostile input against the real hub: never a 5xx, always a typed JSON error.

Beside Schemathesis (test_schemathesis.py, which generates from the spec): these target the
push batch's items, raw junk bodies and credential bodies with shapes the spec does not
describe; over real HTTP.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import protocol
from tests import profiles
from tests.sync.hubproc import HubProcess, admin

H = {protocol.PROTOCOL_HEADER: "1"}
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
_item = st.fixed_dictionaries(
    {},
    optional={
        "op_id": st.text(max_size=70) | st.integers(),
        "entity": st.sampled_from(["case", "x", ""]),
        "entity_id": st.text(max_size=70),
        "case_number": st.text(max_size=70),
        "op": st.sampled_from([*sorted(protocol.STATION_OPS), "case.delete", ""]),
        "base_version": st.integers() | st.booleans(),
        "schema_version": st.integers(min_value=-2, max_value=5),
        "sha256": st.text(max_size=70),
        "payload": st.dictionaries(
            st.sampled_from(["content", "status", "version", "history", "content_sha256"]),
            _json,
            max_size=5,
        ),
    },
)


@pytest.fixture(scope="module")
def fuzz_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubProcess, str]]:
    # generated requests must reach the handlers, not the per-address limit
    proc = HubProcess(
        f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'hub.db'}",
        extra_args=("--unauth-per-second", "0"),
    )
    proc.start()
    _, code, _ = admin(proc.db_url, "enroll-code", "--station", "FZ1", "--name", "fuzz")
    secret = uuid.uuid4().hex
    answer = requests.post(
        proc.url + "/v1/enroll",
        headers=H,
        json={"code": code.strip(), "refresh_hash": hashlib.sha256(secret.encode()).hexdigest()},
    )
    try:
        yield proc, answer.json()["access_token"]
    finally:
        proc.stop()


def _typed(response: requests.Response) -> None:
    assert response.status_code < 500, response.text
    assert protocol.HUB_MARKER_HEADER in response.headers
    if response.status_code >= 400 and response.request.method != "HEAD":
        body = response.json()
        assert isinstance(body.get("error"), str) and "." in body["error"], body


_header = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=8)
_settings = settings(
    max_examples=profiles.examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@_settings
@given(
    batch=st.one_of(
        st.fixed_dictionaries({"batch_id": st.just("K"), "items": st.lists(_item, max_size=4)}),
        _json,
    ),
    key=st.sampled_from(["K", "", "x" * 120]),
)
def test_push_never_500(fuzz_hub: tuple[HubProcess, str], batch: Any, key: str) -> None:
    hub, token = fuzz_hub
    key = key if key != "K" else uuid.uuid4().hex
    if isinstance(batch, dict) and batch.get("batch_id") == "K":
        batch["batch_id"] = key
    body = json.dumps(batch).encode()
    with requests.Session() as client:
        _typed(
            client.post(
                hub.url + "/v1/push",
                data=body,
                headers={**H, "Authorization": f"Bearer {token}", "Idempotency-Key": key},
            )
        )


@_settings
@given(raw=st.binary(max_size=300), path=st.sampled_from(["/v1/enroll", "/v1/token", "/v1/push"]))
def test_junk_bodies_never_500(fuzz_hub: tuple[HubProcess, str], raw: bytes, path: str) -> None:
    hub, token = fuzz_hub
    with requests.Session() as client:
        _typed(
            client.post(
                hub.url + path,
                data=raw,
                headers={**H, "Authorization": f"Bearer {token}", "Idempotency-Key": "j"},
            )
        )


@_settings
@given(
    body=st.dictionaries(
        st.sampled_from(["code", "refresh_hash", "refresh_secret", "next_refresh_hash"]),
        _json,
        max_size=4,
    ),
    path=st.sampled_from(["/v1/enroll", "/v1/token"]),
)
def test_auth_bodies_never_500(fuzz_hub: tuple[HubProcess, str], body: Any, path: str) -> None:
    hub, _ = fuzz_hub
    with requests.Session() as client:
        _typed(client.post(hub.url + path, json=body, headers=H))


@_settings
@given(
    cursor=st.text(max_size=600),
    limit=st.integers(min_value=-10, max_value=10**6) | st.text(max_size=5),
    sha=st.text(alphabet="0123456789abcdefXYZ/.%", max_size=70),
    offset=_header,
    length=_header,
    version=_header,
)
def test_queries_and_headers_never_500(
    fuzz_hub: tuple[HubProcess, str],
    cursor: str,
    limit: Any,
    sha: str,
    offset: str,
    length: str,
    version: str,
) -> None:
    hub, token = fuzz_hub
    auth = {"Authorization": f"Bearer {token}"}
    with requests.Session() as client:
        _typed(
            client.get(
                hub.url + "/v1/changes",
                params={"cursor": cursor, "limit": str(limit)},
                headers={**H, **auth},
            )
        )
        _typed(
            client.get(hub.url + "/v1/changes", headers={protocol.PROTOCOL_HEADER: version, **auth})
        )
        _typed(client.head(f"{hub.url}/v1/attachments/{sha}", headers={**H, **auth}))
        _typed(
            client.put(
                f"{hub.url}/v1/attachments/{sha}",
                data=b"x" * 10,
                headers={**H, **auth, "Upload-Offset": offset, "Upload-Length": length},
            )
        )
