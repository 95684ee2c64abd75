"""The hub's protocol over real HTTP (uvicorn on loopback), with SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

import httpx

from intake.canonical import canonical_json, sha256_hex
from sync import protocol
from tests.sync.hubproc import ROOT, HubProcess, admin, sync_cli

H = {protocol.PROTOCOL_HEADER: "1"}


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_station() -> str:
    return "S" + uuid.uuid4().hex[:8]


def enrol(hub: HubProcess, station: str, secret: str | None = None) -> dict[str, Any]:
    secret = secret or uuid.uuid4().hex
    rc, out, err = admin(hub.db_url, "enroll-code", "--station", station, "--name", "测试站")
    assert rc == 0, err
    code = out.strip()
    r = httpx.post(
        hub.url + "/v1/enroll", json={"code": code, "refresh_hash": _hash(secret)}, headers=H
    )
    assert r.status_code == 200, r.text
    return {"code": code, **r.json()}


def op_item(
    op: str, content: dict[str, Any], status: str, version: int, history: list[dict[str, Any]]
) -> dict[str, Any]:
    """An outbox item shaped as intake's outbox writes it."""
    payload = {
        "op": op,
        "case_id": content["id"],
        "case_number": content["case_number"],
        "version": version,
        "status": status,
        "special_procedure": False,
        "history": history,
        "evaluation": None,
        "content": content,
        "content_sha256": sha256_hex(canonical_json(content)),
    }
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "case",
        "entity_id": content["id"],
        "case_number": content["case_number"],
        "op": op,
        "base_version": version - 1,
        "schema_version": 1,
        "sha256": sha256_hex(canonical_json(payload)),
        "payload": payload,
    }


def _h(seq: int, event: str, actor: str = "station") -> dict[str, Any]:
    return {
        "seq": seq,
        "at": "2026-01-05T09:00:00+08:00",
        "status": event,
        "event": event,
        "actor": actor,
        "operator": "clerk01",
        "note": "",
    }


def num(station: str, n: int) -> str:
    """A case number as intake makes them (``<station>-<YYYYMMDD>-<seq>``): the hub accepts
    only numbers that carry the pushing station's own code."""
    return f"{station}-20260105-{n:05d}"


def case_item(station: str, number: str, **extra: Any) -> dict[str, Any]:
    content = {
        "id": str(uuid.uuid4()),
        "case_number": number,
        "station_code": station,
        "applicant": {"name": "张三"},
        "materials": [],
        "accepted_at": None,
        "schema_version": 1,
        **extra,
    }
    return op_item("case.create", content, "received", 1, [_h(1, "received")])


def push(
    hub: HubProcess, token: str, items: list[dict[str, Any]], key: str | None = None
) -> httpx.Response:
    key = key or str(uuid.uuid4())
    body = canonical_json({"batch_id": key, "items": items})
    return httpx.post(
        hub.url + "/v1/push",
        content=body,
        headers={
            **H,
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": key,
            "Content-Type": "application/json",
        },
    )


def test_hello_marks_every_answer(hub: HubProcess) -> None:
    r = httpx.get(hub.url + "/v1/hello")
    assert r.status_code == 200 and r.json()["protocol"] == 1
    assert protocol.HUB_MARKER_HEADER in r.headers and "X-Hub-Time" in r.headers


def test_enrolment_replay_and_code_reuse(hub: HubProcess) -> None:
    st = new_station()
    s0 = uuid.uuid4().hex
    first = enrol(hub, st, s0)
    again = httpx.post(
        hub.url + "/v1/enroll", json={"code": first["code"], "refresh_hash": _hash(s0)}, headers=H
    )
    assert again.status_code == 200 and again.json()["station_code"] == st
    other = httpx.post(
        hub.url + "/v1/enroll",
        json={"code": first["code"], "refresh_hash": _hash("thief")},
        headers=H,
    )
    assert other.status_code == 400 and other.json()["error"] == "enroll.code_used"
    assert (
        httpx.post(
            hub.url + "/v1/enroll", json={"code": "NOPE", "refresh_hash": _hash("x")}, headers=H
        ).status_code
        == 400
    )


def test_refresh_rotates_retry_is_safe_and_reuse_revokes(hub: HubProcess) -> None:
    st = new_station()
    s0, s1, s2 = (uuid.uuid4().hex for _ in range(3))
    enrol(hub, st, s0)
    body = {"refresh_secret": s0, "next_refresh_hash": _hash(s1)}
    r1 = httpx.post(hub.url + "/v1/token", json=body, headers=H)
    assert r1.status_code == 200
    # The answer was "lost": the same pair again is answered again.
    r2 = httpx.post(hub.url + "/v1/token", json=body, headers=H)
    assert r2.status_code == 200
    r3 = httpx.post(
        hub.url + "/v1/token",
        json={"refresh_secret": s1, "next_refresh_hash": _hash(s2)},
        headers=H,
    )
    assert r3.status_code == 200
    token = r3.json()["access_token"]
    assert push(hub, token, []).status_code == 200
    # s0 presented again (a cloned disk): the station is revoked, even its live token.
    r4 = httpx.post(
        hub.url + "/v1/token",
        json={"refresh_secret": s0, "next_refresh_hash": _hash("evil" + s0)},
        headers=H,
    )
    assert r4.status_code == 403 and r4.json()["error"] == "auth.revoked"
    assert push(hub, token, []).status_code == 403
    stations = json.loads(sync_cli("hub", "--db", hub.db_url, "stations", "--json").stdout)
    mine = next(x for x in stations if x["station"] == st)
    assert mine["revoked"] and mine["revoke_reason"] == "refresh_reuse"


def test_tokens_issued_before_a_revocation_die_with_the_re_enrolment(hub: HubProcess) -> None:
    """A revoked station enrolled again gets new tokens; the ones issued before the
    revocation (a stolen laptop's, still within their 10 minutes) no longer work."""
    st = new_station()
    old = enrol(hub, st)["access_token"]
    assert push(hub, old, []).status_code == 200
    rc, _, err = admin(hub.db_url, "revoke", st)
    assert rc == 0, err
    assert push(hub, old, []).status_code == 403
    fresh = enrol(hub, st)["access_token"]  # a new code for the same station: un-revoked
    assert push(hub, fresh, []).status_code == 200
    r = push(hub, old, [])
    assert r.status_code == 401 and r.json()["error"] == "auth.token_invalid", r.text
    r = httpx.get(hub.url + "/v1/changes", headers={**H, "Authorization": f"Bearer {old}"})
    assert r.status_code == 401


def test_secrets_of_an_earlier_enrolment_cannot_revoke_the_new_one(hub: HubProcess) -> None:
    """A stolen (or cloned) old refresh secret presented after the station was enrolled
    again is unknown (401): it must not revoke the new enrolment over and over."""
    st = new_station()
    s0, s1 = uuid.uuid4().hex, uuid.uuid4().hex
    enrol(hub, st, secret=s0)
    r = httpx.post(
        hub.url + "/v1/token",
        json={"refresh_secret": s0, "next_refresh_hash": _hash(s1)},
        headers=H,
    )
    assert r.status_code == 200  # s0 is now a used secret
    rc, _, err = admin(hub.db_url, "revoke", st)
    assert rc == 0, err
    fresh = enrol(hub, st)["access_token"]
    for old in (s0, s1):
        r = httpx.post(
            hub.url + "/v1/token",
            json={"refresh_secret": old, "next_refresh_hash": _hash(uuid.uuid4().hex)},
            headers=H,
        )
        assert r.status_code == 401 and r.json()["error"] == "auth.refresh_unknown", r.text
    assert push(hub, fresh, []).status_code == 200  # the new enrolment still works
    stations = json.loads(sync_cli("hub", "--db", hub.db_url, "stations", "--json").stdout)
    assert not next(x for x in stations if x["station"] == st)["revoked"]


def test_auth_and_protocol_errors(hub: HubProcess) -> None:
    assert httpx.post(hub.url + "/v1/push", content=b"{}", headers=H).status_code == 401
    r = httpx.post(hub.url + "/v1/push", content=b"{}", headers={"Authorization": "Bearer x"})
    assert r.status_code == 426
    r = httpx.get(hub.url + "/v1/changes", headers={**H, "Authorization": "Bearer wd2.1.1.9.ff"})
    assert r.status_code == 401


def test_a_protocol_version_the_hub_does_not_speak_is_426_unsupported(hub: HubProcess) -> None:
    """Older, newer, padded, fractional, non-numeric, absurdly long or missing: the hub speaks
    exactly the versions it names in /v1/hello, and tells the station to upgrade (the spec
    says ``const: "1"``; the hub used to serve 9 and any value up to 10,000)."""
    token = enrol(hub, new_station())["access_token"]
    hello = httpx.get(hub.url + "/v1/hello").json()
    assert (hello["min_protocol"], hello["protocol"]) == (1, 1)
    auth = {"Authorization": f"Bearer {token}"}
    ok = httpx.get(hub.url + "/v1/changes", headers={**H, **auth})
    assert ok.status_code == 200
    for version in ["9", "2", "0", "01", "1.0", "+1", "-1", "x", "²", "9" * 5000, None]:
        headers: dict[str, Any] = dict(auth)
        if version is not None:
            headers[protocol.PROTOCOL_HEADER] = version.encode()
        for method, path in (("GET", "/v1/changes"), ("POST", "/v1/token")):
            r = httpx.request(method, hub.url + path, headers=headers, content=b"{}")
            assert r.status_code == 426, (version and version[:10], path, r.status_code)
            body = r.json()
            assert body["error"] == "protocol.unsupported", body
            assert body["details"]["supported"] == [1]
            assert protocol.HUB_MARKER_HEADER in r.headers
        head = httpx.head(hub.url + "/v1/attachments/" + "a" * 64, headers=headers)
        assert head.status_code == 426 and head.content == b""


def test_push_applies_dedups_and_replays(hub: HubProcess) -> None:
    st = new_station()
    token = enrol(hub, st)["access_token"]
    a, b = case_item(st, num(st, 1)), case_item(st, num(st, 2))
    r = push(hub, token, [a, b], key="batch-1")
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["outcome"] for x in results] == ["applied", "applied"]
    assert results[0]["seq"] < results[1]["seq"]
    # Replay of the same frozen batch: the very same answer.
    again = push(hub, token, [a, b], key="batch-1")
    assert again.json() == r.json()
    # Same key, other bytes: refused.
    assert push(hub, token, [a], key="batch-1").status_code == 400
    # The key is per station: another station may use the same key for its own batch.
    other = new_station()
    t2 = enrol(hub, other)["access_token"]
    assert push(hub, t2, [case_item(other, num(other, 1))], key="batch-1").status_code == 200
    # The same op inside a new batch: duplicate, with the original sequence.
    dup = push(hub, token, [a], key=f"{st}-batch-2").json()["results"][0]
    assert dup["outcome"] == "duplicate" and dup["seq"] == results[0]["seq"]
    export = json.loads(sync_cli("hub", "--db", hub.db_url, "export", "--json").stdout)
    export = [c for c in export if c["station"] == st]
    assert [c["case_number"] for c in export] == [num(st, 1), num(st, 2)]
    assert export[0]["content_sha256"] == a["payload"]["content_sha256"]


def test_push_item_outcomes(hub: HubProcess) -> None:
    st = new_station()
    token = enrol(hub, st)["access_token"]
    good = case_item(st, num(st, 1))
    forged = case_item(st, num(st, 2))
    forged["sha256"] = "0" * 64
    foreign = case_item("S-elsewhere", num(st, 3))
    twin = case_item(st, num(st, 1))  # another case id claiming a taken number
    again = dict(case_item(st, num(st, 4)), entity_id=good["entity_id"])
    again["payload"] = dict(good["payload"])
    again["sha256"] = good["sha256"]
    r = push(hub, token, [good, forged, foreign, twin, again]).json()["results"]
    assert [x["outcome"] for x in r] == ["applied", "rejected", "rejected", "rejected", "conflict"]
    assert [x.get("code") for x in r[1:4]] == [
        "op.digest_mismatch",
        "case.wrong_station",
        "case.number_taken",
    ]
    assert r[4]["current"]["status"] == "received"


def test_a_station_cannot_take_another_stations_numbers_or_cases(hub: HubProcess) -> None:
    """Station A pushes cases numbered with station B's code (and B's code in the content,
    and B's own case id): every one is rejected, nothing of it is stored, and B's real cases
    are then applied. (The hub used to apply A's, and quarantine B's as case.number_taken.)"""
    a = new_station()
    b = a + "-C"  # a prefix of it: A's code must not reach into B's numbers either
    ta, tb = enrol(hub, a)["access_token"], enrol(hub, b)["access_token"]
    b_first, b_second = case_item(b, num(b, 1)), case_item(b, num(b, 2))
    squat = case_item(a, num(b, 1))  # B's number, A's code in the content
    claims_b = case_item(b, num(b, 2))  # B's number and B's code, pushed by A
    odd = [case_item(a, n) for n in (f"{a}-1", f"{a}-C-20260105-00003", f"x{a}-20260105-00004")]
    r = push(hub, ta, [squat, claims_b, *odd]).json()["results"]
    assert [x["outcome"] for x in r] == ["rejected"] * 5
    assert [x["code"] for x in r] == [
        "case.number_not_yours",
        "case.wrong_station",
        *["case.number_not_yours"] * 3,
    ]
    # B is not blocked: its cases are applied with their own numbers.
    rb = push(hub, tb, [b_first, b_second]).json()["results"]
    assert [x["outcome"] for x in rb] == ["applied", "applied"], rb
    # A re-pushing B's case under B's case id: rejected, without showing B's state.
    stolen = dict(case_item(a, num(a, 7)), entity_id=b_first["entity_id"])
    r2 = push(hub, ta, [stolen]).json()["results"][0]
    assert r2["outcome"] == "rejected" and r2["code"] == "case.not_yours"
    assert "current" not in r2
    # A's own numbers still work.
    assert push(hub, ta, [case_item(a, num(a, 1))]).json()["results"][0]["outcome"] == "applied"
    _, out, _ = admin(hub.db_url, "export", "--json")
    held = {c["case_number"]: c["station"] for c in json.loads(out) if c["station"] in (a, b)}
    assert held == {num(a, 1): a, num(b, 1): b, num(b, 2): b}


def test_push_malformed_and_too_large(hub: HubProcess) -> None:
    st = new_station()
    token = enrol(hub, st)["access_token"]
    bad = case_item(st, num(st, 1))
    del bad["op_id"]
    r = push(hub, token, [case_item(st, num(st, 0)), bad])
    assert r.status_code == 400 and r.json()["details"]["index"] == 1
    many = [case_item(st, num(st, 100 + i)) for i in range(201)]
    assert push(hub, token, many).status_code == 413
    big = case_item(st, num(st, 999), blob="x" * (protocol.MAX_BATCH_BYTES + 10))
    assert push(hub, token, [big]).status_code == 413
    # Nothing of the refused batches was applied.
    _, out, _ = admin(hub.db_url, "export", "--json")
    assert [c for c in json.loads(out) if c["station"] == st] == []


def _pull_all(
    hub: HubProcess, token: str, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str]:
    out: list[dict[str, Any]] = []
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        r = httpx.get(
            hub.url + "/v1/changes",
            params=params,
            headers={**H, "Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["changes"]) <= 2
        out += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return out, cursor


def test_decisions_flow_to_the_right_station_in_order(hub: HubProcess, tmp_path: Any) -> None:
    s1, s2 = new_station(), new_station()
    t1 = enrol(hub, s1)["access_token"]
    t2 = enrol(hub, s2)["access_token"]
    n1 = num(s1, 1)
    push(hub, t1, [case_item(s1, n1)])
    push(hub, t2, [case_item(s2, num(s2, 1))])
    catalog = tmp_path / "catalog.json"
    version = uuid.uuid4().hex
    catalog.write_text(json.dumps({"version": version, "matters": []}), encoding="utf-8")
    rc, _, err = admin(hub.db_url, "publish-catalog", str(catalog))
    assert rc == 1 and "catalog.invalid" in err  # the stations' own loader refuses it
    demo = json.loads((ROOT / "intake" / "catalog" / "demo_catalog.json").read_text("utf-8"))
    catalog.write_text(json.dumps({**demo, "version": version}, ensure_ascii=False), "utf-8")
    assert admin(hub.db_url, "publish-catalog", str(catalog))[0] == 0
    # received → undertaken is not a platform move: refused with a stable code.
    rc, _, err = admin(hub.db_url, "decide", n1, "undertaken")
    assert rc == 1 and "case.illegal_transition" in err
    # The station accepts (its own decision), then departments decide.
    case = next(
        c for c in json.loads(admin(hub.db_url, "export", "--json")[1]) if c["case_number"] == n1
    )
    created = case_item(s1, n1)  # only to reuse its shape
    content = json.loads(next(iter(_hub_contents(hub, [case["case_id"]]))))
    content["accepted_at"] = "2026-01-05T09:10:00+08:00"
    tr = op_item("case.transition", content, "accepted", 2, [_h(1, "received"), _h(2, "accepted")])
    assert created["payload"]["status"] == "received"
    assert push(hub, t1, [tr]).json()["results"][0]["outcome"] == "applied"
    for status in ("undertaken", "reviewed", "approved", "completed"):
        result = ["--outcome", "granted"] if status == "completed" else []
        rc, _, err = admin(
            hub.db_url,
            "decide",
            n1,
            status,
            "--note",
            f"{status}审核",
            "--department",
            "民政局",
            *result,
        )
        assert rc == 0, err
    changes1, cursor1 = _pull_all(hub, t1)
    mine = [
        (c["kind"], c.get("status"))
        for c in changes1
        if c["kind"] != "catalog" or json.loads(c["document"])["version"] == version
    ]
    assert mine == [
        ("catalog", None),
        ("case.status", "undertaken"),
        ("case.status", "reviewed"),
        ("case.status", "approved"),
        ("case.status", "completed"),
    ]
    assert [c["seq"] for c in changes1] == sorted(c["seq"] for c in changes1)
    decided = [c for c in changes1 if c["kind"] == "case.status"]
    assert {c["case_id"] for c in decided} == {case["case_id"]}
    assert decided[0]["department"] == "民政局" and decided[0]["note"] == "undertaken审核"
    changes2, _ = _pull_all(hub, t2)
    assert {c["kind"] for c in changes2} == {"catalog"}
    # At head: nothing more, and the hub shows no lag once the cursor is presented.
    again, _ = _pull_all(hub, t1, cursor1)
    assert again == []
    lag = {s["station"]: s["cursor_lag"] for s in json.loads(admin(hub.db_url, "stations")[1])}
    assert lag[s1] == 0
    # The hub's own record of decisions, in order (what the chaos test compares with).
    from sync.hub.db import make_engine
    from sync.hub.service import Hub

    engine = make_engine(hub.db_url)
    assert [d["status"] for d in Hub(engine).decisions(n1)] == [
        "undertaken",
        "reviewed",
        "approved",
        "completed",
    ]
    engine.dispose()


def _hub_contents(hub: HubProcess, case_ids: list[str]) -> list[str]:
    from sqlalchemy import select

    from sync.hub import db

    engine = db.make_engine(hub.db_url)
    with engine.connect() as conn:
        rows = (
            conn.execute(select(db.cases.c.content).where(db.cases.c.case_id.in_(case_ids)))
            .scalars()
            .all()
        )
    engine.dispose()
    return list(rows)


def test_station_changes_after_the_hub_has_the_case(hub: HubProcess) -> None:
    st = new_station()
    token = enrol(hub, st)["access_token"]
    create = case_item(st, num(st, 1))
    content = dict(create["payload"]["content"])
    assert push(hub, token, [create]).json()["results"][0]["outcome"] == "applied"
    # Materials handed in (补正) and acceptance: allowed, content digest follows the station.
    content2 = dict(
        content,
        materials=[{"id": "m1", "state": "original"}],
        accepted_at="2026-01-05T10:00:00+08:00",
    )
    hist = [_h(1, "received"), _h(2, "materials_updated"), _h(3, "accepted")]
    ok = op_item("case.materials", content2, "accepted", 2, hist)
    # Changing the applicant after the hub has the case: the platform refuses (conflict).
    content3 = dict(content2, applicant={"name": "李四"})
    frozen = op_item("case.evaluation", content3, "accepted", 3, [*hist, _h(4, "evaluated")])
    # A station may not decide for a department (accepted → approved).
    grab = op_item("case.transition", content2, "approved", 4, [*hist, _h(5, "approved")])
    r = push(hub, token, [ok, frozen, grab]).json()["results"]
    assert [x["outcome"] for x in r] == ["applied", "conflict", "conflict"]
    assert r[1]["current"]["status"] == "accepted"
    export = next(c for c in json.loads(admin(hub.db_url, "export")[1]) if c["station"] == st)
    assert export["status"] == "accepted"
    assert export["content_sha256"] == sha256_hex(canonical_json(content2))
    # A malformed payload is rejected per item, not per batch.
    bad = dict(case_item(st, num(st, 2)))
    bad["payload"] = {"nothing": True}
    bad["sha256"] = sha256_hex(canonical_json(bad["payload"]))
    out = push(hub, token, [bad]).json()["results"][0]
    assert out["outcome"] == "rejected" and out["code"] == "op.payload_invalid"


def test_foreign_or_broken_cursor(hub: HubProcess) -> None:
    token = enrol(hub, new_station())["access_token"]
    auth = {**H, "Authorization": f"Bearer {token}"}
    r = httpx.get(hub.url + "/v1/changes", params={"cursor": "!!"}, headers=auth)
    assert r.status_code == 400
    import base64

    other = base64.urlsafe_b64encode(b'{"e":"another-hub","s":3}').decode().rstrip("=")
    r = httpx.get(hub.url + "/v1/changes", params={"cursor": other}, headers=auth)
    assert r.status_code == 410 and r.json()["error"] == "pull.cursor_expired"


def test_attachment_resumable_head_first(hub: HubProcess) -> None:
    token = enrol(hub, new_station())["access_token"]
    auth = {**H, "Authorization": f"Bearer {token}"}
    data = bytes(range(256)) * 1500
    sha = hashlib.sha256(data).hexdigest()
    url = f"{hub.url}/v1/attachments/{sha}"
    assert httpx.head(url, headers=auth).status_code == 404
    chunk = protocol.ATTACHMENT_CHUNK_BYTES
    r = httpx.put(
        url,
        content=data[:chunk],
        headers={**auth, "Upload-Offset": "0", "Upload-Length": str(len(data))},
    )
    assert r.json() == {"received": chunk, "complete": False}
    head = httpx.head(url, headers=auth)
    assert head.headers["Upload-Offset"] == str(chunk)
    stale = httpx.put(
        url,
        content=data[:10],
        headers={**auth, "Upload-Offset": "0", "Upload-Length": str(len(data))},
    )
    assert stale.status_code == 409 and stale.json()["details"]["received"] == chunk
    offset = chunk
    while offset < len(data):
        part = data[offset : offset + chunk]
        r = httpx.put(
            url,
            content=part,
            headers={**auth, "Upload-Offset": str(offset), "Upload-Length": str(len(data))},
        )
        assert r.status_code == 200
        offset += len(part)
    assert r.json()["complete"] is True
    assert httpx.head(url, headers=auth).headers["X-Complete"] == "1"


def test_schema_version_recorded(hub: HubProcess) -> None:
    from sqlalchemy import select

    from sync.hub import db

    engine = db.make_engine(hub.db_url)
    with engine.connect() as conn:
        assert conn.execute(select(db.hub_schema.c.version)).scalar() == db.SCHEMA_VERSION
    engine.dispose()
