"""``python -m devices`` as a user runs it (subprocess), against real parts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from devices.jsonout import KEYS, identity_to_json
from devices.sam_simulator import SimulatedSamReader
from tests.devices.samples import ALL_CARDS, FOREIGN2017, RESIDENT, RESIDENT_LONG
from tests.devices.vcard import CardData, Pcscd, VirtualCard

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: float = 30) -> tuple[int, list[dict[str, Any]]]:
    proc = subprocess.run(
        [sys.executable, "-m", "devices", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=dict(os.environ),
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, lines


def test_read_sam_serial_prints_exactly_the_contract_keys(sam_sim: SimulatedSamReader) -> None:
    sam_sim.place(RESIDENT_LONG)
    code, out = run("read", "--backend", "sam-serial", "--port", sam_sim.port, "--json")
    assert code == 0
    assert list(out[0]) == list(KEYS)
    assert out[0]["id_number"] == RESIDENT_LONG.id_number
    assert out[0]["valid_to"] is None  # 长期
    assert out[0]["ethnicity"] == "15" and out[0]["sex"] == "2"
    assert isinstance(out[0]["photo_sha256"], str) and len(str(out[0]["photo_sha256"])) == 64


def test_read_foreign_card(sam_sim: SimulatedSamReader) -> None:
    sam_sim.place(FOREIGN2017)
    code, out = run("read", "--backend", "sam-serial", "--port", sam_sim.port, "--json")
    assert code == 0
    assert (out[0]["doc_type"], out[0]["name_en"], out[0]["nationality"]) == (
        "foreign2017",
        FOREIGN2017.name_en,
        "USA",
    )


def test_read_failure_exits_non_zero_with_code_and_message(sam_sim: SimulatedSamReader) -> None:
    code, out = run(
        "read", "--backend", "sam-serial", "--port", sam_sim.port, "--json", "--wait", "0"
    )
    assert code == 2  # the documented JSON error, exit 2 like every CLI
    assert out == [{"error": "card.not_found", "message": "读卡器上没有证件，请放好证件"}]
    code, out = run(
        "read", "--backend", "sam-serial", "--port", "/nonexistent/tty", "--json", "--lang", "en"
    )
    assert (code, out[0]["error"]) == (2, "reader.not_found")
    assert out[0]["message"] == "the serial port does not exist"


def test_read_pcsc(pcsc_slot: Pcscd) -> None:
    card = VirtualCard(CardData(number=RESIDENT.id_number, name="张小三", pin="123456"))
    card.insert(pcsc_slot.port)
    try:
        code, out = run(
            "read", "--backend", "pcsc", "--reader", "WindowDesk", "--json", "--pin", "123456"
        )
        assert code == 0, out
        assert (out[0]["doc_type"], out[0]["name"]) == ("social_security", "张小三")
        code, out = run("read", "--backend", "pcsc", "--reader", "WindowDesk", "--json")
        assert (code, out[0]["error"]) == (2, "pcsc.pin_required")  # no terminal, no --pin
    finally:
        card.remove()


def test_read_vendor(termb_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "card.txt"
    data.write_bytes(
        f"name=张小三\nsex=男\nnation=汉\nidcode={RESIDENT.id_number}\nenddate=长期\n".encode("gbk")
    )
    monkeypatch.setenv("TERMB_SIM_DATA", str(data))
    code, out = run("read", "--backend", "vendor", "--library", str(termb_library), "--json")
    assert code == 0, out
    assert (out[0]["name"], out[0]["sex"], out[0]["valid_to"]) == ("张小三", "1", None)


def test_read_simulated(tmp_path: Path) -> None:
    cards = [identity_to_json(c) for c in ALL_CARDS.values()]
    file = tmp_path / "cards.json"
    file.write_text(json.dumps({"cards": cards}, ensure_ascii=False), "utf-8")
    code, out = run("read", "--backend", "simulated", "--file", str(file), "--json")
    assert code == 0 and out[0]["name"] == RESIDENT.name


def test_list_shows_backends_and_the_pcsc_reader(pcsc_slot: Pcscd, termb_library: Path) -> None:
    code, out = run("list", "--library", str(termb_library))
    assert code == 0
    backends = {b["backend"]: b for b in out[0]["backends"]}
    assert set(backends) == {"sam-serial", "pcsc", "vendor", "simulated"}
    pcsc_readers = [r["reader"] for r in backends["pcsc"]["readers"]]
    assert any(str(r).startswith(Pcscd.READER) for r in pcsc_readers)
    assert {"library": str(termb_library)} in backends["vendor"]["readers"]


def test_monitor_prints_json_lines_until_interrupted(sam_sim: SimulatedSamReader) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "devices",
            "monitor",
            "--backend",
            "sam-serial",
            "--port",
            sam_sim.port,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        assert first["event"] == "health" and first["health"]["state"] == "connected"
        sam_sim.place(RESIDENT)
        events = [json.loads(proc.stdout.readline()) for _ in range(2)]
        assert [e["event"] for e in events] == ["card.present", "read.ok"]
        assert events[1]["identity"]["id_number"] == RESIDENT.id_number
        time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
