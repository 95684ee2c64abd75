"""Schemathesis against the hub: requests generated from docs/sync-openapi.yaml, sent over
loopback to the real ``python -m sync hub serve``. No answer may be a 5xx, every answer must
be the hub's (its marker header), and every answer must be what the spec documents for that
request: its status codes, content types, response schemas and headers; schema-violating
requests refused, schema-valid ones accepted (except where a rule the schema cannot express
is documented, below).

A real station's access token is the bearer auth (an auth provider schemathesis knows of),
so generated requests reach past authentication into push, pull and the attachment routes,
while schemathesis still sends its own requests without (or with broken) credentials.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from sync import protocol
from tests import profiles
from tests.sync.hubproc import ROOT, HubProcess, admin

SPEC = ROOT / "docs" / "sync-openapi.yaml"

#: A request without X-WindowDesk-Protocol speaks no version the hub knows: it is refused
#: with 426 Upgrade Required (as documented), besides the usual refusals.
_REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "426", "429"]
#: Operations whose well-formed requests can still break a documented rule the schema
#: cannot express, refused with 400: an unknown enrolment code or refresh secret; a batch
#: whose batch_id differs from its Idempotency-Key; a cursor this hub never issued (it is
#: opaque); an attachment chunk that does not fit its declared length.
_RULES_BEYOND_THE_SCHEMA = ["2xx", "400", "401", "403", "404", "409", "429"]


def _config() -> Any:
    # `make test`: a fixed seed and no example database, so every run sends the same requests
    # (tests/profiles.py); `make fuzz`: a fresh seed each run and many more examples.
    seeded = {} if profiles.fuzzing() else {"seed": profiles.SCHEMATHESIS_SEED}
    return schemathesis.Config.from_dict(
        {
            **seeded,
            # Unknown query parameters are ignored (forward compatibility), not refused.
            "generation": {"allow-extra-parameters": False, "database": "none"},
            "checks": {
                "negative_data_rejection": {"expected-statuses": _REFUSALS},
                "missing_required_header": {"expected-statuses": _REFUSALS},
            },
            "operations": [
                {
                    "include-path": path,
                    "include-method": method,
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": _RULES_BEYOND_THE_SCHEMA}
                    },
                }
                for method, path in (
                    ("POST", "/v1/enroll"),
                    ("POST", "/v1/token"),
                    ("POST", "/v1/push"),
                    ("GET", "/v1/changes"),
                    ("PUT", "/v1/attachments/{sha256}"),
                )
            ],
        }
    )


@pytest.fixture(scope="module")
def served_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubProcess, str]]:
    """A hub with one enrolled station; yields it and a fresh access token."""
    # generated requests must reach the handlers, not the per-address limit
    proc = HubProcess(
        f"sqlite:///{tmp_path_factory.mktemp('st-hub') / 'hub.db'}",
        extra_args=("--unauth-per-second", "0"),
    )
    proc.start()
    try:
        rc, code, err = admin(
            proc.db_url, "enroll-code", "--station", "SCH1", "--name", "生成测试站"
        )
        assert rc == 0, err
        secret = uuid.uuid4().hex
        answer = requests.post(
            proc.url + "/v1/enroll",
            headers={protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION)},
            json={
                "code": code.strip(),
                "refresh_hash": hashlib.sha256(secret.encode()).hexdigest(),
            },
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        _TOKEN["access"] = answer.json()["access_token"]
        yield proc, _TOKEN["access"]
    finally:
        proc.stop()


SCHEMA = schemathesis.openapi.from_path(SPEC, config=_config())
#: The access token of the module's enrolled station (set by the served_hub fixture).
_TOKEN: dict[str, str] = {}
#: Status codes seen per (method, path template).
_ANSWERS: defaultdict[tuple[str, str], set[int]] = defaultdict(set)


@SCHEMA.auth(refresh_interval=None)
class StationToken:
    """The station's bearer token on every generated request that the spec secures (asked
    for each case: the hub, and so the token, exists only once the fixture has run)."""

    def get(self, case: schemathesis.Case, ctx: Any) -> str:
        return _TOKEN.get("access", "no-hub-yet")

    def set(self, case: schemathesis.Case, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@SCHEMA.parametrize()
@settings(
    max_examples=profiles.examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_requests_get_documented_answers_never_5xx(
    case: schemathesis.Case, served_hub: tuple[HubProcess, str]
) -> None:
    hub, _ = served_hub
    response = case.call_and_validate(base_url=hub.url, timeout=10)
    _ANSWERS[(case.method.upper(), case.path)].add(response.status_code)
    assert response.status_code < 500
    assert protocol.HUB_MARKER_HEADER.lower() in {k.lower() for k in response.headers}


def test_the_generated_requests_reached_past_authentication() -> None:
    """The test of the test (runs after the generated ones, in file order): the token was
    applied, so the authenticated routes answered 2xx, not only 401."""
    assert _ANSWERS, "run the whole module: the generated requests come first"
    for route in (("GET", "/v1/changes"), ("HEAD", "/v1/attachments/{sha256}")):
        assert any(200 <= status < 300 or status == 404 for status in _ANSWERS[route]), (
            route,
            _ANSWERS[route],
        )
    assert 401 in _ANSWERS[("GET", "/v1/changes")]  # and schemathesis also sent it without
