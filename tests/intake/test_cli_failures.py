"""Every failure of every CLI is the documented JSON error with exit 2, and no error output
carries personal data: the hostile inputs and bad days of the review (issue 9), each run as
a user would (a subprocess) against a real encrypted store.

Full and read-only disks are real file systems: a tmpfs of a few MiB, filled up or
remounted read-only (the tests run as root, as ``make test`` does for PostgreSQL).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ENV = {**os.environ, "WINDOWDESK_KEYRING": "file"}
#: An 18-character resident ID number anywhere in the output (ours or any other).
ID_NUMBER = re.compile(r"(?<![\w-])\d{17}[\dXx](?![\w-])")
APPLICANT_ID = "11010519491231002X"


def _run(module: str, data_dir: Path, *args: str | bytes, stdin: bytes | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "-m", module, "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        env=ENV,
        timeout=120,
    )


def _documented_error(proc: Any, *, stream: str = "stdout") -> dict[str, Any]:
    """Exit 2, one JSON error object on ``stream``, no traceback, no ID number anywhere."""
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err, out + err
    assert not ID_NUMBER.search(out + err), out + err
    assert proc.returncode == 2, (proc.returncode, out, err)
    text = out if stream == "stdout" else err
    objects = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert len(objects) == 1, text
    body = objects[0]
    assert isinstance(body["error"], str) and "." in body["error"], body
    assert isinstance(body["message"], str) and body["message"], body
    return body


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("failures") / "station"
    proc = _run("intake", path, "demo", "--cases", "5")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return path


@pytest.fixture(scope="module")
def request_body(station: Path) -> dict[str, Any]:
    """A request the station accepts (from its catalog), with ``APPLICANT_ID``."""
    listing = json.loads(_run("intake", station, "catalog", "list", "--json").stdout)
    matter = next(m for m in listing["matters"] if m["immediate"])
    shown = json.loads(_run("intake", station, "catalog", "show", matter["code"]).stdout)
    req = shown["requirements"]
    body: dict[str, Any] = {
        "matters": [matter["code"]],
        "applicant": {"name": "赵吉", "id_number": APPLICANT_ID, "phone": "13900001111"},
        "materials": {
            m["material"]["id"]: {"state": "original", "copies": m["copies"]}
            for m in req["materials"]
        },
        "form": {},
        "decision": "accept",
        "operator": "clerk01",
    }
    if req["fields"]:
        body["decision"] = "supplement"
        body["materials"] = {m["material"]["id"]: "missing" for m in req["materials"]}
    ok = _run("intake", station, "accept", "--request", "-", stdin=json.dumps(body).encode())
    assert ok.returncode == 0, ok.stdout + ok.stderr
    return body


def _count(data_dir: Path) -> int:
    proc = _run("intake", data_dir, "cases", "list", "--limit", "1000", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return len(json.loads(proc.stdout))


def _accept(data_dir: Path, body: dict[str, Any] | bytes, *extra: str) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return _run("intake", data_dir, *extra, "accept", "--request", "-", stdin=raw)


# ----------------------------------------------------------------- hostile input
def test_hostile_requests_are_typed_errors(station: Path, request_body: dict[str, Any]) -> None:
    before = _count(station)
    name_surrogate = json.dumps(request_body).replace(
        json.dumps("赵吉")[1:-1], "\\ud800"
    )  # a lone surrogate, escaped in valid JSON
    assert "\\ud800" in name_surrogate
    cases: dict[str, bytes] = {
        "lone surrogate": name_surrogate.encode(),
        "year 9999": json.dumps(
            {**request_body, "received_at": "9999-12-31T10:00:00+08:00"}
        ).encode(),
        "invalid UTF-8": json.dumps(request_body, ensure_ascii=False)
        .encode()
        .replace("赵".encode(), b"\xff\xfe"),
        "deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "5000 digits": b'{"matters": ' + b"7" * 5000 + b"}",
        "5000 digits in a form": json.dumps(request_body).encode()[:-1]
        + b', "extra": '
        + b"9" * 5000
        + b"}",
    }
    assert b"\xff\xfe" in cases["invalid UTF-8"]
    codes = {}
    for what, raw in cases.items():
        codes[what] = _documented_error(_accept(station, raw))["error"]
    assert codes == {
        "lone surrogate": "request.invalid",
        "year 9999": "request.invalid",
        "invalid UTF-8": "request.encoding",
        "deep nesting": "request.too_deep",
        "5000 digits": "request.json",
        "5000 digits in a form": "request.json",
    }
    assert _count(station) == before


def test_undecodable_arguments_and_usage_errors(station: Path) -> None:
    # bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape)
    body = _documented_error(_run("intake", station, "cases", "search", b"\xff\xfe"))
    assert body["error"] == "input.encoding"
    assert _documented_error(_run("intake", station, "cases", "bogus"))["error"] == "cli.usage"
    sync_usage = _run("sync", station, "run", "--interval", "soon")
    assert _documented_error(sync_usage, stream="stderr")["error"] == "cli.usage"


def test_a_missing_catalog_file(station: Path, tmp_path: Path) -> None:
    proc = _run("intake", station, "catalog", "load", str(tmp_path / "nowhere.json"))
    assert _documented_error(proc)["error"] == "io.not_found"


def test_a_missing_ca_file_for_the_hub(tmp_path: Path) -> None:
    proc = _run(
        "sync",
        tmp_path / "st",
        "--ca-file",
        str(tmp_path / "no-ca.pem"),
        "enroll",
        "--hub",
        "https://127.0.0.1:9",
        "--code",
        "X",
    )
    assert _documented_error(proc, stream="stderr")["error"] == "sync.ca_file_unreadable"


# ----------------------------------------------------------------- a bad day for the store
@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.fail("mounting a small tmpfs needs root (make test runs as root)")
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_disk(station: Path, request_body: dict[str, Any], tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "8m") as disk:
        copy = disk / "station"
        shutil.copytree(station, copy)
        before = _count(copy)
        filler = disk / "filler"
        with open(filler, "wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        body = _documented_error(_accept(copy, request_body))
        assert body["error"] in ("store.disk_full", "io.disk_full"), body
        filler.unlink()
        assert _count(copy) == before  # nothing lost, nothing half-written
        audit = _run("intake", copy, "audit")
        assert audit.returncode == 0, audit.stdout + audit.stderr


def test_a_read_only_store(station: Path, request_body: dict[str, Any], tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "ro", "16m") as disk:
        copy = disk / "station"
        shutil.copytree(station, copy)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        body = _documented_error(_accept(copy, request_body))
        assert body["error"] in ("store.read_only", "io.read_only", "store.cannot_open"), body
        status = _documented_error(_run("sync", copy, "status"), stream="stderr")
        assert status["error"] in ("store.read_only", "io.read_only", "store.cannot_open")


def test_a_damaged_page(station: Path, request_body: dict[str, Any], tmp_path: Path) -> None:
    copy = tmp_path / "station"
    shutil.copytree(station, copy)
    db = copy / "windowdesk.db"
    size = db.stat().st_size
    with open(db, "r+b") as fh:  # every page but the first: SQLCipher's HMAC fails on read
        fh.seek(4096)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size - 4096)))
    listing = _documented_error(_run("intake", copy, "cases", "list", "--json"))
    assert listing["error"] in ("store.damaged", "store.cannot_decrypt"), listing
    accept = _documented_error(_accept(copy, request_body))
    assert accept["error"] in ("store.damaged", "store.cannot_decrypt"), accept
    status = _documented_error(_run("sync", copy, "status"), stream="stderr")
    assert status["error"] in ("store.damaged", "store.cannot_decrypt"), status


HOLD_LOCK = """
import sys
from sqlalchemy import text
from intake.station import Station

with Station.open(sys.argv[1]) as station, station.db.write() as session:
    session.execute(text("UPDATE station SET phone = phone"))  # BEGIN IMMEDIATE is taken
    print("locked", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextlib.contextmanager
def holding_the_write_lock(data_dir: Path) -> Iterator[None]:
    """Another process in the middle of a long write transaction on ``data_dir``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "locked", line + (proc.stderr.read() if proc.stderr else "")
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=60)


def test_a_locked_store_is_store_busy(station: Path, request_body: dict[str, Any]) -> None:
    before = _count(station)
    with holding_the_write_lock(station):
        proc = _accept(station, request_body, "--busy-timeout", "0.5")
        body = _documented_error(proc)
        assert body["error"] == "store.busy", body
        assert "locked" not in json.dumps(body)  # the typed code, not SQLite's text
    assert _count(station) == before
    again = _accept(station, request_body, "--busy-timeout", "5")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _count(station) == before + 1


def test_a_locked_store_is_store_busy_in_the_api(
    station: Path, request_body: dict[str, Any]
) -> None:
    """What the desktop's writer sees: a typed ``store.busy`` whose chain carries nothing of
    SQLAlchemy's error (the statement and its parameters: the applicant's ID number)."""
    from intake.clock import local_date, now
    from intake.errors import StoreError
    from intake.requests import parse_request
    from intake.station import Station

    with Station.open(station, busy_timeout_s=0.3) as st:
        request = parse_request(request_body, today=local_date(now()))
        with holding_the_write_lock(station), pytest.raises(StoreError) as caught:
            st.cases.accept(request)
        assert caught.value.code == "store.busy"
        logged = "".join(traceback.format_exception(caught.value))  # what log.exception writes
        assert APPLICANT_ID not in logged and "[parameters:" not in logged, logged
        assert APPLICANT_ID not in repr(caught.value.to_json())
        assert st.cases.accept(request).case_number  # free again: the same save works
