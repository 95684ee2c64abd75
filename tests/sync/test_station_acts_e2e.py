"""The whole path of a case without the app, every step a real command line: a station
enrolled at a real hub (``python -m sync hub serve``), a 接件 recorded (``intake accept``),
受理 (``intake cases transition``), pushed (``sync run --once``), decided by the department
at the hub (``sync hub decide``: 承办, 特别程序 start and end, 办结 with its result), pulled,
送达 (``intake cases deliver``), its notice printed (``printing notices``) and pushed again;
the hub ends with the case 送达. And the hub's 特别程序 rules (issue 10, "Reachable from
outside")."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.station import Station
from intake.status import Status
from tests.sync.hubproc import ROOT, HubProcess, admin, env
from tests.sync.stations import add_cases, engine_for, enrol_station

RESIDENCE = "430A0701007000-430121000000-000-1143012100612301XD-1-00"  # 居住登记
BASIS = "《中华人民共和国行政许可法》第四十五条"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.db'}")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def run(module: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(proc: subprocess.CompletedProcess[str]) -> Any:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)


def error_of(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """A command's JSON error (its last line: the test environment's keyring notice first)."""
    assert proc.returncode == 2, proc.stdout + proc.stderr
    text = proc.stderr if proc.stderr.strip().endswith("}") else proc.stdout
    return dict(json.loads(text.strip().splitlines()[-1]))


def test_accept_transition_decide_sync_deliver_all_by_command_line(
    hub: HubProcess, tmp_path: Path
) -> None:
    d = str(tmp_path / "station")
    code = run("sync", "hub", "--db", hub.db_url, "enroll-code", "--station", "E2E01",
               "--name", "江背镇便民服务站")  # fmt: skip
    assert code.returncode == 0, code.stderr
    ok(run("sync", "--data-dir", d, "enroll", "--hub", hub.url, "--code", code.stdout.strip()))
    assert ok(run("intake", "--data-dir", d, "demo"))["station"] == "E2E01"
    request = {
        "matters": [RESIDENCE],
        "applicant": {"name": "赵𠮷", "id_number": "11010519491231002X", "phone": "13900001111"},
        "materials": {"id_card": {"state": "original", "copies": 1}, "residence_proof": "copy"},
        "form": {},
        "decision": "receive",
        "operator": "clerk01",
    }
    received = ok(
        run("intake", "--data-dir", d, "accept", "--request", "-", stdin=json.dumps(request))
    )
    number = received["case_number"]
    accepted = ok(run("intake", "--data-dir", d, "cases", "transition", number, "accepted",
                      "--operator", "clerk01", "--json"))  # fmt: skip
    assert accepted["status"] == "accepted"
    assert ok(run("sync", "--data-dir", d, "run", "--once"))["state"] == "ok"

    def decide(*args: str) -> dict[str, Any]:
        return dict(ok(run("sync", "hub", "--db", hub.db_url, "decide", number, *args)))

    decide("undertaken", "--department", "长沙县公安局")
    started = decide("special_start", "--kind", "expert_review", "--reason", "需组织专家评审",
                     "--basis", BASIS)  # fmt: skip
    assert started["kind"] == "case.special" and started["active"] is True
    assert ok(run("sync", "--data-dir", d, "run", "--once"))["state"] == "ok"
    shown = ok(run("intake", "--data-dir", d, "cases", "show", number, "--operator", "clerk01"))
    assert shown["status"] == "undertaken" and shown["special_procedure"] is True
    assert shown["history"][-1]["note"] == f"专家评审：需组织专家评审（依据：{BASIS}）"
    refused = run("intake", "--data-dir", d, "cases", "special", number, "end",
                  "--operator", "clerk01")  # fmt: skip
    assert error_of(refused)["error"] == "case.special_procedure_station"  # the window may not
    decide("special_end", "--note", "专家评审结束")
    decide("completed", "--outcome", "granted", "--department", "长沙县公安局")
    assert ok(run("sync", "--data-dir", d, "run", "--once"))["state"] == "ok"
    delivered = ok(run("intake", "--data-dir", d, "cases", "deliver", number, "--operator",
                       "clerk01", "--json"))  # fmt: skip
    assert delivered["status"] == "delivered" and delivered["special_procedure"] is False
    assert delivered["outcome"]["result"] == "granted"
    printed = ok(run("printing", "--data-dir", d, "notices", "--case", number,
                     "--operator", "clerk01", "--out", str(tmp_path / "送达回证.pdf")))  # fmt: skip
    assert printed["jobs"][0]["kind"] == "delivery" and printed["jobs"][0]["state"] == "printed"
    assert ok(run("sync", "--data-dir", d, "run", "--once"))["left"] == 0
    export = ok(run("sync", "hub", "--db", hub.db_url, "export", "--json"))
    (at_hub,) = [c for c in export if c["case_number"] == number]
    assert at_hub["status"] == "delivered"


def _handled_case(hub: HubProcess, d: Path) -> str:
    enrol_station(hub.db_url, hub.url, d)
    add_cases(d, 4)
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().state == "ok"
        return next(c.case_number for c in st.cases.list(Status.ACCEPTED, limit=10))


def test_the_hub_refuses_an_incomplete_or_out_of_place_special_procedure(
    hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    number = _handled_case(hub, d)
    rc, _, err = admin(hub.db_url, "decide", number, "special_start", "--kind", "hearing")
    assert rc == 2 and json.loads(err)["error"] == "case.special_procedure_incomplete"
    assert set(json.loads(err)["details"]["missing"]) == {"reason", "legal_basis"}
    rc, _, err = admin(hub.db_url, "decide", number, "special_end")
    assert rc == 2 and json.loads(err)["error"] == "case.special_procedure_state"  # not running
    rc, _, err = admin(hub.db_url, "decide", number, "special_start", "--kind", "hearing",
                       "--reason", "依申请人要求举行听证", "--basis", BASIS)  # fmt: skip
    assert rc == 0, err
    rc, _, err = admin(hub.db_url, "decide", number, "special_start", "--kind", "hearing",
                       "--reason", "再次", "--basis", BASIS)  # fmt: skip
    assert rc == 2 and json.loads(err)["error"] == "case.special_procedure_state"  # running
    with Station.open(d) as st:
        engine = engine_for(st, hub.url)
        assert engine.run_round().pulled == 1
        view = st.cases.get(number)
        assert view.special_procedure is True
        (item,) = [i for i in st.inbox.items("clerk01") if i.case_number == number]
        assert "特别程序开始（听证）" in item.summary
        before = view.deadline
        assert before is not None
    rc, _, err = admin(hub.db_url, "decide", number, "special_end", "--note", "听证结束")
    assert rc == 0, err
    with Station.open(d) as st:
        assert engine_for(st, hub.url).run_round().pulled == 1
        view = st.cases.get(number)
        assert view.special_procedure is False
        assert [h.event for h in view.history][-2:] == ["special_start", "special_end"]
        assert all(h.actor == "platform" for h in view.history[-2:])
        assert st.outbox.stats()["pending"] == 0  # the platform's step is not sent back
        assert st.sync_state.get("pull_conflicts", []) == []


def test_a_special_procedure_on_a_case_not_being_handled_is_refused(
    hub: HubProcess, tmp_path: Path
) -> None:
    d = tmp_path / "st"
    number = _handled_case(hub, d)
    for status in ("undertaken", "reviewed", "approved"):
        assert admin(hub.db_url, "decide", number, status)[0] == 0
    rc, _, err = admin(hub.db_url, "decide", number, "completed", "--outcome", "granted")
    assert rc == 0, err
    rc, _, err = admin(hub.db_url, "decide", number, "special_start", "--kind", "testing",
                       "--reason", "检测", "--basis", BASIS)  # fmt: skip
    assert rc == 2 and json.loads(err)["error"] == "case.special_procedure_state"
    bad_kind = run("sync", "hub", "--db", hub.db_url, "decide", number, "special_start",
                   "--kind", "picnic")  # fmt: skip
    assert error_of(bad_kind)["error"] == "cli.usage"
