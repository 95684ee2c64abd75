"""``python -m printing`` against a seeded station."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from intake.station import Station
from intake.status import Status
from tests.printing.cupsd import Cupsd

ROOT = Path(__file__).parents[2]


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "printing", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, WINDOWDESK_KEYRING="file", **env),
        timeout=60,
        check=False,
    )


def accepted(station_dir: Path) -> str:
    os.environ.setdefault("WINDOWDESK_KEYRING", "file")
    with Station.open(station_dir) as st:
        return next(c.case_number for c in st.cases.list(status=Status.ACCEPTED))


def test_fonts() -> None:
    r = cli("fonts")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "wqy" in out["primary"]["path"] and out["fonts"]


def test_render_and_print(station_dir: Path, tmp_path: Path) -> None:
    number = accepted(station_dir)
    out = tmp_path / "a.pdf"
    r = cli(
        "--data-dir", str(station_dir), "render", "acceptance", "--case", number, "--out", str(out)
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["pages"] >= 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert number in "".join(text.split())
    r = cli(
        "--data-dir",
        str(station_dir),
        "print",
        "materials",
        "--case",
        number,
        "--printer",
        f"pdf:{tmp_path}",
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["state"] == "printed"


def test_failed_print_exits_3_with_a_chinese_message(station_dir: Path, tmp_path: Path) -> None:
    r = cli(
        "--data-dir",
        str(station_dir),
        "print",
        "acceptance",
        "--case",
        accepted(station_dir),
        "--printer",
        f"pdf:{tmp_path}/missing",
    )
    assert r.returncode == 3
    out = json.loads(r.stdout)
    assert out["error"] == "printer.not_found" and "打印机" in out["message"]


def test_unknown_case_is_a_json_error(station_dir: Path, tmp_path: Path) -> None:
    r = cli(
        "--data-dir",
        str(station_dir),
        "render",
        "acceptance",
        "--case",
        "NOPE-1",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert r.returncode == 2
    assert json.loads(r.stderr.strip().splitlines()[-1])["error"].endswith("not_found")


def test_printers_lists_cups_queues(cups: Cupsd) -> None:
    cups.add_pdf_queue("wd_cli")
    r = cli("printers", CUPS_SERVER=cups.socket)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["cups"] == "running"
    assert "wd_cli" in [p["target"] for p in out["printers"]]


def test_printers_says_when_no_cups_server_answers(tmp_path: Path) -> None:
    r = cli("printers", CUPS_SERVER=str(tmp_path / "no-such.sock"))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["cups"] == "unreachable" and out["printers"] == []
