"""The headless CLI, run as a user would run it (a subprocess on a temp data dir)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake.catalog import demo_catalog_path

ENV = {**os.environ, "WINDOWDESK_KEYRING": "file"}


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )


def lines(out: str) -> list[Any]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_idcheck_prints_one_object_per_number(data_dir: Path) -> None:
    proc = run(data_dir, "idcheck", "11010519491231002x", "430102850101123", "1234")
    assert proc.returncode == 1  # one of them is invalid
    first, legacy, bad = lines(proc.stdout)
    assert first["valid"] and first["normalized"] == "11010519491231002X"
    assert legacy["valid"] and legacy["normalized"].startswith("43010219850101123")
    assert bad == {
        "number": "1234",
        "valid": False,
        "error": "id.length",
        "kind": None,
        "region_code": None,
        "birth_date": None,
        "sex": None,
        "normalized": None,
    }


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo")
    proc = run(path, "demo", "--cases", "40")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = json.loads(proc.stdout)
    assert out["cases_added"] == 40 and out["station"] == "CSX001"
    return path


def test_demo_cases_vary(demo_dir: Path) -> None:
    cases = lines(run(demo_dir, "cases", "list", "--limit", "100", "--json").stdout)[0]
    assert len(cases) == 40
    statuses = {c["status"] for c in cases}
    assert {"accepted", "supplement"} <= statuses
    assert len({c["title"] for c in cases}) > 15


def test_catalog_commands(demo_dir: Path, tmp_path: Path) -> None:
    listing = lines(run(demo_dir, "catalog", "list", "--json").stdout)[0]
    assert len(listing["matters"]) >= 40 and len(listing["bundles"]) >= 10
    bundle = listing["bundles"][0]["code"]
    shown = lines(run(demo_dir, "catalog", "show", bundle).stdout)[0]
    assert shown["bundle"]["code"] == bundle and shown["requirements"]["materials"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "windowdesk.catalog/1", "version": 3}', encoding="utf-8")
    proc = run(demo_dir, "catalog", "load", str(bad))
    assert proc.returncode == 2
    err = json.loads(proc.stdout)
    assert err["error"] == "catalog.invalid" and len(err["details"]["problems"]) > 3
    assert (
        lines(run(demo_dir, "catalog", "list", "--json").stdout)[0]["version"] == listing["version"]
    )  # the good catalog stays active
    loaded = run(demo_dir, "catalog", "load", str(demo_catalog_path()))
    assert loaded.returncode == 0, loaded.stdout


def _request(demo_dir: Path) -> dict[str, Any]:
    listing = lines(run(demo_dir, "catalog", "list", "--json").stdout)[0]
    immediate = next(m for m in listing["matters"] if m["immediate"])
    shown = lines(run(demo_dir, "catalog", "show", immediate["code"]).stdout)[0]
    req = shown["requirements"]
    return {
        "matters": [immediate["code"]],
        "applicant": {"name": "赵𠮷", "id_number": "11010519491231002X", "phone": "13900001111"},
        "materials": {
            m["material"]["id"]: {"state": "original", "copies": m["copies"]}
            for m in req["materials"]
        },
        "form": {},
        "decision": "supplement" if req["fields"] else "accept",
        "operator": "clerk01",
        **(
            {"materials": {m["material"]["id"]: "missing" for m in req["materials"]}}
            if req["fields"]
            else {}
        ),
    }


def test_accept_from_stdin_and_show(demo_dir: Path) -> None:
    request = _request(demo_dir)
    proc = run(demo_dir, "accept", "--request", "-", stdin=json.dumps(request))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"case_id", "case_number", "status", "promised_date", "deadline_provisional"}
    shown = json.loads(run(demo_dir, "cases", "show", out["case_number"]).stdout)
    assert shown["applicant"]["name"] == "赵𠮷" and shown["id"] == out["case_id"]
    found = lines(run(demo_dir, "cases", "search", "11010519491231002x", "--json").stdout)[0]
    assert out["case_number"] in {c["case_number"] for c in found}


def test_bad_request_lists_every_problem_and_writes_nothing(demo_dir: Path, tmp_path: Path) -> None:
    before = lines(run(demo_dir, "cases", "list", "--limit", "500", "--json").stdout)[0]
    bad = {
        "matters": ["NO-SUCH"],
        "applicant": {"name": "", "id_number": "123"},
        "decision": "accept",
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    proc = run(demo_dir, "accept", "--request", str(path))
    assert proc.returncode == 2
    err = json.loads(proc.stdout)
    assert err["error"] == "request.invalid"
    where = {p["where"] for p in err["details"]["problems"]}
    assert {"applicant.name", "applicant.id_number", "applicant.phone"} <= where
    unknown = run(
        demo_dir,
        "accept",
        "--request",
        "-",
        stdin=json.dumps({**_request(demo_dir), "matters": ["NO-SUCH"]}),
    )
    assert unknown.returncode == 2
    assert json.loads(unknown.stdout)["details"]["problems"][0]["where"] == "matters"
    assert run(demo_dir, "accept", "--request", "-", stdin="{not json").returncode == 2
    after = lines(run(demo_dir, "cases", "list", "--limit", "500", "--json").stdout)[0]
    assert len(after) == len(before)


def test_deferred_and_overdue_lists(demo_dir: Path) -> None:
    due = lines(run(demo_dir, "cases", "deferred", "--within", "60", "--json").stdout)[0]
    assert due, "the demo has 容缺 promises"
    assert all(d["material"]["state"] == "deferred" for d in due)
    dates = [d["material"]["promised_date"] for d in due]
    assert dates == sorted(dates)
    assert run(demo_dir, "cases", "overdue", "--json").returncode == 0


def test_audit_verify_and_run_demo(demo_dir: Path) -> None:
    verdict = json.loads(run(demo_dir, "audit").stdout)
    assert verdict["ok"] and verdict["rows"] > 40
    shown = run(demo_dir, "run-demo")
    assert shown.returncode == 0 and "长沙县政务服务中心" in shown.stdout


def test_undecided_receipts_carry_their_section_32_day_and_no_personal_data(
    demo_dir: Path,
) -> None:
    listing = lines(run(demo_dir, "cases", "list", "--limit", "100", "--json").stdout)[0]
    received = {c["case_number"]: c for c in listing if c["status"] == "received"}
    assert received, "the demo has kiosk 接件 waiting"
    proc = run(demo_dir, "cases", "undecided", "--json")
    assert proc.returncode == 0, proc.stderr
    waiting = lines(proc.stdout)[0]
    assert {w["case_number"] for w in waiting} == set(received)
    for w in waiting:
        assert set(w) == {"case_number", "title", "received_at", "decide_by", "deemed_accepted"}
        assert w["decide_by"] > w["received_at"][:10]
        assert received[w["case_number"]]["applicant_name"] not in json.dumps(w, ensure_ascii=False)
