"""One adapter per transport: only devices.pcsc imports pyscard, only serial_port pyserial."""

from __future__ import annotations

import ast
from pathlib import Path

DEVICES = Path(__file__).resolve().parents[2] / "devices"


def importers_of(top: str) -> set[str]:
    found = set()
    for path in DEVICES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(n == top or n.startswith(top + ".") for n in names):
                found.add(path.name)
    return found


def test_only_pcsc_imports_pyscard() -> None:
    assert importers_of("smartcard") == {"pcsc.py"}


def test_only_serial_port_imports_pyserial() -> None:
    assert importers_of("serial") == {"serial_port.py"}


def test_protocol_modules_import_no_transport() -> None:
    for module in ("sam.py", "socialsec.py", "frames.py", "textblock.py", "tlv.py"):
        assert module not in importers_of("serial") | importers_of("smartcard")
    assert importers_of("ctypes") <= {"vendor.py", "backends.py"}
