"""docs/sync-openapi.yaml is the truth about the hub: same routes, and real answers match it."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import requests
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from sync.hub.app import create_app
from sync.hub.db import make_engine
from sync.hub.service import Hub
from tests.sync.hubproc import ROOT, HubProcess, admin
from tests.sync.test_hub_protocol import H, case_item, num, push

SPEC = yaml.safe_load((ROOT / "docs" / "sync-openapi.yaml").read_text(encoding="utf-8"))
METHODS = {"get", "post", "put", "head", "delete", "patch"}


def test_spec_and_app_have_the_same_routes(tmp_path: Path) -> None:
    app = create_app(Hub(make_engine(f"sqlite:///{tmp_path / 'h.db'}")))
    served = {
        (route.path, method.lower())
        for route in app.routes
        for method in getattr(route, "methods", set())
        if route.path.startswith("/v1/")
    }
    documented = {
        (path, method) for path, ops in SPEC["paths"].items() for method in ops if method in METHODS
    }
    assert served == documented


def _validator(ref: str) -> jsonschema.Draft202012Validator:
    spec = {**SPEC, "$id": "urn:spec"}
    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:spec", resource)
    return jsonschema.Draft202012Validator({"$ref": f"urn:spec{ref}"}, registry=registry)


def _answer_schema(path: str, method: str, status: str = "200") -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{escaped}/{method}/responses/{status}/content/application~1json/schema"


def test_real_answers_match_the_spec(sqlite_hub: HubProcess) -> None:
    _, out, _ = admin(sqlite_hub.db_url, "enroll-code", "--station", "OA1", "--name", "x")
    secret = uuid.uuid4().hex
    enrolled = requests.post(
        sqlite_hub.url + "/v1/enroll",
        headers=H,
        json={"code": out.strip(), "refresh_hash": hashlib.sha256(secret.encode()).hexdigest()},
    ).json()
    _validator(_answer_schema("/v1/enroll", "post")).validate(enrolled)
    token = enrolled["access_token"]
    hello = requests.get(sqlite_hub.url + "/v1/hello").json()
    _validator(_answer_schema("/v1/hello", "get")).validate(hello)
    bad = case_item("OA1", num("OA1", 2))
    bad["sha256"] = "0" * 64
    answer = push(sqlite_hub, token, [case_item("OA1", num("OA1", 1)), bad]).json()
    _validator(_answer_schema("/v1/push", "post")).validate(answer)
    answer = push(sqlite_hub, token, []).json()
    _validator(_answer_schema("/v1/push", "post")).validate(answer)
    catalog = ROOT / "intake" / "catalog" / "demo_catalog.json"
    assert admin(sqlite_hub.db_url, "publish-catalog", str(catalog))[0] == 0
    page = requests.get(
        sqlite_hub.url + "/v1/changes", headers={**H, "Authorization": f"Bearer {token}"}
    ).json()
    _validator(_answer_schema("/v1/changes", "get")).validate(page)
    assert [c["kind"] for c in page["changes"]] == ["catalog"]
    error = requests.post(sqlite_hub.url + "/v1/push", headers=H, data=b"{}")
    assert error.status_code == 401
    _validator("#/components/schemas/Error").validate(error.json())
