"""The station engine against the real hub (uvicorn on loopback, SQLite) and real stores."""

from __future__ import annotations

import email.utils
import json
import re
import shutil
import threading
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import requests

from intake.services.outbox import enqueue
from intake.station import Station
from sync import errors
from sync.client.credentials import CredentialStore
from sync.client.engine import SyncEngine, batch_body, enrol
from sync.client.transport import HubClient, RetryPolicy
from sync.hub.db import make_engine
from sync.hub.service import Hub
from sync.testing.faultproxy import FaultMix, FaultProxy
from tests.sync.hubproc import HubProcess, admin, sync_cli
from tests.sync.stations import add_cases, engine_for, enrol_station, seeded_template
from tests.sync.verify import verify


@pytest.fixture(scope="module")
def hub1(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub for this module's tests; each test enrols its own stations."""
    proc = HubProcess(f"sqlite:///{tmp_path_factory.mktemp('hub1') / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def _hub(proc: HubProcess) -> Hub:
    return Hub(make_engine(proc.db_url))


def test_round_trip_and_decisions_exactly_once(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    numbers = add_cases(d, 25)
    with Station.open(d) as st:
        report = engine_for(st, hub1.url).run_round()
        assert report.state == "ok" and report.left == 0 and report.acked >= 25
        assert {c.sync_state for c in st.cases.list(limit=100)} == {"acknowledged"}
    hub = _hub(hub1)
    accepted = [
        c["case_number"] for c in hub.export() if c["status"] == "accepted" and c["station"] == code
    ]
    assert accepted, "the demo makes accepted cases"
    for status in ("undertaken", "reviewed"):
        hub.decide(accepted[0], status, note="同意")
    with Station.open(d) as st:
        report = engine_for(st, hub1.url).run_round()
        assert report.pulled == 2
        # A second round changes nothing (applying is idempotent, the cursor is at head).
        again = engine_for(st, hub1.url).run_round()
        assert again.pulled == 0 and again.pushed == 0
        assert st.cases.get(accepted[0]).status.value == "reviewed"
    assert verify(hub1.db_url, {code: d}) == []
    assert len(numbers) == 25


class LoseFirstAnswer:
    """Wraps a real HubClient: the first push reaches the hub (which commits), then the
    answer is 'lost' like behind a proxy that cut the connection."""

    def __init__(self, real: HubClient) -> None:
        self.real = real
        self.bodies: list[tuple[str, bytes]] = []

    def push(self, token: str, batch_id: str, body: bytes) -> dict[str, Any]:
        self.bodies.append((batch_id, body))
        answer = self.real.push(token, batch_id, body)
        if len(self.bodies) == 1:
            raise errors.Offline("answer lost after the hub committed")
        return answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_lost_answer_retry_sends_identical_bytes(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 5)
    with Station.open(d) as st:
        engine = engine_for(st, hub1.url)
        wrapper = LoseFirstAnswer(engine.client)
        engine.client = wrapper  # type: ignore[assignment]
        report = engine.run_round()
        assert report.state == "ok" and report.left == 0
    (id1, body1), (id2, body2) = wrapper.bodies
    assert id1 == id2 and body1 == body2
    assert verify(hub1.db_url, {code: d}) == []


def test_crash_after_marking_inflight_resends_the_frozen_batch(
    hub1: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 4)
    with Station.open(d) as st:
        engine = engine_for(st, hub1.url)
        batch = engine._next_batch(st.outbox.pending())  # marked in flight, then "kill -9"
        frozen = batch_body(batch[0].batch_id, batch)
    with Station.open(d) as st:
        engine = engine_for(st, hub1.url)
        again = engine._next_batch(st.outbox.pending())
        assert batch_body(again[0].batch_id, again) == frozen
        assert engine.run_round().left == 0
    assert verify(hub1.db_url, {code: d}) == []


def test_crash_while_recording_answers_rekeys_the_rest(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 4)
    with Station.open(d) as st:
        engine = engine_for(st, hub1.url)
        batch = engine._next_batch(st.outbox.pending())
        answer = engine.client.push(
            engine._access_token(), batch[0].batch_id, batch_body(batch[0].batch_id, batch)
        )
        # "kill -9" after recording the first result only.
        st.outbox.mark_acked(batch[0].op_id, answer["results"][0])
    with Station.open(d) as st:
        report = engine_for(st, hub1.url).run_round()
        assert report.state == "ok" and report.left == 0 and report.rejected == 0
        assert report.batches == 1  # re-keyed as a whole, not bisected
        assert st.outbox.stats()["quarantined"] == 0
    assert verify(hub1.db_url, {code: d}) == []


def test_bad_item_is_bisected_out_and_quarantined(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 6)
    with Station.open(d) as st:
        case = st.cases.list(limit=1)[0]
        with st.db.write() as session:
            # Unsendable as a whole batch (case number too long: the hub answers 400) and an
            # op for a case the hub never heard of (answered per item: rejected).
            enqueue(
                session,
                case_id=case.id,
                case_number="X" * 80,
                op="case.evaluation",
                base_version=1,
                payload={"broken": True},
            )
            enqueue(
                session,
                case_id="no-such-case",
                case_number="NOPE-1",
                op="case.evaluation",
                base_version=1,
                payload={"broken": True},
            )
        add_before = st.outbox.stats()
        report = engine_for(st, hub1.url).run_round()
        assert report.state == "ok" and report.left == 0
        quarantine = {i.case_number: i.result for i in st.outbox.quarantined()}
        assert quarantine["X" * 80]["code"] == "sync.hub.push.malformed_item"
        assert quarantine["NOPE-1"]["code"] == "case.unknown"
        assert st.outbox.stats()["acknowledged"] == add_before["pending"] - 2
    problems = verify(hub1.db_url, {code: d})
    assert problems == [f"{code}: outbox quarantined = 2"]


def test_revoked_station_stops_and_keeps_its_data(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 3)
    assert admin(hub1.db_url, "revoke", code)[0] == 0
    with Station.open(d) as st:
        before = st.outbox.stats()
        report = engine_for(st, hub1.url).run_round()
        assert report.state == "revoked"
        assert st.outbox.stats() == before and len(st.cases.list(limit=10)) == 3
    result = sync_cli("--data-dir", str(d), "run", "--once", check=False)
    assert result.returncode == 3
    status = json.loads(sync_cli("--data-dir", str(d), "status", "--json").stdout)
    assert status["state"] == "revoked" and status["pending"] == before["pending"]


def test_expired_cursor_rescopes_without_touching_the_outbox(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(sqlite_hub.db_url, sqlite_hub.url, d)
    add_cases(d, 10)
    with Station.open(d) as st:
        assert engine_for(st, sqlite_hub.url).run_round().state == "ok"
        hub = _hub(sqlite_hub)
        accepted = next(c["case_number"] for c in hub.export() if c["status"] == "accepted")
        hub.decide(accepted, "undertaken")
        assert engine_for(st, sqlite_hub.url).run_round().pulled == 1
        hub.compact(hub.head_seq() + 1)
        add_cases(d, 2, seed=8)
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.rescoped and report.state == "ok" and report.left == 0
        assert st.cases.get(accepted).status.value == "undertaken"
        # A restored hub: a new epoch, every cursor expires, the station re-scopes again.
        assert admin(sqlite_hub.db_url, "rotate-epoch")[0] == 0
        report = engine_for(st, sqlite_hub.url).run_round()
        assert report.rescoped and report.state == "ok"
    assert verify(sqlite_hub.db_url, {code: d}) == []


def test_token_refresh_lost_answer_is_not_reuse(hub1: HubProcess, tmp_path: Path) -> None:
    d = tmp_path / "st"
    enrol_station(hub1.db_url, hub1.url, d)
    creds = CredentialStore(d)
    first = creds.load()
    assert first is not None
    client = HubClient(hub1.url)
    proposed = first.with_next()
    creds.save(proposed)
    import hashlib

    # The hub rotates, the answer is lost: the station still holds (current, next).
    client.token(proposed.current, hashlib.sha256((proposed.next or "").encode()).hexdigest())
    with Station.open(d) as st:
        report = engine_for(st, hub1.url).run_round()
        assert report.state == "ok"
    after = creds.load()
    assert after is not None and after.current == proposed.next and after.next is None
    # Presenting the first secret again now is reuse: the station is revoked.
    with pytest.raises(errors.Revoked):
        client.token(first.current, "a" * 64)


def test_enrolment_survives_a_lost_answer(hub1: HubProcess, tmp_path: Path) -> None:
    rc, out, _ = admin(hub1.db_url, "enroll-code", "--station", "LOST1", "--name", "x")
    assert rc == 0
    proxy = FaultProxy(
        hub1.port,
        mix=FaultMix(
            passthrough=0,
            delay=0,
            cut_request=0,
            cut_response=0,
            drop_response=1,
            reset=0,
            blackhole=0,
        ),
    )
    proxy.start()
    try:
        creds = CredentialStore(tmp_path)
        lossy = HubClient(f"http://127.0.0.1:{proxy.port}")
        with pytest.raises(errors.Offline):
            enrol(lossy, creds, out.strip(), RetryPolicy(attempts=1))
        proxy.mix.enabled = False
        answer = enrol(lossy, creds, out.strip(), RetryPolicy(attempts=2))
        assert answer["station_code"] == "LOST1"
    finally:
        proxy.stop()
    assert proxy.stats["drop_response"] >= 1
    # Somebody else trying the same code now gets a clear refusal.
    with pytest.raises(errors.EnrolmentFailed):
        enrol(
            HubClient(hub1.url),
            CredentialStore(tmp_path / "other"),
            out.strip(),
            RetryPolicy(attempts=1),
        )


# ----------------------------------------------------------------- hostile or odd servers
class _Canned(BaseHTTPRequestHandler):
    answers: ClassVar[list[tuple[int, dict[str, str], bytes]]] = []
    seen: ClassVar[list[str]] = []

    def _reply(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        status, headers, body = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _reply

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def canned() -> Iterator[tuple[str, type[_Canned]]]:
    handler = type("H", (_Canned,), {"answers": [], "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


HUB = {
    "X-WindowDesk-Hub": "1",
    "Content-Type": "application/json",
    "X-Hub-Time": "2020-01-01T00:00:00+00:00",
}


def _station_with_cases(hub1: HubProcess, tmp_path: Path) -> Path:
    d = tmp_path / "st"
    enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 2)
    return d


def _token_ok() -> tuple[int, dict[str, str], bytes]:
    return 200, HUB, json.dumps({"access_token": "wd1.x", "expires_in": 600}).encode()


def test_captive_portal_is_its_own_state(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    handler.answers = [(200, {"Content-Type": "text/html"}, b"<html>Wi-Fi login</html>")]
    with Station.open(d) as st:
        before = st.outbox.stats()
        report = engine_for(st, url).run_round()
        assert report.state == "captive_portal"
        assert st.outbox.stats()["pending"] == before["pending"]
        assert st.sync_state.get("sync.state") == "captive_portal"


def test_upgrade_required_keeps_queueing(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    handler.answers = [(426, HUB, b'{"error":"protocol.upgrade_required"}')]
    with Station.open(d) as st:
        report = engine_for(st, url).run_round()
        assert report.state == "upgrade_required" and report.left == st.outbox.stats()["pending"]
    assert (
        sync_cli("--data-dir", str(d), "run", "--once", "--hub", url, check=False).returncode == 5
    )


def test_retry_after_is_honoured_and_clock_offset_recorded(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    busy = (503, {**HUB, "Retry-After": "7"}, b'{"error":"hub.unavailable"}')
    handler.answers = [_token_ok(), busy, busy, busy]
    waits: list[float] = []
    with Station.open(d) as st:
        report = engine_for(st, url, attempts=3, sleep=waits.append, cap=300).run_round()
        assert report.state == "hub_busy"
        assert waits == [7.0, 7.0]  # the hub's Retry-After, not our own backoff
        offset = st.sync_state.get("sync.clock_offset_s")
        assert offset is not None and offset < -120  # the canned hub lives in 2020
        assert "clock_offset_above_2_minutes" in report.notes


def test_retry_after_as_an_http_date_is_honoured(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    """RFC 9110 lets a gateway say *when* (an HTTP date) instead of how long."""
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=40), usegmt=True)
    busy = (503, {**HUB, "Retry-After": when}, b'{"error":"hub.unavailable"}')
    handler.answers = [_token_ok(), busy, busy, busy]
    waits: list[float] = []
    with Station.open(d) as st:
        report = engine_for(st, url, attempts=3, sleep=waits.append, cap=300).run_round()
    assert report.state == "hub_busy"
    assert len(waits) == 2 and all(30 < w <= 40 for w in waits), waits


def test_a_redirect_is_a_captive_portal_and_is_not_followed(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    """Village Wi-Fi answers 302 to its login page; following it (requests' default) would
    hand whatever the target says to the engine as if the hub had said it."""
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    handler.answers = [(302, {"Location": url + "/v1/token"}, b""), _token_ok()]
    with Station.open(d) as st:
        report = engine_for(st, url, attempts=1).run_round()
        assert report.state == "captive_portal"
        assert st.sync_state.get("sync.state") == "captive_portal"
    assert handler.seen == ["POST /v1/token"]  # once: the redirect was not followed


def test_the_station_client_is_requests_and_httpx_is_no_dependency() -> None:
    """The design card names requests; httpx is in no extra (nor the base) any more."""
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    groups = {"base": project["dependencies"], **project["optional-dependencies"]}
    names = {
        g: {re.split(r"[\[<>=;! ]", d, maxsplit=1)[0].lower() for d in ds}
        for g, ds in groups.items()
    }
    assert not [g for g, n in names.items() if "httpx" in n]
    assert "requests" in names["sync"]
    with HubClient("https://127.0.0.1:9") as client:
        assert isinstance(client._http, requests.Session)


def test_malformed_answer_is_a_protocol_violation(
    hub1: HubProcess, tmp_path: Path, canned: tuple[str, type[_Canned]]
) -> None:
    url, handler = canned
    d = _station_with_cases(hub1, tmp_path)
    handler.answers = [_token_ok(), (200, HUB, b'{"results": [{"op_id": "nope"}]}')]
    with Station.open(d) as st:
        before = st.outbox.stats()["pending"]
        report = engine_for(st, url).run_round()
        assert report.state == "error" and report.error is not None
        assert report.error["error"] == "sync.protocol_violation"
        # Nothing was acknowledged on a hostile answer: everything is still to send.
        assert st.outbox.stats()["pending"] + st.outbox.stats()["inflight"] == before


def test_no_keyring_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("WINDOWDESK_KEYRING", "")
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    with pytest.raises(errors.CredentialStoreError):
        CredentialStore(tmp_path).load()
    assert not any(p.name.startswith("sync-credential") for p in tmp_path.iterdir())


# ----------------------------------------------------------------- the test of the test
class AckBeforeSend(SyncEngine):
    """MUTANT: acknowledges a batch locally before the hub has it. Must be caught."""

    def _post(self, batch: Any) -> dict[str, Any]:
        for item in batch:
            self.store.outbox.mark_acked(item.op_id, {"outcome": "applied"})
        return super()._post(batch)


@pytest.mark.parametrize("engine_class", [SyncEngine, AckBeforeSend])
def test_verification_catches_an_ack_before_send_client(
    hub1: HubProcess, tmp_path: Path, engine_class: type[SyncEngine]
) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 4)
    proxy = FaultProxy(
        hub1.port,
        mix=FaultMix(
            passthrough=0,
            delay=0,
            cut_request=1,
            cut_response=0,
            drop_response=0,
            reset=0,
            blackhole=0,
        ),
        seed=3,
    )
    proxy.start()
    try:
        with Station.open(d) as st:
            url = f"http://127.0.0.1:{proxy.port}"
            proxy.mix.enabled = False
            engine = engine_for(st, url, attempts=1)
            engine.__class__ = engine_class
            engine._access_token()  # a token first, then every new connection is cut
            engine.client.close()
            engine.client = HubClient(url)
            proxy.mix.enabled = True
            assert engine.run_round().state != "ok"
            proxy.mix.enabled = False
            engine.run_round()
            engine.run_round()
    finally:
        proxy.stop()
    problems = verify(hub1.db_url, {code: d})
    if engine_class is SyncEngine:
        assert problems == []
    else:
        assert any("never reached the hub" in p for p in problems), problems


# ----------------------------------------------------------------- the pipelined push
class RecordingClient:
    """Wraps a real HubClient: records every push and how many were at the hub at once;
    ``fail_on`` makes that push (1-based) fail as a lost link, before anything is sent."""

    def __init__(self, real: HubClient, fail_on: int = 0) -> None:
        self.real = real
        self.fail_on = fail_on
        self.bodies: list[tuple[str, bytes]] = []
        self.at_once = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def push(self, token: str, batch_id: str, body: bytes) -> dict[str, Any]:
        with self._lock:
            self.bodies.append((batch_id, body))
            self.at_once += 1
            self.most_at_once = max(self.most_at_once, self.at_once)
            failing = len(self.bodies) == self.fail_on
        try:
            if failing:
                raise errors.Offline("link lost")
            return self.real.push(token, batch_id, body)
        finally:
            with self._lock:
                self.at_once -= 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _recording_engine(
    st: Station, url: str, batch_items: int, *, fail_on: int = 0
) -> tuple[SyncEngine, RecordingClient]:
    """An engine with small batches whose pushes go through a ``RecordingClient``."""
    engine = engine_for(st, url, attempts=1 if fail_on else 3)
    engine.batch_items = batch_items
    wrapper = RecordingClient(engine.client, fail_on=fail_on)
    engine.client = wrapper  # type: ignore[assignment]
    return engine, wrapper


def _ops_per_case(st: Station) -> dict[str, list[int]]:
    seqs: dict[str, list[int]] = {}
    for item in st.outbox.pending(limit=10_000):
        seqs.setdefault(item.entity_id, []).append(item.seq)
    return seqs


def test_pipelined_push_sends_one_batch_at_a_time_in_outbox_order(
    hub1: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 12)
    with Station.open(d) as st:
        multi = {k: v for k, v in _ops_per_case(st).items() if len(v) > 1}
        assert multi, "the demo records later changes (补正 received, 送达…) as further ops"
        # batches of 2: a case's later op lands in a later batch
        engine, wrapper = _recording_engine(st, hub1.url, 2)
        report = engine.run_round()
        assert report.state == "ok" and report.left == 0
        assert report.conflicts == 0 and report.rejected == 0
        assert report.batches == len(wrapper.bodies) > 6
    assert wrapper.most_at_once == 1
    sent_seqs = [
        [item["op_id"] for item in json.loads(body)["items"]] for _, body in wrapper.bodies
    ]
    flat = [op for batch in sent_seqs for op in batch]
    assert len(flat) == len(set(flat)) == sum(len(v) for v in _all_ops(d).values())
    assert flat == sorted(flat)  # UUIDv7 op ids sort by creation: outbox order
    assert verify(hub1.db_url, {code: d}) == []


def _all_ops(d: Path) -> dict[str, list[str]]:
    with Station.open(d) as st:
        ops: dict[str, list[str]] = {}
        for case in st.cases.list(limit=1000):
            ops[case.id] = [i.op_id for i in st.outbox.for_case(case.id)]
        return ops


def test_link_lost_with_the_next_batch_marked_resends_both_frozen(
    hub1: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    code = enrol_station(hub1.db_url, hub1.url, d)
    add_cases(d, 10)
    with Station.open(d) as st:
        engine, first = _recording_engine(st, hub1.url, 3, fail_on=2)
        assert engine.run_round().state == "offline"
        inflight = [i for i in st.outbox.pending(limit=1000) if i.state == "inflight"]
        # batch 2 failed on the way; batch 3 had been prepared meanwhile: both stay frozen
        assert len({i.batch_id for i in inflight}) == 2
        engine.client = second = RecordingClient(first.real)  # type: ignore[assignment]
        report = engine.run_round()
        assert report.state == "ok" and report.left == 0 and report.conflicts == 0
    assert second.bodies[0] == first.bodies[1]  # the failed batch again, byte for byte
    assert verify(hub1.db_url, {code: d}) == []


def test_spliced_item_bytes_equal_the_canonical_encoding(tmp_path: Path) -> None:
    """The batch body splices each stored payload in as it is; it must equal the canonical
    JSON of the decoded items (the hub checks each payload's sha256 against it)."""
    from intake.canonical import canonical_json
    from sync.client.engine import item_bytes, item_wire

    d = tmp_path / "st"
    shutil.copytree(seeded_template(), d)
    add_cases(d, 6)
    with Station.open(d) as st:
        items = st.outbox.pending(limit=100)
    assert items and all(max(i.payload_json) > 127 for i in items)  # Chinese kept as UTF-8
    for item in items:
        assert item_bytes(item) == canonical_json(item_wire(item))
    body = batch_body("b-1", items)
    assert body == canonical_json({"batch_id": "b-1", "items": [item_wire(i) for i in items]})
